import pytest

from demo.accounts import DEMO_PASSWORD

from .conftest import serious_violations

pytestmark = pytest.mark.browser


def test_home_in_korean_then_english_and_back(page, live_server):
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.get_by_role("heading", level=1).inner_text().startswith("우리 동네 건강")

    page.get_by_label("언어 / Language").select_option("en")
    page.get_by_role("button", name="바꾸기").click()
    page.wait_for_url(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Find health close to home" in page.get_by_role("heading", level=1).inner_text()

    page.get_by_label("언어 / Language").select_option("ko")
    page.get_by_role("button", name="Change").click()
    page.wait_for_url(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "ko"


def test_log_in_with_a_demo_account(page, live_server, demo_data):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="로그인").click()
    page.get_by_label("이메일").fill("resident@majubom.kr")
    page.get_by_label("비밀번호").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="로그인").click()
    page.wait_for_url(live_server.url + "/")
    assert page.get_by_role("button", name="로그아웃").is_visible()


def test_wrong_password_shows_a_korean_error(page, live_server, demo_data):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("이메일").fill("resident@majubom.kr")
    page.get_by_label("비밀번호").fill("not-the-password")
    page.get_by_role("button", name="로그인").click()
    assert page.get_by_role("alert").inner_text().strip() != ""
    assert "올바르지 않습니다" in page.content()


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/accounts/signup/"])
def test_no_serious_accessibility_violations(page, live_server, path):
    page.goto(live_server.url + path)
    assert serious_violations(page) == []


def test_skip_link_moves_focus_to_the_main_content(page, live_server):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="본문으로 바로가기")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
