"""The search form: the query and its filters, read from the query string."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .folding import MAX_QUERY_LENGTH
from .models import SearchKind

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]


class SearchForm(forms.Form):
    """``q``, ``topic`` (a slug), ``type``, ``from`` and ``to`` (dates).

    A filter with a wrong value gets an error and is left out; the others still
    apply (``filters()``). ``from`` and ``to`` are Python keywords, hence the
    fields are added in ``__init__``.
    """

    q = forms.CharField(label=_("Search for"), required=False, strip=True)

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.topics = {topic.slug: topic for topic in topics}
        self.fields["topic"] = forms.ChoiceField(
            label=_("Topic"),
            required=False,
            choices=[("", _("All topics"))] + [(t.slug, t.name) for t in topics],
            error_messages={"invalid_choice": _("There is no such topic; all topics are shown.")},
        )
        self.fields["type"] = forms.ChoiceField(
            label=_("Type"),
            required=False,
            choices=[("", _("All types")), *SearchKind.choices],
            error_messages={"invalid_choice": _("There is no such type; all types are shown.")},
        )
        self.fields["from"] = forms.DateField(
            label=_("From"),
            required=False,
            input_formats=DATE_INPUT_FORMATS,
            error_messages={
                "invalid": _("“From” is not a valid date (day/month/year); it was not applied.")
            },
        )
        self.fields["to"] = forms.DateField(
            label=_("To"),
            required=False,
            input_formats=DATE_INPUT_FORMATS,
            error_messages={
                "invalid": _("“To” is not a valid date (day/month/year); it was not applied.")
            },
        )

    def clean_q(self):
        return self.cleaned_data["q"][:MAX_QUERY_LENGTH]

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("from"), cleaned.get("to")
        if date_from and date_to and date_from > date_to:
            self.add_error(
                "to",
                _("The end date is before the start date; the dates were not applied."),
            )
            cleaned.pop("from", None)
        return cleaned

    def value(self, name: str):
        """The valid value of a field, else ``None`` (the form is always bound)."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return self.cleaned_data.get(name) or None

    def date_value(self, name: str) -> str:
        """The date given for ``name`` as YYYY-MM-DD for a date input, "" if it is no date."""
        try:
            day = self.fields[name].to_python(self.data.get(name))
        except forms.ValidationError:
            return ""
        return day.isoformat() if day else ""

    @property
    def topic(self):
        slug = self.value("topic")
        return self.topics.get(slug) if slug else None
