"""Image uploads: where a photo was taken is removed before the file is stored."""

import hashlib
import io
from http import HTTPStatus

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.security.extractors import exif

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (60, 40), "#2f6f4f")
    metadata = Image.Exif()
    metadata[ORIENTATION] = 6  # taken with the phone turned: must stay upright
    metadata[GPS_IFD] = {1: "N", 2: (20.0, 15.0, 30.0), 3: "E", 4: (106.0, 20.0, 10.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=metadata)
    return buffer.getvalue()


def stored_bytes(image) -> bytes:
    with image.file.open("rb") as handle:
        return handle.read()


def test_photo_uploaded_in_the_admin_loses_its_location(admin_client):
    client = admin_client
    original = jpeg_with_gps()
    assert exif.has_location(original)

    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Lễ chào cờ",
            "file": SimpleUploadedFile("le-chao-co.jpg", original, content_type="image/jpeg"),
            "collection": Collection.get_first_root_node().pk,
            "description": "Lễ chào cờ tại trụ sở UBND xã",
            "credit": "Ảnh: Văn Minh",
            "tags": "",
        },
    )

    assert response.status_code == HTTPStatus.FOUND, response.content[:3000]
    image = get_image_model().objects.get(title="Lễ chào cờ")
    data = stored_bytes(image)
    assert not exif.has_location(data)
    with Image.open(io.BytesIO(data)) as stored:
        # The orientation is applied to the pixels (60 by 40 turned upright), not kept as a tag.
        assert stored.size == (40, 60)
        metadata = stored.getexif()
        assert ORIENTATION not in metadata
        assert not dict(metadata.get_ifd(GPS_IFD))
    assert image.file_hash == hashlib.sha1(data, usedforsecurity=False).hexdigest()


def test_photo_created_in_code_loses_its_location_too():
    image = get_image_model().objects.create(
        title="Đồng lúa thôn 5",
        file=ContentFile(jpeg_with_gps(), name="dong-lua.jpg"),
        description="Đồng lúa thôn 5 mùa gặt",
        credit="Ảnh: Văn Minh",
    )

    assert not exif.has_location(stored_bytes(image))


def test_alt_text_and_credit_are_required_on_upload(admin_client):
    client = admin_client

    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Không mô tả",
            "file": SimpleUploadedFile("a.jpg", jpeg_with_gps(), content_type="image/jpeg"),
            "collection": Collection.get_first_root_node().pk,
            "description": "",
            "credit": "",
            "tags": "",
        },
    )

    assert response.status_code == HTTPStatus.OK  # the form again
    assert not get_image_model().objects.filter(title="Không mô tả").exists()
