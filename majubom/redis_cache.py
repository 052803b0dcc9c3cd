"""Django's Redis cache, keeping one ``redis.Redis`` client per connection pool.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` object for every cache call, and
redis-py fills a table of about 170 response callbacks in each one: about 0.1 ms of Python per call, paid
several times on every catalogue page. The client is safe to share (its pool hands out connections), so it
is built once per pool.

The cache is an accelerator, not a dependency: when Redis cannot be reached, a read is a miss and a write
is skipped, with a log line, so pages render uncached and a resident's action never fails on the cache.
(``/healthz`` still reports the cache as down: its round trip reads back nothing.)
"""

from __future__ import annotations

import functools
import logging
import threading

import redis
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}
        # Django makes a pool on first use without a lock: threads starting together (gunicorn threads,
        # the live server) could each make one. Made once, under this lock, then read without it.
        self._lock = threading.Lock()

    def _get_connection_pool(self, write):
        index = self._get_connection_pool_index(write)
        if index not in self._pools:
            with self._lock:
                return super()._get_connection_pool(write)
        return self._pools[index]

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)  # keyed by the pool itself, which this dict keeps alive
        if client is None:
            with self._lock:
                client = self._clients.get(pool)
                if client is None:
                    client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient


logger = logging.getLogger(__name__)
FAULTS = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


def _tolerant(name: str, fallback):
    method = getattr(DjangoRedisCache, name)

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except FAULTS as error:
            logger.warning("cache %s failed, going on without the cache: %s", name, error)
            return fallback(*args, **kwargs) if callable(fallback) else fallback

    return wrapper


def _default(key, default=None, *args, **kwargs):
    return default


# Reads answer a miss, writes are skipped; ``add`` says it did not add, ``incr`` has nothing to count.
for _name, _fallback in [
    ("get", _default),
    ("get_many", lambda *a, **k: {}),
    ("has_key", False),
    ("set", None),
    ("set_many", lambda *a, **k: []),
    ("add", False),
    ("touch", False),
    ("delete", False),
    ("delete_many", None),
    ("clear", None),
]:
    setattr(RedisCache, _name, _tolerant(_name, _fallback))
