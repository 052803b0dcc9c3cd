"""건강상점 on a phone: a guest registers and opens the ticket, staff check it in at the desk by the typed
code, the booth stamps it, and the ticket shows the stamp. axe-core finds nothing serious on the public
fair pages (the fair, the form, the ticket) nor on the desk and the booth page."""

import re

import pytest

from events import services
from events.models import Booth, Fair, Registration
from majubom.models import User

from .conftest import serious_violations
from .test_checkout import log_in

pytestmark = pytest.mark.browser


def test_a_guest_registers_is_checked_in_and_stamped(page, browser, live_server, demo_data):
    base = live_server.url
    fair = Fair.objects.get(slug="majubom-5")
    staff = User.objects.get(email="staff@majubom.kr")
    services.fair_set_capacity(fair=fair, capacity=fair.visitor_capacity + 40, by=staff)  # places again

    page.goto(base + "/fair/")
    page.wait_for_url(f"**{fair.get_absolute_url()}")
    assert serious_violations(page) == []
    page.get_by_role(
        "link", name="사전 등록하기"
    ).first.click()  # on a phone: the jump to the card, near the top
    page.locator("#register").get_by_role("link", name="사전 등록하기").click()
    page.wait_for_url("**/register/")
    assert serious_violations(page) == []
    page.get_by_label("이름").fill("정말순")
    page.get_by_label("휴대전화 번호").fill("010 7777 1234")
    page.get_by_label("함께 오는 사람 수").select_option("2")
    page.get_by_label("개인정보 수집·이용에 동의해요").check()
    page.get_by_role("button", name="등록하고 티켓 받기").click()
    page.wait_for_url("**/tickets/**")
    registration = Registration.objects.get(fair=fair, phone="010-7777-1234")
    ticket_url = page.url
    assert registration.code in page.content() and page.locator(".qr svg").is_visible()
    assert serious_violations(page) == []

    desk = browser.new_context(viewport={"width": 390, "height": 844})
    desk_page = desk.new_page()
    log_in(desk_page, base, "staff@majubom.kr")
    desk_page.wait_for_url(base + "/")
    desk_page.goto(f"{base}/fairs/{fair.slug}/desk/")
    desk_page.get_by_label("입장 코드 6자리").fill(registration.code.lower())
    desk_page.get_by_role("button", name="입장 확인", exact=True).click()
    desk_page.get_by_text(re.compile("입장 확인 · 2명")).wait_for()
    assert serious_violations(desk_page) == []
    desk.close()

    booth = Booth.objects.get(fair=fair, provider__members__user__email="owner1@majubom.kr")
    stand = browser.new_context(viewport={"width": 390, "height": 844})
    stand_page = stand.new_page()
    log_in(stand_page, base, "owner1@majubom.kr")
    stand_page.wait_for_url(base + "/")
    stand_page.goto(f"{base}/fairs/{fair.slug}/booths/{booth.pk}/")
    stand_page.get_by_label("방문객 입장 코드 6자리").fill(registration.code)
    stand_page.get_by_role("button", name="스탬프 찍기").click()
    stand_page.get_by_text(re.compile("스탬프 찍었어요")).wait_for()
    assert serious_violations(stand_page) == []
    stand.close()

    page.goto(ticket_url)
    stamps = page.locator("#stamps")
    assert "1/5" in stamps.inner_text() and booth.name in stamps.inner_text()
    assert "입장했어요" in page.content()
