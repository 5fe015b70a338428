"""Image uploads through the admin, as a writer: checked by content, stored re-encoded.

Both of Wagtail's ways in are used: the single upload form (/admin/images/add/) and the
multiple uploader (/admin/images/multiple/add/), which keeps an upload aside while it
asks for the alt text and the credit, then makes the image from it.
"""

import hashlib
import html
import io
from http import HTTPStatus

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, PngImagePlugin
from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile

from cms.security.extractors import exif
from tests.factories import ArticlePageFactory, CustomImageFactory
from tests.uploads import files

pytestmark = pytest.mark.django_db

MARKUP_REFUSED = (
    "Không nhận hình vẽ SVG và trang HTML, kể cả khi đã đổi tên tệp: chúng có thể chứa mã "
    "lệnh chạy trong trình duyệt của người xem. Hãy lưu hình vẽ thành PNG, trang thành PDF."
)
UNREADABLE = "Không đọc được trọn vẹn hình ảnh này, tệp có thể đã hỏng."
WRONG_FORMAT = "Không phải hình ảnh .jpeg hợp lệ. Phần mở rộng không khớp với định dạng tệp (png)"
NOT_SUPPORTED = "Định dạng hình ảnh không được hỗ trợ. Định dạng được hỗ trợ: JPG, JPEG, PNG"
TOO_BIG = "Dung lượng tệp tối đa: 10,0 MB"
TOO_MANY_PIXELS = "Số điểm ảnh tối đa: 50000000"
IN_USE = "Hình ảnh này đang được dùng trên trang đã xuất bản nên không thể thay tệp tại đây"


def shown(response) -> str:
    """The text the editor reads (HTML entities and non-breaking spaces undone)."""
    return html.unescape(response.content.decode()).replace("\xa0", " ")


def stored_bytes(image) -> bytes:
    with image.file.open("rb") as handle:
        return handle.read()


def add_image(client, name: str, data: bytes, **fields):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Lễ chào cờ đầu tháng",
            "file": SimpleUploadedFile(name, data),
            "collection": Collection.get_first_root_node().pk,
            "description": "Cán bộ xã dự lễ chào cờ tại trụ sở UBND xã",
            "credit": "Ảnh: Văn Minh",
            "tags": "",
            **fields,
        },
    )


def add_images_at_once(client, name: str, data: bytes):
    """What the multiple uploader's script posts for one file."""
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile(name, data), "title": name},
    )
    assert response.status_code == HTTPStatus.OK
    return response.json()


def assert_clean(data: bytes):
    """No EXIF, XMP, comment or text chunk: nothing but the picture (and its colours)."""
    assert not exif.has_location(data)
    assert files.XMP not in data
    assert b"Nguyen Van A" not in data
    with Image.open(io.BytesIO(data)) as stored:
        assert not dict(stored.getexif())
        assert set(stored.info) <= {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi"}


def test_photo_is_stored_redrawn_upright_and_without_its_metadata(writer_client, storage):
    original = files.photo_with_metadata()

    response = add_image(writer_client, "le-chao-co.jpg", original)

    assert response.status_code == HTTPStatus.FOUND, shown(response)[:3000]
    image = get_image_model().objects.get(title="Lễ chào cờ đầu tháng")
    data = stored_bytes(image)
    assert_clean(data)
    with Image.open(io.BytesIO(data)) as stored:
        assert stored.format == "JPEG"
        # Orientation 6: the 60 by 40 picture is turned a quarter clockwise, so the red
        # corner that was top left is now top right.
        assert stored.size == (40, 60)
        assert stored.convert("RGB").getpixel((35, 2))[0] > 150
        assert stored.convert("RGB").getpixel((2, 2))[0] < 100
    assert (image.width, image.height) == (40, 60)
    assert image.file_size == len(data)
    assert image.file_hash == hashlib.sha1(data, usedforsecurity=False).hexdigest()
    # The original bytes were never written anywhere.
    assert all(path.read_bytes() != original for path in storage.new_files())


@pytest.mark.parametrize(
    ("name", "image_format"), [("anh.png", "PNG"), ("anh.webp", "WEBP")], ids=["png", "webp"]
)
def test_png_and_webp_keep_their_format_and_lose_their_metadata(writer_client, name, image_format):
    response = add_image(writer_client, name, files.photo_with_metadata(image_format=image_format))

    assert response.status_code == HTTPStatus.FOUND, shown(response)[:3000]
    data = stored_bytes(get_image_model().objects.get())
    with Image.open(io.BytesIO(data)) as stored:
        assert stored.format == image_format
        assert stored.size == (40, 60)
        assert not dict(stored.getexif())
        assert "xmp" not in stored.info
    assert not exif.has_location(data)


def test_large_photo_kept_in_a_temporary_file_is_stored_redrawn(writer_client, settings):
    """Above FILE_UPLOAD_MAX_MEMORY_SIZE Django keeps the upload in a temporary file, which
    storage moves into place: the re-encoding is written into that file first."""
    picture = Image.effect_noise((1100, 1100), 90).convert("RGB")
    text = PngImagePlugin.PngInfo()
    text.add_text("Location", "Nha ong Nguyen Van A, thon 5")
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", pnginfo=text, exif=files.photo_exif())
    original = buffer.getvalue()
    assert len(original) > settings.FILE_UPLOAD_MAX_MEMORY_SIZE

    response = add_image(writer_client, "toan-canh-xa.png", original)

    assert response.status_code == HTTPStatus.FOUND, shown(response)[:3000]
    data = stored_bytes(get_image_model().objects.get())
    assert b"Nguyen Van A" not in data
    assert not exif.has_location(data)
    with Image.open(io.BytesIO(data)) as stored:
        assert stored.size == (1100, 1100)  # this one had no orientation to apply
        assert not dict(stored.getexif())


def test_animated_gif_keeps_its_frames_and_timing(writer_client):
    frames = [Image.new("RGB", (30, 20), color).convert("P") for color in ("red", "blue")]
    buffer = io.BytesIO()
    frames[0].save(
        buffer,
        "GIF",
        save_all=True,
        append_images=frames[1:],
        duration=[300, 700],
        loop=0,
        comment=b"Nguyen Van A",
    )

    response = add_image(writer_client, "co-bay.gif", buffer.getvalue())

    assert response.status_code == HTTPStatus.FOUND, shown(response)[:3000]
    data = stored_bytes(get_image_model().objects.get())
    assert b"Nguyen Van A" not in data
    with Image.open(io.BytesIO(data)) as stored:
        assert stored.n_frames == 2
        durations = []
        for index in range(stored.n_frames):
            stored.seek(index)
            durations.append(stored.info["duration"])
        assert durations == [300, 700]


def test_multiple_upload_keeps_aside_only_the_redrawn_picture(writer_client, storage):
    """Without alt text the uploader keeps the upload aside and asks for it: what it keeps,
    and the image made from it, are the re-encoded picture."""
    original = files.photo_with_metadata()

    answer = add_images_at_once(writer_client, "hoi-nghi.jpg", original)

    assert answer["success"], answer
    pending = UploadedFile.objects.get(pk=answer["uploaded_file_id"])
    with pending.file.open("rb") as handle:
        assert_clean(handle.read())

    prefix = f"uploaded-image-{pending.pk}"
    response = writer_client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[pending.pk]),
        {
            f"{prefix}-title": "Hội nghị sơ kết",
            f"{prefix}-collection": Collection.get_first_root_node().pk,
            f"{prefix}-description": "Toàn cảnh hội nghị sơ kết quý III",
            f"{prefix}-credit": "Ảnh: Văn Minh",
            f"{prefix}-tags": "",
        },
    )

    assert response.json()["success"], response.content[:2000]
    image = get_image_model().objects.get(title="Hội nghị sơ kết")
    data = stored_bytes(image)
    assert_clean(data)
    assert (image.width, image.height) == (40, 60)
    assert not UploadedFile.objects.exists()
    assert all(path.read_bytes() != original for path in storage.files())


def too_many_pixels() -> bytes:
    """A real PNG of 8,000 by 7,000 pixels (56 million), one bit each."""
    return files.png(size=(8000, 7000), color=1, mode="1")


def oversized_photo() -> bytes:
    """A real JPEG padded past 10 MB (readers stop at the end of the picture)."""
    return files.photo_with_metadata() + b"\x00" * (10 * 1024 * 1024)


def bitmap() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "#2f6f4f").save(buffer, "BMP")
    return buffer.getvalue()


def truncated_photo() -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise((400, 300), 64).convert("RGB").save(buffer, "JPEG")
    return buffer.getvalue()[:6000]


REFUSED = [
    ("ban-do.svg", files.SVG_DRAWING, MARKUP_REFUSED),
    ("anh.bmp", bitmap(), NOT_SUPPORTED),
    ("ban-do.png", files.SVG_DRAWING, MARKUP_REFUSED),
    ("thong-bao.jpg", files.HTML_PAGE, MARKUP_REFUSED),
    ("thong-bao.png", files.HTML_FRAGMENT, MARKUP_REFUSED),
    ("anh.jpg", files.png(), WRONG_FORMAT),
    ("anh-lon.jpg", oversized_photo(), TOO_BIG),
    ("toan-canh.png", too_many_pixels(), TOO_MANY_PIXELS),
    ("anh-hong.jpg", truncated_photo(), UNREADABLE),
]
REFUSED_IDS = [
    "svg",
    "bmp",
    "svg-named-png",
    "html-named-jpg",
    "html-fragment-named-png",
    "png-named-jpg",
    "over-10-MB",
    "over-50-megapixels",
    "truncated",
]


@pytest.mark.parametrize(("name", "data", "message"), REFUSED, ids=REFUSED_IDS)
def test_refused_upload_says_why_and_stores_nothing(writer_client, storage, name, data, message):
    response = add_image(writer_client, name, data)

    assert response.status_code == HTTPStatus.OK
    assert message in shown(response)
    storage.assert_nothing_stored()


@pytest.mark.parametrize(("name", "data", "message"), REFUSED, ids=REFUSED_IDS)
def test_multiple_upload_refuses_the_same_files(writer_client, storage, name, data, message):
    answer = add_images_at_once(writer_client, name, data)

    assert answer["success"] is False
    assert message in answer["error_message"].replace("\xa0", " ")
    storage.assert_nothing_stored()


def test_image_made_in_code_is_redrawn_too():
    """The demo, an import or a shell: a new image file is re-encoded before it is stored."""
    image = get_image_model().objects.create(
        title="Đồng lúa thôn 5",
        file=ContentFile(files.photo_with_metadata(), name="dong-lua.jpg"),
        description="Đồng lúa thôn 5 mùa gặt",
        credit="Ảnh: Văn Minh",
    )

    data = stored_bytes(image)
    assert_clean(data)
    assert (image.width, image.height) == (40, 60)


def test_file_of_an_image_on_a_live_page_cannot_be_swapped(client, django_user_model):
    """Replacing the picture of a published page would publish it without review."""
    image = CustomImageFactory()
    ArticlePageFactory(feed_image=image)
    before = stored_bytes(image)
    client.force_login(django_user_model.objects.create_superuser("quantri", "qt@x.vn", "x" * 12))

    response = client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {
            "title": image.title,
            "file": SimpleUploadedFile("anh-moi.png", files.png(color="#000000")),
            "collection": image.collection_id,
            "description": image.description,
            "credit": image.credit,
            "tags": "",
        },
    )

    assert response.status_code == HTTPStatus.OK
    assert IN_USE in shown(response)
    image.refresh_from_db()
    assert stored_bytes(image) == before
