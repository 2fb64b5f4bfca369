"""Copy the TLV notifications into the one model ``swv.Melding`` (the next migration deletes the
old model). Kinds and occasions get the app's prefix; a mailed notification stays mailed."""

from django.conf import settings
from django.db import migrations
from django.utils import translation
from django.utils.translation import gettext

TITELS = {
    "ingediend": "A TLV request was submitted",
    "aanvulling_gevraagd": "More information is requested for a TLV request",
    "besluit": "A decision was taken on a TLV request",
    "beslistermijn": "The decision term of a TLV request has passed",
    "einddatum": "A TLV ends soon: evaluate and decide on extension or return",
    "terugkeer": "The yearly return review of a TLV is due",
    "bezwaar": "An objection against a TLV decision was registered",
}


def kopieren(apps, schema_editor):
    Oud = apps.get_model("tlv", "TLVMelding")
    Melding = apps.get_model("swv", "Melding")
    with translation.override(settings.LANGUAGE_CODE):
        titels = {soort: gettext(msgid) for soort, msgid in TITELS.items()}
    nieuw = [
        Melding(
            uuid=m.uuid,
            ontvanger_id=m.ontvanger_id,
            soort=f"tlv.{m.soort}",
            sleutel=f"tlv:{m.sleutel}",
            titel=titels.get(m.soort, m.soort),
            route="tlv:detail",
            object_uuid=m.tlv.uuid,
            aangemaakt=m.aangemaakt,
            gelezen_op=m.gelezen_op,
            email_status="verstuurd" if m.gemaild_op else "wachtrij",
            email_pogingen=1 if m.gemaild_op else 0,
            email_verstuurd_op=m.gemaild_op,
        )
        for m in Oud.objects.select_related("tlv").iterator()
    ]
    Melding.objects.bulk_create(nieuw, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("tlv", "0002_geen_overlappende_tlvs"),
        ("swv", "0004_melding"),
    ]

    operations = [migrations.RunPython(kopieren, migrations.RunPython.noop)]
