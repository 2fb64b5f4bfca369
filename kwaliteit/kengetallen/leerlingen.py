"""Key figures from the organisation register's DUO counts: pupils per soort and teldatum with
trend, participation rates SBO/SO against the national figure, and pupils per bestuur, kring and
gemeente. Each is one aggregate query (plus one for the national figures or the latest count date),
whatever the number of schools or years."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from django.db.models import Count, Max, Q, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kwaliteit.choices import Domein
from kwaliteit.conf import trendjaren
from kwaliteit.kengetallen.hulp import percentage
from kwaliteit.kengetallen.register import Grafiek, Kerncijfer, Kolom, Reeks, Tabel, Uitkomst, kengetal
from kwaliteit.onderdrukking import Som, cel, kc
from swv.choices import Soort
from swv.models import Leerlingtelling

#: DUO soort -> the three groups of REPORTING.md (SO/VSO vestigingen count as SO).
GROEP: dict[str, str] = {Soort.BO: "bo", Soort.SBO: "sbo", Soort.SO: "so", Soort.SO_VSO: "so"}
GROEPEN = ("bo", "sbo", "so")


def _teldatum_tekst(teldatum: date | None) -> str:
    from kwaliteit.opmaak import formatteer

    return formatteer(teldatum, "datum") if teldatum else ""


def tellingen_per_soort(user, filters, *, met_soort: bool = True) -> tuple[dict[date, dict[str, int]], int]:
    """{teldatum: {"bo": n, "sbo": n, "so": n}} up to the period's end, and the number of counts
    that DUO masked as "<5" (not included). One GROUP BY query."""
    rijen = (
        Leerlingtelling.objects.filter(
            school__in=filters.scholen(user, met_soort=met_soort), teldatum__lte=filters.einde
        )
        .values("teldatum", "school__soort")
        .annotate(n=Sum("aantal"), gemaskeerd=Count("pk", filter=Q(minder_dan_vijf=True)))
        .order_by("teldatum")
    )
    per_datum: dict[date, dict[str, int]] = defaultdict(lambda: dict.fromkeys(GROEPEN, 0))
    gemaskeerd = 0
    for rij in rijen:
        per_datum[rij["teldatum"]][GROEP[rij["school__soort"]]] += rij["n"] or 0
        gemaskeerd += rij["gemaskeerd"]
    laatste = sorted(per_datum)[-trendjaren() :]
    return {d: per_datum[d] for d in laatste}, gemaskeerd


def _scholen_link(filters, **extra) -> str:
    return f"{reverse('kwaliteit:dashboard_scholen')}?{filters.met(**extra).querystring()}"


def _teldatum_toelichting(teldatum, gemaskeerd: int):
    tekst = _("Count date %(datum)s (DUO).") % {"datum": _teldatum_tekst(teldatum)}
    if gemaskeerd:
        tekst += " " + _("%(n)s school counts that DUO masked as fewer than 5 are not included.") % {"n": gemaskeerd}
    return tekst


@kengetal(
    sleutel="leerlingen_per_soort",
    titel=_("Pupils per type of school"),
    domein=Domein.LEERLINGEN,
    volgorde=10,
    beschrijving=_("Pupils in BO, SBO and SO at each count date, with the growth compared with the previous count."),
    indicatoren={"totaal": _("pupils in total"), "groei": _("growth compared with the previous count (%)")},
    drilldown=lambda f: _scholen_link(f),
)
def leerlingen_per_soort(user, filters) -> Uitkomst:
    per_datum, gemaskeerd = tellingen_per_soort(user, filters)
    rijen: list[dict[str, Any]] = []
    vorige = None
    for teldatum, n in per_datum.items():
        totaal = sum(n.values())
        rijen.append(
            {
                "teldatum": teldatum,
                **n,
                "totaal": totaal,
                "groei": percentage(totaal - vorige, vorige) if vorige else None,
            }
        )
        vorige = totaal
    laatste: dict[str, Any] = rijen[-1] if rijen else {}
    tabel = Tabel(
        titel=_("Pupils per type of school and count date"),
        kolommen=[
            Kolom("teldatum", _("Count date"), "datum"),
            Kolom("bo", _("BO"), "aantal"),
            Kolom("sbo", _("SBO"), "aantal"),
            Kolom("so", _("SO"), "aantal"),
            Kolom("totaal", _("Total"), "aantal"),
            Kolom("groei", _("Growth (%)"), "percentage"),
        ],
        rijen=rijen,
        rijsommen=(("totaal", ("bo", "sbo", "so")),),
    )
    grafiek = Grafiek(
        soort="lijn",
        titel=_("Pupils in total per count date"),
        labels=[str(r["teldatum"].year) for r in rijen],
        reeksen=[Reeks(_("Total"), [r["totaal"] for r in rijen], tabelkolom=(0, "totaal"))],
    )
    return Uitkomst(
        # The headline figure repeats the latest count date's total (secondary suppression).
        sommen=[Som(kc("totaal"), (cel(0, len(rijen) - 1, "totaal"),))] if rijen else [],
        kerncijfers=[
            Kerncijfer(
                "totaal",
                _("pupils"),
                laatste.get("totaal"),
                "aantal",
                _teldatum_toelichting(laatste.get("teldatum"), gemaskeerd) if laatste else "",
            ),
            Kerncijfer(
                "groei", _("growth"), laatste.get("groei"), "percentage", _("compared with the previous count date")
            ),
        ],
        tabellen=[tabel],
        grafiek=grafiek if rijen else None,
    )


@kengetal(
    sleutel="deelnamepercentage",
    titel=_("Participation rate SBO and SO"),
    domein=Domein.LEERLINGEN,
    volgorde=20,
    beschrijving=_("Share of the pupils in SBO and in SO at each count date, next to the national figure."),
    indicatoren={
        "sbo": _("participation rate SBO (%)"),
        "so": _("participation rate SO (%)"),
        "so_min_landelijk": _("SO minus the national rate (percentage points)"),
        "sbo_min_landelijk": _("SBO minus the national rate (percentage points)"),
    },
    drilldown=lambda f: _scholen_link(f, soort=f.soort),
)
def deelnamepercentage(user, filters) -> Uitkomst:
    from kwaliteit.models import LandelijkCijfer

    # The denominator is every pupil in the organisation scope, whatever the soort filter.
    per_datum, gemaskeerd = tellingen_per_soort(user, filters, met_soort=False)
    landelijk = {c.teldatum: c for c in LandelijkCijfer.objects.filter(teldatum__in=list(per_datum))}
    rijen: list[dict[str, Any]] = []
    for teldatum, n in per_datum.items():
        totaal = sum(n.values())
        land = landelijk.get(teldatum)
        rijen.append(
            {
                "teldatum": teldatum,
                "totaal": totaal,
                "sbo": n["sbo"],
                "sbo_pct": percentage(n["sbo"], totaal),
                "sbo_land": land.percentage_sbo if land else None,
                "so": n["so"],
                "so_pct": percentage(n["so"], totaal),
                "so_land": land.percentage_so if land else None,
            }
        )
    laatste: dict[str, Any] = rijen[-1] if rijen else {}

    def verschil(eigen, land):
        return None if eigen is None or land is None else eigen - land

    tabel = Tabel(
        titel=_("Participation rate SBO and SO per count date, with the national figure"),
        kolommen=[
            Kolom("teldatum", _("Count date"), "datum"),
            Kolom("totaal", _("All pupils"), "aantal"),
            Kolom("sbo", _("SBO pupils"), "aantal"),
            Kolom("sbo_pct", _("SBO (%)"), "percentage", teller="sbo", noemer="totaal"),
            Kolom("sbo_land", _("SBO national (%)"), "percentage"),
            Kolom("so", _("SO pupils"), "aantal"),
            Kolom("so_pct", _("SO (%)"), "percentage", teller="so", noemer="totaal"),
            Kolom("so_land", _("SO national (%)"), "percentage"),
        ],
        rijen=rijen,
        voetnoot=_("SO includes SO/VSO locations. National figures: entered per year or computed from DUO's file."),
    )
    labels = [str(r["teldatum"].year) for r in rijen]
    grafiek = Grafiek(
        soort="lijn",
        titel=_("Participation rate SBO and SO against the national figure"),
        labels=labels,
        eenheid="%",
        reeksen=[
            Reeks(_("SBO"), [r["sbo_pct"] for r in rijen], "percentage"),
            Reeks(_("SBO national"), [r["sbo_land"] for r in rijen], "percentage", gestippeld=True),
            Reeks(_("SO"), [r["so_pct"] for r in rijen], "percentage"),
            Reeks(_("SO national"), [r["so_land"] for r in rijen], "percentage", gestippeld=True),
        ],
    )
    land_tekst = _("national: %(waarde)s")
    from kwaliteit.opmaak import formatteer

    return Uitkomst(
        kerncijfers=[
            Kerncijfer(
                "sbo",
                _("SBO"),
                laatste.get("sbo_pct"),
                "percentage",
                land_tekst % {"waarde": formatteer(laatste.get("sbo_land"), "percentage")},
                teller=laatste.get("sbo"),
            ),
            Kerncijfer(
                "so",
                _("SO"),
                laatste.get("so_pct"),
                "percentage",
                land_tekst % {"waarde": formatteer(laatste.get("so_land"), "percentage")},
                teller=laatste.get("so"),
            ),
            Kerncijfer(
                "sbo_min_landelijk",
                _("SBO against national"),
                verschil(laatste.get("sbo_pct"), laatste.get("sbo_land")),
                "getal",
                _("percentage points"),
            ),
            Kerncijfer(
                "so_min_landelijk",
                _("SO against national"),
                verschil(laatste.get("so_pct"), laatste.get("so_land")),
                "getal",
                _("percentage points"),
            ),
        ],
        tabellen=[tabel],
        grafiek=grafiek if rijen else None,
        toelichting=_teldatum_toelichting(laatste.get("teldatum"), gemaskeerd) if laatste else "",
    )


def _per_groep(user, filters, veld: str, naam_veld: str, filter_naam: str, titel, kolomlabel, meervoud) -> Uitkomst:
    """Pupils per bestuur / kring / gemeente at the latest count date of the period (two queries)."""
    scholen = filters.scholen(user)
    teldatum = Leerlingtelling.objects.filter(school__in=scholen, teldatum__lte=filters.einde).aggregate(
        t=Max("teldatum")
    )["t"]
    if teldatum is None:
        return Uitkomst(kerncijfers=[Kerncijfer("aantal", meervoud, None, "getal")], tabellen=[])
    rijen_db = (
        Leerlingtelling.objects.filter(school__in=scholen, teldatum=teldatum)
        .values(f"school__{veld}", f"school__{naam_veld}", "school__soort")
        .annotate(n=Sum("aantal"), scholen=Count("school", distinct=True))
    )
    groepen: dict[Any, dict[str, Any]] = {}
    for rij in rijen_db:
        sleutel = rij[f"school__{veld}"]
        g = groepen.setdefault(
            sleutel, {"naam": rij[f"school__{naam_veld}"] or _("(none)"), "scholen": 0, **dict.fromkeys(GROEPEN, 0)}
        )
        g[GROEP[rij["school__soort"]]] += rij["n"] or 0
        g["scholen"] += rij["scholen"]
    alles = sum(sum(g[k] for k in GROEPEN) for g in groepen.values())
    rijen: list[dict[str, Any]] = []
    for sleutel, g in groepen.items():
        totaal = sum(g[k] for k in GROEPEN)
        rijen.append(
            {
                **g,
                "totaal": totaal,
                "aandeel": percentage(totaal, alles),
                "_link": _scholen_link(filters, **{filter_naam: sleutel}) if sleutel else None,
            }
        )
    rijen.sort(key=lambda r: (-r["totaal"], str(r["naam"])))
    tabel = Tabel(
        titel=titel,
        kolommen=[
            Kolom("naam", kolomlabel),
            Kolom("scholen", _("Schools"), "getal"),
            Kolom("bo", _("BO"), "aantal"),
            Kolom("sbo", _("SBO"), "aantal"),
            Kolom("so", _("SO"), "aantal"),
            Kolom("totaal", _("Total"), "aantal"),
            Kolom("aandeel", _("Share (%)"), "percentage", teller="totaal"),
        ],
        rijen=rijen,
        voetnoot=_("Count date %(datum)s.") % {"datum": _teldatum_tekst(teldatum)},
        rijsommen=(("totaal", ("bo", "sbo", "so")),),
    )
    grafiek = Grafiek(
        soort="staaf",
        titel=titel,
        labels=[str(r["naam"]) for r in rijen],
        reeksen=[Reeks(_("Pupils"), [r["totaal"] for r in rijen], tabelkolom=(0, "totaal"))],
    )
    return Uitkomst(
        kerncijfers=[Kerncijfer("aantal", meervoud, len(rijen), "getal", _teldatum_toelichting(teldatum, 0))],
        tabellen=[tabel],
        grafiek=grafiek,
    )


@kengetal(
    sleutel="leerlingen_per_bestuur",
    titel=_("Pupils per school board"),
    domein=Domein.LEERLINGEN,
    volgorde=30,
    drilldown=lambda f: _scholen_link(f),
)
def leerlingen_per_bestuur(user, filters) -> Uitkomst:
    return _per_groep(
        user,
        filters,
        "bestuur_id",
        "bestuur__naam",
        "bestuur_id",
        _("Pupils per school board"),
        _("School board"),
        _("school boards"),
    )


@kengetal(
    sleutel="leerlingen_per_kring",
    titel=_("Pupils per cluster"),
    domein=Domein.LEERLINGEN,
    volgorde=31,
    drilldown=lambda f: _scholen_link(f),
)
def leerlingen_per_kring(user, filters) -> Uitkomst:
    return _per_groep(
        user, filters, "kring_id", "kring__naam", "kring_id", _("Pupils per cluster"), _("Cluster"), _("clusters")
    )


@kengetal(
    sleutel="leerlingen_per_gemeente",
    titel=_("Pupils per municipality"),
    domein=Domein.LEERLINGEN,
    volgorde=32,
    drilldown=lambda f: _scholen_link(f),
)
def leerlingen_per_gemeente(user, filters) -> Uitkomst:
    return _per_groep(
        user,
        filters,
        "gemeente_id",
        "gemeente__naam",
        "gemeente_id",
        _("Pupils per municipality"),
        _("Municipality"),
        _("municipalities"),
    )
