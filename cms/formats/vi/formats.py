"""Date input formats for the admin.

The admin shows dates as dd/mm/yyyy (WAGTAIL_DATE_FORMAT) in every language, so it must
read them back the same way; otherwise 02/09/2025 would be taken for 9 February.
"""

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]
