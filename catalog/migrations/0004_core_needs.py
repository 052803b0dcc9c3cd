"""The shared vocabulary of health needs (DESIGN.md §4), present in every installation."""

from django.db import migrations

from catalog.vocabulary import needs_ensure


def create_needs(apps, schema_editor):
    needs_ensure(apps.get_model("catalog", "Need"))


class Migration(migrations.Migration):
    dependencies = [("catalog", "0003_slot_start_index")]

    operations = [migrations.RunPython(create_needs, migrations.RunPython.noop)]
