"""In-process page timing: server time and query count of the main pages, on the benchmark catalogue.

    python bench/pages.py [--services 10000] [--repeat 30]

Uses BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/majubom_bench, created if missing).
Builds the benchmark catalogue with ``seed_demo --scale`` when it is missing, then requests each page through
Django's test client (no network, no server) and reports median and p95 milliseconds and queries.
This measures what Django does per request; ``make bench`` (load through gunicorn) is the other half.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "majubom.settings")
# Production settings, as served: no debug, no SSL redirect on loopback, plain static storage.
os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("DJANGO_MANIFEST_STATIC", "false")
os.environ.setdefault("EMAIL_URL", "memorymail://")
# As in production, notifications are queued for a worker (a Redis db of the bench's own, flushed at the end).
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/12")


DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/majubom_bench"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()

    from bench.db import ensure_database

    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    ensure_database(os.environ["DATABASE_URL"])

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from catalog.models import Provider, Service

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    have = Service.objects.filter(slug__startswith="bench-").count()
    if have < args.services:
        started = time.monotonic()
        call_command("seed_demo", scale=args.services, stdout=open(os.devnull, "w"))  # noqa: SIM115
        print(f"built benchmark data in {time.monotonic() - started:.1f}s")
    total = Service.objects.published().count()
    slugs = list(Service.objects.published().values_list("slug", flat=True)[:2000])
    providers = list(Provider.objects.filter(is_published=True).values_list("slug", flat=True)[:500])
    rng = random.Random(1)
    scenarios = {
        "/healthz": lambda: "/healthz",
        "/": lambda: "/",
        "/services/": lambda: "/services/",
        "/services/?domain=mental&district=seo": lambda: "/services/?domain=mental&district=seo",
        "/services/?q=상담": lambda: "/services/?q=상담",
        "/services/?available=1&sort=price": lambda: "/services/?available=1&sort=price",
        "/services/?page=50": lambda: "/services/?page=50",
        "/services/<slug>/": lambda: f"/services/{rng.choice(slugs)}/",
        "/providers/<slug>/": lambda: f"/providers/{rng.choice(providers)}/",
    }
    quick_answers = {
        **{f"who5-{n}": "1" for n in range(1, 6)},
        "phq9-1": "1",
        "phq9-2": "1",
        "gad7-1": "1",
        "gad7-2": "0",
        "ucla3-1": "3",
        "ucla3-2": "2",
        "ucla3-3": "3",
        "activity-1": "2",
        "activity-2": "30",
        "pref-district": "3",
        "pref-delivery": "0",
        "about-1": "2",
    }
    client = Client()
    results = {}
    print(f"{connection.vendor}, {total} published services\n")
    print(f"{'page':45} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")

    def quick_submit():
        return client.post("/healthcheck/quick/", {"submission": str(uuid.uuid4()), **quick_answers})

    last_result = {"url": None}

    def quick_results():
        if last_result["url"] is None:
            last_result["url"] = quick_submit().url
        return client.get(last_result["url"])

    from django.db.models import F

    from catalog.models import Slot
    from majubom.models import User

    buyer, _new = User.objects.get_or_create(email="bench-buyer@example.kr", defaults={"name": "벤치 주민"})
    shopper = Client()
    shopper.force_login(buyer)
    open_slots = list(
        Slot.objects.filter(
            service__slug__startswith="bench-", service__price__gt=0, booked__lt=F("capacity") - 2
        ).values_list("pk", "service__slug")[:500]
    )

    def checkout():
        slot_id, slug = rng.choice(open_slots)
        shopper.post(f"/cart/add/{slug}/", {"slot": slot_id, "quantity": 1})
        return shopper.post(
            "/checkout/",
            {
                "name": "벤치 주민",
                "phone": "010-1234-5678",
                "email": "bench-buyer@example.kr",
                "payment_method": "bank_transfer",
                "idempotency_key": str(uuid.uuid4()),
            },
        )

    requests = {name: (lambda url=url: client.get(url())) for name, url in scenarios.items()}
    requests["POST /cart/add/ + POST /checkout/"] = checkout
    requests["POST /healthcheck/quick/ (submit)"] = quick_submit
    requests["/healthcheck/results/<token>/"] = quick_results
    for name, request in requests.items():
        request()  # warm up
        timings, queries = [], 0
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as ctx:
                started = time.perf_counter()
                response = request()
                timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code in (200, 302), (name, response.status_code)
            queries = max(queries, len(ctx.captured_queries))
        timings.sort()
        p95 = timings[max(int(len(timings) * 0.95) - 1, 0)]
        results[name] = {
            "median_ms": round(statistics.median(timings), 1),
            "p95_ms": round(p95, 1),
            "queries": queries,
        }
        print(f"{name:45} {statistics.median(timings):10.1f} {p95:8.1f} {queries:8d}")
    if settings.REDIS_URL.endswith("/12"):
        from django.core.cache import cache

        cache.clear()  # the queued notifications and cached pages of this run
    if args.json:
        args.json.write_text(
            json.dumps(
                {"services": total, "vendor": connection.vendor, "pages": results},
                ensure_ascii=False,
                indent=2,
            )
        )


if __name__ == "__main__":
    main()
