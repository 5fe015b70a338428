"""The bulletin's text: periods, rich text and body blocks as plain text, the script's lines.

Pure functions, no database.
"""

import datetime

import pytest

from cms.broadcast.script import (
    DAY,
    WEEK,
    BulletinItem,
    BulletinScript,
    Period,
    body_paragraphs,
    compose,
    rich_text_lines,
)

TUESDAY = datetime.date(2025, 9, 2)


class TestPeriod:
    def test_one_day(self):
        assert Period.containing(TUESDAY, DAY) == Period(DAY, TUESDAY, TUESDAY)

    @pytest.mark.parametrize("day", [1, 2, 7])
    def test_week_runs_from_monday_to_sunday(self, day):
        period = Period.containing(datetime.date(2025, 9, day), WEEK)

        assert (period.start, period.end) == (datetime.date(2025, 9, 1), datetime.date(2025, 9, 7))

    def test_week_across_a_year_end(self):
        period = Period.containing(datetime.date(2026, 1, 1), WEEK)

        assert (period.start, period.end) == (
            datetime.date(2025, 12, 29),
            datetime.date(2026, 1, 4),
        )


class TestRichText:
    def test_paragraphs_and_line_breaks_become_lines(self):
        html = "<p>Sáng 2/9, <b>UBND xã</b> tổ chức<br/>lễ chào cờ.</p><p>Dự lễ có 300 người.</p>"

        assert rich_text_lines(html) == [
            "Sáng 2/9, UBND xã tổ chức",
            "lễ chào cờ.",
            "Dự lễ có 300 người.",
        ]

    def test_links_keep_their_text_only(self):
        html = (
            '<p>Xem <a linktype="page" id="3">Kế hoạch số 72/KH-UBND</a> và '
            '<a href="https://ninhbinh.gov.vn/">cổng tỉnh</a>.</p>'
        )

        assert rich_text_lines(html) == ["Xem Kế hoạch số 72/KH-UBND và cổng tỉnh."]

    def test_lists_are_one_line_per_item(self):
        html = (
            "<ul><li>Treo cờ Tổ quốc</li><li>Dọn vệ sinh</li></ul>"
            "<ol><li>Thôn 1</li><li>Thôn 2</li></ol>"
        )

        assert rich_text_lines(html) == [
            "- Treo cờ Tổ quốc",
            "- Dọn vệ sinh",
            "1. Thôn 1",
            "2. Thôn 2",
        ]

    def test_entities_and_spaces(self):
        assert rich_text_lines("<p>A&nbsp;&amp;   B\n C</p>") == ["A & B C"]


class TestBody:
    def test_text_blocks_are_read_and_the_others_skipped(self):
        raw = [
            {"type": "heading", "value": {"text": "Kết quả nổi bật", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Thu nhập bình quân tăng.</p>"},
            {
                "type": "image",
                "value": {"image": 7, "caption": "Chú thích ảnh", "credit": "Ảnh: X"},
            },
            {"type": "embed", "value": {"embed": "https://youtu.be/x", "caption": "Video"}},
            {"type": "document", "value": {"document": 3, "title": "Tải kế hoạch"}},
            {
                "type": "quote",
                "value": {"text": "Đoàn kết là sức mạnh.", "attribution": "Chủ tịch xã"},
            },
        ]

        assert body_paragraphs(raw) == [
            "Kết quả nổi bật",
            "Thu nhập bình quân tăng.",
            "“Đoàn kết là sức mạnh.” – Chủ tịch xã",
        ]

    def test_table_with_a_header_row_is_read_as_header_cell_pairs(self):
        raw = [
            {
                "type": "table",
                "value": {
                    "caption": "Kết quả thu ngân sách",
                    "table": {
                        "first_row_is_table_header": True,
                        "data": [["Chỉ tiêu", "Kết quả"], ["Thu ngân sách", "102%"], [None, None]],
                    },
                },
            }
        ]

        assert body_paragraphs(raw) == [
            "Kết quả thu ngân sách\nChỉ tiêu: Thu ngân sách; Kết quả: 102%"
        ]

    def test_table_without_a_header_row(self):
        raw = [{"type": "table", "value": {"table": {"data": [["Thôn 1", "120 hộ"]]}}}]

        assert body_paragraphs(raw) == ["Thôn 1 – 120 hộ"]

    def test_empty_blocks_give_nothing(self):
        raw = [
            {"type": "paragraph", "value": "<p> </p>"},
            {"type": "quote", "value": {"text": "", "attribution": "Ai đó"}},
        ]

        assert body_paragraphs(raw) == []


def item(title, day, *paragraphs):
    return BulletinItem(
        title=title, summary=f"Sapo {title}.", publication_date=day, paragraphs=list(paragraphs)
    )


class TestCompose:
    def test_vietnamese_day_bulletin(self):
        text = compose("vi", Period.containing(TUESDAY, DAY), [item("Tin A", TUESDAY, "Đoạn 1.")])

        blocks = text.split("\n\n")
        assert blocks[0] == "Đài truyền thanh xã Xuân Trường\nBản tin ngày 02/09/2025"
        assert blocks[1].startswith("Kính thưa bà con")
        assert blocks[2] == "Bản tin gồm 1 tin bài."
        assert blocks[3:6] == ["1. Tin A", "Sapo Tin A.", "Đoạn 1."]
        assert blocks[-1].startswith(
            "Bản tin của Đài truyền thanh xã Xuân Trường đến đây là kết thúc"
        )
        assert text.endswith("\n")

    def test_english_week_bulletin_is_grouped_by_day(self):
        monday, tuesday = datetime.date(2025, 9, 1), TUESDAY
        items = [item("A", monday), item("B", tuesday), item("C", tuesday)]

        text = compose("en", Period.containing(tuesday, WEEK), items)

        assert text.startswith(
            "Xuan Truong Commune Radio Station\n"
            "Bulletin for the week from 01/09/2025 to 07/09/2025\n\n"
        )
        assert "This bulletin has 3 items." in text
        assert (
            text.index("Monday, 01/09/2025")
            < text.index("1. A")
            < text.index("Tuesday, 02/09/2025")
            < text.index("2. B")
            < text.index("3. C")
        )
        assert text.count("Tuesday") == 1
        assert "Thank you for listening." in text

    def test_reading_time_at_120_words_a_minute(self):
        period = Period.containing(TUESDAY, DAY)

        assert BulletinScript("vi", period, [], "từ " * 120).reading_minutes == 1
        assert BulletinScript("vi", period, [], "từ " * 121).reading_minutes == 2
        assert BulletinScript("vi", period, [], "từ " * 121).word_count == 121

    def test_file_names(self):
        day = Period.containing(TUESDAY, DAY)
        week = Period.containing(TUESDAY, WEEK)

        assert BulletinScript("vi", day, [], "").filename == "ban-tin-2025-09-02.txt"
        assert BulletinScript("en", day, [], "").filename == "ban-tin-2025-09-02-en.txt"
        assert (
            BulletinScript("vi", week, [], "").filename
            == "ban-tin-tuan-2025-09-01-den-2025-09-07.txt"
        )
