"""The periodic report on external information work, as a Word document the office edits
and signs (``manage.py ttdn_report`` and the admin's "Periodic report (DOCX)").

The text of the document is written here in Vietnamese, not as English gettext msgids:
it is an administrative document of a Vietnamese authority, in the form of Decree No.
30/2020/ND-CP (national title and motto, issuing authority, number and date, title,
body, "Nơi nhận", signature), sent to the commune and the provincial Department of
Culture and Sports; it has no English version. The labels that come from the models
(units, page types, incident statuses...) are the catalogue's, read with Vietnamese
active, so they match the admin's wording.

The number and the date are left as "…" for the office to fill in when it registers
the report; "Khó khăn, vướng mắc" and "Đề xuất, kiến nghị" are placeholders to write.
Every figure comes from ``figures.report_figures``: the same numbers as the dashboard
and the reports.

Layout (Decree 30/2020/ND-CP, appendix I): A4, margins top and bottom 20 mm, left
30 mm, right 15 mm; Times New Roman, body 14 pt, header and tables 13 pt, "Nơi nhận"
12 and 11 pt.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterable, Sequence

from django.utils import translation
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from . import figures as f

FONT = "Times New Roman"
BODY_SIZE = 14
SMALL_SIZE = 13

AUTHORITY = "UBND XÃ XUÂN TRƯỜNG"
ISSUER = "PHÒNG VĂN HÓA – XÃ HỘI"
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập – Tự do – Hạnh phúc"
NUMBER = "Số: …/BC-VHXH"
PLACE_AND_DATE = "Xuân Trường, ngày … tháng … năm …"
SIGNER = "TRƯỞNG PHÒNG"
RECIPIENTS = (
    "- UBND xã (để báo cáo);",
    "- Sở Văn hóa và Thể thao tỉnh Ninh Bình (để báo cáo);",
    "- Lưu: VT, VHXH.",
)
SECTION_RESULTS = "I. KẾT QUẢ THỰC HIỆN"
SECTION_DIFFICULTIES = "II. KHÓ KHĂN, VƯỚNG MẮC"
SECTION_PROPOSALS = "III. ĐỀ XUẤT, KIẾN NGHỊ"
PLACEHOLDER = "(Phòng Văn hóa – Xã hội bổ sung nội dung trước khi trình ký.)"
NONE = "Không có"
DASH = "–"
TOTAL = "Tổng cộng"
NO_TASK = "Chưa gắn với nhiệm vụ của Kế hoạch"
NO_TASK_HEADING = "Tin, bài chưa gắn với nhiệm vụ của Kế hoạch"


def period_text(date_from: datetime.date, date_to: datetime.date) -> str:
    return f"từ ngày {date_from:%d/%m/%Y} đến ngày {date_to:%d/%m/%Y}"


def title_text(date_from: datetime.date, date_to: datetime.date) -> str:
    return f"Kết quả công tác thông tin đối ngoại {period_text(date_from, date_to)}"


def _decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def format_duration(value: datetime.timedelta | None) -> str:
    """A median time in minutes under an hour ("25 phút"), in hours ("5,5 giờ"), or in days
    from two days on ("3,2 ngày")."""
    if value is None:
        return DASH
    hours = value.total_seconds() / 3600
    if hours < 1:
        return f"{round(value.total_seconds() / 60)} phút"
    if hours >= 48:
        return f"{_decimal(hours / 24)} ngày"
    return f"{_decimal(hours)} giờ"


def format_share(value: float | None) -> str:
    return DASH if value is None else f"{_decimal(value * 100)} %"


# ------------------------------------------------------------------ layout helpers


def _setup(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_SIZE)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), FONT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    table_style = document.styles["Table Grid"]
    table_style.font.name = FONT
    table_style.font.size = Pt(SMALL_SIZE)


def _paragraph(
    container,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    size: int | None = None,
    align=WD_ALIGN_PARAGRAPH.JUSTIFY,
    indent: bool = False,
    space_after: int | None = None,
):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Mm(10)
    if space_after is not None:
        paragraph.paragraph_format.space_after = Pt(space_after)
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = Pt(size)
    return paragraph


def _cell_text(cell, text: str, *, bold=False, italic=False, size=SMALL_SIZE, align=None):
    """Write ``text`` as the cell's only paragraph."""
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if align is None else align
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = Pt(size)
    return paragraph


class _Tables:
    """Numbers the tables ("Bảng 1. …") and writes them: a header row, the rows, and an
    optional total row; a table with no row says so."""

    def __init__(self, document):
        self.document = document
        self.number = 0

    def add(
        self,
        caption: str,
        headers: Sequence[str],
        rows: Iterable[Sequence[object]],
        *,
        total: Sequence[object] | None = None,
    ):
        self.number += 1
        _paragraph(
            self.document,
            f"Bảng {self.number}. {caption}",
            bold=True,
            italic=True,
            size=SMALL_SIZE,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            space_after=3,
        )
        table = self.document.add_table(rows=1, cols=len(headers))
        table.style = self.document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, header in zip(table.rows[0].cells, headers, strict=True):
            _cell_text(cell, header, bold=True)
        rows = list(rows) or [[NONE, *([DASH] * (len(headers) - 1))]]
        for values in [*rows, *([total] if total else [])]:
            cells = table.add_row().cells
            for position, (cell, value) in enumerate(zip(cells, values, strict=True)):
                _cell_text(
                    cell,
                    str(value),
                    bold=values is total,
                    align=WD_ALIGN_PARAGRAPH.LEFT if position == 0 else None,
                )
        _paragraph(self.document, space_after=0)
        return table


def _count_table(tables: _Tables, caption: str, heading: str, rows: list[f.Row]):
    return tables.add(
        caption,
        [heading, "Số lượng"],
        [[str(row.label), row.count] for row in rows],
        total=[TOTAL, sum(row.count for row in rows)],
    )


# ------------------------------------------------------------------ the parts


def _header(document) -> None:
    """The issuing authority and the national title side by side, then number and date."""
    table = document.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = (Mm(70), Mm(95))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    left, right = table.rows[0].cells
    _cell_text(left, AUTHORITY)
    issuer = left.add_paragraph()
    issuer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = issuer.add_run(ISSUER)
    run.bold, run.font.size = True, Pt(SMALL_SIZE)
    _cell_text(right, NATION, bold=True)
    motto = right.add_paragraph()
    motto.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = motto.add_run(MOTTO)
    run.bold, run.font.size = True, Pt(BODY_SIZE)
    number, place = table.rows[1].cells
    _cell_text(number, NUMBER)
    _cell_text(place, PLACE_AND_DATE, italic=True, size=BODY_SIZE)


def _title(document, date_from, date_to) -> None:
    _paragraph(document, space_after=0)
    _paragraph(document, "BÁO CÁO", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    _paragraph(
        document,
        title_text(date_from, date_to),
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        space_after=12,
    )
    _paragraph(
        document,
        "Thực hiện Kế hoạch công tác thông tin đối ngoại xã Xuân Trường năm 2025, Phòng Văn "
        "hóa – Xã hội báo cáo kết quả thực hiện "
        f"{period_text(date_from, date_to)} như sau:",
        indent=True,
    )


def _type_summary(figure: f.PlanTaskFigure) -> str:
    parts = [
        f"{str(f.PAGE_TYPE_LABELS[key]).lower()}: {count}"
        for key, count in figure.by_type.items()
        if count
    ]
    return f"Số tin, bài đã xuất bản: {figure.count}" + (
        f" ({'; '.join(parts)})." if parts else "."
    )


def _plan_tasks(document, data: f.ReportFigures) -> None:
    languages = {row.key: row.count for row in data.languages}
    _paragraph(
        document,
        f"Trong kỳ báo cáo đã xuất bản {data.total} tin, bài, chuyên đề và chiến dịch trên Cổng "
        f"thông tin đối ngoại của xã (tiếng Việt: {languages.get('vi', 0)}; tiếng Anh: "
        f"{languages.get('en', 0)}).",
        indent=True,
    )
    _paragraph(document, "1. Kết quả thực hiện các nhiệm vụ của Kế hoạch", bold=True, indent=True)
    for figure in data.plan_tasks:
        heading = f"{figure.code}. {figure.title}" if figure.task else NO_TASK_HEADING
        _paragraph(document, heading, bold=True, italic=True, indent=True)
        if not figure.count:
            _paragraph(document, "Trong kỳ chưa có tin, bài được xuất bản.", indent=True)
            continue
        _paragraph(document, _type_summary(figure), indent=True)
        for item in figure.items:
            english = ", tiếng Anh" if item.language == "en" else ""
            _paragraph(
                document,
                f"- {item.date:%d/%m/%Y}: {item.title} ({str(item.page_type_label).lower()}"
                f"{english}).",
                indent=True,
                space_after=2,
            )


def _tables(document, data: f.ReportFigures) -> None:
    _paragraph(document, "2. Số liệu tổng hợp", bold=True, indent=True)
    tables = _Tables(document)
    tables.add(
        "Tin, bài theo nhiệm vụ của Kế hoạch",
        ["Nhiệm vụ", "Số lượng"],
        [
            [f"{figure.code}. {figure.title}" if figure.task else NO_TASK, figure.count]
            for figure in data.plan_tasks
        ],
        total=[TOTAL, data.total],
    )
    _count_table(tables, "Tin, bài theo loại", "Loại", data.page_types)
    _count_table(tables, "Tin, bài theo ngôn ngữ", "Ngôn ngữ", data.languages)
    _count_table(tables, "Tin, bài và chuyên đề theo chủ đề", "Chủ đề", data.topics)
    _count_table(tables, "Tin, bài và chuyên đề theo đơn vị phụ trách", "Đơn vị", data.units)
    # Months down, topics across: a year is twelve rows, where twelve columns would not fit.
    monthly = data.monthly_topics
    topics = [values for _row, values in monthly.series]
    tables.add(
        "Tin, bài và chuyên đề theo tháng và chủ đề",
        ["Tháng", *[str(row.label) for row, _values in monthly.series], TOTAL],
        [
            [f"{month:%m/%Y}", *[values[i] for values in topics], sum(v[i] for v in topics)]
            for i, month in enumerate(monthly.months)
        ],
        total=[TOTAL, *[sum(values) for values in topics], sum(map(sum, topics))],
    )
    workflow = data.workflow
    tables.add(
        "Quy trình duyệt tin, bài",
        ["Nội dung", "Số lượng"],
        [
            ["Lượt gửi duyệt (kể cả gửi lại sau chỉnh sửa)", workflow.submitted],
            ["Lượt kiểm duyệt đạt", workflow.reviewed],
            ["Lượt người phát ngôn phê duyệt", workflow.approved],
            ["Tin, bài xuất bản qua quy trình duyệt", workflow.published],
            ["Yêu cầu chỉnh sửa ở bước kiểm duyệt", workflow.changes_requested_review],
            ["Yêu cầu chỉnh sửa ở bước người phát ngôn", workflow.changes_requested_spokesperson],
            ["Tin, bài bị gỡ", workflow.taken_down],
            ["Lượt bị từ chối xuất bản", workflow.refused],
            [
                "Thời gian trung vị từ gửi duyệt đến xuất bản",
                format_duration(workflow.median_to_publication),
            ],
        ],
    )
    for caption, heading, rows in (
        (
            "Thời gian từ gửi duyệt đến xuất bản theo người kiểm duyệt",
            "Người kiểm duyệt",
            workflow.per_reviewer,
        ),
        (
            "Thời gian từ gửi duyệt đến xuất bản theo người phát ngôn",
            "Người phát ngôn",
            workflow.per_spokesperson,
        ),
    ):
        tables.add(
            caption,
            [heading, "Số tin, bài", "Thời gian trung vị"],
            [[row.label, row.count, format_duration(row.median)] for row in rows],
        )
    checker = data.checker
    tables.add(
        "Kiểm tra an toàn thông tin theo quy tắc",
        ["Quy tắc", "Bị chặn", "Đã khắc phục", "Được miễn trừ", "Đã xác nhận"],
        [[r.rule_id, r.held_back, r.fixed, r.exempted, r.attested] for r in checker.rules],
        total=[
            TOTAL,
            *[checker.total(name) for name in ("held_back", "fixed", "exempted", "attested")],
        ],
    )
    coverage = data.translations
    tables.add(
        "Bản dịch tiếng Anh",
        ["Nội dung", "Số lượng"],
        [
            ["Tin, bài tiếng Việt xuất bản trong kỳ", coverage.vietnamese],
            ["Có bản tiếng Anh đang xuất bản", coverage.translated],
            ["Trong đó: bản tiếng Anh cần cập nhật", coverage.outdated],
            ["Tỷ lệ có bản tiếng Anh cập nhật", format_share(coverage.share)],
        ],
    )
    campaigns = data.campaigns
    tables.add(
        "Tin, bài theo chiến dịch tuyên truyền",
        ["Chiến dịch", "Thời gian", "Dịp", "Số tin, bài"],
        [
            [
                row.title,
                f"{row.start_date:%d/%m/%Y} – {row.end_date:%d/%m/%Y}",
                row.occasion or DASH,
                row.articles,
            ]
            for row in campaigns.campaigns
        ],
    )
    _count_table(tables, "Tin, bài theo dịp kỷ niệm", "Dịp", campaigns.occasions)
    incidents = data.incidents
    _count_table(
        tables, "Thông tin xấu độc theo trạng thái xử lý", "Trạng thái", incidents.by_status
    )
    _count_table(tables, "Thông tin xấu độc theo lĩnh vực", "Lĩnh vực", incidents.by_category)
    _count_table(tables, "Thông tin xấu độc theo nền tảng", "Nền tảng", incidents.by_platform)
    _paragraph(
        document,
        f"Trong kỳ phát hiện {incidents.total} tin, bài xấu độc trên mạng xã hội; đã phản bác, "
        f"xử lý {incidents.responded}; thời gian trung vị từ khi phát hiện đến khi phản bác: "
        f"{format_duration(incidents.median_response)}.",
        indent=True,
    )


def _placeholders(document) -> None:
    for heading in (SECTION_DIFFICULTIES, SECTION_PROPOSALS):
        _paragraph(document, heading, bold=True)
        for number in (1, 2):
            _paragraph(document, f"{number}. …", indent=True)
        _paragraph(document, PLACEHOLDER, italic=True, indent=True)


def _signature(document) -> None:
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    recipients, signature = table.rows[0].cells
    recipients.width, signature.width = Mm(85), Mm(80)
    _cell_text(
        recipients, "Nơi nhận:", bold=True, italic=True, size=12, align=WD_ALIGN_PARAGRAPH.LEFT
    )
    for line in RECIPIENTS:
        paragraph = recipients.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.add_run(line).font.size = Pt(11)
    _cell_text(signature, SIGNER, bold=True, size=BODY_SIZE)
    for _line in range(5):  # room for the signature, the seal and the name
        signature.add_paragraph()


# ------------------------------------------------------------------ the document


def render(data: f.ReportFigures):
    """The report of ``data`` (``figures.report_figures``), as a ``docx.Document``."""
    with translation.override("vi"):
        document = Document()
        _setup(document)
        document.core_properties.title = f"Báo cáo {title_text(data.date_from, data.date_to)}"
        document.core_properties.language = "vi-VN"
        _header(document)
        _title(document, data.date_from, data.date_to)
        _paragraph(document, SECTION_RESULTS, bold=True)
        _plan_tasks(document, data)
        _tables(document, data)
        _placeholders(document)
        _signature(document)
    return document


def collect(date_from: datetime.date, date_to: datetime.date) -> f.ReportFigures:
    """The figures of the period, with the labels in Vietnamese."""
    with translation.override("vi"):
        return f.report_figures(date_from, date_to)


def build_report(date_from: datetime.date, date_to: datetime.date):
    """The report for the period, as a ``docx.Document``."""
    return render(collect(date_from, date_to))


def report_bytes(date_from: datetime.date, date_to: datetime.date) -> bytes:
    buffer = io.BytesIO()
    build_report(date_from, date_to).save(buffer)
    return buffer.getvalue()


def filename(date_from: datetime.date, date_to: datetime.date) -> str:
    return f"bao-cao-ttdn-{date_from:%Y%m%d}-{date_to:%Y%m%d}.docx"
