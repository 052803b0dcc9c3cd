import datetime as dt
import re
import uuid

import pytest
from django.test import Client
from django.utils import timezone

from orders.models import Cart, Order
from tests.factories import ServiceFactory, SlotFactory, UserFactory

from .conftest import place

pytestmark = pytest.mark.django_db


def add(client, service, slot=None, quantity=1, **extra):
    data = {"quantity": quantity}
    if slot is not None:
        data["slot"] = slot.pk
    return client.post(f"/cart/add/{service.slug}/", data, **extra)


def test_add_to_cart_as_a_form_post_and_the_header_count(client, shop):
    response = add(client, shop["yoga"], shop["yoga_slot"], 2)
    assert response.status_code == 302 and response.url == "/cart/"
    html = client.get("/cart/").content.decode()
    assert "어르신 요가 교실" in html and "20,000원" in html
    assert re.search(r'class="cart-count"[^>]*>2<', html)


def test_add_to_cart_with_htmx_updates_the_count_out_of_band(client, shop):
    response = add(client, shop["yoga"], shop["yoga_slot"], 1, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="cart-link"' in html and 'hx-swap-oob="true"' in html and ">1<" in html
    assert "장바구니에 담았어요" in html


@pytest.mark.parametrize(
    "data,message",
    [
        ({"quantity": "0"}, "1 이상"),
        ({"quantity": "-3"}, "1 이상"),
        ({"quantity": "abc"}, "숫자"),
        ({"quantity": "999"}, "20개까지"),
    ],
)
def test_bad_quantities_get_a_korean_message_and_nothing_is_added(client, shop, data, message):
    data = {**data, "slot": shop["yoga_slot"].pk}
    response = client.post(f"/cart/add/{shop['yoga'].slug}/", data, follow=True)
    assert message in response.content.decode()
    assert not Cart.objects.filter(lines__isnull=False).exists()


def test_slot_of_another_service_is_refused(client, shop):
    response = client.post(f"/cart/add/{shop['yoga'].slug}/", {"slot": shop["trial_slot"].pk}, follow=True)
    assert "이 서비스의 시간이 아니에요" in response.content.decode()
    response = client.post(f"/cart/add/{shop['yoga'].slug}/", {"slot": 999999}, follow=True)
    assert "이 서비스의 시간이 아니에요" in response.content.decode()


def test_cart_warns_when_the_price_changed_or_the_slot_filled(client, shop):
    add(client, shop["yoga"], shop["yoga_slot"], 2)
    shop["yoga"].price = 15000
    shop["yoga"].save()
    place(UserFactory(), [(shop["yoga"], shop["yoga_slot"], 4)])
    html = client.get("/cart/").content.decode()
    assert "10,000원에서 15,000원으로 바뀌었어요" in html
    assert "자리가 1개만 남았어요" in html
    assert 'href="/checkout/"' not in html  # fix the lines first


def test_change_quantity_and_remove(client, shop):
    add(client, shop["yoga"], shop["yoga_slot"], 1)
    line = Cart.objects.get().lines.get()
    client.post(f"/cart/lines/{line.pk}/", {"quantity": 3})
    line.refresh_from_db()
    assert line.quantity == 3
    response = client.post(f"/cart/lines/{line.pk}/", {"quantity": 9}, follow=True)
    assert "자리만 남았어요" in response.content.decode()
    client.post(f"/cart/lines/{line.pk}/remove/")
    assert not Cart.objects.get().lines.exists()


def test_someone_elses_cart_line_is_not_reachable(client, shop):
    other = Client()
    add(other, shop["yoga"], shop["yoga_slot"], 1)
    line = Cart.objects.get().lines.get()
    add(client, shop["lunch"], None, 1)
    response = client.post(f"/cart/lines/{line.pk}/remove/", follow=True)
    assert "장바구니에 없는 항목" in response.content.decode()
    assert Cart.objects.filter(lines__pk=line.pk).exists()


def test_anonymous_cart_merges_into_the_account_on_login(client, shop):
    user = shop["resident"]
    add(client, shop["yoga"], shop["yoga_slot"], 1)
    place(user, [(shop["lunch"], None, 1)])  # the account already has an order, its cart is empty
    Cart.objects.filter(user=user).delete()
    client.force_login(user)
    cart = Cart.objects.get(user=user)
    assert cart.lines.count() == 1
    assert client.session["cart_count"] == 1


def test_checkout_requires_login_and_a_cart(client, shop):
    response = client.get("/checkout/")
    assert response.status_code == 302 and "/accounts/login/" in response.url
    client.force_login(shop["resident"])
    response = client.get("/checkout/", follow=True)
    assert "장바구니가 비어 있어요" in response.content.decode()


def checkout_data(client, page=None, **overrides):
    """What the checkout form sends, read from the page as a browser would (its key and the total seen)."""
    page = (page or client.get("/checkout/")).content.decode()
    key = re.search(r'name="idempotency_key" value="([^"]+)"', page).group(1)
    total = re.search(r'name="total_seen" value="([^"]*)"', page).group(1)
    return {
        "total_seen": total,
        "name": "김주민",
        "phone": "010 2222 3333",
        "email": "kim@example.kr",
        "payment_method": "bank_transfer",
        "idempotency_key": key,
        **overrides,
    }


def test_checkout_with_bank_transfer_shows_payment_instructions(client, shop, django_assert_max_num_queries):
    client.force_login(shop["resident"])
    add(client, shop["yoga"], shop["yoga_slot"], 1)
    response = client.post("/checkout/", checkout_data(client))
    order = Order.objects.get()
    assert response.status_code == 302 and response.url == f"/orders/{order.number}/"
    assert order.phone == "010-2222-3333"  # normalised
    html = client.get(response.url).content.decode()
    assert "입금해 주세요" in html and "351-1234-5678-93" in html and "10,000원" in html
    # The calendar file comes once the money is seen: an unpaid transfer may still lapse.
    assert f"/orders/{order.number}/lines/" not in html and "입금이 확인되면 휴대폰 달력에" in html


@pytest.mark.parametrize(
    "overrides,message",
    [
        ({"phone": "02-123-4567"}, "휴대전화 번호"),
        ({"phone": "abc"}, "휴대전화 번호"),
        ({"name": "  "}, "필수 항목"),
        ({"payment_method": "bitcoin"}, "올바르게 선택"),
        ({"payment_method": "free"}, "올바르게 선택"),
        ({"idempotency_key": "tampered"}, "UUID"),
    ],
)
def test_bad_checkout_input_is_refused_in_korean(client, shop, overrides, message):
    client.force_login(shop["resident"])
    add(client, shop["yoga"], shop["yoga_slot"], 1)
    response = client.post("/checkout/", checkout_data(client, **overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Order.objects.exists()
    shop["yoga_slot"].refresh_from_db()
    assert shop["yoga_slot"].booked == 0


def test_double_click_places_one_order(client, shop):
    client.force_login(shop["resident"])
    add(client, shop["yoga"], shop["yoga_slot"], 1)
    data = checkout_data(client)
    first = client.post("/checkout/", data)
    second = client.post("/checkout/", data)
    assert first.url == second.url
    assert Order.objects.count() == 1


def test_tampered_price_in_the_form_is_ignored(client, shop):
    client.force_login(shop["resident"])
    add(client, shop["yoga"], shop["yoga_slot"], 1)
    client.post("/checkout/", checkout_data(client, total="1", price="1", unit_price="1"))
    assert Order.objects.get().total == 10000


def test_another_users_order_is_404(client, shop):
    order = place(shop["resident"], [(shop["yoga"], shop["yoga_slot"], 1)])
    client.force_login(UserFactory())
    assert client.get(f"/orders/{order.number}/").status_code == 404
    assert client.post(f"/orders/{order.number}/cancel/").status_code == 404
    line = order.lines.get()
    assert client.get(f"/orders/{order.number}/lines/{line.pk}/calendar.ics").status_code == 404
    assert client.get("/orders/MJB-20991231-ZZZZ/").status_code == 404


def test_cancel_from_the_order_page(client, shop):
    order = place(shop["resident"], [(shop["yoga"], shop["yoga_slot"], 2)])
    client.force_login(shop["resident"])
    assert "주문 취소하기" in client.get(order.get_absolute_url()).content.decode()
    client.post(f"/orders/{order.number}/cancel/")
    order.refresh_from_db()
    shop["yoga_slot"].refresh_from_db()
    assert order.status == "cancelled" and shop["yoga_slot"].booked == 0
    assert "주문 취소하기" not in client.get(order.get_absolute_url()).content.decode()


def test_calendar_file(client, shop):
    order = place(shop["resident"], [(shop["yoga"], shop["yoga_slot"], 1)])
    client.force_login(shop["resident"])
    line = order.lines.get()
    response = client.get(f"/orders/{order.number}/lines/{line.pk}/calendar.ics")
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert "BEGIN:VCALENDAR" in body and "DTSTART:" in body and "어르신 요가 교실" in body


def test_cart_query_budget(client, shop, django_assert_max_num_queries):
    client.force_login(shop["resident"])
    for n in range(10):
        service = ServiceFactory(provider=shop["seo"] if n % 2 else shop["dong"])
        add(client, service, SlotFactory(service=service), 1)
    with django_assert_max_num_queries(10):
        response = client.get("/cart/")
    assert response.status_code == 200 and len(response.context["groups"]) == 2


def test_order_page_query_budget_with_ten_lines(client, shop, django_assert_max_num_queries):
    items = []
    for n in range(10):
        service = ServiceFactory(provider=shop["seo"] if n % 2 else shop["dong"])
        items.append((service, SlotFactory(service=service), 1))
    order = place(shop["resident"], items)
    client.force_login(shop["resident"])
    with django_assert_max_num_queries(10):
        response = client.get(order.get_absolute_url())
    assert response.status_code == 200 and response.context["order"].lines.count() == 10


def test_review_on_the_order_page_and_on_the_service_page(client, shop):
    from orders import services

    order = place(shop["resident"], [(shop["trial"], shop["trial_slot"], 1)])
    line = order.lines.get()
    services.line_fulfil(line=line, by=UserFactory(is_staff=True, is_superuser=True))
    client.force_login(shop["resident"])
    assert "후기 남기기" in client.get(order.get_absolute_url()).content.decode()
    response = client.post(f"/orders/{order.number}/lines/{line.pk}/review/", {"rating": "9"}, follow=True)
    assert "별점은 1에서 5" in response.content.decode()
    client.post(f"/orders/{order.number}/lines/{line.pk}/review/", {"rating": "4", "body": "친절했어요"})
    page = client.get(shop["trial"].get_absolute_url()).content.decode()
    assert "4.0" in page and "후기 1개" in page and "친절했어요" in page


def test_service_page_offers_the_open_times(client, shop):
    full = SlotFactory(
        service=shop["yoga"], starts_at=timezone.now() + dt.timedelta(days=5), capacity=2, booked=2
    )
    html = client.get(shop["yoga"].get_absolute_url()).content.decode()
    assert f'value="{shop["yoga_slot"].pk}"' in html
    assert f'value="{full.pk}"' not in html  # full times are listed as 마감, not offered
    assert 'action="/cart/add/' in html


def test_unused_key_generates_fresh(client, shop):
    assert uuid.UUID(checkout_data_key(client, shop))


def checkout_data_key(client, shop):
    client.force_login(shop["resident"])
    add(client, shop["yoga"], shop["yoga_slot"], 1)
    return checkout_data(client)["idempotency_key"]


def test_a_price_raised_after_the_checkout_page_loaded_is_not_charged_without_asking(client, shop):
    """The audit: the page showed 20,000원, the price was raised in the admin, the POST placed 180,000원."""
    client.force_login(shop["resident"])
    add(client, shop["yoga"], shop["yoga_slot"], 2)
    data = checkout_data(client)
    assert data["total_seen"] == "20000"
    type(shop["yoga"]).objects.filter(pk=shop["yoga"].pk).update(price=90000)

    response = client.post("/checkout/", data)
    assert response.status_code == 409
    assert not Order.objects.exists()
    html = response.content.decode()
    assert "가격이 바뀌었어요" in html and "180,000원" in html
    assert shop["yoga_slot"].__class__.objects.get(pk=shop["yoga_slot"].pk).booked == 0

    # Confirming the new total on the page that says it places the order at that price.
    confirmed = client.post("/checkout/", checkout_data(client, page=response))
    order = Order.objects.get()
    assert confirmed.status_code == 302 and order.total == 180000
