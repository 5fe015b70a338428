"""Which documents (and images) the public may see: those a live page uses.

An upload is not publication. A document goes public when a page that links it is
published through the workflow and the gate, and stops being public when the last such
page is taken down. Wagtail's reference index records what every page row links to
(rich-text document links, document blocks, foreign keys). The row of a page holds its
live content (drafts are kept in revisions), so the references of a live, public page
are the references of its live version; a draft that adds a link changes nothing until
it is published.

Editors who may choose or change the document in its collection can still fetch it
(to check it before linking it); anyone else gets a 404, which does not reveal that the
document exists.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry


def live_pages_using(obj):
    """The live, public pages whose live version links ``obj`` (a document or an image)."""
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = [
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
        .distinct()
        if str(object_id).isdigit()
    ]
    return Page.objects.live().public().filter(pk__in=page_ids)


def is_public(obj) -> bool:
    """Whether a live, public page uses ``obj``."""
    return live_pages_using(obj).exists()


def can_fetch_unpublished(user, document) -> bool:
    """Whether ``user`` may fetch ``document`` although no live page uses it: an editor
    with the right to choose or change it in its collection."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    permission_policy = policy_registry.get_by_type(get_document_model())
    return permission_policy.user_has_any_permission_for_instance(
        user, ["choose", "change"], document
    )
