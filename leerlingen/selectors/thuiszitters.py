"""Reads of thuiszitter and zorgplicht cases, including the dashboard tiles (issue 8 shows them).

Every selector takes ``user`` and starts from ``visible_to``. Counting is by date through ONE
selector, ``thuiszitters_actief_op`` (``sinds <= X`` and no end or ``einddatum > X``), used by the
list, the Excel export and the tiles. Tiles aggregate in SQL with a fixed number of queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, F, Max, OuterRef, Prefetch, Q, Subquery, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from leerlingen import conf
from leerlingen.models import (
    Inschrijving,
    Ketenpartner,
    Ladderstap,
    Ladderstapwijziging,
    Leerling,
    Thuiszittercasus,
    ThuiszitterStatuswijziging,
    Zorgplichtcasus,
)
from swv.access import bestuur_ids, heeft_rol, school_ids
from swv.choices import Rol
from swv.models import Leerlingtelling, School

FILTERS = ("soort", "school", "bestuur", "kring", "gemeente", "signaal", "stap", "zoek")
#: Who counts cases in aggregate tiles (``visible_to(user, "tellen")``): the DB and beleidsmedewerker
#: the whole SWV, a bestuurder the board's schools.
TELLEN_ROLLEN = (Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.BESTUURDER)


def mag_tellen(user) -> bool:
    """Whether the user counts cases in aggregate tiles at all (others get no numbers, not zeros)."""
    return heeft_rol(user, *TELLEN_ROLLEN)


def heeft_opp(leerling: Leerling) -> bool:
    """Whether the pupil has an OPP, as recorded on the pupil's latest thuiszitter case.

    The OPP model (pupil dossier, issue 3) is built in parallel; once it lands this function should
    read it (a current, consented OPP of the pupil) and the case's ``heeft_opp`` field (and
    ``Thuiszittercasus.regel_zonder_opp``) should follow from it. Until then the ib-er or consulent
    maintains the flag with its date on the case.
    """
    return bool(
        Thuiszittercasus.objects.filter(leerling=leerling)
        .order_by("-sinds", "-pk")
        .values_list("heeft_opp", flat=True)
        .first()
    )


def _als_pk(waarde) -> int | None:
    if waarde in (None, ""):
        return None
    if hasattr(waarde, "pk"):
        return waarde.pk
    try:
        return int(waarde)
    except (TypeError, ValueError):
        return -1  # an unknown value matches nothing (never everything)


def _filteren(
    qs,
    datum: date,
    *,
    soort: str = "",
    school=None,
    bestuur=None,
    kring=None,
    gemeente=None,
    signaal: str = "",
    stap=None,
    zoek: str = "",
):
    if soort:
        qs = qs.filter(soort=soort)
    if (pk := _als_pk(school)) is not None:
        qs = qs.filter(school_id=pk)
    if (pk := _als_pk(bestuur)) is not None:
        qs = qs.filter(school__bestuur_id=pk)
    if (pk := _als_pk(kring)) is not None:
        qs = qs.filter(school__kring_id=pk)
    if (pk := _als_pk(gemeente)) is not None:
        qs = qs.filter(gemeente_id=pk)
    if (pk := _als_pk(stap)) is not None:
        qs = qs.filter(huidige_stap_id=pk)
    if signaal == "termijn":
        qs = qs.filter(Thuiszittercasus.regel_over_termijn(datum))
    elif signaal == "zonder_opp":
        qs = qs.filter(Thuiszittercasus.regel_zonder_opp())
    elif signaal == "zonder_inschrijving":
        qs = qs.filter(Thuiszittercasus.regel_zonder_inschrijving())
    elif signaal:
        qs = qs.none()
    if zoek:
        ids = Leerling.objects.zoek(zoek).values("pk")
        qs = qs.filter(leerling_id__in=ids)
    return qs


def thuiszitters_actief_op(user, datum: date | None = None, *, action: str = "view", **filters):
    """THE selector for "active on date X" (every list, export and tile uses it)."""
    datum = datum or timezone.localdate()
    return _filteren(Thuiszittercasus.objects.visible_to(user, action).actief_op(datum), datum, **filters)


def thuiszitters_lijst(user, *, datum: date | None = None, status: str = "actief", **filters):
    """Cases for the list page: active on ``datum`` (default), closed, or all; with the flags."""
    datum = datum or timezone.localdate()
    if status == "actief":
        qs = thuiszitters_actief_op(user, datum, **filters)
    else:
        qs = _filteren(Thuiszittercasus.objects.visible_to(user), datum, **filters)
        if status == "afgesloten":
            qs = qs.filter(status=Thuiszittercasus.Status.AFGESLOTEN)
    return (
        qs.met_signalen(datum).select_related("leerling", "school", "gemeente", "huidige_stap").order_by("sinds", "pk")
    )


def thuiszitter_detail(user, uuid):
    """One case (scoped) with what the detail page shows, in a bounded number of queries."""
    return (
        Thuiszittercasus.objects.visible_to(user)
        .select_related(
            "leerling", "school", "school__bestuur", "gemeente", "huidige_stap", "regisseur", "geplaatst_school"
        )
        .prefetch_related(
            Prefetch("partners", queryset=Ketenpartner.objects.order_by("soort", "organisatie")),
            Prefetch(
                "stapwijzigingen",
                queryset=Ladderstapwijziging.objects.select_related("van_stap", "naar_stap", "door").order_by(
                    "-op", "-pk"
                ),
            ),
            Prefetch(
                "statuswijzigingen",
                queryset=ThuiszitterStatuswijziging.objects.select_related("door").order_by("-op", "-pk"),
            ),
        )
        .get(uuid=uuid)
    )


def mag(user, casus, action: str) -> bool:
    return type(casus).objects.visible_to(user, action).filter(pk=casus.pk).exists()


def kandidaat_leerlingen(user, *, zoek: str, limiet: int = 20) -> list[Leerling]:
    """Pupils the user may register a case for: currently enrolled at the user's schools as ib-er,
    directeur or consulent (the beleidsmedewerker: any enrolled pupil). At most ``limiet``."""
    if len(zoek.strip()) < 2:
        return []
    vandaag = timezone.localdate()
    huidig = Inschrijving.objects.filter(leerling=OuterRef("pk")).actief_op(vandaag).order_by("-begindatum")
    qs = (
        Leerling.objects.visible_to(user)
        .zoek(zoek)
        .annotate(
            huidige_school_id=Subquery(huidig.values("school_id")[:1]),
            huidige_school_naam=Subquery(huidig.values("school__naam")[:1]),
            huidige_groep=Subquery(huidig.values("groep")[:1]),
        )
        .filter(huidige_school_id__isnull=False)
    )
    if not heeft_rol(user, Rol.BELEIDSMEDEWERKER):
        qs = qs.filter(huidige_school_id__in=school_ids(user, [Rol.IB_ER, Rol.DIRECTEUR, Rol.CONSULENT]))
    return list(qs.order_by("achternaam", "voornaam", "pk")[:limiet])


def ladderstappen(user):
    return Ladderstap.objects.visible_to(user).order_by("volgorde")


def ketenpartners(user):
    return Ketenpartner.objects.visible_to(user).filter(actief=True).order_by("organisatie", "naam")


# --- zorgplicht ---


def zorgplicht_open_op(user, datum: date | None = None, *, action: str = "view"):
    """Zorgplicht cases open on ``datum``: applied on or before it and not decided by then."""
    datum = datum or timezone.localdate()
    return (
        Zorgplichtcasus.objects.visible_to(user, action)
        .filter(aanmeldingsdatum__lte=datum)
        .filter(Q(besluitdatum__isnull=True) | Q(besluitdatum__gt=datum))
    )


def zorgplicht_lijst(user, *, status: str = "lopend", school=None):
    qs = Zorgplichtcasus.objects.visible_to(user).select_related("leerling", "school", "bestuur")
    if status == "lopend":
        qs = qs.lopend()
    elif status == "besloten":
        qs = qs.filter(status=Zorgplichtcasus.Status.BESLOTEN)
    if (pk := _als_pk(school)) is not None:
        qs = qs.filter(school_id=pk)
    # Nearest deadline first: the extended deadline when there is one.
    from django.db.models.functions import Coalesce

    return qs.annotate(uiterste=Coalesce("verlengd_tot", "termijn_datum")).order_by("uiterste", "pk")


def zorgplicht_detail(user, uuid):
    return (
        Zorgplichtcasus.objects.visible_to(user)
        .select_related("leerling", "school", "bestuur", "andere_school")
        .prefetch_related("statuswijzigingen__door")
        .get(uuid=uuid)
    )


# --- dashboard tiles ---


@dataclass(frozen=True)
class Kwartielen:
    aantal: int
    q1_weken: float | None
    mediaan_weken: float | None
    q3_weken: float | None


def _duur_kwartielen(qs, datum: date, aantal: int) -> Kwartielen:
    """Median and quartiles of the duration (``datum - sinds``) of the cases in ``qs``, in weeks.

    Ordering by ``-sinds`` orders by duration, so each quantile is read in SQL with an OFFSET (two
    rows, for linear interpolation): three small queries, whatever the number of cases."""
    if not aantal:
        return Kwartielen(0, None, None, None)
    geordend = qs.order_by("-sinds").values_list("sinds", flat=True)
    waarden = []
    for q in (0.25, 0.5, 0.75):
        positie = q * (aantal - 1)
        laag = int(positie)
        rijen = list(geordend[laag : laag + 2])
        a = (datum - rijen[0]).days
        b = (datum - rijen[-1]).days
        waarden.append(round((a + (b - a) * (positie - laag)) / 7, 1))
    return Kwartielen(aantal, *waarden)


def _maanden_terug(datum: date, n: int) -> list[date]:
    jaar, maand = datum.year, datum.month
    maanden = []
    for _ in range(n):
        maanden.append(date(jaar, maand, 1))
        jaar, maand = (jaar, maand - 1) if maand > 1 else (jaar - 1, 12)
    return list(reversed(maanden))


def _leerlingaantal(
    user, datum: date, *, school=None, bestuur=None, kring=None, gemeente=None
) -> tuple[int, date | None]:
    """Pupils of the user's counting scope at the latest teldatum on or before ``datum`` (one query)."""
    scholen = School.objects.all()
    if not heeft_rol(user, Rol.DB, Rol.BELEIDSMEDEWERKER):
        scholen = scholen.filter(bestuur_id__in=bestuur_ids(user, [Rol.BESTUURDER]))
    for veld, waarde in (("pk", school), ("bestuur_id", bestuur), ("kring_id", kring), ("gemeente_id", gemeente)):
        if (pk := _als_pk(waarde)) is not None:
            scholen = scholen.filter(**{veld: pk})
    laatste = Leerlingtelling.objects.filter(teldatum__lte=datum).order_by("-teldatum").values("teldatum")[:1]
    rij = Leerlingtelling.objects.filter(school__in=scholen, teldatum=Subquery(laatste)).aggregate(
        totaal=Sum("aantal"), teldatum=Max("teldatum")
    )
    return rij["totaal"] or 0, rij["teldatum"]


def thuiszitters_tegels(
    user, *, datum: date | None = None, school=None, bestuur=None, kring=None, gemeente=None, maanden: int = 12
) -> dict | None:
    """Tiles for the DB / beleidsmedewerker (whole SWV) and bestuurder (own board) dashboards.

    Returns ``None`` for users who may count nothing. Fixed number of queries (about ten):
    totals, flags and per type in one aggregate; per board and per municipality; duration
    quartiles; new and closed per month; zorgplicht open / past 6 / past 10 weeks; pupils at the
    latest teldatum for the rate per 1,000.
    """
    if not mag_tellen(user):
        return None
    datum = datum or timezone.localdate()
    filters = {"school": school, "bestuur": bestuur, "kring": kring, "gemeente": gemeente}
    actief = thuiszitters_actief_op(user, datum, action="tellen", **filters)
    thuiszitters = actief.filter(soort__in=Thuiszittercasus.THUISZITTER_SOORTEN)

    per_soort_kolommen = {f"soort_{s}": Count("pk", filter=Q(soort=s)) for s in Thuiszittercasus.Soort.values}
    totalen = actief.aggregate(
        alle=Count("pk"),
        thuiszitters=Count("pk", filter=Q(soort__in=Thuiszittercasus.THUISZITTER_SOORTEN)),
        over_termijn=Count("pk", filter=Thuiszittercasus.regel_over_termijn(datum)),
        zonder_opp=Count("pk", filter=Thuiszittercasus.regel_zonder_opp()),
        zonder_inschrijving=Count("pk", filter=Thuiszittercasus.regel_zonder_inschrijving()),
        **per_soort_kolommen,
    )
    per_soort = [
        {
            "soort": s,
            "label": label,
            "aantal": totalen[f"soort_{s}"],
            "telt_mee": s in Thuiszittercasus.THUISZITTER_SOORTEN,
        }
        for s, label in Thuiszittercasus.Soort.choices
    ]
    per_bestuur = list(
        thuiszitters.values(naam=F("school__bestuur__naam")).annotate(aantal=Count("pk")).order_by("-aantal", "naam")
    )
    per_gemeente = list(
        thuiszitters.values(naam=F("gemeente__naam")).annotate(aantal=Count("pk")).order_by("-aantal", "naam")
    )

    leerlingen, teldatum = _leerlingaantal(user, datum, **filters)
    per_1000 = round(1000 * totalen["thuiszitters"] / leerlingen, 2) if leerlingen else None

    # New and closed per month over the last ``maanden`` months (by since-date and end date).
    reeks = _maanden_terug(datum, maanden)
    basis = _filteren(
        Thuiszittercasus.objects.visible_to(user, "tellen").filter(soort__in=Thuiszittercasus.THUISZITTER_SOORTEN),
        datum,
        **filters,
    )
    nieuw = dict(
        basis.filter(sinds__gte=reeks[0], sinds__lte=datum)
        .annotate(m=TruncMonth("sinds"))
        .values("m")
        .annotate(n=Count("pk"))
        .values_list("m", "n")
    )
    gesloten = dict(
        basis.filter(einddatum__gte=reeks[0], einddatum__lte=datum)
        .annotate(m=TruncMonth("einddatum"))
        .values("m")
        .annotate(n=Count("pk"))
        .values_list("m", "n")
    )
    per_maand = [{"maand": m, "nieuw": nieuw.get(m, 0), "gesloten": gesloten.get(m, 0)} for m in reeks]

    zes = timedelta(weeks=conf.zorgplicht_termijn_weken())
    tien = zes + timedelta(weeks=conf.zorgplicht_verlenging_weken())
    zorgplicht = zorgplicht_open_op(user, datum, action="tellen")
    if (pk := _als_pk(school)) is not None:
        zorgplicht = zorgplicht.filter(school_id=pk)
    if (pk := _als_pk(bestuur)) is not None:
        zorgplicht = zorgplicht.filter(bestuur_id=pk)
    if (pk := _als_pk(kring)) is not None:
        zorgplicht = zorgplicht.filter(school__kring_id=pk)
    if (pk := _als_pk(gemeente)) is not None:
        zorgplicht = zorgplicht.filter(school__gemeente_id=pk)
    zorgplicht_tellingen = zorgplicht.aggregate(
        open=Count("pk"),
        na_zes_weken=Count("pk", filter=Q(aanmeldingsdatum__lt=datum - zes)),
        na_tien_weken=Count("pk", filter=Q(aanmeldingsdatum__lt=datum - tien)),
    )

    return {
        "datum": datum,
        "actief": totalen["thuiszitters"],
        "alle_casussen": totalen["alle"],
        "per_1000": per_1000,
        "leerlingen": leerlingen,
        "teldatum": teldatum,
        "over_termijn": totalen["over_termijn"],
        "zonder_opp": totalen["zonder_opp"],
        "zonder_inschrijving": totalen["zonder_inschrijving"],
        "per_soort": per_soort,
        "per_bestuur": per_bestuur,
        "per_gemeente": per_gemeente,
        "duur": _duur_kwartielen(thuiszitters, datum, totalen["thuiszitters"]),
        "per_maand": per_maand,
        "max_per_maand": max([1] + [max(r["nieuw"], r["gesloten"]) for r in per_maand]),
        "zorgplicht": zorgplicht_tellingen,
        "termijn_weken": conf.thuiszitters_aanbod_termijn_weken(),
    }


def kerncijfers(user) -> dict:
    """A few numbers for the home page (two aggregate queries): thuiszitters active today in the
    user's scope (counting scope for DB/bestuurder, case scope for school staff), and zorgplicht."""
    vandaag = timezone.localdate()
    action = "tellen" if heeft_rol(user, Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.BESTUURDER) else "view"
    zes = timedelta(weeks=conf.zorgplicht_termijn_weken())
    cijfers = thuiszitters_actief_op(user, vandaag, action=action).aggregate(
        actief=Count("pk", filter=Q(soort__in=Thuiszittercasus.THUISZITTER_SOORTEN)),
        over_termijn=Count("pk", filter=Thuiszittercasus.regel_over_termijn(vandaag)),
    )
    cijfers.update(
        zorgplicht_open_op(user, vandaag, action=action).aggregate(
            zorgplicht_open=Count("pk"),
            zorgplicht_na_zes_weken=Count("pk", filter=Q(aanmeldingsdatum__lt=vandaag - zes)),
        )
    )
    return cijfers
