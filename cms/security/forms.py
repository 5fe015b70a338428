"""Forms of the findings view."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ExemptionForm(forms.Form):
    """Mark one finding of one revision as a false positive. The reason is required."""

    revision_id = forms.IntegerField(widget=forms.HiddenInput)
    rule = forms.CharField(max_length=20, widget=forms.HiddenInput)
    field = forms.CharField(max_length=255, required=False, widget=forms.HiddenInput)
    excerpt = forms.CharField(widget=forms.HiddenInput, strip=False)
    reason = forms.CharField(
        label=_("Why is this a false positive?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        error_messages={"required": _("Give the reason why this finding is a false positive.")},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(
                _("Give the reason why this finding is a false positive."), code="required"
            )
        return reason
