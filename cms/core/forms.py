import contextlib

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

from cms.security.extractors import exif
from cms.security.extractors.base import ExtractionError


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

    def clean_file(self):
        """Refuse, with the reader's reason, an image whose location data cannot be removed.

        The removal itself happens when the image is saved (``cms.security``); checking
        here turns a file that would fail there into a form error instead of a crash.
        """
        upload = self.cleaned_data.get("file")
        if upload is None or not hasattr(upload, "read") or getattr(upload, "_committed", False):
            return upload
        try:
            upload.seek(0)
            exif.strip_location(upload.read())
        except ExtractionError as error:
            raise ValidationError(str(error)) from None
        finally:
            with contextlib.suppress(AttributeError, OSError, ValueError):
                upload.seek(0)
        return upload
