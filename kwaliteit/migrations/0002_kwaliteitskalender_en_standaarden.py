"""Seed data: the inspection standards (RPO1-3, BKA1-3), OSP themes and the accountability calendar
of seed 001 (PPO regio Leiden). Idempotent; the SWV edits the rows afterwards in the app or admin."""

from django.db import migrations

STANDAARDEN = [
    ("RPO1", "Dekkend netwerk van voorzieningen"),
    ("RPO2", "Regionale samenwerking"),
    ("RPO3", "Advisering en beoordeling toelaatbaarheid"),
    ("BKA1", "Visie, ambitie en doelen"),
    ("BKA2", "Uitvoering en kwaliteitscultuur"),
    ("BKA3", "Evaluatie, verantwoording en dialoog"),
]

THEMAS = [
    "Hoorrecht: de stem van het kind",
    "Pedagogische alliantie van ouders, leerkrachten en school",
    "Regie voor leraren",
    "Inclusieve en adaptieve praktijken in de werkgebieden",
    "Horizontale dialoog met ouders",
    "Minder leerlingen in SBO en SO; thuisnabij onderwijs",
    "Geen thuiszitters: een dekkend netwerk",
]

# (product, for whom, purpose, owner, frequency, months, when, interval, reference year, portal product, remind role)
KALENDER = [
    ("Ondersteuningsplan (OSP)", "Statutaire gremia, inspectie, team, scholen, ouders, kinderen en partners",
     "Wettelijke verplichting; de visie van alle betrokkenen vastleggen.", "DB in samenspraak met de statutaire gremia",
     "1x per 4 jaar", [1], "Gereed 1 januari 2027", 4, 2027, "", "db"),
    ("A3-jaarplan", "Statutaire gremia, team, scholen en ouders",
     "Vertaling van het strategisch beleid uit het OSP in tactische en operationele doelen.", "DB",
     "Jaarlijks", [11, 12], "November-december", 1, None, "jaarplan", "db"),
    ("Zelfevaluatie inspectiekader", "Inspectie, statutaire gremia, interne organisatie",
     "Wettelijke verplichting; inspectiekader.", "DB", "1x per 4 jaar", [6], "Schooljaar 2025-2026", 4, 2026, "", "db"),
    ("Financiële rapportages (T-rapportages)", "Statutaire gremia (team als de MR erom vraagt)",
     "Verantwoording over het doelmatig en rechtmatig inzetten van de middelen.", "DB / controller",
     "3x per jaar", [4, 9, 11], "April, september, november", 1, None, "t_rapportage", "controller"),
    ("Financieel jaarverslag en infographic", "Inspectie, statutaire gremia, team, scholen",
     "Wettelijke verplichting; verantwoording en het jaarverslag visueel inzichtelijk maken.", "DB / controller",
     "Jaarlijks", [4, 5], "April-mei; vóór 1 juli bij de inspectie; daarna publiceren", 1, None, "jaarverslag", "db"),
    ("Jaarverslag TLC", "DB, ALV, RvT, OPR, MR, kernteam, scholen", "Verantwoording over de wettelijke opdracht.",
     "Voorzitter TLC", "Jaarlijks", [10], "Oktober", 1, None, "tlc_jaarverslag", "tlc_lid"),
    ("Jaarverslag AC", "DB, ALV, RvT, OPR, MR, kernteam, scholen", "Verantwoording over de wettelijke opdracht.",
     "Voorzitter AC", "Jaarlijks", [10], "Oktober", 1, None, "ac_jaarverslag", "ac_lid"),
    ("Pijplijndata (ontvangst TLV tot plaatsing S(B)O)", "DB, statutaire gremia, consulenten, scholen",
     "Zicht houden op het dekkend netwerk en op wachtlijsten.", "Secretaris TLC", "2x per jaar", [3, 10],
     "Oktober, maart", 1, None, "pijplijn", "tlc_lid"),
    ("Risicolijst", "DB, leerrecht, consulenten, inspectie",
     "Zicht houden op het dekkend netwerk en wachtlijsten; input voor innovatie.",
     "Consulenten leveren aan, beleidsmedewerker heeft de regie", "4x per schooljaar", [1, 5, 8, 11],
     "Mei, augustus, november, januari", 1, None, "risicolijst", "beleidsmedewerker"),
    ("Regionale arrangementen: uitstroomcijfers", "DB, statutaire gremia, team",
     "Verantwoording over de inzet van middelen en beleid.", "Aanbieders van de regionale arrangementen",
     "Jaarlijks (iedere 4 jaar uitgebreid)", [10], "Oktober", 1, None, "", "db"),
    ("Basisondersteuning: zelfevaluatie scholen (POS)", "DB, inspectie, statutaire gremia",
     "Wettelijke verplichting; gesprek over de kwaliteit in scholen.", "Schoolbesturen en scholen", "Jaarlijks", [4],
     "April (aankondiging maart, resultaten juni)", 1, None, "", "bestuurder"),
    ("Besteding SWV-middelen door besturen", "DB, statutaire gremia",
     "Besturen verantwoorden de inzet van SWV-middelen.", "Schoolbesturen", "Jaarlijks", [2, 3], "Februari-maart",
     1, None, "", "bestuurder"),
    ("Evaluatie toegekende arrangementen (vragenlijst ib-er en consulent)", "DB, statutaire gremia, team, scholen",
     "Scholen verantwoorden de inzet van SWV-middelen.", "AC", "Jaarlijks", [6, 10],
     "Mei-juni ophalen; verslag oktober-november", 1, None, "", "ac_lid"),
    ("Innovatieaanvragen", "Alle scholen", "Structureel aanbod ontwikkelen of als leermoment beschouwen.",
     "TLC en AC adviseren, DB besluit", "Jaarlijks", [], "Doorlopend", 1, None, "", ""),
]


def vul(apps, schema_editor):
    Inspectiestandaard = apps.get_model("kwaliteit", "Inspectiestandaard")
    OspThema = apps.get_model("kwaliteit", "OspThema")
    KalenderItem = apps.get_model("kwaliteit", "KalenderItem")
    for code, naam in STANDAARDEN:
        Inspectiestandaard.objects.get_or_create(code=code, defaults={"naam": naam})
    for naam in THEMAS:
        OspThema.objects.get_or_create(naam=naam)
    for volgorde, (product, doelgroep, doel, eigenaar, freq, maanden, wanneer, interval, ref, portaal, rol) in enumerate(
        KALENDER, start=1
    ):
        KalenderItem.objects.get_or_create(
            product=product,
            defaults=dict(
                doelgroep=doelgroep, doel=doel, eigenaar=eigenaar, frequentie=freq, maanden=maanden, wanneer=wanneer,
                interval_jaren=interval, referentiejaar=ref, portaal_product=portaal, herinneren_rol=rol,
                volgorde=volgorde * 10,
            ),
        )


class Migration(migrations.Migration):
    dependencies = [("kwaliteit", "0001_initial")]

    operations = [migrations.RunPython(vul, migrations.RunPython.noop)]
