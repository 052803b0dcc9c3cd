"""입점 신청 on a phone and in the admin: an enterprise applies, the cooperative approves, the invitation
arrives, the owner sets a password and finds the checklist, makes a first experience product and sends it
for review; the cooperative publishes it. axe-core finds nothing serious on the public form."""

import re

import pytest
from django.core import mail

from catalog.models import PartnerApplication, Provider, Service

from .conftest import serious_violations
from .test_checkout import log_in

pytestmark = pytest.mark.browser


def test_an_enterprise_joins_and_sends_its_first_service_for_review(page, browser, live_server, demo_data):
    base = live_server.url
    page.goto(base + "/providers/")
    page.get_by_role("link", name=re.compile("입점 신청")).first.click()
    page.wait_for_url("**/partners/join/")
    assert serious_violations(page) == []
    page.get_by_label("기업 이름").fill("갑천마을 건강밥상 협동조합")
    page.get_by_label("기업 유형").select_option("cooperative")
    page.get_by_label("사업자등록번호").fill("116-82-00276")
    page.locator("#id_district").select_option("seo")
    page.locator("#id_address").fill("대전광역시 서구 갈마로 50")
    page.get_by_label("담당자 이름").fill("윤밥상")
    page.get_by_label("담당자 휴대전화").fill("010-4321-8765")
    page.get_by_label("담당자 이메일").fill("bapsang@example.kr")
    page.get_by_label("사회적 관계").check()
    page.get_by_label("마주봄에서 하고 싶은 일").fill("혼자 사는 어르신과 함께 밥 짓고 먹는 모임")
    page.get_by_label(re.compile("개인정보 수집·이용에 동의")).check()
    page.get_by_role("button", name="입점 신청하기").click()
    page.wait_for_url("**/partners/join/thanks/")
    application = PartnerApplication.objects.get(business_number="116-82-00276")

    staff = browser.new_context(viewport={"width": 1280, "height": 900})
    desk = staff.new_page()
    log_in(desk, base, "staff@majubom.kr")
    desk.wait_for_url(base + "/")
    desk.goto(f"{base}/admin/catalog/partnerapplication/")
    desk.locator(f'input[name="_selected_action"][value="{application.pk}"]').check()
    desk.locator('select[name="action"]').select_option("approve")
    desk.get_by_role("button", name=re.compile("실행|Go")).click()
    desk.get_by_text(re.compile("승인하고 담당자에게 초대를 보냈어요")).wait_for()

    (invite,) = [m for m in mail.outbox if m.to == ["bapsang@example.kr"]]
    link = re.search(r"http\S+/accounts/password/reset/key/\S+", invite.body).group(0)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    owner = browser.new_context(viewport={"width": 390, "height": 844})
    phone = owner.new_page()
    phone.goto(base + path)
    phone.locator('input[name="password1"]').fill("gapcheon-bapsang-27!")
    phone.locator('input[name="password2"]').fill("gapcheon-bapsang-27!")
    phone.locator('main form button[type="submit"]').first.click()
    phone.wait_for_url("**/password/reset/key/done/**")
    phone.goto(base + "/accounts/login/")
    phone.get_by_label("이메일").fill("bapsang@example.kr")
    phone.get_by_label("비밀번호").fill("gapcheon-bapsang-27!")
    phone.get_by_role("button", name="로그인").click()
    phone.wait_for_url(base + "/")
    phone.goto(base + "/admin/")
    assert "갑천마을 건강밥상 협동조합 시작하기" in phone.content() and "0/5" in phone.content()

    provider = Provider.objects.get(business_number="116-82-00276")
    assert not provider.is_published
    Service.objects.create(
        provider=provider,
        title="함께 짓는 집밥 첫 체험",
        slug="bapsang-first",
        summary="처음 한 번은 5,000원",
        domain="social",
        delivery="venue",
        price=5000,
        is_experience=True,
        stock=20,
        status="pending_review",
    )
    phone.goto(base + "/admin/")
    assert "3/5" in phone.content() or "4/5" in phone.content()
    owner.close()

    # The cooperative publishes the enterprise and its first service: the market's supply moves.
    def published_providers() -> int:
        desk.goto(f"{base}/staff/market/")
        card = desk.locator(".mk-kpi-label", has_text="공개된 기업").locator("xpath=..")
        return int(re.sub(r"\D", "", card.locator("strong").inner_text()))

    before = published_providers()
    assert serious_violations(desk) == []
    from catalog import services as catalog_services
    from majubom.models import User

    staff_user = User.objects.get(email="staff@majubom.kr")
    catalog_services.provider_set_published(provider=provider, by=staff_user, published=True)
    catalog_services.service_publish(service=Service.objects.get(slug="bapsang-first"), by=staff_user)
    assert published_providers() == before + 1
    desk.screenshot(path="/tmp/market-1280.png", full_page=True)
    staff.close()
