"""Korean text search on PostgreSQL: the pg_trgm extension and GIN trigram indexes.

Runs only on PostgreSQL (SQLite, the embedded default, searches with a plain LIKE). The database needs a
UTF-8 ctype, or pg_trgm extracts no trigrams from Hangul (DESIGN.md §8).
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = [
    ("service_title_trgm", "catalog_service", "title"),
    ("service_summary_trgm", "catalog_service", "summary"),
    ("provider_name_trgm", "catalog_provider", "name"),
    ("need_name_trgm", "catalog_need", "name"),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, column in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
