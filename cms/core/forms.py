import contextlib
import os

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from cms.uploads import images as image_uploads
from cms.uploads.publication import is_public
from cms.uploads.sniffing import check_document, refuse_markup

IMAGE_IN_USE = _(
    "This image is used on a published page, so its file cannot be replaced here: the new "
    "picture would go public without review. Upload it as a new image and use it in a new "
    "version of the page."
)
DOCUMENT_IN_USE = _(
    "This document is used on a published page, so its file cannot be replaced here: the "
    "new file would go public without review. Upload it as a new document and link it in a "
    "new version of the page."
)


def _is_new_upload(upload) -> bool:
    return (
        upload is not None and hasattr(upload, "read") and not getattr(upload, "_committed", False)
    )


class UploadImageField(WagtailImageField):
    """Wagtail's image field (extension, size, pixel count, format read by Pillow and
    Willow), which first refuses SVG drawings and HTML pages whatever their name, before
    any image library parses them, and refuses a damaged file with a message."""

    def to_python(self, data):
        if _is_new_upload(data):
            refuse_markup(data)
        try:
            return super().to_python(data)
        except (OSError, SyntaxError, EOFError) as error:
            # Wagtail counts the frames of a damaged file without catching the image
            # library's error, which would otherwise be a server error.
            raise ValidationError(image_uploads.UNREADABLE, code="unreadable_image") from error


class CustomImageForm(BaseImageForm):
    """Image form that requires alt text and a credit, checks the upload by its content and
    stores it re-encoded, without its metadata (``cms.uploads.images``)."""

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
        file_field = self.fields.get("file")
        if file_field is not None and not isinstance(file_field, UploadImageField):
            self.fields["file"] = UploadImageField(
                label=file_field.label, required=file_field.required, widget=file_field.widget
            )

    def clean_file(self):
        """Re-encode a new upload in place: what is stored (the image, or the upload kept
        while the multiple uploader asks for the alt text) is the re-encoded picture."""
        upload = self.cleaned_data.get("file")
        if not _is_new_upload(upload):
            return upload
        if self.instance.pk and is_public(self.instance):
            raise ValidationError(IMAGE_IN_USE, code="in_use")
        image_uploads.reencode_upload(upload)
        with contextlib.suppress(AttributeError, OSError, ValueError):
            upload.seek(0)
        return upload


class CustomDocumentForm(BaseDocumentForm):
    """Document form that checks the upload by its content (``cms.uploads.sniffing``): an
    HTML page named .pdf, a PNG named .docx or a ZIP archive renamed .docx is refused, and
    so is an Office file with macros. The size limit is Wagtail's
    (``WAGTAILDOCS_MAX_UPLOAD_SIZE``), the extensions ``WAGTAILDOCS_EXTENSIONS``."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not _is_new_upload(upload):
            return upload
        extension = os.path.splitext(upload.name or "")[1]
        check_document(upload, extension)
        if self.instance.pk and is_public(self.instance):
            raise ValidationError(DOCUMENT_IN_USE, code="in_use")
        return upload
