from celery import shared_task

from . import services


@shared_task
def assessment_purge_expired_task() -> int:
    return services.assessment_purge_expired()
