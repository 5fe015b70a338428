"""wagtail-localize's "Download PO" and "Upload PO", at its own addresses (``wagtail_hooks``).

Who may use them is what wagtail-localize asks: whoever may edit the translated
page. What changes is the file (``po.export_po``) and the checks before an upload
is stored (``po.read_upload``): a file that cannot be imported as a whole is refused
with a message and nothing is stored; a file that can is imported in one transaction.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

from .po import InvalidPO, export_po, read_upload


def _translation_for(request, translation_id):
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), id=translation_id
    )
    instance = translation.get_target_instance()
    if not user_can_edit_instance(request.user, instance):
        raise PermissionDenied
    return translation, instance


@require_GET
def download_pofile(request, translation_id):
    translation, _instance = _translation_for(request, translation_id)
    po = export_po(translation, request.user)
    response = HttpResponse(str(po), content_type="text/x-gettext-translation; charset=utf-8")
    filename = (
        f"{slugify(translation.source.object_repr) or 'translation'}"
        f"-{translation.target_locale.language_code}.po"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _edit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    return reverse("wagtailadmin_home")


def _changed(translation, po) -> int:
    """How many entries of ``po`` differ from the stored translations."""
    stored = {
        (context, source): data
        for context, source, data in StringTranslation.objects.filter(
            context__object_id=translation.source.object_id,
            locale_id=translation.target_locale_id,
        ).values_list("context__path", "translation_of__data", "data")
    }
    return sum(1 for entry in po if stored.get((entry.msgctxt, entry.msgid)) != entry.msgstr)


@require_POST
def upload_pofile(request, translation_id):
    translation, instance = _translation_for(request, translation_id)
    next_url = get_valid_next_url_from_request(request) or _edit_url(instance)

    if isinstance(instance, Page):
        lock = instance.get_lock()
        if lock is not None and lock.for_user(request.user):
            messages.error(request, _("This page is locked: nothing was imported."))
            return redirect(next_url)

    try:
        upload = read_upload(request.FILES.get("file"), translation)
    except InvalidPO as error:
        messages.error(request, _("%(reason)s Nothing was imported.") % {"reason": error.message})
        return redirect(next_url)

    if not len(upload):
        messages.warning(
            request,
            _("“%(name)s” contains no translations: nothing was imported.") % {"name": upload.name},
        )
        return redirect(next_url)

    changed = _changed(translation, upload.po)
    with transaction.atomic():
        translation.import_po(upload.po, user=request.user, tool_name="PO File")

    messages.success(
        request,
        ngettext(
            "Imported “%(name)s”: %(count)s translation added or changed.",
            "Imported “%(name)s”: %(count)s translations added or changed.",
            changed,
        )
        % {"name": upload.name, "count": changed},
    )
    if upload.fuzzy:
        messages.warning(
            request,
            ngettext(
                "%(count)s fuzzy translation was left out: review it and remove the fuzzy "
                "mark before uploading it.",
                "%(count)s fuzzy translations were left out: review them and remove the "
                "fuzzy mark before uploading them.",
                upload.fuzzy,
            )
            % {"count": upload.fuzzy},
        )
    return redirect(next_url)
