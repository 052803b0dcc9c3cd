"""The page cache every app uses: shared HTML fragments (and small computed values) keyed by the
*versioned scopes* they show.

A scope is a name for a piece of data that pages show: ``LISTING`` (what lists across enterprises: the
service list, the home page, rankings), ``provider(pk)``, ``service(pk)`` — later ``group(pk)`` and
``fair(pk)``. A cached entry's key holds the current version of each scope it shows; the app that changed
the data announces it with ``changed(scope, ...)`` (at once, and again after commit so that no request can
cache the old rows in between), and only the entries that show that scope go cold. ``SITE`` is in every
key: ``changed(SITE)`` makes everything stale (a need renamed, demo data loaded).

The rendering rule: a cached fragment never sees the request. ``cached_render`` renders its template
itself, without a request and so without context processors; whatever differs per visitor (CSRF token,
nonce, user, cart, messages) is filled in outside the cached part. A form inside a cached fragment carries
``CSRF_SLOT`` where its token goes, and ``with_csrf`` puts the visitor's own token there on the way out.

The key's ``release()`` digest covers what the rendered HTML depends on besides the data (the templates and
the compiled translations), so a deploy never serves old markup or old words.

The cache is an accelerator, not a dependency: when it fails, the error is logged, the value is computed
as if nothing were cached, and an announcement that cannot be written never fails the caller.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.template.backends.utils import csrf_input
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

SITE = "site"
LISTING = "listing"
# Any fair: the home page and the health-test results point to the next one.
FAIRS = "fairs"

FRAGMENT_TIMEOUT = 60
# An entry whose expiry follows its own times (``seconds_until``) is kept at most this long.
PAGE_TIMEOUT = 600
# Rendered where a cached form needs its CSRF field. Visitors' text is always escaped ("<" becomes "&lt;"),
# so nothing they write can produce this comment.
CSRF_SLOT = mark_safe("<!--majubom:csrf-->")

_VERSION_PREFIX = "pc:v:"


def provider(pk: int) -> str:
    return f"provider:{pk}"


def service(pk: int) -> str:
    return f"service:{pk}"


def group(pk: int) -> str:
    return f"group:{pk}"


def fair(pk: int) -> str:
    return f"fair:{pk}"


# --- versions ----------------------------------------------------------------------------------------------


def versions(scopes: Sequence[str]) -> list[str]:
    """The current version of each scope (``SITE`` first), creating the missing ones. One round trip when
    they all exist."""
    names = [SITE, *scopes]
    keys = [_VERSION_PREFIX + name for name in names]
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        fresh = str(time.time_ns())
        for key in missing:
            cache.add(key, fresh, timeout=None)
        found.update(cache.get_many(missing))
    return [str(found.get(key, "0")) for key in keys]


def _bump(scopes: Sequence[str]) -> None:
    try:
        fresh = str(time.time_ns())
        cache.set_many({_VERSION_PREFIX + scope: fresh for scope in scopes}, timeout=None)
    except Exception:
        # Entries under the old version expire with their timeout; the caller's action must not fail.
        logger.exception("page cache: could not mark %s as changed", ", ".join(scopes))


def changed(*scopes: str) -> None:
    """Announce that what these scopes show has changed: stale at once, and again after the surrounding
    transaction commits (outside a transaction the second bump runs at once)."""
    if not scopes:
        return
    unique = list(dict.fromkeys(scopes))
    _bump(unique)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _bump(unique))


# --- keys ----------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def release() -> str:
    """What this code renders with: a digest of the templates and the compiled translations."""
    digest = hashlib.blake2b(digest_size=6)
    base = Path(settings.BASE_DIR)
    files = [
        *(base / "templates").rglob("*.html"),
        *(base / "templates").rglob("*.txt"),
        *(base / "locale").rglob("*.mo"),
    ]
    for path in sorted(files):
        digest.update(str(path.relative_to(base)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def key_for(name: str, *, scopes: Sequence[str], parts: str = "") -> str:
    digest = hashlib.blake2b(parts.encode(), digest_size=12).hexdigest()
    stamp = ".".join(versions(scopes))
    return f"pc:{name}:{release()}:{get_language()}:{stamp}:{digest}"


# --- cached values and fragments ------------------------------------------------------------------------


def page_timeout_cap() -> int:
    """A per-process memory cache is not shared between web workers, so a change made through one worker
    reaches the others only when entries expire: then pages keep the short timeout of fragments."""
    backend = settings.CACHES["default"]["BACKEND"]
    return FRAGMENT_TIMEOUT if backend.endswith("LocMemCache") else PAGE_TIMEOUT


def seconds_until(moments: Iterable[dt.datetime | None], *, cap: int | None = None, now=None) -> int:
    """How long an entry showing these future moments (a slot's start, a "next time") stays true: until
    the first of them passes, at most ``cap`` seconds (``page_timeout_cap()`` by default). Changes to the
    data itself are announced with ``changed``."""
    cap = page_timeout_cap() if cap is None else cap
    now = now or timezone.now()
    left = [(moment - now).total_seconds() for moment in moments if moment is not None]
    return max(1, min([cap, *(int(s) for s in left)]))


def cached_value(
    name: str,
    *,
    scopes: Sequence[str],
    parts: str = "",
    compute: Callable[[], object],
    timeout: int | Callable[[object], int] = FRAGMENT_TIMEOUT,
):
    """``compute()``'s result under the versions of ``scopes`` and the active language. ``timeout`` may be
    a function of the computed value (see ``seconds_until``)."""
    try:
        key = key_for(name, scopes=scopes, parts=parts)
        value = cache.get(key)
    except Exception:
        logger.exception("page cache: read failed for %s; rendering without the cache", name)
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(key, value, timeout=timeout(value) if callable(timeout) else timeout)
        except Exception:
            logger.exception("page cache: write failed for %s", name)
    return value


def render_fragment(template_name: str, context: dict) -> str:
    """Render a template for the cache: never with a request, so no per-visitor value can slip in."""
    return render_to_string(template_name, context)


def cached_render(
    name: str,
    *,
    scopes: Sequence[str],
    parts: str = "",
    template: str,
    context: Callable[[], dict],
    timeout: int | Callable[[object], int] = FRAGMENT_TIMEOUT,
) -> SafeString:
    """A shared HTML fragment: ``template`` rendered with ``context()`` (called only when cold)."""
    html = cached_value(
        name,
        scopes=scopes,
        parts=parts,
        compute=lambda: render_fragment(template, context()),
        timeout=timeout,
    )
    return mark_safe(html)  # noqa: S308 - our own rendered template output


def with_csrf(html: str, request) -> SafeString:
    """A cached fragment with the visitor's own CSRF field in each of its forms."""
    if CSRF_SLOT not in html:
        return mark_safe(html)  # noqa: S308 - our own rendered template output
    return mark_safe(html.replace(CSRF_SLOT, csrf_input(request)))  # noqa: S308
