"""Cached fragments of the public catalogue pages.

A fragment's key holds the catalogue's *version*, which changes whenever a listing, a provider, a picture
or a slot changes (signals for saves, explicit calls for bulk updates such as a booking taking a seat), so
an edit shows at once; a short timeout bounds what time alone changes (a slot starting, "next time").
Only shared content is cached: nothing per user (cart count, CSRF token, messages) is ever inside.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

VERSION_KEY = "catalog:version"
FRAGMENT_TIMEOUT = 60


def catalog_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = str(time.time_ns())
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def catalog_changed(**_kwargs) -> None:
    """Make every cached catalogue fragment stale (call after commit, or from a signal)."""
    cache.set(VERSION_KEY, str(time.time_ns()), timeout=None)


def catalog_changed_now_and_on_commit() -> None:
    """For changes inside a transaction: stale at once, and again after commit so that no request can
    cache the old rows in between."""
    from django.db import transaction

    catalog_changed()
    transaction.on_commit(catalog_changed)


def cached_value(name: str, parts: str, compute: Callable[[], object], *, timeout: int = FRAGMENT_TIMEOUT):
    """``compute()``'s result under the catalogue version and the active language."""
    digest = hashlib.blake2b(parts.encode(), digest_size=12).hexdigest()
    key = f"catalog:fragment:{name}:{catalog_version()}:{get_language()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=timeout)
    return value


def cached_fragment(
    name: str, parts: str, render: Callable[[], str], *, timeout: int = FRAGMENT_TIMEOUT
) -> SafeString:
    html = cached_value(name, parts, lambda: str(render()), timeout=timeout)
    return mark_safe(html)  # noqa: S308 - our own rendered template output
