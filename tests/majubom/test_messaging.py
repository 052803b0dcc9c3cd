"""KakaoTalk 알림톡 and SMS beside email, against a local server standing in for SOLAPI (the SDK's real
requests, signature header included, go to 127.0.0.1): sent once per key and channel, one SMS only after a
known 알림톡 failure, retried when the gateway does not answer, held at night, delivery reports by a signed
webhook."""

import datetime as dt
import hashlib
import hmac
import json
import time

import pytest
from django.core import mail
from django.utils import timezone

from majubom import gateways, notifications
from majubom.models import GatewayCallback, NotificationLog
from tests.majubom.fake_gateway import FakeSolapi

pytestmark = pytest.mark.django_db

VARIABLES = {
    "이름": "김영자",
    "제목": "제5회 마주봄 건강상점",
    "일시": "2027년 1월 9일 (토) 10:00–16:00",
    "장소": "대전시민대학 1층 로비",
    "코드": "Q5SZU3",
    "인원": "2",
    "순번": "",
    "링크": "https://majubom.kr/t/abc/",
}


@pytest.fixture
def solapi(settings):
    fake = FakeSolapi(api_key="test-key", api_secret="test-secret")
    settings.SOLAPI_API_KEY = "test-key"
    settings.SOLAPI_API_SECRET = "test-secret"
    settings.SOLAPI_SENDER = "042-000-0000"
    settings.SOLAPI_PF_ID = "KA01PF-majubom"
    settings.SOLAPI_TEMPLATES = "fair_ticket=KA01TP-fair-ticket,group_reminder=KA01TP-group-reminder"
    settings.SOLAPI_BASE_URL = fake.url
    settings.SOLAPI_WEBHOOK_SECRET = "hook-secret"
    yield fake
    fake.close()


def write(
    key="fair:1:registration:1:confirmed", *, kind="fair_ticket", phone="010-2345-6789", to="", **extra
):
    notifications.notify_rendered(
        key=key,
        to=to,
        subject="[마주봄] 사전 등록이 됐어요",
        text="본문",
        phone=phone,
        kind=kind,
        variables=VARIABLES,
        **extra,
    )


def test_alimtalk_goes_once_with_the_registered_template(solapi, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        write()
    log = NotificationLog.objects.get()
    assert (log.channel, log.recipient) == ("alimtalk", "010-****-6789")
    assert notifications.notification_deliver(key=log.key, channel="alimtalk") is True
    assert notifications.notification_deliver(key=log.key, channel="alimtalk") is False  # a task run twice
    (sent,) = solapi.accepted
    assert sent["type"] == "ATA" and sent["to"] == "01023456789" and sent["from"] == "0420000000"
    assert (
        sent["kakaoOptions"]["templateId"] == "KA01TP-fair-ticket"
        and sent["kakaoOptions"]["pfId"] == "KA01PF-majubom"
    )
    assert (
        sent["kakaoOptions"]["variables"]["#{코드}"] == "Q5SZU3"
        and sent["kakaoOptions"]["disableSms"] is True
    )
    assert "입장 코드: Q5SZU3 (2명)" in sent["text"] and solapi.bad_signatures == 0
    log.refresh_from_db()
    assert log.status == "sent" and log.gateway_message_id.startswith("M4V") and log.attempts == 1
    assert mail.outbox == []  # a guest without email: the text message only


def test_a_refused_alimtalk_becomes_one_sms(solapi, django_capture_on_commit_callbacks):
    write()
    solapi.plan = ["reject"]
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            notifications.notification_deliver(key="fair:1:registration:1:confirmed", channel="alimtalk")
            is False
        )
    alimtalk = NotificationLog.objects.get(channel="alimtalk")
    assert alimtalk.status == "failed" and "3034" in alimtalk.error and alimtalk.address == ""
    sms = NotificationLog.objects.get(channel="sms")
    assert sms.fallback_for == alimtalk
    # the enqueued task ran the SMS (tasks run eagerly in tests); a second delivery sends nothing more
    assert notifications.notification_deliver(key=sms.key, channel="sms") is False
    assert notifications.notification_deliver(key=sms.key, channel="alimtalk") is False
    (sent,) = solapi.accepted
    assert sent["type"] == "SMS" and "Q5SZU3" in sent["text"] and gateways.sms_bytes(sent["text"]) <= 90
    sms.refresh_from_db()
    assert (sms.status, sms.address, sms.recipient) == ("sent", "", "010-****-6789")


def test_a_gateway_that_times_out_is_retried_and_sends_one_message(solapi):
    write(kind="group_reminder", key="group:1:session:1:remind:1")
    solapi.plan = ["timeout"]
    with pytest.raises(gateways.GatewayUnavailable):
        notifications.notification_deliver(key="group:1:session:1:remind:1", channel="alimtalk")
    log = NotificationLog.objects.get()
    assert log.status == "pending" and log.attempts == 1 and "응답 없음" in log.error
    assert notifications.notification_deliver(key=log.key, channel="alimtalk") is True  # the task's retry
    assert len(solapi.accepted) == 1 and NotificationLog.objects.count() == 1
    from majubom.tasks import notification_send_task

    assert gateways.GatewayUnavailable in notification_send_task.autoretry_for


def test_a_gateway_answering_5xx_is_retried_not_failed(solapi):
    write()
    solapi.plan = ["500"]
    with pytest.raises(gateways.GatewayUnavailable):
        notifications.notification_deliver(key="fair:1:registration:1:confirmed", channel="alimtalk")
    assert NotificationLog.objects.get().status == "pending"
    assert not NotificationLog.objects.filter(channel="sms").exists()  # not a known failure: no fallback


def test_a_message_at_22h_is_held_until_8h(solapi):
    night = timezone.make_aware(dt.datetime(2026, 12, 2, 22, 0), timezone.get_current_timezone())
    morning = night.replace(hour=8) + dt.timedelta(days=1)
    assert notifications.quiet_hours_end(night) == morning
    assert notifications.quiet_hours_end(night.replace(hour=7, minute=59)) == night.replace(hour=8, minute=0)
    assert notifications.quiet_hours_end(night.replace(hour=12)) is None
    from unittest import mock

    with mock.patch("django.utils.timezone.now", return_value=night):
        write(kind="group_reminder", key="group:1:session:2:remind:1", urgent=False)
    log = NotificationLog.objects.get()
    assert log.hold_until == morning
    assert notifications.notification_deliver(key=log.key, channel="alimtalk", now=night) is False
    assert solapi.accepted == []
    assert notifications.notifications_send_pending(now=night + dt.timedelta(minutes=30)) == 0
    assert notifications.notification_deliver(key=log.key, channel="alimtalk", now=morning) is True
    assert len(solapi.accepted) == 1


def test_not_a_mobile_number_or_a_missing_variable_falls_back_to_email_and_loses_nothing(solapi, caplog):
    write(phone="042-123-4567", to="youngja@example.kr")
    assert list(NotificationLog.objects.values_list("channel", flat=True)) == ["email"]
    notifications.notify_rendered(
        key="k2",
        to="youngja@example.kr",
        subject="s",
        text="t",
        phone="010-2345-6789",
        kind="fair_ticket",
        variables={"이름": "김영자"},
    )
    assert NotificationLog.objects.get(key="k2").channel == "email"
    assert "variable" in caplog.text and "missing" in caplog.text


def test_without_a_gateway_everything_is_email(settings):
    settings.SOLAPI_API_KEY = ""
    settings.DEBUG = False
    write(to="youngja@example.kr")
    assert list(NotificationLog.objects.values_list("channel", flat=True)) == ["email"]
    write(key="guest", to="")
    assert not NotificationLog.objects.filter(key="guest").exists()


def test_the_person_chooses_email_or_both(solapi):
    write(key="a", to="youngja@example.kr", prefers="email")
    write(key="b", to="youngja@example.kr", prefers="both")
    write(key="c", to="youngja@example.kr", prefers="auto")
    channels = dict.fromkeys("abc", None)
    for key in channels:
        channels[key] = sorted(NotificationLog.objects.filter(key=key).values_list("channel", flat=True))
    assert channels == {"a": ["email"], "b": ["alimtalk", "email"], "c": ["alimtalk"]}


# --- the webhook --------------------------------------------------------------------------------------


def post_report(client, body: dict | list, *, event_id="evt-1", secret="hook-secret", at=None):
    raw = json.dumps(body).encode()
    timestamp = str(int(at or time.time()))
    signature = hmac.new(
        secret.encode(), f"{event_id}.{timestamp}.".encode() + raw, hashlib.sha256
    ).hexdigest()
    return client.post(
        "/notifications/gateway/report/",
        raw,
        content_type="application/json",
        headers={
            "X-Webhook-Id": event_id,
            "X-Webhook-Timestamp": timestamp,
            "X-Webhook-Signature": signature,
        },
    )


def sent_alimtalk(solapi):
    write()
    notifications.notification_deliver(key="fair:1:registration:1:confirmed", channel="alimtalk")
    return NotificationLog.objects.get(channel="alimtalk")


def test_a_signed_report_marks_delivered_and_a_replay_changes_nothing(client, solapi):
    log = sent_alimtalk(solapi)
    response = post_report(client, [{"messageId": log.gateway_message_id, "statusCode": "4000"}])
    assert response.status_code == 200 and response.json()["changed"] == 1
    log.refresh_from_db()
    assert log.status == "delivered" and log.delivered_at and log.address == ""
    again = post_report(client, [{"messageId": log.gateway_message_id, "statusCode": "3104"}])
    assert again.json() == {"ok": True, "replayed": True}
    log.refresh_from_db()
    assert log.status == "delivered" and not NotificationLog.objects.filter(channel="sms").exists()


def test_a_forged_or_stale_report_is_refused_and_changes_nothing(client, solapi):
    log = sent_alimtalk(solapi)
    body = [{"messageId": log.gateway_message_id, "statusCode": "3104"}]
    assert post_report(client, body, secret="guessed").status_code == 403
    assert post_report(client, body, at=time.time() - 3600).status_code == 403
    assert (
        client.post("/notifications/gateway/report/", b"[]", content_type="application/json").status_code
        == 403
    )
    log.refresh_from_db()
    assert log.status == "sent" and not GatewayCallback.objects.exists()


def test_a_report_of_a_failed_alimtalk_sends_one_sms_and_an_unknown_id_changes_nothing(
    client, solapi, django_capture_on_commit_callbacks
):
    log = sent_alimtalk(solapi)
    assert (
        post_report(client, [{"messageId": "M4VUNKNOWN", "statusCode": "3104"}], event_id="e0").json()[
            "changed"
        ]
        == 0
    )
    with django_capture_on_commit_callbacks(execute=True):
        post_report(client, [{"messageId": log.gateway_message_id, "statusCode": "3104"}], event_id="e1")
    log.refresh_from_db()
    assert log.status == "failed"
    sms = NotificationLog.objects.get(channel="sms")
    assert sms.status == "sent" and [m["type"] for m in solapi.accepted] == ["ATA", "SMS"]


def test_a_payment_deadline_near_is_told_once_by_text_and_email(solapi, settings):
    from orders.notify import payment_deadlines_remind
    from tests.factories import ServiceFactory, UserFactory

    settings.SOLAPI_TEMPLATES = ""  # no template registered for it: an SMS/LMS
    from orders.models import Order, OrderLine

    service = ServiceFactory(price=8000)
    order = Order.objects.create(
        number="MJ-20261202-0001",
        user=UserFactory(phone="010-3333-4444"),
        name="박순자",
        phone="010-3333-4444",
        email="sunja@example.kr",
        total=8000,
        status="pending_payment",
        payment_method="bank_transfer",
        payment_due=timezone.now() + dt.timedelta(hours=3),
        idempotency_key="7d3c1f1e-8a2b-4c1d-9e5f-0a1b2c3d4e5f",
    )
    OrderLine.objects.create(
        order=order,
        service=service,
        provider=service.provider,
        title=service.title,
        unit_price=8000,
        quantity=1,
    )
    noon = timezone.make_aware(dt.datetime(2026, 12, 2, 12, 0), timezone.get_current_timezone())
    from unittest import mock

    with mock.patch("django.utils.timezone.now", return_value=noon):
        order.payment_due = noon + dt.timedelta(hours=3)
        order.save()
        assert payment_deadlines_remind(now=noon) == 1
        assert payment_deadlines_remind(now=noon + dt.timedelta(minutes=30)) == 1  # the beat runs again
    rows = NotificationLog.objects.filter(key="order:MJ-20261202-0001:deadline")
    assert sorted(rows.values_list("channel", flat=True)) == ["sms"]  # auto: the phone, not both
    (sms,) = rows
    assert "8,000원" not in sms.text and "15:00" in sms.text


def test_a_resident_chooses_how_notices_reach_them(client):
    from tests.factories import UserFactory

    resident = UserFactory(name="박순자", phone="")
    assert client.get("/my/account/").status_code == 302  # log in first
    client.force_login(resident)
    page = client.get("/my/account/").content.decode()
    assert "안내 받는 방법" in page and "카카오톡·문자로 받기" in page
    refused = client.post("/my/account/", {"name": "박순자", "phone": "", "message_channel": "phone"})
    assert refused.status_code == 400 and "휴대전화 번호를 적어 주세요" in refused.content.decode()
    bad = client.post("/my/account/", {"name": "박순자", "phone": "02-123-4567", "message_channel": "auto"})
    assert bad.status_code == 400
    resident.refresh_from_db()
    assert (resident.phone, resident.message_channel) == ("", "auto")
    client.post("/my/account/", {"name": "박순자", "phone": "010 3333 4444", "message_channel": "both"})
    resident.refresh_from_db()
    assert (resident.phone, resident.message_channel) == ("010-3333-4444", "both")


def test_in_development_without_a_gateway_mail_goes_as_always_and_the_text_shows_on_the_console(
    settings, caplog
):
    settings.SOLAPI_API_KEY = ""
    settings.DEBUG = True
    settings.MESSAGES_TO_CONSOLE = True
    write(key="dev", to="youngja@example.kr")
    assert sorted(NotificationLog.objects.filter(key="dev").values_list("channel", flat=True)) == [
        "alimtalk",
        "email",
    ]
    assert notifications.notification_deliver(key="dev", channel="alimtalk") is True
    assert "[알림톡 → 010-2345-6789]" in caplog.text and "Q5SZU3" in caplog.text


def test_an_answer_the_sdk_cannot_read_is_not_replaced_by_an_sms(solapi, monkeypatch):
    write()
    import solapi as sdk

    real = sdk.SolapiMessageService.send

    def send_then_fail(self, *args, **kwargs):
        real(self, *args, **kwargs)  # the gateway took it …
        raise ValueError("unexpected answer")  # … but its answer could not be read

    monkeypatch.setattr(sdk.SolapiMessageService, "send", send_then_fail)
    notifications.notification_deliver(key="fair:1:registration:1:confirmed", channel="alimtalk")
    log = NotificationLog.objects.get(channel="alimtalk")
    assert log.gateway_status == "unknown" and "unexpected" in log.error
    assert not NotificationLog.objects.filter(channel="sms").exists()
    assert [m["type"] for m in solapi.accepted] == ["ATA"]
