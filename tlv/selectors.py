"""Reads of the TLV app; every selector takes ``user`` and starts from ``visible_to`` (except the
finance contract's aggregate, which holds no pupil data).

Contracts for other apps (docs/tlv.md): ``tlv_aantallen_voor_bekostiging`` and
``tlvs_voor_bekostiging`` (finance), ``tlv_kengetallen``, ``tlv_actief_op_einde`` and ``tlv_pijplijn``
(reporting).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import BooleanField, Case, Count, ExpressionWrapper, F, Q, QuerySet, Value, When
from django.utils import timezone

from swv.access import heeft_rol
from swv.choices import Rol
from swv.waarden import leeftijd_op
from tlv import termijnen
from tlv.choices import (
    GELDIG,
    IN_BEHANDELING,
    LOPENDE_AANVRAAG,
    Beeindigingsreden,
    Categorie,
    Route,
    TLVSoort,
    TLVStatus,
)
from tlv.models import TLV, Bezwaar
from tlv.querysets import TLVQuerySet, tlv_regel

#: The actions a detail page offers, each checked with the same rule as the services use.
ACTIES = (
    "change",
    "beoordelen",
    "besluiten",
    "plaatsen",
    "verlengen",
    "terugkeer",
    "beeindigen",
    "bezwaar",
    "bezwaar_beslissen",
)


def rechten(user, tlv: TLV) -> set[str]:
    """The actions ``user`` may take on ``tlv`` (one query; the services check again)."""
    annotaties = {f"mag_{a}": ExpressionWrapper(tlv_regel(user, a), output_field=BooleanField()) for a in ACTIES}
    rij = TLV.objects.filter(pk=tlv.pk).annotate(**annotaties).values(*annotaties).first() or {}
    return {a for a in ACTIES if rij.get(f"mag_{a}")}


def _lijst(qs: QuerySet) -> QuerySet:
    return qs.select_related("leerling", "aanvragende_school", "beoogde_school").order_by("-aangemaakt", "-pk")


def tlv_lijst(user, *, status: str = "") -> QuerySet:
    """The TLVs of the user's school(s): as requesting school, or as S(B)O school once submitted.

    Requests in progress first, then TLVs in force, then the ended ones; newest first within each.
    """
    qs = TLV.objects.visible_to(user)
    if status in TLVStatus.values:
        qs = qs.filter(status=status)
    volgorde = Case(
        When(status__in=LOPENDE_AANVRAAG, then=Value(0)), When(status__in=GELDIG, then=Value(1)), default=Value(2)
    )
    return qs.select_related("leerling", "aanvragende_school", "beoogde_school").order_by(
        volgorde, F("eerst_ingediend_op").desc(nulls_first=True), "-pk"
    )


@dataclass
class Werkitem:
    tlv: TLV
    termijn: date | None
    opgeschort: bool

    @property
    def te_laat(self) -> bool:
        return bool(self.termijn and not self.opgeschort and self.termijn < timezone.localdate())


def werkvoorraad(user) -> dict:
    """The TLC queue: requests in progress with their decision term (overdue first), open objections."""
    qs = TLV.objects.visible_to(user, "beoordelen") | TLV.objects.visible_to(user, "besluiten")
    items = []
    rijen = _lijst(qs.filter(status__in=IN_BEHANDELING)).only(
        "uuid",
        "status",
        "soort",
        "voorgestelde_categorie",
        "ingediend_op",
        "opgeschort_dagen",
        "aangemaakt",
        "leerling__voornaam",
        "leerling__tussenvoegsel",
        "leerling__achternaam",
        "aanvragende_school__naam",
        "beoogde_school__naam",
    )
    for tlv in rijen:
        opgeschort = tlv.status == TLVStatus.AANVULLING_GEVRAAGD
        items.append(Werkitem(tlv, termijnen.beslistermijn(tlv.ingediend_op, tlv.opgeschort_dagen), opgeschort))
    items.sort(key=lambda i: (i.opgeschort, i.termijn or date.max))
    bezwaren = list(
        Bezwaar.objects.visible_to(user, "change")
        .open_()
        .select_related("tlv")
        .only(
            "uuid",
            "status",
            "ontvangen_op",
            "termijn_einde",
            "binnen_termijn",
            "verdaagd_op",
            "tlv__nummer",
            "tlv__soort",
        )
        .order_by("ontvangen_op")
    )
    for b in bezwaren:
        b.beslistermijn = termijnen.bezwaar_beslistermijn(b.termijn_einde, verdaagd=bool(b.verdaagd_op))
    return {"items": items, "bezwaren": bezwaren, "te_laat": sum(i.te_laat for i in items)}


@dataclass(frozen=True)
class Registerfilter:
    soort: str = ""
    categorie: str = ""
    school_id: int | None = None
    bestuur_id: int | None = None
    status: str = ""
    afgegeven_van: date | None = None
    afgegeven_tot: date | None = None
    actief_op: date | None = None


def register(user, filters: Registerfilter | None = None) -> QuerySet:
    """The TLV register (TLC, DB, beleidsmedewerker): every submitted request, filtered."""
    f = filters or Registerfilter()
    qs = TLV.objects.visible_to(user, "register")
    if f.soort:
        qs = qs.filter(soort=f.soort)
    if f.categorie:
        qs = qs.filter(categorie=f.categorie)
    if f.school_id:
        qs = qs.filter(Q(aanvragende_school_id=f.school_id) | Q(beoogde_school_id=f.school_id))
    if f.bestuur_id:
        qs = qs.filter(Q(aanvragende_school__bestuur_id=f.bestuur_id) | Q(beoogde_school__bestuur_id=f.bestuur_id))
    if f.status:
        qs = qs.filter(status=f.status)
    if f.afgegeven_van:
        qs = qs.filter(afgegeven_op__gte=f.afgegeven_van)
    if f.afgegeven_tot:
        qs = qs.filter(afgegeven_op__lte=f.afgegeven_tot)
    if f.actief_op:
        qs = qs.actief_op(f.actief_op)
    return qs.select_related("aanvragende_school", "beoogde_school").order_by("-eerst_ingediend_op", "-pk")


#: Columns of the DUO reconciliation file (docs/tlv.md).
DUO_KOLOMMEN = ("tlv_nummer", "bsn_of_onderwijsnummer", "soort", "categorie", "begindatum", "einddatum", "swv_code")


def duo_rijen(user):
    """Rows of the DUO reconciliation file: every issued TLV, with the pupil's BSN (or onderwijsnummer).

    The only place a BSN leaves the portal; the view logs the export. DB and beleidsmedewerker only.
    """
    if not heeft_rol(user, Rol.DB, Rol.BELEIDSMEDEWERKER):
        return
    qs = (
        TLV.objects.visible_to(user, "register")
        .afgegeven()
        .order_by("nummer")
        .values_list(
            "nummer",
            "leerling__bsn",
            "leerling__onderwijsnummer",
            "soort",
            "categorie",
            "ingangsdatum",
            "einddatum",
            "aanvragende_school__swv__code",
        )
    )
    for nummer, bsn, onderwijsnummer, soort, categorie, begin, einde, swv in qs.iterator(chunk_size=5000):
        yield (
            nummer,
            bsn or onderwijsnummer,
            soort,
            categorie,
            begin.isoformat(),
            einde.isoformat() if einde else "",
            swv,
        )


def tlv_aantallen_voor_bekostiging(*, peildatum: date) -> list[dict]:
    """CONTRACT (finance): TLVs of this SWV active on ``peildatum`` per soort and category.

    Always four rows: ``{"soort": "SBO", "categorie": "", "aantal": n}`` and one per SO category
    (``laag``/``midden``/``hoog``). Aggregate numbers only, so no user is needed.
    """
    tellingen = {
        (r["soort"], r["categorie"]): r["aantal"]
        for r in TLV.objects.actief_op(peildatum).values("soort", "categorie").annotate(aantal=Count("pk")).order_by()
    }
    sleutels = [(TLVSoort.SBO.value, ""), *((TLVSoort.SO.value, c.value) for c in Categorie)]
    return [{"soort": s, "categorie": c, "aantal": tellingen.get((s, c), 0)} for s, c in sleutels]


def tlvs_voor_bekostiging(user, *, peildatum: date, soort: str, categorie: str) -> QuerySet:
    """CONTRACT (finance): the TLVs behind one number of ``tlv_aantallen_voor_bekostiging``, scoped
    to ``user`` (DB, beleidsmedewerker, controller and TLC; anyone else gets an empty queryset)."""
    return (
        TLV.objects.visible_to(user, "bekostiging")
        .actief_op(peildatum)
        .filter(soort=soort, categorie="" if soort == TLVSoort.SBO else categorie)
        .select_related("aanvragende_school", "beoogde_school")
        .order_by("nummer")
    )


@dataclass(frozen=True)
class Periode:
    """The filters the key-figure selectors read (the reporting app's ``Filters`` has the same names)."""

    begin: date
    einde: date
    bestuur_id: int | None = None
    kring_id: int | None = None
    gemeente_id: int | None = None
    school_id: int | None = None


def _scope(user, filters) -> TLVQuerySet:
    """TLVs behind the key figures: the user's aggregate scope narrowed by the organisation filters
    of ``filters`` (any object with ``bestuur_id``/``kring_id``/``gemeente_id``/``school_id``, and
    optionally ``soorten``: school types, as the reporting app's ``Filters`` has). Every filter
    applies to the requesting school."""
    qs = TLV.objects.visible_to(user, "aggregaat")
    for attr, veld in (
        ("bestuur_id", "bestuur_id"),
        ("kring_id", "kring_id"),
        ("gemeente_id", "gemeente_id"),
        ("school_id", "id"),
    ):
        waarde = getattr(filters, attr, None)
        if waarde:
            qs = qs.filter(**{f"aanvragende_school__{veld}": waarde})
    soorten = getattr(filters, "soorten", None)
    if soorten:
        qs = qs.filter(aanvragende_school__soort__in=soorten)
    return qs


def _actief_per_soort(qs: TLVQuerySet, peildatum: date) -> list[dict]:
    return list(
        qs.actief_op(peildatum).values("soort", "categorie").annotate(aantal=Count("pk")).order_by("soort", "categorie")
    )


def _spreiding(waarden: list[int]) -> dict:
    if not waarden:
        return {"aantal": 0, "mediaan": None, "p25": None, "p75": None, "min": None, "max": None}
    waarden = sorted(waarden)
    if len(waarden) > 1:
        p25, _p50, p75 = statistics.quantiles(waarden, n=4, method="inclusive")
    else:
        p25 = p75 = waarden[0]
    return {
        "aantal": len(waarden),
        "mediaan": round(statistics.median(waarden), 1),
        "p25": round(p25, 1),
        "p75": round(p75, 1),
        "min": waarden[0],
        "max": waarden[-1],
    }


def tlv_kengetallen(user, filters) -> dict:
    """CONTRACT (reporting): key figures of the TLC annual report over ``filters.begin`` ..
    ``filters.einde`` (see docs/tlv.md for every key). Aggregates only."""
    begin, einde = filters.begin, filters.einde
    qs = _scope(user, filters)
    aanvragen = list(
        qs.filter(eerst_ingediend_op__range=(begin, einde))
        .order_by()
        .values(
            "eerst_ingediend_op",
            "soort",
            "leerling__geboortedatum",
            "aanvragende_school__naam",
            "aanvragende_school__bestuur__naam",
        )
    )
    besluiten = list(
        qs.filter(besluit_datum__range=(begin, einde))
        .order_by()
        .values(
            "afgegeven_op", "besluit_datum", "eerst_ingediend_op", "soort", "categorie", "route", "opgeschort_dagen"
        )
    )
    afgegeven = [b for b in besluiten if b["afgegeven_op"]]
    doorlooptijden = [(b["besluit_datum"] - b["eerst_ingediend_op"]).days for b in besluiten if b["eerst_ingediend_op"]]
    per_soort = Counter((b["soort"], b["categorie"]) for b in afgegeven)
    leeftijden = Counter(min(leeftijd_op(a["leerling__geboortedatum"], a["eerst_ingediend_op"]), 13) for a in aanvragen)
    mei_juli = sum(1 for a in aanvragen if a["eerst_ingediend_op"].month in (5, 6, 7))
    return {
        "aanvragen": len(aanvragen),
        "afgegeven": len(afgegeven),
        "geweigerd": len(besluiten) - len(afgegeven),
        "doorlooptijd_gemiddeld": round(statistics.mean(doorlooptijden), 1) if doorlooptijden else None,
        "doorlooptijd_mediaan": statistics.median(doorlooptijden) if doorlooptijden else None,
        "afgegeven_per_soort": [{"soort": s, "categorie": c, "aantal": n} for (s, c), n in sorted(per_soort.items())],
        "aanvragen_per_leeftijd": [{"leeftijd": k, "aantal": n} for k, n in sorted(leeftijden.items())],
        "aanvragen_per_school": [
            {"school": k, "aantal": n}
            for k, n in Counter(a["aanvragende_school__naam"] for a in aanvragen).most_common()
        ],
        "aanvragen_per_bestuur": [
            {"bestuur": k, "aantal": n}
            for k, n in Counter(a["aanvragende_school__bestuur__naam"] for a in aanvragen).most_common()
        ],
        "aandeel_mei_juli": round(100 * mei_juli / len(aanvragen), 1) if aanvragen else None,
        "aanvragen_mei_juli": mei_juli,
        "verlengingen": sum(1 for b in afgegeven if b["route"] == Route.VERLENGING),
        "rechtstreeks": sum(1 for b in afgegeven if b["route"] == Route.RECHTSTREEKS),
        "terugplaatsingen": qs.filter(
            beeindigingsreden=Beeindigingsreden.TERUGGEPLAATST, beeindigd_op__range=(begin, einde)
        ).count(),
        "actief_op_einde": _actief_per_soort(qs, einde),
    }


def tlv_actief_op_einde(user, filters) -> list[dict]:
    """CONTRACT (reporting): ``actief_op_einde`` of ``tlv_kengetallen`` on its own, in one query:
    TLVs active on ``filters.einde`` per soort and category [{soort, categorie, aantal}]."""
    return _actief_per_soort(_scope(user, filters), filters.einde)


def tlv_pijplijn(user, filters) -> dict:
    """CONTRACT (reporting): waiting time from issue to placement (pijplijn) per S(B)O school over
    TLVs issued in ``filters.begin`` .. ``filters.einde``: median and spread in days, plus the pupils
    still waiting today."""
    vandaag = timezone.localdate()
    rijen = (
        _scope(user, filters)
        .filter(afgegeven_op__range=(filters.begin, filters.einde), beoogde_school__isnull=False)
        .values_list("beoogde_school_id", "beoogde_school__naam", "afgegeven_op", "plaatsingsdatum", "status")
    )
    geplaatst: dict[tuple, list[int]] = defaultdict(list)
    wachtend: dict[tuple, list[int]] = defaultdict(list)
    for school_id, naam, afgegeven, geplaatst_op, status in rijen:
        if geplaatst_op:
            geplaatst[(school_id, naam)].append((geplaatst_op - afgegeven).days)
        elif status in GELDIG:
            wachtend[(school_id, naam)].append((vandaag - afgegeven).days)
    scholen = sorted(set(geplaatst) | set(wachtend), key=lambda k: k[1])
    alle = [d for lijst in geplaatst.values() for d in lijst]
    return {
        "totaal": _spreiding(alle),
        "per_school": [
            {
                "school": naam,
                **_spreiding(geplaatst[(sid, naam)]),
                "wachtend": len(wachtend[(sid, naam)]),
                "langst_wachtend": max(wachtend[(sid, naam)], default=None),
            }
            for sid, naam in scholen
        ],
    }
