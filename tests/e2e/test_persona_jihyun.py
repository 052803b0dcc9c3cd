"""박지현, 34, raises a toddler in 서구 and looks things up on her phone between naps. Logged out, she narrows
the services to 마음건강, keeps a class for tired parents with 찜, takes the quick test telling it that she
is raising a child, and opens what it recommends; when she logs in later, what she kept is in her account.
Each step asserts what she would notice, on a 390×844 screen, and axe-core finds nothing serious."""

import re

import pytest

from catalog.models import Service
from groups.models import HealthGroup
from healthcheck.forms import TOPICS
from majubom.choices import Audience
from tests.factories import TEST_PASSWORD, UserFactory

from .conftest import serious_violations

pytestmark = pytest.mark.browser

SCREEN = 844


def in_screen(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= SCREEN


def checked_axe(page) -> None:
    assert serious_violations(page) == [], page.url


def test_jihyun_filters_keeps_a_class_and_gets_what_fits_a_parent(page, live_server, demo_data):
    base = live_server.url

    # 마음건강 only: the count and the chosen filter sit on top of the results, in view.
    page.goto(base + "/services/")
    page.get_by_text("조건 고르기").click()
    with page.expect_response(lambda r: "domain=mental" in r.url):
        page.get_by_label("건강 영역").select_option("mental")
    page.locator("[data-results-button]").click()
    heading = page.locator("#results-title")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'results-title'")
    mental = Service.objects.published().filter(domain="mental").count()
    assert heading.inner_text() == f"서비스 {mental}개"
    chip = page.get_by_role("link", name="마음건강 필터 빼기")
    assert chip.is_visible()
    checked_axe(page)

    # A class for tired parents: she keeps it for later, and the answer is at the button.
    parents = Service.objects.get(slug="maeumsup-parent-care")
    page.get_by_label("검색어").fill("부모")
    page.get_by_role("button", name="찾기").click()
    page.wait_for_url(re.compile(r".*q=.*"))
    assert page.get_by_role("link", name="마음건강 필터 빼기").is_visible()  # the filter stays
    page.locator(".results").get_by_role("link", name=parents.title).first.click()
    page.wait_for_url(base + parents.get_absolute_url())
    checked_axe(page)
    save = page.get_by_role("button", name="찜하기")
    save.scroll_into_view_if_needed()
    save.click()
    saved = page.get_by_role("button", name="찜했어요")
    saved.wait_for()
    assert saved.get_attribute("aria-pressed") == "true" and in_screen(saved)

    # The quick test, telling it she is 34 and raising a child; a little tired and stressed.
    page.goto(base + "/healthcheck/quick/")
    total = len(TOPICS["quick"])
    page.get_by_label("19~39세").check()
    page.get_by_label("아이를 키우고 있어요").check()
    step = page.locator("[data-step]:not([hidden])")
    for number in range(1, total + 1):
        assert step.locator(".step-count").inner_text() == f"{number} / {total}"
        names = step.locator("input[type=radio]").evaluate_all("els => [...new Set(els.map(e => e.name))]")
        for name in names:
            options = step.locator(f"input[name='{name}']")
            if not options.evaluate_all("els => els.some(e => e.checked)"):
                options.nth(min(options.count() - 1, 3 if name.startswith("who5") else 1)).check()
        checked_axe(page)
        if number < total:
            page.get_by_role("button", name="다음").click()
    # 이전 from the last step and back again keeps what she chose.
    page.get_by_role("button", name="이전").click()
    assert step.locator(".step-count").inner_text() == f"{total - 1} / {total}"
    page.get_by_role("button", name="다음").click()
    with page.expect_navigation():
        page.get_by_role("button", name="결과 보기").click()
    page.wait_for_url("**/healthcheck/results/**")
    checked_axe(page)

    cards = page.locator(".recommendation")
    assert cards.count() > 0
    fits = {"", Audience.ANYONE, Audience.PARENTS, Audience.YOUTH}
    for title in cards.locator(".service-card-title").all_inner_texts():
        audiences = set(Service.objects.filter(title=title).values_list("audience", flat=True))
        audiences |= set(HealthGroup.objects.filter(title=title).values_list("audience", flat=True))
        assert audiences and audiences <= fits, (title, audiences)  # never 어르신-only or 산모-only
    with page.expect_navigation():
        cards.first.get_by_role("link", name="자세히 보기").click()
    assert re.search(r"/(services|groups)/", page.url)

    # Later she logs in: what she kept on this phone is now in her account.
    UserFactory(email="jihyun.park@example.kr", name="박지현", district="seo")
    page.goto(base + "/accounts/login/?next=/my/saved/")
    page.get_by_label("이메일").fill("jihyun.park@example.kr")
    page.get_by_label("비밀번호").fill(TEST_PASSWORD)
    page.get_by_role("button", name="로그인").click()
    page.wait_for_url(base + "/my/saved/")
    assert "박지현님" in page.locator("#messages").inner_text()
    assert page.locator(".saved-card").filter(has_text=parents.title).count() == 1
    assert page.get_by_text("로그인하지 않으면 이 기기에서만 볼 수 있어요").count() == 0
    checked_axe(page)
