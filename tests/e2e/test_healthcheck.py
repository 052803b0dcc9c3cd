"""The quick test on a phone, with the keyboard only; axe on the form and the results."""

import pytest

from healthcheck.forms import TESTS
from healthcheck.questionnaires import all_items

from .conftest import serious_violations

pytestmark = pytest.mark.browser

# Option index (0 = first shown) per question: low well-being, lonely, calm otherwise.
CHOICES = {
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


def focused_name(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.name || ''")


def test_quick_test_with_the_keyboard_only(page, live_server, demo_data):
    page.goto(live_server.url + "/healthcheck/quick/")
    assert serious_violations(page) == []
    for _ in range(40):
        page.keyboard.press("Tab")
        if focused_name(page) == "who5-1":
            break
    for link_id in TESTS["quick"]:
        assert focused_name(page) == link_id
        page.keyboard.press("Space")
        for _ in range(CHOICES[link_id]):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Tab")
    # After the last question the focus is on the submit button.
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    page.wait_for_url("**/healthcheck/results/**")
    assert page.get_by_role("heading", level=1).inner_text() == "건강 테스트 결과"
    assert page.get_by_role("heading", name="추천하는 우리 동네 서비스").is_visible()
    assert page.locator(".recommendation").count() > 0
    assert "추천 이유" in page.locator(".recommendation .why").first.inner_text()
    assert serious_violations(page) == []


def test_missing_answers_are_listed_and_linked(page, live_server):
    page.goto(live_server.url + "/healthcheck/quick/")
    page.get_by_role("button", name="결과 보기").click()
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    first_question = all_items()["who5-1"].label
    assert first_question in summary.inner_text()
    assert serious_violations(page) == []
