"""The quality app's history rows take the one shape of ``swv.models.Statusovergang``: ``oud``/``nieuw``
are renamed to ``van``/``naar`` (data kept); the check constraint follows the new names."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("kwaliteit", "0002_kwaliteitskalender_en_standaarden")]

    operations = [
        migrations.RemoveConstraint(model_name="statuswijziging", name="statuswijziging_verandert"),
        migrations.RenameField(model_name="statuswijziging", old_name="oud", new_name="van"),
        migrations.RenameField(model_name="statuswijziging", old_name="nieuw", new_name="naar"),
        migrations.AddConstraint(
            model_name="statuswijziging",
            constraint=models.CheckConstraint(
                condition=~models.Q(van=models.F("naar")), name="statuswijziging_verandert"
            ),
        ),
    ]
