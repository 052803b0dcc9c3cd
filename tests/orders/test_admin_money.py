"""What the admin shows about money and choices, as an enterprise member and the cooperative read it:
amounts with thousands separators ("8,000원", never "8000원"), one heading per filter on the order lines
(항목 상태 and 주문 상태, not two "상태"), and an empty choice in Korean on every action select."""

import re

import pytest
from django.contrib.admin import helpers

from tests.factories import (
    ProgramFactory,
    ProviderFactory,
    ProviderMemberFactory,
    ServiceFactory,
    SlotFactory,
    UserFactory,
)

from .conftest import place

pytestmark = pytest.mark.django_db

ORDERS_URL = "/admin/orders/order/"
LINES_URL = "/admin/orders/orderline/"


@pytest.fixture
def shop():
    provider = ProviderFactory(name="숨결요가 협동조합", slug="sumgyeol")
    service = ServiceFactory(provider=provider, title="요가 첫 수업 체험", price=8000)
    slot = SlotFactory(service=service, capacity=10)
    member = ProviderMemberFactory(
        provider=provider, user=UserFactory(email="owner@sumgyeol.kr", is_staff=True)
    ).user
    staff = UserFactory(email="desk@majubom.kr", is_staff=True, is_superuser=True)
    order = place(UserFactory(name="김주민"), [(service, slot, 1)])
    return {"provider": provider, "member": member, "staff": staff, "order": order}


def filter_titles(html: str) -> list[str]:
    return re.findall(r'data-filter-title="([^"]*)"', html)


def test_payment_confirmation_shows_the_amount_with_a_comma(client, shop, django_assert_max_num_queries):
    client.force_login(shop["staff"])
    with django_assert_max_num_queries(12):
        response = client.post(
            ORDERS_URL,
            {
                "action": "confirm_payment",
                helpers.ACTION_CHECKBOX_NAME: [str(shop["order"].pk)],
                "index": "0",
            },
        )
    assert response.status_code == 200
    html = response.content.decode()
    assert f"{shop['order'].number} · 김주민 · 8,000원 · 입금 대기" in html
    assert "8000원" not in html
    assert 'class="module aligned"' in html and 'class="submit-row"' in html
    assert '<ol class="breadcrumbs">' in html


def test_order_pages_show_money_with_commas(client, shop):
    client.force_login(shop["staff"])
    listing = client.get(ORDERS_URL).content.decode()
    assert "8,000원" in listing and "8000" not in re.sub(r"MJB-\S+", "", listing)
    change = client.get(f"{ORDERS_URL}{shop['order'].pk}/change/").content.decode()
    assert '<div class="readonly">8,000원</div>' in change  # 합계, and the line's 단가 below
    assert ">8000<" not in change


def test_the_enterprise_reads_its_line_amounts_with_commas(client, shop):
    client.force_login(shop["member"])
    line = shop["order"].lines.get()
    assert "8,000원" in client.get(LINES_URL).content.decode()
    page = client.get(f"{LINES_URL}{line.pk}/change/").content.decode()
    assert '<div class="readonly">8,000원</div>' in page
    assert ">8000<" not in page


def test_order_lines_have_one_filter_per_status_each_named(client, shop, django_assert_max_num_queries):
    client.force_login(shop["member"])
    with django_assert_max_num_queries(12):
        response = client.get(LINES_URL)
    titles = filter_titles(response.content.decode())
    assert titles.count("상태") == 0
    assert titles.count("항목 상태") == 1 and titles.count("주문 상태") == 1

    # Both still filter what they say: the line's own status and its order's.
    def shown(**params) -> int:
        return len(client.get(LINES_URL, params).context["cl"].result_list)

    assert shown(status__exact="booked") == 1 and shown(status__exact="fulfilled") == 0
    assert shown(order__status__exact="pending_payment") == 1 and shown(order__status__exact="paid") == 0


@pytest.mark.parametrize("who,url", [("member", LINES_URL), ("staff", ORDERS_URL)])
def test_the_action_select_starts_with_a_korean_empty_choice(client, shop, who, url):
    client.force_login(shop[who])
    html = client.get(url).content.decode()
    select = re.search(r'<select name="action"[^>]*>(.*?)</select>', html, re.S).group(1)
    first = re.search(r"<option[^>]*>([^<]*)</option>", select)
    assert first.group(1) == "— 골라 주세요 —"
    assert 'value=""' in first.group(0)
    assert "Select an option" not in html


def test_program_prices_in_the_fair_admin_have_commas(client, shop):
    ProgramFactory(title="요가 매트 체험", price=15000, booth__provider=shop["provider"])
    client.force_login(shop["staff"])
    html = client.get("/admin/events/program/").content.decode()
    assert "15,000원" in html and ">15000<" not in html
