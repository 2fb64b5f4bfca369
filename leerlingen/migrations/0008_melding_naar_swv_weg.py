"""The notifications now live in swv.Melding (copied by the previous migration)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("leerlingen", "0007_meldingen_naar_swv"),
    ]

    operations = [
        migrations.DeleteModel(
            name="HistoricalMelding",
        ),
        migrations.DeleteModel(
            name="Melding",
        ),
    ]
