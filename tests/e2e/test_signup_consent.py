"""회원가입 on a phone: the consent boxes are ticked by tapping their words, "모두 동의해요" works with
JavaScript and is absent without it, a missing consent is said beside its box, and axe-core finds nothing
serious on the form, the 이용약관 and the 개인정보 처리방침."""

import re

import pytest

from majubom import consents
from majubom.models import Consent, User

from .conftest import serious_violations

pytestmark = pytest.mark.browser


def fill_the_person(page, email: str) -> None:
    page.get_by_label("이메일").fill(email)
    page.get_by_label("이름").fill("김순자")
    page.get_by_label("휴대폰 번호 (선택)").fill("010 2468 1357")
    page.get_by_label("사는 곳(구)").select_option("daedeok")
    page.locator("#id_password1").fill("daejeon-spring-2026")
    page.locator("#id_password2").fill("daejeon-spring-2026")


@pytest.fixture
def phone(browser, live_server):
    """A touch phone (390×844) whose browser speaks English: the site still opens in Korean."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, locale="en-US")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_sign_up_by_tapping_the_consent_words(phone, live_server):
    page = phone
    page.goto(live_server.url + "/accounts/signup/")
    assert page.get_by_role("heading", level=1).inner_text() == "회원가입"
    assert serious_violations(page) == []

    fill_the_person(page, "soonja.kim@example.kr")
    # First without the consents: told beside each box, nothing created.
    page.get_by_role("button", name="동의하고 가입하기").click()
    page.wait_for_load_state()
    assert "이용약관에 동의해야 가입할 수 있어요" in page.locator("#id_agree_terms_error").inner_text()
    assert (
        "개인정보 수집·이용에 동의해야 가입할 수 있어요"
        in page.locator("#id_agree_privacy_error").inner_text()
    )
    assert "만 14세 이상만 직접 가입할 수 있어요" in page.locator("#id_agree_age_error").inner_text()
    assert page.get_by_role("alert").is_visible()
    assert serious_violations(page) == []  # the form with its errors, too
    assert not User.objects.exists()

    # Tapping the words ticks the boxes (big targets for older fingers).
    page.locator("#id_password1").fill("daejeon-spring-2026")
    page.locator("#id_password2").fill("daejeon-spring-2026")
    page.locator('label[for="id_agree_age"]').tap()
    page.locator('label[for="id_agree_terms"]').tap()
    page.locator('label[for="id_agree_privacy"]').tap()
    assert page.get_by_label("이용약관에 동의해요 (필수)").is_checked()
    assert page.get_by_label("개인정보 수집·이용에 동의해요 (필수)").is_checked()
    assert not page.get_by_label("마케팅·행사 소식 받기 (선택)").is_checked()
    # The boxes are at least 44px tall to tap, with their words.
    for name in ("agree_age", "agree_terms", "agree_privacy", "agree_marketing"):
        box = page.locator(f"#id_{name}").locator("xpath=..").bounding_box()
        assert box["height"] >= 44
    page.get_by_role("button", name="동의하고 가입하기").click()
    page.wait_for_url(re.compile(r".*/(accounts/confirm-email/)?$"))

    user = User.objects.get(email="soonja.kim@example.kr")
    assert user.phone == "010-2468-1357"
    rows = {row.kind: row for row in Consent.objects.filter(user=user)}
    assert set(rows) == {"terms", "privacy"}
    assert rows["terms"].version == consents.TERMS.version


def test_agree_to_all_ticks_every_box_with_javascript(page, live_server):
    page.goto(live_server.url + "/accounts/signup/")
    every = page.get_by_label(re.compile("모두 동의해요"))
    assert every.is_visible()
    page.locator('label[for="consent-all"]').click()
    for label in (
        "만 14세 이상이에요 (필수)",
        "이용약관에 동의해요 (필수)",
        "개인정보 수집·이용에 동의해요 (필수)",
        "마케팅·행사 소식 받기 (선택)",
    ):
        assert page.get_by_label(label).is_checked()
    # Clearing one box clears "모두 동의", and the optional one can be left out.
    page.get_by_text("마케팅·행사 소식 받기 (선택)", exact=True).click()
    assert not every.is_checked()
    fill_the_person(page, "everyone@example.kr")
    page.get_by_role("button", name="동의하고 가입하기").click()
    page.wait_for_url(re.compile(r".*/(accounts/confirm-email/)?$"))
    user = User.objects.get(email="everyone@example.kr")
    assert set(Consent.objects.filter(user=user).values_list("kind", flat=True)) == {"terms", "privacy"}


def test_without_javascript_the_boxes_are_ticked_one_by_one(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/accounts/signup/")
        assert not page.locator("#consent-all").is_visible()
        fill_the_person(page, "nojs@example.kr")
        page.get_by_text("만 14세 이상이에요 (필수)", exact=True).click()
        page.get_by_text("이용약관에 동의해요 (필수)", exact=True).click()
        page.get_by_text("개인정보 수집·이용에 동의해요 (필수)", exact=True).click()
        page.get_by_text("마케팅·행사 소식 받기 (선택)", exact=True).click()
        page.get_by_role("button", name="동의하고 가입하기").click()
        page.wait_for_url(re.compile(r".*/(accounts/confirm-email/)?$"))
        user = User.objects.get(email="nojs@example.kr")
        assert set(Consent.objects.filter(user=user).values_list("kind", flat=True)) == {
            "terms",
            "privacy",
            "marketing",
        }
    finally:
        context.close()


@pytest.mark.parametrize(
    "path,title", [("/terms/", "마주봄 이용약관"), ("/privacy/", "마주봄 개인정보 처리방침")]
)
def test_the_legal_pages_read_well_on_a_phone(page, live_server, path, title):
    page.goto(live_server.url + "/")
    page.locator("footer").get_by_role("link", name=re.compile(title.split(" ", 1)[1])).click()
    page.wait_for_url(live_server.url + path)
    assert page.get_by_role("heading", level=1).inner_text() == title
    assert page.get_by_text(re.compile(rf"버전 {re.escape(consents.TERMS.version)} ·")).is_visible()
    # Nothing wider than the phone: no sideways scrolling to read the text.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert (
        page.evaluate(
            "Math.min(...[...document.querySelectorAll('main p, main li, main dd')]"
            ".map(e => parseFloat(getComputedStyle(e).fontSize)))"
        )
        >= 16
    )
    assert serious_violations(page) == []
