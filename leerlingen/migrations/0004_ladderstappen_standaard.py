"""The default de-escalatieladder (seed 000 names the ladder; these steps follow the usual route of
the regional routeboeken verzuim: school -> OT -> case management -> SWV-wide -> boards -> inspectie).
The SWV can rename, reorder, add or deactivate steps afterwards."""

from django.db import migrations

STANDAARD_STAPPEN = [
    (1, "Signaal en gesprek op school", "School, ouders en kind bespreken het verzuim; de school meldt het bij leerplicht."),
    (2, "Ondersteuningsteam (OT/MDO)", "Het ondersteuningsteam met consulent, leerplicht en jeugdteam maakt een plan."),
    (3, "Casusregie door de consulent", "De consulent van het SWV voert regie met de ketenpartners; passend aanbod wordt gezocht."),
    (4, "Thuiszittersoverleg SWV", "Bovenschools overleg van SWV, leerplicht, gemeente en jeugdhulp over een maatwerkoplossing."),
    (5, "Opschaling naar bestuurders", "De directeur-bestuurder van het SWV, het schoolbestuur en de gemeente beslissen samen."),
    (6, "Onderwijsconsulent of inspectie", "Inschakelen van de Onderwijsconsulenten of melding bij de inspectie."),
]


def stappen_aanmaken(apps, schema_editor):
    Ladderstap = apps.get_model("leerlingen", "Ladderstap")
    if Ladderstap.objects.exists():
        return
    for volgorde, naam, omschrijving in STANDAARD_STAPPEN:
        Ladderstap.objects.create(volgorde=volgorde, naam=naam, omschrijving=omschrijving)


class Migration(migrations.Migration):
    dependencies = [("leerlingen", "0003_thuiszitters_zorgplicht_risicolijst")]

    operations = [migrations.RunPython(stappen_aanmaken, migrations.RunPython.noop)]
