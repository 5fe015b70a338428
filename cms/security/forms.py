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


class AttestationForm(forms.Form):
    """Confirm the ticked statements of the attest findings of one revision.

    ``choices`` are (token, label) pairs, one per attest item of the revision as
    scanned now (``admin_views.attest_items``): a token posted for an item that is
    no longer reported is an invalid choice, and nothing is confirmed.
    """

    revision_id = forms.IntegerField(widget=forms.HiddenInput)
    items = forms.MultipleChoiceField(
        label=_("Statements to confirm"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Tick at least one statement to confirm; nothing was confirmed."),
            "invalid_choice": _(
                "A ticked statement is no longer reported for this page; nothing was confirmed. "
                "Check the findings again."
            ),
        },
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].choices = list(choices)
