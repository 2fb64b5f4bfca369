"""The thuiszitter and zorgplicht history rows take the one shape of ``swv.models.Statusovergang``:
``oud``/``nieuw`` are renamed to ``van``/``naar`` (data kept)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("leerlingen", "0006_merge_20261122_1815")]

    operations = [
        migrations.RenameField(model_name=model, old_name=oud, new_name=nieuw)
        for model in (
            "thuiszitterstatuswijziging",
            "historicalthuiszitterstatuswijziging",
            "zorgplichtstatuswijziging",
            "historicalzorgplichtstatuswijziging",
        )
        for oud, nieuw in (("oud", "van"), ("nieuw", "naar"))
    ]
