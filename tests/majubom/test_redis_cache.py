"""The project's Redis cache backend: Django's behaviour, with one redis client per connection pool.

(That settings choose this backend when REDIS_URL is set is tested in test_settings.py.)"""

import datetime as dt
import threading
import time
from uuid import uuid4

import pytest
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from majubom.redis_cache import RedisCache

pytestmark = pytest.mark.redis


@pytest.fixture
def cache(redis_url):
    """A backend of its own under a fresh key prefix; its keys are removed afterwards."""
    backend = RedisCache(redis_url, {"KEY_PREFIX": "t-" + uuid4().hex})
    yield backend
    client = backend._cache.get_client(write=True)
    keys = list(client.scan_iter(match=f"{backend.key_prefix}:*"))
    if keys:
        client.delete(*keys)


def test_set_get_add_and_delete(cache):
    assert cache.get("missing") is None
    assert cache.get("missing", "default") == "default"
    cache.set("name", "김주민")
    assert cache.get("name") == "김주민"
    assert cache.add("name", "other") is False  # add never overwrites
    assert cache.get("name") == "김주민"
    assert cache.add("fresh", 1) is True
    assert cache.get("fresh") == 1
    assert cache.has_key("fresh")
    assert cache.delete("name") is True
    assert cache.delete("name") is False
    assert cache.get("name") is None
    cache.set("none", None)
    assert cache.get("none", "default") is None  # a stored None is a value, not a miss


def test_many_and_incr(cache):
    assert cache.set_many({"a": 1, "b": "둘", "c": [3]}) == []
    assert cache.get_many(["a", "b", "c", "missing"]) == {"a": 1, "b": "둘", "c": [3]}
    cache.delete_many(["a", "b"])
    assert cache.get_many(["a", "b", "c"]) == {"c": [3]}

    cache.set("count", 1)
    assert cache.incr("count") == 2
    assert cache.incr("count", 10) == 12
    assert cache.decr("count", 2) == 10
    assert cache.get("count") == 10
    with pytest.raises(ValueError):
        cache.incr("missing")


def test_keys_are_prefixed_and_versioned(cache, redis_url):
    other = RedisCache(redis_url, {"KEY_PREFIX": "t-" + uuid4().hex})
    cache.set("shared-name", "mine")
    assert other.get("shared-name") is None
    cache.set("page", "v1", version=1)
    cache.set("page", "v2", version=2)
    assert (cache.get("page", version=1), cache.get("page", version=2)) == ("v1", "v2")
    raw = cache._cache.get_client()
    assert raw.exists(cache.make_and_validate_key("page", version=2)) == 1


def test_timeouts_expire_and_touch_extends(cache):
    cache.set("short", "soon gone", timeout=1)
    cache.set("touched", "kept", timeout=1)
    cache.add("added", "soon gone", timeout=1)
    cache.set_many({"many": "soon gone"}, timeout=1)
    cache.set("forever", "kept", timeout=None)
    cache.set("zero", "never stored", timeout=0)
    assert cache.touch("touched", timeout=30) is True
    assert cache.touch("missing", timeout=30) is False
    assert cache.get("short") == "soon gone" and cache.get("zero") is None

    raw = cache._cache.get_client()
    assert raw.ttl(cache.make_and_validate_key("forever")) == -1  # no expiry at all
    assert 0 < raw.ttl(cache.make_and_validate_key("touched")) <= 30
    cache.set("default", "x")
    assert 290 < raw.ttl(cache.make_and_validate_key("default")) <= 300  # Django's default timeout

    time.sleep(1.5)
    assert cache.get("short") is None
    assert cache.get("added") is None
    assert cache.get("many") is None
    assert cache.get("touched") == "kept"
    assert cache.get("forever") == "kept"


def test_one_client_per_pool_is_reused(cache):
    cache.set("warm", 1)  # a write, then a read, both through the same backend
    cache.get("warm")
    client = cache._cache.get_client()
    assert cache._cache.get_client() is client
    writer = cache._cache.get_client(write=True)
    assert cache._cache.get_client(write=True) is writer
    # One server: reads and writes share its pool, hence its client.
    assert client is writer
    assert client.connection_pool is cache._cache._get_connection_pool(write=True)
    for n in range(50):
        cache.set(f"k{n}", n)
        assert cache.get(f"k{n}") == n
    assert cache._cache.get_client() is client
    assert len(cache._cache._clients) == 1


def test_a_replica_gets_its_own_client(redis_url):
    """With a primary and a replica (here the same Redis twice), each pool has its own client."""
    backend = RedisCache([redis_url, redis_url], {"KEY_PREFIX": "t-" + uuid4().hex})
    writer = backend._cache.get_client(write=True)
    reader = backend._cache.get_client()
    assert writer is not reader
    assert writer.connection_pool is not reader.connection_pool
    assert backend._cache.get_client(write=True) is writer
    assert backend._cache.get_client() is reader
    backend.set("k", "v", timeout=5)
    assert backend.get("k") == "v"
    assert backend.delete("k") is True


def test_values_survive_the_pickle_round_trip(cache):
    when = timezone.now().replace(microsecond=123456)
    value = {"when": when, "html": mark_safe("<strong>후기 7개</strong>"), "day": dt.date(2026, 11, 26)}
    cache.set("page", value)
    got = cache.get("page")
    assert got == value
    assert got["when"] == when and got["when"].tzinfo is not None
    assert isinstance(got["html"], SafeString)  # still safe: a template would not escape it again
    assert cache.get_many(["page"]) == {"page": value}


def test_the_shared_client_serves_many_threads(cache):
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(30):
                cache.set(f"t{n}-{i}", (n, i))
                assert cache.get(f"t{n}-{i}") == (n, i)
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert len(cache._cache._clients) == 1
    assert cache.get_many([f"t{n}-29" for n in range(8)]) == {f"t{n}-29": (n, 29) for n in range(8)}


# --- Redis down: the cache is an accelerator, not a dependency ---------------------------------------------

CLOSED_PORT = "redis://127.0.0.1:1/0"


def test_a_cache_that_cannot_be_reached_answers_misses_and_skips_writes(caplog):
    from majubom.redis_cache import RedisCache

    down = RedisCache(CLOSED_PORT, {"OPTIONS": {"socket_connect_timeout": 0.5}})
    assert down.get("k", "fallback") == "fallback"
    assert down.get_many(["a", "b"]) == {}
    down.set("k", 1)
    down.set_many({"a": 1})
    assert down.add("k", 1) is False
    assert down.has_key("k") is False
    down.delete("k")
    assert "going on without the cache" in caplog.text


@pytest.mark.django_db
def test_with_redis_down_pages_render_and_an_order_is_placed_and_cancelled(settings, client, caplog):
    """The audit: with REDIS_URL at a closed port the pages, checkout and cancelling answered 500."""
    import datetime as dt
    import re

    from django.utils import timezone

    from orders.models import Order
    from tests.factories import ServiceFactory, SlotFactory, UserFactory

    settings.CACHES = {
        "default": {
            "BACKEND": "majubom.redis_cache.RedisCache",
            "LOCATION": CLOSED_PORT,
            "OPTIONS": {"socket_connect_timeout": 0.5},
        }
    }  # Django's setting_changed handler gives the cache handler this backend
    starts = timezone.now() + dt.timedelta(days=2)
    service = ServiceFactory(title="둔산동 걷기 교실", price=5000, delivery="venue")
    slot = SlotFactory(service=service, starts_at=starts, ends_at=starts + dt.timedelta(hours=1))
    for url in ["/", "/services/", "/services/?q=걷기", service.get_absolute_url(), "/providers/"]:
        assert client.get(url).status_code == 200, url
    assert client.get("/healthz").status_code == 503
    user = UserFactory(name="김주민")
    client.force_login(user)
    client.post(f"/cart/add/{service.slug}/", {"slot": slot.pk, "quantity": 1})
    page = client.get("/checkout/").content.decode()
    form = {
        "name": "김주민",
        "phone": "010-2222-3333",
        "email": user.email,
        "payment_method": "bank_transfer",
        "idempotency_key": re.search(r'name="idempotency_key" value="([^"]+)"', page).group(1),
        "total_seen": "5000",
    }
    placed = client.post("/checkout/", form)
    order = Order.objects.get()
    assert placed.status_code == 302 and placed.url == f"/orders/{order.number}/"
    cancelled = client.post(f"/orders/{order.number}/cancel/")
    assert cancelled.status_code == 302
    order.refresh_from_db()
    assert order.status == Order.Status.CANCELLED
    assert "going on without the cache" in caplog.text
