"""Reading the periodic report back with python-docx, as the office's Word would show it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

CAPTION_RE = re.compile(r"^Bảng \d+\. (?P<caption>.+)$")


@dataclass
class Report:
    document: object
    paragraphs: list[str]  # the body's paragraphs, outside tables, in order
    tables: dict[str, list[list[str]]]  # caption → rows of cell texts (header row first)

    def table(self, caption: str) -> list[list[str]]:
        return self.tables[caption]

    def counts(self, caption: str) -> dict[str, str]:
        """First column → last column, header row left out."""
        return {row[0]: row[-1] for row in self.table(caption)[1:]}

    @property
    def header(self) -> list[list[str]]:
        """The cells of the first table (authority, national title, number, place and date)."""
        first = self.document.tables[0]
        return [[cell.text for cell in row.cells] for row in first.rows]

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


def read_report(source) -> Report:
    """``source``: a path or a binary file object of a .docx."""
    document = Document(source)
    paragraphs, tables, caption = [], {}, None
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(element, document).text
            paragraphs.append(text)
            match = CAPTION_RE.match(text)
            caption = match["caption"] if match else (caption if not text else None)
        elif tag == "tbl" and caption:
            table = Table(element, document)
            tables[caption] = [[cell.text for cell in row.cells] for row in table.rows]
            caption = None
    return Report(document=document, paragraphs=paragraphs, tables=tables)
