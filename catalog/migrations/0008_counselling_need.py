"""The 전문 상담 need joins the shared vocabulary: the health test puts counselling first when it matters."""

from django.db import migrations

from catalog.vocabulary import needs_ensure


def create_needs(apps, schema_editor):
    needs_ensure(apps.get_model("catalog", "Need"))


class Migration(migrations.Migration):
    dependencies = [("catalog", "0007_service_audience")]

    operations = [migrations.RunPython(create_needs, migrations.RunPython.noop)]
