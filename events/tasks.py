from celery import shared_task

from . import services


@shared_task
def followups_send_task() -> int:
    """The morning after a fair: one message per consenting visitor who came (once only)."""
    return services.followups_send()
