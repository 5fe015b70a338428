"""CSV exports that a spreadsheet program opens as data, never as formulas."""

#: What makes a spreadsheet program read a cell as a formula (CSV injection): such a cell
#: is written after an apostrophe, which the program shows as text. XLSX exports need no
#: help: Wagtail writes every cell there as a value.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """``value`` as a CSV cell: text that would start a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeCsvExportMixin:
    """For Wagtail's export views (``SpreadsheetExportMixin``, report views): every text
    cell of the CSV file goes through :func:`csv_cell`."""

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: csv_cell(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )
