"""``manage.py infosec_scan``: exit codes, JSON shape, standard input, unreadable input, --pages."""

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from cms.reporting.models import PlanTask
from cms.security.models import AllowlistEntry
from tests.factories import ArticlePageFactory, paragraphs

pytestmark = pytest.mark.django_db

SECRET = "Văn bản đóng dấu TỐI MẬT của Ban Chỉ huy Quân sự xã.\n"
CLEAN = "Mật ong Xuân Trường đạt chuẩn OCOP 3 sao.\n"
FINDING_KEYS = {"rule", "severity", "start", "end", "excerpt", "message", "suggestion"}


def run(*args, stdin=None):
    """call_command; returns (exit status, stdout)."""
    out = io.StringIO()
    try:
        call_command("infosec_scan", *args, stdout=out, stdin=stdin)
    except SystemExit as exit_:
        return exit_.code, out.getvalue()
    return 0, out.getvalue()


def run_process(*args, input_bytes=b"", tmp_path):
    """The command in its own process, as an operator runs it (no test database)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        # An empty database: the command falls back to the built-in rules.
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        "PYTHONIOENCODING": "utf-8",
    }
    return subprocess.run(  # noqa: S603 - fixed arguments, our own interpreter
        [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "infosec_scan", *args],
        input=input_bytes,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_json_shape_and_exit_status_3_when_something_blocks(tmp_path):
    path = write(tmp_path, "thong-bao.txt", SECRET)

    status, out = run("--format", "json", str(path))

    assert status == 3
    data = json.loads(out)
    assert set(data) == {"verdict", "findings"}
    assert data["verdict"] == "block"
    finding = next(f for f in data["findings"] if f["rule"] == "SEC-01")
    assert set(finding) >= FINDING_KEYS
    assert finding["severity"] == "block"
    text = path.read_text("utf-8")
    assert text[finding["start"] : finding["end"]] == finding["excerpt"]
    assert finding["excerpt"].upper() == "TỐI MẬT"
    assert isinstance(finding["message"], str) and finding["message"]


def test_clean_text_exits_0(tmp_path):
    status, out = run("--format", "json", str(write(tmp_path, "mat-ong.txt", CLEAN)))

    assert status == 0
    assert json.loads(out) == {"verdict": "clean", "findings": []}


def test_warnings_alone_exit_0(tmp_path):
    path = write(tmp_path, "tin-don.txt", "Nghe nói sắp thu hồi đất thôn 7.")

    status, out = run("--format", "json", str(path))

    assert status == 0
    assert json.loads(out)["verdict"] in {"warn", "attest"}


def test_standard_input_with_dash(tmp_path):
    stdin = io.TextIOWrapper(io.BytesIO(SECRET.encode("utf-8")), encoding="utf-8")

    status, out = run("--format", "json", "-", stdin=stdin)

    assert status == 3
    assert json.loads(out)["verdict"] == "block"


def test_english_rules_with_lang_en(tmp_path):
    path = write(tmp_path, "fishermen.txt", "Fishermen from Ninh Binh sail to the South China Sea.")

    status, out = run("--lang", "en", "--format", "json", str(path))

    assert status == 3
    assert "SOV-01" in {f["rule"] for f in json.loads(out)["findings"]}


def test_allowlist_from_the_database_applies(tmp_path):
    path = write(tmp_path, "lien-he.txt", "Đường dây nóng UBND xã: 0229 3888 999.")
    status, _out = run("--format", "json", str(path))
    assert status == 3

    AllowlistEntry.objects.create(kind="phone", value="0229 3888 999", label="Đường dây nóng")

    status, out = run("--format", "json", str(path))
    assert status == 0
    assert not [f for f in json.loads(out)["findings"] if f["rule"] == "PII-02"]


def test_text_format_has_one_line_per_finding(tmp_path):
    path = write(tmp_path, "a.txt", "Liên hệ anh Hùng: 0912 345 678. " + SECRET)

    status, out = run(str(path))

    assert status == 3
    lines = out.strip().splitlines()
    sec = [line for line in lines if line.startswith("SEC-01 [block]")]
    assert len(sec) == 1
    assert "«TỐI MẬT»" in sec[0]
    assert any(line.startswith("PII-02 [block]") and "0912 345 678" in line for line in lines)
    assert lines[-1].startswith("verdict: block")


def test_html_file_is_read_as_text(tmp_path):
    html = "<html><body><h1>Thông báo</h1><p>Tài liệu <b>lưu hành nội bộ</b></p></body></html>"
    path = write(tmp_path, "trang.html", html)

    status, out = run("--format", "json", str(path))

    assert status == 3
    assert "SEC-02" in {f["rule"] for f in json.loads(out)["findings"]}


def test_docx_file_with_a_comment(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    paragraph = document.add_paragraph("Kế hoạch tuyên truyền kỷ niệm Quốc khánh.")
    document.add_comment(paragraph.runs, text="Gọi chị Lan 0912 345 678", author="Lan")
    path = tmp_path / "ke-hoach.docx"
    document.save(path)

    status, out = run("--format", "json", str(path))

    assert status == 3
    findings = json.loads(out)["findings"]
    assert "PII-02" in {f["rule"] for f in findings}


def test_pages_option_reports_every_live_page(home_page):
    """Live pages are checked against today's rules: what passed the gate may block now."""
    hotline = AllowlistEntry.objects.create(
        kind="phone", value="0229 3888 999", label="Đường dây nóng"
    )
    blocked = ArticlePageFactory(
        title="Thông báo tiếp nhận phản ánh",
        body=paragraphs("Người dân phản ánh qua đường dây nóng 0229 3888 999."),
    )
    ArticlePageFactory(
        title="Ngày hội đại đoàn kết",
        body=paragraphs(CLEAN),
        plan_task=PlanTask.objects.by_code("II.6"),
    )
    hotline.delete()  # the number is no longer an official one
    ArticlePageFactory(title="Bản nháp", body=paragraphs(SECRET), publish=False)

    status, out = run("--pages", "--format", "json")

    assert status == 3
    data = json.loads(out)
    assert data["verdict"] == "block"
    by_title = {page["title"]: page for page in data["pages"]}
    assert "Bản nháp" not in by_title  # drafts are not live
    report = by_title["Thông báo tiếp nhận phản ánh"]
    assert report["id"] == blocked.pk
    assert report["verdict"] == "block"
    assert report["url"]
    finding = next(f for f in report["findings"] if f["rule"] == "PII-02")
    assert finding["field"] == "body.0"
    assert by_title["Ngày hội đại đoàn kết"]["verdict"] == "clean"


# ------------------------------------------- unreadable input, in a real process


def assert_one_line_failure(process):
    stderr = process.stderr.decode("utf-8")
    assert process.returncode not in (0, 3), stderr
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    return lines[0]


def test_missing_file_exit_2_one_line(tmp_path):
    process = run_process(str(tmp_path / "khong-co.pdf"), tmp_path=tmp_path)

    line = assert_one_line_failure(process)
    assert process.returncode == 2
    assert "khong-co.pdf" in line
    assert process.stdout == b""


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\n%%EOF",
        b"%PDF-1.4\n1 0 obj garbage",  # cut off: the PDF parser would complain on its own
    ],
    ids=["damaged", "truncated"],
)
def test_broken_pdf_exit_2_one_line(tmp_path, content):
    path = write(tmp_path, "hong.pdf", content)

    process = run_process(str(path), tmp_path=tmp_path)

    assert_one_line_failure(process)
    assert process.returncode == 2


def test_unknown_format_exit_2_one_line(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data.bin", bytes(range(256)) * 8)
    path = write(tmp_path, "goi.zip", buffer.getvalue())

    process = run_process(str(path), tmp_path=tmp_path)

    assert_one_line_failure(process)
    assert process.returncode == 2


def test_blocking_text_from_stdin_in_a_process(tmp_path):
    process = run_process("--format", "json", "-", input_bytes=SECRET.encode(), tmp_path=tmp_path)

    assert process.returncode == 3, process.stderr.decode()
    assert "Traceback" not in process.stderr.decode()
    assert json.loads(process.stdout)["verdict"] == "block"


def test_invalid_option_is_one_line_too(tmp_path):
    process = run_process("--lang", "fr", "-", tmp_path=tmp_path)

    assert_one_line_failure(process)
    assert process.returncode == 2
