"""The shared page cache (majubom/pagecache.py): narrow invalidation, one rendering rule, canonical keys."""

import datetime as dt
import pickle
import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from majubom import pagecache
from tests.factories import ProviderFactory, ServiceFactory, SlotFactory, UserFactory
from tests.orders.conftest import place

pytestmark = pytest.mark.django_db


def cached_entries() -> dict[str, object]:
    """Every page-cache entry in the cache (local memory or Redis), unpickled (versions left out)."""
    if settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"):
        raw = dict(cache._cache.items())  # LocMemCache internals
    else:
        client = cache._cache.get_client()
        raw = {key.decode(): client.get(key) for key in client.scan_iter(match="*:pc:*")}
    entries = {}
    for key, value in raw.items():
        if ":pc:" in key and ":pc:v:" not in key and value is not None:
            entries[key] = pickle.loads(value)
    return entries


def shared_part(html: str) -> str:
    """The filters and results of a list page: what is cached for everyone (the language switch below
    carries the visitor's own address, outside the cache)."""
    return html[html.index('<form class="filters') : html.index("</section>", html.index('id="results"'))]


@pytest.fixture
def locmem():
    """An empty cache whose entries the test reads (local memory, or Redis under CI)."""
    cache.clear()


@pytest.fixture
def two_services(db):
    provider = ProviderFactory(name="서구 걷기 협동조합")
    other_provider = ProviderFactory(name="유성 마음 상담소")
    starts = timezone.now() + dt.timedelta(days=3)
    walk = ServiceFactory(provider=provider, title="숲길 걷기 교실", price=5000, delivery="venue")
    talk = ServiceFactory(provider=other_provider, title="마음 상담 체험", price=0, delivery="online")
    walk_slot = SlotFactory(
        service=walk, starts_at=starts, ends_at=starts + dt.timedelta(hours=1), capacity=5
    )
    talk_slot = SlotFactory(
        service=talk, starts_at=starts, ends_at=starts + dt.timedelta(hours=1), capacity=8
    )
    return {"walk": walk, "talk": talk, "walk_slot": walk_slot, "talk_slot": talk_slot}


def test_a_booking_leaves_other_services_pages_warm_and_its_own_seats_right(
    client, two_services, django_assert_max_num_queries
):
    walk, talk = two_services["walk"], two_services["talk"]
    assert "5자리 남음" in client.get(walk.get_absolute_url()).content.decode()
    client.get(talk.get_absolute_url())
    client.get("/services/")
    place(UserFactory(), [(walk, two_services["walk_slot"], 2)])

    # The booked service's page shows its seats at once …
    assert "3자리 남음" in client.get(walk.get_absolute_url()).content.decode()
    # … while the other service's page and the list are still served from the cache (no page queries;
    # only the session's, when there is one).
    with django_assert_max_num_queries(0):
        assert client.get(talk.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(1):  # the needs of the filter form, as on any warm list
        assert client.get("/services/").status_code == 200


def test_a_booking_that_fills_a_time_makes_the_lists_stale(client, two_services):
    walk = two_services["walk"]
    before = pagecache.versions([pagecache.LISTING, pagecache.provider(walk.provider_id)])
    place(UserFactory(), [(walk, two_services["walk_slot"], 2)])
    assert pagecache.versions([pagecache.LISTING, pagecache.provider(walk.provider_id)]) == before
    place(UserFactory(), [(walk, two_services["walk_slot"], 3)])  # the last seats
    after = pagecache.versions([pagecache.LISTING, pagecache.provider(walk.provider_id)])
    assert after[1] != before[1] and after[2] != before[2]


def test_cancelling_a_full_time_opens_it_in_the_lists(client, two_services):
    from orders import services as order_services

    walk, slot = two_services["walk"], two_services["walk_slot"]
    buyer = UserFactory()
    order = place(buyer, [(walk, slot, 5)])
    assert "숲길 걷기 교실" not in client.get("/services/?available=1").content.decode()
    order_services.order_cancel(order=order, by=buyer, reason="일정이 바뀌었어요")
    assert "숲길 걷기 교실" in client.get("/services/?available=1").content.decode()
    assert "5자리 남음" in client.get(walk.get_absolute_url()).content.decode()


def test_no_cached_fragment_holds_a_visitors_own_values(locmem, two_services):
    walk = two_services["walk"]
    resident = UserFactory(name="홍길순", email="gilsoon@example.kr")
    browser = Client()
    browser.force_login(resident)
    browser.post(f"/cart/add/{walk.slug}/", {"slot": two_services["walk_slot"].pk, "quantity": 1})
    pages = [
        "/",
        "/services/",
        "/services/?q=걷기",
        walk.get_absolute_url(),
        f"/providers/{walk.provider.slug}/",
    ]
    seen = []
    for url in pages:
        response = browser.get(url)
        assert response.status_code == 200
        seen.append(response.content.decode())
    nonces = {n for html in seen for n in re.findall(r'nonce="([^"]+)"', html)}
    tokens = {t for html in seen for t in re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)}
    assert tokens and nonces  # the pages do carry them, outside the cache
    secrets = {*tokens, *nonces, browser.session.session_key, resident.name, resident.email}
    entries = cached_entries()
    assert len(entries) >= 5
    for key, value in entries.items():
        text = repr(value)
        leaked = [secret for secret in secrets if secret and secret in text]
        assert leaked == [], f"{key} holds {leaked}"
        assert "csrfmiddlewaretoken" not in text


def test_languages_and_visitors_never_share_their_own_parts(two_services):
    walk = two_services["walk"]
    korean, english, member = Client(), Client(), Client()
    english.cookies["django_language"] = "en"
    user = UserFactory(name="김영순")
    member.force_login(user)
    pages = {
        name: c.get(walk.get_absolute_url()).content.decode()
        for name, c in [("ko", korean), ("en", english), ("member", member)]
    }
    assert 'lang="ko"' in pages["ko"] and 'lang="en"' in pages["en"]
    assert "장바구니에 담기" in pages["ko"] and "장바구니에 담기" not in pages["en"]
    assert "김영순" not in pages["ko"] and "김영순" not in pages["en"]
    tokens = {
        name: re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html) for name, html in pages.items()
    }
    assert len({tuple(t) for t in tokens.values()}) == 3  # each its own token


def test_junk_and_tracking_parameters_share_the_canonical_entry(locmem, client, two_services):
    client.get("/services/?domain=physical")
    count = len(cached_entries())
    for url in [
        "/services/?domain=physical&utm_source=kakao&utm_campaign=fair",
        "/services/?utm_medium=sms&domain=physical&fbclid=abc",
        "/services/?domain=physical&page=1",
        "/services/?domain=physical&page=junk&price_max=not-a-number",
        "/services/?domain=physical&sort=recommended&district=nowhere",
    ]:
        response = client.get(url)
        assert response.status_code == 200
        assert "utm_" not in shared_part(response.content.decode())
    assert len(cached_entries()) == count
    assert all("utm_" not in repr(value) for value in cached_entries().values())


def test_an_invalid_search_is_not_shown_to_the_next_visitor(client, two_services):
    """The filter form is shared: it shows the filters as understood, never the raw junk of one visitor."""
    junk = "x" * 60  # longer than a search may be: ignored
    first = client.get(f"/services/?q={junk}").content.decode()
    assert junk not in shared_part(first)
    assert junk not in Client().get("/services/").content.decode()


def test_the_release_digest_follows_templates_and_translations(settings, tmp_path):
    base = tmp_path
    (base / "templates").mkdir()
    (base / "locale" / "en" / "LC_MESSAGES").mkdir(parents=True)
    (base / "templates" / "page.html").write_text("<p>안녕하세요</p>")
    mo = base / "locale" / "en" / "LC_MESSAGES" / "django.mo"
    mo.write_bytes(b"first")
    settings.BASE_DIR = base
    digests = []
    try:
        for change in [
            None,
            lambda: mo.write_bytes(b"second"),
            lambda: (base / "templates" / "page.html").write_text("<p>반가워요</p>"),
        ]:
            if change:
                change()
            pagecache.release.cache_clear()
            digests.append(pagecache.release())
    finally:
        pagecache.release.cache_clear()
    assert len(set(digests)) == 3


def test_a_cache_that_fails_is_logged_and_the_page_still_renders(client, two_services, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "get_many", broken)
    monkeypatch.setattr(cache, "set_many", broken)
    response = client.get(two_services["walk"].get_absolute_url())
    assert response.status_code == 200 and "숲길 걷기 교실" in response.content.decode()
    place(UserFactory(), [(two_services["walk"], two_services["walk_slot"], 1)])  # the bump fails quietly
    assert "page cache" in caplog.text
