"""Copy the zorgplicht notifications into the one model ``swv.Melding`` (the next migration deletes
the old model). A notification links to its case by route and public UUID instead of a stored path."""

from django.db import migrations


def kopieren(apps, schema_editor):
    Oud = apps.get_model("leerlingen", "Melding")
    Melding = apps.get_model("swv", "Melding")
    nieuw = []
    for m in Oud.objects.select_related("herinnering__casus").iterator():
        if m.herinnering_id:
            route, doel, sleutel = (
                "leerlingen:zorgplicht_detail",
                m.herinnering.casus.uuid,
                f"zorgplicht:{m.herinnering_id}",
            )
        else:  # no occasion recorded: keep the row, without a link
            route, doel, sleutel = "", m.uuid, f"melding:{m.pk}"
        nieuw.append(
            Melding(
                uuid=m.uuid,
                ontvanger_id=m.ontvanger_id,
                soort="leerlingen.zorgplicht",
                sleutel=f"leerlingen:{sleutel}",
                titel=m.titel,
                route=route,
                object_uuid=doel,
                aangemaakt=m.aangemaakt,
                gelezen_op=m.gelezen_op,
                email_status="verstuurd" if m.gemaild_op else "wachtrij",
                email_pogingen=1 if m.gemaild_op else 0,
                email_verstuurd_op=m.gemaild_op,
            )
        )
    Melding.objects.bulk_create(nieuw, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("leerlingen", "0006_merge_20261122_1815"),
        ("swv", "0004_melding"),
    ]

    operations = [migrations.RunPython(kopieren, migrations.RunPython.noop)]
