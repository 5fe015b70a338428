from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=32,
        strip=True,
        error_messages={"required": _("Enter the code.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, help_text="", numeric=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = help_text
        if numeric:
            self.fields["code"].widget.attrs["inputmode"] = "numeric"
