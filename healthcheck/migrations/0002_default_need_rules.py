"""Sensible default rules from scale bands to health needs; staff can edit them in the admin."""

from django.db import migrations

from healthcheck.defaults import need_rules_ensure


def create_rules(apps, schema_editor):
    need_rules_ensure(apps.get_model("catalog", "Need"), apps.get_model("healthcheck", "NeedRule"))


class Migration(migrations.Migration):
    dependencies = [("healthcheck", "0001_initial"), ("catalog", "0004_core_needs")]

    operations = [migrations.RunPython(create_rules, migrations.RunPython.noop)]
