"""건강반 messages through a real Celery worker: the day-before reminder once per member and session, also
when the task runs twice; a cancelled session sends one cancellation and no reminder."""

import datetime as dt
import time

import pytest
from django.core import mail
from django.utils import timezone

from groups import services
from groups.tasks import sessions_remind_task
from tests.conftest import wait_for
from tests.factories import GroupSessionFactory, HealthGroupFactory, ProviderMemberFactory, UserFactory

pytestmark = pytest.mark.redis


def subjects(word: str) -> list[tuple[str, str]]:
    return sorted((m.to[0], m.subject) for m in mail.outbox if word in m.subject)


def test_reminders_once_per_member_and_a_cancelled_session_sends_one_cancellation(celery_worker):
    group = HealthGroupFactory(title="갑천 아침 걷기", provider__email="")
    host = ProviderMemberFactory(provider=group.provider, user=UserFactory(is_staff=True)).user
    members = [UserFactory(email=f"walker{i}@example.kr") for i in range(3)]
    for user in members:
        services.membership_join(group=group, user=user, tell=False)
    tomorrow = GroupSessionFactory(group=group, starts_at=timezone.now() + dt.timedelta(hours=20))
    cancelled = GroupSessionFactory(group=group, starts_at=timezone.now() + dt.timedelta(hours=22))
    services.absence_notify(session=tomorrow, user=members[0])  # said "이번에는 못 가요": no reminder
    services.session_cancel(session=cancelled, by=host, note="비 예보로 쉬어요")

    first, second = sessions_remind_task.delay(), sessions_remind_task.delay()
    assert wait_for(lambda: {first.id, second.id} <= {task_id for task_id, _ in celery_worker})
    assert wait_for(lambda: len(subjects("내일")) >= 2 and len(subjects("쉬어요")) >= 3)
    time.sleep(1.5)  # anything sent twice would have arrived by now
    assert subjects("내일") == [
        (members[1].email, "[마주봄] 내일 갑천 아침 걷기 모임이 있어요"),
        (members[2].email, "[마주봄] 내일 갑천 아침 걷기 모임이 있어요"),
    ]
    assert [to for to, _s in subjects("쉬어요")] == sorted(u.email for u in members)
