"""A real Celery worker consuming from Redis (not eager mode) sends each notification exactly once."""

import time

import pytest
from django.core import mail
from django.db import transaction

from majubom import notifications
from majubom.models import NotificationLog
from majubom.tasks import notification_send_task
from tests.conftest import wait_for
from tests.majubom.flaky_mail import FlakyBackend

pytestmark = pytest.mark.redis

MESSAGE = {
    "to": "grandma@example.kr",
    "subject": "[마주봄] 건강반 자리가 났어요",
    "text": "대기 순번이 되었어요.",
}


@pytest.fixture
def worker(celery_worker):
    return celery_worker


def test_notification_enqueued_on_commit_is_sent_by_the_worker(worker):
    with transaction.atomic():
        notifications.notify_rendered(key="waitlist:7:promoted", **MESSAGE)
        time.sleep(0.5)
        assert mail.outbox == []  # still inside the transaction: nothing enqueued yet
    assert wait_for(lambda: len(worker) >= 1)
    assert [m.subject for m in mail.outbox] == [MESSAGE["subject"]]
    assert NotificationLog.objects.get(key="waitlist:7:promoted").status == "sent"


def test_duplicated_task_sends_one_mail(worker):
    first = notification_send_task.delay(key="order:42:paid", **MESSAGE)
    second = notification_send_task.delay(key="order:42:paid", **MESSAGE)
    assert wait_for(lambda: {first.id, second.id} <= {task_id for task_id, _ in worker})
    assert len(mail.outbox) == 1
    log = NotificationLog.objects.get(key="order:42:paid")
    assert log.status == "sent"


def test_retry_after_smtp_failure_sends_exactly_once(worker, settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.majubom.flaky_mail.FlakyBackend"}}
    FlakyBackend.failures_left = 1
    result = notification_send_task.delay(key="booking:9:confirmed", **MESSAGE)
    # First attempt fails and schedules a retry with backoff; the retry delivers.
    assert wait_for(lambda: (result.id, "RETRY") in worker, timeout=15)
    assert wait_for(lambda: (result.id, "SUCCESS") in worker, timeout=30)
    assert len(mail.outbox) == 1
    log = NotificationLog.objects.get(key="booking:9:confirmed")
    assert (log.status, log.attempts) == ("sent", 2)
    # Running the same task again afterwards changes nothing.
    again = notification_send_task.delay(key="booking:9:confirmed", **MESSAGE)
    assert wait_for(lambda: (again.id, "SUCCESS") in worker)
    assert len(mail.outbox) == 1


def test_a_message_written_while_the_broker_is_down_is_sent_once_when_it_is_back(worker, monkeypatch):
    """The audit: with the broker down the order mail was never scheduled. The outbox keeps it."""
    import datetime as dt

    from django.utils import timezone
    from kombu.exceptions import OperationalError

    real_delay = notification_send_task.delay

    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:1. Connection refused.")

    monkeypatch.setattr(notification_send_task, "delay", broker_down)
    with transaction.atomic():
        notifications.notify_rendered(key="order:77:placed", **MESSAGE)  # the caller's action commits
    log = NotificationLog.objects.get(key="order:77:placed")
    assert (log.status, log.text) == ("pending", MESSAGE["text"])
    time.sleep(1)
    assert mail.outbox == []

    monkeypatch.setattr(notification_send_task, "delay", real_delay)  # the broker is back
    later = timezone.now() + dt.timedelta(minutes=5)
    assert notifications.notifications_send_pending(now=later) == 1
    assert notifications.notifications_send_pending(now=later) in (0, 1)  # the beat may run again meanwhile
    assert wait_for(lambda: NotificationLog.objects.get(key="order:77:placed").status == "sent")
    time.sleep(1)
    assert [m.subject for m in mail.outbox] == [MESSAGE["subject"]]
    assert notifications.notifications_send_pending(now=later) == 0
