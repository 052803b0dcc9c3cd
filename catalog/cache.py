"""Cached fragments of the public catalogue pages.

A fragment's key holds the catalogue's *version*, which changes whenever a listing, a provider, a picture
or a slot changes (signals for saves, explicit calls for bulk updates such as a booking taking a seat), so
an edit shows at once; a short timeout bounds what time alone changes (a slot starting, "next time").
Only shared content is cached: nothing per user (cart count, CSRF token, messages) is ever inside. A form
inside a cached fragment carries ``CSRF_SLOT`` instead of its token; ``with_csrf`` puts the visitor's own
token there on the way out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.template.backends.utils import csrf_input
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

VERSION_KEY = "catalog:version"
FRAGMENT_TIMEOUT = 60
# A page whose expiry follows its own times (``seconds_until``) is kept at most this long.
PAGE_TIMEOUT = 600
# Rendered where a cached form needs its CSRF field. Visitors' text is always escaped ("<" becomes "&lt;"),
# so nothing they write can produce this comment.
CSRF_SLOT = mark_safe("<!--majubom:csrf-->")


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


def catalog_changed_now_and_on_commit(**_kwargs) -> None:
    """For changes inside a transaction (admin saves, bookings; also the save signals): stale at once, and
    again after commit so that no request can cache the old rows in between. Outside a transaction the
    second call runs at once."""
    from django.db import transaction

    catalog_changed()
    transaction.on_commit(catalog_changed)


@lru_cache(maxsize=1)
def release() -> str:
    """What this code renders with: a digest of the templates, so a deploy never serves HTML cached by the
    code before it (old markup, an old CSRF placeholder)."""
    digest = hashlib.blake2b(digest_size=6)
    for path in sorted((Path(settings.BASE_DIR) / "templates").rglob("*.html")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def page_timeout_cap() -> int:
    """A per-process memory cache is not shared between web workers, so a change made through one worker
    reaches the others only when entries expire: then pages keep the short timeout of fragments."""
    backend = settings.CACHES["default"]["BACKEND"]
    return FRAGMENT_TIMEOUT if backend.endswith("LocMemCache") else PAGE_TIMEOUT


def cached_value(
    name: str,
    parts: str,
    compute: Callable[[], object],
    *,
    timeout: int | Callable[[object], int] = FRAGMENT_TIMEOUT,
):
    """``compute()``'s result under the catalogue version and the active language. ``timeout`` may be a
    function of the computed value (see ``seconds_until``)."""
    digest = hashlib.blake2b(parts.encode(), digest_size=12).hexdigest()
    key = f"catalog:fragment:{name}:{release()}:{catalog_version()}:{get_language()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=timeout(value) if callable(timeout) else timeout)
    return value


def seconds_until(moments: Iterable[dt.datetime | None], *, cap: int | None = None, now=None) -> int:
    """How long a fragment showing these future moments (a slot's start, a "next time") stays true: until
    the first of them passes, at most ``cap`` seconds (``page_timeout_cap()`` by default). Changes to the
    data itself bump the version."""
    cap = page_timeout_cap() if cap is None else cap
    now = now or timezone.now()
    left = [(moment - now).total_seconds() for moment in moments if moment is not None]
    return max(1, min([cap, *(int(s) for s in left)]))


def cached_fragment(
    name: str, parts: str, render: Callable[[], str], *, timeout: int = FRAGMENT_TIMEOUT
) -> SafeString:
    html = cached_value(name, parts, lambda: str(render()), timeout=timeout)
    return mark_safe(html)  # noqa: S308 - our own rendered template output


def with_csrf(html: str, request) -> SafeString:
    """A cached fragment with the visitor's own CSRF field in each of its forms."""
    if CSRF_SLOT not in html:
        return mark_safe(html)  # noqa: S308 - our own rendered template output
    return mark_safe(html.replace(CSRF_SLOT, csrf_input(request)))  # noqa: S308
