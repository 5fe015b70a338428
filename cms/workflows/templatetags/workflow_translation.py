"""The translation editor's Publish button as the workflow sees it (``translation``)."""

from django import template
from django.utils.translation import gettext as _
from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_editor_setup(context, instance):
    """What wagtail-localize's editor is told about its Publish button, for a page.

    ``canSubmit``: the user may save and submit the translation (Wagtail let them open
    the editor; the page is not locked by someone else and has a workflow). ``labels``:
    the button's words, which say "submit for review", not "publish" (they replace the
    editor's own in its JavaScript catalogue, on this page only). None for a snippet.
    """
    if not isinstance(instance, Page):
        return None
    user = context["request"].user
    lock = instance.get_lock()
    locked = lock is not None and lock.for_user(user)
    return {
        "canSubmit": bool(not locked and instance.has_workflow),
        "labels": {
            # The editor shows gettext("Publish in ") followed by the language's name.
            "Publish in ": _("Save and submit for review: "),
            "Publishing...": _("Submitting for review..."),
        },
    }
