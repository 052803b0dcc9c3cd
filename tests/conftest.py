"""Shared fixtures. Tests that need PostgreSQL, Redis or Chromium skip on a laptop without them, and
fail under CI=true, where a missing service is a broken machine rather than a reason to skip."""

import os
import shutil

import pytest
from django.conf import settings
from django.db import connection

from majubom.celery import app as celery_app

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
CHROMIUM = "/usr/bin/chromium"


def need(condition: bool, reason: str) -> None:
    """Skip (or, in CI, fail) the calling test when a service it needs is missing."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"CI=true but {reason}")
    pytest.skip(reason)


@pytest.fixture
def postgres_db(db):
    need(connection.vendor == "postgresql", "needs PostgreSQL: set DATABASE_URL=postgres://…")


@pytest.fixture(scope="session")
def redis_url() -> str:
    need(bool(settings.REDIS_URL), "needs Redis: set REDIS_URL=redis://127.0.0.1:6379/9")
    import redis

    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError as exc:
        need(False, f"Redis at {settings.REDIS_URL} does not answer: {exc}")
    return settings.REDIS_URL


@pytest.fixture(scope="session")
def chromium_path() -> str:
    need(os.path.exists(CHROMIUM) or bool(shutil.which("chromium")), "needs Debian's chromium")
    return CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")


@pytest.fixture(scope="session", autouse=True)
def _clean_slate():
    """Start from nothing a previous run left: flush our Redis database; tasks inline unless a test
    starts a real worker."""
    if settings.REDIS_URL:
        from django.core.cache import cache

        try:
            cache.clear()
        except Exception as exc:
            need(False, f"Redis at {settings.REDIS_URL} does not answer: {exc}")
    celery_app.conf.task_always_eager = True
    yield


@pytest.fixture(autouse=True)
def _test_settings(settings):
    from django.core.cache import cache
    from django.utils import translation

    cache.clear()  # cached page fragments never leak from one test into the next
    translation.activate(settings.LANGUAGE_CODE)
    settings.ACCOUNT_RATE_LIMITS = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def celery_worker(redis_url, transactional_db):
    """A real Celery worker (solo pool) of the project's app consuming from Redis, not eager mode.

    Yields the list of finished tasks as (task id, state), filled as the worker runs them.
    """
    import threading

    from celery.contrib.testing.worker import start_worker
    from celery.signals import task_postrun

    celery_app.conf.task_always_eager = False
    finished: list[tuple[str, str]] = []
    lock = threading.Lock()

    def on_postrun(task_id=None, task=None, state=None, **kwargs):
        with lock:
            finished.append((task_id, state))

    task_postrun.connect(on_postrun, weak=False)
    try:
        with start_worker(
            celery_app, pool="solo", perform_ping_check=False, loglevel="WARNING", shutdown_timeout=10
        ):
            yield finished
    finally:
        task_postrun.disconnect(on_postrun)
        celery_app.conf.task_always_eager = True


def wait_for(predicate, timeout: float = 30.0) -> bool:
    """Poll ``predicate`` until it is true or ``timeout`` seconds pass."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


# --- demo data: seeded once per session, restored for each test that asks for it ------------------------


@pytest.fixture(scope="session")
def demo_media(tmp_path_factory):
    """Where the session's demo pictures are stored (the tests that use demo data point MEDIA_ROOT here)."""
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, demo_media):
    """``seed_demo`` once per session, as a snapshot of every table (see tests/demo_snapshot.py)."""
    from tests.demo_snapshot import seed_into_snapshot

    with django_db_blocker.unblock():
        snapshot = seed_into_snapshot("demo", media=demo_media, command_options={})
    yield snapshot
    with django_db_blocker.unblock():
        snapshot.drop()


@pytest.fixture
def demo_data(db, demo_snapshot, demo_media, settings):
    """The demo data of ``seed_demo`` in this test's database (also for live-server tests), restored from
    the session's snapshot: what one test changes never reaches the next."""
    from tests.demo_snapshot import forget_cached_rows

    settings.MEDIA_ROOT = str(demo_media)
    demo_snapshot.restore()
    yield demo_snapshot
    forget_cached_rows()
