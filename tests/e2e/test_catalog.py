"""A resident on a phone: filter by domain and district, search 상담, open a service; axe on main pages."""

import pytest

from catalog.models import Provider, Service

from .conftest import serious_violations

pytestmark = pytest.mark.browser


def test_filter_search_and_open_a_service(page, live_server, demo_data):
    page.goto(live_server.url + "/services/")
    total = page.locator(".service-card").count()
    assert total > 0

    page.get_by_text("조건 고르기").click()
    with page.expect_response(
        lambda r: "/services/?" in r.url and r.request.headers.get("hx-request") == "true"
    ):
        page.get_by_label("건강 영역").select_option("mental")
    page.wait_for_function("() => location.search.includes('domain=mental')")  # the URL follows the filters
    with page.expect_response(lambda r: "district=seo" in r.url):
        page.get_by_label("지역").select_option("seo")
    expected = Service.objects.published().filter(domain="mental", provider__district="seo").count()
    assert page.locator(".service-card").count() == min(expected, 12)
    for meta in page.locator(".service-card-meta").all_inner_texts():
        assert "마음건강" in meta and "서구" in meta

    page.goto(live_server.url + "/services/")
    page.get_by_label("검색어").fill("상담")
    page.get_by_role("button", name="찾기").click()
    page.wait_for_function("() => location.search.includes('q=')")
    titles = page.locator(".service-card-title").all_inner_texts()
    assert titles, "상담 should find services"

    page.locator(".service-card-title a").first.click()
    page.wait_for_url("**/services/*/")
    assert page.get_by_role("heading", level=1).inner_text() == titles[0]
    assert page.get_by_text("원").first.is_visible()
    assert page.get_by_role("link", name="카카오맵에서 보기").is_visible()


def test_back_button_restores_the_filtered_list(page, live_server, demo_data):
    page.goto(live_server.url + "/services/?domain=social")
    first = page.locator(".service-card-title a").first
    name = first.inner_text()
    first.click()
    page.wait_for_url("**/services/*/")
    page.go_back()
    page.wait_for_url("**/services/?domain=social")
    assert page.locator(".service-card-title a").first.inner_text() == name


def test_filters_work_without_javascript(browser, live_server, demo_data):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + "/services/")
    page.get_by_text("조건 고르기").click()
    page.get_by_label("건강 영역").select_option("education")
    page.get_by_role("button", name="이 조건으로 보기").click()
    assert "domain=education" in page.url
    for meta in page.locator(".service-card-meta").all_inner_texts():
        assert meta.startswith("교육")
    context.close()


def test_no_serious_accessibility_violations_on_catalog_pages(page, live_server, demo_data):
    service = Service.objects.published().select_related("provider").first()
    provider = Provider.objects.filter(is_published=True).first()
    for path in [
        "/",
        "/services/",
        f"/services/{service.slug}/",
        f"/providers/{provider.slug}/",
        "/providers/",
    ]:
        page.goto(live_server.url + path)
        assert serious_violations(page) == [], path
