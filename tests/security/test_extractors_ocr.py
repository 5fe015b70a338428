"""Reading text inside images and scanned documents with Tesseract.

These tests need Debian's tesseract-ocr and tesseract-ocr-vie. Without them
they are skipped, except under CI (the CI variable set), where they fail: CI
installs Tesseract and must run them.
"""

import io
import os
import re
import time
from pathlib import Path

import docx
import pytesseract
import pytest
from PIL import Image, ImageDraw, ImageFont

from cms.security.extractors import (
    Limits,
    extract_text,
    ocr_available,
    ocr_status,
    read_image_text,
)
from cms.security.extractors.ocr import NO_VIETNAMESE, NOT_INSTALLED

FONTS = Path("/usr/share/fonts/truetype/dejavu")
BOLD = FONTS / "DejaVuSans-Bold.ttf"
REGULAR = FONTS / "DejaVuSans.ttf"

BODY_LINES = [
    "ỦY BAN NHÂN DÂN XÃ XUÂN TRƯỜNG",
    "Số: 12/KH-UBND",
    "Kế hoạch tổ chức lễ kỷ niệm 80 năm Quốc khánh tại xã,",
    "tỉnh Ninh Bình. Liên hệ đồng chí Hùng: 0912 345 678.",
]


@pytest.fixture
def tesseract():
    """Skip (or fail under CI) when Tesseract or its Vietnamese data is missing."""
    ocr_status.cache_clear()
    if not ocr_available():
        reason = ocr_status()[1]
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the OCR tests: {reason}")
        pytest.skip(reason)


@pytest.fixture
def fonts():
    if not (BOLD.exists() and REGULAR.exists()):
        message = f"the DejaVu fonts (Debian's fonts-dejavu-core) are needed in {FONTS}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def no_tesseract(monkeypatch):
    """Tesseract as absent as on a server where it was never installed."""
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    ocr_status.cache_clear()
    yield
    ocr_status.cache_clear()


def words(text: str, size: int = 120, colour=(0, 0, 0)) -> Image.Image:
    """Black (or coloured) words on white, with a margin."""
    font = ImageFont.truetype(str(BOLD), size)
    left, top, right, bottom = font.getbbox(text)
    margin = max(12, size // 3)
    image = Image.new("RGB", (right - left + 2 * margin, bottom - top + 2 * margin), "white")
    ImageDraw.Draw(image).text((margin - left, margin - top), text, font=font, fill=colour)
    return image


def stamp(text: str, size: int, angle: float, colour) -> Image.Image:
    """A rectangular ink stamp, as the secrecy marks of Circular 24/2020/TT-BCA look."""
    font = ImageFont.truetype(str(BOLD), size)
    left, top, right, bottom = font.getbbox(text)
    width, height = right - left + 80, bottom - top + 60
    mark = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(mark)
    draw.rectangle((4, 4, width - 5, height - 5), outline=colour, width=7)
    draw.text((40 - left, 30 - top), text, font=font, fill=colour)
    return mark.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)


def document_page(mark: str | None = "TỐI MẬT", angle: float = 10, colour=(200, 20, 20)):
    """An A4 page at 150 dpi: a typed letter, with a tilted ink stamp in the corner."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(REGULAR), 26)
    for number, line in enumerate(BODY_LINES):
        draw.text((100, 320 + 48 * number), line, font=font, fill="black")
    if mark:
        seal = stamp(mark, 90, angle, colour)
        page.paste(seal, (1240 - seal.width - 40, 40), seal)
    return page


def on_its_own_line(text: str, phrase: str) -> bool:
    return re.search(rf"(?m)^{re.escape(phrase)}\W*$", text) is not None


# -- read_image_text --------------------------------------------------------------------


@pytest.mark.parametrize("phrase", ["MẬT", "TỐI MẬT", "TUYỆT MẬT", "ĐỘ MẬT: TỐI MẬT"])
def test_secrecy_marks_are_read_with_their_diacritics(tesseract, fonts, phrase):
    result = read_image_text(words(phrase, size=60))
    assert result.ok
    assert result.text == phrase


@pytest.mark.parametrize("size", [14, 200])
def test_very_small_and_very_large_letters_keep_their_diacritics(tesseract, fonts, size):
    # Tesseract alone reads 200-pixel letters as "TOI MAT": the image is rescaled.
    result = read_image_text(words("TỐI MẬT", size=size))
    assert result.text == "TỐI MẬT"


def test_typed_page_is_read_line_by_line(tesseract, fonts):
    result = read_image_text(document_page(mark=None))
    assert [line for line in result.text.splitlines() if line] == BODY_LINES
    assert result.confidence > 80


@pytest.mark.parametrize(
    ("mark", "angle", "colour"),
    [
        ("MẬT", -25, (200, 20, 20)),
        ("TỐI MẬT", 10, (200, 20, 20)),
        ("TUYỆT MẬT", 18, (30, 40, 200)),
        ("TỐI MẬT", 0, (30, 40, 200)),
    ],
)
def test_tilted_ink_stamp_on_a_typed_page_is_found(tesseract, fonts, mark, angle, colour):
    result = read_image_text(document_page(mark, angle, colour))
    assert on_its_own_line(result.text, mark), result.text
    assert "0912 345 678" in result.text


def test_stamp_pass_can_be_turned_off(tesseract, fonts):
    result = read_image_text(document_page("TỐI MẬT", 10), find_stamps=False)
    assert not on_its_own_line(result.text, "TỐI MẬT")
    assert "Số: 12/KH-UBND" in result.text


def test_image_bytes_and_transparency(tesseract, fonts):
    image = Image.new("RGBA", (600, 200), (0, 0, 0, 0))
    font = ImageFont.truetype(str(BOLD), 70)
    ImageDraw.Draw(image).text((30, 50), "TỐI MẬT", font=font, fill=(0, 0, 0, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    assert read_image_text(out.getvalue()).text == "TỐI MẬT"


def test_timeout_returns_what_was_read_and_says_why(tesseract, fonts):
    started = time.monotonic()
    result = read_image_text(document_page(), timeout=0.2)
    assert time.monotonic() - started < 5
    assert result.available
    assert result.reason == (
        "hết thời gian đọc chữ trong ảnh (quá 0,2 giây) "
        "(reading the image took longer than 0.2 seconds)"
    )


def test_damaged_image_bytes_give_a_reason_not_an_exception(tesseract):
    result = read_image_text(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    assert result.available
    assert result.text == ""
    assert result.reason.startswith("không mở được ảnh để đọc chữ (the image could not be opened")


def test_without_tesseract_nothing_raises_and_the_reason_is_given(no_tesseract):
    assert not ocr_available()
    result = read_image_text(Image.new("RGB", (200, 80), "white"))
    assert result == read_image_text(b"anything")
    assert (result.text, result.available, result.reason) == ("", False, NOT_INSTALLED)
    assert "Tesseract is not installed" in NOT_INSTALLED


def test_without_vietnamese_data_the_reason_names_the_package(monkeypatch):
    monkeypatch.setattr(pytesseract, "get_tesseract_version", lambda: "5.3.0")
    monkeypatch.setattr(pytesseract, "get_languages", lambda config="": ["eng", "osd"])
    ocr_status.cache_clear()
    try:
        assert ocr_status() == (False, NO_VIETNAMESE)
        assert "tesseract-ocr-vie" in NO_VIETNAMESE
    finally:
        ocr_status.cache_clear()


def test_invalid_language_list_is_refused():
    with pytest.raises(ValueError, match="invalid Tesseract language list"):
        read_image_text(Image.new("RGB", (10, 10)), lang="vie; rm -rf /")


# -- scanned documents ----------------------------------------------------------------------


def scanned_pdf(*pages: Image.Image) -> bytes:
    out = io.BytesIO()
    pages[0].save(out, "PDF", resolution=150, save_all=True, append_images=list(pages[1:]))
    return out.getvalue()


def test_scanned_pdf_is_read_page_by_page(tesseract, fonts):
    data = scanned_pdf(words("MẬT", size=120), document_page("TUYỆT MẬT", 18))
    document = extract_text(data, filename="cong-van-scan.pdf")
    assert document.kind == "pdf"
    assert document.part("page 1") is None  # no text layer
    assert document.part("ocr page 1") == "MẬT"
    assert on_its_own_line(document.part("ocr page 2"), "TUYỆT MẬT")
    assert (document.images_read, document.images_not_read) == (2, 0)
    assert document.complete


def test_scanned_pdf_without_tesseract_says_images_were_not_read(fonts, no_tesseract):
    document = extract_text(scanned_pdf(words("MẬT")))
    assert document.part("ocr page 1") is None
    assert document.images_not_read == 1
    assert not document.complete
    assert document.warnings == [NOT_INSTALLED]


def test_ocr_budget_is_shared_by_the_whole_document(tesseract, fonts):
    pages = [words(f"Trang {n}", size=60) for n in range(1, 4)]
    document = extract_text(scanned_pdf(*pages), limits=Limits(max_ocr_images=2))
    assert document.part("ocr page 1") == "Trang 1"
    assert document.part("ocr page 2") == "Trang 2"
    assert document.part("ocr page 3") is None
    assert document.images_not_read == 1
    assert not document.complete
    assert "(only the first 2 images were read)" in document.warnings[0]


def test_photo_of_a_document_pasted_into_word_is_read(tesseract, fonts):
    picture = io.BytesIO()
    words("TÀI LIỆU MẬT", size=60).save(picture, "PNG")
    document = docx.Document()
    document.add_paragraph("Ảnh chụp văn bản gửi kèm:")
    document.add_picture(io.BytesIO(picture.getvalue()))
    out = io.BytesIO()
    document.save(out)
    extracted = extract_text(out.getvalue())
    assert extracted.part("body") == "Ảnh chụp văn bản gửi kèm:"
    assert extracted.part("ocr image 1 (image1.png)") == "TÀI LIỆU MẬT"


def test_uploaded_image_file_is_read(tesseract, fonts):
    out = io.BytesIO()
    document_page("MẬT", -12).save(out, "JPEG", quality=85)
    document = extract_text(out.getvalue(), filename="scan.jpg")
    assert document.kind == "image"
    assert on_its_own_line(document.part("ocr"), "MẬT")
    assert document.parts[-1].is_ocr
