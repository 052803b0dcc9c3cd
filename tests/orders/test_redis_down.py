"""The audit's Redis fault, end to end: a real server process whose ``REDIS_URL`` points at a closed port
(so the cache and the broker are both down) answers the public pages, places an order and cancels it; the
order mail waits in the outbox and a real worker sends it exactly once when the broker is back."""

from __future__ import annotations

import datetime as dt
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from majubom import notifications
from majubom.models import NotificationLog
from orders.models import Order
from tests.conftest import wait_for
from tests.factories import ServiceFactory, SlotFactory, UserFactory
from tests.orders.test_concurrency import HIDDEN_KEY, logged_in

pytestmark = [pytest.mark.postgres, pytest.mark.redis]
ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server_without_redis(postgres_db, transactional_db):
    """``manage.py runserver`` on the test database with Redis at a port nobody listens on."""
    db = connection.settings_dict
    port = free_port()
    host, port_db = db["HOST"] or "127.0.0.1", db["PORT"] or 5432
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{host}:{port_db}/{db['NAME']}",
        "REDIS_URL": "redis://127.0.0.1:1/0",
        "DJANGO_DEBUG": "true",
    }
    process = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--nothreading"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.2)
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_with_redis_down_the_site_works_and_the_order_mail_goes_once_when_the_broker_is_back(
    server_without_redis, celery_worker
):
    starts = timezone.now() + dt.timedelta(days=3)
    service = ServiceFactory(title="갑천 걷기 교실", slug="gapcheon-walk", price=5000, delivery="venue")
    slot = SlotFactory(service=service, starts_at=starts, ends_at=starts + dt.timedelta(hours=1), capacity=10)
    user = UserFactory(name="김주민", email="kim@example.kr")
    browser = logged_in(server_without_redis, user)

    for path in [
        "/",
        "/services/",
        "/services/?q=%EA%B1%B7%EA%B8%B0",
        f"/services/{service.slug}/",
        "/providers/",
    ]:
        assert browser.get(path).status == 200, path
    assert browser.get("/healthz").status == 503  # the one place that says the cache is down

    added = browser.post(f"/cart/add/{service.slug}/", {"slot": slot.pk, "quantity": 1})
    assert (added.status, added.location) == (302, "/cart/")
    page = browser.get("/checkout/")
    form = {
        "name": "김주민",
        "phone": "010-2222-3333",
        "email": user.email,
        "payment_method": "bank_transfer",
        "idempotency_key": HIDDEN_KEY.search(page.body).group(1),
        "total_seen": re.search(r'name="total_seen" value="(\d+)"', page.body).group(1),
    }
    placed = browser.post("/checkout/", form)
    order = Order.objects.get()
    assert (placed.status, placed.location) == (302, f"/orders/{order.number}/")
    assert browser.get(placed.location).status == 200
    key = f"order:{order.number}:placed"
    # in the outbox, not lost (the development server also shows the text message on its console: a
    # second row, on the phone channel)
    assert NotificationLog.objects.get(key=key, channel="email").status == "pending"

    cancelled = browser.post(f"/orders/{order.number}/cancel/", {})
    assert (cancelled.status, cancelled.location) == (302, f"/orders/{order.number}/")
    order.refresh_from_db()
    assert order.status == Order.Status.CANCELLED
    slot.refresh_from_db()
    assert slot.booked == 0

    # The broker is back (this process's worker, on the real Redis): the beat task sends what waited.
    later = timezone.now() + dt.timedelta(minutes=5)
    notifications.notifications_send_pending(now=later)
    notifications.notifications_send_pending(now=later)  # the beat running twice sends nothing twice
    assert wait_for(lambda: NotificationLog.objects.get(key=key, channel="email").status == "sent")
    time.sleep(1)
    placed_mails = [m for m in mail.outbox if m.subject.startswith("[마주봄] 주문을 받았어요")]
    assert [m.to for m in placed_mails] == [[user.email]]
