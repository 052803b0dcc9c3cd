import datetime as dt
import uuid

import pytest
from django.utils import timezone

from orders import services
from orders.models import Cart
from tests.factories import ProviderFactory, ServiceFactory, SlotFactory, UserFactory


def place(user, items, method="bank_transfer", key=None, now=None):
    """Place an order through the real services: items are (service, slot or None, quantity)."""
    cart, _new = Cart.objects.get_or_create(user=user)
    for service, slot, quantity in items:
        services.cart_add(cart=cart, service=service, slot=slot, quantity=quantity, now=now)
    return services.order_place(
        user=user,
        cart=cart,
        contact=services.Contact(name=user.name or "주민", phone="010-1234-5678", email=user.email),
        payment_method=method,
        idempotency_key=key or uuid.uuid4(),
        now=now,
    )


@pytest.fixture
def shop(db):
    """Two providers: a paid class with a slot of 5 seats, a free trial, goods with stock 3."""
    seo = ProviderFactory(
        name="서구 건강 협동조합", slug="seo-health", district="seo", email="seo@example.kr"
    )
    dong = ProviderFactory(
        name="동구 마음 사회적기업", slug="dong-mind", district="dong", email="dong@example.kr"
    )
    yoga = ServiceFactory(provider=seo, title="어르신 요가 교실", price=10000, delivery="venue")
    trial = ServiceFactory(
        provider=dong, title="마음 상담 1회 체험", price=0, delivery="online", is_experience=True
    )
    lunch = ServiceFactory(
        provider=seo, title="협동조합 도시락", price=8000, delivery="shipped", stock=3, duration_minutes=None
    )
    starts = timezone.now() + dt.timedelta(days=3)
    yoga_slot = SlotFactory(
        service=yoga, starts_at=starts, ends_at=starts + dt.timedelta(hours=1), capacity=5
    )
    trial_slot = SlotFactory(
        service=trial, starts_at=starts, ends_at=starts + dt.timedelta(minutes=50), capacity=10
    )
    return {
        "seo": seo,
        "dong": dong,
        "yoga": yoga,
        "trial": trial,
        "lunch": lunch,
        "yoga_slot": yoga_slot,
        "trial_slot": trial_slot,
        "resident": UserFactory(name="김주민", phone="010-2222-3333"),
    }
