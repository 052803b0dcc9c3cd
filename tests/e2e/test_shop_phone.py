"""The shop on a 390×844 phone, as a resident sees it: the answer to 담기 on the screen, price and a time on
the first screen, the bottom bar after scrolling, results brought into view, the account number copied."""

import re

import pytest
from django.utils import timezone

from catalog.models import Service
from demo.accounts import DEMO_PASSWORD

from .conftest import serious_violations

pytestmark = pytest.mark.browser

SCREEN = 844


def bookable(**filters) -> Service:
    return (
        Service.objects.published()
        .filter(slots__starts_at__gt=timezone.now(), slots__booked__lt=1, is_experience=True, **filters)
        .distinct()
        .order_by("pk")
        .first()
    )


def in_screen(box, height=SCREEN) -> bool:
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def settled(page):
    """Wait until a smooth scroll has come to rest."""
    page.wait_for_function(
        """() => new Promise(done => {
            let last = -1, still = 0;
            const look = () => { still = scrollY === last ? still + 1 : 0; last = scrollY;
                                 still > 5 ? done(true) : requestAnimationFrame(look); };
            look();
        })"""
    )


def log_in(page, base, email="resident@majubom.kr"):
    page.goto(base + "/accounts/login/")
    page.get_by_label("이메일").fill(email)
    page.get_by_label("비밀번호").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="로그인").click()
    page.wait_for_url(base + "/")


def test_the_first_screen_has_price_and_times_and_the_bar_follows(page, live_server, demo_data):
    service = bookable()
    page.goto(live_server.url + service.get_absolute_url())
    price = page.locator("#book .price-large")
    first_time = page.locator("#book .slot-choice").first
    assert price.bounding_box()["y"] < SCREEN and in_screen(price.bounding_box())
    assert first_time.bounding_box()["y"] + first_time.bounding_box()["height"] < SCREEN
    place = page.locator("#book .book-facts").get_by_text(str(service.delivery_help))
    assert in_screen(place.bounding_box())  # where it happens, in words, on the first screen too
    assert page.locator(".slot-day-title").first.inner_text() != ""
    bar = page.locator("[data-book-bar]")
    page.wait_for_function("() => document.querySelector('[data-book-bar]').classList.contains('is-hidden')")
    assert serious_violations(page) == []

    page.locator("#about-title").scroll_into_view_if_needed()
    page.wait_for_function("() => !document.querySelector('[data-book-bar]').classList.contains('is-hidden')")
    link = bar.get_by_role("link", name=re.compile("날짜 고르고 신청하기 · .*원"))
    page.wait_for_timeout(300)  # the bar slides in
    assert link.is_visible() and in_screen(link.bounding_box())
    # the header with the cart stays at the top while scrolling
    assert in_screen(page.locator("#cart-link").bounding_box(), 100)
    link.click()
    page.wait_for_function("() => document.activeElement && document.activeElement.name === 'slot'")
    settled(page)
    assert in_screen(page.locator("input[name='slot']:checked").bounding_box())


def test_the_answer_to_담기_is_where_the_finger_is(page, live_server, demo_data):
    service = bookable()
    page.goto(live_server.url + service.get_absolute_url())
    button = page.get_by_role("button", name="장바구니에 담기")
    button.scroll_into_view_if_needed()
    button.click()
    box = page.locator(".book-added")
    box.wait_for()
    settled(page)
    assert in_screen(box.bounding_box())
    assert box.get_attribute("role") == "status"
    assert page.evaluate("document.activeElement.id") == "book-added"
    assert box.get_by_role("link", name="장바구니 보기").is_visible()
    assert box.get_by_role("link", name="계속 둘러보기").is_visible()
    assert page.locator("#cart-link .cart-count").inner_text() == "1"
    assert in_screen(page.locator("#cart-link").bounding_box(), 100)
    assert serious_violations(page) == []
    box.get_by_role("link", name="장바구니 보기").click()
    page.wait_for_url(live_server.url + "/cart/")
    assert page.get_by_label("인원").first.input_value() == "1"


def test_filters_say_how_many_and_bring_the_results_into_view(page, live_server, demo_data):
    page.goto(live_server.url + "/services/")
    page.get_by_text("조건 고르기").click()
    with page.expect_response(lambda r: "domain=physical" in r.url):
        page.get_by_label("건강 영역").select_option("physical")
    expected = Service.objects.published().filter(domain="physical").count()
    show = page.locator("[data-results-button]")
    page.wait_for_function(
        "n => document.querySelector('[data-results-button]').textContent.includes(n)",
        arg=f"서비스 {expected}개",
    )
    assert show.inner_text() == f"서비스 {expected}개 보기" and in_screen(show.bounding_box())
    show.click()
    heading = page.locator("#results-title")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'results-title'")
    settled(page)
    assert in_screen(heading.bounding_box()) and heading.inner_text() == f"서비스 {expected}개"
    chip = page.get_by_role("link", name="신체건강 필터 빼기")
    assert in_screen(chip.bounding_box())
    assert serious_violations(page) == []
    chip.click()
    page.wait_for_url(live_server.url + "/services/#results")
    assert page.locator(".filter-chips").count() == 0


def test_without_javascript_the_filter_button_lands_on_the_results(browser, live_server, demo_data):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": SCREEN})
    page = context.new_page()
    page.goto(live_server.url + "/services/")
    page.get_by_text("조건 고르기").click()
    page.get_by_label("지역").select_option("seo")
    page.get_by_role("button", name="이 조건으로 보기").click()
    page.wait_for_url(lambda url: "district=seo" in url and url.endswith("#results"))
    assert in_screen(page.locator("#results-title").bounding_box())
    assert page.get_by_role("link", name="서구 필터 빼기").is_visible()
    context.close()


def test_checkout_says_received_and_copies_the_account_number(page, browser, live_server, demo_data):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    base = live_server.url
    log_in(page, base)
    page.goto(base + bookable(price__gt=0).get_absolute_url())
    page.get_by_role("button", name="장바구니에 담기").click()
    page.locator(".book-added").get_by_role("link", name="장바구니 보기").click()
    page.get_by_role("link", name="주문하기").click()
    page.get_by_label("휴대전화").fill("010 4567 8901")
    page.get_by_label("계좌이체 (48시간 안에 입금)").check()
    page.get_by_role("button", name="주문하기").click()
    page.wait_for_url("**/orders/MJB-*/")
    assert page.get_by_text("주문이 접수됐어요").is_visible()
    assert page.get_by_text("입금을 기다리고 있어요").is_visible()
    copy = page.get_by_role("button", name="계좌번호 복사")
    assert copy.is_visible()
    assert serious_violations(page) == []
    copy.click()
    status = page.locator(".copy-status")
    page.wait_for_function("() => document.querySelector('.copy-status').textContent.includes('복사했어요')")
    assert (
        in_screen(status.bounding_box()) and abs(status.bounding_box()["y"] - copy.bounding_box()["y"]) < 60
    )
    assert page.evaluate("navigator.clipboard.readText()") == "351-1234-5678-93"


def test_every_main_menu_item_fits_the_phone_in_english(browser, live_server, demo_data):
    context = browser.new_context(viewport={"width": 390, "height": SCREEN})
    context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page = context.new_page()
    page.goto(live_server.url + "/services/")
    links = page.locator(".site-nav a")
    assert links.count() >= 4
    for i in range(links.count()):
        box = links.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, links.nth(i).inner_text()
    assert page.locator(".site-nav a").nth(3).is_visible()
    context.close()
