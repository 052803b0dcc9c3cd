"""Past orders, with their payments and reviews, bulk-inserted as checkout and the admin would have left them.

``seed_history`` gives the demo residents of ``demo/data/accounts.json`` the orders of
``demo/data/orders.json`` (found again by their key: a second run adds nothing), so that the demo
enterprises see order lines in the admin and the service pages show reviews.

``seed_benchmark_orders`` adds residents and a year of past orders on the ``bench-`` catalogue, so that pages
and admin lists are measured over realistic tables. Reuses what exists: residents are found by e-mail, and
orders are only added up to the asked number.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone

from catalog.models import Service, Slot
from majubom import pagecache
from majubom.choices import District
from majubom.models import User
from orders.models import Order, OrderLine, Payment, Review
from orders.services import NUMBER_ALPHABET

from .loader import Schedule, load

RESIDENT_EMAIL = "bench-user-{:05d}@example.kr"
FAMILY_NAMES = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN_NAMES = ["영희", "철수", "순자", "정숙", "민준", "서연", "미경", "상철", "옥순", "종민", "은주", "현우"]
DISTRICTS = list(District.values)
REVIEWS = [
    "선생님이 친절하게 알려 주셔서 좋았어요.",
    "집까지 와 주셔서 정말 편했습니다.",
    "처음엔 어색했는데 금방 익숙해졌어요. 다음에도 신청할게요.",
    "어머니가 무척 좋아하셨어요.",
    "시간 약속을 잘 지켜 주셨어요.",
    "가격에 비해 내용이 알찼습니다.",
    "동네에 이런 곳이 있는 줄 몰랐네요.",
    "",
]


@transaction.atomic
def seed_benchmark_orders(
    *, residents: int, orders: int, staff: User, batch: int = 2000, now=None
) -> dict[str, int]:
    """``residents`` bench residents and up to ``orders`` past orders over the last year; ``staff`` is the
    cooperative member recorded as having confirmed the payments."""
    now = now or timezone.now()
    rng = random.Random(20261126 + Order.objects.count())  # a top-up does not repeat the first run

    existing = set(User.objects.filter(email__startswith="bench-user-").values_list("email", flat=True))
    unusable = make_password(None)
    new_users = [
        User(
            email=RESIDENT_EMAIL.format(i),
            name=rng.choice(FAMILY_NAMES) + rng.choice(GIVEN_NAMES),
            phone=f"010-{rng.randint(2000, 9999)}-{rng.randint(1000, 9999)}",
            district=rng.choice(DISTRICTS),
            birth_year=rng.randint(1940, 2000),
            password=unusable,
        )
        for i in range(residents)
        if RESIDENT_EMAIL.format(i) not in existing
    ]
    User.objects.bulk_create(new_users, batch_size=batch)
    users = list(
        User.objects.filter(email__startswith="bench-user-").values_list("pk", "name", "phone", "email")
    )

    have = Order.objects.filter(number__startswith="MJB-", user__email__startswith="bench-user-").count()
    wanted = max(orders - have, 0)
    services = list(
        Service.objects.filter(slug__startswith="bench-", price__gt=0).values_list(
            "pk", "provider_id", "title", "price"
        )
    )
    if not wanted or not users or not services:
        return {"residents": len(new_users), "orders": 0, "reviews": 0}

    taken = set(Order.objects.values_list("number", flat=True))
    new_orders, plans = [], []
    for _ in range(wanted):
        placed = now - dt.timedelta(days=rng.uniform(1, 365))
        number = _number(placed, taken, rng)
        user_pk, name, phone, email = rng.choice(users)
        picked = rng.sample(services, k=1 if rng.random() < 0.8 else 2)
        quantities = [1 if rng.random() < 0.85 else 2 for _ in picked]
        total = sum(price * q for (_pk, _prov, _t, price), q in zip(picked, quantities, strict=True))
        roll = rng.random()
        status = (
            Order.Status.COMPLETED
            if roll < 0.8
            else Order.Status.CANCELLED
            if roll < 0.95
            else Order.Status.REFUNDED
        )
        paid = status != Order.Status.CANCELLED
        # On-site payment only when one enterprise is paid (as checkout allows); paid when the service is.
        on_site = len({provider for _pk, provider, _t, _p in picked}) == 1 and rng.random() >= 0.7
        served = min(placed + dt.timedelta(days=rng.uniform(1, 14)), now)
        if on_site:
            paid_at = served
        else:
            paid_at = min(placed + dt.timedelta(hours=rng.uniform(1, 30)), now)
            served = min(max(served, paid_at + dt.timedelta(hours=1)), now)
        new_orders.append(
            Order(
                number=number,
                user_id=user_pk,
                name=name,
                phone=phone,
                email=email,
                status=status,
                payment_method=Order.PaymentMethod.ON_SITE if on_site else Order.PaymentMethod.BANK_TRANSFER,
                total=total,
                # created_at is set from payment_due below (auto_now_add would stamp today); on-site
                # orders have no payment due, it is cleared afterwards.
                payment_due=placed + dt.timedelta(hours=48),
                idempotency_key=uuid.uuid4(),
                paid_at=paid_at if paid else None,
                cancelled_at=placed + dt.timedelta(hours=rng.uniform(1, 40)) if not paid else None,
                cancel_reason="일정이 맞지 않아요" if not paid else "",
                refunded_amount=total if status == Order.Status.REFUNDED else None,
                refund_reason="기업 사정으로 취소" if status == Order.Status.REFUNDED else "",
            )
        )
        plans.append((picked, quantities, status, served))
    Order.objects.bulk_create(new_orders, batch_size=batch)
    by_number = dict(
        Order.objects.filter(number__in=[o.number for o in new_orders]).values_list("number", "pk")
    )

    lines, payments = [], []
    for order, (picked, quantities, status, served) in zip(new_orders, plans, strict=True):
        order_pk = by_number[order.number]
        for (service_pk, provider_pk, title, price), quantity in zip(picked, quantities, strict=True):
            done = status == Order.Status.COMPLETED
            lines.append(
                OrderLine(
                    order_id=order_pk,
                    service_id=service_pk,
                    provider_id=provider_pk,
                    title=title,
                    unit_price=price,
                    quantity=quantity,
                    status=OrderLine.Status.FULFILLED if done else OrderLine.Status.CANCELLED,
                    fulfilled_at=served if done else None,
                )
            )
        if order.paid_at:
            payments.append(
                Payment(
                    order_id=order_pk,
                    amount=order.total,
                    method=order.payment_method,
                    reference=order.name,
                    confirmed_by=staff,
                )
            )
        if status == Order.Status.REFUNDED:
            payments.append(
                Payment(
                    order_id=order_pk,
                    kind=Payment.Kind.REFUND,
                    amount=order.total,
                    method=order.payment_method,
                    reference="환불",
                    confirmed_by=staff,
                )
            )
    OrderLine.objects.bulk_create(lines, batch_size=batch)
    Payment.objects.bulk_create(payments, batch_size=batch)

    fresh_orders = Order.objects.filter(pk__in=by_number.values())
    fresh_orders.update(created_at=F("payment_due") - dt.timedelta(hours=48))
    fresh_orders.filter(payment_method=Order.PaymentMethod.ON_SITE).update(payment_due=None)
    Payment.objects.filter(order__in=fresh_orders).update(
        confirmed_at=Subquery(Order.objects.filter(pk=OuterRef("order_id")).values("paid_at")[:1])
    )

    # About a third of the residents who used a service leave a review.
    fulfilled = OrderLine.objects.filter(order__in=fresh_orders, status=OrderLine.Status.FULFILLED)
    reviews = [
        Review(
            order_line_id=line_pk,
            service_id=service_pk,
            rating=rng.choice([5, 5, 5, 4, 4, 4, 3, 2]),
            body=rng.choice(REVIEWS),
            is_hidden=rng.random() < 0.02,
        )
        for line_pk, service_pk in fulfilled.values_list("pk", "service_id")
        if rng.random() < 0.35
    ]
    Review.objects.bulk_create(reviews, batch_size=batch)
    Review.objects.filter(order_line__order__in=fresh_orders).update(
        created_at=Subquery(OrderLine.objects.filter(pk=OuterRef("order_line_id")).values("fulfilled_at")[:1])
    )
    pagecache.changed(pagecache.SITE)  # the service pages show the new reviews
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {"residents": len(new_users), "orders": len(new_orders), "reviews": len(reviews)}


def _number(placed: dt.datetime, taken: set[str], rng: random.Random) -> str:
    day = timezone.localtime(placed).strftime("%Y%m%d")
    while True:
        number = f"MJB-{day}-{''.join(rng.choice(NUMBER_ALPHABET) for _ in range(4))}"
        if number not in taken:
            taken.add(number)
            return number


# --- the demo residents' history ------------------------------------------------------------------------

DEMO_ORDERS = uuid.UUID("5b0e7c52-59f1-4d55-8d0e-6f1f3c0a2d31")  # namespace of the demo orders' keys


def demo_order_key(key: str) -> uuid.UUID:
    """The idempotency key of the demo order named ``key``: the same on every run and every machine."""
    return uuid.uuid5(DEMO_ORDERS, key)


@transaction.atomic
def seed_history(*, residents: dict[str, User], staff: User, now=None) -> dict[str, int]:
    """The past orders of ``demo/data/orders.json`` for the demo residents (``residents`` maps account keys
    to users): placed ``days_ago`` days before ``now``, the booked time a few days later (a past slot of the
    service's weekly schedule; goods have none), paid by bank transfer or on site and confirmed by
    ``staff``; completed ones fulfilled and mostly reviewed, a cancelled and a refunded one as they happen.
    Orders that exist already (found by their key) are left alone."""
    now = now or timezone.now()
    data = load()
    wanted = {spec.key: demo_order_key(spec.key) for spec in data.orders}
    have = set(
        Order.objects.filter(idempotency_key__in=wanted.values()).values_list("idempotency_key", flat=True)
    )
    todo = [spec for spec in data.orders if wanted[spec.key] not in have]
    if not todo:
        return {"orders": 0, "reviews": 0}
    schedules = {spec.slug: spec.schedule for spec in data.services}
    services = {
        service.slug: service
        for service in Service.objects.filter(slug__in={line.service for spec in todo for line in spec.lines})
    }
    taken = set(Order.objects.values_list("number", flat=True))
    tz = timezone.get_current_timezone()

    orders, plans = [], []
    for spec in todo:
        rng = random.Random(spec.key)
        user = residents[spec.resident]
        day = timezone.localdate(now) - dt.timedelta(days=spec.days_ago)
        placed = dt.datetime.combine(day, dt.time.fromisoformat(spec.time), tzinfo=tz)
        takes_seat = spec.status == Order.Status.COMPLETED
        lines = []
        for line in spec.lines:
            service = services[line.service]
            slot = _past_slot(
                service=service,
                schedule=schedules[line.service],
                after=placed,
                quantity=line.quantity,
                takes_seat=takes_seat,
                now=now,
            )
            # Used when the booked time ended; goods arrive two days after the order.
            served = slot.ends_at if slot else placed + dt.timedelta(days=2)
            lines.append((line, service, slot, served))
        on_site = spec.payment_method == Order.PaymentMethod.ON_SITE
        first_served = min(served for *_rest, served in lines)
        paid = spec.status != Order.Status.CANCELLED
        paid_at = (
            (first_served if on_site else placed + dt.timedelta(hours=2, minutes=rng.randint(0, 50)))
            if paid
            else None
        )
        total = sum(service.price * line.quantity for line, service, _slot, _served in lines)
        orders.append(
            Order(
                number=_number(placed, taken, rng),
                user=user,
                name=user.name,
                phone=user.phone,
                email=user.email,
                status=spec.status,
                payment_method=spec.payment_method,
                total=total,
                payment_due=None if on_site else placed + dt.timedelta(hours=48),
                idempotency_key=wanted[spec.key],
                paid_at=paid_at,
                cancelled_at=placed + dt.timedelta(hours=5)
                if spec.status == Order.Status.CANCELLED
                else None,
                cancel_reason=spec.cancel_reason,
                refunded_amount=total if spec.status == Order.Status.REFUNDED else None,
                refund_reason=spec.refund_reason,
            )
        )
        plans.append((spec, placed, lines))
    Order.objects.bulk_create(orders)
    by_key = dict(
        Order.objects.filter(idempotency_key__in=[o.idempotency_key for o in orders]).values_list(
            "idempotency_key", "pk"
        )
    )

    order_lines, payments, reviews = [], [], []
    for order, (spec, _placed, lines) in zip(orders, plans, strict=True):
        order.pk = by_key[order.idempotency_key]
        done = spec.status == Order.Status.COMPLETED
        for line, service, slot, served in lines:
            order_line = OrderLine(
                order_id=order.pk,
                service=service,
                slot=slot,
                provider_id=service.provider_id,
                title=service.title,
                unit_price=service.price,
                quantity=line.quantity,
                status=OrderLine.Status.FULFILLED if done else OrderLine.Status.CANCELLED,
                fulfilled_at=served if done else None,
            )
            order_lines.append(order_line)
            if done and line.review is not None:
                reviews.append((order_line, line.review, served))
        if order.paid_at:
            payments.append(
                (
                    Payment(
                        order_id=order.pk,
                        amount=order.total,
                        method=order.payment_method,
                        reference="현장 결제"
                        if order.payment_method == Order.PaymentMethod.ON_SITE
                        else order.name,
                        confirmed_by=staff,
                    ),
                    order.paid_at,
                )
            )
        if spec.status == Order.Status.REFUNDED:
            payments.append(
                (
                    Payment(
                        order_id=order.pk,
                        kind=Payment.Kind.REFUND,
                        amount=order.total,
                        method=order.payment_method,
                        reference="환불",
                        confirmed_by=staff,
                    ),
                    min(order.paid_at + dt.timedelta(days=1), now),
                )
            )
    OrderLine.objects.bulk_create(order_lines)  # sets the pks on SQLite and PostgreSQL alike
    Payment.objects.bulk_create([payment for payment, _at in payments])
    created_reviews = Review.objects.bulk_create(
        [
            Review(
                order_line=order_line,
                service_id=order_line.service_id,
                rating=review.rating,
                body=review.body,
            )
            for order_line, review, _served in reviews
        ]
    )
    # The times the rows were written, not "now" (auto_now_add stamps the insert).
    for order, (_spec, placed, _lines) in zip(orders, plans, strict=True):
        Order.objects.filter(pk=order.pk).update(created_at=placed)
    for payment, at in payments:
        Payment.objects.filter(pk=payment.pk).update(confirmed_at=at)
    for review, (_line, _spec, served) in zip(created_reviews, reviews, strict=True):
        Review.objects.filter(pk=review.pk).update(created_at=min(served + dt.timedelta(hours=20), now))
    pagecache.changed(pagecache.SITE)
    return {"orders": len(orders), "reviews": len(created_reviews)}


def _past_slot(
    *, service: Service, schedule: Schedule | None, after: dt.datetime, quantity: int, takes_seat: bool, now
) -> Slot | None:
    """The first time of the service's weekly schedule after ``after`` that has ended and has room (a past
    slot, created where missing); its seats are taken when the order was used."""
    if schedule is None:
        return None
    tz = timezone.get_current_timezone()
    day = timezone.localdate(after)
    for _ in range(60):
        day += dt.timedelta(days=1)
        if day.weekday() not in schedule.weekdays:
            continue
        starts = dt.datetime.combine(day, schedule.start_time, tzinfo=tz)
        ends = starts + dt.timedelta(minutes=schedule.minutes)
        if ends >= now:
            break
        slot, _new = Slot.objects.get_or_create(
            service=service, starts_at=starts, defaults={"ends_at": ends, "capacity": schedule.capacity}
        )
        if slot.capacity - slot.booked < quantity:
            continue
        if takes_seat:
            Slot.objects.filter(pk=slot.pk).update(booked=F("booked") + quantity)
            slot.booked += quantity
        return slot
    return None
