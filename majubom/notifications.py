"""Notifications: Korean text+HTML emails, sent by a Celery task once per dedupe key.

``notify()`` renders the message now (in the language and with the data of the moment) and enqueues
the sending with ``transaction.on_commit``: nothing goes out for a transaction that rolls back.
``notification_deliver()`` is what the task runs: it records the key in ``NotificationLog`` and holds
that row's lock while sending, so a duplicated or retried task finds the key already sent and stops.
"""

from __future__ import annotations

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
    from .tasks import notification_send_task

    transaction.on_commit(
        partial(
            notification_send_task.delay,
            key=key,
            to=to,
            subject=subject,
            text=text,
            html=html,
            attachments=attachments or [],
        )
    )


def notification_deliver(
    *, key: str, to: str, subject: str, text: str, html: str = "", attachments: list[dict] | None = None
) -> bool:
    """Send the message unless ``key`` was already sent. Returns True when this call sent it.

    Connection and SMTP errors propagate (the task retries them); the log row then stays ``pending``.
    """
    try:
        with transaction.atomic():
            NotificationLog.objects.get_or_create(
                key=key, defaults={"recipient": to, "subject": subject[:200]}
            )
    except IntegrityError:
        pass  # another worker inserted the same key first; the lock below orders us behind it
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
        message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [to])
        if html:
            message.attach_alternative(html, "text/html")
        for attachment in attachments or []:
            message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
        message.send()
        NotificationLog.objects.filter(pk=log.pk).update(
            status=NotificationLog.Status.SENT, sent_at=timezone.now()
        )
    return True


def notification_log_purge(*, now=None) -> int:
    """Delete sent notification records older than the retention period; returns how many."""
    cutoff = (now or timezone.now()) - settings.NOTIFICATION_LOG_RETENTION
    deleted, _ = NotificationLog.objects.filter(
        status=NotificationLog.Status.SENT, sent_at__lt=cutoff
    ).delete()
    return deleted
