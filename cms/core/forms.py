from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class CustomImageForm(BaseImageForm):
    """Image form that requires alt text and a credit and labels them in Vietnamese."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            field = self.fields["description"]
            field.required = True
            field.label = _("Alt text")
            field.help_text = _(
                "Describe the picture for people who cannot see it, e.g. Flag-raising "
                "ceremony for the 80th National Day. Do not use the file name."
            )
        if "credit" in self.fields:
            self.fields["credit"].required = True
