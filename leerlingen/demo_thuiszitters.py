"""Demo of issue 6: ten years of thuiszitter cases (a few active on every ladder step), zorgplicht
cases near and past their deadline, chain partners, and two compiled risicolijst rounds.

Idempotent: when the demo SWV already has thuiszitter cases the step adds nothing. Fast: cases,
their history rows and new children are written with ``bulk_create``.
"""

from __future__ import annotations

from datetime import date, timedelta

from leerlingen.demo import ACHTERNAMEN, VOORNAMEN
from leerlingen.models import (
    Inschrijving,
    Ketenpartner,
    Ladderstap,
    Ladderstapwijziging,
    Leerling,
    Risicolijstronde,
    Risicosignalering,
    Thuiszittercasus,
    ThuiszitterStatuswijziging,
    Zorgplichtcasus,
    ZorgplichtStatuswijziging,
)
from swv.choices import Rol
from swv.demo import DemoContext, demo_stap
from swv.models import School

PARTNERS = [
    (Ketenpartner.Soort.LEERPLICHT, "Regionaal Bureau Leerplicht Holland Rijnland", "Marieke Jonker"),
    (Ketenpartner.Soort.LEERPLICHT, "Leerplicht gemeente", "Hassan el Idrissi"),
    (Ketenpartner.Soort.JEUGDTEAM, "Jeugd- en gezinsteam", "Sanne Vermeer"),
    (Ketenpartner.Soort.JEUGDHULP, "Jeugdhulpaanbieder Curium", "Peter Bos"),
    (Ketenpartner.Soort.JGZ, "GGD Jeugdgezondheidszorg", "Anouk de Lange"),
]

REDENEN_RISICO = [
    ("Veel ziekteverzuim en signalen van schoolangst.", "Gesprek met ouders en jeugdarts; verzuim wekelijks volgen."),
    ("Ernstige gedragsincidenten; school handelingsverlegen.", "OT met consulent; arrangement aanvragen."),
    ("Wacht op plaatsing in het SO.", "Overbruggingsaanbod twee dagdelen per week."),
    ("Conflict tussen ouders en school over ondersteuning.", "Bemiddelingsgesprek met consulent."),
    ("Gezinssituatie onder druk; wisselende aanwezigheid.", "Afstemming met jeugdteam; dagelijkse check-in."),
]


def _kind(ctx: DemoContext, sinds: date) -> Leerling:
    tussen, achter = ctx.rng.choice(ACHTERNAMEN)
    leeftijd = ctx.rng.randint(4, 11)
    return Leerling(
        voornaam=ctx.rng.choice(VOORNAMEN),
        tussenvoegsel=tussen,
        achternaam=achter,
        geboortedatum=date(sinds.year - leeftijd, ctx.rng.randint(1, 12), ctx.rng.randint(1, 28)),
    )


@demo_stap(volgorde=60)
def demo_thuiszitters(ctx: DemoContext) -> str | None:
    if Thuiszittercasus.objects.filter(gemeente__scholen__swv=ctx.swv).exists():
        return None
    rng, vandaag = ctx.rng, ctx.vandaag
    stappen = list(Ladderstap.objects.actief().order_by("volgorde"))
    if not stappen:
        return None
    consulent, beleid = ctx.gebruikers[Rol.CONSULENT], ctx.gebruikers[Rol.BELEIDSMEDEWERKER]
    ib_er = ctx.gebruikers[Rol.IB_ER]
    partners = [
        Ketenpartner.objects.get_or_create(organisatie=o, naam=n, defaults={"soort": s})[0] for s, o, n in PARTNERS
    ]
    scholen = list(School.objects.filter(swv=ctx.swv, actief=True).select_related("gemeente"))
    ingeschreven = list(
        Inschrijving.objects.filter(school__swv=ctx.swv).actief_op(vandaag).values_list("leerling_id", "school_id")
    )
    rng.shuffle(ingeschreven)
    school_per_id = {s.pk: s for s in scholen}
    per_jaar = max(30, round(len(ingeschreven) * 0.003))

    # Ten years of cases; the durations follow a skewed spread (median about 10 weeks).
    plannen: list[tuple[date, date | None]] = []
    for _ in range(per_jaar * 10):
        sinds = vandaag - timedelta(days=rng.randint(0, 3650))
        weken = min(104, int(rng.lognormvariate(2.3, 0.8)))
        eind = sinds + timedelta(weeks=weken)
        plannen.append((sinds, eind if eind < vandaag else None))
    # School A and the consulent's cases: a handful active, on several steps.
    for weken in (2, 6, 11, 15, 20, 30):
        plannen.append((vandaag - timedelta(weeks=weken), None))

    nieuwe_kinderen, oude_inschrijvingen, casussen, gebruikt = [], [], [], set()
    nieuw_kind_van: list[tuple[Thuiszittercasus, Leerling]] = []
    soorten_ingeschreven = (
        [Thuiszittercasus.Soort.RELATIEF_VERZUIM] * 6
        + [Thuiszittercasus.Soort.DREIGEND] * 3
        + [Thuiszittercasus.Soort.ONTHEFFING]
    )
    soorten_zonder = [Thuiszittercasus.Soort.ABSOLUUT_VERZUIM] * 3 + [Thuiszittercasus.Soort.VRIJSTELLING_5A]
    eigen_leerlingen = list(
        Inschrijving.objects.filter(school=ctx.school_a).actief_op(vandaag).values_list("leerling_id", flat=True)[:6]
    )
    for i, (sinds, einde) in enumerate(plannen):
        eigen = i >= len(plannen) - 6 and bool(eigen_leerlingen)
        zonder = not eigen and rng.random() < 0.25
        if eigen:
            # Active cases at school A (the demo ib-er's school), on several steps of the ladder.
            kind, school = eigen_leerlingen.pop(), ctx.school_a
            gebruikt.add(kind)
            soort = Thuiszittercasus.Soort.RELATIEF_VERZUIM if i % 3 else Thuiszittercasus.Soort.DREIGEND
        elif zonder:
            kind, school, soort = _kind(ctx, sinds), None, rng.choice(soorten_zonder)
            nieuwe_kinderen.append(kind)
        elif einde is None and ingeschreven:
            # An active case of a pupil enrolled today.
            leerling_id, school_id = ingeschreven.pop()
            while leerling_id in gebruikt and ingeschreven:
                leerling_id, school_id = ingeschreven.pop()
            gebruikt.add(leerling_id)
            kind, school, soort = (
                leerling_id,
                school_per_id.get(school_id, ctx.school_a),
                rng.choice(soorten_ingeschreven),
            )
        else:
            # A closed case of a child who has since left: a past enrolment at a school.
            kind, school, soort = _kind(ctx, sinds), rng.choice(scholen), rng.choice(soorten_ingeschreven)
            nieuwe_kinderen.append(kind)
            oude_inschrijvingen.append((kind, school, sinds, einde or sinds))
        gemeente = (
            school.gemeente
            if school
            else (ctx.school_a.gemeente if rng.random() < 0.5 else rng.choice(scholen).gemeente)
        )
        stap = (
            stappen[i % 5 % len(stappen)]
            if eigen
            else stappen[min(len(stappen) - 1, int(rng.random() ** 1.7 * len(stappen)))]
        )
        heeft_opp = school is not None and rng.random() < 0.6
        casus = Thuiszittercasus(
            school=school,
            gemeente=gemeente,
            regisseur=consulent if rng.random() < 0.5 else None,
            soort=soort,
            reden=rng.choice(Thuiszittercasus.Reden.values),
            sinds=sinds,
            heeft_opp=heeft_opp,
            opp_datum=sinds - timedelta(days=rng.randint(30, 400)) if heeft_opp else None,
            onderwijs_uren=rng.choice([0, 0, 2, 4, 6, 8]),
            huidige_stap=stap,
            plan="Overbruggingsaanbod en onderzoek naar passende plek." if einde is None else "",
            volgende_actie="Overleg met ouders en leerplicht" if einde is None else "",
            volgende_actie_datum=vandaag + timedelta(days=rng.randint(1, 21)) if einde is None else None,
            status="afgesloten" if einde else "actief",
            einddatum=einde,
            uitkomst=rng.choice(Thuiszittercasus.Uitkomst.values) if einde else "",
            aangemaakt_door=ib_er if school == ctx.school_a else consulent,
        )
        if isinstance(kind, int):
            casus.leerling_id = kind
        else:
            nieuw_kind_van.append((casus, kind))  # its pk exists once the new pupils are written
        casussen.append(casus)
    Leerling.objects.bulk_create(nieuwe_kinderen, batch_size=2000)
    Inschrijving.objects.bulk_create(
        [
            Inschrijving(
                leerling=kind,
                school=school,
                groep=None,
                begindatum=sinds - timedelta(days=rng.randint(60, 700)),
                einddatum=einde + timedelta(days=rng.randint(1, 60)),
            )
            for kind, school, sinds, einde in oude_inschrijvingen
        ],
        batch_size=2000,
    )
    for casus, nieuw_kind in nieuw_kind_van:
        casus.leerling_id = nieuw_kind.pk
    for casus in casussen:
        if casus.uitkomst in Thuiszittercasus.UITKOMSTEN_MET_SCHOOL:
            casus.geplaatst_school = rng.choice(scholen)
    # One active case per pupil: an earlier active case of the same pupil is closed instead.
    actief_per_leerling: dict[int, Thuiszittercasus] = {}
    for casus in sorted(casussen, key=lambda c: c.sinds):
        if casus.status == "actief":
            vorige = actief_per_leerling.get(casus.leerling_id)
            if vorige is not None:
                vorige.status, vorige.einddatum, vorige.uitkomst = (
                    "afgesloten",
                    casus.sinds,
                    Thuiszittercasus.Uitkomst.EIGEN_SCHOOL,
                )
                vorige.plan, vorige.volgende_actie, vorige.volgende_actie_datum = "", "", None
            actief_per_leerling[casus.leerling_id] = casus
    Thuiszittercasus.objects.bulk_create(casussen, batch_size=2000)

    wijzigingen, statussen, koppelingen = [], [], []
    for casus in casussen:
        vorige = None
        for stap in stappen[: stappen.index(casus.huidige_stap) + 1]:
            wijzigingen.append(
                Ladderstapwijziging(casus=casus, van_stap=vorige, naar_stap=stap, door=casus.aangemaakt_door)
            )
            vorige = stap
        statussen.append(ThuiszitterStatuswijziging(casus=casus, van="", naar="actief", door=casus.aangemaakt_door))
        if casus.status == "afgesloten":
            statussen.append(
                ThuiszitterStatuswijziging(
                    casus=casus, van="actief", naar="afgesloten", door=consulent, reden=casus.get_uitkomst_display()
                )
            )
        else:
            koppelingen += [
                Thuiszittercasus.partners.through(thuiszittercasus=casus, ketenpartner=p)
                for p in rng.sample(partners, 2)
            ]
    Ladderstapwijziging.objects.bulk_create(wijzigingen, batch_size=2000)
    ThuiszitterStatuswijziging.objects.bulk_create(statussen, batch_size=2000)
    Thuiszittercasus.partners.through.objects.bulk_create(koppelingen, batch_size=2000)

    n_zorgplicht = _demo_zorgplicht(ctx)
    n_rondes = _demo_risicolijst(ctx, ingeschreven, beleid)
    actief = sum(1 for c in casussen if c.status == "actief")
    return (
        f"Thuiszitters: {len(casussen)} casussen over tien jaar ({actief} actief); "
        f"zorgplicht: {n_zorgplicht} aanmeldingen; risicolijst: {n_rondes} rondes."
    )


def _demo_zorgplicht(ctx: DemoContext) -> int:
    """Applications at school A near and past their deadline, one extended, some decided; and a
    few years of decided applications elsewhere."""
    from leerlingen.services.zorgplicht import termijn_na

    rng, vandaag = ctx.rng, ctx.vandaag
    ib_er = ctx.gebruikers[Rol.IB_ER]
    scholen = list(School.objects.filter(swv=ctx.swv, actief=True))
    # School A: just applied, running, near the deadline, extended, past 6 and past 10 weeks, decided.
    plannen = [
        (ctx.school_a, dagen, toestand)
        for dagen, toestand in (
            (3, "open"),
            (20, "open"),
            (36, "open"),
            (45, "verlengd"),
            (47, "open"),
            (75, "open"),
            (60, "besloten"),
        )
    ]
    plannen += [(rng.choice(scholen), rng.randint(50, 365 * 3), "besloten") for _ in range(max(10, len(scholen) // 2))]
    kinderen = [_kind(ctx, vandaag) for _ in plannen]
    Leerling.objects.bulk_create(kinderen)
    casussen = []
    for (school, dagen, toestand), kind in zip(plannen, kinderen, strict=True):
        aanmelding = vandaag - timedelta(days=dagen)
        casus = Zorgplichtcasus(
            leerling=kind,
            school=school,
            bestuur_id=school.bestuur_id,
            aanmeldingsdatum=aanmelding,
            termijn_datum=termijn_na(aanmelding),
            ondersteuningsvraag="Mogelijk extra ondersteuning bij taal en gedrag.",
            aangemaakt_door=ib_er,
        )
        if toestand == "verlengd":
            casus.status, casus.verlengd_tot = "verlengd", casus.termijn_datum + timedelta(weeks=4)
            casus.verlenging_reden = "Onderzoek door orthopedagoog loopt nog."
        elif toestand == "besloten":
            casus.status, casus.uitkomst = "besloten", rng.choice(Zorgplichtcasus.Uitkomst.values)
            casus.besluitdatum = min(vandaag, aanmelding + timedelta(days=rng.randint(14, 60)))
            if casus.uitkomst == Zorgplichtcasus.Uitkomst.ANDERE_SCHOOL:
                casus.andere_school = rng.choice([s for s in scholen if s.pk != school.pk] or scholen)
        casussen.append(casus)
    Zorgplichtcasus.objects.bulk_create(casussen)
    ZorgplichtStatuswijziging.objects.bulk_create(
        [ZorgplichtStatuswijziging(casus=c, van="", naar="aangemeld", door=ib_er) for c in casussen]
        + [
            ZorgplichtStatuswijziging(casus=c, van="aangemeld", naar=c.status, door=ib_er)
            for c in casussen
            if c.status != "aangemeld"
        ]
    )
    return len(casussen)


def _demo_risicolijst(ctx: DemoContext, ingeschreven: list[tuple[int, int]], beleid) -> int:
    """Marks over the last half year and the two most recent rounds compiled on their month."""
    from leerlingen import conf
    from leerlingen.services.risicolijst import risicolijst_samenstellen

    rng, vandaag = ctx.rng, ctx.vandaag
    consulent = ctx.gebruikers[Rol.CONSULENT]
    kandidaten = ingeschreven[: max(20, len(ingeschreven) // 150)]
    eigen = list(
        Inschrijving.objects.filter(school=ctx.school_a)
        .actief_op(vandaag)
        .values_list("leerling_id", "school_id")[200:210]
    )
    marks = []
    for leerling_id, school_id in kandidaten + eigen:
        reden, actie = rng.choice(REDENEN_RISICO)
        sinds = vandaag - timedelta(days=rng.randint(0, 240))
        einde = sinds + timedelta(days=rng.randint(30, 200)) if rng.random() < 0.3 else None
        marks.append(
            Risicosignalering(
                leerling_id=leerling_id,
                school_id=school_id,
                reden=reden,
                afgesproken_actie=actie,
                sinds=sinds,
                einddatum=einde if einde and einde < vandaag else None,
                beeindigd_reden="Gaat weer naar school." if einde and einde < vandaag else "",
                gesignaleerd_door=consulent,
            )
        )
    Risicosignalering.objects.bulk_create(marks, ignore_conflicts=True)
    rondes: list[tuple[int, int]] = []
    jaar, maand = vandaag.year, vandaag.month
    while len(rondes) < 2:
        if maand in conf.risicolijst_maanden():
            rondes.append((jaar, maand))
        jaar, maand = (jaar, maand - 1) if maand > 1 else (jaar - 1, 12)
    if Risicolijstronde.objects.exists():
        return 0
    for jaar, maand in reversed(rondes):
        risicolijst_samenstellen(
            door=beleid, jaar=jaar, maand=maand, peildatum=min(vandaag, date(jaar, maand, 1) + timedelta(days=7))
        )
    return len(rondes)
