"""``manage.py ttdn_report``: the periodic report as a Word document, opened with python-docx
and checked against the database (the content of ``ttdn_world``)."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone, translation
from docx.shared import Pt

from cms.reporting import docx_report, figures
from cms.reporting.models import PlanTask
from cms.security import services as security_services
from tests.workflows.gate_helpers import shared_state

from .docx_reading import read_report
from .ttdn_world import (
    A1_EN_TITLE,
    A1_TITLE,
    A2_TITLE,
    A3_TITLE,
    A4_TITLE,
    DRAFT_TITLE,
    ECONOMY,
    OUTSIDE_TITLES,
    SEA,
    TAKEN_DOWN_TITLE,
    build_world,
)

pytestmark = pytest.mark.django_db

PERIOD_ARGS = ["--from", "2025-09-01", "--to", "2025-12-31"]


@pytest.fixture(autouse=True)
def fresh_checker():
    security_services.clear_local_cache()
    yield
    security_services.clear_local_cache()


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker):
    with shared_state(django_db_blocker):
        security_services.clear_local_cache()
        yield build_world()


@pytest.fixture
def world(module_world, db):
    return module_world


def run(*args) -> str:
    out = io.StringIO()
    with translation.override("en"):
        call_command("ttdn_report", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def report(world, tmp_path):
    path = tmp_path / "report.docx"
    run(*PERIOD_ARGS, "--output", str(path))
    return read_report(path)


def expected():
    with translation.override("vi"):
        return figures.report_figures(datetime.date(2025, 9, 1), datetime.date(2025, 12, 31))


def vi_label(label) -> str:
    with translation.override("vi"):
        return str(label)


# ------------------------------------------------------------------ the command


def test_the_command_prints_its_progress_and_writes_a_word_document(world, tmp_path):
    path = tmp_path / "report.docx"

    output = run(*PERIOD_ARGS, "--output", str(path))

    assert "Collecting the figures from 01/09/2025 to 31/12/2025" in output
    tasks = PlanTask.objects.count()
    assert f"Writing the report: 8 published items, {tasks} plan tasks" in output
    assert f"Report written to {path}." in output
    assert path.read_bytes()[:2] == b"PK"  # a .docx is a zip file
    assert read_report(path).paragraphs  # and python-docx reads it


def test_the_administrative_header_title_and_sections(report):
    assert report.header == [
        [
            "UBND XÃ XUÂN TRƯỜNG\nPHÒNG VĂN HÓA – XÃ HỘI",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc",
        ],
        ["Số: …/BC-VHXH", "Xuân Trường, ngày … tháng … năm …"],
    ]
    paragraphs = report.paragraphs
    title = paragraphs.index("BÁO CÁO")
    assert paragraphs[title + 1] == (
        "Kết quả công tác thông tin đối ngoại từ ngày 01/09/2025 đến ngày 31/12/2025"
    )
    sections = [
        paragraphs.index(heading)
        for heading in (
            "I. KẾT QUẢ THỰC HIỆN",
            "II. KHÓ KHĂN, VƯỚNG MẮC",
            "III. ĐỀ XUẤT, KIẾN NGHỊ",
        )
    ]
    assert title < sections[0] < sections[1] < sections[2]
    signature = report.document.tables[-1]
    recipients, signer = signature.rows[0].cells
    assert recipients.paragraphs[0].text == "Nơi nhận:"
    assert "Sở Văn hóa và Thể thao tỉnh Ninh Bình" in recipients.text
    assert signer.paragraphs[0].text == "TRƯỞNG PHÒNG"
    assert len(signer.paragraphs) >= 4  # room to sign


def test_page_layout_follows_decree_30(report):
    section = report.document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [
        round(margin.mm, 1)  # stored in twentieths of a point: 15 mm reads 14.99 mm
        for margin in (
            section.top_margin,
            section.bottom_margin,
            section.left_margin,
            section.right_margin,
        )
    ]
    top, bottom, left, right = margins
    assert 20 <= top <= 25 and 20 <= bottom <= 25
    assert 30 <= left <= 35
    assert 15 <= right <= 20
    normal = report.document.styles["Normal"].font
    assert normal.name == "Times New Roman"
    assert Pt(13) <= normal.size <= Pt(14)


def test_each_plan_task_has_its_subsection_with_the_published_titles(report):
    paragraphs = report.paragraphs
    task_ii1 = next(i for i, text in enumerate(paragraphs) if text.startswith("II.1. "))
    task_ii2 = next(i for i, text in enumerate(paragraphs) if text.startswith("II.2. "))
    block = "\n".join(paragraphs[task_ii1:task_ii2])

    assert "Số tin, bài đã xuất bản: 2" in block
    assert block.index(A2_TITLE) < block.index(A3_TITLE)  # by date
    assert "- 05/10/2025: " + A2_TITLE in block
    assert "Trong kỳ chưa có tin, bài được xuất bản." in paragraphs[task_ii2 + 1]
    text = report.text
    assert f"{A1_EN_TITLE} (tin tức, tiếng Anh)" in text
    assert A1_TITLE in text and A4_TITLE in text
    for absent in (DRAFT_TITLE, TAKEN_DOWN_TITLE, *OUTSIDE_TITLES):
        assert absent not in text


# ------------------------------------------------------------------ the tables


def test_count_tables_equal_the_database_figures(report):
    data = expected()

    for caption, rows in (
        ("Tin, bài theo loại", data.page_types),
        ("Tin, bài theo ngôn ngữ", data.languages),
        ("Tin, bài và chuyên đề theo chủ đề", data.topics),
        ("Tin, bài và chuyên đề theo đơn vị phụ trách", data.units),
    ):
        table = report.table(caption)
        assert table[1:] == [
            *[[vi_label(row.label), str(row.count)] for row in rows],
            ["Tổng cộng", str(sum(row.count for row in rows))],
        ], caption
    # … and those are the numbers of the content made for the test.
    assert report.counts("Tin, bài theo loại") == {
        vi_label(figures.PAGE_TYPE_LABELS["news"]): "3",
        vi_label(figures.PAGE_TYPE_LABELS["press_release"]): "1",
        vi_label(figures.PAGE_TYPE_LABELS["rebuttal"]): "1",
        vi_label(figures.PAGE_TYPE_LABELS["sovereignty_feature"]): "2",
        vi_label(figures.PAGE_TYPE_LABELS["campaign"]): "1",
        "Tổng cộng": "8",
    }
    assert report.counts("Tin, bài và chuyên đề theo chủ đề") == {
        ECONOMY: "4",
        SEA: "3",
        "Tổng cộng": "7",
    }


def test_plan_task_table(report):
    rows = report.table("Tin, bài theo nhiệm vụ của Kế hoạch")

    assert rows[0] == ["Nhiệm vụ", "Số lượng"]
    counts = {row[0].split(". ", 1)[0]: row[1] for row in rows[1:-2]}
    assert counts["II.1"] == "2"
    assert counts["II.4"] == "2"
    assert counts["II.5"] == "2"
    assert counts["II.6"] == "1"
    assert counts["II.2"] == counts["IV.5"] == "0"
    assert rows[-2] == ["Chưa gắn với nhiệm vụ của Kế hoạch", "1"]
    assert rows[-1] == ["Tổng cộng", "8"]


def test_monthly_translation_and_campaign_tables(report, world):
    monthly = report.table("Tin, bài và chuyên đề theo tháng và chủ đề")
    assert monthly == [
        ["Tháng", ECONOMY, SEA, "Tổng cộng"],
        ["09/2025", "2", "0", "2"],
        ["10/2025", "1", "0", "1"],
        ["11/2025", "0", "1", "1"],
        ["12/2025", "1", "2", "3"],
        ["Tổng cộng", "4", "3", "7"],
    ]
    assert report.table("Bản dịch tiếng Anh")[1:] == [
        ["Tin, bài tiếng Việt xuất bản trong kỳ", "6"],
        ["Có bản tiếng Anh đang xuất bản", "2"],
        ["Trong đó: bản tiếng Anh cần cập nhật", "1"],
        ["Tỷ lệ có bản tiếng Anh cập nhật", "16,7 %"],
    ]
    campaigns = report.table("Tin, bài theo chiến dịch tuyên truyền")
    data = expected().campaigns
    assert [row[0] for row in campaigns[1:]] == [row.title for row in data.campaigns]
    assert [row[-1] for row in campaigns[1:]] == ["0", "2"]  # C0 (from 20/08), then C1
    assert campaigns[2][1] == "01/11/2025 – 30/11/2025"


def test_workflow_checker_and_incident_tables_for_a_period_up_to_today(world, tmp_path):
    """The pages of the test were published today: a period that includes today counts them."""
    today = timezone.localdate()
    path = tmp_path / "to-today.docx"
    run("--from", "2025-09-01", "--to", f"{today:%Y-%m-%d}", "--output", str(path))
    report = read_report(path)
    with translation.override("vi"):
        data = figures.report_figures(datetime.date(2025, 9, 1), today)

    workflow = report.counts("Quy trình duyệt tin, bài")
    assert workflow["Tin, bài xuất bản qua quy trình duyệt"] == str(data.workflow.published)
    assert workflow["Lượt gửi duyệt (kể cả gửi lại sau chỉnh sửa)"] == str(data.workflow.submitted)
    assert workflow["Tin, bài bị gỡ"] == "1"
    assert data.workflow.published > 10  # every page of the test, sections included
    assert workflow["Thời gian trung vị từ gửi duyệt đến xuất bản"] == (
        docx_report.format_duration(data.workflow.median_to_publication)
    )
    reviewers = report.table("Thời gian từ gửi duyệt đến xuất bản theo người kiểm duyệt")
    assert [row[:2] for row in reviewers[1:]] == [
        [row.label, str(row.count)] for row in data.workflow.per_reviewer
    ]
    assert reviewers[1][0] == "Trần Lan"  # the team's reviewer
    incidents = report.counts("Thông tin xấu độc theo trạng thái xử lý")
    assert incidents["Tổng cộng"] == str(data.incidents.total) == "0"


def test_checker_table_lists_rules_with_outcomes(world, tmp_path):
    from cms.security.models import Exemption
    from tests.factories import editorial_team

    page = world_page(world, "A2")
    Exemption.objects.create(
        page=page,
        revision=page.live_revision,
        rule_id="PII-02",
        excerpt="0229 3777 555",
        field="summary",
        reason="Số điện thoại công khai của người phát ngôn.",
        created_by=editorial_team()[1],
    )
    today = timezone.localdate()
    path = tmp_path / "checker.docx"
    run("--from", f"{today:%Y-%m-%d}", "--to", f"{today:%Y-%m-%d}", "--output", str(path))

    rows = read_report(path).table("Kiểm tra an toàn thông tin theo quy tắc")

    assert rows[0] == ["Quy tắc", "Bị chặn", "Đã khắc phục", "Được miễn trừ", "Đã xác nhận"]
    exempted = next(row for row in rows if row[0] == "PII-02")
    assert exempted[3] == "1"
    assert rows[-1][0] == "Tổng cộng"


def world_page(world, key):
    from wagtail.models import Page

    return Page.objects.get(pk=world.ids[key]).specific


def test_an_empty_period_still_makes_a_complete_report(world, tmp_path):
    path = tmp_path / "empty.docx"
    run("--from", "2024-01-01", "--to", "2024-01-31", "--output", str(path))
    report = read_report(path)

    assert report.counts("Tin, bài theo loại")["Tổng cộng"] == "0"
    assert report.table("Tin, bài và chuyên đề theo chủ đề")[1] == ["Không có", "–"]
    assert "II. KHÓ KHĂN, VƯỚNG MẮC" in report.paragraphs


# ------------------------------------------------------------------ bad arguments


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "01/09/2025", "--to", "2025-12-31"], "--from: “01/09/2025” is not a date"),
        (["--from", "2025-09-01", "--to", "2025-02-30"], "--to: “2025-02-30” is not a date"),
        (
            ["--from", "2025-12-31", "--to", "2025-09-01"],
            "The period ends (01/09/2025) before it starts (31/12/2025).",
        ),
    ],
)
def test_bad_dates_are_refused_with_a_clear_message(db, tmp_path, args, message):
    path = tmp_path / "report.docx"

    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        run(*args, "--output", str(path))

    assert not path.exists()


def test_an_existing_file_is_kept_unless_force_is_given(world, tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(b"edited by the office")

    with pytest.raises(CommandError, match="already exists"):
        run(*PERIOD_ARGS, "--output", str(path))
    assert path.read_bytes() == b"edited by the office"

    run(*PERIOD_ARGS, "--output", str(path), "--force")
    assert read_report(path).tables
    assert [p.name for p in tmp_path.iterdir()] == ["report.docx"]  # no temporary file left


def test_a_missing_folder_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        run(*PERIOD_ARGS, "--output", str(tmp_path / "missing" / "report.docx"))


def test_messages_are_in_the_admin_language(db, tmp_path):
    """Without ``translation.override`` the command speaks the site's language (vi)."""
    with pytest.raises(CommandError) as error:
        call_command(
            "ttdn_report", "--from", "x", "--to", "2025-12-31", "--output", str(tmp_path / "r")
        )
    with translation.override("vi"):
        assert str(error.value) == translation.gettext(
            "%(option)s: “%(value)s” is not a date; write it as YYYY-MM-DD, e.g. 2025-09-01."
        ) % {"option": "--from", "value": "x"}
