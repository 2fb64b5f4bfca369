"""Demo TLVs: today's register in realistic proportions, requests in every state, and ten years of history.

Proportions of seed 002 (PPO regio Leiden): active SBO TLVs for 1.5 % of the pupils, SO for 1.54 %,
of which the categories low / medium / high are 1.21 / 0.17 / 0.17 %. Pupils enrolled at an S(B)O
school get today's TLVs (issued by a regular school's request, often extended once); pupils of regular
schools carry the requests in progress. Ten years of ended TLVs (for fictitious former pupils) feed
the register, the key figures and the benchmark. Bulk inserts where rows are many; running the step
again adds nothing.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from django.core.files.base import ContentFile
from django.db.models import F
from django.utils import timezone

from leerlingen.choices import Deelnemersrol, Documentsoort, MDOStatus, OPPStatus, Uitkomstsoort, Uitstroomniveau
from leerlingen.models import MDO, OPP, Document, Dossier, Inschrijving, Leerling, MDODeelnemer, MDOUitkomst, OPPVersie
from leerlingen.validators import is_geldig_bsn
from swv.choices import Rol, Soort
from swv.demo import DemoContext, demo_stap
from swv.models import School
from swv.waarden import vereist
from tlv import termijnen
from tlv.choices import (
    Adviesconclusie,
    Beeindigingsreden,
    BezwaarStatus,
    Categorie,
    Indiener,
    Kwalificatie,
    Meldingsoort,
    OudersInstemming,
    Route,
    TLVSoort,
    TLVStatus,
)
from tlv.models import TLV, Bezwaar, BezwaarStatusovergang, Deskundigenadvies, TLVNummerreeks, TLVStatusovergang
from tlv.services.aanvraag import SCHOOLLEEFTIJD
from tlv.services.meldingen import meldingen_maken

SBO_AANDEEL = 0.015
SO_AANDEEL = 0.0154
CATEGORIEEN = [(Categorie.LAAG, 1.21), (Categorie.MIDDEN, 0.17), (Categorie.HOOG, 0.17)]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
REDENEN = [
    "De ondersteuningsbehoefte op het gebied van gedrag overstijgt wat de school met een arrangement kan bieden.",
    "Ondanks twee jaar extra ondersteuning stagneert de ontwikkeling; de leerling heeft een kleine groep nodig.",
    "Complexe combinatie van leer- en gedragsproblemen; intensieve begeleiding nodig die de school niet kan bieden.",
]


class _Nummers:
    """Hands out TLV numbers per year and records the series for the live service afterwards."""

    def __init__(self, code: str):
        self.code = code[2:]
        self.laatste: dict[int, int] = defaultdict(int)

    def volgende(self, jaar: int) -> str:
        self.laatste[jaar] += 1
        return f"TLV-{self.code}-{jaar}-{self.laatste[jaar]:04d}"

    def opslaan(self) -> None:
        for jaar, laatste in self.laatste.items():
            TLVNummerreeks.objects.update_or_create(jaar=jaar, defaults={"laatste": laatste})


def _categorie(rng: random.Random) -> str:
    return rng.choices([c for c, _w in CATEGORIEEN], weights=[w for _c, w in CATEGORIEEN])[0]


def _wachttijd(rng: random.Random) -> int:
    """Days from issue to placement: mostly weeks, sometimes months (a waiting list)."""
    return min(int(rng.lognormvariate(3.2, 0.8)), 240)


def _aanvraagdatum(rng: random.Random, jaar: int) -> date:
    """A submission date in ``jaar``, with the May-July peak of the TLC annual reports."""
    maand = rng.choices(range(1, 13), weights=[6, 7, 8, 7, 12, 13, 11, 2, 6, 8, 8, 6])[0]
    return date(jaar, maand, rng.randint(1, 28))


def _bsns(rng: random.Random):
    bezet = set(Leerling.objects.exclude(bsn="").values_list("bsn", flat=True))
    n = 700_000_000 + rng.randrange(0, 50_000_000)
    while True:
        n += 1
        bsn = f"{n:09d}"
        if is_geldig_bsn(bsn) and bsn not in bezet:
            yield bsn


def _afgegeven(
    rng,
    *,
    nummers,
    leerling_id,
    aanvrager,
    school,
    soort,
    ingang,
    duur_maanden,
    door,
    vandaag,
    route=Route.REGULIER,
    vorige=None,
) -> TLV:
    """An issued TLV starting on ``ingang`` with its dates and status as of ``vandaag`` (not saved)."""
    afgegeven_op = ingang - timedelta(days=rng.randint(7, 60))
    ingediend = afgegeven_op - timedelta(days=rng.randint(14, 56))
    einde = termijnen.einddatum_voor_duur(ingang, duur_maanden) if duur_maanden else None
    categorie = _categorie(rng) if soort == TLVSoort.SO else ""
    plaatsing = afgegeven_op + timedelta(days=_wachttijd(rng)) if route != Route.VERLENGING else ingang
    plaatsing = max(plaatsing, afgegeven_op)
    status = TLVStatus.ACTIEF if ingang <= vandaag else TLVStatus.AFGEGEVEN
    return TLV(
        nummer=nummers.volgende(afgegeven_op.year),
        leerling_id=leerling_id,
        route=route,
        vorige=vorige,
        status=status,
        aanvragende_school=aanvrager,
        beoogde_school=school,
        soort=soort,
        voorgestelde_categorie=categorie,
        voorgestelde_duur_maanden=duur_maanden,
        redenen=rng.choice(REDENEN),
        rechtstreeks_toelichting="EMB-leerling: ernstige meervoudige beperkingen."
        if route == Route.RECHTSTREEKS
        else "",
        ouders_zienswijze="Ouders steunen de aanvraag.",
        ouders_instemming=OudersInstemming.INGESTEMD,
        ouders_instemming_datum=ingediend - timedelta(days=7),
        evaluatieafspraken="Jaarlijkse evaluatie van het OPP.",
        terugkeerafspraken="Jaarlijks terugkeergesprek met de verwijzende school.",
        ingediend_op=ingediend,
        eerst_ingediend_op=ingediend,
        getoetst_op=afgegeven_op - timedelta(days=3),
        getoetst_door=door,
        besluit_datum=afgegeven_op,
        besluit_door=door,
        motivering="Conform het advies van beide deskundigen.",
        bekendgemaakt_op=afgegeven_op,
        afgegeven_op=afgegeven_op,
        categorie=categorie,
        ingangsdatum=ingang,
        einddatum=einde,
        geen_einddatum_reden="" if einde else "EMB: toelaatbaar voor de gehele schoolloopbaan.",
        plaatsingsdatum=plaatsing if plaatsing <= vandaag else None,
        aangemaakt_door=door,
    )


def _overgangen(tlv: TLV, door) -> list[TLVStatusovergang]:
    """The history rows of a bulk-created TLV, reconstructed from its dates."""
    moment = lambda d: timezone.make_aware(datetime.combine(d, time(10)))  # noqa: E731
    rijen = [
        TLVStatusovergang(
            tlv=tlv,
            van="",
            naar=TLVStatus.CONCEPT,
            door=door,
            op=moment(vereist(tlv.ingediend_op, "ingediend_op") - timedelta(days=14)),
        )
    ]
    if tlv.ingediend_op:
        rijen.append(
            TLVStatusovergang(
                tlv=tlv, van=TLVStatus.CONCEPT, naar=TLVStatus.INGEDIEND, door=door, op=moment(tlv.ingediend_op)
            )
        )
    if tlv.besluit_datum:
        rijen.append(
            TLVStatusovergang(
                tlv=tlv,
                van=TLVStatus.INGEDIEND,
                naar=TLVStatus.PROCEDUREEL_GETOETST,
                door=door,
                op=moment(tlv.getoetst_op or tlv.besluit_datum),
            )
        )
        naar = TLVStatus.AFGEGEVEN if tlv.afgegeven_op else TLVStatus.GEWEIGERD
        rijen.append(
            TLVStatusovergang(
                tlv=tlv,
                van=TLVStatus.PROCEDUREEL_GETOETST,
                naar=naar,
                door=door,
                op=moment(tlv.besluit_datum),
                reden=tlv.motivering,
            )
        )
    if tlv.beeindigd_op and not tlv.afgegeven_op:
        rijen.append(
            TLVStatusovergang(
                tlv=tlv,
                van=TLVStatus.INGEDIEND,
                naar=tlv.status,
                door=door,
                op=moment(tlv.beeindigd_op),
                reden=tlv.get_beeindigingsreden_display(),
            )
        )
    if tlv.afgegeven_op and tlv.status not in (TLVStatus.AFGEGEVEN,):
        rijen.append(
            TLVStatusovergang(
                tlv=tlv,
                van=TLVStatus.AFGEGEVEN,
                naar=TLVStatus.ACTIEF,
                op=moment(tlv.ingangsdatum),
                reden="Ingangsdatum bereikt.",
            )
        )
        if tlv.status not in (TLVStatus.ACTIEF, TLVStatus.IN_BEZWAAR):
            rijen.append(
                TLVStatusovergang(
                    tlv=tlv,
                    van=TLVStatus.ACTIEF,
                    naar=tlv.status,
                    door=None if tlv.status == TLVStatus.VERLOPEN else door,
                    op=moment(tlv.beeindigd_op),
                    reden=tlv.get_beeindigingsreden_display(),
                )
            )
    return rijen


def _huidige_register(ctx: DemoContext, nummers: _Nummers, door) -> list[TLV]:
    """Today's TLVs: pupils at S(B)O schools in the proportions of seed 002, a third extended once."""
    rng, vandaag = ctx.rng, ctx.vandaag
    inschrijvingen = Inschrijving.objects.actief_op(vandaag).filter(school__swv=ctx.swv)
    totaal = inschrijvingen.count()
    bo = list(School.objects.filter(swv=ctx.swv, soort=Soort.BO, actief=True).order_by("pk"))
    nieuw: list[TLV] = []
    opvolgers: list[tuple[TLV, TLV]] = []
    for soort, aandeel, schoolsoorten in (
        (TLVSoort.SBO, SBO_AANDEEL, [Soort.SBO]),
        (TLVSoort.SO, SO_AANDEEL, [Soort.SO, Soort.SO_VSO]),
    ):
        kandidaten = list(
            inschrijvingen.filter(school__soort__in=schoolsoorten)
            .select_related("school")
            .annotate(geboren=F("leerling__geboortedatum"))
            .order_by("pk")
        )
        rng.shuffle(kandidaten)
        for inschrijving in kandidaten[: round(totaal * aandeel)]:
            # S(B)O admission is for children of school age: no TLV starts before the fourth birthday.
            schoolleeftijd = inschrijving.geboren + relativedelta(years=SCHOOLLEEFTIJD)
            if schoolleeftijd > vandaag:
                continue
            emb = soort == TLVSoort.SO and rng.random() < 0.04
            ingang = vandaag - timedelta(days=rng.randint(0, 700))
            schooljaar = date(ingang.year, 8, 1)  # most TLVs start with the school year
            if rng.random() < 0.6 and schooljaar <= vandaag and (vandaag - schooljaar).days <= 700:
                ingang = schooljaar
            ingang = max(ingang, schoolleeftijd)
            aanvrager = rng.choice(bo)
            tlv = _afgegeven(
                rng,
                nummers=nummers,
                leerling_id=inschrijving.leerling_id,
                aanvrager=aanvrager,
                school=inschrijving.school,
                soort=soort,
                ingang=ingang,
                duur_maanden=None if emb else 24,
                door=door,
                vandaag=vandaag,
                route=Route.RECHTSTREEKS if emb else Route.REGULIER,
            )
            if not emb and rng.random() < 0.3 and ingang - timedelta(days=730) >= schoolleeftijd:
                # A predecessor, extended by this TLV (which the S(B)O school requested).
                vorige = _afgegeven(
                    rng,
                    nummers=nummers,
                    leerling_id=inschrijving.leerling_id,
                    aanvrager=aanvrager,
                    school=inschrijving.school,
                    soort=soort,
                    ingang=ingang - timedelta(days=730),
                    duur_maanden=24,
                    door=door,
                    vandaag=vandaag,
                )
                vorige.status, vorige.beeindigingsreden, vorige.beeindigd_op = (
                    TLVStatus.VERLENGD,
                    Beeindigingsreden.VERLENGD,
                    ingang,
                )
                tlv.route, tlv.aanvragende_school = Route.VERLENGING, inschrijving.school
                tlv.evaluatie_huidige_periode = (
                    "De leerling ontwikkelt zich goed in de kleine groep; terugkeer is nog niet haalbaar."
                )
                plaatsing = vereist(vorige.plaatsingsdatum or vorige.ingangsdatum, "ingangsdatum")
                tlv.plaatsingsdatum = vorige.plaatsingsdatum = plaatsing
                if plaatsing < vereist(tlv.afgegeven_op, "afgegeven_op"):
                    tlv.plaatsingsdatum = None  # the pupil was already there: no new placement
                opvolgers.append((vorige, tlv))
            nieuw.append(tlv)
    voorgangers = [v for v, _t in opvolgers]
    TLV.objects.bulk_create(voorgangers, batch_size=1000)
    for vorige, tlv in opvolgers:
        tlv.vorige = vorige
    TLV.objects.bulk_create(nieuw, batch_size=1000)
    return voorgangers + nieuw


def _historie(ctx: DemoContext, nummers: _Nummers, door, per_jaar: int) -> list[TLV]:
    """Ten years of ended TLVs (and refused or withdrawn requests) for fictitious former pupils."""
    rng, vandaag = ctx.rng, ctx.vandaag
    bo = list(School.objects.filter(swv=ctx.swv, soort=Soort.BO).order_by("pk"))
    sbo = list(School.objects.filter(swv=ctx.swv, soort=Soort.SBO).order_by("pk")) or bo[:1]
    so = list(School.objects.filter(swv=ctx.swv, soort__in=[Soort.SO, Soort.SO_VSO]).order_by("pk")) or sbo
    bsns = _bsns(rng)
    from leerlingen.demo import ACHTERNAMEN, VOORNAMEN

    specs = []
    # Nine years back to the year before last: with the current register (the last two years) that is
    # ten years and more of TLVs, all ended by now.
    for jaar in range(vandaag.year - 10, vandaag.year - 1):
        for _ in range(per_jaar):
            specs.append((jaar, TLVSoort.SBO if rng.random() < 0.49 else TLVSoort.SO))
    leerlingen = [
        Leerling(
            voornaam=rng.choice(VOORNAMEN),
            tussenvoegsel=t,
            achternaam=a,
            bsn=next(bsns),
            geboortedatum=date(jaar - rng.randint(6, 11), rng.randint(1, 12), rng.randint(1, 28)),
        )
        for jaar, _soort in specs
        for t, a in [rng.choice(ACHTERNAMEN)]
    ]
    Leerling.objects.bulk_create(leerlingen, batch_size=2000)
    tlvs, inschrijvingen = [], []
    for (jaar, soort), leerling in zip(specs, leerlingen, strict=True):
        aanvrager = rng.choice(bo)
        school = rng.choice(sbo if soort == TLVSoort.SBO else so)
        ingediend = _aanvraagdatum(rng, jaar)
        ingang = ingediend + timedelta(days=rng.randint(40, 120))
        inschrijvingen.append(
            Inschrijving(
                leerling=leerling,
                school=aanvrager,
                groep=rng.randint(3, 7),
                begindatum=date(jaar - 4, 8, 20),
                einddatum=ingang,
            )
        )
        lot = rng.random()
        if lot < 0.06:  # refused or withdrawn before the decision
            geweigerd = lot < 0.045
            tlv = TLV(
                leerling=leerling,
                status=TLVStatus.GEWEIGERD if geweigerd else TLVStatus.INGETROKKEN,
                soort=soort,
                aanvragende_school=aanvrager,
                beoogde_school=school,
                voorgestelde_duur_maanden=24,
                voorgestelde_categorie=_categorie(rng) if soort == TLVSoort.SO else "",
                redenen=rng.choice(REDENEN),
                ingediend_op=ingediend,
                eerst_ingediend_op=ingediend,
                aangemaakt_door=door,
                besluit_datum=ingediend + timedelta(days=45) if geweigerd else None,
                besluit_door=door if geweigerd else None,
                bekendgemaakt_op=ingediend + timedelta(days=45) if geweigerd else None,
                motivering="Het advies van de deskundigen is niet eenduidig." if geweigerd else "",
                beeindigd_op=None if geweigerd else ingediend + timedelta(days=20),
                beeindigingsreden="" if geweigerd else Beeindigingsreden.AANVRAAG_INGETROKKEN,
            )
        else:
            tlv = _afgegeven(
                rng,
                nummers=nummers,
                leerling_id=leerling.pk,
                aanvrager=aanvrager,
                school=school,
                soort=soort,
                ingang=ingang,
                duur_maanden=24,
                door=door,
                vandaag=vandaag,
            )
            tlv.ingediend_op = tlv.eerst_ingediend_op = min(vereist(tlv.ingediend_op, "ingediend_op"), ingediend)
            if lot < 0.16:
                tlv.status, tlv.beeindigingsreden = TLVStatus.INGETROKKEN, Beeindigingsreden.TERUGGEPLAATST
                tlv.beeindigd_op = ingang + timedelta(days=rng.randint(200, 600))
            elif lot < 0.2:
                tlv.status, tlv.beeindigingsreden = TLVStatus.INGETROKKEN, Beeindigingsreden.LEERLING_VERTROKKEN
                tlv.beeindigd_op = ingang + timedelta(days=rng.randint(60, 500))
            else:
                tlv.status, tlv.beeindigingsreden = TLVStatus.VERLOPEN, Beeindigingsreden.VERLOPEN
                tlv.beeindigd_op = vereist(tlv.einddatum, "einddatum") + timedelta(days=1)
            if tlv.beeindigd_op >= vandaag:  # would still run: the pupil returned to a regular school earlier
                tlv.status, tlv.beeindigingsreden = TLVStatus.INGETROKKEN, Beeindigingsreden.TERUGGEPLAATST
                tlv.beeindigd_op = ingang + timedelta(days=rng.randint(60, max(60, (vandaag - ingang).days - 1)))
            if tlv.plaatsingsdatum and tlv.beeindigd_op and tlv.plaatsingsdatum >= tlv.beeindigd_op:
                tlv.plaatsingsdatum = None
        tlvs.append(tlv)
    Inschrijving.objects.bulk_create(inschrijvingen, batch_size=2000)
    TLV.objects.bulk_create(tlvs, batch_size=1000)
    return tlvs


def _volledige_aanvraag(
    ctx: DemoContext,
    *,
    leerling: Leerling,
    school: School,
    beoogde: School,
    soort: str,
    door,
    dag: date,
    compleet: bool = True,
) -> TLV:
    """A request from a dossier with OPP, MDO (S(B)O school present) and two expert advices."""
    rng = ctx.rng
    dossier = Dossier.objects.actief().filter(leerling=leerling).first() or Dossier.objects.create(
        leerling=leerling,
        school=school,
        regievoerder=door,
        aanleiding="Zorgen over gedrag en leerontwikkeling.",
        geopend_op=dag - timedelta(days=400),
    )
    opp, _ = OPP.objects.get_or_create(dossier=dossier)
    versie = opp.versies.filter(status=OPPStatus.VASTGESTELD).first() or OPPVersie.objects.create(
        opp=opp,
        versienummer=opp.versies.count() + 1,
        status=OPPStatus.VASTGESTELD,
        school=school,
        uitstroomniveau=Uitstroomniveau.PRAKTIJKONDERWIJS,
        doelen="Werkhouding en sociale vaardigheden verbeteren.",
        handelingsdeel="Dagelijks begeleiding in een kleine groep.",
        opgesteld_door=door,
        vastgesteld_op=dag - timedelta(days=90),
        vastgesteld_door=door,
    )
    mdo = MDO.objects.create(
        dossier=dossier,
        school=school,
        status=MDOStatus.GEHOUDEN,
        gehouden_op=dag - timedelta(days=30),
        gepland_door=door,
        begint_om=timezone.make_aware(datetime.combine(dag - timedelta(days=30), time(14))),
        verslag_door=door,
        verslag="Besproken met ouders, consulent en de S(B)O-school: een TLV wordt voorgesteld.",
    )
    MDODeelnemer.objects.create(
        mdo=mdo, naam="IB'er S(B)O-school", organisatie=beoogde.naam, rol=Deelnemersrol.SBO_SO_SCHOOL
    )
    MDOUitkomst.objects.create(mdo=mdo, soort=Uitkomstsoort.TLV_VOORSTEL)
    tlv = TLV.objects.create(
        leerling=leerling,
        dossier=dossier,
        status=TLVStatus.CONCEPT,
        soort=soort,
        aanvragende_school=school,
        beoogde_school=beoogde,
        voorgestelde_categorie=_categorie(rng) if soort == TLVSoort.SO else "",
        voorgestelde_ingangsdatum=date(dag.year if dag.month < 8 else dag.year + 1, 8, 1)
        if rng.random() < 0.5
        else None,
        voorgestelde_duur_maanden=24,
        redenen=rng.choice(REDENEN) if compleet else "",
        opp_versie=versie,
        mdo=mdo,
        toelating_datum=dag - timedelta(days=20),
        toelating_door=f"Directeur {beoogde.naam}",
        ouders_zienswijze="Ouders herkennen het beeld en steunen de aanvraag." if compleet else "",
        ouders_instemming=OudersInstemming.INGESTEMD if compleet else "",
        ouders_instemming_datum=dag - timedelta(days=10) if compleet else None,
        evaluatieafspraken="Evaluatie van het OPP na een half jaar.",
        terugkeerafspraken="Jaarlijks terugkeergesprek.",
        aangemaakt_door=door,
    )
    TLVStatusovergang.objects.create(
        tlv=tlv,
        van="",
        naar=TLVStatus.CONCEPT,
        door=door,
        op=timezone.make_aware(datetime.combine(dag - timedelta(days=14), time(9))),
    )
    deskundigen = [
        ("Drs. E. van Rijn", Kwalificatie.ORTHOPEDAGOOG, ""),
        ("M. Haddou", Kwalificatie.SPECIALIST_SO, "gedrag en ontwikkeling"),
    ]
    for volgorde, (naam, kwalificatie, expertise) in enumerate(deskundigen[: 2 if compleet else 1], start=1):
        document = Document(
            leerling=leerling,
            dossier=dossier,
            school=school,
            soort=Documentsoort.ONDERZOEK,
            titel=f"Deskundigenadvies {volgorde}",
            oorspronkelijke_naam="advies.pdf",
            inhoudstype="application/pdf",
            extensie="pdf",
            grootte=len(PDF),
            sha256="0" * 64,
            geupload_door=door,
        )
        document.bestand.save(f"{document.uuid}.pdf", ContentFile(PDF), save=False)
        document.save()
        Deskundigenadvies.objects.create(
            tlv=tlv,
            volgorde=volgorde,
            naam=naam,
            kwalificatie=kwalificatie,
            expertise=expertise,
            datum=dag - timedelta(days=15),
            advies="Plaatsing in het gespecialiseerd onderwijs is passend.",
            conclusie=Adviesconclusie.POSITIEF,
            document=document,
            vastgelegd_door=door,
        )
    return tlv


def _lopende_aanvragen(ctx: DemoContext, nummers: _Nummers, *, ib_er, tlc, db, aantal: int) -> list[TLV]:
    """Requests in every state of the procedure, at regular schools (school A first, for the demo ib-er)."""
    rng, vandaag = ctx.rng, ctx.vandaag
    overige = list(
        School.objects.filter(swv=ctx.swv, soort=Soort.BO, actief=True)
        .exclude(pk__in=[ctx.school_a.pk, ctx.school_b.pk])
        .order_by("pk")
    )
    scholen = [ctx.school_a, ctx.school_b, *rng.sample(overige, min(20, len(overige)))]
    sbo = list(School.objects.filter(swv=ctx.swv, soort=Soort.SBO)) or scholen[:1]
    so = list(School.objects.filter(swv=ctx.swv, soort__in=[Soort.SO, Soort.SO_VSO])) or sbo
    staten = [
        "concept",
        "ingediend",
        "aanvulling_gevraagd",
        "procedureel_getoetst",
        "afgegeven",
        "geweigerd",
        "in_bezwaar",
        "ingediend",
        "concept",
        "afgegeven",
        "ingetrokken",
        "procedureel_getoetst",
    ]
    gemaakt = []
    # The demo ib-er (school A) finds a draft, a request sent back for information, one at the TLC and
    # one issued and awaiting placement; the other states are spread over other schools.
    plan = [(ctx.school_a, s) for s in ("concept", "aanvulling_gevraagd", "ingediend", "afgegeven")]
    plan += [(scholen[1 + i % (len(scholen) - 1)], staten[i % len(staten)]) for i in range(max(0, aantal - len(plan)))]
    for i, (school, staat) in enumerate(plan):
        leerling = (
            Leerling.objects.filter(
                inschrijvingen__school=school, inschrijvingen__einddatum__isnull=True, inschrijvingen__groep__gte=4
            )
            .exclude(tlvs__isnull=False)
            .order_by("pk")
            .first()
        )
        if leerling is None:
            continue
        soort = TLVSoort.SBO if rng.random() < 0.5 else TLVSoort.SO
        dag = vandaag - timedelta(days=rng.randint(5, 40))
        tlv = _volledige_aanvraag(
            ctx,
            leerling=leerling,
            school=school,
            beoogde=rng.choice(sbo if soort == TLVSoort.SBO else so),
            soort=soort,
            door=ib_er if school == ctx.school_a else tlc,
            dag=dag,
            compleet=staat != "concept" or bool(i % 3),
        )
        _naar_staat(ctx, tlv, staat, dag=dag, nummers=nummers, tlc=tlc, db=db)
        gemaakt.append(tlv)
    return gemaakt


def _naar_staat(ctx, tlv: TLV, staat: str, *, dag: date, nummers: _Nummers, tlc, db) -> None:
    """Move a demo request to ``staat`` with the history rows a real procedure would have written."""
    if staat == "concept":
        return
    rng, vandaag = ctx.rng, ctx.vandaag
    stappen = [(TLVStatus.CONCEPT, TLVStatus.INGEDIEND, tlv.aangemaakt_door, dag, "")]
    tlv.ingediend_op = tlv.eerst_ingediend_op = dag
    if staat == "aanvulling_gevraagd":
        tlv.aanvulling_gevraagd_op = min(dag + timedelta(days=5), vandaag)
        tlv.aanvulling_vraag = "Graag het verslag van het laatste MDO en de handtekening van de ouders toevoegen."
        stappen.append(
            (TLVStatus.INGEDIEND, TLVStatus.AANVULLING_GEVRAAGD, tlc, tlv.aanvulling_gevraagd_op, tlv.aanvulling_vraag)
        )
    if staat in ("procedureel_getoetst", "afgegeven", "geweigerd", "in_bezwaar"):
        tlv.getoetst_op, tlv.getoetst_door = min(dag + timedelta(days=7), vandaag), tlc
        stappen.append(
            (
                TLVStatus.INGEDIEND,
                TLVStatus.PROCEDUREEL_GETOETST,
                tlc,
                tlv.getoetst_op,
                "Route gevolgd, advies eenduidig.",
            )
        )
    if staat in ("afgegeven", "geweigerd", "in_bezwaar"):
        tlv.besluit_datum = tlv.bekendgemaakt_op = min(dag + timedelta(days=14), vandaag)
        tlv.besluit_door = tlc
        if staat == "afgegeven":
            tlv.afgegeven_op = tlv.besluit_datum
            tlv.nummer = nummers.volgende(tlv.afgegeven_op.year)
            tlv.categorie = tlv.voorgestelde_categorie
            tlv.ingangsdatum = vandaag + timedelta(days=rng.randint(7, 60))
            tlv.einddatum = termijnen.einddatum_voor_duur(tlv.ingangsdatum, 24)
            tlv.motivering = "Conform het advies van beide deskundigen; de S(B)O-school kan de leerling toelaten."
            stappen.append(
                (TLVStatus.PROCEDUREEL_GETOETST, TLVStatus.AFGEGEVEN, tlc, tlv.besluit_datum, tlv.motivering)
            )
        else:
            tlv.motivering = "De deskundigen adviseren eerst een arrangement op de eigen school."
            stappen.append(
                (TLVStatus.PROCEDUREEL_GETOETST, TLVStatus.GEWEIGERD, tlc, tlv.besluit_datum, tlv.motivering)
            )
    if staat == "ingetrokken":
        tlv.beeindigd_op, tlv.beeindigingsreden = dag + timedelta(days=3), Beeindigingsreden.AANVRAAG_INGETROKKEN
        tlv.beeindiging_toelichting = "Ouders kiezen voor een arrangement op de eigen school."
        stappen.append(
            (
                TLVStatus.INGEDIEND,
                TLVStatus.INGETROKKEN,
                tlv.aangemaakt_door,
                tlv.beeindigd_op,
                tlv.beeindiging_toelichting,
            )
        )
    if staat == "in_bezwaar":
        tlv.status_voor_bezwaar = TLVStatus.GEWEIGERD
        stappen.append((TLVStatus.GEWEIGERD, TLVStatus.IN_BEZWAAR, tlc, vandaag, "Bezwaar ontvangen."))
    tlv.status = stappen[-1][1]
    tlv.save()
    TLVStatusovergang.objects.bulk_create(
        [
            TLVStatusovergang(
                tlv=tlv,
                van=van,
                naar=naar,
                door=door,
                reden=reden,
                op=timezone.make_aware(datetime.combine(d, time(11))),
            )
            for van, naar, door, d, reden in stappen
        ]
    )
    if staat == "in_bezwaar":
        bezwaar = Bezwaar.objects.create(
            tlv=tlv,
            ontvangen_op=vandaag,
            indiener=Indiener.OUDERS,
            indiener_naam="Ouders van de leerling",
            gronden="Wij zijn het niet eens met de weigering: de school kan ons kind niet de nodige ondersteuning bieden.",
            termijn_einde=termijnen.bezwaartermijn_einde(vereist(tlv.bekendgemaakt_op, "bekendgemaakt_op")),
            binnen_termijn=True,
            geregistreerd_door=tlc,
        )
        BezwaarStatusovergang.objects.create(bezwaar=bezwaar, van="", naar=BezwaarStatus.ONTVANGEN, door=tlc)


@demo_stap(volgorde=50)
def demo_tlvs(ctx: DemoContext) -> str:
    if TLV.objects.filter(aanvragende_school__swv=ctx.swv).exists():
        return "TLV's: al aanwezig."
    tlc, db, ib_er = ctx.gebruikers[Rol.TLC_LID], ctx.gebruikers[Rol.DB], ctx.gebruikers[Rol.IB_ER]
    nummers = _Nummers(ctx.swv.code)
    huidig = _huidige_register(ctx, nummers, tlc)
    historie = _historie(ctx, nummers, tlc, per_jaar=max(10, len(huidig) // 2))
    TLVStatusovergang.objects.bulk_create([o for t in huidig + historie for o in _overgangen(t, tlc)], batch_size=5000)
    lopend = _lopende_aanvragen(ctx, nummers, ib_er=ib_er, tlc=tlc, db=db, aantal=max(12, len(huidig) // 20))
    nummers.opslaan()
    # The demo accounts find a few notifications waiting (the daily run adds the rest).
    meldingen_maken(
        (
            ontvanger.pk,
            t.uuid,
            Meldingsoort.AANVULLING_GEVRAAGD if t.status == TLVStatus.AANVULLING_GEVRAAGD else Meldingsoort.INGEDIEND,
            f"demo:{t.pk}",
        )
        for t in lopend
        for ontvanger in ([ib_er] if t.aanvragende_school_id == ctx.school_a.pk else []) + [tlc]
        if t.status in (TLVStatus.AANVULLING_GEVRAAGD, TLVStatus.INGEDIEND)
    )
    actief = TLV.objects.actief_op(ctx.vandaag).count()
    return (
        f"TLV's: {actief} actief, {len(historie)} uit tien jaar historie, {len(lopend)} aanvragen in behandeling "
        f"of met een besluit."
    )
