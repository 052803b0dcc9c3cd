"""The admin as an enterprise (owner1, scoped to its own enterprise) and the cooperative's staff use it, on a
phone (390×844) and on a laptop (1280×900): axe-core finds nothing serious or critical on any page they
work in, Korean words are never broken in the middle ("신체건 / 강"), the weekly-slots page is a real admin
form that a thumb can use, the autocomplete's search box has a name, and money reads "8,000원"."""

import datetime as dt
import re
import uuid

import pytest
from django.db.models import F
from django.utils import timezone

from catalog.models import Provider, Service, Slot
from healthcheck.models import Assessment
from majubom.models import User

from .conftest import serious_violations
from .test_checkout import log_in

pytestmark = pytest.mark.browser

OWNER = "owner1@majubom.kr"
STAFF = "staff@majubom.kr"
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 900}

# How many lines each on-screen occurrence of a word spans (1 when it is whole).
WORD_LINES = """(word) => {
  const spans = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (let i = node.data.indexOf(word); i !== -1; i = node.data.indexOf(word, i + 1)) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + word.length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      if (rects.length) spans.push(new Set(rects.map((r) => Math.round(r.top))).size);
    }
  }
  return spans;
}"""


def admin_page(browser, base, email, viewport):
    # A Korean phone's clock: Django's "you are 9 hours behind" notes would otherwise fill the slot rows.
    context = browser.new_context(viewport=viewport, locale="ko-KR", timezone_id="Asia/Seoul")
    context.set_default_timeout(10_000)
    page = context.new_page()
    log_in(page, base, email)
    page.wait_for_url(base + "/")
    return context, page


def assert_clean(page, where: str):
    assert serious_violations(page) == [], where


def assert_words_whole(page, word="신체건강"):
    assert page.evaluate("getComputedStyle(document.body).wordBreak") == "keep-all"
    spans = page.evaluate(WORD_LINES, word)
    assert spans, f"{word} is not on {page.url}"
    assert set(spans) == {1}, f"{word} is broken across lines on {page.url}: {spans}"


def place_pending_order():
    """A resident's bank-transfer order of one 8,000원 trial, waiting for the cooperative's check."""
    from tests.orders.conftest import place

    slot = (
        Slot.objects.filter(
            service__status=Service.Status.PUBLISHED,
            service__price=8000,
            starts_at__gt=timezone.now() + dt.timedelta(days=1),
            booked__lt=F("capacity"),
        )
        .select_related("service")
        .order_by("starts_at")
        .first()
    )
    return place(User.objects.get(email="resident@majubom.kr"), [(slot.service, slot, 1)])


def test_an_enterprise_works_in_the_admin_on_a_phone(browser, live_server, demo_data):
    base = live_server.url
    provider = Provider.objects.get(members__user__email=OWNER)
    service = Service.objects.filter(provider=provider, needs__isnull=False).order_by("pk").first()

    context = browser.new_context(viewport=PHONE, locale="ko-KR", timezone_id="Asia/Seoul")
    login = context.new_page()
    login.goto(base + "/admin/")
    login.wait_for_url("**/accounts/login/**")
    assert_clean(login, "login")
    context.close()

    context, page = admin_page(browser, base, OWNER, PHONE)
    page.goto(base + "/admin/")
    assert_clean(page, "index")
    assert "시작하기" in page.content()

    page.goto(base + "/admin/catalog/service/")
    assert_clean(page, "service list")
    assert_words_whole(page)
    # The action select starts with a Korean empty choice, not Django's "- Select an option -".
    assert page.locator('select[name="action"] option').first.inner_text() == "— 골라 주세요 —"

    page.goto(f"{base}/admin/catalog/service/{service.pk}/change/")
    assert_clean(page, "service change form")
    page.locator(".field-needs .select2-selection").click()
    page.locator(".select2-container--open .select2-results__option").first.wait_for()
    search = page.locator(".field-needs .select2-search__field")
    assert search.get_attribute("aria-label") == "건강 필요 검색"
    assert_clean(page, "needs autocomplete, open")
    page.keyboard.press("Escape")

    page.goto(base + "/admin/catalog/slot/")
    assert_clean(page, "slot list")

    # 매주 반복 일정 만들기: the admin's form markup and stylesheet, seven big labelled day boxes.
    page.goto(f"{base}/admin/catalog/service/{service.pk}/repeat-slots/")
    assert_clean(page, "weekly slots")
    assert page.locator('link[href$="admin/css/forms.css"]').count() == 1
    assert page.locator("fieldset.module.aligned .form-row").count() == 6
    assert page.locator("ol.breadcrumbs li").count() == 5
    crumbs = page.locator("ol.breadcrumbs").evaluate("e => parseFloat(getComputedStyle(e).paddingLeft)")
    assert crumbs >= 12  # not flush against the edge of the screen
    days = page.locator(".weekday-grid label.weekday")
    assert days.count() == 7
    for i in range(7):
        box = days.nth(i).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44 and box["x"] + box["width"] <= PHONE["width"]
    before = Slot.objects.filter(service=service).count()
    page.get_by_label("화", exact=True).check()
    page.locator("label.weekday", has_text="목").click(position={"x": 6, "y": 6})  # the box's corner
    assert page.get_by_label("목", exact=True).is_checked()
    page.get_by_label("시작 시간").fill("07:10")
    page.get_by_label("끝나는 시간").fill("07:50")
    page.get_by_label("시작하는 날").fill((timezone.localdate() + dt.timedelta(days=7)).isoformat())
    page.get_by_label("몇 주 동안").fill("2")
    page.get_by_label("정원(명)").fill("6")
    page.get_by_role("button", name="일정 만들기").click()
    page.wait_for_url(f"**/admin/catalog/service/{service.pk}/change/")
    assert "예약 시간 4개를 만들었어요" in page.content()
    assert Slot.objects.filter(service=service).count() == before + 4

    page.goto(base + "/admin/orders/orderline/")
    assert_clean(page, "order line list")
    titles = page.locator("#changelist-filter details").evaluate_all(
        "ds => ds.map(d => d.dataset.filterTitle)"
    )
    assert titles.count("항목 상태") == 1 and titles.count("주문 상태") == 1 and "상태" not in titles

    page.goto(f"{base}/admin/catalog/provider/{provider.pk}/dashboard/")
    assert_clean(page, "provider dashboard")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]  # the wide tables scroll inside their own box, not the page
    context.close()


def test_the_cooperative_works_in_the_admin_on_a_phone(browser, live_server, demo_data):
    base = live_server.url
    order = place_pending_order()
    assert order.total == 8000
    for _ in range(5):
        Assessment.objects.create(
            submission_id=uuid.uuid4(), kind="quick", results={"gad2": {"band": "positive"}}
        )
    context, page = admin_page(browser, base, STAFF, PHONE)

    page.goto(base + "/admin/orders/order/?status__exact=pending_payment")
    assert_clean(page, "order list")
    page.locator(f'input[name="_selected_action"][value="{order.pk}"]').check()
    page.locator('select[name="action"]').select_option("confirm_payment")
    page.get_by_role("button", name="실행").click()
    page.get_by_role("heading", name="입금 확인").wait_for()
    assert_clean(page, "payment confirmation")
    assert f"{order.number} · " in page.content() and "8,000원" in page.content()
    assert "8000원" not in page.content()

    page.goto(base + "/admin/healthcheck/needrule/stats/")
    assert_clean(page, "health-test statistics")
    text = page.locator("#content-main").inner_text()
    assert "불안 간단 선별 (GAD-2)\t조금 더 살펴보면 좋아요\t5" in text
    assert not re.search(r"\b(gad2|positive|quick)\b", text)

    page.goto(base + "/staff/market/")
    assert_clean(page, "market dashboard")

    for model in ["fair", "booth", "program", "registration", "programbooking", "stamp", "checkin"]:
        page.goto(f"{base}/admin/events/{model}/")
        assert page.locator("#changelist").count() == 1, model
        assert_clean(page, f"fair admin: {model}")
    context.close()


@pytest.mark.parametrize(
    "email,paths",
    [
        (OWNER, ["/admin/", "/admin/catalog/service/", "service-change", "/admin/orders/orderline/"]),
        (STAFF, ["/admin/healthcheck/needrule/stats/", "/staff/market/", "/admin/events/fair/"]),
    ],
)
def test_the_same_pages_on_a_laptop(browser, live_server, demo_data, email, paths):
    base = live_server.url
    service = Service.objects.filter(provider__members__user__email=OWNER).order_by("pk").first()
    context, page = admin_page(browser, base, email, LAPTOP)
    for path in paths:
        page.goto(
            base + (f"/admin/catalog/service/{service.pk}/change/" if path == "service-change" else path)
        )
        assert_clean(page, path)
    if email == OWNER:
        page.goto(base + "/admin/catalog/service/")
        assert_words_whole(page)
    context.close()
