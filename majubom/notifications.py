"""Notifications: Korean emails, KakaoTalk 알림톡 and text messages, sent by a Celery task once per dedupe
key and channel.

``notify()`` renders the message now (in the language and with the data of the moment) and writes it to
the outbox, a ``NotificationLog`` row, in the caller's transaction: nothing goes out for a transaction that
rolls back, and nothing is lost when the broker is down. After commit the sending is enqueued; if that
fails, the beat task ``notifications_send_pending`` enqueues what is still pending once the broker is back.
``notification_deliver()`` is what the task runs: it holds the row's lock while sending, so a duplicated
or retried task finds the key already sent and stops.

Phone channels (``gateways``): a notification given a ``phone`` and a ``kind`` (its short texts are in
``message_texts``) also goes — or instead goes, by the person's choice — as 알림톡, and as one SMS/LMS only
when the 알림톡 is known to have failed (refused at once, or reported failed by the gateway's webhook).
Messages that do not answer something the person just did are held between 21:00 and 08:00.
"""

from __future__ import annotations

import datetime as dt
import logging
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from .models import NotificationLog

logger = logging.getLogger(__name__)


def render_notification(*, template: str, context: dict) -> tuple[str, str, str]:
    """Render ``<template>_subject.txt``, ``_message.txt`` and ``_message.html`` to (subject, text, html)."""
    subject = render_to_string(f"{template}_subject.txt", context).strip()
    subject = " ".join(subject.splitlines())
    text = render_to_string(f"{template}_message.txt", context)
    html = render_to_string(f"{template}_message.html", context)
    return subject, text, html


def notify(
    *, key: str, to: str, template: str, context: dict, attachments: list[dict] | None = None, **phone
) -> None:
    """Queue an email to ``to``, sent after commit and at most once for ``key``; ``phone`` arguments
    (``phone``, ``kind``, ``variables``, ``prefers``, ``urgent``) as for ``notify_rendered``.

    ``attachments`` are small text files: ``{"filename": …, "content": …, "mimetype": …}`` (e.g. .ics).
    """
    subject, text, html = render_notification(template=template, context=context)
    notify_rendered(key=key, to=to, subject=subject, text=text, html=html, attachments=attachments, **phone)


def notify_rendered(
    *,
    key: str,
    to: str,
    subject: str,
    text: str,
    html: str = "",
    attachments: list[dict] | None = None,
    phone: str = "",
    kind: str = "",
    variables: dict | None = None,
    prefers: str = "auto",
    urgent: bool = True,
) -> None:
    """Write the message to the outbox for each channel the person gets it by, and enqueue it after commit.

    ``to`` is an email address (or ""); ``phone`` a mobile number for 알림톡/문자 when ``kind`` names the
    notification's short texts; ``prefers`` the person's choice (``User.Channel``); ``urgent`` False for
    messages that may wait for the morning (reminders, follow-ups)."""
    from . import message_texts

    channels = channels_for(email=to, phone=phone, kind=kind, prefers=prefers)
    rows = []
    if "phone" in channels:
        number = message_texts.mobile(phone)
        values = {k: str(v) for k, v in (variables or {}).items()}
        alimtalk = bool(message_texts.alimtalk_template_id(kind))
        channel = NotificationLog.Channel.ALIMTALK if alimtalk else NotificationLog.Channel.SMS
        try:
            body = (
                message_texts.alimtalk_text(kind, values)
                if alimtalk
                else message_texts.sms_text(kind, values)
            )
            message_texts.sms_text(kind, values)  # the fallback must be possible too
        except message_texts.MissingVariable as error:
            # A bug in the caller, never a reason to lose the person's action: email (if any) still goes.
            logger.error("notification %s (%s): variable %s missing, no text message", key, kind, error)
            channels = {"email"} if to else set()
    if "email" in channels:
        rows.append(
            (
                NotificationLog.Channel.EMAIL,
                {
                    "recipient": to,
                    "subject": subject[:200],
                    "text": text,
                    "html": html,
                    "attachments": attachments or [],
                    "kind": kind,
                },
            )
        )
    if "phone" in channels:
        rows.append(
            (
                channel,
                {
                    "recipient": message_texts.mask(number),
                    "address": number,
                    "subject": subject[:200],
                    "text": body,
                    "kind": kind,
                    "variables": values,
                    "hold_until": None if urgent else quiet_hours_end(timezone.now()),
                },
            )
        )
    for channel, fields in rows:
        try:
            with transaction.atomic():
                NotificationLog.objects.get_or_create(key=key, channel=channel, defaults=fields)
        except IntegrityError:
            pass  # the same key was written at the same moment: the row lock in delivery sends it once
        # Enqueued even when the key exists (a redelivered hook): delivery finds it sent and stops.
        transaction.on_commit(partial(enqueue, key=key, channel=channel, eta=fields.get("hold_until")))


def channels_for(*, email: str, phone: str, kind: str, prefers: str = "auto") -> set[str]:
    """Which channels a person gets a notification by: their choice, what they gave us (a guest with
    only a phone number gets a text), and what is switched on (no gateway: email only)."""
    from . import gateways, message_texts

    phone_ok = bool(phone and kind and message_texts.mobile(phone) and message_texts.knows(kind))
    if phone and kind and not message_texts.mobile(phone):
        logger.warning("notification %s: %r is not a Korean mobile number, no text message", kind, phone[-4:])
    gateway = gateways.gateway() if phone_ok else None
    if gateway is None:
        return {"email"} if email else set()
    if isinstance(gateway, gateways.ConsoleGateway):
        # Development without a gateway: mail as always, and the text message shown on the console.
        return {"email", "phone"} if email else {"phone"}
    if not email or prefers in ("auto", "phone"):
        return {"phone"}
    if prefers == "both":
        return {"phone", "email"}
    return {"email"}


QUIET_START, QUIET_END = 21, 8


def quiet_hours_end(moment) -> dt.datetime | None:
    """None in the day; between 21:00 and 08:00 (Asia/Seoul), the next 08:00."""
    local = timezone.localtime(moment)
    if QUIET_END <= local.hour < QUIET_START:
        return None
    day = local.date() + (dt.timedelta(days=1) if local.hour >= QUIET_START else dt.timedelta(0))
    return timezone.make_aware(dt.datetime.combine(day, dt.time(QUIET_END)), timezone.get_current_timezone())


def enqueue(*, key: str, channel: str = "email", eta=None) -> bool:
    """Hand a pending message to the worker. A broker that is down is logged, never raised: the message
    waits in the outbox for ``notifications_send_pending``."""
    from .tasks import notification_send_task

    try:
        if eta is not None and eta > timezone.now():
            notification_send_task.apply_async(kwargs={"key": key, "channel": channel}, eta=eta)
        elif channel == "email":
            notification_send_task.delay(key=key)
        else:
            notification_send_task.delay(key=key, channel=channel)
    except Exception:
        logger.exception("notification %s (%s) stays in the outbox: the broker did not take it", key, channel)
        return False
    return True


OUTBOX_GRACE = dt.timedelta(minutes=2)


def notifications_send_pending(*, now=None, limit: int = 500) -> int:
    """Enqueue the outbox's pending messages that were not handed over (older than a short grace, so a
    message just enqueued is not sent twice — and if it were, the row lock sends it once), and the held
    ones whose morning has come. Returns how many were enqueued."""
    now = now or timezone.now()
    rows = list(
        NotificationLog.objects.filter(
            status=NotificationLog.Status.PENDING, created_at__lt=now - OUTBOX_GRACE
        )
        .filter(Q(hold_until__isnull=True) | Q(hold_until__lte=now))
        .exclude(text="")
        .order_by("created_at")
        .values_list("key", "channel")[:limit]
    )
    return sum(enqueue(key=key, channel=channel) for key, channel in rows)


def notification_deliver(
    *,
    key: str,
    channel: str = "email",
    to: str | None = None,
    subject: str = "",
    text: str = "",
    html: str = "",
    attachments: list[dict] | None = None,
    now=None,
) -> bool:
    """Send the outbox's message ``key`` by ``channel`` unless it was already sent. Returns True when this
    call sent it. (A message given whole, as tasks queued before the outbox carried it, is written to the
    outbox first.)

    Connection and SMTP errors, and a gateway that times out or answers 5xx, propagate (the task retries
    them); the log row then stays ``pending`` with the error line.
    """
    if to is not None:
        try:
            with transaction.atomic():
                NotificationLog.objects.get_or_create(
                    key=key,
                    channel=channel,
                    defaults={
                        "recipient": to,
                        "subject": subject[:200],
                        "text": text,
                        "html": html,
                        "attachments": attachments or [],
                    },
                )
        except IntegrityError:
            pass  # another worker inserted the same key first; the lock below orders us behind it
    rows = NotificationLog.objects.filter(key=key, channel=channel)
    if not rows.exists():
        logger.warning("notification %s (%s) is not in the outbox, nothing to send", key, channel)
        return False
    now = now or timezone.now()
    with transaction.atomic():
        log = rows.select_for_update().get()
        if log.status != NotificationLog.Status.PENDING:
            logger.info("notification %s (%s) already %s, skipping", key, channel, log.status)
            return False
        if log.hold_until and log.hold_until > now:
            return False  # a night hour: the task queued for the morning (or the sweep) sends it
        log.attempts += 1
        log.save(update_fields=["attempts"])
    # The attempt count is committed on its own, so a failed send still leaves its trace.
    if channel == NotificationLog.Channel.EMAIL:
        return _deliver_email(rows)
    return _deliver_phone(rows)


def _deliver_email(rows) -> bool:
    with transaction.atomic():
        log = rows.select_for_update().get()
        if log.status != NotificationLog.Status.PENDING:
            return False
        message = EmailMultiAlternatives(log.subject, log.text, settings.DEFAULT_FROM_EMAIL, [log.recipient])
        if log.html:
            message.attach_alternative(log.html, "text/html")
        for attachment in log.attachments or []:
            message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
        message.send()
        # Sent: the log keeps who, what subject and when; the body is not kept longer than needed.
        NotificationLog.objects.filter(pk=log.pk).update(
            status=NotificationLog.Status.SENT, sent_at=timezone.now(), text="", html="", attachments=[]
        )
    return True


def _deliver_phone(rows) -> bool:
    from . import gateways

    gateway = gateways.gateway()
    try:
        return _send_phone(rows, gateway)
    except gateways.GatewayUnavailable as error:
        # Not a known failure (nothing was taken): the task retries with backoff; the log says why.
        rows.update(error=f"발송사 응답 없음: {error}"[:300])
        raise


def _send_phone(rows, gateway) -> bool:
    from . import gateways, message_texts

    with transaction.atomic():
        log = rows.select_for_update().get()
        if log.status != NotificationLog.Status.PENDING:
            return False
        if gateway is None:
            _fail(log, "문자 발송사가 설정되지 않았어요")
            return False
        try:
            if log.channel == NotificationLog.Channel.ALIMTALK:
                result = gateway.send_alimtalk(
                    to=log.address,
                    template_id=message_texts.alimtalk_template_id(log.kind) or "",
                    variables=message_texts.alimtalk_variables(log.variables),
                    text=log.text,
                )
            else:
                result = gateway.send_sms(to=log.address, text=log.text, subject=log.subject)
        except gateways.GatewayUnavailable as error:
            logger.warning(
                "notification %s (%s): the gateway did not answer: %s", log.key, log.channel, error
            )
            NotificationLog.objects.filter(pk=log.pk).update(error=f"발송사 응답 없음: {error}"[:300])
            raise
        if not result.accepted:
            logger.warning(
                "notification %s (%s) refused by the gateway: %s %s",
                log.key,
                log.channel,
                result.status,
                result.error,
            )
            _fail(log, f"{result.status} {result.error}".strip(), message_id=result.message_id)
            return False
        # The 알림톡's number stays (masked in every view) until its report: a failure needs it for the SMS.
        keep = log.address if log.channel == NotificationLog.Channel.ALIMTALK else ""
        NotificationLog.objects.filter(pk=log.pk).update(
            status=NotificationLog.Status.SENT,
            sent_at=timezone.now(),
            gateway_message_id=result.message_id,
            gateway_status=result.status,
            address=keep,
            text="" if not keep else log.text,
            error=result.error,
        )
    return True


def _fail(log: NotificationLog, error: str, *, message_id: str = "") -> None:
    """A known failure. A failed 알림톡 becomes one SMS (once: the key and channel are unique)."""
    NotificationLog.objects.filter(pk=log.pk).update(
        status=NotificationLog.Status.FAILED,
        error=error[:300],
        gateway_message_id=message_id or log.gateway_message_id,
    )
    if log.channel == NotificationLog.Channel.ALIMTALK and log.address:
        fallback_sms(log)
    else:
        NotificationLog.objects.filter(pk=log.pk).update(address="", text="")


def fallback_sms(log: NotificationLog) -> None:
    from . import message_texts

    try:
        with transaction.atomic():
            NotificationLog.objects.get_or_create(
                key=log.key,
                channel=NotificationLog.Channel.SMS,
                defaults={
                    "recipient": log.recipient,
                    "address": log.address,
                    "subject": log.subject,
                    "text": message_texts.sms_text(log.kind, log.variables),
                    "kind": log.kind,
                    "variables": log.variables,
                    "fallback_for": log,
                },
            )
    except IntegrityError:
        return  # the fallback exists already
    NotificationLog.objects.filter(pk=log.pk).update(address="", text="")
    transaction.on_commit(partial(enqueue, key=log.key, channel=NotificationLog.Channel.SMS))


def reports_apply(reports) -> int:
    """Delivery reports from the gateway's webhook: delivered or failed (a failed 알림톡 → one SMS).
    Unknown message ids change nothing. Returns how many rows changed."""
    changed = 0
    for report in reports:
        if report.delivered is None:
            continue
        with transaction.atomic():
            log = (
                NotificationLog.objects.select_for_update()
                .filter(gateway_message_id=report.message_id, status=NotificationLog.Status.SENT)
                .first()
            )
            if log is None:
                continue
            if report.delivered:
                NotificationLog.objects.filter(pk=log.pk).update(
                    status=NotificationLog.Status.DELIVERED,
                    delivered_at=timezone.now(),
                    gateway_status=report.status,
                    address="",
                    text="",
                )
            else:
                NotificationLog.objects.filter(pk=log.pk).update(gateway_status=report.status)
                _fail(log, f"{report.status} 전달 실패")
            changed += 1
    return changed


def notification_log_purge(*, now=None) -> int:
    """Delete sent notification records older than the retention period; returns how many."""
    cutoff = (now or timezone.now()) - settings.NOTIFICATION_LOG_RETENTION
    done = [NotificationLog.Status.SENT, NotificationLog.Status.DELIVERED, NotificationLog.Status.FAILED]
    deleted, _ = (
        NotificationLog.objects.filter(status__in=done)
        .filter(Q(sent_at__lt=cutoff) | Q(sent_at__isnull=True, created_at__lt=cutoff))
        .delete()
    )
    # A number kept for a fallback that never came to be (no report in three days) is not kept longer.
    NotificationLog.objects.filter(created_at__lt=(now or timezone.now()) - dt.timedelta(days=3)).exclude(
        address=""
    ).exclude(status=NotificationLog.Status.PENDING).update(address="", text="")
    return deleted
