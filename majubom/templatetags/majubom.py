from functools import lru_cache

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.dates import MONTHS_3, WEEKDAYS_ABBR
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()

FORMATS = {
    "ko": {"datetime": "n월 j일 (D) A g:i", "date": "n월 j일 (D)", "time": "A g:i"},
    "en": {"datetime": "D j M, H:i", "date": "D j M", "time": "H:i"},
}


# The letters FORMATS uses, written as Django's dateformat writes them (same translated names). A service
# page shows up to 36 of these; Django's general formatter costs about 20 µs each, this about 4.
_MERIDIEM = ("AM", "PM")  # translated by Django's own catalogue (오전/오후), as its formatter does
_PARTS = {
    "n": lambda d: str(d.month),
    "j": lambda d: str(d.day),
    "D": lambda d: str(WEEKDAYS_ABBR[d.weekday()]),
    "A": lambda d: _(_MERIDIEM[d.hour > 11]),
    "g": lambda d: str(d.hour % 12 or 12),
    "i": lambda d: f"{d.minute:02d}",
    "H": lambda d: f"{d.hour:02d}",
    "M": lambda d: str(MONTHS_3[d.month]).title(),
}
_FORMAT_CHARS = frozenset("aAbcdDeEfFgGhHiIjlLmMnNoOPrsStTUuwWyYzZ\\")


@lru_cache(maxsize=32)
def _compiled(fmt: str) -> tuple | None:
    """The format as literal strings and part functions, or None when it needs Django's formatter."""
    if any(char in _FORMAT_CHARS and char not in _PARTS for char in fmt):
        return None
    return tuple(_PARTS.get(char, char) for char in fmt)


@register.filter
def when(value, kind: str = "datetime") -> str:
    """A date and time as people say it: '12월 2일 (화) 오전 10:00' (or 'Tue 2 Dec, 10:00')."""
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    fmt = FORMATS.get((get_language() or "ko")[:2], FORMATS["ko"])[kind]
    parts = _compiled(fmt)
    if parts is None:
        return date_format(value, fmt)
    return "".join(part if isinstance(part, str) else part(value) for part in parts)


@register.filter
def won(value) -> str:
    """Money in KRW: '15,000원', or '무료' for 0."""
    if value is None:
        return ""
    if int(value) == 0:
        return _("무료")
    return _("%(amount)s원") % {"amount": intcomma(int(value))}


@register.simple_tag(takes_context=True)
def nav_current(context, prefix: str) -> str:
    """aria-current for the section menu."""
    request = context.get("request")
    if request and request.path.startswith(prefix):
        return mark_safe('aria-current="page"')
    return ""


SMALL_COUNT = 5


@register.filter
def count_of_people(value) -> str:
    """A figure about residents' health shown to staff: fewer than 5 reads "5 미만", so that no cell can
    point to a person."""
    from django.utils.translation import gettext

    try:
        number = int(value)
    except (TypeError, ValueError):
        return ""
    return gettext("5 미만") if number < SMALL_COUNT else f"{number:,}"
