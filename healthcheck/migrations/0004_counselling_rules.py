"""The default rules to the 전문 상담 need (catalog 0008), added where they are missing."""

from django.db import migrations

from healthcheck.defaults import need_rules_ensure


def create_rules(apps, schema_editor):
    need_rules_ensure(apps.get_model("catalog", "Need"), apps.get_model("healthcheck", "NeedRule"))


class Migration(migrations.Migration):
    dependencies = [("healthcheck", "0003_recommendation_stats"), ("catalog", "0008_counselling_need")]

    operations = [migrations.RunPython(create_rules, migrations.RunPython.noop)]
