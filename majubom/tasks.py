import smtplib
import socket

from celery import shared_task

from . import notifications
from .gateways import GatewayUnavailable

TRANSIENT_ERRORS = (smtplib.SMTPException, ConnectionError, socket.timeout, TimeoutError, GatewayUnavailable)


@shared_task(
    bind=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=2,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=8,
)
def notification_send_task(
    self,
    *,
    key: str,
    channel: str = "email",
    to: str | None = None,
    subject: str = "",
    text: str = "",
    html: str = "",
    attachments: list | None = None,
) -> bool:
    return notifications.notification_deliver(
        key=key, channel=channel, to=to, subject=subject, text=text, html=html, attachments=attachments
    )


@shared_task
def notification_log_purge_task() -> int:
    return notifications.notification_log_purge()


@shared_task
def notifications_send_pending_task() -> int:
    """What the outbox still holds (the broker was down when it was written) goes out now."""
    return notifications.notifications_send_pending()
