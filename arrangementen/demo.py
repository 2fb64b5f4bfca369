"""Demo arrangements: the catalogue (seed 004's types and Leiden's regional arrangements of seed 001),
budgets per year for the SWV, its kringen and the demo schools, and requests in every state across
the demo schools, with decisions, evaluations by school, parents and child, and realised costs.

The demo school A has one request in each state (plus an MDO outcome still waiting for a request);
other schools get a few. With the largest SWV (``demo_swv --schaal groot``, PO 27-07) ten school
years of arrangements are generated for the benchmark. Idempotent: skipped when the SWV already has
requests; fast: bulk inserts. Tariffs and capacities are demo values, not the SWV's real figures.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from arrangementen.budget import jaarverdeling, rond, schooljaar_van
from arrangementen.choices import (
    AanvraagStatus,
    Afsluitresultaat,
    Beoordelaar,
    Besluitsoort,
    Categorie,
    Conclusie,
    DoelenBereikt,
    Kostenwijze,
    Realisatiebron,
    TariefEenheid,
)
from arrangementen.models import (
    Aanvraag,
    Aanvullingsverzoek,
    Arrangementbudget,
    Arrangementtype,
    Besluit,
    Evaluatie,
    Evaluatiemoment,
    Realisatie,
    Statusovergang,
    Verplichting,
)
from leerlingen.choices import MDOStatus, Uitkomstsoort
from leerlingen.models import MDO, Dossier, Inschrijving, MDOUitkomst
from swv.choices import Rol
from swv.demo import DemoContext, demo_stap
from swv.models import Gebruiker, Kring, School

#: (code, naam, categorie, aanbieder, capaciteit, tarief, eenheid, school %, gemeente %, beoordelaar, omschrijving, intake)
CATALOGUS = [
    (
        "onderwijsarrangement",
        "Onderwijsarrangement",
        Categorie.ONDERWIJS,
        "",
        None,
        None,
        "",
        0,
        0,
        Beoordelaar.CONSULENT_AC,
        "Een arrangement op de eigen school, eventueel met inzet van externen, gericht op de onderwijs- en "
        "ondersteuningsbehoefte van de leerling (seed 004). Betaald door het samenwerkingsverband; begroting per post.",
        "",
    ),
    (
        "ambulante-begeleiding",
        "Onderwijsarrangement ambulante begeleiding",
        Categorie.ONDERWIJS,
        "Expertiseteam SWV",
        None,
        Decimal("62.50"),
        TariefEenheid.PER_UUR,
        0,
        0,
        Beoordelaar.CONSULENT,
        "Begeleiding van leerling en leerkracht door een ambulant begeleider van het expertiseteam, per uur.",
        "",
    ),
    (
        "onderwijs-jeugdhulp",
        "Onderwijs-jeugdhulparrangement",
        Categorie.ONDERWIJS_JEUGDHULP,
        "",
        None,
        Decimal("310.00"),
        TariefEenheid.PER_WEEK,
        0,
        50,
        Beoordelaar.AC,
        "Integrale aanpak van onderwijs en jeugdhulp (één gezin, één plan). Het onderwijsdeel betaalt het SWV, het "
        "jeugdhulpdeel de gemeente (seed 004, 3.2.5).",
        "",
    ),
    (
        "jeugdhulp-onderwijs",
        "Jeugdhulp-onderwijsarrangement",
        Categorie.JEUGDHULP_ONDERWIJS,
        "",
        None,
        Decimal("280.00"),
        TariefEenheid.PER_WEEK,
        0,
        70,
        Beoordelaar.AC,
        "Jeugdhulp is voorliggend; onderwijs vindt plaats waar de leerling behandeling krijgt (seed 004, 3.2.6).",
        "",
    ),
    (
        "sloep",
        "Sloep",
        Categorie.REGIONAAL,
        "Regionaal arrangement De Sloep",
        12,
        Decimal("5400.00"),
        TariefEenheid.PER_ARRANGEMENT,
        0,
        0,
        Beoordelaar.AC,
        "Regionaal arrangement van PPO regio Leiden (seed 001).",
        "Aanmelding via de consulent; intakegesprek met ouders en school binnen vier weken.",
    ),
    (
        "kleine-pont",
        "Kleine Pont",
        Categorie.REGIONAAL,
        "Regionaal arrangement De Kleine Pont",
        10,
        Decimal("6200.00"),
        TariefEenheid.PER_ARRANGEMENT,
        0,
        0,
        Beoordelaar.AC,
        "Regionaal arrangement van PPO regio Leiden (seed 001).",
        "Aanmelding via de consulent; kennismaking en observatie op school.",
    ),
    (
        "orion",
        "Orion",
        Categorie.REGIONAAL,
        "Orion (speciaal onderwijs cluster 4)",
        8,
        Decimal("7800.00"),
        TariefEenheid.PER_ARRANGEMENT,
        0,
        0,
        Beoordelaar.AC,
        "Regionaal arrangement met een Orion-klas voor leerlingen met gedragsproblemen (seed 001, seed 002).",
        "Intake door Orion na advies van de consulent; plaatsing bij een vrije plek.",
    ),
    (
        "over-de-grenzen",
        "Over de Grenzen",
        Categorie.REGIONAAL,
        "Regionaal arrangement Over de Grenzen",
        15,
        Decimal("4500.00"),
        TariefEenheid.PER_ARRANGEMENT,
        0,
        0,
        Beoordelaar.AC,
        "Regionaal arrangement van PPO regio Leiden (seed 001).",
        "Aanmelding door de school met het groeidocument.",
    ),
    (
        "rosa-manus",
        "Rosa Manus",
        Categorie.REGIONAAL,
        "Regionaal arrangement Rosa Manus",
        10,
        Decimal("5000.00"),
        TariefEenheid.PER_ARRANGEMENT,
        0,
        0,
        Beoordelaar.AC,
        "Regionaal arrangement van PPO regio Leiden (seed 001).",
        "Aanmelding door de school; intake binnen zes weken.",
    ),
    (
        "sbo-expertise",
        "SBO-expertise",
        Categorie.REGIONAAL,
        "SBO-scholen in de regio",
        20,
        Decimal("95.00"),
        TariefEenheid.PER_UUR,
        0,
        0,
        Beoordelaar.CONSULENT_AC,
        "Inzet van expertise van het speciaal basisonderwijs in de reguliere school (seed 001).",
        "Aanvraag via de consulent; de SBO-school plant de inzet.",
    ),
]

BEHOEFTEN = [
    (
        "Begrijpend lezen blijft twee jaar achter; heeft dagelijkse verlengde instructie in een klein groepje nodig.",
        "Na 20 weken beheerst de leerling AVI M5 en scoort hij op begrijpend lezen minimaal niveau IV.",
    ),
    (
        "Ernstige concentratieproblemen en faalangst; heeft een voorspelbare dag en begeleiding bij het plannen nodig.",
        "Over 16 weken werkt de leerling 15 minuten zelfstandig aan een taak (observatie, 4 van de 5 keer).",
    ),
    (
        "Heftige gedragsuitbarstingen bij overgangen; heeft een vaste begeleider en een time-outplek nodig.",
        "Binnen 12 weken daalt het aantal incidenten van 5 naar hooguit 1 per week (registratie leerkracht).",
    ),
    (
        "Rekenen: automatiseren lukt niet; heeft concreet materiaal en korte herhaling nodig.",
        "Na 20 weken beheerst de leerling de tafels 1 tot en met 10 (tempotoets, 90 % goed).",
    ),
]
INZET = [
    ("Twee keer per week 45 minuten individuele begeleiding en coaching van de leerkracht.", "Ambulant begeleider"),
    ("Dagelijks een half uur verlengde instructie in een groepje van drie.", "Onderwijsassistent"),
    ("Wekelijkse observatie en handelingsadvies; gesprek met ouders elke zes weken.", "Gedragsspecialist"),
]

#: The route through the states to each end state (PROCESSES.md 2).
PADEN = {
    AanvraagStatus.CONCEPT: ["concept"],
    AanvraagStatus.INGEDIEND: ["concept", "ingediend"],
    AanvraagStatus.IN_BEOORDELING: ["concept", "ingediend", "in_beoordeling"],
    AanvraagStatus.AANVULLING_GEVRAAGD: ["concept", "ingediend", "in_beoordeling", "aanvulling_gevraagd"],
    AanvraagStatus.TOEGEKEND: ["concept", "ingediend", "in_beoordeling", "toegekend"],
    AanvraagStatus.AFGEWEZEN: ["concept", "ingediend", "in_beoordeling", "afgewezen"],
    AanvraagStatus.LOPEND: ["concept", "ingediend", "in_beoordeling", "toegekend", "lopend"],
    AanvraagStatus.GEEVALUEERD: ["concept", "ingediend", "in_beoordeling", "toegekend", "lopend", "geevalueerd"],
    AanvraagStatus.AFGESLOTEN: [
        "concept",
        "ingediend",
        "in_beoordeling",
        "toegekend",
        "lopend",
        "geevalueerd",
        "afgesloten",
    ],
    AanvraagStatus.INGETROKKEN: ["concept", "ingediend", "ingetrokken"],
}


def maak_catalogus() -> list[Arrangementtype]:
    typen = []
    for i, (code, naam, cat, aanbieder, cap, tarief, eenheid, school, gemeente, beoordelaar, oms, intake) in enumerate(
        CATALOGUS
    ):
        t, _ = Arrangementtype.objects.get_or_create(
            code=code,
            defaults={
                "naam": naam,
                "categorie": cat,
                "aanbieder": aanbieder,
                "capaciteit": cap,
                "tarief": tarief,
                "tarief_eenheid": eenheid,
                "aandeel_school_pct": Decimal(school),
                "aandeel_gemeente_pct": Decimal(gemeente),
                "beoordelaar": beoordelaar,
                "omschrijving": oms,
                "intake": intake,
                "volgorde": (i + 1) * 10,
            },
        )
        typen.append(t)
    return typen


def _moment(d: date) -> datetime:
    return timezone.make_aware(datetime.combine(d, time(10, 0)))


@dataclass
class Generator:
    """Builds request rows with their history, decision, evaluations and realised costs in memory,
    and writes them with a handful of bulk inserts."""

    rng: random.Random
    vandaag: date
    systeem: Gebruiker
    beoordelaars: dict
    aanvragen: list = field(default_factory=list)
    extra: list = field(default_factory=list)  # (aanvraag, eindstatus, opties)
    teller: dict = field(default_factory=dict)

    def nummer(self, jaar: int) -> str:
        self.teller[jaar] = self.teller.get(jaar, 0) + 1
        return f"ARR-{jaar}-{self.teller[jaar]:05d}"

    def periode(self, status: str, schooljaar: int | None) -> tuple[date, date]:
        v, r = self.vandaag, self.rng
        if schooljaar is not None and schooljaar < schooljaar_van(v):
            begin = date(schooljaar, 9, 1) + timedelta(days=r.randint(0, 120))
            return begin, begin + timedelta(days=r.choice([111, 139, 181]))
        if status in (
            AanvraagStatus.CONCEPT,
            AanvraagStatus.INGEDIEND,
            AanvraagStatus.IN_BEOORDELING,
            AanvraagStatus.AANVULLING_GEVRAAGD,
            AanvraagStatus.INGETROKKEN,
            AanvraagStatus.AFGEWEZEN,
        ):
            begin = v + timedelta(days=r.randint(21, 60))
        elif status == AanvraagStatus.TOEGEKEND:
            begin = v + timedelta(days=r.randint(3, 20))
        elif status == AanvraagStatus.LOPEND:
            begin = v - timedelta(days=r.randint(40, 100))
        else:  # evaluated or closed: ended recently
            begin = v - timedelta(days=r.randint(150, 260))
            return begin, min(v - timedelta(days=r.randint(2, 20)), begin + timedelta(days=139))
        return begin, begin + timedelta(days=r.choice([111, 139, 181]))

    def nieuw(
        self, *, leerling_id, school, type_, status, maker, schooljaar=None, mdo_uitkomst=None, **opties
    ) -> Aanvraag:
        r = self.rng
        begin, eind = opties.pop("periode", None) or self.periode(status, schooljaar)
        weken = Decimal((eind - begin).days + 1) / 7
        uren = Decimal(r.choice(["1.5", "2", "3", "4"]))
        if type_.tarief is None:
            totaal, kostenwijze = rond(Decimal(r.randint(40, 160)) * 50), Kostenwijze.BEGROTING
        else:
            kostenwijze = Kostenwijze.TARIEF
            totaal = {
                TariefEenheid.PER_ARRANGEMENT: type_.tarief,
                TariefEenheid.PER_WEEK: type_.tarief * weken,
                TariefEenheid.PER_UUR: type_.tarief * uren * weken,
            }[type_.tarief_eenheid]
            totaal = rond(totaal)
        gemeente = rond(totaal * type_.aandeel_gemeente_pct / 100)
        gevraagd = totaal - gemeente
        behoefte, doelen = r.choice(BEHOEFTEN)
        wat, wie = r.choice(INZET)
        aangemaakt = min(self.vandaag, begin - timedelta(days=45))
        a = Aanvraag(
            nummer=self.nummer(aangemaakt.year),
            leerling_id=leerling_id,
            school=school,
            arrangementtype=type_,
            status=status,
            beoordelaar=type_.effectieve_beoordelaar,
            ondersteuningsbehoefte=behoefte,
            doelen=doelen,
            inzet_wat=wat,
            inzet_wie=type_.aanbieder or wie,
            uren_per_week=uren,
            begindatum=begin,
            einddatum=eind,
            kostenwijze=kostenwijze,
            totale_kosten=totaal,
            bijdrage_gemeente=gemeente,
            gevraagd_bedrag=gevraagd,
            ouders_visie="Ouders herkennen de zorgen en willen graag meewerken; zij oefenen thuis.",
            ouders_toestemming=status != AanvraagStatus.CONCEPT or r.random() < 0.5,
            ouders_toestemming_datum=aangemaakt,
            kind_visie=r.choice(
                ["Ik wil graag beter leren lezen.", "Ik vind het fijn als iemand me helpt plannen.", ""]
            ),
            kind_visie_ontbreekt="",
            aangemaakt_door=maker,
            aangemaakt=_moment(aangemaakt),
            mdo_uitkomst=mdo_uitkomst,
            mdo_id=mdo_uitkomst.mdo_id if mdo_uitkomst else None,
            dossier_id=mdo_uitkomst.mdo.dossier_id if mdo_uitkomst else None,
        )
        if not a.kind_visie:
            a.kind_visie_ontbreekt = "De leerling is te jong om zijn visie onder woorden te brengen."
        pad = PADEN[status]
        if "ingediend" in pad:
            a.ingediend_op = a.laatst_ingediend_op = _moment(min(aangemaakt + timedelta(days=3), self.vandaag))
        deels = opties.get("deels", r.random() < 0.15)
        if "toegekend" in pad:
            a.toegekend_bedrag = rond(gevraagd * Decimal("0.8")) if deels else gevraagd
        if status == AanvraagStatus.AFGESLOTEN:
            a.afgesloten_op = min(self.vandaag, eind + timedelta(days=14))
            a.afsluitresultaat = opties.get("resultaat") or r.choice(
                [
                    Afsluitresultaat.DOELEN_BEREIKT,
                    Afsluitresultaat.DOELEN_BEREIKT,
                    Afsluitresultaat.BASISONDERSTEUNING,
                    Afsluitresultaat.GESTOPT,
                    Afsluitresultaat.TLV,
                ]
            )
        self.aanvragen.append(a)
        self.extra.append((a, status, {"deels": deels, **opties}))
        return a

    def opslaan(self) -> int:
        Aanvraag.objects.bulk_create(self.aanvragen, batch_size=1000)
        overgangen, momenten, besluiten, vragen, realisaties, verplichtingen = [], [], [], [], [], []
        evaluatieplan = []
        for a, status, opties in self.extra:
            pad = PADEN[status]
            aangemaakt = a.aangemaakt.date()
            datums = {
                "concept": aangemaakt,
                "ingediend": aangemaakt + timedelta(days=3),
                "in_beoordeling": aangemaakt + timedelta(days=8),
                "aanvulling_gevraagd": aangemaakt + timedelta(days=12),
                "toegekend": aangemaakt + timedelta(days=20),
                "afgewezen": aangemaakt + timedelta(days=20),
                "lopend": a.begindatum,
                "geevalueerd": a.einddatum,
                "afgesloten": a.afgesloten_op or a.einddatum,
                "ingetrokken": aangemaakt + timedelta(days=10),
            }
            beoordelaar = self.beoordelaars.get(a.beoordelaar) or self.systeem
            for van, naar in zip(["", *pad[:-1]], pad):
                door = (
                    beoordelaar
                    if naar in ("in_beoordeling", "aanvulling_gevraagd", "toegekend", "afgewezen")
                    else a.aangemaakt_door
                )
                overgangen.append(
                    Statusovergang(
                        aanvraag=a,
                        van=van,
                        naar=naar,
                        door=door,
                        op=_moment(min(datums[naar], self.vandaag)),
                        reden="Leerling gaat verhuizen." if naar == "ingetrokken" else "",
                    )
                )
            if status == AanvraagStatus.AANVULLING_GEVRAAGD:
                vragen.append(
                    Aanvullingsverzoek(
                        aanvraag=a,
                        vraag="Welke interventies zijn al ingezet en met welk resultaat?",
                        gevraagd_door=beoordelaar,
                        gevraagd_op=_moment(datums["aanvulling_gevraagd"]),
                    )
                )
            if a.toegekend_bedrag is not None:
                verplichtingen += [
                    Verplichting(aanvraag=a, school=a.school, jaar=jaar, bedrag=deel)
                    for jaar, deel in jaarverdeling(a.toegekend_bedrag, a.begindatum, a.einddatum).items()
                ]
            if "toegekend" in pad or "afgewezen" in pad:
                afgewezen = "afgewezen" in pad
                soort = (
                    Besluitsoort.AFGEWEZEN
                    if afgewezen
                    else (
                        Besluitsoort.DEELS_TOEGEKEND
                        if a.toegekend_bedrag < a.gevraagd_bedrag
                        else Besluitsoort.TOEGEKEND
                    )
                )
                besluiten.append(
                    Besluit(
                        aanvraag=a,
                        soort=soort,
                        gevraagd_bedrag=a.gevraagd_bedrag,
                        gevraagd_begin=a.begindatum,
                        gevraagd_eind=a.einddatum,
                        bedrag=None if afgewezen else a.toegekend_bedrag,
                        begindatum=None if afgewezen else a.begindatum,
                        einddatum=None if afgewezen else a.einddatum,
                        voorwaarden="" if afgewezen else "Tussentijdse evaluatie met ouders en consulent.",
                        motivering={
                            Besluitsoort.AFGEWEZEN: "De ondersteuning past binnen de basisondersteuning van de school.",
                            Besluitsoort.DEELS_TOEGEKEND: "Toegekend voor 80 %: een deel kan uit de basisondersteuning.",
                            Besluitsoort.TOEGEKEND: "",
                        }[soort],
                        datum=min(datums["toegekend"], self.vandaag),
                        genomen_door=beoordelaar,
                    )
                )
            # The evaluation plan: halfway and at the end; what was evaluated depends on the state.
            midden = a.begindatum + (a.einddatum - a.begindatum) / 2
            for i, d in enumerate((midden, a.einddatum)):
                laatste = i == 1
                m = Evaluatiemoment(aanvraag=a, datum=d)
                momenten.append(m)
                geevalueerd = (status in (AanvraagStatus.GEEVALUEERD, AanvraagStatus.AFGESLOTEN)) or (
                    status == AanvraagStatus.LOPEND
                    and not laatste
                    and d < self.vandaag - timedelta(days=7)
                    and not opties.get("achterstallig")
                )
                if geevalueerd:
                    evaluatieplan.append((m, a, laatste, min(d, self.vandaag)))
            if status == AanvraagStatus.AFGESLOTEN or (status in (AanvraagStatus.LOPEND, AanvraagStatus.GEEVALUEERD)):
                factor = Decimal(self.rng.choice(["0.85", "0.95", "1.00", "1.00", "1.05"]))
                eind = min(a.einddatum, self.vandaag)
                if eind > a.begindatum:
                    aandeel = Decimal((eind - a.begindatum).days) / Decimal((a.einddatum - a.begindatum).days)
                    for jaar, deel in jaarverdeling(
                        rond(a.toegekend_bedrag * factor * aandeel), a.begindatum, eind
                    ).items():
                        realisaties.append(
                            Realisatie(
                                aanvraag=a,
                                jaar=jaar,
                                bedrag=deel,
                                bron=Realisatiebron.GEIMPORTEERD,
                                omschrijving="Demo-import administratie",
                                vastgelegd_door=self.systeem,
                            )
                        )
        Statusovergang.objects.bulk_create(overgangen, batch_size=2000)
        Aanvullingsverzoek.objects.bulk_create(vragen, batch_size=1000)
        Besluit.objects.bulk_create(besluiten, batch_size=1000)
        Evaluatiemoment.objects.bulk_create(momenten, batch_size=2000)
        Evaluatie.objects.bulk_create(
            [self.evaluatie(m, a, laatste, d) for m, a, laatste, d in evaluatieplan], batch_size=2000
        )
        Realisatie.objects.bulk_create(realisaties, batch_size=2000)
        Verplichting.objects.bulk_create(verplichtingen, batch_size=2000)
        return len(self.aanvragen)

    def evaluatie(self, moment, aanvraag, laatste: bool, datum: date) -> Evaluatie:
        r = self.rng
        doelen = r.choice([DoelenBereikt.JA, DoelenBereikt.DEELS, DoelenBereikt.DEELS, DoelenBereikt.NEE])
        kind = r.random() < 0.75
        ouders = r.random() < 0.85
        return Evaluatie(
            moment=moment,
            aanvraag=aanvraag,
            datum=datum,
            doelen_bereikt=doelen,
            conclusie=(r.choice([Conclusie.STOPPEN, Conclusie.VERVOLG]) if laatste else Conclusie.VOORTZETTEN),
            toelichting="De leerling maakt vorderingen; de aanpak is overgedragen aan de leerkracht.",
            ouders_ingevuld=ouders,
            ouders_reden_niet="" if ouders else "Ouders waren niet bereikbaar voor het gesprek.",
            ouders_betrokken=r.randint(3, 5) if ouders else None,
            ouders_geholpen=r.randint(2, 5) if ouders else None,
            ouders_cijfer=r.randint(6, 9) if ouders else None,
            ouders_doorgaan=r.choice(["ja", "ja", "nee", "weet_niet"]) if ouders else "",
            kind_ingevuld=kind,
            kind_reden_niet="" if kind else "De leerling is te jong voor de vragenlijst.",
            kind_fijn=r.randint(1, 3) if kind else None,
            kind_geleerd=r.randint(2, 3) if kind else None,
            kind_doorgaan=r.choice(["ja", "ja", "nee"]) if kind else "",
            kind_opmerking="Lezen gaat nu beter." if kind else "",
            vastgelegd_door=aanvraag.aangemaakt_door,
        )


def _leerlingen_van(school: School, aantal: int, rng: random.Random, bezet: set[int]) -> list[int]:
    ids = list(Inschrijving.objects.actief_op().filter(school=school).values_list("leerling_id", flat=True)[:400])
    vrij = [i for i in ids if i not in bezet]
    gekozen = rng.sample(vrij, min(aantal, len(vrij)))
    bezet.update(gekozen)
    return gekozen


def _mdo_uitkomst(ctx: DemoContext, leerling_id: int) -> MDOUitkomst:
    """A held MDO with the outcome "arrangement request" for a pupil of school A (an existing one
    from the pupils' demo when there is one, else a small dossier and meeting made here)."""
    ib = ctx.gebruikers[Rol.IB_ER]
    dossier = Dossier.objects.filter(leerling_id=leerling_id).exclude(status="afgesloten").first()
    if dossier is None:
        dossier = Dossier.objects.create(
            leerling_id=leerling_id,
            school=ctx.school_a,
            regievoerder=ib,
            aanleiding="Leesontwikkeling stagneert ondanks extra instructie.",
        )
    gehouden = ctx.vandaag - timedelta(days=6)
    mdo = MDO.objects.create(
        dossier=dossier,
        school=ctx.school_a,
        status=MDOStatus.GEHOUDEN,
        gepland_door=ib,
        begint_om=_moment(gehouden),
        gehouden_op=gehouden,
        verslag="Besproken met ouders, leerkracht en consulent: de ondersteuning in de groep is niet voldoende.",
    )
    return MDOUitkomst.objects.create(
        mdo=mdo,
        soort=Uitkomstsoort.ARRANGEMENTAANVRAAG,
        toelichting="Arrangement aanvragen voor intensieve leesbegeleiding.",
    )


def _budgetten(ctx: DemoContext, gen_jaren: range) -> int:
    n = 0
    scholen = School.objects.filter(swv=ctx.swv, actief=True).count() or 1
    for jaar in gen_jaren:
        groei = Decimal(1 + 0.03 * (jaar - ctx.vandaag.year))
        swv_bedrag = rond(Decimal(scholen) * Decimal(15000) * groei)
        _, nieuw = Arrangementbudget.objects.get_or_create(
            jaar=jaar,
            school=None,
            kring=None,
            defaults={"bedrag": swv_bedrag, "toelichting": "Begrotingsregel 'beschikbaar voor arrangementen' (demo)."},
        )
        n += nieuw
        for kring in Kring.objects.filter(swv=ctx.swv):
            aantal = kring.scholen.filter(actief=True).count()
            if aantal:
                _, nieuw = Arrangementbudget.objects.get_or_create(
                    jaar=jaar, kring=kring, defaults={"bedrag": rond(Decimal(aantal) * Decimal(11000) * groei)}
                )
                n += nieuw
        # School A's budget is tight on purpose: the demo shows an exceeded budget and the assessor's warning.
        for school, bedrag in ((ctx.school_a, 12000), (ctx.school_b, 18000)):
            _, nieuw = Arrangementbudget.objects.get_or_create(
                jaar=jaar,
                school=school,
                defaults={
                    "bedrag": rond(Decimal(bedrag) * groei),
                    "toelichting": "Schoolbudget uit de verdeelsleutel (demo).",
                },
            )
            n += nieuw
    return n


def _grote_schaal(ctx: DemoContext) -> bool:
    return ctx.swv.code == "PO2707"


@demo_stap(volgorde=40)
def demo_arrangementen(ctx: DemoContext) -> str | None:
    typen = maak_catalogus()
    huidig = schooljaar_van(ctx.vandaag)
    jaren = range(ctx.vandaag.year - (10 if _grote_schaal(ctx) else 1), ctx.vandaag.year + 2)
    n_budget = _budgetten(ctx, jaren)
    if Aanvraag.objects.filter(school__swv=ctx.swv).exists():
        return f"Arrangementen: catalogus ({len(typen)} soorten) en budgetten bijgewerkt; aanvragen bestonden al."
    rng = random.Random(ctx.rng.random())
    archief, _ = Gebruiker.objects.get_or_create(
        email="arrangementen-archief@demo.swv.nl",
        defaults={"voornaam": "Archief", "achternaam": "Arrangementen", "is_active": False, "is_demo": True},
    )
    gen = Generator(
        rng=rng,
        vandaag=ctx.vandaag,
        systeem=archief,
        beoordelaars={
            Beoordelaar.CONSULENT: ctx.gebruikers[Rol.CONSULENT],
            Beoordelaar.CONSULENT_AC: ctx.gebruikers[Rol.AC_LID],
            Beoordelaar.AC: ctx.gebruikers[Rol.AC_LID],
        },
    )
    per_code = {t.code: t for t in typen}
    bezet: set[int] = set()

    # School A: one request in every state, most for the demo ib-er; one MDO outcome left open.
    ib_a = ctx.gebruikers[Rol.IB_ER]
    leerlingen_a = _leerlingen_van(ctx.school_a, 14, rng, bezet)
    plan_a: list[tuple[str, str, dict[str, Any]]] = [
        (AanvraagStatus.CONCEPT, "onderwijsarrangement", {"mdo": True}),
        (AanvraagStatus.INGEDIEND, "ambulante-begeleiding", {}),
        (AanvraagStatus.IN_BEOORDELING, "onderwijsarrangement", {}),
        (AanvraagStatus.AANVULLING_GEVRAAGD, "onderwijs-jeugdhulp", {"mdo": True}),
        (AanvraagStatus.TOEGEKEND, "sloep", {"deels": False}),
        (AanvraagStatus.AFGEWEZEN, "orion", {}),
        (
            AanvraagStatus.LOPEND,
            "ambulante-begeleiding",
            {
                "achterstallig": True,
                "deels": False,
                "periode": (ctx.vandaag - timedelta(days=100), ctx.vandaag + timedelta(days=39)),
            },
        ),
        (AanvraagStatus.LOPEND, "sbo-expertise", {"deels": True}),
        (AanvraagStatus.GEEVALUEERD, "onderwijsarrangement", {}),
        (AanvraagStatus.AFGESLOTEN, "kleine-pont", {"resultaat": Afsluitresultaat.DOELEN_BEREIKT}),
        (AanvraagStatus.INGETROKKEN, "rosa-manus", {}),
    ]
    for leerling_id, (status, code, opties) in zip(leerlingen_a, plan_a):
        uitkomst = _mdo_uitkomst(ctx, leerling_id) if opties.pop("mdo", False) else None
        gen.nieuw(
            leerling_id=leerling_id,
            school=ctx.school_a,
            type_=per_code[code],
            status=status,
            maker=ib_a,
            mdo_uitkomst=uitkomst,
            **opties,
        )
    if len(leerlingen_a) > len(plan_a):
        _mdo_uitkomst(ctx, leerlingen_a[len(plan_a)])

    # School B and the other schools: a few each, in a realistic mix of states.
    mix = [
        AanvraagStatus.INGEDIEND,
        AanvraagStatus.IN_BEOORDELING,
        AanvraagStatus.TOEGEKEND,
        AanvraagStatus.LOPEND,
        AanvraagStatus.LOPEND,
        AanvraagStatus.AFGESLOTEN,
        AanvraagStatus.AFGESLOTEN,
        AanvraagStatus.AFGEWEZEN,
        AanvraagStatus.GEEVALUEERD,
        AanvraagStatus.CONCEPT,
    ]
    ib_b = ctx.gebruikers.get("ib_er_b", archief)
    for leerling_id, status in zip(_leerlingen_van(ctx.school_b, 4, rng, bezet), mix[2:6]):
        gen.nieuw(leerling_id=leerling_id, school=ctx.school_b, type_=rng.choice(typen), status=status, maker=ib_b)
    andere = list(
        School.objects.filter(swv=ctx.swv, actief=True)
        .exclude(pk__in=[ctx.school_a.pk, ctx.school_b.pk])
        .order_by("pk")
    )
    if not _grote_schaal(ctx):
        for school in rng.sample(andere, min(30, len(andere))):
            for leerling_id in _leerlingen_van(school, rng.randint(1, 3), rng, bezet):
                gen.nieuw(
                    leerling_id=leerling_id,
                    school=school,
                    type_=rng.choice(typen),
                    status=rng.choice(mix),
                    maker=archief,
                )
    else:
        _tien_jaar(ctx, gen, typen, andere, huidig, mix, bezet)
    n = gen.opslaan()
    # The decision letters of the demo schools are made by the worker (make run starts it).
    from arrangementen.services.beoordeling import besluitbrief_starten

    for besluit in Besluit.objects.filter(aanvraag__school__in=[ctx.school_a, ctx.school_b]).select_related("aanvraag"):
        besluitbrief_starten(besluit, besluit.genomen_door)
    return f"Arrangementen: catalogus ({len(typen)} soorten), {n_budget} budgetten, {n} aanvragen in alle statussen."


def _tien_jaar(ctx, gen: Generator, typen, scholen, huidig: int, mix, bezet: set[int]) -> None:
    """Ten school years of arrangements for the benchmark (about 1.2 % of the pupils a year)."""
    rng = gen.rng
    leerlingen_per_school: dict[int, list[int]] = {}
    for school_id, leerling_id in (
        Inschrijving.objects.actief_op().filter(school__in=scholen).values_list("school_id", "leerling_id")
    ):
        leerlingen_per_school.setdefault(school_id, []).append(leerling_id)
    per_pk = {s.pk: s for s in scholen}
    for schooljaar in range(huidig - 9, huidig + 1):
        for school_id, ids in leerlingen_per_school.items():
            aantal = max(1, round(len(ids) * 0.012))
            for leerling_id in rng.sample(ids, min(aantal, len(ids))):
                if schooljaar < huidig:
                    status = rng.choice(
                        [AanvraagStatus.AFGESLOTEN] * 8 + [AanvraagStatus.AFGEWEZEN, AanvraagStatus.INGETROKKEN]
                    )
                else:
                    status = rng.choice(mix)
                gen.nieuw(
                    leerling_id=leerling_id,
                    school=per_pk[school_id],
                    type_=rng.choice(typen),
                    status=status,
                    maker=gen.systeem,
                    schooljaar=schooljaar if schooljaar < huidig else None,
                )
