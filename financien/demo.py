"""Demo finance: three years of parameters and budgets in seed 002's structure, scaled to the demo
SWV's DUO counts, monthly actuals up to last month, one final and one draft T-rapportage.

The rates are illustrative (seed 002's 2014 rates indexed), not DUO's official figures. Both
T-rapportage PDFs are built synchronously here by the job's own service, so the demo needs no
worker. Running the step again adds nothing.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone

from financien import conf
from financien.bekostiging import NUL, afronden
from financien.berekening import bedragen_uit_parameters, bekostiging_voor, jaarregels
from financien.choices import Blok, Grondslag, ImportStatus, SboRegel
from financien.models import (
    Arrangementenbudget,
    Begroting,
    Begrotingsbedrag,
    Begrotingspost,
    Jaarparameters,
    RealisatieImport,
    Realisatieregel,
    Rekeningkoppeling,
    TRapportage,
)
from financien.services import begroting as begroting_services
from financien.services import rapportage as rapportage_services
from swv.choices import Rol
from swv.demo import DemoContext, demo_stap
from swv.models import Kring

#: Seed 002's 2015-16 costs per pupil (BO + SBO = 19,777) for the lines entered by hand.
SEED_PER_LEERLING = {
    "1.05": Decimal("52908") / 19777,
    "1.06": Decimal("120000") / 19777,
    "1.07": Decimal("8200") / 19777,
    "2.01": Decimal("104000") / 19777,
    "2.02": Decimal("48000") / 19777,
    "2.03": Decimal("702900") / 19777,
    "2.04": Decimal("65000") / 19777,
    "2.05": Decimal("40000") / 19777,
    "2.06": Decimal("40000") / 19777,
    "2.07": Decimal("2000") / 19777,
    "2.08": Decimal("30000") / 19777,
    "2.09": Decimal("35000") / 19777,
    "2.10": Decimal("200000") / 19777,
    "2.11": Decimal("5000") / 19777,
    "2.12": Decimal("10000") / 19777,
    "3.02": Decimal("52908") / 19777,
    "3.03": Decimal("148000") / 19777,
    "3.04": Decimal("80000") / 19777,
    "4.02": Decimal("165000") / 19777,
    "5.03": Decimal("100000") / 19777,
    "5.04": Decimal("8200") / 19777,
    "5.05": Decimal("655878") / 19777,
    "6.01": Decimal("25000") / 19777,
}
#: Seed 002 / issue 5: SO 1.54 % of pupils, categories low / medium / high about 1.21 / 0.17 / 0.17 %.
SO_AANDEEL = {"laag": Decimal("0.0121"), "midden": Decimal("0.0017"), "hoog": Decimal("0.0017")}
SBO_AANDEEL = Decimal("0.015")
TOELICHTINGEN: dict[str, str] = {
    Blok.BATEN: "Bekostiging volgens DUO-beschikking; verschil door aangepaste leerlingtelling.",
    Blok.CENTRALE_ORGANISATIE: "Loonkosten hoger door cao-verhoging; vacature consulent later ingevuld.",
    Blok.ONDERSTEUNING_SCHOLEN: "Uitbetaling aan scholen volgens toewijzing; expertiseteam minder ingezet.",
    Blok.ARRANGEMENTEN: "Minder arrangementen toegekend dan begroot; aanvragen lopen nog.",
    Blok.GESPECIALISEERD_ONDERWIJS: "Afdracht SO volgens actuele TLV's op de teldatum.",
    Blok.RESERVE: "Dotatie conform begroting.",
}


def _parameters(jaar: int, index: Decimal) -> dict:
    return {
        "teldatum": date(jaar - 1, 2, 1),
        "prognose_groei": Decimal("-1.00"),
        "tarief_lichte_personeel": afronden(Decimal("149.29") * index),
        "tarief_lichte_materieel": afronden(Decimal("7.48") * index),
        "tarief_zware": afronden(Decimal("324.80") * index),
        "verevening": NUL,
        "so_tarief_laag": afronden(Decimal("7900") * index),
        "so_tarief_midden": afronden(Decimal("16300") * index),
        "so_tarief_hoog": afronden(Decimal("19600") * index),
        "sbo_regel": SboRegel.PER_TLV,
        "sbo_drempel_percentage": Decimal("2.00"),
        "sbo_tarief": afronden(Decimal("4380") * index),
        "basisbedrag_per_school": afronden(Decimal("2500") * index),
        "bedrag_per_leerling": afronden(Decimal("100") * index),
        "signaleringswaarde_percentage": conf.signaleringswaarde_standaard(),
        "minimum_reserve_percentage": conf.minimum_reserve_standaard(),
    }


def _rekening(post: Begrotingspost) -> str:
    return ("8" if post.blok == Blok.BATEN else "4") + post.code.replace(".", "")


def _begroting_vullen(begroting: Begroting, params: Jaarparameters, vandaag: date) -> None:
    """Computed lines from the parameters; the SO/SBO deductions estimated from DUO's SO/SBO
    counts while no TLV register exists; other lines per pupil as in seed 002; the arrangement
    budget per kring sized so that the budget closes with a small surplus."""
    leerlingen, _bekostiging = bekostiging_voor(params)
    pupils = leerlingen.bao_sbo
    index = Decimal("1.02") ** (params.jaar - 2015)
    waarden = bedragen_uit_parameters(params, vandaag=vandaag)
    posten = {p.code: p for p in Begrotingspost.objects.all()}
    bedragen: dict[str, Decimal] = {}
    for code, post in posten.items():
        if post.grondslag == Grondslag.HANDMATIG:
            bedragen[code] = afronden(SEED_PER_LEERLING.get(code, NUL) * pupils * index)
        elif post.grondslag == Grondslag.SO_AFDRACHT and waarden[post.grondslag] is None:
            bedragen[code] = afronden(
                sum((pupils * aandeel * params.so_tarieven[c] for c, aandeel in SO_AANDEEL.items()), NUL)
            )
        elif post.grondslag == Grondslag.SBO_AFDRACHT and waarden[post.grondslag] is None:
            bedragen[code] = afronden(pupils * SBO_AANDEEL * params.sbo_tarief)
        elif post.grondslag != Grondslag.ARRANGEMENTENBUDGET:
            bedragen[code] = waarden[post.grondslag] or NUL
    baten = sum((b for c, b in bedragen.items() if posten[c].blok == Blok.BATEN), NUL)
    lasten = sum((b for c, b in bedragen.items() if posten[c].blok != Blok.BATEN), NUL)
    ruimte = max(baten - lasten - afronden(baten * Decimal("0.004")), NUL)
    kringen = list(Kring.objects.order_by("naam"))
    if kringen and not params.arrangementenbudgetten.exists():
        deel = afronden(ruimte / len(kringen))
        Arrangementenbudget.objects.bulk_create(
            [Arrangementenbudget(parameters=params, kring=k, bedrag=deel) for k in kringen]
        )
    arr = posten.get("4.01")
    if arr is not None:
        bedragen["4.01"] = sum((b.bedrag for b in params.arrangementenbudgetten.all()), NUL)
    Begrotingsbedrag.objects.bulk_create(
        [Begrotingsbedrag(begroting=begroting, post=posten[c], bedrag=b) for c, b in bedragen.items()]
    )


def _maand_importeren(jaar: int, maand: int, begroting: Begroting, door, rng) -> None:
    posten = {p.pk: p for p in Begrotingspost.objects.all()}
    rijen: list[dict[str, Any]] = []
    for bedrag in begroting.bedragen.all():
        post = posten[bedrag.post_id]
        spreiding = Decimal("1.00") if post.blok == Blok.BATEN else Decimal(str(round(rng.uniform(0.86, 1.14), 3)))
        maandbedrag = afronden(bedrag.bedrag / 12 * spreiding)
        if maandbedrag:
            rijen.append(
                {
                    "rekening": _rekening(post),
                    "post_id": post.pk,
                    "post": f"{post.code} {post.naam}",
                    "omschrijving": f"{post.naam} {maand:02d}-{jaar}",
                    "bedrag": str(maandbedrag),
                    "fouten": [],
                }
            )
    for i, rij in enumerate(rijen, start=2):
        rij["regelnummer"] = i
    totaal = sum((Decimal(r["bedrag"]) for r in rijen), NUL)
    invoer = RealisatieImport.objects.create(
        jaar=jaar,
        maand=maand,
        status=ImportStatus.VERWERKT,
        bestandsnaam=f"grootboek-{jaar}-{maand:02d}.csv",
        voorbeeld=rijen,
        aantal_regels=len(rijen),
        totaal=totaal,
        ingelezen_door=door,
        verwerkt_op=timezone.now(),
    )
    Realisatieregel.objects.bulk_create(
        [
            Realisatieregel(
                realisatie_import=invoer,
                regelnummer=r["regelnummer"],
                post_id=r["post_id"],
                rekening=r["rekening"],
                omschrijving=r["omschrijving"],
                bedrag=Decimal(r["bedrag"]),
            )
            for r in rijen
        ]
    )


def _perioden(vandaag: date) -> list[tuple[int, int]]:
    """T-rapportage periods (year, t) whose reporting month has begun, oldest first."""
    perioden = []
    for jaar in (vandaag.year - 1, vandaag.year):
        for t, maand in enumerate(conf.t_rapportage_maanden(), start=1):
            if maand >= 2 and date(jaar, maand, 1) <= vandaag:
                perioden.append((jaar, t))
    return perioden


@demo_stap(volgorde=70)
def demo_financien(ctx: DemoContext) -> str:
    controller = ctx.gebruikers[Rol.CONTROLLER]
    vandaag = ctx.vandaag
    if not Begrotingspost.objects.exists():
        begroting_services.standaard_posten_aanmaken(door=controller)
    for post in Begrotingspost.objects.all():
        Rekeningkoppeling.objects.get_or_create(
            rekening=_rekening(post), defaults={"post": post, "omschrijving": post.naam}
        )
    jaren = [vandaag.year - 1, vandaag.year, vandaag.year + 1]
    for jaar in jaren:
        params = Jaarparameters.objects.actueel().filter(jaar=jaar).first()
        if params is None:
            params = Jaarparameters.objects.create(
                jaar=jaar, aangemaakt_door=controller, **_parameters(jaar, Decimal("1.02") ** (jaar - 2014))
            )
        if not Begroting.objects.filter(jaar=jaar).exists():
            begroting = Begroting.objects.create(jaar=jaar)
            _begroting_vullen(begroting, params, vandaag)
            if jaar == jaren[0]:
                baten = sum(begroting.bedragen.filter(post__blok=Blok.BATEN).values_list("bedrag", flat=True), NUL)
                begroting.reserve_begin = afronden(baten * Decimal("0.028"))
                begroting.save(update_fields=["reserve_begin"])
    maanden = 0
    for jaar in jaren[:2]:
        begroting = Begroting.objects.get(jaar=jaar)
        laatste = 12 if jaar < vandaag.year else vandaag.month - 1
        for maand in range(1, laatste + 1):
            if not RealisatieImport.objects.filter(jaar=jaar, maand=maand).exists():
                _maand_importeren(jaar, maand, begroting, controller, ctx.rng)
                maanden += 1
    rapporten = 0
    perioden = _perioden(vandaag)
    for i, (jaar, t) in enumerate(perioden[-2:]):
        if TRapportage.objects.filter(jaar=jaar, t_nummer=t).exists():
            continue
        definitief = i == 0 and len(perioden) > 1
        rapport = rapportage_services.t_rapportage_starten(door=controller, jaar=jaar, t_nummer=t, op_achtergrond=False)
        rapportage_services.t_rapportage_opbouwen(rapport=rapport)
        if definitief:
            for regel in rapportage_services.regels_zonder_toelichting(rapport):
                regel.toelichting = TOELICHTINGEN[regel.blok]
                regel.save(update_fields=["toelichting"])
            rapportage_services.t_rapportage_definitief_maken(door=controller, rapport=rapport, op_achtergrond=False)
            rapportage_services.t_rapportage_opbouwen(rapport=rapport)
        rapporten += 1
    regels, _ = jaarregels(vandaag.year)
    return (
        f"Financiën: parameters en begroting {jaren[0]}-{jaren[-1]}, {maanden} maanden realisatie, "
        f"{rapporten} T-rapportage(s), {len(regels)} begrotingsposten."
    )


@demo_stap(volgorde=75)
def demo_innovatie(ctx: DemoContext) -> str:
    """Innovation requests after seed 001 (2024): six requests, two granted (both for gifted pupils),
    two refused because language delays are the boards' and municipalities' task, one multi-year
    request refused, and one left as a draft without a financial justification. Idempotent."""
    from datetime import timedelta

    from financien.models import Innovatieaanvraag
    from financien.services import innovatie as s

    if Innovatieaanvraag.objects.exists():
        return f"Innovatieaanvragen: {Innovatieaanvraag.objects.count()} (bestaand)."
    directeur, bestuurder = ctx.gebruikers[Rol.DIRECTEUR], ctx.gebruikers[Rol.BESTUURDER]
    db, tlc = ctx.gebruikers[Rol.DB], ctx.gebruikers[Rol.TLC_LID]
    post = Begrotingspost.objects.filter(blok=Blok.ONDERSTEUNING_SCHOLEN, actief=True).order_by("volgorde").first()
    jaar = ctx.vandaag.year
    plannen = [
        ("Plusklas voor (hoog)begaafde leerlingen", "begaafdheid", directeur, 1, "toekennen", ""),
        ("Verrijkingsaanbod begaafdheid in de kring", "begaafdheid", bestuurder, 1, "toekennen", ""),
        ("Taalklas voor nieuwkomers", "taal", directeur, 1, "afwijzen", "geen_swv_taak"),
        ("Voorschoolse taalstimulering", "taal", bestuurder, 1, "afwijzen", "geen_swv_taak"),
        ("Meerjarig gedragsproject", "gedrag", bestuurder, 3, "afwijzen", "meerjarig"),
        ("Buitenlesprogramma", "overig", directeur, 1, "concept", ""),
    ]
    for titel, thema, door, jaren, stap, grond in plannen:
        aanvraag = s.innovatie_aanvragen(
            titel=titel,
            thema=thema,
            bestuur=ctx.school_a.bestuur,
            school=ctx.school_a if door == directeur else None,
            plan="Doel, aanpak, betrokken scholen en meetbare resultaten (demo).",
            financiele_onderbouwing="" if stap == "concept" else "Inzet 0,2 fte en materialen (demo).",
            bedrag_per_jaar=Decimal("15000"),
            startjaar=jaar,
            looptijd_jaren=jaren,
            door=door,
        )
        if stap == "concept":
            continue
        s.innovatie_indienen(aanvraag=aanvraag, door=door)
        s.innovatie_adviseren(aanvraag=aanvraag, advies="Advies van de TLC aan het DB (demo).", door=tlc)
        if stap == "toekennen" and post is not None:
            s.innovatie_toekennen(
                aanvraag=aanvraag, post=post, evaluatiedatum=ctx.vandaag + timedelta(days=365), door=db
            )
        elif stap == "afwijzen":
            s.innovatie_afwijzen(aanvraag=aanvraag, afwijzingsgrond=grond, door=db)
    return "Innovatieaanvragen: 6 (2 toegekend voor begaafde leerlingen, 3 afgewezen, 1 concept)."
