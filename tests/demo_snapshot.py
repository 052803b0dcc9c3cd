"""Seed once per test session, restore cheaply for each test: a copy of every Django table in the same
database.

``Snapshot.take()`` copies each of Django's tables into a plain table of its own (``CREATE TABLE … AS
SELECT``: no constraints, no foreign keys). Django only ever empties its own tables — the flush after a
transactional test, the rollback of a normal one — so the copies survive every test. ``restore()`` empties
Django's tables and copies the rows back in one transaction (Django creates its foreign keys DEFERRABLE
INITIALLY DEFERRED on SQLite and PostgreSQL alike, so the order of the tables does not matter), then moves
PostgreSQL's sequences past the restored ids and forgets the cached content types. Works the same inside a
test's transaction (rolled back after it) and in a transactional test (flushed after it).

Files are not copied: the seeded pictures stay in the session's media folder.
"""

from __future__ import annotations

from io import StringIO

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import override_settings


def django_tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))


class Snapshot:
    """The rows of every Django table at one moment, kept in ``zz_snap_<name>_<n>`` tables."""

    def __init__(self, name: str):
        self.name = name
        self.tables: dict[str, str] = {}  # Django table -> its copy
        self.output = ""  # what the seeding printed, for tests that read it

    def take(self) -> Snapshot:
        if connection.in_atomic_block:
            # Inside a test's transaction the copies would be rolled back with it.
            raise RuntimeError("take a snapshot outside a transaction (from a session-scoped fixture)")
        quote = connection.ops.quote_name
        self.drop()
        with connection.cursor() as cursor:
            for index, table in enumerate(django_tables()):
                copy = f"zz_snap_{self.name}_{index}"
                # Left by an interrupted run of a reused test database (--reuse-db)?
                cursor.execute(f"DROP TABLE IF EXISTS {quote(copy)}")
                cursor.execute(f"CREATE TABLE {quote(copy)} AS SELECT * FROM {quote(table)}")
                self.tables[table] = copy
        return self

    def restore(self) -> None:
        quote = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            for table in django_tables():
                cursor.execute(f"DELETE FROM {quote(table)}")
            for table, copy in self.tables.items():
                cursor.execute(f"INSERT INTO {quote(table)} SELECT * FROM {quote(copy)}")
            for sql in connection.ops.sequence_reset_sql(
                no_style(), apps.get_models(include_auto_created=True)
            ):
                cursor.execute(sql)
        forget_cached_rows()

    def drop(self) -> None:
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            for copy in self.tables.values():
                cursor.execute(f"DROP TABLE IF EXISTS {quote(copy)}")
        self.tables = {}


def forget_cached_rows() -> None:
    """What Django keeps in memory about rows that a restore (or its rollback) replaced."""
    ContentType.objects.clear_cache()


def seed_into_snapshot(name: str, *, media, command_options: dict, start=None):
    """Run ``seed_demo`` (on top of ``start`` when given) and keep the result as snapshot ``name``; the
    database is left as it was before. Call with database access unblocked, outside any test."""
    before = Snapshot(f"{name}_before").take()
    try:
        if start is not None:
            start.restore()
        out = StringIO()
        with override_settings(
            MEDIA_ROOT=str(media), PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
        ):
            call_command("seed_demo", stdout=out, **command_options)
        snapshot = Snapshot(name).take()
        snapshot.output = out.getvalue()
    finally:
        before.restore()
        before.drop()
    return snapshot
