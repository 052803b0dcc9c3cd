from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..selectors import schedule_in_words

register = template.Library()


@register.simple_tag
def group_when(group) -> str:
    """ "매주 화·목 오전 10시" (the group's weekly rules, prefetched)."""
    return schedule_in_words(group.schedules.all()) or _("일정은 곧 알려 드려요")


@register.simple_tag
def group_seats(group) -> str:
    """Seats left ("n자리 남음"), or the line ("대기 n명") when the seats are taken; reads the
    ``active_count`` and ``waiting_count`` annotations."""
    left = group.capacity - group.active_count
    if left > 0 and not group.waiting_count:
        return ngettext("%(n)d자리 남음", "%(n)d자리 남음", left) % {"n": left}
    waiting = group.waiting_count
    if waiting:
        return ngettext("자리가 다 찼어요 · 대기 %(n)d명", "자리가 다 찼어요 · 대기 %(n)d명", waiting) % {
            "n": waiting
        }
    return _("자리가 다 찼어요 · 대기 신청 가능")
