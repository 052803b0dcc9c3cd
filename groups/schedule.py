"""Weekly rules in local wall-clock time, turned into session times. Pure functions: no database.

A time is combined with each date in the rule's own zone, so 19:00 stays 19:00 on the wall across a
daylight-saving change (Korea has none today; the rule does not assume it). Korean public holidays —
설날 and 추석 by the lunar calendar, substitute holidays included — come from the maintained
``holidays`` package.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

MAX_SESSIONS = 200


@dataclass(frozen=True)
class Rule:
    weekdays: tuple[int, ...]
    start_time: dt.time
    duration_minutes: int
    first_date: dt.date
    last_date: dt.date | None = None
    session_count: int | None = None
    skip_holidays: bool = True
    timezone: str = "Asia/Seoul"


@lru_cache(maxsize=16)
def korean_holidays(year: int) -> frozenset[dt.date]:
    import holidays

    return frozenset(holidays.country_holidays("KR", years=year).keys())


def is_holiday(day: dt.date) -> bool:
    return day in korean_holidays(day.year)


def occurrences(rule: Rule, *, until: dt.date | None = None) -> list[tuple[dt.datetime, dt.datetime]]:
    """Every (start, end) of the rule from its first date, up to its last date, its number of sessions
    or ``until`` (whichever comes first), holidays skipped when asked. At most ``MAX_SESSIONS``."""
    zone = ZoneInfo(rule.timezone)
    weekdays = set(rule.weekdays)
    if not weekdays:
        return []
    end = min(d for d in (rule.last_date, until) if d is not None) if (rule.last_date or until) else None
    found: list[tuple[dt.datetime, dt.datetime]] = []
    day = rule.first_date
    while len(found) < MAX_SESSIONS:
        if end is not None and day > end:
            break
        if rule.session_count is not None and len(found) >= rule.session_count:
            break
        if day.weekday() in weekdays and not (rule.skip_holidays and is_holiday(day)):
            starts = dt.datetime.combine(day, rule.start_time, tzinfo=zone)
            found.append((starts, starts + dt.timedelta(minutes=rule.duration_minutes)))
        day += dt.timedelta(days=1)
        if end is None and rule.session_count is None and day > rule.first_date + dt.timedelta(days=7 * 104):
            break  # an open-ended rule: callers pass ``until``
    return found


def count_sessions(rule: Rule) -> int | None:
    """How many sessions a bounded rule makes (None when it has no end); used to refuse more than 200."""
    if rule.last_date is None:
        return rule.session_count
    weekdays, total, day = set(rule.weekdays), 0, rule.first_date
    while day <= rule.last_date and (rule.session_count is None or total < rule.session_count):
        if day.weekday() in weekdays and not (rule.skip_holidays and is_holiday(day)):
            total += 1
            if total > MAX_SESSIONS:
                break
        day += dt.timedelta(days=1)
    return total
