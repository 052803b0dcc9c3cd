"""Weekly rules in local wall-clock time → sessions: Seoul, public holidays, idempotent, DST-safe."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from groups import services
from groups.models import AbsenceNotice, GroupSchedule, GroupSession
from groups.schedule import MAX_SESSIONS, Rule, count_sessions, is_holiday, occurrences
from tests.factories import HealthGroupFactory, UserFactory

SEOUL = ZoneInfo("Asia/Seoul")


def test_a_weekly_rule_in_seoul_gives_tuesdays_and_thursdays_at_ten():
    rule = Rule(
        weekdays=(1, 3),
        start_time=dt.time(10),
        duration_minutes=60,
        first_date=dt.date(2027, 3, 1),
        session_count=6,
        skip_holidays=False,
    )
    times = occurrences(rule)
    assert len(times) == 6
    assert all(s.tzinfo == SEOUL and s.hour == 10 and s.weekday() in (1, 3) for s, _e in times)
    assert times[0][0] == dt.datetime(2027, 3, 2, 10, tzinfo=SEOUL)
    assert all(e - s == dt.timedelta(hours=1) for s, e in times)


def test_korean_public_holidays_are_skipped_when_asked():
    # 추석 2027 falls on 14–16 September (lunar calendar): a Tuesday/Wednesday/Thursday rule skips them.
    assert is_holiday(dt.date(2027, 9, 15))
    rule = Rule(
        weekdays=(1, 2, 3),
        start_time=dt.time(14),
        duration_minutes=90,
        first_date=dt.date(2027, 9, 13),
        last_date=dt.date(2027, 9, 23),
        skip_holidays=True,
    )
    days = [s.date() for s, _e in occurrences(rule)]
    assert dt.date(2027, 9, 14) not in days and dt.date(2027, 9, 15) not in days
    assert days == [dt.date(2027, 9, 21), dt.date(2027, 9, 22), dt.date(2027, 9, 23)]
    kept = occurrences(Rule(**{**rule.__dict__, "skip_holidays": False}))
    assert len(kept) == 6


def test_a_19_oclock_rule_stays_at_19_across_daylight_saving_time():
    new_york = ZoneInfo("America/New_York")
    rule = Rule(
        weekdays=(2,),
        start_time=dt.time(19),
        duration_minutes=60,
        first_date=dt.date(2027, 2, 24),
        session_count=8,
        skip_holidays=False,
        timezone="America/New_York",
    )
    times = [s for s, _e in occurrences(rule)]  # DST starts on 14 March 2027
    assert all(s.astimezone(new_york).hour == 19 for s in times)
    utc_hours = {s.astimezone(dt.UTC).hour for s in times}
    assert utc_hours == {0, 23}  # the instant moves, the wall clock does not


def test_a_rule_of_more_than_200_sessions_or_ending_before_it_starts_is_refused(db):
    group = HealthGroupFactory()
    huge = GroupSchedule(
        group=group,
        weekdays=[0, 1, 2, 3, 4, 5, 6],
        start_time=dt.time(9),
        duration_minutes=60,
        first_date=dt.date(2027, 1, 4),
        last_date=dt.date(2027, 12, 31),
    )
    assert count_sessions(services.rule_of(huge)) > MAX_SESSIONS
    with pytest.raises(services.MajubomError, match="200번"):
        services.schedule_check(schedule=huge)
    backwards = GroupSchedule(
        group=group,
        weekdays=[1],
        start_time=dt.time(9),
        duration_minutes=60,
        first_date=dt.date(2027, 2, 1),
        last_date=dt.date(2027, 1, 1),
    )
    with pytest.raises(services.MajubomError, match="마지막 날"):
        services.schedule_check(schedule=backwards)
    with pytest.raises(services.MajubomError, match="요일"):
        services.schedule_check(
            schedule=GroupSchedule(
                group=group,
                weekdays=[9],
                start_time=dt.time(9),
                duration_minutes=60,
                first_date=dt.date(2027, 1, 4),
            )
        )


@pytest.mark.django_db
def test_materialising_is_idempotent_and_reaches_about_twelve_weeks_ahead():
    group = HealthGroupFactory()
    schedule = GroupSchedule.objects.create(
        group=group,
        weekdays=[1, 3],
        start_time=dt.time(10),
        duration_minutes=60,
        first_date=timezone.localdate(),
        skip_holidays=False,
    )
    first = services.sessions_materialise(schedule=schedule)
    again = services.sessions_materialise(schedule=schedule)
    assert 22 <= first["created"] <= 25 and again == {"created": 0, "removed": 0}
    sessions = list(GroupSession.objects.filter(group=group))
    assert len(sessions) == first["created"]
    assert max(s.starts_at for s in sessions) <= timezone.now() + dt.timedelta(weeks=12, days=1)
    assert all(timezone.localtime(s.starts_at).hour == 10 for s in sessions)


@pytest.mark.django_db
def test_editing_the_rule_regenerates_only_untouched_future_sessions(django_capture_on_commit_callbacks):
    group = HealthGroupFactory()
    schedule = GroupSchedule.objects.create(
        group=group,
        weekdays=[1],
        start_time=dt.time(10),
        duration_minutes=60,
        first_date=timezone.localdate(),
        skip_holidays=False,
    )
    services.sessions_materialise(schedule=schedule)
    member = services.membership_join(group=group, user=UserFactory()).membership
    noticed = GroupSession.objects.filter(group=group).order_by("starts_at").first()
    AbsenceNotice.objects.create(session=noticed, membership=member)
    schedule.weekdays = [3]
    schedule.save()
    with django_capture_on_commit_callbacks(execute=True):
        result = services.sessions_materialise(schedule=schedule)
    left = GroupSession.objects.filter(group=group)
    from django.core import mail

    assert [m.subject for m in mail.outbox if "바뀌었어요" in m.subject]  # the member is told
    assert result["created"] >= 11 and result["removed"] >= 10
    noticed.refresh_from_db()
    # Kept and moved in place to the new day of that week (a member had told the host about it) …
    assert timezone.localtime(noticed.starts_at).weekday() == 3 and noticed.absences.count() == 1
    assert result.get("moved") == 1
    assert {timezone.localtime(s.starts_at).weekday() for s in left} == {3}
    assert left.count() == len({s.starts_at for s in left})  # … without a second session at that time
