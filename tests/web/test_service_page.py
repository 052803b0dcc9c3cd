"""The service page on a phone: price, place in words and the next times first, times grouped by day, a bar
at the bottom back to the booking box; the same few queries as before."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from majubom.templatetags.majubom import when
from tests.catalog.conftest import big_catalog  # noqa: F401
from tests.factories import ProviderFactory, ServiceFactory, SlotFactory
from web.views import slot_days, split_slot_days

pytestmark = pytest.mark.django_db


def local_day(days: int, hour: int) -> dt.datetime:
    base = timezone.localtime() + dt.timedelta(days=days)
    return base.replace(hour=hour, minute=0, second=0, microsecond=0)


def page(client, service) -> str:
    response = client.get(service.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def yoga(db):
    provider = ProviderFactory(
        name="서구 건강 협동조합", district="seo", address="대전광역시 서구 둔산로 100"
    )
    service = ServiceFactory(
        provider=provider, title="어르신 요가 교실", price=8000, delivery="venue", duration_minutes=50
    )
    times = [(2, 10), (2, 14), (3, 10), (5, 10), (6, 10), (7, 10), (8, 10)]
    slots = [
        SlotFactory(
            service=service,
            starts_at=local_day(d, h),
            ends_at=local_day(d, h) + dt.timedelta(minutes=50),
            capacity=6,
        )
        for d, h in times
    ]
    return service, slots


def test_times_are_grouped_under_a_heading_per_day(client, yoga):
    service, slots = yoga
    html = page(client, service)
    with timezone.override("Asia/Seoul"):
        first_day, second_day = when(slots[0].starts_at, "date"), when(slots[2].starts_at, "date")
        first_time = when(slots[0].starts_at, "time")
    headings = re.findall(r'<h3 class="slot-day-title" id="(day-\d{8})">([^<]+)</h3>', html)
    assert [text for _id, text in headings][:2] == [first_day, second_day]
    assert len(headings) == 6  # seven times on six days
    # each day is a group named by its heading, and its times sit under it
    day_id = headings[0][0]
    assert f'role="group" aria-labelledby="{day_id}"' in html
    group = html.split(f'aria-labelledby="{day_id}"', 1)[1].split('class="slot-day"', 1)[0]
    assert f'id="slot-{slots[0].pk}"' in group and f'id="slot-{slots[1].pk}"' in group
    assert f'id="slot-{slots[2].pk}"' not in group
    assert f"<strong>{first_time}</strong>" in group
    # the first open time is chosen for the visitor
    assert re.search(rf'id="slot-{slots[0].pk}" name="slot" value="{slots[0].pk}" checked', html)


def test_the_first_days_are_shown_and_the_rest_wait_behind_more_dates(client, yoga):
    service, slots = yoga
    html = page(client, service)
    shown, more = html.split('<details class="slot-more">', 1)
    assert f'id="slot-{slots[2].pk}"' in shown  # three open times: the first two days
    assert f'id="slot-{slots[3].pk}"' in more and f'id="slot-{slots[6].pk}"' in more
    assert "다른 날짜 더 보기 (4일)" in more


def test_full_days_do_not_count_and_the_chosen_time_is_never_hidden():
    class Slot:
        def __init__(self, pk, day, seats):
            self.pk, self.seats_left = pk, seats
            self.starts_at = local_day(day, 10)

    days = slot_days(
        [Slot(1, 1, 0), Slot(2, 2, 0), Slot(3, 3, 0), Slot(4, 4, 2), Slot(5, 5, 2), Slot(6, 9, 1)]
    )
    first, more = split_slot_days(days)
    assert [s.pk for day in first for s in day["slots"]] == [1, 2, 3, 4, 5]
    assert [s.pk for day in more for s in day["slots"]] == [6]
    assert split_slot_days([]) == ([], [])


def test_price_place_and_times_come_before_the_pictures_and_the_long_text(client, yoga):
    service, _slots = yoga
    html = page(client, service)
    order = [
        html.index("<h1>어르신 요가 교실</h1>"),
        html.index('class="price-large"'),
        html.index("기업의 장소로 와 주세요"),
        html.index('class="slot-day"'),
        html.index("장바구니에 담기"),
        html.index('id="about-title"'),
        html.index('class="card provider-card"'),
    ]
    assert order == sorted(order)
    assert "8,000원" in html and "(내방)" in html and "대전광역시 서구 둔산로 100" in html and "50분" in html


def test_a_home_visit_says_so_in_words(client):
    service = ServiceFactory(provider=ProviderFactory(district="dong"), delivery="home_visit")
    SlotFactory(service=service)
    html = page(client, service)
    assert "집으로 찾아가요" in html and "(방문)" in html and "기업은 대전 동구에 있어요" in html


def test_the_bottom_bar_takes_you_to_the_booking_box(client, yoga):
    service, _slots = yoga
    html = page(client, service)
    bar = re.search(
        r'<div class="book-bar" data-book-bar>\s*'
        r'<a class="button button-large" href="#book"[^>]*>([^<]+)</a>',
        html,
    )
    assert bar and bar.group(1) == "날짜 고르고 신청하기 · 8,000원"
    assert 'id="book"' in html
    assert '<label for="book-quantity">인원</label>' in html and "<span>명</span>" in html


def test_goods_are_counted_by_수량_and_the_bar_says_so(client):
    goods = ServiceFactory(
        title="협동조합 도시락", delivery="shipped", stock=5, price=8000, duration_minutes=None
    )
    html = page(client, goods)
    assert '<label for="book-quantity">수량</label>' in html and "<span>개</span>" in html
    assert "수량 고르고 담기 · 8,000원" in html and "집으로 보내 드려요" in html
    assert "인원" not in html


def test_no_bar_when_nothing_can_be_booked(client):
    service = ServiceFactory()
    SlotFactory(service=service, capacity=2, booked=2)
    html = page(client, service)
    assert "data-book-bar" not in html and "마감" in html and 'name="slot"' not in html


def test_the_booking_form_answers_at_the_button_with_htmx(client, yoga):
    service, _slots = yoga
    html = page(client, service)
    form = html.split('id="book-form"', 1)[1].split("</form>", 1)[0]
    assert 'hx-target="this"' in form and 'hx-swap="outerHTML"' in form
    assert 'id="book-error" class="book-error" role="alert"' in form
    # the spot for more actions (찜하기) is inside the booking box, after the form
    book = html.split('id="book"', 1)[1].split("</section>", 1)[0]
    assert "save-toggle" in book or "<!--majubom:save:" in book


def test_the_service_page_keeps_its_query_budget(client, big_catalog, django_assert_max_num_queries):  # noqa: F811
    with django_assert_max_num_queries(7):  # as before: service, pictures, needs, times, reviews, cards
        response = client.get("/services/s1/")
    assert response.status_code == 200 and 'class="slot-day"' in response.content.decode()
    with django_assert_max_num_queries(0):
        assert client.get("/services/s1/").status_code == 200
