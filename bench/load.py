"""Load benchmark of the production shape: gunicorn (DJANGO_DEBUG=false) + PostgreSQL + Redis + whitenoise.

    python bench/load.py                  # 10,000 and 1,000 services, 8 clients, 8 s per scenario
    python bench/load.py --smoke          # small data, about a second per scenario (CI)
    python bench/load.py --only mixed     # rerun some scenarios (and /healthz), merged into the results
    python bench/load.py --report         # rewrite bench/RESULTS.md from the saved results

Each scale gets its own PostgreSQL database on BENCH_DATABASE_URL's server (created with a UTF-8 ctype
and filled by ``seed_demo --scale`` when missing, reused afterwards). For each scale this script starts
gunicorn on 127.0.0.1 and drives it, one scenario at a time, then stops everything it started (also on
Ctrl+C).

The load comes from clients that are cheaper than the server, so the figures are the server's:

* GET pages: ``wrk`` (C, event loops) with ``bench/lua/paths.lua``, one connection per wrk thread; the
  script picks the paths, keeps the visitor's cookies and records each request's status and latency.
* Forms (quick health test, results, checkout) keep per-visitor state (CSRF cookie, session, cart): one
  Python *process* per client (``multiprocessing``), so the clients do not share one interpreter's lock.
* The client check runs /healthz with wrk at 1, 2, 4 and 8 threads and 8 to 32 connections, and with the
  Python clients, and every scenario reports the CPU its client used (see ``CpuMeter``).

The mixed scenario reads service, list, provider pages and the home page with wrk while separate
processes book seats (cart + checkout, logged in) at a steady rate. Cold renders are counted in Redis:
every cache write of a page-cache entry (``…:1:pc:…``, formerly ``…:1:catalog:fragment:…``) is a render
that missed, announced by Redis keyspace notifications (see ``FragmentWrites``).

Results go to bench/results.json and bench/RESULTS.md; when bench/results-before.json exists, RESULTS.md
also compares against it (before → after).
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import math
import multiprocessing
import os
import random
import re
import resource
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
BASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/majubom_bench")
REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")
PORT = int(os.environ.get("BENCH_PORT", "8123"))
LUA = ROOT / "bench" / "lua"
HARNESS = 2
BUCKET_MS = 0.01  # latency histograms: 10 µs buckets
# A run whose other processes (not the bench's server, database, cache or client) used more than this
# many cores is disturbed: it is rerun once (see --retries) and marked if it stays so.
NOISY_CORES = 0.15
TARGET_P95_MS = 50
TARGET_RATIO = 0.30

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
    "about-1": "2",
}

# Mixed scenario: what readers read (weights of the request mix).
READER_WEIGHTS = {"service": 60, "list": 30, "provider": 5, "home": 5}


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


def require_wrk() -> str:
    found = shutil.which("wrk")
    if not found:
        where = " (CI: .ci/run installs it with apt-get)" if os.environ.get("CI") else ""
        raise SystemExit(
            "bench: wrk is not installed" + where + ". The GET scenarios are driven by wrk so that the "
            "client is not the limit: apt-get install wrk (Debian/Ubuntu) or brew install wrk."
        )
    return found


def code_version() -> dict:
    """Which code was measured: the commit and whether the working tree differs from it (read-only git)."""

    def git(*args: str) -> str:
        result = subprocess.run(
            ["git", "--no-optional-locks", *args], cwd=ROOT, capture_output=True, text=True, check=False
        )
        return result.stdout.strip() if result.returncode == 0 else ""

    commit = git("rev-parse", "HEAD")
    status = git("status", "--porcelain", "--", ".", ":(exclude)bench")
    return {"commit": commit, "short": commit[:7], "dirty": bool(status)}


PREPARE = """
import datetime, json, random
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db.models import F
from catalog.models import Provider, Service, Slot
from django.utils import timezone
from majubom.models import User
from orders.models import Order, Review
try:
    from groups.models import HealthGroup
    group_slugs = list(HealthGroup.objects.filter(status="recruiting").values_list("slug", flat=True)[:1000])
except ImportError:  # code before 건강반
    group_slugs = []
try:
    from bench.fair_seed import prepare as prepare_fairs
    fairs = prepare_fairs()
except ImportError:  # code before 건강상점
    fairs = {}
sessions = []
for n in range(16):
    user, _ = User.objects.get_or_create(email=f"bench-resident-{n}@example.kr", defaults={"name": f"주민{n}"})
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    sessions.append(store.session_key)
# A cooperative staff member (superuser) for the staff pages (/staff/market/).
staff, _ = User.objects.get_or_create(email="bench-staff@example.kr", defaults={"name": "조합 직원"})
if not (staff.is_staff and staff.is_superuser and staff.is_active):
    staff.is_staff = staff.is_superuser = staff.is_active = True
    staff.save(update_fields=["is_staff", "is_superuser", "is_active"])
store = SessionStore()
store[SESSION_KEY] = str(staff.pk)
store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
store[HASH_SESSION_KEY] = staff.get_session_auth_hash()
store.create()
staff_sessions = [store.session_key]
services = list(Service.objects.published().values_list("slug", flat=True)[:3000])
# Seats are booked on the services that readers read, so that every booking can make a read page stale.
slots = list(Slot.objects.filter(service__slug__in=services, service__price__gt=0,
                                 starts_at__gt=timezone.now() + datetime.timedelta(hours=2),
                                 booked__lt=F("capacity") - 3)
             .order_by("pk").values_list("pk", "service__slug")[:3000])
Slot.objects.filter(pk__in=[pk for pk, _ in slots]).update(capacity=F("capacity") + 500)
print(json.dumps({
    "sessions": sessions,
    "staff_sessions": staff_sessions,
    "slots": slots,
    "services": services,
    "all_services": list(Service.objects.published().values_list("slug", flat=True)),
    "providers": list(Provider.objects.filter(is_published=True).values_list("slug", flat=True)[:1000]),
    "groups": group_slugs,
    **fairs,
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


# --- latency histograms ----------------------------------------------------------------------------------


def hist_merge(into: dict, other: dict) -> dict:
    for bucket, count in other.items():
        into[int(bucket)] = into.get(int(bucket), 0) + count
    return into


def hist_of_ms(values: list[float]) -> dict:
    hist: dict = {}
    for ms in values:
        bucket = int(ms / BUCKET_MS)
        hist[bucket] = hist.get(bucket, 0) + 1
    return hist


def percentile(hist: dict, p: float) -> float | None:
    total = sum(hist.values())
    if not total:
        return None
    rank = min(int(total * p), total - 1)  # as the earlier harness: the value at index int(n·p)
    seen = 0
    for bucket in sorted(hist):
        seen += hist[bucket]
        if seen > rank:
            return round((bucket + 0.5) * BUCKET_MS, 1)
    return None


def latency_fields(hist: dict) -> dict:
    return {
        "p50_ms": percentile(hist, 0.5),
        "p95_ms": percentile(hist, 0.95),
        "p99_ms": percentile(hist, 0.99),
    }


# --- CPU accounting -------------------------------------------------------------------------------------

CLK_TCK = os.sysconf("SC_CLK_TCK")
_PG_BACKEND = re.compile(r":\s\S+\s(\S+)\s(?:\d[\d.]*|\[local\]|[0-9a-f:]+)\(\d+\)")


def _read(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            return handle.read().decode(errors="replace")
    except OSError:
        return ""


def _processes() -> dict:
    """pid → (start time, ppid, comm, cpu seconds) of every process now."""
    found = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        stat = _read(f"/proc/{name}/stat")
        if not stat:
            continue
        comm = stat[stat.find("(") + 1 : stat.rfind(")")]
        rest = stat[stat.rfind(")") + 2 :].split()
        try:
            ppid, utime, stime, start = int(rest[1]), int(rest[11]), int(rest[12]), int(rest[19])
        except (IndexError, ValueError):
            continue
        found[int(name)] = (start, ppid, comm, (utime + stime) / CLK_TCK)
    return found


def _machine() -> tuple[float, float, float]:
    """(busy, total, interrupts) CPU seconds of the whole machine since boot; interrupts (irq, softirq:
    much of the loopback traffic's kernel work) are charged to no process."""
    fields = [int(v) for v in _read("/proc/stat").splitlines()[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    total = sum(fields[:8])
    interrupts = sum(fields[5:7])
    return (total - idle) / CLK_TCK, total / CLK_TCK, interrupts / CLK_TCK


class CpuMeter:
    """Where the machine's CPU went during a run, in cores (CPU seconds per second; this machine has
    ``os.cpu_count()``): the bench's client (wrk or the Python client processes, and this script), the
    gunicorn server, the benchmark database's PostgreSQL processes, Redis, the kernel and short-lived
    interrupts (``system``), and *other*: every other process on the machine, and the CPU no running process
    accounts for (processes that came and went: a test suite running at the same time). ``other`` is the
    noise check: a quiet machine shows almost none."""

    def __init__(self, server_pid: int, dbname: str):
        self.server_pid = server_pid
        self.dbname = dbname
        self.cmdlines: dict = {}

    def snapshot(self) -> dict:
        self_usage = resource.getrusage(resource.RUSAGE_SELF)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        procs = _processes()
        for pid, (_start, _ppid, comm, _cpu) in procs.items():
            if comm.startswith("postgres") and pid not in self.cmdlines:
                # read while it runs: which database a backend serves is needed if it ends
                self.cmdlines[pid] = _read(f"/proc/{pid}/cmdline").replace("\0", " ")
        return {
            "at": time.monotonic(),
            "machine": _machine(),
            "procs": procs,
            "self": self_usage.ru_utime + self_usage.ru_stime,
            "children": children.ru_utime + children.ru_stime,
        }

    def _kind(self, pid: int, ppid: int, comm: str) -> str:
        if pid == self.server_pid or ppid == self.server_pid:
            return "server"
        if pid == os.getpid():
            return "self"  # counted from getrusage
        if ppid == os.getpid():
            return "client"
        if comm == "redis-server":
            return "cache"
        if ppid in (0, 2) or pid == 2:
            return "system"  # kernel threads (softirq work of the loopback traffic lands here too)
        if comm.startswith("postgres"):
            cmdline = self.cmdlines.get(pid)
            if cmdline is None:
                cmdline = self.cmdlines[pid] = _read(f"/proc/{pid}/cmdline").replace("\0", " ")
            backend = _PG_BACKEND.search(cmdline)
            return "db" if backend is None or backend.group(1) == self.dbname else "other"
        return "other"

    def delta(self, before: dict, after: dict, *, client_reported: float | None = None) -> dict:
        """The client's CPU: this script's, its child processes' still running (wrk, booking clients) and
        those that ended in between: ``client_reported`` when they measured it themselves (Python clients,
        whose start-up is not part of the run), otherwise their usage as reaped (wrk)."""
        wall = max(after["at"] - before["at"], 1e-6)
        used = Counter()
        others = Counter()
        for pid, (start, ppid, comm, cpu) in after["procs"].items():
            old = before["procs"].get(pid)
            spent = max(cpu - old[3] if old and old[0] == start else cpu, 0.0)
            kind = self._kind(pid, ppid, comm)
            used[kind] += spent
            if kind == "other" and spent:
                others[comm] += spent
        used.pop("self", None)
        used["client"] += after["self"] - before["self"]
        if client_reported is not None:
            used["client"] += client_reported
        else:
            used["client"] += after["children"] - before["children"]
        busy = after["machine"][0] - before["machine"][0]
        total = after["machine"][1] - before["machine"][1]
        used["system"] += after["machine"][2] - before["machine"][2]
        # What no process still running accounts for: processes that ended during the run (the bench's
        # clients are counted above) and the hypervisor's steal. Other load, unless one of the bench's
        # server or database processes ended too (Django recycles its connections: CONN_MAX_AGE).
        unaccounted = max(busy - sum(used.values()), 0.0)
        ours_ended = any(
            self._kind(pid, ppid, comm) in ("server", "db")
            for pid, (start, ppid, comm, _cpu) in before["procs"].items()
            if pid not in after["procs"] or after["procs"][pid][0] != start
        )
        used["ended" if ours_ended else "other"] += unaccounted
        cores = total / wall if total else float(os.cpu_count() or 1)
        result = {kind: round(used[kind] / wall, 2) for kind in ("client", "server", "db", "cache", "system")}
        result["other"] = round(used["other"] / wall, 2)
        # unattributed, while a bench process ended: its own CPU, or other short-lived processes
        result["ended"] = round(used["ended"] / wall, 2)
        result["idle"] = round(max(cores - busy / wall, 0.0), 2)
        if not ours_ended:
            others["(processes that ended during the run)"] = unaccounted
        result["other_top"] = {
            comm: round(spent / wall, 2) for comm, spent in others.most_common(3) if spent / wall >= 0.01
        }
        return result


# --- cold renders, counted in Redis ---------------------------------------------------------------------


def fragment_name(key: str) -> str | None:
    """The entry name of a page-cache key (``majubom:1:pc:<name>:…`` or ``…:1:catalog:fragment:<name>:…``);
    None for anything else and for the scope versions (``pc:v:…``)."""
    for marker in (":1:pc:", ":1:catalog:fragment:"):
        at = key.find(marker)
        if at >= 0:
            name = key[at + len(marker) :].split(":", 1)[0]
            return None if name == "v" else name
    return None


class FragmentWrites:
    """Counts, by entry name, the writes of page-cache entries in the bench's Redis database.

    A page-cache entry is written only when a request did not find it (a cold render), so the number of
    writes during a run is the number of renders that missed. Redis announces them through keyspace
    notifications (``notify-keyspace-events`` gets ``K$`` for the run and is restored afterwards); the
    subscription is on key patterns, so Redis sends only page-cache writes (not /healthz's own key, not
    sessions) and the application is unchanged."""

    PATTERNS = ("*:1:pc:*", "*:1:catalog:fragment:*")

    def __init__(self, url: str):
        import redis

        self.redis = redis.Redis.from_url(url)
        self.db = int(urllib.parse.urlsplit(url).path.lstrip("/") or 0)
        self.counts: Counter = Counter()
        self.lock = threading.Lock()
        self.last_message = 0.0
        self.available = False
        self.reason = ""
        self.previous = None
        self.stopping = False
        self.thread = None
        self.pubsub = None

    def start(self) -> None:
        import redis

        try:
            self.previous = self.redis.config_get("notify-keyspace-events").get("notify-keyspace-events", "")
            flags = set(self.previous) | {"K", "$"}
            self.redis.config_set("notify-keyspace-events", "".join(sorted(flags)))
        except redis.RedisError as exc:
            self.reason = f"Redis refused CONFIG SET notify-keyspace-events ({exc}): no cold-render counts"
            print(f"  {self.reason}", flush=True)
            return
        self.pubsub = self.redis.pubsub(ignore_subscribe_messages=True)
        self.pubsub.psubscribe(*(f"__keyspace@{self.db}__:{pattern}" for pattern in self.PATTERNS))
        self.available = True
        self.thread = threading.Thread(target=self._listen, daemon=True)
        self.thread.start()

    def _listen(self) -> None:
        prefix = f"__keyspace@{self.db}__:"
        while not self.stopping:
            message = self.pubsub.get_message(timeout=0.2)
            if not message or message.get("type") != "pmessage":
                continue
            channel = message["channel"].decode(errors="replace")
            name = fragment_name(channel[len(prefix) :]) if channel.startswith(prefix) else None
            if name:
                with self.lock:
                    self.counts[name] += 1
                    self.last_message = time.monotonic()

    def snapshot(self) -> Counter | None:
        """The counts so far, once the notifications in flight have arrived (none for 0.15 s)."""
        if not self.available:
            return None
        time.sleep(0.1)
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline and time.monotonic() - self.last_message < 0.15:
            time.sleep(0.05)
        with self.lock:
            return Counter(self.counts)

    def snapshot_now(self) -> Counter | None:
        """The counts so far, at once (at the edges of a window inside a run, where the load goes on)."""
        if not self.available:
            return None
        with self.lock:
            return Counter(self.counts)

    def stop(self) -> None:
        self.stopping = True
        if self.thread:
            self.thread.join(timeout=2)
        if self.pubsub:
            self.pubsub.close()
        if self.previous is not None:
            try:
                self.redis.config_set("notify-keyspace-events", self.previous)
            except Exception as exc:  # the bench must still stop its server
                print(f"  could not restore notify-keyspace-events: {exc}", flush=True)


def wait_quiet(meter: CpuMeter, limit_s: float) -> None:
    """Wait (at most ``limit_s``) until other processes use less than NOISY_CORES over a second."""
    waited, announced = 0.0, False
    while waited < limit_s:
        before = meter.snapshot()
        time.sleep(1.0)
        other = meter.delta(before, meter.snapshot())["other"]
        if other <= NOISY_CORES:
            return
        if not announced:
            print(f"  (waiting for other load to stop: {other} cores in use)", flush=True)
            announced = True
        waited += 1.0
    if announced:
        print(f"  (still busy after {limit_s:g} s: going on)", flush=True)


def writes_between(before: Counter | None, after: Counter | None) -> dict | None:
    if before is None or after is None:
        return None
    return {name: after[name] - before[name] for name in after if after[name] - before[name] > 0}


def flush_cache() -> None:
    import redis

    redis.Redis.from_url(REDIS).flushdb()


# --- the Python client (form posts, priming, the booking clients) --------------------------------------


class Client:
    """One HTTP connection with its own cookies (gunicorn's sync workers close it after each response;
    http.client reconnects)."""

    def __init__(self, cookies: dict | None = None):
        self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        self.cookies = dict(cookies or {})

    def request(
        self, method: str, path: str, body: dict | None = None, extra: dict | None = None
    ) -> tuple[int, dict]:
        headers = {"Host": "127.0.0.1", "Accept-Language": "ko", **(extra or {})}
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
        return response.status, {k.lower(): v for k, v in response.getheaders()}


def _checkout_body() -> dict:
    return {
        "name": "벤치 주민",
        "phone": "010-1234-5678",
        "email": "bench@example.kr",
        "payment_method": "bank_transfer",
        "idempotency_key": str(uuid.uuid4()),
    }


def _add_to_cart(client: Client, rng: random.Random, params: dict) -> bool:
    slot, slug = rng.choice(params["slots"])
    status, headers = client.request("POST", f"/cart/add/{slug}/", {"slot": slot, "quantity": 1})
    return status == 302 and headers.get("location", "").endswith("/cart/")


def _checkout(client: Client) -> tuple[bool, int]:
    status, headers = client.request("POST", "/checkout/", _checkout_body())
    # A booking that fails (sold out, empty cart) also redirects, to the cart: only an order counts.
    return status == 302 and "/orders/" in headers.get("location", ""), status


def _step(kind: str, client: Client, rng: random.Random, params: dict, state: dict):
    """One timed request of a Python-driven scenario: (ok, status)."""
    if kind == "healthz":
        status, _h = client.request("GET", "/healthz")
        return status == 200, status
    if kind == "quick_submit":
        status, headers = client.request(
            "POST", "/healthcheck/quick/", {"submission": str(uuid.uuid4()), **QUICK}
        )
        state["result"] = headers.get("location")
        return status == 302 and "/healthcheck/results/" in (state["result"] or ""), status
    if kind == "quick_results":
        status, _h = client.request("GET", state["result"])
        return status == 200, status
    if kind == "checkout":
        return _checkout(client)
    if kind == "group_join":
        # A resident joins a group (a seat or a place in line, under the group's row lock). Success and a
        # refusal both come back to the group's page; only that counts as an answer.
        slug = rng.choice(params["groups"])
        status, headers = client.request("POST", f"/groups/{slug}/join/")
        state["joined"] = slug
        return status == 302 and headers.get("location", "").endswith(f"/groups/{slug}/"), status
    if kind == "fair_register":
        # A visitor (no account, a phone number of their own) registers for the fair: a confirmed place
        # while places are left, then a place in line. Both come back as a redirect to the ticket.
        slug = params["fair"]["slug"]
        n = state["registered"] = state.get("registered", 0) + 1
        index = state["index"] + 100 * (n // 10000)
        body = {
            "name": f"벤치 방문객 {state['index']}-{n}",
            "phone": f"010-{5000 + index:04d}-{n % 10000:04d}",
            "party_size": 1 + (n + state["index"]) % 4,
            "agree_privacy": "on",
        }
        status, headers = client.request("POST", f"/fairs/{slug}/register/", body)
        return status == 302 and f"/fairs/{slug}/tickets/" in headers.get("location", ""), status
    if kind == "market":
        # The cooperative's market dashboard (staff session): the default period, the last 12 weeks.
        status, _h = client.request("GET", "/staff/market/")
        return status == 200, status
    if kind == "desk_scan":
        # A door phone (staff, events.check_in) scans a ticket's code with a fresh nonce, as the desk page's
        # htmx form sends it: the first scan of a code lets the party in, later ones answer "already".
        slug = params["fair"]["door_slug"]
        body = {"code": rng.choice(params["fair"]["codes"]), "nonce": uuid.uuid4().hex}
        status, _h = client.request("POST", f"/fairs/{slug}/desk/scan/", body, extra={"HX-Request": "true"})
        return status == 200, status
    raise ValueError(kind)


def _setup(kind: str, client: Client, rng: random.Random, params: dict, state: dict) -> None:
    """What a timed request needs first, not timed: a result to look at, an item in the cart."""
    if kind == "quick_results" and not state.get("result"):
        _step("quick_submit", client, rng, params, state)
    if kind == "checkout":
        _add_to_cart(client, rng, params)
    if kind == "group_join" and state.get("joined"):
        # leave the last group again (which promotes the head of its line), so that joins keep finding seats
        client.request("POST", f"/groups/{state.pop('joined')}/leave/")
    if kind == "fair_register":
        # each registration is another visitor's phone: no session remembering the last ticket
        client.cookies.pop("sessionid", None)
        client.cookies.pop("messages", None)


def _client_process(kind: str, index: int, conn, params: dict) -> None:
    """One client of a Python-driven scenario, in its own process: waits for the start signal, loops until
    the stop time, and sends back its latencies (ms histogram), statuses and its own CPU time."""
    rng = random.Random(params["seed"] * 1000 + index)
    cookies = (
        {"sessionid": params["sessions"][index % len(params["sessions"])]} if params["logged_in"] else {}
    )
    client = Client(cookies)
    state: dict = {"index": index}
    conn.send("ready")
    start_at, measure_from, stop_at = conn.recv()
    time.sleep(max(0.0, start_at - time.monotonic()))
    cpu_start = time.process_time()
    latencies: list[float] = []
    statuses: Counter = Counter()
    errors = 0
    while (now := time.monotonic()) < stop_at:
        _setup(kind, client, rng, params, state)
        started = time.perf_counter()
        ok, status = _step(kind, client, rng, params, state)
        elapsed = (time.perf_counter() - started) * 1000
        if now >= measure_from:
            latencies.append(elapsed)
            statuses[str(status)] += 1
            errors += 0 if ok else 1
    client.conn.close()
    conn.send(
        {
            "hist": hist_of_ms(latencies),
            "statuses": dict(statuses),
            "errors": errors,
            "cpu_s": time.process_time() - cpu_start,
        }
    )
    conn.close()


def run_processes(kind: str, params: dict, *, clients: int, warmup: float, duration: float, meter):
    """A Python-driven scenario: ``clients`` processes, each one connection, all started together."""
    ctx = multiprocessing.get_context("spawn")
    pipes, procs = [], []
    for index in range(clients):
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_client_process, args=(kind, index, child, params), daemon=True)
        proc.start()
        pipes.append(parent)
        procs.append(proc)
    for parent in pipes:
        parent.recv()  # every process has started (imports done) before the clock starts
    cpu0 = meter.snapshot()
    start_at = time.monotonic() + 0.05
    for parent in pipes:
        parent.send((start_at, start_at + warmup, start_at + warmup + duration))
    reports = [parent.recv() for parent in pipes]
    for proc in procs:
        proc.join()
    cpu1 = meter.snapshot()
    hist: dict = {}
    statuses: Counter = Counter()
    for report in reports:
        hist_merge(hist, report["hist"])
        statuses.update(report["statuses"])
    requests = sum(hist.values())
    return {
        "client": f"python, {clients} processes",
        "requests": requests,
        "rps": round(requests / duration, 1),
        **latency_fields(hist),
        "errors": sum(report["errors"] for report in reports),
        "statuses": dict(statuses),
        "cpu": meter.delta(cpu0, cpu1, client_reported=sum(report["cpu_s"] for report in reports)),
    }


def run_threads_healthz(*, clients: int, duration: float, meter) -> dict:
    """The earlier harness's client, for the client check only: threads of one Python process."""
    latencies: list[float] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + duration

    def worker():
        client = Client()
        mine = []
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            client.request("GET", "/healthz")
            mine.append((time.perf_counter() - started) * 1000)
        client.conn.close()
        with lock:
            latencies.extend(mine)

    cpu0 = meter.snapshot()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cpu1 = meter.snapshot()
    hist = hist_of_ms(latencies)
    return {
        "requests": len(latencies),
        "rps": round(len(latencies) / duration, 1),
        **latency_fields(hist),
        "cpu": meter.delta(cpu0, cpu1, client_reported=0.0),
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


# --- wrk --------------------------------------------------------------------------------------------------


def encode(path: str) -> str:
    return urllib.parse.quote(path, safe="/?=&%")


def write_list(directory: Path, name: str, groups: dict, weights: dict | None = None) -> Path:
    """A path list for bench/lua/paths.lua: "label<TAB>path" lines, optional "#weight" lines."""
    lines = [f"#weight\t{label}\t{weight}" for label, weight in (weights or {}).items()]
    lines += [f"{label}\t{encode(path)}" for label, paths in groups.items() for path in paths]
    target = directory / f"{name}.txt"
    target.write_text("\n".join(lines) + "\n")
    return target


def wrk(
    script: str,
    *,
    threads: int,
    connections: int,
    duration: int,
    path: str = "/",
    args=(),
    marks: tuple = (),
    on_mark=None,
) -> dict:
    """Run wrk; at each time of ``marks`` (time.monotonic()) while it runs, ``on_mark()`` is called and its
    results are returned in ``out["marks"]``."""
    command = [
        require_wrk(),
        f"-t{threads}",
        f"-c{connections}",
        f"-d{max(1, int(duration))}s",
        "--timeout",
        "10s",
        "-s",
        str(LUA / script),
        f"http://127.0.0.1:{PORT}{encode(path)}",
        "--",
        *map(str, args),
    ]
    seen = []
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
        try:
            for moment in marks:
                time.sleep(max(0.0, moment - time.monotonic()))
                seen.append(on_mark() if on_mark else None)
            stdout, stderr = proc.communicate()
        except BaseException:
            proc.kill()
            raise
    line = next((ln for ln in stdout.splitlines() if ln.startswith("BENCHJSON ")), None)
    if proc.returncode or line is None:
        raise SystemExit(f"wrk failed ({proc.returncode}):\n{stdout[-1500:]}\n{stderr[-1500:]}")
    out = json.loads(line.removeprefix("BENCHJSON "))
    out["socket_errors"] = sum(v for k, v in out["errors"].items() if k != "status")
    out["marks"] = seen
    return out


def wrk_paths(
    list_file: Path,
    *,
    clients: int,
    duration: int,
    warmup: int = 0,
    mode: str = "random",
    seed: int = 7,
    on_mark=None,
) -> dict:
    """One wrk run of bench/lua/paths.lua: per-label statuses and latency histograms.

    In random mode the run has a measured window inside it: ``warmup`` seconds after the start (plus wrk's
    start-up) for ``duration`` seconds, and only requests that start in it are recorded. The load runs on
    before and after it, so requests in flight at either edge balance, and ``on_mark()`` is called at both
    edges (cache-write counts, CPU), giving ``run["marks"]``."""
    if mode == "random":
        launched = time.monotonic()
        start, end = launched + warmup + 0.3, launched + warmup + 0.3 + duration
        out = wrk(
            "paths.lua",
            threads=clients,
            connections=clients,
            duration=math.ceil(end + 0.7 - launched),
            args=(list_file, mode, seed, clients, int(start * 1e6), int(end * 1e6)),
            marks=(start, end),
            on_mark=on_mark,
        )
    else:
        out = wrk(
            "paths.lua",
            threads=clients,
            connections=clients,
            duration=duration,
            args=(list_file, mode, seed, clients),
        )
    counts: dict = {}
    for key, n in out["counts"].items():
        label, status = key.split("\t")
        counts.setdefault(label, Counter())[status] += n
    hists: dict = {}
    for key, n in out["hist"].items():
        label, bucket = key.split("\t")
        hists.setdefault(label, {})[int(bucket)] = n
    spans = [tuple(map(float, v.split())) for v in out["spans"].values()]
    wall = out["duration_us"] / 1e6
    if mode == "random":
        wall = duration
    elif out["exhausted_threads"] and spans:  # threads stopped early: the time they were busy
        wall = (max(last for _f, last in spans) - min(first for first, _l in spans)) / 1e6
    return {
        "counts": counts,
        "hists": hists,
        "duration_s": wall,
        "socket_errors": out["socket_errors"],
        "failures": list(out["failures"].values()),
        "wrk_p95_ms": round(out["wrk_latency_us"]["p95"] / 1000, 1),
        "marks": out["marks"],
    }


@dataclass
class Measure:
    """Runs of paths.lua added together (first visits are several runs)."""

    counts: dict = field(default_factory=dict)
    hists: dict = field(default_factory=dict)
    duration_s: float = 0.0
    socket_errors: int = 0
    failures: list = field(default_factory=list)
    wrk_p95_ms: list = field(default_factory=list)

    def add(self, run: dict) -> Measure:
        for label, counter in run["counts"].items():
            self.counts.setdefault(label, Counter()).update(counter)
        for label, hist in run["hists"].items():
            hist_merge(self.hists.setdefault(label, {}), hist)
        self.duration_s += run["duration_s"]
        self.socket_errors += run["socket_errors"]
        self.failures += run["failures"][: 20 - len(self.failures)]
        self.wrk_p95_ms.append(run["wrk_p95_ms"])
        return self

    def summary(self, labels=None) -> dict:
        labels = list(self.counts) if labels is None else labels
        hist: dict = {}
        statuses: Counter = Counter()
        for label in labels:
            hist_merge(hist, self.hists.get(label, {}))
            statuses.update(self.counts.get(label, {}))
        requests = sum(statuses.values())
        bad = requests - statuses.get("200", 0)
        return {
            "requests": requests,
            "rps": round(requests / self.duration_s, 1) if self.duration_s else 0.0,
            **latency_fields(hist),
            "errors": bad + (self.socket_errors if labels == list(self.counts) else 0),
            "statuses": dict(statuses),
        }


# --- scenarios --------------------------------------------------------------------------------------------


def list_paths() -> list[str]:
    """Service list pages as visitors browse them: filters by health domain and district, a few pages deep,
    other orders and searches."""
    paths = []
    for domain in ("", "physical", "mental", "social", "education", "economic"):
        for district in ("", "dong", "jung", "seo", "yuseong", "daedeok"):
            for page in (1, 2, 3):
                query = {"domain": domain, "district": district, "page": page if page > 1 else ""}
                paths.append("/services/?" + urllib.parse.urlencode({k: v for k, v in query.items() if v}))
    for sort in ("newest", "price"):
        for page in (1, 2, 3):
            paths.append(
                "/services/?" + urllib.parse.urlencode({"sort": sort, **({"page": page} if page > 1 else {})})
            )
    for q in ("상담", "요가", "돌봄", "건강", "운동", "모임"):
        paths.append("/services/?" + urllib.parse.urlencode({"q": q}))
    return [path.removesuffix("?") for path in paths]


def reader_groups(data: dict) -> dict:
    return {
        "service": [f"/services/{slug}/" for slug in data["services"]],
        "list": list_paths(),
        "provider": [f"/providers/{slug}/" for slug in data["providers"]],
        "home": ["/"],
    }


@dataclass
class Scenario:
    name: str
    kind: str  # wrk | first | python | mixed
    paths: list = field(default_factory=list)
    primer: list | None = None
    step: str = ""
    logged_in: bool = False
    booking_rate: float = 0.0
    public: bool = False  # a public page: DESIGN §7's targets apply
    sessions: str = ""  # the key in the prepared data of the sessions its clients use (default: residents')
    clients: int = 0  # how many clients (default: --clients); a staff page has a few users at a time


def scenarios(data: dict, args) -> list[Scenario]:
    services = [f"/services/{slug}/" for slug in data["services"]]
    providers = [f"/providers/{slug}/" for slug in data["providers"]]
    groups = [f"/groups/{slug}/" for slug in data.get("groups", [])]
    fair = data.get("fair")
    return [
        Scenario("/healthz", "wrk", ["/healthz"]),
        Scenario("/", "wrk", ["/"], public=True),
        Scenario("/services/", "wrk", ["/services/"], public=True),
        Scenario(
            "/services/?domain=mental&district=seo",
            "wrk",
            ["/services/?domain=mental&district=seo"],
            public=True,
        ),
        Scenario("/services/?q=상담", "wrk", ["/services/?q=상담"], public=True),
        # Every request a page nobody asked for since the cache was emptied: the cost of a cold page.
        Scenario(
            "/services/<slug>/ (first visits)", "first", [f"/services/{s}/" for s in data["all_services"]]
        ),
        # Steady state: each page of the set is visited once before the warm-up, as traffic would have.
        Scenario("/services/<slug>/", "wrk", services, primer=services, public=True),
        Scenario("/providers/<slug>/", "wrk", providers, primer=providers, public=True),
        *(
            [
                Scenario("/groups/", "wrk", ["/groups/"], public=True),
                Scenario(
                    "/groups/?district=seo&free=1", "wrk", ["/groups/?district=seo&free=1"], public=True
                ),
                Scenario("/groups/<slug>/", "wrk", groups, primer=groups, public=True),
                Scenario(
                    "POST /groups/<slug>/join/ (logged in)", "python", step="group_join", logged_in=True
                ),
            ]
            if groups
            else []
        ),
        *(
            [
                Scenario("/fairs/<slug>/", "wrk", [f"/fairs/{fair['slug']}/"], public=True),
                # Visitors register at once for a fair with a large capacity, and go on past it (the fair
                # is emptied first): confirmed places, then places in line, under the fair's row lock.
                Scenario("POST /fairs/<slug>/register/ (rush)", "python", step="fair_register"),
                Scenario(
                    "POST /fairs/<slug>/desk/scan/ (door staff)",
                    "python",
                    step="desk_scan",
                    logged_in=True,
                    sessions="desk_sessions",
                ),
            ]
            if fair
            else []
        ),
        Scenario("POST /healthcheck/quick/", "python", step="quick_submit"),
        Scenario("/healthcheck/results/<token>/", "python", step="quick_results"),
        Scenario("POST /checkout/ (logged in)", "python", step="checkout", logged_in=True),
        # The cooperative's dashboard over the whole market: aggregates of every table, a few staff at once.
        Scenario(
            "/staff/market/ (staff, 2 clients)",
            "python",
            step="market",
            logged_in=True,
            sessions="staff_sessions",
            clients=2,
        ),
        Scenario("mixed, no bookings", "mixed", public=True),
        Scenario("mixed, with bookings", "mixed", booking_rate=args.booking_rate, public=True),
    ]


CATALOGUE = [
    "/",
    "/services/",
    "/services/?domain=mental&district=seo",
    "/services/?q=상담",
    "/services/<slug>/ (first visits)",
    "/services/<slug>/",
    "/providers/<slug>/",
]


class Runner:
    def __init__(
        self,
        data: dict,
        args,
        meter: CpuMeter,
        writes: FragmentWrites,
        workdir: Path,
        env: dict | None = None,
    ):
        self.data = data
        self.args = args
        self.meter = meter
        self.writes = writes
        self.workdir = workdir
        self.env = env

    def python_params(self, logged_in: bool, sessions: list | None = None) -> dict:
        return {
            "seed": 7,
            "sessions": sessions or self.data["sessions"][:8],
            "logged_in": logged_in,
            "slots": self.data["slots"],
            "groups": self.data.get("groups", []),
            "fair": self.data.get("fair", {}),
        }

    def fair_shell(self, code: str):
        """Run ``code`` (bench/fair_seed.py is imported as ``fair_seed``) on the bench database; its last
        printed line, as JSON."""
        out = manage(
            self.env, "shell", "--no-imports", "-c", "import json\nfrom bench import fair_seed\n" + code
        )
        lines = out.strip().splitlines()
        return json.loads(lines[-1]) if lines else None

    def rush_capacity(self) -> int:
        """People the rush fair takes: less than a run registers at this many clients (a low guess of 2
        registrations a second each in smoke runs, 5 otherwise, 2.5 people a party, half the run), so that
        the run fills it and goes on past it; the result's ``fair`` says where it ended."""
        per_client = 2 if self.args.smoke else 5
        seconds = self.args.warmup + self.args.duration
        return max(20, int(self.args.clients * per_client * seconds * 2.5 / 2))

    def desk_answers(self) -> bool:
        """The door desk is there: its page answers a desk phone (404 in code without the desk, whose
        ``/fairs/<slug>/desk/scan/`` the scenario posts to)."""
        sessions = self.data.get("desk_sessions") or []
        if not sessions:
            return False
        status, _h = Client({"sessionid": sessions[0]}).request(
            "GET", f"/fairs/{self.data['fair']['door_slug']}/desk/"
        )
        return status != 404

    def run(self, scenario: Scenario) -> dict:
        if scenario.kind == "wrk":
            return self.run_wrk(scenario)
        if scenario.kind == "first":
            return self.run_first_visits(scenario)
        if scenario.kind == "mixed":
            return self.run_mixed(scenario)
        if scenario.step == "fair_register":
            self.fair_shell(f"fair_seed.reset_rush(capacity={self.rush_capacity()})")
        if scenario.step == "desk_scan":
            if not self.desk_answers():
                return None  # no door desk in this code: the scenario is skipped
            self.fair_shell("fair_seed.reset_door()")
        sessions = self.data.get(scenario.sessions) if scenario.sessions else None
        w0 = self.writes.snapshot()
        result = run_processes(
            scenario.step,
            self.python_params(scenario.logged_in, sessions=sessions),
            clients=scenario.clients or self.args.clients,
            warmup=self.args.warmup,
            duration=self.args.duration,
            meter=self.meter,
        )
        result = self.with_writes(result, w0)
        if scenario.step == "fair_register":
            result["fair"] = self.fair_shell("print(json.dumps(fair_seed.rush_counts()))")
        if scenario.step == "desk_scan":
            result["door"] = self.fair_shell("print(json.dumps(fair_seed.door_counts()))")
        return result

    def with_writes(self, result: dict, before: Counter | None, after: Counter | None = None) -> dict:
        """The page-cache writes between ``before`` and ``after`` (now: the measured part of the scenario)."""
        writes = writes_between(before, after if after is not None else self.writes.snapshot())
        if writes is not None:
            result["fragment_writes"] = writes
            result["writes_per_request"] = (
                round(sum(writes.values()) / result["requests"], 3) if result["requests"] else None
            )
        return result

    def run_wrk(self, scenario: Scenario) -> dict:
        if scenario.primer:
            prime(scenario.primer, self.args.clients)
        list_file = write_list(self.workdir, "paths", {"page": scenario.paths})
        run = wrk_paths(
            list_file,
            clients=self.args.clients,
            warmup=self.args.warmup,
            duration=self.args.duration,
            on_mark=self.mark,
        )
        (cpu0, w0), (cpu1, w1) = run["marks"]
        measure = Measure().add(run)
        result = {
            "client": f"wrk, {self.args.clients} threads × 1 connection",
            **measure.summary(),
            "wrk_p95_ms": run["wrk_p95_ms"],
            "failures": measure.failures,
            "cpu": self.meter.delta(cpu0, cpu1),
        }
        return self.with_writes(result, w0, w1)

    def mark(self) -> tuple:
        return self.meter.snapshot(), self.writes.snapshot_now()

    def run_first_visits(self, scenario: Scenario) -> dict:
        """Rounds of wrk over a shuffled list, the cache emptied before each: every page requested once per
        round, each round short enough not to use the list up (threads that do use their share stop)."""
        rng = random.Random(11)
        pages = list(scenario.paths)
        clients = self.args.clients

        def one_round(seconds: int) -> dict:
            rng.shuffle(pages)
            flush_cache()
            list_file = write_list(self.workdir, "first", {"page": pages})
            return wrk_paths(list_file, clients=clients, duration=seconds, mode="sequence")

        cpu0 = self.meter.snapshot()
        probe = one_round(max(1, int(self.args.warmup) or 1))  # warm-up, and how fast pages go
        per_second = max(sum(sum(c.values()) for c in probe["counts"].values()) / probe["duration_s"], 1.0)
        round_s = max(1, int(0.7 * len(pages) / per_second))
        measure, left, exhausted = Measure(), int(self.args.duration), 0
        w0 = self.writes.snapshot()
        while left > 0:
            seconds = min(round_s, left)
            run = one_round(seconds)
            measure.add(run)
            exhausted += run["duration_s"] < seconds - 0.5
            left -= seconds
        cpu1 = self.meter.snapshot()
        result = {
            "client": f"wrk, {clients} threads × 1 connection, rounds of {round_s} s",
            **measure.summary(),
            "wrk_p95_ms": max(measure.wrk_p95_ms),
            "rounds": len(measure.wrk_p95_ms),
            "rounds_cut_short": int(exhausted),
            "failures": measure.failures,
            "cpu": self.meter.delta(cpu0, cpu1),
        }
        return self.with_writes(result, w0)

    def run_mixed(self, scenario: Scenario) -> dict:
        """Readers (wrk) read service, list and provider pages and the home page while booking clients
        book seats at a steady rate. The cache starts empty: each group of pages is primed on its own,
        which shows the entries a page of that group writes when cold (its *page entries*: written about
        once per page; e.g. a service page's, not the provider cards it shares with its siblings). During
        the measured run a request of a group is counted cold when one of its page entries was written;
        the group's cold share is the larger count of its page entries' writes over its requests."""
        args, groups = self.args, reader_groups(self.data)
        flush_cache()
        phase: dict = {}
        for label, paths in groups.items():
            before = self.writes.snapshot()
            prime(paths, args.clients)
            phase[label] = writes_between(before, self.writes.snapshot())
        page_entries = {}
        for label, written in phase.items():
            top = max(written.values(), default=0) if written else 0
            page_entries[label] = sorted(n for n, c in (written or {}).items() if top and c >= 0.5 * top)
        list_file = write_list(self.workdir, "mixed", groups, READER_WEIGHTS)
        bookers = Bookers(self, scenario.booking_rate) if scenario.booking_rate else None
        if bookers:
            bookers.go()
        run = wrk_paths(
            list_file, clients=args.clients, warmup=args.warmup, duration=args.duration, on_mark=self.mark
        )
        (cpu0, w0), (cpu1, w1) = run["marks"]
        bookings = bookers.stop(cpu0["at"], cpu1["at"]) if bookers else None
        measure = Measure().add(run)
        written = writes_between(w0, w1)
        result = {
            "client": f"wrk, {args.clients} threads × 1 connection (readers)"
            + (f"; python, {bookers.count} processes (bookings)" if bookers else ""),
            **measure.summary(),
            "wrk_p95_ms": run["wrk_p95_ms"],
            "failures": measure.failures,
            "weights": READER_WEIGHTS,
            "booking_rate": scenario.booking_rate,
            "page_entries": page_entries,
            "fragment_writes": written,
            "cpu": self.meter.delta(cpu0, cpu1),
        }
        if bookers:
            result["bookings"] = bookings
            result["errors"] += bookings["errors"]
        classes, cold_total = {}, 0
        for label in groups:
            row = measure.summary([label])
            row["vs_readers"] = round(row["requests"] / result["requests"], 3) if result["requests"] else None
            if written is not None:
                names = page_entries[label]
                shared = [n for n in names if any(n in page_entries[o] for o in groups if o != label)]
                cold = max((written.get(n, 0) for n in names), default=0)
                row["cold_renders"] = cold
                row["cold_share"] = round(cold / row["requests"], 3) if row["requests"] else None
                if shared:
                    row["shared_entries"] = (
                        shared  # written for other groups too: the share is an upper bound
                    )
                cold_total += cold
            classes[label] = row
        result["classes"] = classes
        if written is not None and result["requests"]:
            result["cold_renders"] = cold_total
            result["cold_share"] = round(cold_total / result["requests"], 3)
        return result


def _booker_process(index: int, count: int, conn, params: dict) -> None:
    """A booking client: books (cart add + checkout, logged in) at its share of the steady rate until told
    to stop; sends back each booking's (due, start, add ms, checkout ms, ok)."""
    rng = random.Random(1000 + index)
    client = Client({"sessionid": params["sessions"][index]})
    conn.send("ready")
    start_at, rate = conn.recv()
    records = []
    k = index
    stopped = False
    while not stopped:
        due = start_at + k / rate
        while (now := time.monotonic()) < due:
            if conn.poll(min(due - now, 0.05)):
                stopped = True
                break
        if stopped or conn.poll():
            break
        started = time.monotonic()
        added = _add_to_cart(client, rng, params)
        after_add = time.monotonic()
        ordered, _status = _checkout(client)
        done = time.monotonic()
        records.append(
            (due, started, (after_add - started) * 1000, (done - after_add) * 1000, added and ordered)
        )
        k += count
    if conn.poll():
        conn.recv()  # the stop message
    conn.send({"records": records})
    conn.close()


class Bookers:
    """Processes that together book ``rate`` seats a second: booking k is due at start + k / rate and is
    made by process k mod count (so that a slow booking does not delay the next ones)."""

    def __init__(self, runner: Runner, rate: float):
        self.rate = rate
        self.count = min(8, max(2, math.ceil(rate)))
        ctx = multiprocessing.get_context("spawn")
        params = runner.python_params(True, sessions=runner.data["sessions"][8 : 8 + self.count])
        self.pipes, self.procs = [], []
        for index in range(self.count):
            parent, child = ctx.Pipe()
            proc = ctx.Process(target=_booker_process, args=(index, self.count, child, params), daemon=True)
            proc.start()
            self.pipes.append(parent)
            self.procs.append(proc)
        for parent in self.pipes:
            parent.recv()

    def go(self) -> None:
        self.started = time.monotonic() + 0.05
        for parent in self.pipes:
            parent.send((self.started, self.rate))

    def stop(self, measure_from: float, measure_to: float) -> dict:
        for parent in self.pipes:
            parent.send("stop")
        reports = [parent.recv() for parent in self.pipes]
        for proc in self.procs:
            proc.join()
        records = [r for report in reports for r in report["records"] if measure_from <= r[1] < measure_to]
        span = measure_to - measure_from
        total = hist_of_ms([add + checkout for _d, _s, add, checkout, _ok in records])
        checkout = hist_of_ms([c for _d, _s, _a, c, _ok in records])
        return {
            "rate_asked": self.rate,
            "rate_done": round(len(records) / span, 2) if span else None,
            "bookings": len(records),
            "errors": sum(1 for r in records if not r[4]),
            "booking_p50_ms": percentile(total, 0.5),
            "booking_p95_ms": percentile(total, 0.95),
            "checkout_p95_ms": percentile(checkout, 0.95),
            "late_max_ms": round(max((s - d for d, s, *_ in records), default=0.0) * 1000, 1),
            "processes": self.count,
        }


# --- the client check -------------------------------------------------------------------------------------


def client_check(args, meter: CpuMeter) -> dict:
    """/healthz, the cheapest page, driven in several ways. If the server is the limit, the throughput
    does not change with the client's threads and connections; the client's own CPU is reported."""
    configs = [("wrk", 1, 8), ("wrk", 2, 8), ("wrk+lua", 8, 8), ("wrk", 2, 16), ("wrk", 4, 32)]
    configs += [("python threads", 1, 8), ("python processes", 8, 8)]
    if args.smoke:
        configs = [("wrk", 1, 8), ("wrk+lua", 8, 8)]
    seconds = int(args.check_duration)
    rows = []
    workdir = Path(tempfile.mkdtemp(prefix="bench-check-"))
    try:
        list_file = write_list(workdir, "healthz", {"page": ["/healthz"]})
        for kind, threads, connections in configs:
            wait_quiet(meter, args.wait_quiet)
            wrk("summary.lua", threads=1, connections=8, duration=1, path="/healthz")  # warm-up
            cpu0 = meter.snapshot()
            if kind == "wrk":
                out = wrk(
                    "summary.lua", threads=threads, connections=connections, duration=seconds, path="/healthz"
                )
                row = {
                    "rps": round(out["requests"] / (out["duration_us"] / 1e6), 1),
                    "p95_ms": round(out["wrk_latency_us"]["p95"] / 1000, 1),
                    "errors": out["socket_errors"] + out["errors"]["status"],
                    "cpu": meter.delta(cpu0, meter.snapshot()),
                }
                label = f"wrk -t{threads} -c{connections} (no per-request Lua)"
            elif kind == "wrk+lua":
                run = wrk_paths(list_file, clients=connections, duration=seconds, on_mark=meter.snapshot)
                summary = Measure().add(run).summary()
                row = {
                    **{k: summary[k] for k in ("rps", "p95_ms", "errors")},
                    "cpu": meter.delta(*run["marks"]),
                }
                label = f"wrk -t{threads} -c{connections} + bench/lua/paths.lua (the harness)"
            elif kind == "python threads":
                row = run_threads_healthz(clients=connections, duration=seconds, meter=meter)
                label = f"python, 1 process × {connections} threads (the earlier harness)"
            else:
                row = run_processes(
                    "healthz",
                    {"seed": 3, "sessions": [""], "logged_in": False, "slots": []},
                    clients=connections,
                    warmup=0,
                    duration=seconds,
                    meter=meter,
                )
                label = f"python, {connections} processes (the form scenarios' client)"
            rows.append(
                {"client": label, "kind": kind, "threads": threads, "connections": connections, **row}
            )
            print(
                f"    {label:62} {row['rps']:8.1f}/s  p95 {row['p95_ms']} ms  client CPU {row['cpu']['client']}",
                flush=True,
            )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    wrk_rates = [row["rps"] for row in rows if row["kind"].startswith("wrk")]
    harness = next(row["rps"] for row in rows if row["kind"] == "wrk+lua")
    return {
        "seconds": seconds,
        "rows": rows,
        "wrk_spread": round(max(wrk_rates) / min(wrk_rates), 3) if min(wrk_rates) else None,
        "harness_vs_best": round(harness / max(wrk_rates), 3) if max(wrk_rates) else None,
    }


# --- one data size ----------------------------------------------------------------------------------------


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


def selected(name: str, args) -> bool:
    """--only NAME: the scenarios whose name contains NAME; --only =NAME: the one named NAME."""
    return (
        not args.only
        or name == "/healthz"
        or any(part[1:] == name if part.startswith("=") else part in name for part in args.only)
    )


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
    # A cold start: nothing cached by an earlier run (the bench's own Redis db; the versions are in it).
    flush_cache()
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
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    writes = FragmentWrites(REDIS)
    workdir = Path(tempfile.mkdtemp(prefix="bench-load-"))
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if Client().request("GET", "/healthz")[0] == 200:
                break
            time.sleep(0.2)
        else:
            raise SystemExit("gunicorn did not answer /healthz within 30 s")
        meter = CpuMeter(server.pid, urllib.parse.urlsplit(db_url).path.lstrip("/"))
        writes.start()
        runner = Runner(data, args, meter, writes, workdir, env)
        check = None
        if selected("client check", args):
            print("  client check (/healthz)", flush=True)
            check = client_check(args, meter)
        results = {}
        floor = None
        for scenario in scenarios(data, args):
            if not selected(scenario.name, args):
                continue
            wait_quiet(meter, args.wait_quiet)
            result = runner.run(scenario)
            if result is None:
                print(f"  {scenario.name:42} skipped (not in this code: the URL answers 404)", flush=True)
                continue
            discarded = []
            for _attempt in range(args.retries):
                if result["cpu"]["other"] <= NOISY_CORES:
                    break
                print(
                    f"  {scenario.name}: other processes used {result['cpu']['other']} cores "
                    f"({result['rps']}/s, p95 {result['p95_ms']} ms, errors {result['errors']}); rerun",
                    flush=True,
                )
                wait_quiet(meter, args.wait_quiet)
                again = runner.run(scenario)
                if again is None:
                    break
                if again["cpu"]["other"] < result["cpu"]["other"]:
                    result, again = again, result
                discarded.append(
                    {k: again.get(k) for k in ("rps", "p95_ms", "errors", "failures")} | {"cpu": again["cpu"]}
                )
            result["disturbed"] = result["cpu"]["other"] > NOISY_CORES
            # A disturbed run's figures are left out, never its errors: they count, and are shown.
            result["discarded_runs"] = discarded
            result["errors_discarded"] = sum(run["errors"] for run in discarded)
            if scenario.name == "/healthz":
                floor = result["rps"]
            result["healthz_rps"] = floor
            result["vs_healthz"] = round(result["rps"] / floor, 2) if floor else None
            result["public"] = scenario.public
            results[scenario.name] = result
            cold = f"  cold {result['cold_share']:.0%}" if result.get("cold_share") is not None else ""
            print(
                f"  {scenario.name:42} {result['rps']:8.1f}/s  p95 {result['p95_ms']} ms  "
                f"errors {result['errors']}{cold}  client CPU {result['cpu']['client']}"
                f"{'  (disturbed)' if result['disturbed'] else ''}",
                flush=True,
            )
            for failure in result.get("failures", [])[:3]:
                print(f"      {failure}", flush=True)
        rss = worker_rss_kb(server.pid)
    finally:
        writes.stop()
        shutil.rmtree(workdir, ignore_errors=True)
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    run = {
        "scale": services,
        "services": data["count"],
        "data": data["data"],
        "workers": workers,
        "peak_worker_rss_mb": round(rss / 1024, 1),
        "cold_renders_counted": writes.available,
        "scenarios": results,
    }
    if check:
        run["client_check"] = check
    return run


# --- reports ----------------------------------------------------------------------------------------------


def _n(value, fmt="{}") -> str:
    return "—" if value is None else fmt.format(value)


def _pct(value) -> str:
    return "—" if value is None else f"{value * 100:.1f} %"


def errors_cell(r: dict) -> str:
    extra = r.get("errors_discarded")
    return f"{r['errors']} (+{extra} in a disturbed run)" if extra else str(r["errors"])


def meets_target(r: dict) -> str:
    if not r.get("public") or r.get("p95_ms") is None:
        return ""
    ok = r["p95_ms"] <= TARGET_P95_MS and (r.get("vs_healthz") or 0) >= TARGET_RATIO
    return "✓" if ok else "✗"


def run_tables(run: dict) -> list[str]:
    lines = []
    data = ", ".join(f"{count:,} {name}" for name, count in run.get("data", {}).items())
    lines += [
        f"### {run['services']:,} published services ({run['workers']} workers, peak worker RSS "
        f"{run['peak_worker_rss_mb']} MB in total)",
        "",
        *([f"Data: {data}.", ""] if data else []),
        "| scenario | req/s | × /healthz | p50 ms | p95 ms | p99 ms | errors | cache writes / request | "
        "client CPU | other CPU | target |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|:-:|",
    ]
    for name, r in run["scenarios"].items():
        if name.startswith("mixed"):
            continue
        lines.append(
            f"| `{name}` | {r['rps']} | {_n(r.get('vs_healthz'))} | {_n(r['p50_ms'])} | {_n(r['p95_ms'])} | "
            f"{_n(r['p99_ms'])} | {errors_cell(r)} | {_n(r.get('writes_per_request'))} | {r['cpu']['client']} | "
            f"{r['cpu']['other']}{' ⚠' if r.get('disturbed') else ''} | {meets_target(r)} |"
        )
    notes = []
    for name, r in run["scenarios"].items():
        if r.get("fair"):
            f = r["fair"]
            notes.append(
                f"- `{name}`: {f['registrations']:,} registrations in the run, {f['confirmed']:,} confirmed "
                f"({f['confirmed_people']:,} people of the capacity {f['capacity']:,}), {f['waitlisted']:,} "
                "in line; every one answered with its ticket unless counted in errors."
            )
        if r.get("door"):
            d = r["door"]
            notes.append(
                f"- `{name}`: {d['scans']:,} scans recorded, {d.get('ok', 0):,} let in, {d.get('already', 0):,} "
                "answered already in (each scan a fresh nonce on a code of the door fair's tickets)."
            )
    if notes:
        lines += ["", *notes]
    mixed = {name: r for name, r in run["scenarios"].items() if name.startswith("mixed")}
    if mixed:
        lines += [
            "",
            "Mixed: readers (wrk, "
            + ", ".join(f"{label} pages {w} %" for label, w in READER_WEIGHTS.items())
            + " of requests) while booking clients book seats.",
            "",
            "| mixed scenario | readers | req/s | × /healthz | p50 ms | p95 ms | p99 ms | errors | cold renders "
            "| cold share | target |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|:-:|",
        ]
        for name, r in mixed.items():
            lines.append(
                f"| `{name}` | all | {r['rps']} | {_n(r.get('vs_healthz'))} | {_n(r['p50_ms'])} | "
                f"{_n(r['p95_ms'])} | {_n(r['p99_ms'])} | {errors_cell(r)} | {_n(r.get('cold_renders'))} | "
                f"{_pct(r.get('cold_share'))} | {meets_target(r)} |"
            )
            for label, c in r.get("classes", {}).items():
                p95_ok = "" if c["p95_ms"] is None else "✓" if c["p95_ms"] <= TARGET_P95_MS else "✗"
                lines.append(
                    f"| | {label} | {c['rps']} | | {_n(c['p50_ms'])} | {_n(c['p95_ms'])} | {_n(c['p99_ms'])} | "
                    f"{c['errors']} | {_n(c.get('cold_renders'))} | {_pct(c.get('cold_share'))} | {p95_ok} |"
                )
        lines.append("")
        for name, r in mixed.items():
            b = r.get("bookings")
            if b:
                lines.append(
                    f"- `{name}`: bookings asked {b['rate_asked']:g}/s, made {b['rate_done']}/s by "
                    f"{b['processes']} processes ({b['bookings']} in the measured run, {b['errors']} failed); "
                    f"a booking (cart add + checkout) p50 {b['booking_p50_ms']} ms, p95 {b['booking_p95_ms']} ms; "
                    f"latest start {b['late_max_ms']} ms after its due time."
                )
            entries = "; ".join(
                f"{label}: {', '.join(names) or '—'}" for label, names in r["page_entries"].items()
            )
            lines.append(f"- `{name}`: page entries found when priming — {entries}.")
            if r.get("fragment_writes") is not None:
                writes = ", ".join(
                    f"{k} {v}" for k, v in sorted(r["fragment_writes"].items(), key=lambda kv: -kv[1])
                )
                lines.append(f"- `{name}`: cache writes in the measured run — {writes or 'none'}.")
    lines.append("")
    return lines


def check_tables(run: dict) -> list[str]:
    check = run.get("client_check")
    if not check:
        return []
    lines = [
        f"/healthz at {run['services']:,} services, {check['seconds']} s each. CPU in cores "
        f"(this machine has {os.cpu_count()}).",
        "",
        "| client | req/s | p95 ms | client CPU | server CPU | PostgreSQL | Redis | kernel etc. | other | idle |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in check["rows"]:
        c = row["cpu"]
        lines.append(
            f"| {row['client']} | {row['rps']} | {_n(row['p95_ms'])} | {c['client']} | {c['server']} | {c['db']} | "
            f"{c['cache']} | {c['system']} | {c['other']} | {c['idle']} |"
        )
    wrk_rows = [row for row in check["rows"] if row["kind"].startswith("wrk")]
    python = [row for row in check["rows"] if row["kind"] == "python threads"]
    harness = next(row for row in check["rows"] if row["kind"] == "wrk+lua")
    low, high = min(r["rps"] for r in wrk_rows), max(r["rps"] for r in wrk_rows)
    t_range = f"{min(r['threads'] for r in wrk_rows)}–{max(r['threads'] for r in wrk_rows)}"
    c_range = f"{min(r['connections'] for r in wrk_rows)}–{max(r['connections'] for r in wrk_rows)}"
    verdict = (
        "the server is the limit: more client threads or connections do not raise the throughput"
        if check["wrk_spread"] is not None and check["wrk_spread"] <= 1.10
        else "⚠ the throughput moves with the client: the client may be the limit on this run"
    )
    lines += [
        "",
        f"With wrk the throughput stays within {low}–{high} req/s whatever its threads ({t_range}) and connections "
        f"({c_range}) (spread ×{check['wrk_spread']}): {verdict}. The harness's own setting (8 wrk threads × 1 "
        f"connection with the Lua script) reaches {harness['rps']} req/s ({check['harness_vs_best']:.0%} of "
        f"the best) using {harness['cpu']['client']} cores itself."
        + (
            f" The earlier harness's client (one Python process, 8 threads) reaches {python[0]['rps']} req/s: "
            f"{python[0]['rps'] / high:.0%} of wrk's."
            if python and high
            else ""
        ),
        "",
    ]
    return lines


def comparison(before: dict, after: dict, same_code: bool) -> list[str]:
    lines = [
        "## Before → after",
        "",
        f"Before: commit {before['code']['short']}{' + changes' if before['code']['dirty'] else ''}; "
        + (
            "after: **not measured yet** — run `make bench` on the finished code (it fills this table)."
            if same_code
            else f"after: commit {after['code']['short']}{' + uncommitted changes' if after['code']['dirty'] else ''}."
        ),
        "",
    ]
    for b_run in before["runs"]:
        a_run = next((r for r in after["runs"] if r.get("scale") == b_run.get("scale")), None)
        if same_code:
            a_run = None
        lines += [
            f"### {b_run['services']:,} published services",
            "",
            "| scenario | req/s | p95 ms | × /healthz | errors | cold share (mixed) or cache writes / request |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for name, b in b_run["scenarios"].items():
            a = (a_run or {}).get("scenarios", {}).get(name)
            rows = [(f"`{name}`", b, a)]
            for label, bc in b.get("classes", {}).items():
                rows.append((f"`{name}` · {label}", bc, (a or {}).get("classes", {}).get(label)))
            for title, x, y in rows:

                def pair(key, fmt=_n, x=x, y=y):
                    return f"{fmt(x.get(key))} → {fmt(y.get(key)) if y else '…'}"

                cold = "cold_share" if "cold_share" in x else "writes_per_request"
                lines.append(
                    f"| {title} | {pair('rps')} | {pair('p95_ms')} | {pair('vs_healthz')} | {pair('errors')} | "
                    f"{pair(cold, _pct if cold == 'cold_share' else _n)} |"
                )
        lines.append("")
    return lines


def write_results(results: dict, suffix: str) -> None:
    (ROOT / "bench" / f"results{suffix}.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))
    code = results["code"]
    runs = results["runs"]
    lines = [
        "# Benchmark results" + (" (smoke)" if suffix else ""),
        "",
        f"Code: commit {code['short']}{' with uncommitted changes' if code['dirty'] else ''}, measured "
        f"{results['measured']}. Machine: {results['cores']} cores. Written by `bench/load.py` (`make bench`).",
        "",
        f"gunicorn (sync workers, DJANGO_DEBUG=false) + PostgreSQL + Redis cache on this machine. Each "
        f"scenario: {results['clients']} concurrent clients, {results['warmup_s']:g} s warm-up then "
        f"{results['duration_s']:g} s measured; throughput also as a share of `/healthz` measured the same way "
        "in the same run. The Redis cache is emptied before each data size.",
        "",
        "**The load client.** GET pages are driven by `wrk` with `bench/lua/paths.lua`: one connection per "
        "wrk thread, so each thread's requests and responses alternate and the script times every request "
        "(its p50/p95/p99 here; wrk's own p95 is kept in results.json as a check), records its status by "
        "path group and keeps the visitor's cookies. Form scenarios (quick health test, its results, "
        "checkout) need per-visitor state (CSRF cookie, session, cart) and stay in Python, one process per "
        "client so that no interpreter lock serialises them. *Client CPU* is the CPU the client used "
        "during the run, in cores; on a machine this size every core the client takes is one the server "
        "does not get, so it is kept small. *Other CPU* is processes outside the bench (another test run): "
        f"a run with more than {NOISY_CORES} cores of it is rerun once and marked ⚠ if it stays so (before each "
        "scenario the harness also waits, up to a few minutes, for such load to stop). Absolute rates drift "
        "by about a tenth between sessions on this virtual machine: compare the shares of /healthz measured "
        "in the same run. The measured window lies inside one wrk run, after its warm-up, so requests in "
        "flight at either edge balance.",
        "",
        "**Scenarios.** Service pages are measured twice: *first visits* (every request a page nobody asked "
        "for since the cache was emptied: the cost of a cold page; wrk rounds over a shuffled list, the "
        "cache emptied before each round) and steady state (random pages among the first 3,000, each "
        "visited once before the warm-up). Provider pages: steady state over all providers. The mixed "
        "scenarios read service pages, list pages (filters, pages 1–3, orders, searches: "
        f"{len(list_paths())} paths), provider pages and the home page while, in the second, booking "
        "clients (logged-in residents, cart add + checkout; a booking counts only when it makes an order) "
        f"book seats at {results.get('booking_rate', 5):g} a second on the services readers read.",
        "",
        "**Cold renders** are counted in Redis, without touching the application: a page-cache entry "
        "(`…:1:pc:…`; before the versioned scopes `…:1:catalog:fragment:…`) is written only when a request "
        "did not find it, and Redis keyspace notifications report each write by key. *Cache writes / "
        "request* is all such writes over the requests. In the mixed scenarios each group's *page entries* "
        "are found while priming it on an empty cache (the entries written about once per page); a request "
        "counts as cold when one of them was written, and the *cold share* is cold renders over requests.",
        "",
        f"*Target* (DESIGN §7): p95 ≤ {TARGET_P95_MS} ms and ≥ {TARGET_RATIO:.0%} of /healthz at "
        f"{results['clients']} clients, for public pages, also while other clients book.",
        "",
    ]
    first_check = next((run for run in runs if run.get("client_check")), None)
    if first_check:
        lines += ["## How the client was checked not to be the limit", "", *check_tables(first_check)]
    lines += [
        f"## Results (commit {code['short']}{' with uncommitted changes' if code['dirty'] else ''})",
        "",
    ]
    for run in runs:
        lines += run_tables(run)
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
            if before and after and before["p95_ms"] and after["p95_ms"]:
                change = (after["p95_ms"] - before["p95_ms"]) / before["p95_ms"] * 100
                lines.append(f"| `{name}` | {before['p95_ms']} | {after['p95_ms']} | {change:+.0f} % |")
        lines.append("")
    before_file = ROOT / "bench" / "results-before.json"
    if not suffix and before_file.exists():
        before = json.loads(before_file.read_text())
        same = before.get("code") == results["code"]
        lines += comparison(before, results, same)
        if not same:
            lines += [f"## Before (commit {before['code']['short']})", ""]
            if any(run.get("client_check") for run in before["runs"]):
                lines += [
                    "Client check:",
                    "",
                    *check_tables(next(r for r in before["runs"] if r.get("client_check"))),
                ]
            for run in before["runs"]:
                lines += run_tables(run)
    (ROOT / "bench" / f"RESULTS{suffix.upper()}.md").write_text("\n".join(lines))


def merge(existing: dict | None, fresh: dict) -> dict:
    """A partial run (--only / --scales) replaces the scenarios it measured in the saved results."""
    if not existing or existing.get("harness") != HARNESS:
        return fresh
    if existing.get("code") != fresh["code"]:
        # Never mix figures of two versions of the code: the partial run stands alone.
        print(f"  the saved results are of other code ({existing['code']['short']}): written without them")
        return fresh
    for run in fresh["runs"]:
        old = next((r for r in existing["runs"] if r.get("scale") == run["scale"]), None)
        if old is None:
            existing["runs"].append(run)
            continue
        partial = dict(run["scenarios"])
        if "/healthz" in partial and not any(p.lstrip("=") == "/healthz" for p in fresh.get("only", [])):
            partial.pop("/healthz")  # measured as the floor of the rerun scenarios only
        old["scenarios"].update(partial)
        if run.get("client_check"):
            old["client_check"] = run["client_check"]
        old["cold_renders_counted"] = run["cold_renders_counted"]
    existing["measured"] = fresh["measured"]
    return existing


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--duration", type=int, default=None, help="seconds measured per scenario")
    parser.add_argument("--warmup", type=int, default=None, help="seconds of warm-up per scenario")
    parser.add_argument("--check-duration", type=int, default=None, help="seconds per client-check row")
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--booking-rate", type=float, default=5.0, help="bookings per second (mixed)")
    parser.add_argument("--retries", type=int, default=1, help="reruns of a scenario disturbed by other load")
    parser.add_argument(
        "--wait-quiet",
        type=float,
        default=None,
        help="seconds to wait, before each scenario, for other load to stop (default 180; smoke 0)",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        help="run the scenarios whose name contains this, or is it with a leading '=' (and /healthz; 'client' "
        "for the client check); the results are merged into the saved ones",
    )
    parser.add_argument(
        "--scales", type=int, nargs="+", default=None, help="service counts (default 10000 1000)"
    )
    parser.add_argument("--report", action="store_true", help="only rewrite RESULTS.md from results.json")
    args = parser.parse_args()
    suffix = "-smoke" if args.smoke else ""
    saved_file = ROOT / "bench" / f"results{suffix}.json"
    saved = json.loads(saved_file.read_text()) if saved_file.exists() else None
    if args.report:
        if not saved or saved.get("harness") != HARNESS:
            raise SystemExit(f"{saved_file} has no results of this harness: run bench/load.py first")
        write_results(saved, suffix)
        return
    require_wrk()
    args.duration = args.duration or (1 if args.smoke else 8)
    args.warmup = args.warmup if args.warmup is not None else (0 if args.smoke else 2)
    args.check_duration = args.check_duration or (1 if args.smoke else 5)
    args.wait_quiet = args.wait_quiet if args.wait_quiet is not None else (0 if args.smoke else 180)
    scales = args.scales or ([200] if args.smoke else [10_000, 1_000])
    runs = []
    for services in scales:
        print(f"{services} services", flush=True)
        runs.append(bench_scale(services, args))
    fresh = {
        "harness": HARNESS,
        "code": code_version(),
        "measured": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M"),
        "cores": os.cpu_count(),
        "clients": args.clients,
        "duration_s": args.duration,
        "warmup_s": args.warmup,
        "booking_rate": args.booking_rate,
        "runs": runs,
    }
    if args.only or args.scales:
        fresh["only"] = args.only
        results = merge(saved, fresh)
    else:
        results = fresh
    results.pop("only", None)
    write_results(results, suffix)
    failed = [
        f"{name} ({run['services']:,} services)"
        for run in runs
        for name, r in run["scenarios"].items()
        if r["errors"] or r.get("errors_discarded") or not r["requests"]
    ]
    if failed:
        raise SystemExit(f"errors in: {', '.join(failed)}")


if __name__ == "__main__":
    main()
