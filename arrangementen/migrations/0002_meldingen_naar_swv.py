"""Copy the arrangements app's notifications into the one model ``swv.Melding`` (the next
migration deletes the old model). Kinds and occasions get the app's prefix; the e-mail state stays."""

from django.conf import settings
from django.db import migrations
from django.utils import translation
from django.utils.translation import gettext

TITELS = {
    "ingediend": "A request was submitted",
    "aanvulling_gevraagd": "More information was requested",
    "besloten": "A decision was taken",
    "evaluatie": "An evaluation is due",
}


def kopieren(apps, schema_editor):
    Oud = apps.get_model("arrangementen", "Melding")
    Melding = apps.get_model("swv", "Melding")
    with translation.override(settings.LANGUAGE_CODE):
        titels = {soort: gettext(msgid) for soort, msgid in TITELS.items()}
    nieuw = [
        Melding(
            uuid=m.uuid,
            ontvanger_id=m.ontvanger_id,
            soort=f"arrangementen.{m.soort}",
            sleutel=f"arrangementen:{m.sleutel}",
            titel=titels.get(m.soort, m.soort),
            route="arrangementen:detail",
            object_uuid=m.aanvraag.uuid,
            aangemaakt=m.aangemaakt,
            gelezen_op=m.gelezen_op,
            email_status=m.email_status,
            email_pogingen=m.email_pogingen,
            email_verstuurd_op=m.email_verstuurd_op or (m.aangemaakt if m.email_status == "verstuurd" else None),
            email_fout=m.email_fout,
        )
        for m in Oud.objects.select_related("aanvraag").iterator()
    ]
    Melding.objects.bulk_create(nieuw, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("arrangementen", "0001_initial"),
        ("swv", "0004_melding"),
    ]

    operations = [migrations.RunPython(kopieren, migrations.RunPython.noop)]
