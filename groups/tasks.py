from celery import shared_task

from . import services


@shared_task
def sessions_materialise_task() -> int:
    """Daily: every open group's weekly rules, 12 weeks ahead (idempotent)."""
    return services.sessions_materialise_all()


@shared_task
def sessions_remind_task() -> int:
    """Hourly: the day-before reminders, once per member and session."""
    return services.sessions_remind()
