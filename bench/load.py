"""Load benchmark of the production shape: gunicorn (DJANGO_DEBUG=false) + PostgreSQL + Redis + whitenoise.

    python bench/load.py                 # 10,000 and 1,000 services, 8 clients, 8 s per scenario
    python bench/load.py --smoke         # small data, about a second per scenario (CI)

Each scale gets its own PostgreSQL database on BENCH_DATABASE_URL's server (created with a UTF-8 ctype
and filled by ``seed_demo --scale`` when missing, reused afterwards). For each scale this script starts
gunicorn on 127.0.0.1, drives it from this separate process with a fixed number of concurrent keep-alive
clients after a warm-up, one scenario at a time, then stops everything it started (also on Ctrl+C).
Results go to bench/RESULTS.md and bench/results.json: requests/s, p50/p95/p99, errors, throughput as a
share of /healthz in the same run, and the peak RSS of the gunicorn workers.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import secrets
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
BASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/majubom_bench")
REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")
PORT = int(os.environ.get("BENCH_PORT", "8123"))

QUICK = {
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
}


def database_url(services: int, smoke: bool) -> str:
    parts = urllib.parse.urlsplit(BASE_URL)
    name = parts.path.lstrip("/") + ("_smoke" if smoke else "" if services >= 10_000 else f"_{services}")
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


def server_env(db_url: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "majubom.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "bench-only-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": db_url,
        "REDIS_URL": REDIS,
        "EMAIL_URL": "memorymail://",
        "DJANGO_LOG_LEVEL": "WARNING",
    }


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return result.stdout


PREPARE = """
import json, random
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db.models import F
from catalog.models import Provider, Service, Slot
from django.utils import timezone
from majubom.models import User
from orders.models import Order, Review
sessions = []
for n in range(16):
    user, _ = User.objects.get_or_create(email=f"bench-resident-{n}@example.kr", defaults={"name": f"주민{n}"})
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    sessions.append(store.session_key)
slots = list(Slot.objects.filter(service__status="published", service__provider__is_published=True,
                                 service__price__gt=0, booked__lt=F("capacity") - 3)
             .values_list("pk", "service__slug")[:3000])
Slot.objects.filter(pk__in=[pk for pk, _ in slots]).update(capacity=F("capacity") + 500)
print(json.dumps({
    "sessions": sessions,
    "slots": slots,
    "services": list(Service.objects.published().values_list("slug", flat=True)[:3000]),
    "all_services": list(Service.objects.published().values_list("slug", flat=True)),
    "providers": list(Provider.objects.filter(is_published=True).values_list("slug", flat=True)[:1000]),
    "count": Service.objects.published().count(),
    "data": {
        "providers": Provider.objects.filter(is_published=True).count(),
        "future slots": Slot.objects.filter(starts_at__gt=timezone.now()).count(),
        "residents": User.objects.filter(email__startswith="bench-user-").count(),
        "past orders": Order.objects.count(),
        "reviews": Review.objects.count(),
    },
}))
"""


class Client:
    """One keep-alive HTTP connection with its own cookies."""

    def __init__(self, cookies: dict | None = None):
        self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        self.cookies = dict(cookies or {})

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, dict]:
        headers = {"Host": "127.0.0.1", "Accept-Language": "ko"}
        data = None
        if method == "POST":
            token = self.cookies.setdefault("csrftoken", secrets.token_hex(16))
            headers["X-CSRFToken"] = token
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            data = urllib.parse.urlencode(body or {}, doseq=True)
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            self.conn.request(method, path, body=data, headers=headers)
            response = self.conn.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
            return 599, {}
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, dict(response.getheaders())


def scenarios(data: dict, rng: random.Random) -> dict:
    # Every request of the first-visit scenario is a page nobody asked for since the cache was emptied.
    unvisited = list(data["all_services"])
    rng.shuffle(unvisited)
    unvisited_lock = threading.Lock()

    def first_visit() -> str:
        with unvisited_lock:
            if not unvisited:  # every page seen: empty the cache and start over
                import redis

                redis.Redis.from_url(REDIS).flushdb()
                unvisited.extend(rng.sample(data["all_services"], len(data["all_services"])))
            return f"/services/{unvisited.pop()}/"

    def pick_first_visit(client) -> None:
        client.next_path = first_visit()

    def get_next(client) -> bool:
        return client.request("GET", client.next_path)[0] == 200

    services = [f"/services/{slug}/" for slug in data["services"]]
    providers = [f"/providers/{slug}/" for slug in data["providers"]]

    def get(path_fn):
        def run(client):
            status, _h = client.request("GET", path_fn())
            return status == 200

        return run

    def quick_submit(client):
        status, headers = client.request(
            "POST", "/healthcheck/quick/", {"submission": str(uuid.uuid4()), **QUICK}
        )
        if status == 302:
            client.last_result = headers.get("Location")
        return status == 302

    def quick_results(client):
        if not getattr(client, "last_result", None):
            quick_submit(client)
        status, _h = client.request("GET", client.last_result)
        return status == 200

    def checkout(client):
        # Only the checkout POST is what this scenario measures; adding to the cart is its set-up.
        return (
            client.request(
                "POST",
                "/checkout/",
                {
                    "name": "벤치 주민",
                    "phone": "010-1234-5678",
                    "email": "bench@example.kr",
                    "payment_method": "bank_transfer",
                    "idempotency_key": str(uuid.uuid4()),
                },
            )[0]
            == 302
        )

    def add_to_cart(client):
        slot, slug = rng.choice(data["slots"])
        client.request("POST", f"/cart/add/{slug}/", {"slot": slot, "quantity": 1})

    return {
        "/healthz": (get(lambda: "/healthz"), None, None),
        "/": (get(lambda: "/"), None, None),
        "/services/": (get(lambda: "/services/"), None, None),
        "/services/?domain=mental&district=seo": (
            get(lambda: "/services/?domain=mental&district=seo"),
            None,
            None,
        ),
        "/services/?q=상담": (get(lambda: "/services/?q=" + urllib.parse.quote("상담")), None, None),
        # The next page is picked (and, when all were seen, the cache emptied) before the clock starts.
        "/services/<slug>/ (first visits)": (get_next, pick_first_visit, None),
        # Steady state: each page of the set is visited once before the warm-up, as traffic would have.
        "/services/<slug>/": (get(lambda: rng.choice(services)), None, services),
        "/providers/<slug>/": (get(lambda: rng.choice(providers)), None, providers),
        "POST /healthcheck/quick/": (quick_submit, None, None),
        "/healthcheck/results/<token>/": (quick_results, None, None),
        "POST /checkout/ (logged in)": (checkout, add_to_cart, None),
    }


def prime(paths: list[str], clients: int) -> None:
    """Visit each path once, with the scenario's number of clients (not measured)."""

    def visit(share: list[str]) -> None:
        client = Client()
        for path in share:
            client.request("GET", path)
        client.conn.close()

    threads = [threading.Thread(target=visit, args=(paths[i::clients],)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


CATALOGUE = [
    "/",
    "/services/",
    "/services/?domain=mental&district=seo",
    "/services/?q=상담",
    "/services/<slug>/ (first visits)",
    "/services/<slug>/",
    "/providers/<slug>/",
]


def run_scenario(
    run,
    setup,
    primer,
    *,
    clients: int,
    warmup: float,
    duration: float,
    sessions: list[str],
    logged_in: bool = False,
) -> dict:
    if primer:
        prime(primer, clients)
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop_at = time.monotonic() + warmup + duration
    measure_from = time.monotonic() + warmup

    def worker(index: int):
        nonlocal errors
        client = Client({"sessionid": sessions[index % len(sessions)]} if logged_in else None)
        while (now := time.monotonic()) < stop_at:
            if setup:
                setup(client)
            started = time.perf_counter()
            ok = run(client)
            elapsed = (time.perf_counter() - started) * 1000
            if now >= measure_from:
                with lock:
                    latencies.append(elapsed)
                    errors += 0 if ok else 1
        client.conn.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()

    def pct(p):
        return round(latencies[min(int(len(latencies) * p), len(latencies) - 1)], 1) if latencies else None

    return {
        "requests": len(latencies),
        "rps": round(len(latencies) / duration, 1),
        "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "errors": errors,
    }


def worker_rss_kb(master_pid: int) -> int:
    """Peak resident memory (VmHWM) of gunicorn's worker processes, summed."""
    total = 0
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            stat = (proc / "stat").read_text().split()
            if int(stat[3]) != master_pid:
                continue
            for line in (proc / "status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1])
        except (OSError, ValueError, IndexError):
            continue
    return total


def bench_scale(services: int, args) -> dict:
    db_url = database_url(services, args.smoke)
    sys.path.insert(0, str(ROOT))
    from bench.db import ensure_database

    ensure_database(db_url)
    env = server_env(db_url)
    manage(env, "migrate", "--no-input", "-v0")
    have = json.loads(
        manage(
            env,
            "shell",
            "--no-imports",
            "-c",
            "import json; from catalog.models import Service; "
            "print(json.dumps(Service.objects.filter(slug__startswith='bench-').count()))",
        )
    )
    if have < services:
        started = time.monotonic()
        manage(env, "seed_demo", "--scale", str(services))
        print(f"  built {services} services in {time.monotonic() - started:.0f}s", flush=True)
    manage(env, "collectstatic", "--no-input", "-v0")
    # A cold start: nothing cached by an earlier run (the bench's own Redis db; the catalogue version is in it).
    import redis

    redis.Redis.from_url(REDIS).flushdb()
    data = json.loads(manage(env, "shell", "--no-imports", "-c", PREPARE).strip().splitlines()[-1])

    workers = args.workers or max(2, (os.cpu_count() or 2) + 1)
    server = subprocess.Popen(
        [
            str(Path(PY).parent / "gunicorn"),
            "majubom.wsgi:application",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--keep-alive",
            "5",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if Client().request("GET", "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        else:
            raise SystemExit("gunicorn did not answer /healthz within 30 s")
        rng = random.Random(7)
        results = {}
        for name, (run, setup, primer) in scenarios(data, rng).items():
            if args.only and name != "/healthz" and not any(part in name for part in args.only):
                continue
            results[name] = run_scenario(
                run,
                setup,
                primer,
                logged_in="logged in" in name,
                clients=args.clients,
                warmup=args.warmup,
                duration=args.duration,
                sessions=data["sessions"],
            )
            floor = results.get("/healthz", {}).get("rps") or 0
            results[name]["vs_healthz"] = round(results[name]["rps"] / floor, 2) if floor else None
            print(
                f"  {name:42} {results[name]['rps']:8.1f}/s  p95 {results[name]['p95_ms']} ms  "
                f"errors {results[name]['errors']}",
                flush=True,
            )
        rss = worker_rss_kb(server.pid)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    return {
        "services": data["count"],
        "data": data["data"],
        "workers": workers,
        "peak_worker_rss_mb": round(rss / 1024, 1),
        "scenarios": results,
    }


def write_results(runs: list[dict], args) -> None:
    out = {"cores": os.cpu_count(), "clients": args.clients, "duration_s": args.duration, "runs": runs}
    suffix = "-smoke" if args.smoke else ""
    (ROOT / "bench" / f"results{suffix}.json").write_text(json.dumps(out, ensure_ascii=False, indent=2))
    lines = [
        "# Benchmark results" + (" (smoke)" if args.smoke else ""),
        "",
        f"Machine: {os.cpu_count()} cores. gunicorn (sync workers, DJANGO_DEBUG=false) + PostgreSQL + Redis cache, "
        f"{args.clients} concurrent keep-alive clients from a separate process, {args.warmup:g} s warm-up then "
        f"{args.duration:g} s per scenario. Throughput is also given as a share of `/healthz` in the same run.",
        "The Redis cache is emptied before each data size. Service pages are measured twice: *first visits* "
        "(every request a page nobody asked for since the cache was emptied: the cost of a cold page) and "
        "steady state (random pages among the first 3,000, each visited once before the warm-up, as earlier "
        "traffic would have: what a busy server sees). Provider pages: steady state over all providers.",
        "",
    ]
    for run in runs:
        data = ", ".join(f"{count:,} {name}" for name, count in run.get("data", {}).items())
        lines += [
            f"## {run['services']:,} published services ({run['workers']} workers, peak worker RSS "
            f"{run['peak_worker_rss_mb']} MB in total)",
            "",
            *([f"Data: {data}.", ""] if data else []),
            "| scenario | req/s | × /healthz | p50 ms | p95 ms | p99 ms | errors |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for name, r in run["scenarios"].items():
            lines.append(
                f"| `{name}` | {r['rps']} | {r['vs_healthz']} | {r['p50_ms']} | {r['p95_ms']} | "
                f"{r['p99_ms']} | {r['errors']} |"
            )
        lines.append("")
    if len(runs) == 2:
        big, small = sorted(runs, key=lambda run: -run["services"])[:2]
        lines += [
            f"## Growth: p95 at {small['services']:,} → {big['services']:,} services",
            "",
            "| scenario | p95 ms | p95 ms | change |",
            "|---|---:|---:|---:|",
        ]
        for name in CATALOGUE:
            before, after = small["scenarios"].get(name), big["scenarios"].get(name)
            if before and after and before["p95_ms"]:
                change = (after["p95_ms"] - before["p95_ms"]) / before["p95_ms"] * 100
                lines.append(f"| `{name}` | {before['p95_ms']} | {after['p95_ms']} | {change:+.0f} % |")
        lines.append("")
    (ROOT / "bench" / f"RESULTS{suffix.upper()}.md").write_text("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--duration", type=float, default=None)
    parser.add_argument("--warmup", type=float, default=None)
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        help="run the scenarios whose name contains this (and /healthz)",
    )
    parser.add_argument(
        "--scales", type=int, nargs="+", default=None, help="service counts (default 10000 1000)"
    )
    args = parser.parse_args()
    args.duration = args.duration or (1.0 if args.smoke else 8.0)
    args.warmup = args.warmup if args.warmup is not None else (0.3 if args.smoke else 2.0)
    scales = args.scales or ([200] if args.smoke else [10_000, 1_000])
    runs = []
    for services in scales:
        print(f"{services} services", flush=True)
        runs.append(bench_scale(services, args))
    if args.only or args.scales:
        print("(a partial run: bench/RESULTS.md is left as it was)")
    else:
        write_results(runs, args)
    failed = [
        name for run in runs for name, r in run["scenarios"].items() if r["errors"] or not r["requests"]
    ]
    if failed:
        raise SystemExit(f"errors in: {', '.join(failed)}")


if __name__ == "__main__":
    main()
