"""Notifications: Korean text+HTML emails, sent by a Celery task once per dedupe key.

``notify()`` renders the message now (in the language and with the data of the moment) and writes it to
the outbox, a ``NotificationLog`` row, in the caller's transaction: nothing goes out for a transaction that
rolls back, and nothing is lost when the broker is down. After commit the sending is enqueued; if that
fails, the beat task ``notifications_send_pending`` enqueues what is still pending once the broker is back.
``notification_deliver()`` is what the task runs: it holds the row's lock while sending, so a duplicated
or retried task finds the key already sent and stops.
"""

from __future__ import annotations

import datetime as dt
import logging
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
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


def notify(*, key: str, to: str, template: str, context: dict, attachments: list[dict] | None = None) -> None:
    """Queue an email to ``to``, sent after commit and at most once for ``key``.

    ``attachments`` are small text files: ``{"filename": …, "content": …, "mimetype": …}`` (e.g. .ics).
    """
    subject, text, html = render_notification(template=template, context=context)
    notify_rendered(key=key, to=to, subject=subject, text=text, html=html, attachments=attachments)


def notify_rendered(
    *, key: str, to: str, subject: str, text: str, html: str = "", attachments: list[dict] | None = None
) -> None:
    try:
        with transaction.atomic():
            NotificationLog.objects.get_or_create(
                key=key,
                defaults={
                    "recipient": to,
                    "subject": subject[:200],
                    "text": text,
                    "html": html,
                    "attachments": attachments or [],
                },
            )
    except IntegrityError:
        pass  # the same key was written at the same moment: the row lock in delivery sends it once
    # Enqueued even when the key exists (a redelivered hook): delivery finds it sent and stops.
    transaction.on_commit(partial(enqueue, key=key))


def enqueue(*, key: str) -> bool:
    """Hand a pending message to the worker. A broker that is down is logged, never raised: the message
    waits in the outbox for ``notifications_send_pending``."""
    from .tasks import notification_send_task

    try:
        notification_send_task.delay(key=key)
    except Exception:
        logger.exception("notification %s stays in the outbox: the broker did not take it", key)
        return False
    return True


OUTBOX_GRACE = dt.timedelta(minutes=2)


def notifications_send_pending(*, now=None, limit: int = 500) -> int:
    """Enqueue the outbox's pending messages that were not handed over (older than a short grace, so a
    message just enqueued is not sent twice — and if it were, the row lock sends it once). Returns how
    many were enqueued."""
    now = now or timezone.now()
    keys = list(
        NotificationLog.objects.filter(
            status=NotificationLog.Status.PENDING, created_at__lt=now - OUTBOX_GRACE
        )
        .exclude(text="")
        .order_by("created_at")
        .values_list("key", flat=True)[:limit]
    )
    return sum(enqueue(key=key) for key in keys)


def notification_deliver(
    *,
    key: str,
    to: str | None = None,
    subject: str = "",
    text: str = "",
    html: str = "",
    attachments: list[dict] | None = None,
) -> bool:
    """Send the outbox's message ``key`` unless it was already sent. Returns True when this call sent it.
    (A message given whole, as tasks queued before the outbox carried it, is written to the outbox first.)

    Connection and SMTP errors propagate (the task retries them); the log row then stays ``pending``.
    """
    if to is not None:
        try:
            with transaction.atomic():
                NotificationLog.objects.get_or_create(
                    key=key,
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
    if not NotificationLog.objects.filter(key=key).exists():
        logger.warning("notification %s is not in the outbox, nothing to send", key)
        return False
    with transaction.atomic():
        log = NotificationLog.objects.select_for_update().get(key=key)
        if log.status == NotificationLog.Status.SENT:
            logger.info("notification %s already sent, skipping", key)
            return False
        log.attempts += 1
        log.save(update_fields=["attempts"])
    # The attempt count is committed on its own, so a failed send still leaves its trace.
    with transaction.atomic():
        log = NotificationLog.objects.select_for_update().get(key=key)
        if log.status == NotificationLog.Status.SENT:
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


def notification_log_purge(*, now=None) -> int:
    """Delete sent notification records older than the retention period; returns how many."""
    cutoff = (now or timezone.now()) - settings.NOTIFICATION_LOG_RETENTION
    deleted, _ = NotificationLog.objects.filter(
        status=NotificationLog.Status.SENT, sent_at__lt=cutoff
    ).delete()
    return deleted
