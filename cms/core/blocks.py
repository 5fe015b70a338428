"""StreamField blocks shared by every page type."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tiêu đề"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Cấp"),
        choices=[("h2", _("Tiêu đề mục (H2)")), ("h3", _("Tiêu đề tiểu mục (H3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Tiêu đề")
        template = "components/streamfield/heading_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    """An image with its caption and credit; the credit falls back to the image's own."""

    image = ImageChooserBlock(label=_("Ảnh"))
    caption = blocks.CharBlock(label=_("Chú thích ảnh"), required=False, max_length=500)
    credit = blocks.CharBlock(
        label=_("Nguồn ảnh"),
        required=False,
        max_length=255,
        help_text=_("Để trống để dùng nguồn ảnh đã ghi trong thư viện ảnh."),
    )

    class Meta:
        icon = "image"
        label = _("Ảnh")
        template = "components/streamfield/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Trích dẫn"))
    attribution = blocks.CharBlock(label=_("Người phát biểu / nguồn"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "components/streamfield/quote_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Tài liệu"))
    title = blocks.CharBlock(
        label=_("Tên hiển thị"), required=False, help_text=_("Để trống để dùng tên tài liệu.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Tài liệu đính kèm")
        template = "components/streamfield/document_block.html"


class TableWithCaptionBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("Tên bảng"), required=False)
    table = TableBlock(label=_("Bảng"))

    class Meta:
        icon = "table"
        label = _("Bảng")
        template = "components/streamfield/table_block.html"


class EmbedWithCaptionBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("Địa chỉ video / nội dung nhúng"))
    caption = blocks.CharBlock(label=_("Chú thích"), required=False)

    class Meta:
        icon = "media"
        label = _("Nhúng video")
        template = "components/streamfield/embed_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    """The body of an article, feature, campaign or content page."""

    paragraph = blocks.RichTextBlock(
        label=_("Đoạn văn"),
        features=RICH_TEXT_FEATURES,
        template="components/streamfield/paragraph_block.html",
    )
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    table = TableWithCaptionBlock()
    document = DocumentLinkBlock()
    embed = EmbedWithCaptionBlock()


class SourceReferenceBlock(blocks.StructBlock):
    """A legal or administrative document the text is based on (văn bản căn cứ)."""

    symbol = blocks.CharBlock(
        label=_("Số, ký hiệu"), max_length=80, help_text=_("Ví dụ: 09/2017/NĐ-CP, 72/KH-UBND")
    )
    issued_on = blocks.DateBlock(label=_("Ngày ban hành"), required=False)
    issuer = blocks.CharBlock(label=_("Cơ quan ban hành"), required=False, max_length=255)
    title = blocks.CharBlock(label=_("Trích yếu"), max_length=500)
    url = blocks.URLBlock(label=_("Đường dẫn văn bản"), required=False)

    class Meta:
        icon = "doc-full-inverse"
        label = _("Văn bản căn cứ")
        template = "components/streamfield/reference_block.html"


class ReferenceStreamBlock(blocks.StreamBlock):
    reference = SourceReferenceBlock()


class MapImageBlock(blocks.StructBlock):
    """A map in a sovereignty feature. Maps need a reviewer's attestation before publication."""

    image = ImageChooserBlock(label=_("Bản đồ"))
    caption = blocks.CharBlock(label=_("Chú thích bản đồ"), max_length=500)
    source = blocks.CharBlock(
        label=_("Nguồn bản đồ"),
        max_length=255,
        help_text=_(
            "Nguồn chính thức, ví dụ: Cục Đo đạc, Bản đồ và Thông tin địa lý Việt Nam; "
            "NXB Tài nguyên – Môi trường và Bản đồ Việt Nam."
        ),
    )

    class Meta:
        icon = "site"
        label = _("Bản đồ")
        template = "components/streamfield/map_block.html"


class MapStreamBlock(blocks.StreamBlock):
    map = MapImageBlock()


class KeyMessageBlock(blocks.StructBlock):
    message = blocks.TextBlock(label=_("Thông điệp"))

    class Meta:
        icon = "pick"
        label = _("Thông điệp chính")
