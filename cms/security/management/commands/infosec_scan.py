"""``python manage.py infosec_scan [--lang vi|en] [--format text|json] [PATH|-]``.

Scans a text, HTML, PDF or DOCX file (its kind is read from its content, not its
name), or standard input with ``-`` (the default), with the rules and the
office's data (allowlist, term lists, registry) from the database.
``--pages`` instead scans every live page, for audits after a rule change.

Exit status: 0 when nothing blocks publication, 3 when something blocks, 2 with
a one-line reason on standard error when the input cannot be read (missing
file, unknown format, broken PDF), 1 for any other failure. Never a traceback.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

from django.core.management.base import BaseCommand

EXIT_BLOCK = 3
EXIT_INPUT = 2
EXIT_FAILURE = 1


class InputError(Exception):
    """The input cannot be read; ``reason`` is one line, Vietnamese then English."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def one_line(text: str) -> str:
    return " ".join(str(text).split())


class Command(BaseCommand):
    help = (
        "Scan a text, HTML, PDF or DOCX file (or standard input) for information-security "
        "findings, or re-scan every live page with --pages. Exit status 0: nothing blocks; "
        "3: something blocks; 2: the input cannot be read."
    )
    requires_system_checks = []
    stealth_options = ("stdin",)

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        original_error = parser.error

        def error(message):
            if getattr(parser, "called_from_command_line", False):
                sys.stderr.write(
                    f"infosec_scan: tham số không hợp lệ: {one_line(message)} "
                    f"(invalid arguments: {one_line(message)}; see --help)\n"
                )
                sys.exit(EXIT_INPUT)
            original_error(message)

        parser.error = error
        return parser

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            default="-",
            help="File to scan (text, HTML, PDF or DOCX); '-' or nothing reads standard input.",
        )
        parser.add_argument(
            "--lang",
            choices=["vi", "en"],
            default="vi",
            help="Language of the text: which rules apply (default: vi).",
        )
        parser.add_argument(
            "--format",
            choices=["text", "json"],
            default="text",
            help="Output format (default: text).",
        )
        parser.add_argument(
            "--pages",
            action="store_true",
            help="Scan every live page instead of a file.",
        )

    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except InputError as error:
            self._fail(error.reason, EXIT_INPUT)
        except KeyboardInterrupt:
            self._fail("đã dừng (interrupted)", 130)
        except Exception as error:  # the command never prints a traceback
            self._fail(
                f"lỗi khi quét: {one_line(error) or type(error).__name__} "
                f"(scan failed: {type(error).__name__})",
                EXIT_FAILURE,
            )

    def _fail(self, reason: str, code: int):
        sys.stderr.write(f"infosec_scan: {one_line(reason)}\n")
        sys.stderr.flush()
        sys.exit(code)

    # ------------------------------------------------------------------ files

    def handle(self, *args, **options):
        self.stdin = options.get("stdin")
        if options["pages"]:
            blocked = self.scan_pages(options["format"])
        else:
            blocked = self.scan_file(options["path"], options["lang"], options["format"])
        if blocked:
            self.stdout.flush()
            sys.exit(EXIT_BLOCK)

    def read_input(self, path: str) -> tuple[bytes, str | None]:
        if path == "-":
            stream = getattr(self, "stdin", None) or sys.stdin
            data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
            if isinstance(data, str):
                data = data.encode("utf-8")
            return data, None
        file_path = Path(path)
        if not file_path.exists():
            raise InputError(f"không tìm thấy tệp {path} (file not found: {path})")
        if file_path.is_dir():
            raise InputError(f"{path} là một thư mục, không phải tệp ({path} is a directory)")
        try:
            return file_path.read_bytes(), file_path.name
        except OSError as error:
            raise InputError(
                f"không đọc được tệp {path} (cannot read {path}: {error.strerror or error})"
            ) from None

    def extract(self, data: bytes, filename: str | None):
        from cms.security.extractors import documents
        from cms.security.extractors.base import ExtractionError

        try:
            return documents.extract_text(data, filename=filename)
        except ExtractionError as error:
            raise InputError(error.reason) from None

    def scanner_for(self, language: str):
        """The scanner with the office's data; the built-in rules alone without a database."""
        from django.db import DatabaseError

        from cms.security.scanner import Scanner
        from cms.security.scanner.findings import ScanConfig
        from cms.security.services import get_scanner

        try:
            return get_scanner(language)
        except DatabaseError:
            sys.stderr.write(
                "infosec_scan: không đọc được dữ liệu quy tắc từ cơ sở dữ liệu, dùng quy tắc "
                "mặc định (rule data not read from the database; using the built-in rules)\n"
            )
            return Scanner(ScanConfig())

    def scan_file(self, path: str, language: str, output_format: str) -> bool:
        from cms.security.scanner import verdict
        from cms.security.scanner.findings import ScanContext, Verdict

        data, filename = self.read_input(path)
        document = self.extract(data, filename)
        scanner = self.scanner_for(language)
        findings = []
        offset = 0
        separator = _part_separator()
        for part in document.parts:
            label, text = part[0], part[1]
            context = ScanContext(part=_context_part(label, document.kind))
            for finding in scanner.scan(text, lang=language, context=context):
                findings.append(
                    replace(finding, start=finding.start + offset, end=finding.end + offset)
                )
            offset += len(text) + len(separator)
        result = verdict(findings)
        if output_format == "json":
            payload = {
                "verdict": result.value,
                "findings": [finding.as_dict() for finding in findings],
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            for finding in findings:
                self.stdout.write(format_finding(finding))
            for warning in document.warnings:
                self.stdout.write(f"! {one_line(warning)}")
            self.stdout.write(f"verdict: {result.value} ({len(findings)} findings)")
        return result == Verdict.BLOCK

    # ------------------------------------------------------------------ pages

    def scan_pages(self, output_format: str) -> bool:
        from wagtail.models import Page

        from cms.security.scanner import verdict
        from cms.security.scanner.findings import Verdict
        from cms.security.services import scan_page

        reports = []
        all_findings = []
        pages = Page.objects.live().filter(depth__gt=1).order_by("path").specific()
        for page in pages:
            result = scan_page(page, revision=page.live_revision)
            all_findings.extend(result.findings)
            reports.append((page, result))
        overall = verdict(all_findings)
        if output_format == "json":
            payload = {
                "verdict": overall.value,
                "pages": [
                    {
                        "id": page.pk,
                        "url": page.get_url() or page.url_path,
                        "title": page.title,
                        "language": result.language,
                        "verdict": result.verdict.value,
                        "findings": [finding.as_dict() for finding in result.findings],
                        "exempted": [
                            {**reported.finding.as_dict(), "reason": reported.exemption.reason}
                            for reported in result.exempted
                        ],
                    }
                    for page, result in reports
                ],
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            for page, result in reports:
                self.stdout.write(
                    f"# {page.pk} {page.title} ({page.get_url() or page.url_path}) "
                    f"[{result.language}]: {result.verdict.value}"
                )
                for finding in result.findings:
                    self.stdout.write("  " + format_finding(finding))
                for reported in result.exempted:
                    self.stdout.write(
                        "  (exempted) "
                        + format_finding(reported.finding)
                        + f" — {one_line(reported.exemption.reason)}"
                    )
                for note in result.notes:
                    self.stdout.write(f"  ! {one_line(note)}")
            self.stdout.write(f"verdict: {overall.value} ({len(reports)} pages)")
        return overall == Verdict.BLOCK


def _part_separator() -> str:
    try:
        from cms.security.extractors.base import PART_SEPARATOR
    except ImportError:  # pragma: no cover - the extractors are part of the app
        return "\n\n"
    return PART_SEPARATOR


def _context_part(label: str, kind: str) -> str:
    from cms.security.content import _is_ocr_label

    if _is_ocr_label(label):
        return "ocr"
    if kind in ("text", "html", "plain"):
        return "text"
    return "document"


def format_finding(finding) -> str:
    where = f"{finding.field} " if finding.field else ""
    line = (
        f"{where}{finding.rule} [{finding.severity.value}] {finding.start}-{finding.end} "
        f"«{one_line(finding.excerpt)}»: {one_line(finding.message)}"
    )
    if finding.suggestion:
        line += f" → {one_line(finding.suggestion)}"
    return line
