"""A hostile-input crawl of every URL pattern and form: classic bad values (empty, 100k characters,
negative and huge numbers, NUL, emoji, markup, SQL, foreign ids) as an anonymous visitor, a resident and an
enterprise member, on PostgreSQL. Not one answer may be a server error.

The fast form runs in the suite (each pattern with a handful of values); ``HOSTILE_CRAWL=full`` crosses
every value with every pattern and field. Run with ``-s`` to see how many requests were sent.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from tests.factories import ProviderFactory, ProviderMemberFactory, ServiceFactory, SlotFactory, UserFactory
from tests.orders.conftest import place

FULL = os.environ.get("HOSTILE_CRAWL") == "full"
BAD_TEXT = [
    "",
    "x" * 100_000,
    "-1",
    "99999999999999999999999",
    "\x00",
    "😀👵🏻",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
]
BAD_IDS = ["0", "-1", "999999999", "9" * 30, "abc", "%00", "😀", "1%20", "+1"]
FORM_FIELDS = [
    "q",
    "page",
    "name",
    "phone",
    "email",
    "quantity",
    "slot",
    "payment_method",
    "idempotency_key",
    "total_seen",
    "rating",
    "body",
    "consent",
    "submission",
    "title",
    "price",
    "needs",
    "service",
    "provider",
    "starts_at__year",
    "o",
    "action",
    "_selected_action",
    "images-TOTAL_FORMS",
    "slots-TOTAL_FORMS",
    "login",
    "password",
    "language",
    "next",
]
SKIP = re.compile(r"^(static/|media/|accounts/(social|3rdparty)|i18n/js)")


def patterns(resolver: URLResolver | None = None, prefix: str = "") -> list[str]:
    """Every URL pattern as a route string, e.g. "orders/<str:number>/cancel/"."""
    resolver = resolver or get_resolver()
    found = []
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            found += patterns(entry, route)
        elif isinstance(entry, URLPattern):
            found.append(route)
    return found


CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")


def concrete(route: str, good: dict[str, str], values: list[str]) -> list[str]:
    """The route with its parameters filled: once with a real id of the right kind, then with bad ones."""
    route = route.lstrip("^").rstrip("$").replace("\\Z", "")
    if not CONVERTER.search(route) and any(ch in route for ch in "()[]?*+\\"):
        return []  # a regex route we cannot fill by name (allauth's few): the named ones are crawled
    names = [m.group(2) for m in CONVERTER.finditer(route)]
    if not names:
        return ["/" + route]
    paths = []
    for value in [None, *values]:

        def fill(match, value=value):
            name = match.group(2)
            return good.get(name, "1") if value is None else value

        paths.append("/" + CONVERTER.sub(fill, route))
    return paths


@pytest.fixture
def world(postgres_db):
    provider = ProviderFactory(slug="crawl-a")
    other = ProviderFactory(slug="crawl-b")
    member = ProviderMemberFactory(provider=provider, user=UserFactory(is_staff=True)).user
    service = ServiceFactory(provider=provider, slug="crawl-yoga", price=5000, delivery="venue")
    secret = ServiceFactory(provider=other, slug="crawl-secret", status="draft", published_at=None)
    starts = timezone.now() + dt.timedelta(days=2)
    slot = SlotFactory(service=service, starts_at=starts, ends_at=starts + dt.timedelta(hours=1), capacity=50)
    resident = UserFactory(name="김주민")
    order = place(resident, [(service, slot, 1)])
    return {
        "member": member,
        "resident": resident,
        "good": {
            "slug": service.slug,
            "number": order.number,
            "line_id": str(order.lines.get().pk),
            "object_id": str(secret.pk),  # another enterprise's row, for the member
            "content_type_id": "1",
            "token": "00000000-0000-4000-8000-000000000000",
            "kind": "quick",
            "app_label": "catalog",
        },
    }


def test_no_hostile_input_makes_a_server_error(world, capsys):
    anonymous, resident, member = (Client(raise_request_exception=False) for _ in range(3))
    resident.force_login(world["resident"])
    member.force_login(world["member"])
    routes = [r for r in patterns() if not SKIP.match(r.lstrip("^"))]
    values = BAD_IDS if FULL else ["0", "9" * 30, "abc", "%00", "+1"]
    texts = BAD_TEXT if FULL else ["x" * 100_000, "\x00", "-1", "99999999999999999999999", "<script>"]
    sent, failures = 0, []
    for (role, client), route in itertools.product(
        [("anonymous", anonymous), ("resident", resident), ("member", member)], routes
    ):
        for path in concrete(route, world["good"], values):
            for index, text in enumerate(texts):
                data = {field: text for field in FORM_FIELDS}
                query = {field: text for field in FORM_FIELDS[:4]}
                for method, response in (
                    ("GET", lambda p=path, q=query, i=index: client.get(p, q if i else {})),
                    ("POST", lambda p=path, d=data: client.post(p, d)),
                ):
                    status = response().status_code
                    sent += 1
                    if status >= 500:
                        failures.append(f"{role} {method} {path} {text[:20]!r} → {status}")
    with capsys.disabled():
        print(f"\n[hostile crawl] routes={len(routes)} requests={sent} server errors={len(failures)}")
    assert failures == []
