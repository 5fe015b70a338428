"""Reading ZIP-based documents (DOCX, XLSX, PPTX, ODF) without trusting them.

The archive is refused when it has too many members or expands beyond
``Limits.max_uncompressed`` (zip bombs); XML is parsed with defusedxml, which
refuses document type declarations and entities (billion laughs, external
entities).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as parse_xml
from defusedxml.ElementTree import iterparse

from .base import Limits, UnreadableDocument, size_text

_NUMBER = re.compile(r"(\d+)")

RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def local(tag: str) -> str:
    """An element's or attribute's name without its namespace."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def natural_key(name: str):
    """``slide2`` before ``slide10``."""
    return [int(piece) if piece.isdigit() else piece for piece in _NUMBER.split(name)]


class SafeZip:
    def __init__(self, data: bytes, limits: Limits, kind_name: str):
        self.kind_name = kind_name
        self.damaged = (
            f"không đọc được tệp {kind_name}: tệp bị hỏng (the {kind_name} file is damaged)"
        )
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
            raise UnreadableDocument(self.damaged) from None
        if len(infos) > limits.max_members:
            raise UnreadableDocument(
                f"tệp {kind_name} có quá nhiều thành phần ({len(infos)}) "
                f"(the {kind_name} file has too many parts: {len(infos)})"
            )
        total = sum(info.file_size for info in infos)
        if total > limits.max_uncompressed:
            raise UnreadableDocument(
                f"tệp {kind_name} giải nén ra quá lớn ({size_text(total)}, tối đa "
                f"{size_text(limits.max_uncompressed)}) (the {kind_name} file expands to "
                f"{size_text(total)}, more than the limit)"
            )
        self.infos = {info.filename: info for info in infos}
        self.budget = limits.max_uncompressed

    def names(self, pattern: str) -> list[str]:
        """Member names matching a regular expression, in natural order."""
        regex = re.compile(pattern)
        return sorted((n for n in self.infos if regex.fullmatch(n)), key=natural_key)

    def has(self, name: str) -> bool:
        return name in self.infos

    def read(self, name: str) -> bytes | None:
        info = self.infos.get(name)
        if info is None:
            return None
        if info.flag_bits & 0x1:
            raise UnreadableDocument(
                f"tệp {self.kind_name} được bảo vệ bằng mật khẩu "
                f"(the {self.kind_name} file is password-protected)"
            )
        try:
            with self.zip.open(info) as member:
                data = member.read(min(info.file_size, self.budget) + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
                OSError, ValueError):  # fmt: skip
            raise UnreadableDocument(self.damaged) from None
        self.budget -= len(data)
        if self.budget < 0 or len(data) > info.file_size:
            raise UnreadableDocument(
                f"tệp {self.kind_name} giải nén ra quá lớn "
                f"(the {self.kind_name} file expands beyond the limit)"
            )
        return data

    def xml(self, name: str) -> Element | None:
        data = self.read(name)
        if data is None:
            return None
        return self.parse(data)

    def parse(self, data: bytes) -> Element:
        try:
            return parse_xml(data, forbid_dtd=True)
        except DefusedXmlException:
            raise UnreadableDocument(self.unsafe) from None
        except (ParseError, ValueError, SyntaxError):
            raise UnreadableDocument(self.damaged) from None

    @property
    def unsafe(self) -> str:
        return (
            f"tệp {self.kind_name} chứa XML không an toàn (khai báo DTD hoặc thực thể) "
            f"(the {self.kind_name} file contains unsafe XML: a DTD or entities)"
        )

    def iterparse(self, name: str):
        """(event, element) pairs of a large XML member, parsed incrementally."""
        data = self.read(name)
        if data is None:
            return
        try:
            yield from iterparse(io.BytesIO(data), events=("end",), forbid_dtd=True)
        except DefusedXmlException:
            raise UnreadableDocument(self.unsafe) from None
        except (ParseError, ValueError, SyntaxError):
            raise UnreadableDocument(self.damaged) from None

    def relationships(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """Id → (type, resolved target, external) for an OOXML part."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        result: dict[str, tuple[str, str, bool]] = {}
        if root is None:
            return result
        for element in root:
            target = element.get("Target", "")
            external = element.get("TargetMode", "") == "External"
            if not external:
                if target.startswith("/"):
                    target = target.lstrip("/")
                else:
                    target = posixpath.normpath(posixpath.join(folder, target))
            result[element.get("Id", "")] = (element.get("Type", ""), target, external)
        return result

    def main_part(self, default: str) -> str:
        for kind, target, _ in self.relationships("").values():
            if kind.endswith("/officeDocument") and target in self.infos:
                return target
        return default
