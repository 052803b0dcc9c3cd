"""A real Celery worker consuming from Redis (not eager mode) sends the order-placed mails once per
recipient, also when the notifications are delivered a second time."""

import pytest
from django.core import mail

from majubom.models import NotificationLog
from majubom.tasks import notification_send_task
from orders import notify
from tests.conftest import wait_for
from tests.orders.conftest import place

pytestmark = pytest.mark.redis


@pytest.fixture
def worker(celery_worker):
    return celery_worker


def placed_keys(order) -> dict[str, str]:
    return {
        f"order:{order.number}:placed": order.email,
        f"order:{order.number}:placed:provider:{order.lines.get(provider__slug='seo-health').provider_id}": (
            "seo@example.kr"
        ),
        f"order:{order.number}:placed:provider:{order.lines.get(provider__slug='dong-mind').provider_id}": (
            "dong@example.kr"
        ),
    }


def recipients() -> list[str]:
    return sorted(to for message in mail.outbox for to in message.to)


def test_order_placed_mails_sent_once_by_the_worker(worker, shop):
    resident = shop["resident"]
    # One order with lines of two providers: the resident and each provider get one mail.
    order = place(resident, [(shop["yoga"], shop["yoga_slot"], 1), (shop["trial"], shop["trial_slot"], 1)])
    assert wait_for(lambda: len(worker) >= 3)
    assert all(state == "SUCCESS" for _id, state in worker)
    expected = sorted([resident.email, "seo@example.kr", "dong@example.kr"])
    assert recipients() == expected

    keys = placed_keys(order)
    logs = {log.key: log for log in NotificationLog.objects.filter(key__in=keys)}
    assert set(logs) == set(keys)
    assert {key: (log.recipient, log.status) for key, log in logs.items()} == {
        key: (to, "sent") for key, to in keys.items()
    }

    # The whole notification runs again (a redelivered after-commit hook): three more tasks, no mail.
    notify.order_placed(order_id=order.pk)
    assert wait_for(lambda: len(worker) >= 6)
    # And one task delivered a second time by hand, with the same key and payload as the first mail.
    resident_mail = next(m for m in mail.outbox if m.to == [resident.email])
    again = notification_send_task.delay(
        key=f"order:{order.number}:placed",
        to=resident.email,
        subject=resident_mail.subject,
        text=resident_mail.body,
    )
    assert wait_for(lambda: (again.id, "SUCCESS") in worker)
    assert len(worker) == 7
    assert all(state == "SUCCESS" for _id, state in worker)

    assert recipients() == expected
    assert [m.subject for m in mail.outbox if m.to == [resident.email]] == [
        f"[마주봄] 주문을 받았어요 ({order.number})"
    ]
    logs = NotificationLog.objects.filter(key__in=keys)
    assert sorted((log.status, log.attempts) for log in logs) == [("sent", 1)] * 3
