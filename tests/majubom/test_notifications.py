import smtplib
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from majubom import notifications
from majubom.models import NotificationLog
from majubom.tasks import notification_send_task
from tests.factories import UserFactory

MESSAGE = {
    "to": "resident@example.kr",
    "subject": "[마주봄] 예약 확인",
    "text": "예약이 확정됐어요.",
    "html": "<p>예약</p>",
}


@pytest.mark.django_db
def test_deliver_sends_once_per_key():
    assert notifications.notification_deliver(key="order:1:paid", **MESSAGE) is True
    assert notifications.notification_deliver(key="order:1:paid", **MESSAGE) is False
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.subject == "[마주봄] 예약 확인"
    assert sent.alternatives[0].mimetype == "text/html"
    log = NotificationLog.objects.get(key="order:1:paid")
    assert log.status == "sent" and log.sent_at is not None and log.attempts == 1


@pytest.mark.django_db
def test_failed_send_stays_pending_and_a_retry_sends_it():
    with (
        mock.patch(
            "django.core.mail.EmailMultiAlternatives.send", side_effect=smtplib.SMTPServerDisconnected("gone")
        ),
        pytest.raises(smtplib.SMTPServerDisconnected),
    ):
        notifications.notification_deliver(key="k1", **MESSAGE)
    log = NotificationLog.objects.get(key="k1")
    assert (log.status, log.attempts) == ("pending", 1)
    assert mail.outbox == []
    assert notifications.notification_deliver(key="k1", **MESSAGE) is True
    log.refresh_from_db()
    assert (log.status, log.attempts) == ("sent", 2)
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_notify_waits_for_commit_and_renders_korean_text_and_html(django_capture_on_commit_callbacks):
    user = UserFactory(name="이웃집")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notifications.notify(
            key=f"welcome:{user.pk}",
            to=user.email,
            template="notifications/welcome",
            context={"user": user, "site_url": "https://majubom.kr/"},
        )
        assert mail.outbox == []  # nothing leaves before the transaction commits
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "[마주봄] 이웃집님, 반가워요"
    assert "https://majubom.kr/" in message.body
    assert "<html lang=" in message.alternatives[0].content


@pytest.mark.django_db(transaction=True)
def test_rolled_back_transaction_sends_nothing():
    with pytest.raises(RuntimeError), transaction.atomic():
        notifications.notify_rendered(key="rollback", **MESSAGE)
        raise RuntimeError("payment failed")
    assert mail.outbox == []
    assert not NotificationLog.objects.exists()


@pytest.mark.django_db
def test_task_retries_transient_errors():
    """The task is declared to retry SMTP and connection errors with exponential backoff."""
    assert smtplib.SMTPException in notification_send_task.autoretry_for
    assert ConnectionError in notification_send_task.autoretry_for
    assert notification_send_task.retry_backoff and notification_send_task.max_retries >= 5


@pytest.mark.django_db
def test_purge_keeps_recent_records():
    old = NotificationLog.objects.create(
        key="old",
        recipient="a@example.kr",
        subject="s",
        status="sent",
        sent_at=timezone.now() - timedelta(days=400),
    )
    recent = NotificationLog.objects.create(
        key="recent",
        recipient="a@example.kr",
        subject="s",
        status="sent",
        sent_at=timezone.now() - timedelta(days=3),
    )
    assert notifications.notification_log_purge() == 1
    assert not NotificationLog.objects.filter(pk=old.pk).exists()
    assert NotificationLog.objects.filter(pk=recent.pk).exists()


@pytest.mark.django_db
def test_a_broker_that_is_down_leaves_the_message_in_the_outbox_and_the_action_succeeds(monkeypatch):
    import datetime as dt

    from django.utils import timezone
    from kombu.exceptions import OperationalError

    from majubom import notifications
    from majubom.models import NotificationLog
    from majubom.tasks import notification_send_task

    real_delay = notification_send_task.delay

    def broker_down(*args, **kwargs):
        raise OperationalError("Connection refused")

    monkeypatch.setattr(notification_send_task, "delay", broker_down)
    notifications.notify_rendered(key="k:1", to="a@example.kr", subject="[마주봄] 안내", text="본문")
    assert NotificationLog.objects.get(key="k:1").status == "pending"
    assert mail.outbox == []
    monkeypatch.setattr(notification_send_task, "delay", real_delay)
    later = timezone.now() + dt.timedelta(minutes=5)
    assert notifications.notifications_send_pending(now=later) == 1
    assert notifications.notifications_send_pending(now=later) == 0
    assert len(mail.outbox) == 1
    sent = NotificationLog.objects.get(key="k:1")
    assert sent.status == "sent" and sent.text == ""  # the body is not kept after sending
