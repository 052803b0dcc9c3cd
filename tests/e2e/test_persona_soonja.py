"""김순자, 76, lives alone in 대덕구 and has a phone her granddaughter set up. Her whole first visit on a
390×844 screen, as she would make it: she signs up and agrees to the terms, takes the quick test one topic
at a time, opens what it recommends, then searches for a foot massage trial, filters it to 체험, picks a
time, pays by bank transfer and, once the cooperative has seen the money, puts the booking in her phone's
calendar. Each step asserts what she would notice, and axe-core finds nothing serious on any page."""

import re

import pytest
from django.core import mail

from catalog.models import Service
from groups.models import HealthGroup
from healthcheck.forms import TOPICS
from majubom.choices import Audience
from majubom.models import Consent, User
from orders.models import Order
from orders.services import payment_confirm

from .conftest import serious_violations

pytestmark = pytest.mark.browser

SCREEN = 844
PASSWORD = "daejeon-gapcheon-2026"


def in_screen(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= SCREEN


def checked_axe(page) -> None:
    assert serious_violations(page) == [], page.url


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": SCREEN}, has_touch=True, locale="ko-KR")
    context.set_default_timeout(10_000)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    yield page
    context.close()


def sign_up(page, base) -> User:
    page.goto(base + "/")
    page.locator(".account-nav").get_by_role("link", name="회원가입").click()
    page.wait_for_url(base + "/accounts/signup/")
    checked_axe(page)
    page.get_by_label("이메일").fill("soonja.kim@example.kr")
    page.get_by_label("이름").fill("김순자")
    page.get_by_label("휴대폰 번호 (선택)").fill("010 2468 1357")
    page.get_by_label("사는 곳(구)").select_option("daedeok")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator('label[for="id_agree_age"]').tap()
    page.locator('label[for="id_agree_terms"]').tap()
    page.locator('label[for="id_agree_privacy"]').tap()
    page.get_by_role("button", name="동의하고 가입하기").click()
    page.wait_for_url(re.compile(r".*/(accounts/confirm-email/)?$"))
    # A warm welcome, without the stray space of "김순자 으로 로그인 되었습니다".
    assert "김순자님" in page.locator("#messages").inner_text()
    checked_axe(page)

    user = User.objects.get(email="soonja.kim@example.kr")
    assert user.phone == "010-2468-1357"
    assert set(Consent.objects.filter(user=user).values_list("kind", flat=True)) == {"terms", "privacy"}
    if page.url.endswith("/accounts/confirm-email/"):  # where the address must be confirmed first
        link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", mail.outbox[-1].body).group(1)
        page.goto(base + link)
        page.get_by_role("button", name="확인", exact=True).click()
        page.wait_for_load_state()
    assert page.locator(".account-nav").get_by_role("button", name="로그아웃").count() == 1
    return user


def take_the_quick_test(page, base) -> None:
    page.goto(base + "/healthcheck/")
    checked_axe(page)
    page.get_by_role("link", name=re.compile("빠른 테스트")).first.click()
    page.wait_for_url(base + "/healthcheck/quick/")
    total = len(TOPICS["quick"])
    step = page.locator("[data-step]:not([hidden])")
    page.get_by_label("65세 이상").check()
    page.get_by_label("혼자 살아요").check()
    # Lonely ("자주"), little exercise, otherwise a middling answer; one topic per screen.
    lonely = {f"ucla3-{n}": 2 for n in range(1, 4)}
    for number in range(1, total + 1):
        assert step.locator(".step-count").inner_text() == f"{number} / {total}"
        checked_axe(page)
        names = step.locator("input[type=radio]").evaluate_all("els => [...new Set(els.map(e => e.name))]")
        for name in names:
            options = step.locator(f"input[name='{name}']")
            if not options.evaluate_all("els => els.some(e => e.checked)"):
                options.nth(lonely.get(name, 1)).check()
        if number < total:
            page.get_by_role("button", name="다음").click()
    with page.expect_navigation():
        page.get_by_role("button", name="결과 보기").click()
    page.wait_for_url("**/healthcheck/results/**")
    checked_axe(page)


def test_soonja_signs_up_takes_the_test_and_books_a_trial_by_transfer(phone, live_server, demo_data):
    page, base = phone, live_server.url
    user = sign_up(page, base)
    take_the_quick_test(page, base)

    # What it means comes first, in words; then what to do next.
    assert "외로움" in page.locator(".results-lead").inner_text()
    cards = page.locator(".recommendation")
    assert cards.count() > 0
    titles = cards.locator(".service-card-title").all_inner_texts()
    # Nothing meant for parents, mothers or the young is recommended to a 76-year-old living alone.
    fits = {"", Audience.ANYONE, Audience.SENIORS, Audience.SINGLE_HOUSEHOLD}
    for title in titles:
        audiences = set(Service.objects.filter(title=title).values_list("audience", flat=True))
        audiences |= set(HealthGroup.objects.filter(title=title).values_list("audience", flat=True))
        assert audiences and audiences <= fits, (title, audiences)
    # Every reason names its needs, each with its own explanation.
    for i in range(cards.count()):
        named = cards.nth(i).locator(".why-list li:has(strong)")
        assert named.count() >= 1
        for text in named.all_inner_texts():
            need, _, why = text.partition(":")
            assert need.strip() and len(why.strip()) > 5, text
    opened = cards.first.get_by_role("link", name="자세히 보기")
    with page.expect_navigation():
        opened.click()
    assert re.search(r"/(services|groups)/", page.url)
    checked_axe(page)

    # Then she looks for a foot massage trial herself: search, and the 체험 filter.
    page.goto(base + "/services/")
    page.get_by_label("검색어").fill("발 마사지")
    page.get_by_role("button", name="찾기").click()
    page.wait_for_url(re.compile(r".*q=.*"))
    page.get_by_text("조건 고르기").click()
    page.get_by_label("체험 상품만").check()
    page.locator("[data-results-button]").click()
    heading = page.locator("#results-title")
    heading.wait_for()
    assert re.fullmatch(r"서비스 \d+개", heading.inner_text())
    assert page.get_by_role("link", name=re.compile("필터 빼기")).count() >= 1
    checked_axe(page)
    trial = Service.objects.get(slug="eutteum-foot-trial")
    page.locator(".results").get_by_role("link", name=trial.title).first.click()
    page.wait_for_url(base + trial.get_absolute_url())

    # Price, place and a time on the first screen; times grouped by day.
    assert in_screen(page.locator("#book .price-large"))
    assert "12,000원" in page.locator("#book .price-large").inner_text()
    assert in_screen(page.locator("#book .slot-choice").first)
    assert re.match(r"\d+월 \d+일 \(.\)", page.locator(".slot-day-title").first.inner_text())
    checked_axe(page)
    page.locator("#book .slot-choice:not(.is-full)").first.click()
    add = page.get_by_role("button", name="장바구니에 담기")
    add.click()
    added = page.locator(".book-added")
    added.wait_for()
    assert added.is_visible() and in_screen(added)  # the answer where her finger is
    assert page.locator("#cart-link .cart-count").inner_text() == "1"
    added.get_by_role("link", name="장바구니 보기").click()
    page.wait_for_url(base + "/cart/")
    checked_axe(page)
    assert page.get_by_label("인원").first.input_value() == "1"

    page.get_by_role("link", name="주문하기").click()
    page.wait_for_url(base + "/checkout/")
    checked_axe(page)
    assert page.get_by_label("휴대전화").input_value().replace("-", "").replace(" ", "") == "01024681357"
    page.get_by_label("계좌이체 (48시간 안에 입금)").check()
    page.get_by_role("button", name="주문하기").click()
    page.wait_for_url("**/orders/MJB-*/")
    assert page.get_by_text("주문이 접수됐어요").is_visible()
    assert page.get_by_text("입금을 기다리고 있어요").is_visible()
    checked_axe(page)
    page.get_by_role("button", name="계좌번호 복사").click()
    page.wait_for_function("() => document.querySelector('.copy-status').textContent.includes('복사했어요')")
    assert page.evaluate("navigator.clipboard.readText()") == "351-1234-5678-93"
    # Before the money is seen, there is nothing to put in the calendar yet.
    assert page.get_by_role("link", name="휴대폰 달력에 넣기").count() == 0

    # She sends 12,000원 from her bank; the cooperative confirms it.
    order = Order.objects.get(user=user)
    payment_confirm(order=order, by=User.objects.get(email="staff@majubom.kr"), amount=order.total)
    page.reload()
    assert page.get_by_text("예약이 확정됐어요").first.is_visible()
    assert page.get_by_text("입금을 기다리고 있어요").count() == 0
    checked_axe(page)
    calendar = page.get_by_role("link", name="휴대폰 달력에 넣기")
    assert calendar.count() == 1
    response = page.request.get(base + calendar.get_attribute("href"))
    assert response.ok and response.headers["content-type"].startswith("text/calendar")
    assert trial.title in response.text() and "BEGIN:VEVENT" in response.text()
