"""Images saved by code (the demo, imports, a shell) are re-encoded like uploads.

The admin's forms re-encode an upload while they validate it (``cms.core.forms``); this
catches every other way a new image file reaches the database, before it is stored.
"""

from django.conf import settings
from django.db.models.signals import pre_save

from .images import reencode_new_file


def reencode_new_image_file(sender, instance, raw=False, **kwargs):
    if raw:
        return
    reencode_new_file(instance)


def connect():
    image_model = getattr(settings, "WAGTAILIMAGES_IMAGE_MODEL", "wagtailimages.Image")
    pre_save.connect(reencode_new_image_file, sender=image_model, dispatch_uid="uploads-reencode")
