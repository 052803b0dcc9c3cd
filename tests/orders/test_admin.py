"""The orders admin isolation matrix: a member of provider A (is_staff, not superuser, no Django
permissions) against provider B's order lines, orders and reviews on every orders admin URL, action and
export; and what the cooperative (a superuser) does with orders: confirm transfers, cancel, refund,
export and the monthly settlement."""

import csv
import datetime as dt
import io
from html import escape
from html.parser import HTMLParser
from types import SimpleNamespace
from urllib.parse import quote_plus

import pytest
from django.conf import settings
from django.contrib.admin import helpers
from django.contrib.messages import get_messages
from django.test import Client
from django.utils import timezone

from majubom import audit
from orders import services
from orders.models import Order, OrderLine, Payment, Review
from tests.factories import ProviderFactory, ProviderMemberFactory, ServiceFactory, SlotFactory, UserFactory

from .conftest import place

pytestmark = pytest.mark.django_db

MISSING_ID = 987654321
LINES_URL = "/admin/orders/orderline/"
ORDERS_URL = "/admin/orders/order/"
REVIEWS_URL = "/admin/orders/review/"
SETTLEMENT_URL = "/admin/orders/order/settlement/"

A_PRICE, B_PRICE = 12000, 7000
B_BUYER_PHONE = "010-9999-0000"
# What only B's side of the market knows: its enterprise, its service, its own buyer (name and phone).
B_WORDS = ["은하수 사회적기업", "은하 마음 상담", "박비밀", B_BUYER_PHONE]


# --- helpers ------------------------------------------------------------------------------------------------


class _Forms(HTMLParser):
    """Every ``<form>`` of a page as the fields a browser would submit (inputs, textareas, selects)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict[str, list[str]]] = []
        self._current: dict | None = None
        self._textarea: list | None = None
        self._select: dict | None = None

    def _add(self, name, value):
        self._current.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._current = {}
            return
        if self._current is None:
            return
        if tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in a:
                return
            self._add(a["name"], a.get("value") or "")
        elif tag == "textarea" and a.get("name"):
            self._textarea = [a["name"], ""]
        elif tag == "select" and a.get("name"):
            self._select = {"name": a["name"], "first": None, "selected": None}
        elif tag == "option" and self._select is not None:
            value = a.get("value") or ""
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in a:
                self._select["selected"] = value

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self._current is not None:
            self.forms.append(self._current)
            self._current = None
        elif tag == "textarea" and self._textarea is not None:
            self._add(self._textarea[0], self._textarea[1].removeprefix("\n"))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            s = self._select
            value = s["selected"] if s["selected"] is not None else s["first"]
            if value is not None:
                self._add(s["name"], value)
            self._select = None


def intermediate_form(response) -> dict[str, list[str]]:
    """The confirmation form of a two-step action (the one carrying ``apply``), as a browser posts it."""
    assert response.status_code == 200, response.status_code
    parser = _Forms()
    parser.feed(response.content.decode())
    forms = [f for f in parser.forms if "apply" in f]
    assert len(forms) == 1, parser.forms
    return forms[0]


def results(response) -> list:
    assert response.status_code == 200, response.status_code
    return list(response.context["cl"].result_list)


def action_names(response) -> set[str]:
    form = response.context["action_form"]
    return {name for name, _label in form.fields["action"].choices if name} if form else set()


def run_action(client, url: str, action: str, *objects, **extra):
    data = {
        "action": action,
        helpers.ACTION_CHECKBOX_NAME: [str(o.pk) for o in objects],
        "index": "0",
        **extra,
    }
    return client.post(url, data)


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment;" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # the BOM Excel needs for Korean
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def assert_no_b(response):
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    term = response.wsgi_request.GET.get("q")
    if term:  # the search box and the filter links echo what was typed; that is not a leak
        html = html.replace(f'value="{escape(term)}"', "").replace(f"q={quote_plus(term)}", "q=")
    for word in B_WORDS:
        assert word not in html, f"{word!r} leaked into {response.request['PATH_INFO']}"


def snapshot(obj) -> dict:
    obj.refresh_from_db()
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def booked(slot) -> int:
    slot.refresh_from_db()
    return slot.booked


# --- the world ----------------------------------------------------------------------------------------------


@pytest.fixture
def world(db):
    a = ProviderFactory(name="가람 돌봄 협동조합", slug="garam")
    b = ProviderFactory(name="은하수 사회적기업", slug="nuri")
    a_service = ServiceFactory(provider=a, title="가람 어르신 요가", slug="garam-yoga", price=A_PRICE)
    b_service = ServiceFactory(provider=b, title="은하 마음 상담", slug="nuri-counsel", price=B_PRICE)
    a_slot = SlotFactory(service=a_service, capacity=10)
    b_slot = SlotFactory(service=b_service, capacity=10)
    member_a = ProviderMemberFactory(
        provider=a, user=UserFactory(email="staff@garam.kr", name="가람 직원", is_staff=True)
    ).user
    member_b = ProviderMemberFactory(
        provider=b, user=UserFactory(email="staff@nuri.kr", name="누리 직원", is_staff=True)
    ).user
    staff = UserFactory(email="admin@majubom.kr", name="조합 직원", is_staff=True, is_superuser=True)
    buyer = UserFactory(email="buyer@example.kr", name="김주민")
    b_buyer = UserFactory(email="secret@example.kr", name="박비밀")

    mixed = place(buyer, [(a_service, a_slot, 2), (b_service, b_slot, 1)])  # bank transfer
    onsite = place(buyer, [(a_service, a_slot, 1)], method="on_site")
    b_only = place(b_buyer, [(b_service, b_slot, 3)])
    Order.objects.filter(pk=b_only.pk).update(phone=B_BUYER_PHONE)  # B's buyer has their own phone
    b_only.refresh_from_db()

    return SimpleNamespace(
        a=a,
        b=b,
        a_service=a_service,
        b_service=b_service,
        a_slot=a_slot,
        b_slot=b_slot,
        member_a=member_a,
        member_b=member_b,
        staff=staff,
        buyer=buyer,
        b_buyer=b_buyer,
        mixed=mixed,
        onsite=onsite,
        b_only=b_only,
        mixed_a=mixed.lines.get(provider=a),
        mixed_b=mixed.lines.get(provider=b),
        onsite_a=onsite.lines.get(),
        b_line=b_only.lines.get(),
    )


@pytest.fixture
def member_client(client, world):
    client.force_login(world.member_a)
    return client


@pytest.fixture
def staff_client(client, world):
    client.force_login(world.staff)
    return client


def test_world_is_what_the_matrix_assumes(world):
    assert world.mixed.payment_method == Order.PaymentMethod.BANK_TRANSFER
    assert world.onsite.payment_method == Order.PaymentMethod.ON_SITE
    assert world.b_only.payment_method == Order.PaymentMethod.BANK_TRANSFER
    assert {o.status for o in (world.mixed, world.onsite, world.b_only)} == {Order.Status.PENDING_PAYMENT}
    assert world.mixed.total == 2 * A_PRICE + B_PRICE
    assert (world.mixed_a.quantity, world.mixed_b.quantity, world.b_line.quantity) == (2, 1, 3)
    assert (booked(world.a_slot), booked(world.b_slot)) == (3, 4)
    assert not world.member_a.is_superuser and not world.member_a.user_permissions.exists()


def test_changelist_action_form_field_names_in_this_django(member_client, world):
    """The POSTs below use Django 6.1's changelist action form as rendered: unprefixed ``action`` and
    ``select_across``, the ``_selected_action`` checkboxes and ``index``."""
    response = member_client.get(LINES_URL)
    form = response.context["action_form"]
    assert form.prefix is None
    assert set(form.fields) == {"action", "select_across"}
    assert helpers.ACTION_CHECKBOX_NAME == "_selected_action"
    html = response.content.decode()
    assert 'name="action"' in html and 'name="index"' in html
    assert f'name="_selected_action" value="{world.mixed_a.pk}"' in html
    assert action_names(response) == {"mark_fulfilled", "mark_paid_on_site", "export_csv"}


# --- 1. order lines: what a member sees ---------------------------------------------------------------------


def test_member_sees_only_own_lines_including_own_part_of_a_mixed_order(member_client, world):
    response = member_client.get(LINES_URL)
    assert set(results(response)) == {world.mixed_a, world.onsite_a}
    assert world.mixed_b not in results(response)
    html = response.content.decode()
    assert "가람 어르신 요가" in html
    assert world.mixed.number in html and world.onsite.number in html
    assert world.b_only.number not in html
    assert_no_b(response)


def test_member_of_b_sees_only_b_lines(client, world):
    client.force_login(world.member_b)
    response = client.get(LINES_URL)
    assert set(results(response)) == {world.mixed_b, world.b_line}
    html = response.content.decode()
    assert "가람 어르신 요가" not in html and "가람 돌봄 협동조합" not in html
    assert world.onsite.number not in html


def test_member_sees_buyer_contact_of_own_lines(member_client, world):
    html = member_client.get(LINES_URL).content.decode()
    assert "김주민" in html
    assert "010-1234-5678" in html
    page = member_client.get(f"{LINES_URL}{world.mixed_a.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "김주민" in html and "010-1234-5678" in html and "buyer@example.kr" in html
    assert world.mixed.number in html
    assert_no_b(page)


@pytest.mark.parametrize(
    "query",
    [
        "q={mixed}",
        "q={b_only}",
        "q=은하 마음 상담",
        "q=상담",
        "q=박비밀",
        "q=" + B_BUYER_PHONE,
        "provider__id__exact={b}",
        "provider__id__exact={b}&q={mixed}",
        "order__status__exact=pending_payment",
        "order__status__exact=pending_payment&q={mixed}",
        "status__exact=booked",
    ],
)
def test_line_search_and_filters_never_show_other_providers_lines(member_client, world, query):
    query = query.format(mixed=world.mixed.number, b_only=world.b_only.number, b=world.b.pk)
    response = member_client.get(f"{LINES_URL}?{query}")
    found = results(response)
    assert world.mixed_b not in found and world.b_line not in found
    assert all(line.provider_id == world.a.pk for line in found)
    assert_no_b(response)


def test_line_search_by_mixed_order_number_shows_only_own_line(member_client, world):
    assert results(member_client.get(f"{LINES_URL}?q={world.mixed.number}")) == [world.mixed_a]
    assert results(member_client.get(f"{LINES_URL}?q={world.b_only.number}")) == []
    assert results(member_client.get(f"{LINES_URL}?q=은하 마음 상담")) == []


def test_line_provider_filter_offers_only_own_provider(member_client, world):
    response = member_client.get(LINES_URL)
    specs = [f for f in response.context["cl"].filter_specs if getattr(f, "field_path", "") == "provider"]
    # One choice only: Django hides the filter; either way B is never offered.
    assert not specs or specs[0].lookup_choices == [(world.a.pk, world.a.name)]


# --- 2. order lines: object pages ---------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("page", ["change", "history"])
def test_other_providers_line_pages_are_404_like_missing_ids(member_client, world, page, method):
    before = snapshot(world.mixed_b)
    call = getattr(member_client, method)
    other = call(f"{LINES_URL}{world.mixed_b.pk}/{page}/")
    missing = call(f"{LINES_URL}{MISSING_ID}/{page}/")
    if method == "get":
        assert other.status_code == missing.status_code == 404
    else:
        # POSTing the read-only form is refused (403) before the lookup: no oracle either way.
        assert other.status_code == missing.status_code
        assert other.status_code in {403, 404}
    assert snapshot(world.mixed_b) == before


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("which", ["own", "other", "missing"])
def test_line_deletion_is_refused_to_members(member_client, world, which, method):
    pk = {"own": world.mixed_a.pk, "other": world.mixed_b.pk, "missing": MISSING_ID}[which]
    call = getattr(member_client, method)
    response = call(f"{LINES_URL}{pk}/delete/", {"post": "yes"} if method == "post" else {})
    assert response.status_code in {403, 404}
    assert OrderLine.objects.filter(pk__in=[world.mixed_a.pk, world.mixed_b.pk]).count() == 2


@pytest.mark.parametrize("method", ["get", "post"])
def test_line_deletion_is_disabled_for_staff_too(staff_client, world, method):
    call = getattr(staff_client, method)
    response = call(f"{LINES_URL}{world.mixed_b.pk}/delete/", {"post": "yes"} if method == "post" else {})
    assert response.status_code == 403
    assert OrderLine.objects.filter(pk=world.mixed_b.pk).exists()


@pytest.mark.parametrize("page", ["change", "history"])
def test_own_line_pages_are_200(member_client, world, page):
    response = member_client.get(f"{LINES_URL}{world.mixed_a.pk}/{page}/")
    assert response.status_code == 200
    assert_no_b(response)


def test_own_line_is_read_only(member_client, world):
    before = snapshot(world.mixed_a)
    response = member_client.post(
        f"{LINES_URL}{world.mixed_a.pk}/change/", {"quantity": "9", "status": "fulfilled", "title": "해킹"}
    )
    assert response.status_code == 403
    assert snapshot(world.mixed_a) == before


def test_delete_selected_is_not_offered_and_forged_deletes_nothing(member_client, world):
    assert "delete_selected" not in action_names(member_client.get(LINES_URL))
    run_action(member_client, LINES_URL, "delete_selected", world.mixed_a, world.mixed_b, post="yes")
    assert OrderLine.objects.count() == 4


def test_staff_see_every_line(staff_client, world):
    found = set(results(staff_client.get(LINES_URL)))
    assert found == {world.mixed_a, world.mixed_b, world.onsite_a, world.b_line}
    assert staff_client.get(f"{LINES_URL}{world.mixed_b.pk}/change/").status_code == 200


# --- 3. order lines: CSV export -----------------------------------------------------------------------------


def test_line_export_with_forged_ids_contains_only_own_lines(member_client, world):
    response = run_action(member_client, LINES_URL, "export_csv", world.mixed_b, world.b_line)
    rows = csv_rows(response)
    assert rows[0][:2] == ["주문 번호", "서비스"]
    assert rows[1:] == []
    text = response.content.decode()
    for word in B_WORDS:
        assert word not in text


def test_line_export_of_own_and_forged_ids_contains_only_own(member_client, world):
    response = run_action(
        member_client, LINES_URL, "export_csv", world.mixed_a, world.mixed_b, world.onsite_a, world.b_line
    )
    rows = csv_rows(response)[1:]
    assert [(r[0], r[1], r[3], r[4]) for r in rows] == [
        (world.mixed.number, "가람 어르신 요가", "2", str(2 * A_PRICE)),
        (world.onsite.number, "가람 어르신 요가", "1", str(A_PRICE)),
    ]
    assert all(r[6:8] == ["김주민", "010-1234-5678"] for r in rows)
    text = response.content.decode()
    for word in B_WORDS:
        assert word not in text


def test_line_export_select_across_contains_only_own(member_client, world):
    response = run_action(member_client, LINES_URL, "export_csv", world.b_line, select_across="1")
    rows = csv_rows(response)[1:]
    assert sorted(r[0] for r in rows) == sorted([world.mixed.number, world.onsite.number])
    assert all(r[1] == "가람 어르신 요가" for r in rows)
    text = response.content.decode()
    for word in B_WORDS:
        assert word not in text


# --- 4. order lines: mark fulfilled, mark paid on site ------------------------------------------------------


def test_mark_fulfilled_ignores_other_providers_line(member_client, world):
    before = snapshot(world.mixed_b)
    response = run_action(member_client, LINES_URL, "mark_fulfilled", world.mixed_b)
    assert response.status_code == 302
    assert snapshot(world.mixed_b) == before
    assert world.mixed_b.status == OrderLine.Status.BOOKED


def test_unpaid_bank_transfer_line_cannot_be_fulfilled(member_client, world):
    response = run_action(member_client, LINES_URL, "mark_fulfilled", world.mixed_a)
    assert response.status_code == 302
    world.mixed_a.refresh_from_db()
    assert world.mixed_a.status == OrderLine.Status.BOOKED
    assert any("입금이 확인된 뒤에" in m for m in messages_of(response))


def test_mark_fulfilled_on_own_line(member_client, world):
    services.payment_confirm(order=world.mixed, by=world.staff, amount=world.mixed.total)
    before_b = snapshot(world.mixed_b)
    response = run_action(member_client, LINES_URL, "mark_fulfilled", world.mixed_a, world.mixed_b)
    assert response.status_code == 302
    world.mixed_a.refresh_from_db()
    assert world.mixed_a.status == OrderLine.Status.FULFILLED
    assert world.mixed_a.fulfilled_at is not None
    assert snapshot(world.mixed_b) == before_b
    assert any("1개 항목을 이용 완료로" in m for m in messages_of(response))


def test_mark_paid_on_site(member_client, world):
    response = run_action(member_client, LINES_URL, "mark_paid_on_site", world.onsite_a)
    assert response.status_code == 302
    world.onsite.refresh_from_db()
    assert world.onsite.status == Order.Status.PAID
    assert world.onsite.paid_at is not None
    payment = Payment.objects.get(order=world.onsite)
    assert payment.kind == Payment.Kind.PAYMENT
    assert payment.amount == world.onsite.total == A_PRICE
    assert payment.method == Order.PaymentMethod.ON_SITE
    assert payment.confirmed_by == world.member_a


def test_mark_paid_on_site_refuses_a_bank_transfer_order(member_client, world):
    response = run_action(member_client, LINES_URL, "mark_paid_on_site", world.mixed_a)
    assert response.status_code == 302
    world.mixed.refresh_from_db()
    assert world.mixed.status == Order.Status.PENDING_PAYMENT
    assert world.mixed.paid_at is None
    assert not Payment.objects.filter(order=world.mixed).exists()
    assert any(world.mixed.number in m and "현장 결제 주문이 아니에요" in m for m in messages_of(response))


def test_member_cannot_mark_other_providers_order_paid(member_client, world):
    b_onsite = place(world.b_buyer, [(world.b_service, world.b_slot, 1)], method="on_site")
    b_onsite_line = b_onsite.lines.get()
    run_action(member_client, LINES_URL, "mark_paid_on_site", b_onsite_line)
    run_action(member_client, LINES_URL, "mark_paid_on_site", world.b_line)
    run_action(member_client, LINES_URL, "mark_paid_on_site", world.onsite_a, b_onsite_line)
    for order in (b_onsite, world.b_only):
        order.refresh_from_db()
        assert order.status == Order.Status.PENDING_PAYMENT
        assert not Payment.objects.filter(order=order).exists()
    world.onsite.refresh_from_db()
    assert world.onsite.status == Order.Status.PAID  # the own one in the same POST went through


def test_on_site_order_fulfilled_then_paid_is_completed(member_client, world):
    """On site the resident often pays after the class: fulfilling first and then taking the payment must
    end where paying first and then fulfilling ends (line_fulfil: "a paid order whose lines are all
    delivered is completed")."""
    run_action(member_client, LINES_URL, "mark_fulfilled", world.onsite_a)
    run_action(member_client, LINES_URL, "mark_paid_on_site", world.onsite_a)
    world.onsite.refresh_from_db()
    world.onsite_a.refresh_from_db()
    assert world.onsite_a.status == OrderLine.Status.FULFILLED
    assert world.onsite.status == Order.Status.COMPLETED


# --- 5. orders and settlement are for the cooperative only --------------------------------------------------


def member_forbidden_urls(world) -> list[str]:
    return [
        ORDERS_URL,
        f"{ORDERS_URL}{world.mixed.pk}/change/",
        f"{ORDERS_URL}{world.onsite.pk}/change/",
        f"{ORDERS_URL}{world.b_only.pk}/change/",
        f"{ORDERS_URL}{world.mixed.pk}/history/",
        f"{ORDERS_URL}{world.mixed.pk}/delete/",
        SETTLEMENT_URL,
        f"{SETTLEMENT_URL}?format=csv",
        f"{SETTLEMENT_URL}?month=2026-01&format=csv",
    ]


@pytest.mark.parametrize("who", ["member_a", "member_b"])
def test_members_are_forbidden_orders_and_settlement(client, world, who):
    client.force_login(getattr(world, who))
    for url in member_forbidden_urls(world):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "text/csv" not in response.get("Content-Type", ""), url


def test_members_do_not_see_orders_in_the_admin_index(member_client, world):
    response = member_client.get("/admin/")
    models = {m["object_name"] for app in response.context["app_list"] for m in app["models"]}
    assert "Order" not in models
    assert {"OrderLine", "Review"} <= models


@pytest.mark.parametrize(
    "data",
    [
        {"action": "confirm_payment", "apply": "1", "reference": "해킹"},
        {"action": "cancel_orders"},
        {"action": "refund", "apply": "1", "amount": "1000", "reason": "해킹"},
        {"action": "export_csv"},
    ],
)
def test_members_cannot_run_order_actions(member_client, world, data):
    before = [snapshot(o) for o in (world.mixed, world.onsite, world.b_only)]
    response = member_client.post(
        ORDERS_URL,
        {**data, "_selected_action": [str(world.mixed.pk), str(world.b_only.pk)], "index": "0"},
    )
    assert response.status_code == 403
    assert [snapshot(o) for o in (world.mixed, world.onsite, world.b_only)] == before
    assert not Payment.objects.exists()


# --- 6. reviews ---------------------------------------------------------------------------------------------


@pytest.fixture
def reviews(world):
    """The mixed order paid and delivered, the on-site order paid and delivered; three reviews."""
    for order in (world.mixed, world.onsite):
        services.payment_confirm(order=order, by=world.staff, amount=order.total)
    for line in (world.mixed_a, world.mixed_b, world.onsite_a):
        services.line_fulfil(line=line, by=world.staff)
        line.refresh_from_db()

    def review(line, rating, body):
        return services.review_create(line=line, user=world.buyer, rating=rating, body=body)

    return SimpleNamespace(
        a_good=review(world.mixed_a, 4, "가람 요가 좋아요"),
        a_bad=review(world.onsite_a, 2, "가람 요가 별로"),
        b=review(world.mixed_b, 5, "은하 마음 상담 최고"),
    )


def test_member_sees_reviews_of_own_services_only(member_client, world, reviews):
    response = member_client.get(REVIEWS_URL)
    assert set(results(response)) == {reviews.a_good, reviews.a_bad}
    html = response.content.decode()
    assert "가람 요가 좋아요" in html
    assert "은하 마음 상담 최고" not in html
    assert_no_b(response)
    assert results(member_client.get(f"{REVIEWS_URL}?q=최고")) == []
    assert member_client.get(f"{REVIEWS_URL}{reviews.b.pk}/change/").status_code == 404
    assert member_client.get(f"{REVIEWS_URL}{reviews.b.pk}/history/").status_code == 404
    assert member_client.get(f"{REVIEWS_URL}{reviews.a_good.pk}/change/").status_code == 200


def test_member_cannot_hide_reviews(member_client, world, reviews):
    assert not action_names(member_client.get(REVIEWS_URL)) & {"hide", "unhide"}
    run_action(member_client, REVIEWS_URL, "hide", reviews.a_bad, reviews.b)
    run_action(member_client, REVIEWS_URL, "hide", reviews.a_bad, reviews.b, select_across="1")
    assert Review.objects.count() == 3
    assert not Review.objects.filter(is_hidden=True).exists()


def test_staff_hide_a_review_and_the_service_page_drops_it(client, world, reviews):
    page = Client().get(f"/services/{world.a_service.slug}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "가람 요가 별로" in html and "후기 2개" in html and "<strong>3.0</strong>" in html

    client.force_login(world.staff)
    assert {"hide", "unhide"} <= action_names(client.get(REVIEWS_URL))
    response = run_action(client, REVIEWS_URL, "hide", reviews.a_bad)
    assert response.status_code == 302
    reviews.a_bad.refresh_from_db()
    reviews.a_good.refresh_from_db()
    assert (reviews.a_bad.is_hidden, reviews.a_good.is_hidden) == (True, False)

    html = Client().get(f"/services/{world.a_service.slug}/").content.decode()
    assert "가람 요가 별로" not in html
    assert "가람 요가 좋아요" in html
    assert "후기 1개" in html and "<strong>4.0</strong>" in html

    run_action(client, REVIEWS_URL, "unhide", reviews.a_bad)
    reviews.a_bad.refresh_from_db()
    assert reviews.a_bad.is_hidden is False
    assert "후기 2개" in Client().get(f"/services/{world.a_service.slug}/").content.decode()


# --- 7. staff: confirm payment ------------------------------------------------------------------------------


def test_confirm_payment_two_steps(staff_client, world):
    first = run_action(staff_client, ORDERS_URL, "confirm_payment", world.mixed)
    assert first.status_code == 200
    assert "admin/orders/order/action_form.html" in [t.name for t in first.templates]
    assert "reference" in first.context["form"].fields
    world.mixed.refresh_from_db()
    assert world.mixed.status == Order.Status.PENDING_PAYMENT  # the first step changes nothing
    assert not Payment.objects.exists()

    data = intermediate_form(first)
    assert data["action"] == ["confirm_payment"]
    assert data["_selected_action"] == [str(world.mixed.pk)]
    assert data["apply"] == ["1"]
    data["reference"] = ["김주민 3/2 입금"]
    second = staff_client.post(ORDERS_URL, data)
    assert second.status_code == 302

    world.mixed.refresh_from_db()
    assert world.mixed.status == Order.Status.PAID
    assert world.mixed.paid_at is not None
    payment = Payment.objects.get(order=world.mixed)
    assert payment.kind == Payment.Kind.PAYMENT
    assert payment.amount == world.mixed.total
    assert payment.reference == "김주민 3/2 입금"
    assert payment.method == Order.PaymentMethod.BANK_TRANSFER
    assert payment.confirmed_by == world.staff
    assert any("1건의 입금을 확인" in m for m in messages_of(second))
    # The other pending orders were not touched.
    for order in (world.onsite, world.b_only):
        order.refresh_from_db()
        assert order.status == Order.Status.PENDING_PAYMENT


def test_confirm_payment_also_works_with_the_index_field(staff_client, world):
    response = run_action(
        staff_client, ORDERS_URL, "confirm_payment", world.b_only, apply="1", reference="박비밀"
    )
    assert response.status_code == 302
    world.b_only.refresh_from_db()
    assert world.b_only.status == Order.Status.PAID
    assert Payment.objects.get(order=world.b_only).reference == "박비밀"


def test_confirm_payment_on_a_paid_order_warns_and_adds_nothing(staff_client, world):
    services.payment_confirm(order=world.mixed, by=world.staff, amount=world.mixed.total, reference="첫 입금")
    before = snapshot(world.mixed)
    response = staff_client.post(
        ORDERS_URL,
        {
            "action": "confirm_payment",
            "_selected_action": [str(world.mixed.pk)],
            "apply": "1",
            "reference": "두 번째",
        },
    )
    assert response.status_code == 302
    assert snapshot(world.mixed) == before
    assert list(Payment.objects.values_list("reference", flat=True)) == ["첫 입금"]
    msgs = messages_of(response)
    assert any(world.mixed.number in m and "입금 대기 중인 주문이 아니에요" in m for m in msgs)
    assert not any("입금을 확인했어요" in m for m in msgs)


# --- 8. staff: refund ---------------------------------------------------------------------------------------


def refund_data(staff_client, order, amount, reason="일정 취소로 환불") -> dict:
    first = run_action(staff_client, ORDERS_URL, "refund", order)
    assert first.status_code == 200
    assert first.context["form"].initial["amount"] == order.total
    data = intermediate_form(first)
    assert data["amount"] == [str(order.total)]
    data.update({"amount": [str(amount)], "reason": [reason]})
    return data


@pytest.fixture
def paid_mixed(world):
    services.payment_confirm(order=world.mixed, by=world.staff, amount=world.mixed.total)
    world.mixed.refresh_from_db()
    return world.mixed


def test_refund_above_total_changes_nothing(staff_client, world, paid_mixed):
    before = snapshot(paid_mixed)
    data = refund_data(staff_client, paid_mixed, paid_mixed.total + 1)
    response = staff_client.post(ORDERS_URL, data)
    if response.status_code == 200:  # the form shows the error (see the test below)
        assert "amount" in response.context["form"].errors
    else:  # today: the service refuses it and the admin says so
        assert response.status_code == 302
        assert any("환불 금액은 1원에서 주문 합계 사이" in m for m in messages_of(response))
    assert snapshot(paid_mixed) == before
    assert paid_mixed.status == Order.Status.PAID and paid_mixed.refunded_amount is None
    assert not Payment.objects.filter(kind=Payment.Kind.REFUND).exists()
    assert (booked(world.a_slot), booked(world.b_slot)) == (3, 4)
    assert set(paid_mixed.lines.values_list("status", flat=True)) == {OrderLine.Status.BOOKED}


def test_refund_above_total_is_a_form_error(staff_client, world, paid_mixed):
    data = refund_data(staff_client, paid_mixed, paid_mixed.total + 1)
    response = staff_client.post(ORDERS_URL, data)
    assert response.status_code == 200
    assert "amount" in response.context["form"].errors
    paid_mixed.refresh_from_db()
    assert paid_mixed.status == Order.Status.PAID


@pytest.mark.parametrize("amount", ["0", "-5", "abc"])
def test_refund_invalid_amount_reshows_the_form(staff_client, world, paid_mixed, amount):
    before = snapshot(paid_mixed)
    data = refund_data(staff_client, paid_mixed, amount)
    response = staff_client.post(ORDERS_URL, data)
    assert response.status_code == 200
    assert "amount" in response.context["form"].errors
    assert "admin/orders/order/action_form.html" in [t.name for t in response.templates]
    assert snapshot(paid_mixed) == before
    assert not Payment.objects.filter(kind=Payment.Kind.REFUND).exists()


def test_refund_without_reason_reshows_the_form(staff_client, world, paid_mixed):
    before = snapshot(paid_mixed)
    data = refund_data(staff_client, paid_mixed, 1000, reason="")
    response = staff_client.post(ORDERS_URL, data)
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    assert snapshot(paid_mixed) == before


def test_refund_a_paid_order_releases_its_seats(staff_client, world, paid_mixed):
    assert (booked(world.a_slot), booked(world.b_slot)) == (3, 4)
    data = refund_data(staff_client, paid_mixed, 10000, reason="강사 사정으로 취소")
    response = staff_client.post(ORDERS_URL, data)
    assert response.status_code == 302
    paid_mixed.refresh_from_db()
    assert paid_mixed.status == Order.Status.REFUNDED
    assert paid_mixed.refunded_amount == 10000
    assert paid_mixed.refund_reason == "강사 사정으로 취소"
    refund = Payment.objects.get(order=paid_mixed, kind=Payment.Kind.REFUND)
    assert refund.amount == 10000
    assert refund.confirmed_by == world.staff
    assert refund.method == Order.PaymentMethod.BANK_TRANSFER
    # The mixed order held 2 of A's seats and 1 of B's; the other orders keep theirs.
    assert (booked(world.a_slot), booked(world.b_slot)) == (1, 3)
    assert set(paid_mixed.lines.values_list("status", flat=True)) == {OrderLine.Status.CANCELLED}
    assert any("환불했어요" in m for m in messages_of(response))


def test_refund_of_a_pending_order_is_refused(staff_client, world):
    before = snapshot(world.b_only)
    data = refund_data(staff_client, world.b_only, 1000)
    response = staff_client.post(ORDERS_URL, data)
    assert response.status_code == 302
    assert snapshot(world.b_only) == before
    assert not Payment.objects.exists()
    assert booked(world.b_slot) == 4
    assert any("결제 완료된 주문만 환불" in m for m in messages_of(response))


# --- 9. staff: cancel and export ----------------------------------------------------------------------------


def test_cancel_orders_releases_the_seats(staff_client, world):
    response = run_action(staff_client, ORDERS_URL, "cancel_orders", world.mixed, world.onsite, world.b_only)
    assert response.status_code == 302
    for order in (world.mixed, world.onsite, world.b_only):
        order.refresh_from_db()
        assert order.status == Order.Status.CANCELLED
        assert order.cancelled_at is not None
        assert order.cancel_reason
    assert (booked(world.a_slot), booked(world.b_slot)) == (0, 0)
    assert not OrderLine.objects.exclude(status=OrderLine.Status.CANCELLED).exists()


def test_cancel_orders_refuses_a_paid_order(staff_client, world, paid_mixed):
    before = snapshot(paid_mixed)
    response = run_action(staff_client, ORDERS_URL, "cancel_orders", paid_mixed, world.b_only)
    assert response.status_code == 302
    assert snapshot(paid_mixed) == before
    world.b_only.refresh_from_db()
    assert world.b_only.status == Order.Status.CANCELLED
    assert (booked(world.a_slot), booked(world.b_slot)) == (3, 1)
    assert any(paid_mixed.number in m for m in messages_of(response))


def test_order_export_csv(staff_client, world):
    response = run_action(staff_client, ORDERS_URL, "export_csv", world.mixed, world.b_only)
    rows = csv_rows(response)
    assert rows[0] == ["주문 번호", "주문한 때", "이름", "전화", "이메일", "상태", "결제 방법", "합계"]
    assert [r[0] for r in rows[1:]] == [world.mixed.number, world.b_only.number]
    assert rows[1][2:] == ["김주민", "010-1234-5678", "buyer@example.kr", "입금 대기", "계좌이체", "31000"]
    assert world.onsite.number not in response.content.decode()


def test_staff_see_orders_and_order_pages(staff_client, world):
    response = staff_client.get(ORDERS_URL)
    assert set(results(response)) == {world.mixed, world.onsite, world.b_only}
    assert action_names(response) >= {"confirm_payment", "cancel_orders", "refund", "export_csv"}
    page = staff_client.get(f"{ORDERS_URL}{world.mixed.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "가람 어르신 요가" in html and "은하 마음 상담" in html


# --- 10. settlement -----------------------------------------------------------------------------------------


def expected_row(provider, lines) -> dict:
    gross = sum(line.unit_price * line.quantity for line in lines)
    fee = round(gross * settings.MAJUBOM_FEE_RATE)
    return {"provider": provider.name, "lines": len(lines), "gross": gross, "fee": fee, "net": gross - fee}


@pytest.fixture
def delivered(client, world):
    """Through the admin: staff confirm the transfer; each member delivers their own lines; A takes the
    on-site payment. B's own order stays unpaid, so its line cannot be delivered (nor settled)."""
    staff = Client()
    staff.force_login(world.staff)
    run_action(staff, ORDERS_URL, "confirm_payment", world.mixed, apply="1", reference="입금")
    a, b = Client(), Client()
    a.force_login(world.member_a)
    b.force_login(world.member_b)
    run_action(a, LINES_URL, "mark_paid_on_site", world.onsite_a)
    run_action(a, LINES_URL, "mark_fulfilled", world.mixed_a, world.onsite_a)
    run_action(b, LINES_URL, "mark_fulfilled", world.mixed_b, world.b_line)
    for obj in (world.mixed, world.onsite, world.b_only, world.mixed_a, world.mixed_b, world.onsite_a):
        obj.refresh_from_db()
    world.b_line.refresh_from_db()
    assert world.mixed.status == Order.Status.COMPLETED
    assert world.onsite.status == Order.Status.COMPLETED
    assert world.b_only.status == Order.Status.PENDING_PAYMENT
    assert world.b_line.status == OrderLine.Status.BOOKED
    return [
        expected_row(world.a, [world.mixed_a, world.onsite_a]),
        expected_row(world.b, [world.mixed_b]),
    ]


def test_settlement_page(staff_client, world, delivered):
    response = staff_client.get(SETTLEMENT_URL)
    assert response.status_code == 200
    rows = [{k: r[k] for k in ("provider", "lines", "gross", "fee", "net")} for r in response.context["rows"]]
    assert sorted(rows, key=lambda r: r["provider"]) == sorted(delivered, key=lambda r: r["provider"])
    a_row = next(r for r in rows if r["provider"] == world.a.name)
    assert a_row["lines"] == 2 and a_row["gross"] == 3 * A_PRICE
    b_row = next(r for r in rows if r["provider"] == world.b.name)
    assert b_row["lines"] == 1 and b_row["gross"] == B_PRICE  # B's unpaid order is not settled
    assert all(r["rate"] == f"{settings.MAJUBOM_FEE_RATE:.1%}" for r in response.context["rows"])
    totals = response.context["totals"]
    assert totals == {k: sum(r[k] for r in delivered) for k in ("lines", "gross", "fee", "net")}
    html = response.content.decode()
    assert world.a.name in html and f"{a_row['gross']:,}원" in html and f"{a_row['net']:,}원" in html
    assert response.context["month"] == timezone.localdate().strftime("%Y-%m")


def test_settlement_csv(staff_client, world, delivered):
    month = timezone.localdate().strftime("%Y-%m")
    response = staff_client.get(f"{SETTLEMENT_URL}?month={month}&format=csv")
    assert f"majubom-settlement-{month}.csv" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == ["기업", "이용 완료 항목", "매출(원)", "수수료율", "수수료(원)", "지급액(원)"]
    rate = f"{settings.MAJUBOM_FEE_RATE:.1%}"
    expected = [
        [r["provider"], str(r["lines"]), str(r["gross"]), rate, str(r["fee"]), str(r["net"])]
        for r in sorted(delivered, key=lambda r: r["provider"])
    ]
    assert rows[1:] == expected


def test_settlement_of_another_month_is_empty(staff_client, world, delivered):
    last_month = (timezone.localdate().replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    response = staff_client.get(f"{SETTLEMENT_URL}?month={last_month}")
    assert response.status_code == 200
    assert response.context["rows"] == []
    assert csv_rows(staff_client.get(f"{SETTLEMENT_URL}?month={last_month}&format=csv"))[1:] == []


def test_settlement_excludes_refunded_orders(staff_client, world, delivered):
    services.order_refund(order=world.mixed, by=world.staff, amount=1000, reason="일부 환불")
    rows = {r["provider"]: r for r in staff_client.get(SETTLEMENT_URL).context["rows"]}
    assert world.b.name not in rows
    assert rows[world.a.name]["lines"] == 1 and rows[world.a.name]["gross"] == A_PRICE


# --- one write path: who did it -------------------------------------------------------------------------
# Payments, refunds, fulfilment and cancellations by staff or an enterprise are recorded on the order's
# (or line's) history; the refund cap is the service's rule, also in the admin's form.


def recorded(obj) -> list[tuple[str, str]]:
    return [(entry.user.email, entry.change_message) for entry in audit.history(obj)]


def test_payment_and_refund_record_the_staff_member(staff_client, world, paid_mixed):
    data = refund_data(staff_client, paid_mixed, 5000, reason="기업 사정")
    assert staff_client.post(ORDERS_URL, data).status_code == 302
    total = f"{paid_mixed.total:,}"
    assert recorded(paid_mixed) == [
        ("admin@majubom.kr", f"입금 확인 {total}원 "),
        ("admin@majubom.kr", "환불 5,000원: 기업 사정"),
    ]
    page = staff_client.get(f"{ORDERS_URL}{paid_mixed.pk}/history/").content.decode()
    assert "환불 5,000원" in page


def test_the_admin_refund_form_states_the_services_rule(staff_client, world, paid_mixed):
    data = refund_data(staff_client, paid_mixed, paid_mixed.total + 1)
    response = staff_client.post(ORDERS_URL, data)
    errors = " ".join(response.context["form"].errors["amount"])
    assert paid_mixed.number in errors and f"{paid_mixed.total:,}원" in errors
    with pytest.raises(services.MajubomError) as refused:
        services.check_order_refund(order=paid_mixed, by=world.staff, amount=paid_mixed.total + 1, reason="x")
    assert refused.value.message in errors


def test_fulfilment_records_the_enterprise_member(member_client, world):
    services.payment_confirm(order=world.onsite, by=world.member_a, amount=world.onsite.total)
    run_action(member_client, "/admin/orders/orderline/", "mark_fulfilled", world.onsite_a)
    assert recorded(world.onsite_a) == [("staff@garam.kr", "이용 완료")]
    assert recorded(world.onsite)[0][0] == "staff@garam.kr"


def test_staff_cancellation_is_recorded_and_a_residents_own_is_not(staff_client, world):
    run_action(staff_client, ORDERS_URL, "cancel_orders", world.mixed)
    assert recorded(world.mixed) == [("admin@majubom.kr", "주문 취소: 마주봄 협동조합이 취소했어요.")]
    services.order_cancel(order=world.b_only, by=world.b_buyer, reason="일정이 바뀌었어요")
    assert recorded(world.b_only) == []
