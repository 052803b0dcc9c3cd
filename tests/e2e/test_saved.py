"""찜 on a phone, logged out: keep a service from its page, find it on 찜한 것, let it go again."""

import pytest
from playwright.sync_api import expect

from catalog.models import Service
from groups.models import HealthGroup

from .conftest import serious_violations

pytestmark = pytest.mark.browser


def first_service() -> Service:
    return Service.objects.published().order_by("pk").first()


def test_save_a_service_logged_out_and_find_it_on_the_saved_page(page, live_server, demo_data):
    page.goto(live_server.url + "/my/saved/")
    expect(page.get_by_text("아직 찜한 것이 없어요.")).to_be_visible()
    assert serious_violations(page) == []

    service = first_service()
    page.goto(live_server.url + service.get_absolute_url())
    button = page.get_by_role("button", name="찜하기")
    expect(button).to_have_attribute("aria-pressed", "false")
    box = button.bounding_box()
    assert box["height"] >= 48 and box["width"] >= 48  # a big target for a thumb
    size = button.evaluate("b => parseFloat(getComputedStyle(b).fontSize)")
    assert size >= 16

    with page.expect_response(lambda r: "/my/saved/service/" in r.url and r.request.method == "POST"):
        button.click()
    saved_button = page.get_by_role("button", name="찜했어요")
    expect(saved_button).to_have_attribute("aria-pressed", "true")
    expect(saved_button).to_be_in_viewport()
    expect(saved_button).to_be_focused()  # the swap keeps the keyboard where it was
    expect(page.get_by_role("status").filter(has_text="찜한 것에 담았어요")).to_be_in_viewport()
    assert page.url == live_server.url + service.get_absolute_url()  # only the button changed

    page.get_by_role("link", name="찜한 것 보기").click()
    page.wait_for_url("**/my/saved/")
    card = page.locator(".saved-card").filter(has_text=service.title)
    expect(card).to_have_count(1)
    expect(
        card.get_by_role("link", name="신청하기").or_(card.get_by_role("link", name="보러 가기"))
    ).to_be_visible()
    assert serious_violations(page) == []

    # Let it go from the list: the button turns back at once, and the page no longer lists it.
    card.get_by_role("button", name="찜했어요").click()
    expect(card.get_by_role("button", name="찜하기")).to_have_attribute("aria-pressed", "false")
    page.reload()
    expect(page.get_by_text("아직 찜한 것이 없어요.")).to_be_visible()


def test_save_a_group_without_javascript(browser, live_server, demo_data):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    group = (
        HealthGroup.objects.filter(status="recruiting", provider__is_published=True).order_by("pk").first()
    )
    page.goto(live_server.url + group.get_absolute_url())
    page.get_by_role("button", name="찜하기").click()
    page.wait_for_url("**" + group.get_absolute_url())
    expect(page.get_by_role("button", name="찜했어요")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_text("찜한 것에 담았어요.")).to_be_visible()
    page.get_by_role("banner").get_by_role("link", name="찜한 것", exact=True).click()  # in the header
    expect(page.locator(".saved-card").filter(has_text=group.title)).to_have_count(1)
    context.close()
