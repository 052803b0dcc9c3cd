from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()

FORMATS = {
    "ko": {"datetime": "n월 j일 (D) A g:i", "date": "n월 j일 (D)", "time": "A g:i"},
    "en": {"datetime": "D j M, H:i", "date": "D j M", "time": "H:i"},
}


@register.filter
def when(value, kind: str = "datetime") -> str:
    """A date and time as people say it: '12월 2일 (화) 오전 10:00' (or 'Tue 2 Dec, 10:00')."""
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    formats = FORMATS.get((get_language() or "ko")[:2], FORMATS["ko"])
    return date_format(value, formats[kind])


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
