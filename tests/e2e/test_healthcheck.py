"""The quick test on a phone, with the keyboard only, step by step; axe on every step and the results;
the page without JavaScript lists and links what was left unanswered."""

import pytest

from healthcheck.forms import TOPICS
from healthcheck.questionnaires import all_items

from .conftest import serious_violations

pytestmark = pytest.mark.browser

# Option index (0 = first shown) per question: 65+, living alone, low well-being, lonely, calm otherwise.
CHOICES = {
    "about-1": 3,  # 65세 이상
    **{f"who5-{n}": 4 for n in range(1, 6)},  # "가끔"
    "phq9-1": 0,
    "phq9-2": 0,
    "gad7-1": 0,
    "gad7-2": 0,
    "ucla3-1": 2,
    "ucla3-2": 2,
    "ucla3-3": 2,
    "activity-1": 1,
    "activity-2": 3,
    "pref-district": 3,
    "pref-delivery": 0,
}
TICKED = {"about-2": {2}}  # "혼자 살아요" (the checkboxes are ticked with Space, one Tab stop each)


def focused(page, what: str):
    return page.evaluate(f"document.activeElement && document.activeElement.{what} || ''")


def test_quick_test_with_the_keyboard_only(page, live_server, demo_data):
    page.goto(live_server.url + "/healthcheck/quick/")
    assert serious_violations(page) == []
    for _ in range(40):
        page.keyboard.press("Tab")
        if focused(page, "name") == "about-1":
            break
    items = all_items()
    topics = TOPICS["quick"]
    for number, topic in enumerate(topics, start=1):
        step = page.locator(f"#step-{topic.slug}")
        assert step.is_visible() and page.locator("[data-step]:not([hidden])").count() == 1
        assert step.locator(".step-count").inner_text() == f"{number} / {len(topics)}"
        if number > 1:
            # The new step's heading has the focus; the next Tab reaches its first question.
            assert focused(page, "id") == f"step-title-{topic.slug}"
            assert serious_violations(page) == []
            page.keyboard.press("Tab")
        for link_id in topic.link_ids:
            item = items[link_id]
            if item.repeats:
                for index in range(len(item.options)):
                    assert focused(page, "name") == link_id
                    if index in TICKED.get(link_id, ()):
                        page.keyboard.press("Space")
                    page.keyboard.press("Tab")
                continue
            assert focused(page, "name") == link_id
            page.keyboard.press("Space")
            for _ in range(CHOICES[link_id]):
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Tab")
        if number < len(topics):
            # After a step's last question the focus is on 다음.
            assert focused(page, "textContent").strip() == "다음"
            page.keyboard.press("Enter")
    # After the last question the focus is on the submit button.
    assert focused(page, "type") == "submit"
    assert focused(page, "textContent").strip() == "결과 보기"
    page.keyboard.press("Enter")
    page.wait_for_url("**/healthcheck/results/**")
    assert page.get_by_role("heading", level=1).inner_text() == "건강 테스트 결과"
    assert page.get_by_role("heading", name="추천하는 우리 동네 서비스").is_visible()
    assert page.locator(".recommendation").count() > 0
    assert "추천 이유" in page.locator(".recommendation .why").first.inner_text()
    assert serious_violations(page) == []


def test_missing_answers_are_listed_and_linked_without_javascript(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/healthcheck/quick/")
    # Without the script every topic is on the one page, and 결과 보기 posts the form.
    assert page.locator("[data-step]").count() == len(TOPICS["quick"])
    assert page.locator("#step-how").is_visible() and not page.get_by_role("button", name="다음").is_visible()
    page.get_by_role("button", name="결과 보기").click()
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    for link_id in ("about-1", "who5-1"):
        assert all_items()[link_id].label in summary.inner_text()
    assert "해당하는 것이 있으면" not in summary.inner_text()  # the situations may be skipped
    context.close()  # (axe needs JavaScript: the same error page is checked with it in the next test)


def test_errors_from_the_server_open_the_first_step_that_has_one(page, live_server):
    page.goto(live_server.url + "/healthcheck/quick/")
    page.get_by_label("40~64세").check()
    page.get_by_role("button", name="다음").click()
    page.locator("#step-mood input[type=radio]").first.check()  # only who5-1 of five
    # Posted as it is (the way a browser without the script would): the server lists what is missing.
    with page.expect_navigation():
        page.evaluate("document.querySelector('form[data-steps]').submit()")
    assert page.locator("#error-summary").is_visible()
    assert page.locator("#step-mood").is_visible() and page.locator("[data-step]:not([hidden])").count() == 1
    assert page.locator("#step-mood .step-count").inner_text() == f"2 / {len(TOPICS['quick'])}"
    assert page.locator("#q-who5-2 .errorlist").is_visible()
    assert page.get_by_label("40~64세").is_checked()  # the answers came back with the page
    # A link in the list to a question on a later step opens that step.
    page.locator("#error-summary a[href='#q-ucla3-1']").click()
    assert page.locator("#step-people").is_visible() and not page.locator("#step-mood").is_visible()
    assert focused(page, "name") == "ucla3-1"
    assert serious_violations(page) == []
