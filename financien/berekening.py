"""Database reads behind the finance pages and the T-rapportage, without scoping.

The scoped entry points are in ``financien.selectors`` (every one takes ``user``); the report job
calls these directly for the rows it snapshots. Every function runs a fixed number of queries,
whatever the number of schools, lines or bookings (aggregation happens in the database).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Max, Q, Sum

from financien import bronnen
from financien.bekostiging import (
    NUL,
    Afdrachtregel,
    Bekostiging,
    Leerlingaantallen,
    afronden,
    bereken_bekostiging,
    lineaire_prognose,
    prognose,
    sbo_afdracht,
    so_afdracht,
    verschil,
)
from financien.choices import LASTEN_BLOKKEN, Blok, Grondslag, ImportStatus, RapportStatus
from financien.models import (
    Arrangementenbudget,
    Begroting,
    Begrotingsbedrag,
    Begrotingspost,
    Jaarparameters,
    RealisatieImport,
    Realisatieregel,
    TRapportage,
)
from swv.choices import Soort
from swv.models import Leerlingtelling, School

# --- parameters -------------------------------------------------------------------------------


def parameters_voor(jaar: int) -> Jaarparameters | None:
    """The current parameter version of ``jaar``."""
    return Jaarparameters.objects.actueel().filter(jaar=jaar).first()


def is_bevroren(jaar: int) -> bool:
    """Parameters of a year with a final T-rapportage are never changed in place."""
    return TRapportage.objects.filter(jaar=jaar, status=RapportStatus.DEFINITIEF).exists()


# --- pupil counts -----------------------------------------------------------------------------


def gebruikte_teldatum(teldatum: date) -> date | None:
    """The count of ``teldatum`` itself, or else the latest count before it."""
    return Leerlingtelling.objects.filter(teldatum__lte=teldatum).aggregate(d=Max("teldatum"))["d"]


def leerlingaantallen(teldatum: date, groei: Decimal) -> Leerlingaantallen:
    """Pupils per kind of school at the funding count date (two queries)."""
    gebruikt = gebruikte_teldatum(teldatum)
    if gebruikt is None:
        return prognose({}, gevraagd=teldatum, gebruikt=None, groei=groei)
    per_soort: dict[str, int] = defaultdict(int)
    gemaskeerd = 0
    for rij in (
        Leerlingtelling.objects.filter(teldatum=gebruikt)
        .values("school__soort")
        .annotate(aantal=Sum("aantal"), gemaskeerd=Count("pk", filter=Q(minder_dan_vijf=True)))
    ):
        soort = Soort.SO if rij["school__soort"] == Soort.SO_VSO else rij["school__soort"]
        per_soort[soort] += rij["aantal"] or 0
        gemaskeerd += int(rij["gemaskeerd"] or 0)
    return prognose(per_soort, gevraagd=teldatum, gebruikt=gebruikt, groei=groei, gemaskeerd=gemaskeerd)


def bekostiging_voor(parameters: Jaarparameters) -> tuple[Leerlingaantallen, Bekostiging]:
    leerlingen = leerlingaantallen(parameters.teldatum, parameters.prognose_groei)
    return leerlingen, bereken_bekostiging(parameters, leerlingen)


# --- SO / SBO deductions from the TLV register ------------------------------------------------


@dataclass
class Afdrachtprognose:
    """What the active TLVs cost a year: SO per category and SBO by the year's rule."""

    jaar: int
    parameters: Jaarparameters
    peildatum: date
    peildatum_is_vandaag: bool
    leerlingen: Leerlingaantallen
    aanwezig: bool  # False: the TLV register is not available (no data, never zeros)
    so: list[Afdrachtregel] = field(default_factory=list)
    sbo: Afdrachtregel | None = None

    @property
    def regels(self) -> list[Afdrachtregel]:
        return [*self.so, *([self.sbo] if self.sbo else [])]

    @property
    def so_totaal(self) -> Decimal:
        return sum((r.bedrag for r in self.so), NUL)

    @property
    def totaal(self) -> Decimal:
        return sum((r.bedrag for r in self.regels), NUL)

    @property
    def aantal_tlvs(self) -> int:
        return sum(r.aantal for r in self.regels)


def afdrachtprognose(
    parameters: Jaarparameters, *, vandaag: date, leerlingen: Leerlingaantallen | None = None
) -> Afdrachtprognose:
    """Active TLVs on the count date (or today, while the count date lies ahead) x the year's rates."""
    peildatum = min(parameters.teldatum, vandaag)
    leerlingen = leerlingen or leerlingaantallen(parameters.teldatum, parameters.prognose_groei)
    aantallen = bronnen.tlv_aantallen(peildatum=peildatum)
    prognose_ = Afdrachtprognose(
        jaar=parameters.jaar,
        parameters=parameters,
        peildatum=peildatum,
        peildatum_is_vandaag=peildatum != parameters.teldatum,
        leerlingen=leerlingen,
        aanwezig=aantallen is not None,
    )
    if aantallen is not None:
        prognose_.so = so_afdracht(aantallen, parameters)
        prognose_.sbo = sbo_afdracht(aantallen.get(("SBO", ""), 0), leerlingen.bao_sbo, parameters)
    return prognose_


# --- allocation to schools --------------------------------------------------------------------


@dataclass(frozen=True)
class SchoolRef:
    """The few fields of a school (or board) an allocation shows; read as values, not model instances."""

    pk: int
    naam: str
    vestigingscode: str = ""
    soort: str = ""
    nummer: str = ""


@dataclass
class Schooltoewijzing:
    school: SchoolRef
    aantal: int | None  # None: no count, or masked by DUO as "<5"
    gemaskeerd: bool
    basis: Decimal
    per_leerling: Decimal
    arrangementen: Decimal

    @property
    def totaal(self) -> Decimal:
        return self.basis + self.per_leerling + self.arrangementen


@dataclass
class Bestuurstoewijzing:
    bestuur: object
    scholen: list[Schooltoewijzing]

    @property
    def leerlingen(self) -> int:
        return sum(s.aantal or 0 for s in self.scholen)

    @property
    def basis(self) -> Decimal:
        return sum((s.basis for s in self.scholen), NUL)

    @property
    def per_leerling(self) -> Decimal:
        return sum((s.per_leerling for s in self.scholen), NUL)

    @property
    def arrangementen(self) -> Decimal:
        return sum((s.arrangementen for s in self.scholen), NUL)

    @property
    def totaal(self) -> Decimal:
        return sum((s.totaal for s in self.scholen), NUL)


@dataclass
class Toewijzing:
    parameters: Jaarparameters
    gebruikte_teldatum: date | None
    besturen: list[Bestuurstoewijzing]
    kringbudgetten: list[Arrangementenbudget]

    @property
    def totaal(self) -> Decimal:
        return sum((b.totaal for b in self.besturen), NUL) + sum((k.bedrag for k in self.kringbudgetten), NUL)

    @property
    def is_andere_datum(self) -> bool:
        return self.gebruikte_teldatum is not None and self.gebruikte_teldatum != self.parameters.teldatum


def toewijzing(parameters: Jaarparameters, *, bestuur_ids: set[int] | None = None) -> Toewijzing:
    """What each active school receives: base amount + pupils at the count date x amount per pupil +
    its own arrangement budget; arrangement budgets of a kring are listed apart (three queries)."""
    from django.db.models import OuterRef, Subquery

    gebruikt = gebruikte_teldatum(parameters.teldatum)
    soorten = [Soort.BO, Soort.SBO] if parameters.toewijzing_ook_sbo else [Soort.BO]
    telling = Leerlingtelling.objects.filter(school=OuterRef("pk"))
    # No count date yet (no DUO counts loaded): no school has a count.
    telling = telling.filter(teldatum=gebruikt) if gebruikt is not None else telling.filter(teldatum__isnull=True)
    scholen = (
        School.objects.filter(actief=True, soort__in=soorten)
        .annotate(
            telling_aantal=Subquery(telling.values("aantal")[:1]),
            telling_gemaskeerd=Subquery(telling.values("minder_dan_vijf")[:1]),
        )
        .order_by("bestuur__naam", "naam")
    )
    if bestuur_ids is not None:
        scholen = scholen.filter(bestuur_id__in=bestuur_ids)
    rijen = scholen.values(
        "pk",
        "naam",
        "vestigingscode",
        "soort",
        "bestuur_id",
        "bestuur__naam",
        "bestuur__nummer",
        "telling_aantal",
        "telling_gemaskeerd",
    )
    budgetten = list(
        parameters.arrangementenbudgetten.select_related("school", "kring").order_by("kring__naam", "school__naam")
    )
    per_school = {b.school_id: b.bedrag for b in budgetten if b.school_id}
    besturen: dict[int, Bestuurstoewijzing] = {}
    basis = afronden(parameters.basisbedrag_per_school)
    for rij in rijen:
        aantal = rij["telling_aantal"]
        regel = Schooltoewijzing(
            school=SchoolRef(rij["pk"], rij["naam"], rij["vestigingscode"], rij["soort"]),
            aantal=aantal,
            gemaskeerd=bool(rij["telling_gemaskeerd"]),
            basis=basis,
            per_leerling=afronden((aantal or 0) * parameters.bedrag_per_leerling),
            arrangementen=per_school.get(rij["pk"], NUL),
        )
        bestuur = besturen.get(rij["bestuur_id"])
        if bestuur is None:
            bestuur = besturen[rij["bestuur_id"]] = Bestuurstoewijzing(
                bestuur=SchoolRef(rij["bestuur_id"], rij["bestuur__naam"], nummer=rij["bestuur__nummer"]), scholen=[]
            )
        bestuur.scholen.append(regel)
    kringen = [b for b in budgetten if b.kring_id] if bestuur_ids is None else []
    return Toewijzing(
        parameters=parameters, gebruikte_teldatum=gebruikt, besturen=list(besturen.values()), kringbudgetten=kringen
    )


# --- budget and actuals per line --------------------------------------------------------------


@dataclass
class Regel:
    """One budget line in a year: budget, actuals to date and the forecast for the year."""

    post: Begrotingspost
    begroting: Decimal
    realisatie: Decimal
    prognose: Decimal

    @property
    def verschil(self) -> Decimal:
        return verschil(self.prognose, self.begroting)

    @property
    def blok(self) -> str:
        return self.post.blok


def verwerkte_maanden(jaar: int) -> list[int]:
    return sorted(RealisatieImport.objects.verwerkt().filter(jaar=jaar).values_list("maand", flat=True))


def jaarregels(jaar: int, tot_en_met_maand: int | None = None) -> tuple[list[Regel], int]:
    """Every line with a budget or actuals in ``jaar`` (three queries); returns the lines and the
    month the actuals run to (the last processed month, or ``tot_en_met_maand``)."""
    realisatie_qs = Realisatieregel.objects.filter(
        realisatie_import__status=ImportStatus.VERWERKT, realisatie_import__jaar=jaar
    )
    if tot_en_met_maand is None:
        tot_en_met_maand = RealisatieImport.objects.verwerkt().filter(jaar=jaar).aggregate(m=Max("maand"))["m"] or 0
    else:
        realisatie_qs = realisatie_qs.filter(realisatie_import__maand__lte=tot_en_met_maand)
    realisatie = dict(realisatie_qs.values("post_id").annotate(s=Sum("bedrag")).values_list("post_id", "s"))
    begroot = dict(Begrotingsbedrag.objects.filter(begroting__jaar=jaar).values_list("post_id", "bedrag"))
    posten = Begrotingspost.objects.filter(Q(actief=True) | Q(pk__in=set(realisatie) | set(begroot)))
    regels = []
    for post in posten.select_related("beleidsthema").order_by("volgorde", "code"):
        b = begroot.get(post.pk, NUL)
        r = realisatie.get(post.pk, NUL) or NUL
        regels.append(Regel(post=post, begroting=b, realisatie=r, prognose=lineaire_prognose(b, r, tot_en_met_maand)))
    return regels, tot_en_met_maand


@dataclass
class Bloktotaal:
    blok: str
    begroting: Decimal = NUL
    realisatie: Decimal = NUL
    prognose: Decimal = NUL

    @property
    def label(self) -> str:
        return str(Blok(self.blok).label)

    @property
    def verschil(self) -> Decimal:
        return verschil(self.prognose, self.begroting)


@dataclass
class Totalen:
    blokken: list[Bloktotaal]

    def _som(self, blokken, veld) -> Decimal:
        return sum((getattr(b, veld) for b in self.blokken if b.blok in blokken), NUL)

    @property
    def baten(self) -> Bloktotaal:
        return Bloktotaal("baten", *(self._som([Blok.BATEN], v) for v in ("begroting", "realisatie", "prognose")))

    @property
    def lasten(self) -> Bloktotaal:
        return Bloktotaal("lasten", *(self._som(LASTEN_BLOKKEN, v) for v in ("begroting", "realisatie", "prognose")))

    @property
    def resultaat(self) -> Bloktotaal:
        b, l = self.baten, self.lasten
        return Bloktotaal("resultaat", b.begroting - l.begroting, b.realisatie - l.realisatie, b.prognose - l.prognose)

    @property
    def samenvatting(self) -> list[tuple[str, Bloktotaal]]:
        from django.utils.translation import gettext as _

        return [(_("Total income"), self.baten), (_("Total costs"), self.lasten), (_("Result"), self.resultaat)]

    @property
    def dotatie(self) -> Bloktotaal:
        return Bloktotaal("reserve", *(self._som([Blok.RESERVE], v) for v in ("begroting", "realisatie", "prognose")))


def totalen(regels) -> Totalen:
    """Totals per block and overall, always summed from the lines themselves (reconciliation)."""
    per_blok = {b: Bloktotaal(b) for b in Blok.values}
    for r in regels:
        t = per_blok[r.blok]
        t.begroting += r.begroting
        t.realisatie += r.realisatie
        t.prognose += r.prognose
    return Totalen(blokken=list(per_blok.values()))


# --- reserves ---------------------------------------------------------------------------------


@dataclass
class Reservepositie:
    jaar: int
    basis: str  # "begroting", "prognose" or "realisatie"
    maanden: int
    begin: Decimal
    begin_bekend: bool
    baten: Decimal
    lasten: Decimal
    dotatie: Decimal
    signaleringswaarde: Decimal
    minimum: Decimal

    @property
    def resultaat(self) -> Decimal:
        return self.baten - self.lasten

    @property
    def eind(self) -> Decimal:
        return self.begin + self.resultaat + self.dotatie

    @property
    def percentage(self) -> Decimal | None:
        return (self.eind * 100 / self.baten).quantize(Decimal("0.01")) if self.baten > 0 else None

    @property
    def signaleringsbedrag(self) -> Decimal:
        return afronden(self.baten * self.signaleringswaarde / 100)

    @property
    def minimumbedrag(self) -> Decimal:
        return afronden(self.baten * self.minimum / 100)

    @property
    def oordeel(self) -> str:
        if self.percentage is None:
            return "onbekend"
        if self.percentage > self.signaleringswaarde:
            return "boven"
        if self.percentage < self.minimum:
            return "onder"
        return "binnen"


def reserveposities() -> list[Reservepositie]:
    """Reserve at each budget year's end: start + result + dotatie, on actuals for a complete year,
    on the forecast for a year under way and on the budget for years ahead (five queries)."""
    from financien import conf

    begrotingen = list(Begroting.objects.order_by("jaar"))
    jaren = [b.jaar for b in begrotingen]
    begroot: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for jaar, post_id, bedrag in Begrotingsbedrag.objects.filter(begroting__jaar__in=jaren).values_list(
        "begroting__jaar", "post_id", "bedrag"
    ):
        begroot[jaar][post_id] = bedrag
    gerealiseerd: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for rij in (
        Realisatieregel.objects.filter(
            realisatie_import__status=ImportStatus.VERWERKT, realisatie_import__jaar__in=jaren
        )
        .values("realisatie_import__jaar", "post_id")
        .annotate(s=Sum("bedrag"))
    ):
        gerealiseerd[rij["realisatie_import__jaar"]][rij["post_id"]] = rij["s"]
    maanden = dict(
        RealisatieImport.objects.verwerkt()
        .filter(jaar__in=jaren)
        .values("jaar")
        .annotate(m=Max("maand"))
        .values_list("jaar", "m")
    )
    blok_van = dict(Begrotingspost.objects.values_list("pk", "blok"))
    params = {p.jaar: p for p in Jaarparameters.objects.actueel().filter(jaar__in=jaren)}
    posities: list[Reservepositie] = []
    vorige: Reservepositie | None = None
    for begroting in begrotingen:
        jaar, m = begroting.jaar, maanden.get(begroting.jaar, 0)
        baten = lasten = dotatie = NUL
        for post_id in set(begroot[jaar]) | set(gerealiseerd[jaar]):
            bedrag = lineaire_prognose(begroot[jaar].get(post_id, NUL), gerealiseerd[jaar].get(post_id, NUL), m)
            blok = blok_van[post_id]
            if blok == Blok.BATEN:
                baten += bedrag
            else:
                lasten += bedrag
                if blok == Blok.RESERVE:
                    dotatie += bedrag
        if begroting.reserve_begin is not None:
            begin, bekend = begroting.reserve_begin, True
        elif vorige is not None:
            begin, bekend = vorige.eind, vorige.begin_bekend
        else:
            begin, bekend = NUL, False
        p = params.get(jaar)
        positie = Reservepositie(
            jaar=jaar,
            basis="realisatie" if m >= 12 else "prognose" if m else "begroting",
            maanden=m,
            begin=begin,
            begin_bekend=bekend,
            baten=baten,
            lasten=lasten,
            dotatie=dotatie,
            signaleringswaarde=p.signaleringswaarde_percentage if p else conf.signaleringswaarde_standaard(),
            minimum=p.minimum_reserve_percentage if p else conf.minimum_reserve_standaard(),
        )
        posities.append(positie)
        vorige = positie
    return posities


# --- budget lines computed from the parameters ------------------------------------------------


def bedragen_uit_parameters(parameters: Jaarparameters, *, vandaag: date) -> dict[str, Decimal | None]:
    """The amount of every computed basis for the year; ``None`` where the source is absent."""
    leerlingen, bekostiging = bekostiging_voor(parameters)
    afdracht = afdrachtprognose(parameters, vandaag=vandaag, leerlingen=leerlingen)
    verdeling = toewijzing(parameters)
    heeft_telling = leerlingen.gebruikte_teldatum is not None
    return {
        Grondslag.LICHTE_PERSONEEL: bekostiging.lichte_personeel if heeft_telling else None,
        Grondslag.LICHTE_MATERIEEL: bekostiging.lichte_materieel if heeft_telling else None,
        Grondslag.ZWARE_NORMATIEF: bekostiging.zware_normatief if heeft_telling else None,
        Grondslag.VEREVENING: bekostiging.verevening,
        Grondslag.SO_AFDRACHT: afdracht.so_totaal if afdracht.aanwezig else None,
        Grondslag.SBO_AFDRACHT: afdracht.sbo.bedrag if afdracht.aanwezig and afdracht.sbo else None,
        Grondslag.BASISONDERSTEUNING: sum((b.basis + b.per_leerling for b in verdeling.besturen), NUL)
        if heeft_telling
        else None,
        Grondslag.ARRANGEMENTENBUDGET: sum((b.bedrag for b in parameters.arrangementenbudgetten.all()), NUL),
    }
