from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .script import DAY, WEEK

LANGUAGE_CHOICES = [("vi", _("Vietnamese")), ("en", _("English"))]
PERIOD_CHOICES = [
    (DAY, _("One day")),
    (WEEK, _("The week containing that day (Monday to Sunday)")),
]


class BulletinForm(forms.Form):
    """Which bulletin to prepare: language, day and period. Sent by GET (it changes nothing)."""

    language = forms.ChoiceField(
        label=_("Language of the bulletin"),
        choices=LANGUAGE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the language of the bulletin."),
            "invalid_choice": _("Choose Vietnamese or English."),
        },
    )
    date = forms.DateField(
        label=_("Day of the bulletin"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Articles whose publication date is this day (or in its week) are read."),
        error_messages={
            "required": _("Choose the date of the bulletin."),
            "invalid": _("Enter a valid date, for example 02/09/2025."),
        },
    )
    period = forms.ChoiceField(
        label=_("Period of the bulletin"),
        choices=PERIOD_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose one day or one week."),
            "invalid_choice": _("Choose one day or one week."),
        },
    )

    @staticmethod
    def default_data() -> dict:
        """Today's bulletin in Vietnamese: what the screen shows when it is opened."""
        return {"language": "vi", "date": timezone.localdate().isoformat(), "period": DAY}
