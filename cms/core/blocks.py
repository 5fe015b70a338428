"""StreamField blocks shared by every page type."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading (H2)")), ("h3", _("Subsection heading (H3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/streamfield/heading_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    """An image with its caption and credit; the credit falls back to the image's own."""

    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)
    credit = blocks.CharBlock(
        label=_("Credit"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the credit recorded in the image library."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/streamfield/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Speaker or source"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/streamfield/quote_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "components/streamfield/document_block.html"


class TableWithCaptionBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("Table caption"), required=False)
    table = TableBlock(label=_("Table"))

    class Meta:
        icon = "table"
        label = _("Table")
        template = "components/streamfield/table_block.html"


class EmbedWithCaptionBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("Video or embed URL"))
    caption = blocks.CharBlock(label=_("Video caption"), required=False)

    class Meta:
        icon = "media"
        label = _("Embedded video")
        template = "components/streamfield/embed_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    """The body of an article, feature, campaign or content page."""

    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
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
        label=_("Number and symbol"),
        max_length=80,
        help_text=_("For example: 09/2017/NĐ-CP, 72/KH-UBND"),
    )
    issued_on = blocks.DateBlock(label=_("Date of issue"), required=False)
    issuer = blocks.CharBlock(label=_("Issuing body"), required=False, max_length=255)
    title = blocks.CharBlock(label=_("Subject"), max_length=500)
    url = blocks.URLBlock(label=_("Link to the document"), required=False)

    class Meta:
        icon = "doc-full-inverse"
        label = _("Source reference")
        template = "components/streamfield/reference_block.html"


class ReferenceStreamBlock(blocks.StreamBlock):
    reference = SourceReferenceBlock()


class MapImageBlock(blocks.StructBlock):
    """A map in a sovereignty feature. Maps need a reviewer's attestation before publication."""

    image = ImageChooserBlock(label=_("Map"))
    caption = blocks.CharBlock(label=_("Map caption"), max_length=500)
    source = blocks.CharBlock(
        label=_("Map source"),
        max_length=255,
        help_text=_(
            "An official source, e.g. the Department of Survey, Mapping and Geographic "
            "Information of Viet Nam."
        ),
    )

    class Meta:
        icon = "site"
        label = _("Map")
        template = "components/streamfield/map_block.html"


class MapStreamBlock(blocks.StreamBlock):
    map = MapImageBlock()


class KeyMessageBlock(blocks.StructBlock):
    message = blocks.TextBlock(label=_("Message"))

    class Meta:
        icon = "pick"
        label = _("Key message")
