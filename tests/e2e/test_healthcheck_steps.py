"""The health test one topic at a time on a 390×844 phone: "1 / N" moves on, 이전 keeps the answer,
다음 without an answer says so at the question; the results lead with what it means and what to do, the
scores wait in a closed 자세히 보기. After a reported thought of self-harm: 112 and 119 each their own
call link, and professional counselling first. axe finds nothing serious or critical on any page."""

import pytest

from catalog.models import Service
from healthcheck.forms import TOPICS
from healthcheck.selectors import COUNSELLING_NEED

from .conftest import serious_violations

pytestmark = pytest.mark.browser

SCREEN = 844


def current(page):
    return page.locator("[data-step]:not([hidden])")


def step_count(page) -> str:
    return current(page).locator(".step-count").inner_text()


def answer_step(page, choices: dict, default: int = 0):
    """Pick an option for every radio question of the shown step (by option index, first by default)."""
    step = current(page)
    names = step.locator("input[type=radio]").evaluate_all("els => [...new Set(els.map(e => e.name))]")
    for name in names:
        options = step.locator(f"input[name='{name}']")
        if not options.evaluate_all("els => els.some(e => e.checked)") or name in choices:
            options.nth(choices.get(name, default)).check()


def take_the_rest(page, choices: dict, default: int = 0) -> list[str]:
    """Answer step after step (axe on each) and press 결과 보기 on the last; the step counts seen."""
    seen = []
    for _ in range(12):
        seen.append(step_count(page))
        assert serious_violations(page) == []
        answer_step(page, choices, default)
        if page.get_by_role("button", name="결과 보기").is_visible():
            assert not page.get_by_role("button", name="다음").is_visible()
            with page.expect_navigation():
                page.get_by_role("button", name="결과 보기").click()
            return seen
        page.get_by_role("button", name="다음").click()
    raise AssertionError(f"no last step after {seen}")


def top_on_page(locator) -> float:
    return locator.evaluate("el => el.getBoundingClientRect().top + window.scrollY")


def test_the_quick_test_step_by_step_then_the_results(page, live_server, demo_data):
    total = len(TOPICS["quick"])
    page.goto(live_server.url + "/healthcheck/quick/")
    assert current(page).count() == 1 and step_count(page) == f"1 / {total}"
    bar = current(page).locator("progress")
    assert (bar.get_attribute("value"), bar.get_attribute("max")) == ("1", str(total))
    assert serious_violations(page) == []

    # 다음 without an answer: the Korean message at the question, and still step 1.
    page.get_by_role("button", name="다음").click()
    message = page.locator("#q-about-1 .errorlist")
    assert message.is_visible() and message.inner_text() == "‘나이가 어떻게 되세요?’ 질문에 답해 주세요."
    assert page.locator("#q-about-1").get_attribute("aria-describedby") == message.get_attribute("id")
    assert step_count(page) == f"1 / {total}"
    assert page.evaluate("document.activeElement.name") == "about-1"
    assert serious_violations(page) == []

    page.get_by_label("65세 이상").check()
    assert page.locator("#q-about-1 .errorlist").count() == 0  # answering clears it
    page.get_by_label("혼자 살아요").check()
    page.get_by_role("button", name="다음").click()
    assert step_count(page) == f"2 / {total}"
    assert page.evaluate("document.activeElement.id") == "step-title-mood"  # focus on the new heading
    heading = current(page).locator("h2")
    assert "요즘 기분" in heading.inner_text() and f"{total}단계 중 2단계" in heading.inner_text()
    assert 0 <= current(page).bounding_box()["y"] < SCREEN / 3  # scrolled to the top of the step

    # 이전 keeps the answers.
    page.get_by_role("button", name="이전").click()
    assert step_count(page) == f"1 / {total}"
    assert page.get_by_label("65세 이상").is_checked() and page.get_by_label("혼자 살아요").is_checked()
    assert not page.get_by_role("button", name="이전").is_visible()  # nothing before the first step
    page.get_by_role("button", name="다음").click()

    # Low well-being, lonely, little exercise.
    lonely = {**{f"who5-{n}": 4 for n in range(1, 6)}, **{f"ucla3-{n}": 2 for n in range(1, 4)}}
    seen = take_the_rest(page, {**lonely, "activity-1": 1, "activity-2": 1})
    assert seen == [f"{n} / {total}" for n in range(2, total + 1)]

    page.wait_for_url("**/healthcheck/results/**")
    assert serious_violations(page) == []
    lead = page.locator(".results-lead")
    assert lead.inner_text().startswith("요즘 ") and "외로움" in lead.inner_text()
    first = page.locator(".recommendation").first
    assert top_on_page(first) < 2 * SCREEN  # what to do next, within the first two screens
    why = first.locator(".why-list li")
    assert why.count() >= 1 and all(":" in why.nth(i).inner_text() for i in range(why.count()))
    # The scores wait in a closed 자세히 보기.
    details = page.locator("#result-details")
    assert details.get_attribute("open") is None
    assert not page.locator(".result-table").is_visible()
    assert top_on_page(details) > top_on_page(first)
    details.locator("summary").click()
    assert page.locator(".result-table").is_visible() and "척도별 점수" in details.inner_text()
    assert serious_violations(page) == []

    # Open a recommendation: its link goes through /healthcheck/go/ to the service.
    link = first.get_by_role("link", name="자세히 보기")
    assert "/healthcheck/go/service/" in link.get_attribute("href")
    with page.expect_navigation():
        link.click()
    assert "/services/" in page.url
    assert serious_violations(page) == []


def test_a_reported_thought_of_self_harm_shows_crisis_lines_and_counselling_first(
    page, live_server, demo_data
):
    page.goto(live_server.url + "/healthcheck/detailed/")
    page.get_by_label("65세 이상").check()
    page.get_by_role("button", name="다음").click()
    seen = take_the_rest(page, {"phq9-9": 1})  # "며칠 동안": thoughts of death or self-harm
    assert seen == [f"{n} / 9" for n in range(2, 10)]  # for 65+ the 몸의 힘 questions make 9 steps

    page.wait_for_url("**/healthcheck/results/**")
    assert serious_violations(page) == []
    crisis = page.locator("section.crisis")
    assert crisis.is_visible()
    for number in ("112", "119", "109", "15770199"):
        call = crisis.locator(f"a[href='tel:{number}']")
        assert call.count() == 1 and call.is_visible()
    assert (
        crisis.locator("a[href='tel:112']").inner_text() != crisis.locator("a[href='tel:119']").inner_text()
    )
    first = page.locator(".recommendation").first
    assert top_on_page(first) < top_on_page(crisis) + crisis.bounding_box()["height"] + 2 * SCREEN
    assert "전문 상담을 먼저 권해요" in first.locator(".why").inner_text()
    title = first.locator(".service-card-title").inner_text()
    service = Service.objects.get(title=title)
    assert service.domain == "mental" and service.needs.filter(slug=COUNSELLING_NEED).exists()


def test_younger_residents_skip_the_65_plus_step(page, live_server):
    page.goto(live_server.url + "/healthcheck/detailed/")
    assert step_count(page) == "1 / 8"  # the 65+ step counts once the age says so
    page.get_by_label("65세 이상").check()
    assert step_count(page) == "1 / 9"
    page.get_by_label("40~64세").check()
    assert step_count(page) == "1 / 8"
    page.get_by_role("button", name="다음").click()
    answer_step(page, {})
    page.get_by_role("button", name="다음").click()
    assert step_count(page) == "3 / 8" and "사람들과의 관계" in current(page).locator("h2").inner_text()
    assert not page.locator("#step-strength").is_visible()
