"""Cached catalogue fragments: faster repeats, never stale after a change, never someone else's content."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from catalog import services as catalog_services
from tests.factories import ProviderFactory, ServiceFactory, SlotFactory, UserFactory
from tests.orders.conftest import place, shop  # noqa: F401 - the shop fixture

pytestmark = pytest.mark.django_db


def results_of(html: bytes) -> str:
    text = html.decode()
    return text[
        text.index('<section id="results"') : text.index("</section>", text.index('<section id="results"'))
    ]


def test_a_repeated_list_page_costs_almost_no_queries(client, big_catalog, django_assert_max_num_queries):
    first = client.get("/services/?domain=mental").content
    with django_assert_max_num_queries(1):  # the needs of the filter form only
        again = client.get("/services/?domain=mental").content
    assert results_of(again) == results_of(first)


def test_an_edit_shows_at_once(client):
    service = ServiceFactory(title="어르신 요가 교실")
    assert "어르신 요가 교실" in client.get("/services/").content.decode()
    service.title = "어르신 의자 요가 교실"
    service.save()
    assert "어르신 의자 요가 교실" in client.get("/services/").content.decode()
    assert "어르신 의자 요가 교실" in client.get(f"/providers/{service.provider.slug}/").content.decode()


def test_publishing_and_archiving_through_the_services_show_at_once(client):
    draft = ServiceFactory(title="새 마음 상담", status="pending_review", published_at=None)
    assert "새 마음 상담" not in client.get("/services/").content.decode()
    catalog_services.service_publish(service=draft, by=UserFactory(is_staff=True, is_superuser=True))
    assert "새 마음 상담" in client.get("/services/").content.decode()
    catalog_services.service_archive(service=draft, by=None)
    assert "새 마음 상담" not in client.get("/services/").content.decode()


def test_a_booking_that_fills_the_last_seat_updates_availability(client):
    provider = ProviderFactory()
    service = ServiceFactory(provider=provider, title="마지막 한 자리 교실")
    slot = SlotFactory(service=service, capacity=1, starts_at=timezone.now() + dt.timedelta(days=2))
    assert "마지막 한 자리 교실" in client.get("/services/?available=1").content.decode()
    place(UserFactory(), [(service, slot, 1)])
    assert "마지막 한 자리 교실" not in client.get("/services/?available=1").content.decode()


def test_per_user_content_is_never_shared(shop):  # noqa: F811 - the fixture imported above
    anonymous, resident = Client(), Client()
    resident.force_login(shop["resident"])
    resident.post(f"/cart/add/{shop['yoga'].slug}/", {"slot": shop["yoga_slot"].pk, "quantity": 2})
    mine = resident.get("/services/").content.decode()
    theirs = anonymous.get("/services/").content.decode()  # the same cached results fragment
    assert 'class="cart-count"' in mine and 'class="cart-count"' not in theirs
    assert "로그아웃" in mine and "로그아웃" not in theirs
    home_mine, home_theirs = resident.get("/").content.decode(), anonymous.get("/").content.decode()
    assert "로그아웃" in home_mine and "로그아웃" not in home_theirs


def test_english_and_korean_are_cached_apart(client):
    ServiceFactory(domain="mental")
    korean = client.get("/services/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/services/"})
    english = client.get("/services/").content.decode()
    assert "마음건강" in korean and "Mental health" in english


# --- the service page: one shared entry, the visitor's own CSRF token, expiry at the first listed time ---


def csrf_field_of(html: str) -> str:
    marker = 'name="csrfmiddlewaretoken" value="'
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)]


def test_a_repeated_service_page_costs_no_queries(client, shop, django_assert_num_queries):  # noqa: F811
    url = shop["yoga"].get_absolute_url()
    first = client.get(url).content.decode()
    with django_assert_num_queries(0):
        again = client.get(url).content.decode()
    assert "어르신 요가 교실" in again and again.count('name="slot"') == first.count('name="slot"') == 1


def test_each_visitor_gets_their_own_csrf_token_in_the_cached_booking_form(shop):  # noqa: F811
    url = shop["yoga"].get_absolute_url()
    first, second = Client(), Client()
    first_html, second_html = first.get(url).content.decode(), second.get(url).content.decode()
    assert "majubom:csrf" not in first_html + second_html
    token_one, token_two = csrf_field_of(first_html), csrf_field_of(second_html)
    assert token_one != token_two
    # The token in the page is the visitor's own: the no-JavaScript form post passes the CSRF check.
    resident = Client(enforce_csrf_checks=True)
    resident.force_login(shop["resident"])
    page = resident.get(url).content.decode()
    response = resident.post(
        f"/cart/add/{shop['yoga'].slug}/",
        {"csrfmiddlewaretoken": csrf_field_of(page), "slot": shop["yoga_slot"].pk, "quantity": 1},
    )
    assert response.status_code == 302
    assert "장바구니" in resident.get("/cart/").content.decode()
    forged = resident.post(
        f"/cart/add/{shop['yoga'].slug}/",
        {"csrfmiddlewaretoken": token_one, "slot": shop["yoga_slot"].pk, "quantity": 1},
    )
    assert forged.status_code == 403  # another visitor's token from the same cached page is refused


def test_the_service_page_expires_when_its_first_time_starts(shop, monkeypatch):  # noqa: F811
    from majubom import pagecache
    from web.views import _service_page

    monkeypatch.setattr(pagecache, "page_timeout_cap", lambda: pagecache.PAGE_TIMEOUT)  # as with Redis

    soon = timezone.now() + dt.timedelta(minutes=3)
    SlotFactory(service=shop["yoga"], starts_at=soon, ends_at=soon + dt.timedelta(hours=1))
    assert 170 <= _service_page(shop["yoga"].slug)["expires"] <= 180
    # The lunch page shows the yoga class among the provider's other services, with its next time.
    assert 170 <= _service_page(shop["lunch"].slug)["expires"] <= 180
    # Nothing starting soon: the longest keep, ten minutes (changes bump the catalogue version anyway).
    assert _service_page(shop["trial"].slug)["expires"] == 600


def test_seconds_until():
    from majubom.pagecache import seconds_until

    now = timezone.now()
    assert seconds_until([], now=now, cap=600) == 600
    assert seconds_until([None, now + dt.timedelta(seconds=90)], now=now, cap=600) == 90
    assert seconds_until([now + dt.timedelta(hours=2)], now=now, cap=60) == 60
    assert (
        seconds_until([now - dt.timedelta(seconds=5)], now=now, cap=600) == 1
    )  # already passed: recheck at once


def test_pages_keep_the_short_timeout_when_the_cache_is_not_shared(settings):
    from majubom.pagecache import page_timeout_cap, seconds_until

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}  # per worker
    assert page_timeout_cap() == 60 and seconds_until([]) == 60
    settings.CACHES = {
        "default": {"BACKEND": "majubom.redis_cache.RedisCache", "LOCATION": "redis://x:6379/0"}
    }
    assert page_timeout_cap() == 600


def test_a_change_saved_in_a_transaction_is_seen_after_it_commits(client, django_capture_on_commit_callbacks):
    """A request between the save and the commit may cache the old page; the commit makes it stale again."""
    from django.db import transaction

    from majubom import pagecache

    service = ServiceFactory(title="가을 숲길 걷기")
    scope = [pagecache.service(service.pk)]
    with django_capture_on_commit_callbacks(execute=False) as callbacks, transaction.atomic():
        service.title = "겨울 숲길 걷기"
        service.save()
    before_commit = pagecache.versions(scope)
    for callback in callbacks:
        callback()
    assert pagecache.versions(scope) != before_commit
