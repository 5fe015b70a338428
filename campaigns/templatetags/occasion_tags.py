from django import template

from campaigns import occasions

register = template.Library()


@register.filter
def lunar_label(occurrence) -> str:
    """ "12–15/9 âm lịch" for an occurrence of a lunar occasion, "" for a solar one."""
    return occasions.lunar_label(occurrence) if occurrence else ""
