"""The English admin reads dates as dd/mm/yyyy too: see cms/formats/vi/formats.py."""

from cms.formats.vi.formats import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS

__all__ = ["DATETIME_INPUT_FORMATS", "DATE_INPUT_FORMATS"]
