from celery import shared_task

from . import notify, services


@shared_task
def orders_expire_unpaid_task() -> int:
    return services.orders_expire_unpaid()


@shared_task
def bookings_remind_task() -> int:
    return notify.bookings_remind()


@shared_task
def payment_deadlines_remind_task() -> int:
    return notify.payment_deadlines_remind()
