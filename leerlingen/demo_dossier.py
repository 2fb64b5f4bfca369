"""Demo cases: dossiers, signals, OPPs and MDOs (planned and held, with verslag, the child's voice,
outcomes and agreements) for a few per cent of the pupils of every school, so every list, worklist
and timeline has real content. The demo ib-er of school A is regievoerder of that school's cases;
the demo consulent takes part in its meetings; the demo teacher's pupils are among them.

Idempotent (skipped when the SWV already has dossiers) and fast (bulk inserts with history rows).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from leerlingen.choices import (
    Afsluitreden,
    AfspraakStatus,
    Deelnemersrol,
    Documentsoort,
    DossierStatus,
    Instemmingsbesluit,
    Instemmingswijze,
    MDOSoort,
    MDOStatus,
    Melder,
    OPPStatus,
    Ouderrelatie,
    Sectie,
    Signaalcategorie,
    StemNietGehoordReden,
    StemWijze,
    Uitkomstsoort,
    Uitstroomniveau,
)
from leerlingen.models import (
    MDO,
    OPP,
    Afspraak,
    Document,
    Dossier,
    DossierSectie,
    DossierStatusovergang,
    Inschrijving,
    Interventie,
    MDODeelnemer,
    MDOUitkomst,
    OPPInstemming,
    OPPVersie,
    Signaal,
    StemVanHetKind,
)
from swv.choices import Rol
from swv.demo import DemoContext, demo_stap
from swv.models import Gebruiker, Lidmaatschap, School
from swv.waarden import vereist

#: Share of pupils with a dossier (PO: a few per cent have a groeidocument at any time).
AANDEEL = 0.03

SIGNALEN = [
    (Signaalcategorie.LEREN, "Leesontwikkeling stagneert; AVI-niveau blijft achter bij de groep."),
    (Signaalcategorie.LEREN, "Rekenen: automatiseren van tafels lukt niet, ondanks extra oefening."),
    (Signaalcategorie.GEDRAG, "Veel conflicten op het plein; reageert heftig bij kleine tegenslag."),
    (Signaalcategorie.SOCIAAL_EMOTIONEEL, "Trekt zich terug in de klas, zegt weinig en lijkt somber."),
    (Signaalcategorie.VERZUIM, "Regelmatig te laat en in de afgelopen maand vier dagen ziek gemeld."),
    (Signaalcategorie.THUISSITUATIE, "Ouders geven aan dat de situatie thuis onrustig is na een verhuizing."),
]
SECTIES = {
    Sectie.ANALYSE: "Uit observatie en toetsgegevens blijkt dat de leerling moeite heeft met het volhouden van de aandacht bij instructie.",
    Sectie.ONDERWIJSBEHOEFTEN: "Heeft korte, visueel ondersteunde instructie nodig en een vaste plek dicht bij de leerkracht.",
    Sectie.ONDERSTEUNINGSBEHOEFTEN: "Heeft een leerkracht nodig die vooraf de dag doorneemt en positief bekrachtigt.",
    Sectie.BEVORDERENDE_FACTOREN: "Gemotiveerd, creatief, goede band met de leerkracht, betrokken ouders.",
    Sectie.BELEMMERENDE_FACTOREN: "Snel afgeleid, faalangst bij toetsen.",
    Sectie.DOELEN: "Eind van dit half jaar: AVI M5 beheersen en zelfstandig 15 minuten aan een taak werken.",
    Sectie.VISIE_OUDERS: "Ouders herkennen het beeld en willen graag meedenken; zij oefenen thuis met lezen.",
    Sectie.VISIE_KIND: "‘Ik wil graag beter lezen, maar de letters springen soms.’",
}
STEMMEN = [
    ("Ik vind het fijn als de juf naast me komt zitten.", "Meer hulp bij lezen, in de klas blijven."),
    ("Het is te druk in de klas, dan kan ik niet denken.", "Een rustig plekje om te werken."),
    ("Ik wil gewoon bij mijn vrienden blijven.", "Op deze school blijven."),
]
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _ib_er_van(school: School, ctx: DemoContext, cache: dict) -> Gebruiker:
    """The demo ib-er for school A/B, else one placeholder ib-er per school (cannot log in)."""
    if school.pk == ctx.school_a.pk:
        return ctx.gebruikers[Rol.IB_ER]
    if school.pk == ctx.school_b.pk:
        return ctx.gebruikers["ib_er_b"]
    if school.pk not in cache:
        user, nieuw = Gebruiker.objects.get_or_create(
            email=f"ib-{school.vestigingscode.lower()}@demo.swv.nl",
            defaults={"voornaam": "Ib-er", "achternaam": school.naam[:100], "is_demo": True},
        )
        if nieuw:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            Lidmaatschap.objects.create(
                gebruiker=user, rol=Rol.IB_ER, school=school, begindatum=ctx.vandaag - timedelta(days=400)
            )
        cache[school.pk] = user
    return cache[school.pk]


def _werkdag(dag):
    """Meetings are on weekdays: move a Saturday or Sunday to the Monday after."""
    return dag + timedelta(days=(7 - dag.weekday()) % 7) if dag.weekday() >= 5 else dag


@demo_stap(volgorde=30)
def demo_dossiers(ctx: DemoContext) -> str | None:
    if Dossier.objects.filter(school__swv=ctx.swv).exists():
        return None
    rng, vandaag, nu = ctx.rng, ctx.vandaag, timezone.now()
    consulent = ctx.gebruikers[Rol.CONSULENT]
    leerkracht = ctx.gebruikers[Rol.LEERKRACHT]
    gekoppeld = set(leerkracht.gekoppelde_leerlingen.values_list("pk", flat=True))
    inschrijvingen = list(
        Inschrijving.objects.actief_op(vandaag).filter(school__swv=ctx.swv).values_list("leerling_id", "school_id")
    )
    scholen = {s.pk: s for s in School.objects.filter(swv=ctx.swv)}
    ib_cache: dict = {}

    # 1. Which pupils: ~3 % everywhere, more at school A so that the demo ib-er has a real caseload,
    #    including some pupils of the demo teacher.
    gekozen = []
    for leerling_id, school_id in inschrijvingen:
        kans = 0.08 if school_id == ctx.school_a.pk else AANDEEL
        if leerling_id in gekoppeld and rng.random() < 0.3:
            kans = 1.0
        if rng.random() < kans:
            gekozen.append((leerling_id, school_id))

    dossiers = []
    for leerling_id, school_id in gekozen:
        geopend = vandaag - timedelta(days=rng.randint(20, 420))
        r = rng.random()
        status = DossierStatus.AFGESLOTEN if r < 0.15 else DossierStatus.OPEN
        stil = rng.random() < 0.12
        d = Dossier(
            leerling_id=leerling_id,
            school_id=school_id,
            regievoerder=_ib_er_van(scholen[school_id], ctx, ib_cache),
            aanleiding=rng.choice(SIGNALEN)[1],
            geopend_op=geopend,
            status=status,
            laatste_activiteit=nu - timedelta(days=rng.randint(95, 200) if stil else rng.randint(0, 30)),
        )
        if status == DossierStatus.AFGESLOTEN:
            d.afgesloten_op = min(vandaag, geopend + timedelta(days=rng.randint(60, 300)))
            d.afsluitreden = rng.choice([Afsluitreden.DOELEN_BEREIKT, Afsluitreden.BASISONDERSTEUNING])
        dossiers.append(d)
    dossiers = bulk_create_with_history(dossiers, Dossier, batch_size=1000, default_date=nu)
    dossiers = list(Dossier.objects.filter(school__swv=ctx.swv).select_related("regievoerder"))

    overgangen, signalen, secties, interventies = [], [], [], []
    mdos, opps = [], []
    for d in dossiers:
        ib = d.regievoerder
        geopend_om = timezone.make_aware(datetime.combine(d.geopend_op, time(9)))
        overgangen.append(
            DossierStatusovergang(
                dossier=d, van="", naar=DossierStatus.OPEN, door=ib, op=geopend_om, reden=d.aanleiding
            )
        )
        for _ in range(rng.randint(1, 2)):
            categorie, tekst = rng.choice(SIGNALEN)
            signalen.append(
                Signaal(
                    leerling_id=d.leerling_id,
                    dossier=d,
                    school_id=d.school_id,
                    datum=d.geopend_op - timedelta(days=rng.randint(0, 40)),
                    melder=rng.choice([Melder.LEERKRACHT, Melder.LEERKRACHT, Melder.OUDERS]),
                    categorie=categorie,
                    omschrijving=tekst,
                    vastgelegd_door=ib,
                )
            )
        for sectie in rng.sample(list(SECTIES), rng.randint(3, len(SECTIES))):
            secties.append(
                DossierSectie(
                    dossier=d,
                    sectie=sectie,
                    tekst=SECTIES[sectie],
                    school_id=d.school_id,
                    bijgewerkt_door=ib,
                    bijgewerkt_op=geopend_om,
                )
            )
        interventies.append(
            Interventie(
                dossier=d,
                school_id=d.school_id,
                omschrijving="Extra leesinstructie in de kleine groep, 3x per week",
                doel="Leestempo +10 woorden per minuut",
                uitvoerder="Onderwijsassistent",
                startdatum=d.geopend_op,
                einddatum=d.geopend_op + timedelta(days=84),
                evaluatie="Vooruitgang zichtbaar, doel nog niet gehaald." if rng.random() < 0.6 else "",
                vastgelegd_door=ib,
            )
        )
        # Meetings: most dossiers had one MDO; open ones sometimes have one planned.
        if (vandaag - d.geopend_op).days > 25 and rng.random() < 0.7:
            gehouden_op = d.geopend_op + timedelta(days=rng.randint(10, min(200, (vandaag - d.geopend_op).days - 4)))
            gehouden_op = _werkdag(gehouden_op)
            mdos.append(
                MDO(
                    dossier=d,
                    school_id=d.school_id,
                    soort=rng.choice([MDOSoort.MDO, MDOSoort.OT]),
                    status=MDOStatus.GEHOUDEN,
                    begint_om=timezone.make_aware(datetime.combine(gehouden_op, time(rng.choice([9, 13, 15]), 0))),
                    locatie="Kamer van de ib-er",
                    agenda="1. Opening\n2. Stand van zaken\n3. Wat zegt het kind?\n4. Afspraken",
                    verslag="Besproken zijn de resultaten van de interventie en de observaties in de klas. "
                    "Ouders en school zijn het eens over de vervolgstappen.",
                    gehouden_op=gehouden_op,
                    verslag_door=ib,
                    gepland_door=ib,
                )
            )
        if d.status == DossierStatus.OPEN and rng.random() < 0.3:
            dag = _werkdag(vandaag + timedelta(days=rng.randint(1, 35)))
            mdos.append(
                MDO(
                    dossier=d,
                    school_id=d.school_id,
                    soort=MDOSoort.MDO,
                    status=MDOStatus.GEPLAND,
                    begint_om=timezone.make_aware(datetime.combine(dag, time(rng.choice([8, 10, 14]), 30))),
                    locatie="Kamer van de ib-er",
                    agenda="1. Evaluatie handelingsplan\n2. Stem van het kind\n3. Vervolg",
                    gepland_door=ib,
                )
            )
            d.status = DossierStatus.IN_BEHANDELING_MDO
        if rng.random() < 0.3:
            opps.append(OPP(dossier=d))
    Dossier.objects.bulk_update(
        [d for d in dossiers if d.status == DossierStatus.IN_BEHANDELING_MDO], ["status"], batch_size=1000
    )
    for d in dossiers:
        if d.status == DossierStatus.IN_BEHANDELING_MDO:
            overgangen.append(
                DossierStatusovergang(dossier=d, van=DossierStatus.OPEN, naar=d.status, door=d.regievoerder, op=nu)
            )
        elif d.status == DossierStatus.AFGESLOTEN:
            overgangen.append(
                DossierStatusovergang(
                    dossier=d,
                    van=DossierStatus.OPEN,
                    naar=d.status,
                    door=d.regievoerder,
                    op=timezone.make_aware(datetime.combine(vereist(d.afgesloten_op, "afgesloten_op"), time(16))),
                    reden=d.get_afsluitreden_display(),
                )
            )
    bulk_create_with_history(overgangen, DossierStatusovergang, batch_size=2000, default_date=nu)
    bulk_create_with_history(signalen, Signaal, batch_size=2000, default_date=nu)
    bulk_create_with_history(secties, DossierSectie, batch_size=2000, default_date=nu)
    bulk_create_with_history(interventies, Interventie, batch_size=2000, default_date=nu)
    bulk_create_with_history(mdos, MDO, batch_size=2000, default_date=nu)
    bulk_create_with_history(opps, OPP, batch_size=2000, default_date=nu)

    # 2. Participants, the child's voice, outcomes and agreements of the meetings.
    mdos = list(MDO.objects.filter(dossier__school__swv=ctx.swv).select_related("dossier"))
    deelnemers, stemmen, uitkomsten, afspraken = [], [], [], []
    for m in mdos:
        ib = m.gepland_door
        deelnemers.append(
            MDODeelnemer(mdo=m, gebruiker=ib, rol=Deelnemersrol.IB_ER, aanwezig=m.status == MDOStatus.GEHOUDEN or None)
        )
        deelnemers.append(
            MDODeelnemer(
                mdo=m,
                naam="Ouder van de leerling",
                rol=Deelnemersrol.OUDER,
                aanwezig=m.status == MDOStatus.GEHOUDEN or None,
            )
        )
        if m.school_id == ctx.school_a.pk:
            deelnemers.append(
                MDODeelnemer(
                    mdo=m,
                    gebruiker=consulent,
                    rol=Deelnemersrol.CONSULENT,
                    aanwezig=m.status == MDOStatus.GEHOUDEN or None,
                )
            )
        if rng.random() < 0.4:
            deelnemers.append(
                MDODeelnemer(
                    mdo=m, naam="Jeugd- en gezinswerker", organisatie="Jeugdteam", rol=Deelnemersrol.JEUGD_GEZINSWERKER
                )
            )
        if m.status != MDOStatus.GEHOUDEN:
            continue
        if rng.random() < 0.85:
            zei, wil = rng.choice(STEMMEN)
            stemmen.append(
                StemVanHetKind(
                    mdo=m, gehoord=True, wijze=rng.choice(list(StemWijze.values)), wat_zei_kind=zei, wat_wil_kind=wil
                )
            )
        else:
            stemmen.append(StemVanHetKind(mdo=m, gehoord=False, reden_niet_gehoord=StemNietGehoordReden.TE_JONG))
        soorten = rng.choices(list(Uitkomstsoort.values), weights=[50, 20, 15, 10, 5], k=rng.randint(1, 2))
        for soort in dict.fromkeys(soorten):
            uitkomsten.append(MDOUitkomst(mdo=m, soort=soort))
        for _ in range(rng.randint(1, 2)):
            uiterlijk = vereist(m.gehouden_op, "gehouden_op") + timedelta(days=rng.randint(14, 90))
            klaar = uiterlijk < vandaag and rng.random() < 0.6
            afspraken.append(
                Afspraak(
                    dossier=m.dossier,
                    mdo=m,
                    school_id=m.school_id,
                    uiterlijk=uiterlijk,
                    omschrijving=rng.choice(
                        [
                            "Handelingsplan bijstellen",
                            "Observatie in de klas",
                            "Gesprek met ouders plannen",
                            "Aanmelden bij het jeugdteam",
                        ]
                    ),
                    uitvoerder=ib if rng.random() < 0.6 else None,
                    uitvoerder_naam="" if rng.random() < 0.6 else "Leerkracht groep",
                    status=AfspraakStatus.AFGEROND if klaar else AfspraakStatus.OPEN,
                    afgerond_op=uiterlijk if klaar else None,
                )
            )
    for a in afspraken:
        if a.uitvoerder is None and not a.uitvoerder_naam:
            a.uitvoerder_naam = "Leerkracht groep"
    bulk_create_with_history(deelnemers, MDODeelnemer, batch_size=2000, default_date=nu)
    bulk_create_with_history(stemmen, StemVanHetKind, batch_size=2000, default_date=nu)
    bulk_create_with_history(uitkomsten, MDOUitkomst, batch_size=2000, default_date=nu)
    bulk_create_with_history(afspraken, Afspraak, batch_size=2000, default_date=nu)

    # 3. OPP versions (adopted, most with the parents' consent) and a few documents at school A/B.
    versies = []
    for opp in OPP.objects.filter(dossier__school__swv=ctx.swv).select_related("dossier__regievoerder"):
        d = opp.dossier
        vastgesteld = rng.random() < 0.8
        versies.append(
            OPPVersie(
                opp=opp,
                versienummer=1,
                school_id=d.school_id,
                status=OPPStatus.VASTGESTELD if vastgesteld else OPPStatus.CONCEPT,
                uitstroomniveau=rng.choice(
                    [
                        Uitstroomniveau.VMBO_BASIS,
                        Uitstroomniveau.VMBO_KADER,
                        Uitstroomniveau.PRAKTIJKONDERWIJS,
                        Uitstroomniveau.VMBO_GT,
                    ]
                ),
                onderbouwing="Op basis van de leerontwikkeling van de afgelopen twee jaar en het capaciteitenonderzoek.",
                doelen="Technisch lezen: AVI M6. Rekenen: tafels tot 10 geautomatiseerd. Werkhouding: 20 minuten zelfstandig.",
                handelingsdeel="Dagelijks 20 minuten extra leesinstructie; wekelijkse begeleiding door de ambulant begeleider.",
                opgesteld_door=d.regievoerder,
                vastgesteld_op=min(vandaag, d.geopend_op + timedelta(days=30)) if vastgesteld else None,
                vastgesteld_door=d.regievoerder if vastgesteld else None,
            )
        )
    versies = bulk_create_with_history(versies, OPPVersie, batch_size=2000, default_date=nu)
    instemmingen = []
    for v in OPPVersie.objects.filter(opp__dossier__school__swv=ctx.swv, status=OPPStatus.VASTGESTELD).select_related(
        "opgesteld_door"
    ):
        if rng.random() < 0.85:
            instemmingen.append(
                OPPInstemming(
                    versie=v,
                    besluit=Instemmingsbesluit.INGESTEMD,
                    ouder_naam="Ouder van de leerling",
                    ouder_relatie=rng.choice(list(Ouderrelatie.values)),
                    datum=vereist(v.vastgesteld_op, "vastgesteld_op"),
                    wijze=rng.choice(list(Instemmingswijze.values)),
                    vastgelegd_door=v.opgesteld_door,
                )
            )
    bulk_create_with_history(instemmingen, OPPInstemming, batch_size=2000, default_date=nu)
    for d in Dossier.objects.filter(school__in=[ctx.school_a, ctx.school_b]).select_related("regievoerder")[:12]:
        doc = Document(
            leerling_id=d.leerling_id,
            dossier=d,
            school_id=d.school_id,
            soort=Documentsoort.ONDERZOEK,
            titel="Verslag capaciteitenonderzoek",
            oorspronkelijke_naam="onderzoek.pdf",
            inhoudstype="application/pdf",
            extensie="pdf",
            grootte=len(PDF),
            sha256="",
            geupload_door=d.regievoerder,
        )
        doc.bestand.save(f"{doc.uuid}.pdf", ContentFile(PDF), save=False)
        doc.save()
    n_mdo = len(mdos)
    return f"Dossiers: {len(dossiers)} dossiers, {n_mdo} overleggen, {len(versies)} OPP's."
