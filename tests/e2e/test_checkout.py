"""A resident books a trial on a phone and pays by bank transfer; the enterprise sees it in the admin."""

import pytest

from catalog.models import Service
from demo.accounts import DEMO_PASSWORD

from .conftest import serious_violations

pytestmark = pytest.mark.browser


def log_in(page, base, email, path="/accounts/login/"):
    page.goto(base + path)
    page.get_by_label("이메일").fill(email)
    page.get_by_label("비밀번호").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="로그인").click()


def test_book_a_trial_with_bank_transfer(page, browser, live_server, demo_data):
    base = live_server.url
    trial = Service.objects.published().get(
        provider__members__user__email="owner1@majubom.kr", is_experience=True
    )
    log_in(page, base, "resident@majubom.kr")
    page.wait_for_url(base + "/")
    page.goto(base + trial.get_absolute_url())
    page.get_by_role("button", name="장바구니에 담기").click()
    page.locator("#cart-link .cart-count").wait_for()  # htmx updated the header count
    assert page.locator("#cart-link .cart-count").inner_text() == "1"

    page.get_by_role("link", name="장바구니").first.click()
    page.wait_for_url(base + "/cart/")
    assert trial.title in page.content()
    assert serious_violations(page) == []

    page.get_by_role("link", name="주문하기").click()
    page.wait_for_url(base + "/checkout/")
    assert serious_violations(page) == []
    page.get_by_label("휴대전화").fill("010 4567 8901")
    page.get_by_label("계좌이체 (48시간 안에 입금)").check()
    page.get_by_role("button", name="주문하기").click()
    page.wait_for_url("**/orders/MJB-*/")
    number = page.url.rstrip("/").rsplit("/", 1)[-1]
    assert page.get_by_role("heading", name="입금해 주세요").is_visible()
    assert "351-1234-5678-93" in page.content()
    assert serious_violations(page) == []

    owner = browser.new_context(viewport={"width": 1280, "height": 900})
    admin = owner.new_page()
    # The admin logs in through the site's own (rate-limited) login.
    admin.goto(base + "/admin/login/")
    admin.wait_for_url("**/accounts/login/**")
    admin.fill("#id_login", "owner1@majubom.kr")
    admin.fill("#id_password", DEMO_PASSWORD)
    admin.get_by_role("button", name="로그인").click()
    admin.wait_for_url("**/admin/")
    # owner1 also sees the demo residents' past orders; this order's line is found by its number.
    admin.goto(base + f"/admin/orders/orderline/?q={number}")
    rows = admin.locator("#result_list tbody tr")
    assert rows.count() == 1
    assert number in rows.first.inner_text() and "최주민" in rows.first.inner_text()
    owner.close()


def test_pick_the_second_time_on_a_phone_without_javascript(browser, live_server, demo_data):
    """The booking form is in the shared cached page: its plain post must carry this visitor's own token."""
    from django.utils import timezone

    from catalog.models import Slot
    from majubom.templatetags.majubom import when

    base = live_server.url
    service = (
        Service.objects.published()
        .filter(slots__starts_at__gt=timezone.now(), slots__booked__lt=1, is_experience=False)
        .distinct()
        .first()
    )
    open_slots = [
        s for s in Slot.objects.filter(service=service).upcoming().order_by("starts_at")[:12] if s.seats_left
    ]
    second = open_slots[1]
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    log_in(page, base, "resident@majubom.kr")
    page.wait_for_url(base + "/")
    page.goto(base + service.get_absolute_url())
    page.get_by_role("link", name="날짜 고르고 신청하기").click()  # jumps down to the booking card
    page.locator(f"#slot-{second.pk}").check()
    page.get_by_role("button", name="장바구니에 담기").click()
    page.wait_for_url(base + "/cart/")
    with timezone.override("Asia/Seoul"):
        assert when(second.starts_at) in page.content()
    assert service.title in page.content()
    context.close()
