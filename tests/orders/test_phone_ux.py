"""What a resident notices on a phone: the answer to 담기 where the finger is, one word for how many (인원 for
bookings, 수량 for goods), and an order page that says which state the booking is in and what comes next."""

import re
import uuid

import pytest

from orders import services
from orders.models import Cart, CartLine, Order
from tests.factories import ServiceFactory, SlotFactory, UserFactory

from .conftest import place

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def add(client, service, slot=None, quantity=1, **extra):
    data = {"quantity": quantity}
    if slot is not None:
        data["slot"] = slot.pk
    return client.post(f"/cart/add/{service.slug}/", data, **extra)


# --- 담기: the answer at the button ------------------------------------------------------------------------


def test_htmx_add_answers_at_the_button_with_both_next_steps(client, shop):
    response = add(client, shop["yoga"], shop["yoga_slot"], 2, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and "HX-Retarget" not in response
    box = html.split('class="book-added"', 1)[1]
    assert 'role="status"' in box.split(">", 1)[0] and "data-swap-focus" in box.split(">", 1)[0]
    assert "장바구니에 담았어요" in box and "어르신 요가 교실" in box and "인원 2명" in box
    assert re.search(r'<a class="button button-large" href="/cart/">장바구니 보기</a>', box)
    assert re.search(
        r'<a class="button button-large button-secondary" href="/services/">계속 둘러보기</a>', box
    )
    # the header's count changes out of band, and the top of the page gets no message
    assert re.search(r'<a id="cart-link"[^>]*hx-swap-oob="true"', html)
    assert re.search(
        r'class="cart-count" aria-hidden="true">2</span><span class="visually-hidden">\(2개 담김\)', html
    )
    assert 'id="messages"' not in html
    # nothing is left over to pop up later on another page
    assert "장바구니에 담았어요" not in client.get("/cart/").content.decode()
    assert CartLine.objects.get().quantity == 2


def test_htmx_add_that_fails_says_why_beside_the_button_and_adds_nothing(client, shop):
    shop["yoga_slot"].booked = shop["yoga_slot"].capacity
    shop["yoga_slot"].save()
    response = add(client, shop["yoga"], shop["yoga_slot"], 1, **HTMX)
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#book-error" and response["HX-Reswap"] == "innerHTML"
    html = response.content.decode()
    assert 'class="message message-error"' in html and "마감" in html
    assert "장바구니에 담았어요" not in html and "cart-link" not in html
    assert not CartLine.objects.exists()


def test_a_plain_post_still_goes_to_the_cart_with_the_message_on_top(client, shop):
    response = add(client, shop["yoga"], shop["yoga_slot"], 1)
    assert response.status_code == 302 and response.url == "/cart/"
    html = client.get("/cart/").content.decode()
    assert "장바구니에 담았어요: 어르신 요가 교실" in html


def test_goods_feedback_counts_in_수량(client, shop):
    html = add(client, shop["lunch"], None, 2, **HTMX).content.decode()
    assert "수량 2개" in html and "인원" not in html


# --- one word for one thing ------------------------------------------------------------------------------


def test_the_cart_says_인원_for_bookings_and_수량_for_goods(client, shop):
    add(client, shop["yoga"], shop["yoga_slot"], 2)
    add(client, shop["lunch"], None, 3)
    html = client.get("/cart/").content.decode()
    yoga = CartLine.objects.get(service=shop["yoga"])
    lunch = CartLine.objects.get(service=shop["lunch"])
    assert re.search(rf'<label for="qty-{yoga.pk}">인원<span class="visually-hidden">', html)
    assert re.search(rf'<label for="qty-{lunch.pk}">수량<span class="visually-hidden">', html)
    assert "10,000원 × 2명 = <strong>20,000원</strong>" in html
    assert "8,000원 × 3개 = <strong>24,000원</strong>" in html


def test_changing_the_number_uses_the_same_word(client, shop):
    add(client, shop["yoga"], shop["yoga_slot"], 1)
    add(client, shop["lunch"], None, 1)
    yoga = CartLine.objects.get(service=shop["yoga"])
    lunch = CartLine.objects.get(service=shop["lunch"])
    html = client.post(f"/cart/lines/{yoga.pk}/", {"quantity": 2}, follow=True).content.decode()
    assert "인원을 바꿨어요" in html
    html = client.post(f"/cart/lines/{yoga.pk}/", {"quantity": "abc"}, follow=True).content.decode()
    assert "인원은 숫자로 적어 주세요" in html
    html = client.post(f"/cart/lines/{lunch.pk}/", {"quantity": 2}, follow=True).content.decode()
    assert "수량을 바꿨어요" in html
    yoga.refresh_from_db()
    lunch.refresh_from_db()
    assert (yoga.quantity, lunch.quantity) == (2, 2)


def test_a_line_of_another_cart_is_refused_and_nothing_changes(client, shop):
    other = place(UserFactory(), [(shop["lunch"], None, 1)])  # someone else's lines
    assert other.pk
    cart = Cart.objects.create()
    line = CartLine.objects.create(
        cart=cart, service=shop["yoga"], slot=shop["yoga_slot"], quantity=1, price_seen=1
    )
    html = client.post(f"/cart/lines/{line.pk}/", {"quantity": 3}, follow=True).content.decode()
    assert "장바구니에 없는 항목이에요" in html
    line.refresh_from_db()
    assert line.quantity == 1


# --- the order page: which state, what next --------------------------------------------------------------


def checkout(client, **overrides):
    page = client.get("/checkout/").content.decode()
    total = re.search(r'name="total_seen" value="(\d+)"', page).group(1)
    data = {
        "total_seen": total,
        "name": "김주민",
        "phone": "010 2222 3333",
        "email": "kim@example.kr",
        "payment_method": "bank_transfer",
        "idempotency_key": str(uuid.uuid4()),
        **overrides,
    }
    return client.post("/checkout/", data)


def test_right_after_checkout_the_order_page_says_it_was_received_once(client, shop):
    client.force_login(shop["resident"])
    add(client, shop["yoga"], shop["yoga_slot"], 1)
    response = checkout(client)
    order = Order.objects.get()
    assert response.url == f"/orders/{order.number}/"
    first = client.get(response.url).content.decode()
    assert "주문이 접수됐어요" in first and "아래 계좌로 입금해 주시면 예약이 확정돼요" in first
    assert "kim@example.kr" in first
    again = client.get(response.url).content.decode()
    assert "주문이 접수됐어요" not in again and "입금을 기다리고 있어요" in again


def test_before_payment_the_page_says_what_to_do_and_that_it_is_not_confirmed_yet(client, shop):
    order = place(shop["resident"], [(shop["yoga"], shop["yoga_slot"], 2)])
    client.force_login(shop["resident"])
    html = client.get(order.get_absolute_url()).content.decode()
    assert "입금을 기다리고 있어요" in html and "입금이 확인되면 예약이 확정돼요" in html
    assert "입금을 기다리는 중 · 자리는 잡아 두었어요" in html
    assert "예약 확정" not in html and "예약이 확정됐어요" not in html and "예약됨" not in html
    assert "20,000원" in html and "351-1234-5678-93" in html and "까지" in html
    # the copy button: a real button, hidden until site.js finds a clipboard; the number stays text
    assert re.search(r'<strong class="account-number" id="account-number">351-1234-5678-93</strong>', html)
    button = re.search(r"<button [^>]*data-copy-target=\"account-number\"[^>]*>([^<]+)</button>", html)
    assert button and button.group(1) == "계좌번호 복사" and " hidden" in button.group(0)
    assert 'data-copied="복사했어요"' in button.group(0) and 'class="copy-status" role="status"' in html
    # the calendar entry waits for the money: an unpaid booking may still lapse
    assert "휴대폰 달력에 넣기</a>" not in html and "입금이 확인되면 휴대폰 달력에 넣을 수 있어요." in html


def test_after_payment_the_booking_is_confirmed_in_plain_words(client, shop):
    order = place(shop["resident"], [(shop["yoga"], shop["yoga_slot"], 1)])
    staff = UserFactory(is_staff=True, is_superuser=True)
    services.payment_confirm(order=order, by=staff, amount=order.total)
    client.force_login(shop["resident"])
    html = client.get(order.get_absolute_url()).content.decode()
    assert "예약이 확정됐어요" in html and "입금을 확인했어요" in html and "예약 확정" in html
    assert "입금을 기다리" not in html and "입금해 주세요" not in html and "account-number" not in html
    assert "휴대폰 달력에 넣기" in html


def test_on_site_payment_and_free_orders_say_their_own_state(client, shop):
    on_site = place(shop["resident"], [(shop["yoga"], shop["yoga_slot"], 1)], method="on_site")
    free = place(shop["resident"], [(shop["trial"], shop["trial_slot"], 1)])
    client.force_login(shop["resident"])
    html = client.get(on_site.get_absolute_url()).content.decode()
    assert "예약됐어요. 결제는 현장에서 해요" in html and "예약됐어요 · 결제는 현장에서" in html
    assert "입금해 주세요" not in html
    html = client.get(free.get_absolute_url()).content.decode()
    assert "예약이 확정됐어요" in html and "무료라서 바로 확정됐어요" in html


def test_a_cancelled_order_says_so_with_its_reason(client, shop):
    order = place(shop["resident"], [(shop["yoga"], shop["yoga_slot"], 1)])
    services.order_cancel(order=order, by=shop["resident"], reason="주문한 분이 취소했어요.")
    client.force_login(shop["resident"])
    html = client.get(order.get_absolute_url()).content.decode()
    assert "주문이 취소됐어요" in html and "취소 이유: 주문한 분이 취소했어요." in html
    assert "입금해 주세요" not in html


def test_goods_lines_count_in_개_and_bookings_in_명(client, shop):
    order = place(shop["resident"], [(shop["yoga"], shop["yoga_slot"], 2), (shop["lunch"], None, 3)])
    client.force_login(shop["resident"])
    html = client.get(order.get_absolute_url()).content.decode()
    assert "어르신 요가 교실 × 2명" in html and "협동조합 도시락 × 3개" in html


def test_the_order_page_keeps_its_query_budget_right_after_checkout(
    client, shop, django_assert_max_num_queries
):
    client.force_login(shop["resident"])
    for n in range(10):
        service = ServiceFactory(provider=shop["seo"] if n % 2 else shop["dong"])
        add(client, service, SlotFactory(service=service), 1)
    response = checkout(client)
    with django_assert_max_num_queries(10):  # as the order page's own budget (tests/orders/test_views.py)
        html = client.get(response.url).content.decode()
    assert "주문이 접수됐어요" in html and html.count('class="card cart-line"') == 10
