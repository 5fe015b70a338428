"""Forms of the workflow's steps."""

from django import forms
from django.utils.translation import gettext_lazy
from wagtail.forms import TaskStateCommentForm


class RequestChangesForm(TaskStateCommentForm):
    """ "Request changes" must say what to change: the comment goes to the author by e-mail."""

    comment = forms.CharField(
        label=gettext_lazy("What should be changed"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=True,
        error_messages={"required": gettext_lazy("Say what the author should change.")},
    )
