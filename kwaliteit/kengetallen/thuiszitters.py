"""Key figures of thuiszitters and zorgplicht (leerlingen, issue 6), read through its selectors.

The period's reference date (``peildatum``) is its end, or today while the period runs: "active" and
"open" are counted on that date with the source's own definitions (``thuiszitters_actief_op``,
``zorgplicht_open_op``) and its counting scope (``visible_to(user, "tellen")``: the whole SWV for
the DB and beleidsmedewerker, the board's schools for a bestuurder). Counts only, aggregated in the
database: thuiszitters in three queries, zorgplicht in one.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, F, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kwaliteit.choices import Domein
from kwaliteit.kengetallen.hulp import DagenSinds, kwartielen, leerlingen_in_scope, per_duizend
from kwaliteit.kengetallen.register import Grafiek, Kerncijfer, Kolom, Reeks, Tabel, Uitkomst, kengetal, voor_rollen
from kwaliteit.onderdrukking import Som, cel, kc, kolomsom
from leerlingen import conf
from leerlingen.models import Thuiszittercasus
from leerlingen.selectors.thuiszitters import mag_tellen, thuiszitters_actief_op, zorgplicht_open_op
from swv.choices import Rol

TELLEN = Thuiszittercasus.THUISZITTER_SOORTEN


def peildatum(filters) -> date:
    """The end of the period, or today while the period runs."""
    return filters.peildatum


def _datum_tekst(datum: date) -> str:
    from kwaliteit.opmaak import formatteer

    return formatteer(datum, "datum")


def _weken(dagen: float) -> Decimal:
    return (Decimal(str(dagen)) / 7).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def casussen_in_scope(qs: QuerySet, user, filters) -> QuerySet:
    """Narrow thuiszitter cases to the filters. A case counts at its school (board, cluster, type of
    school) and in its own municipality, the child's, where leerplicht is organised (as on the
    thuiszitter dashboard and list). A child without enrolment has no school: it counts unless a
    school-level filter (board, cluster, school, type of school) is set."""
    regel = Q(school__in=filters.met(gemeente_id=None).scholen(user))
    if not (filters.bestuur_id or filters.kring_id or filters.school_id or filters.soort):
        regel |= Q(school__isnull=True)
    qs = qs.filter(regel)
    if filters.gemeente_id:
        qs = qs.filter(gemeente_id=filters.gemeente_id)
    return qs


def _thuiszitters_link(filters) -> str:
    # The thuiszitter dashboard (DB, beleidsmedewerker, bestuurder) takes the date and the board,
    # cluster and municipality filters; it leads on to the list (which shows pupils, logged).
    waarden = {
        "datum": peildatum(filters).isoformat(),
        "bestuur": filters.bestuur_id,
        "kring": filters.kring_id,
        "gemeente": filters.gemeente_id,
    }
    return f"{reverse('leerlingen:thuiszitters_dashboard')}?{urlencode({k: v for k, v in waarden.items() if v})}"


def _niet_geteld(kerncijfers: list[tuple[str, Any, str]]) -> Uitkomst:
    """For roles that count no cases (e.g. the controller): no numbers rather than zeros."""
    return Uitkomst(
        kerncijfers=[Kerncijfer(sleutel, label, None, soort) for sleutel, label, soort in kerncijfers],
        toelichting=_("Your role does not count these cases."),
    )


@kengetal(
    sleutel="thuiszitters",
    titel=_("Children out of school"),
    domein=Domein.THUISZITTERS,
    volgorde=10,
    bron=_("thuiszitters"),
    beschrijving=_(
        "Active now, per 1,000 pupils, duration (median, quartiles), new and closed per period, cases "
        "older than 3 months."
    ),
    indicatoren={
        "actief": _("active cases"),
        "per_1000": _("per 1,000 pupils"),
        "ouder_dan_3_maanden": _("cases older than 3 months"),
    },
    drilldown=_thuiszitters_link,
    drilldown_label=_("Thuiszitters and zorgplicht in figures"),
    drilldown_voor=voor_rollen(Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.BESTUURDER),
)
def thuiszitters(user, filters) -> Uitkomst:
    """Thuiszitters active on the reference date, per 1,000 pupils, their duration, new and closed in
    the period and those past the 3-month target; per type of case in a table. Three queries: the
    counts per type (one GROUP BY), the duration quartiles, the pupils of the scope."""
    kerncijfers_leeg = [
        ("actief", _("active cases"), "aantal"),
        ("per_1000", _("per 1,000 pupils"), "getal"),
        ("mediaan_weken", _("median duration (weeks)"), "getal"),
        ("nieuw", _("new in the period"), "aantal"),
        ("afgesloten", _("closed in the period"), "aantal"),
        ("ouder_dan_3_maanden", _("cases older than 3 months"), "aantal"),
    ]
    if not mag_tellen(user):
        return _niet_geteld(kerncijfers_leeg)
    peil = peildatum(filters)
    termijn = conf.thuiszitters_aanbod_termijn_weken()
    actief = casussen_in_scope(thuiszitters_actief_op(user, peil, action="tellen"), user, filters)
    # "Active on the reference date" is the source's one definition, used here as a subquery.
    is_actief = Q(pk__in=actief.values("pk"))
    per_soort = {
        rij["soort"]: rij
        for rij in casussen_in_scope(Thuiszittercasus.objects.visible_to(user, "tellen"), user, filters)
        .values("soort")
        .annotate(
            actief=Count("pk", filter=is_actief),
            ouder=Count("pk", filter=is_actief & Thuiszittercasus.regel_over_termijn(peil)),
            nieuw=Count("pk", filter=Q(sinds__gte=filters.begin, sinds__lte=filters.einde)),
            afgesloten=Count("pk", filter=Q(einddatum__gte=filters.begin, einddatum__lte=filters.einde)),
        )
        .order_by()
    }
    rijen: list[dict[str, Any]] = []
    for soort, label in Thuiszittercasus.Soort.choices:
        rij = per_soort.get(soort, {})
        rijen.append(
            {
                "soort": label,
                "telt_mee": _("yes") if soort in TELLEN else _("no"),
                "actief": rij.get("actief", 0),
                "nieuw": rij.get("nieuw", 0),
                "afgesloten": rij.get("afgesloten", 0),
                # The 3-month target does not apply to exemptions and dispensations.
                "ouder": rij.get("ouder", 0) if soort in Thuiszittercasus.SOORTEN_MET_TERMIJN else None,
            }
        )

    def som(veld: str) -> int:
        return sum(per_soort.get(s, {}).get(veld, 0) for s in TELLEN)

    n_actief = som("actief")
    duur = kwartielen(actief.filter(soort__in=TELLEN).annotate(duur_dagen=DagenSinds(peil, "sinds")), "duur_dagen")
    q1, mediaan, q3 = (_weken(d) for d in duur) if duur else (None, None, None)
    leerlingen = leerlingen_in_scope(user, filters)

    per_type = Tabel(
        titel=_("Cases per type on %(datum)s and in the period") % {"datum": _datum_tekst(peil)},
        kolommen=[
            Kolom("soort", _("Type")),
            Kolom("telt_mee", _("Counts as thuiszitter")),
            Kolom("actief", _("Active"), "aantal"),
            Kolom("ouder", _("Older than 3 months"), "aantal"),
            Kolom("nieuw", _("New"), "aantal"),
            Kolom("afgesloten", _("Closed"), "aantal"),
        ],
        rijen=rijen,
        voetnoot=_(
            "Threatened cases, exemptions and dispensations are registered but do not count as thuiszitters. "
            "Older than 3 months: active for more than %(weken)s weeks, the target for a fitting offer."
        )
        % {"weken": termijn},
    )
    duurtabel = Tabel(
        titel=_("Duration of the active thuiszitters (weeks)"),
        kolommen=[
            Kolom("groep", _("Cases")),
            Kolom("aantal", _("Active"), "aantal"),
            Kolom("q1", _("First quartile"), "getal", teller="aantal"),
            Kolom("mediaan", _("Median"), "getal", teller="aantal"),
            Kolom("q3", _("Third quartile"), "getal", teller="aantal"),
        ],
        rijen=[{"groep": _("Thuiszitters"), "aantal": n_actief, "q1": q1, "mediaan": mediaan, "q3": q3}],
    )
    grafiek = Grafiek(
        soort="staaf",
        titel=_("Active cases per type"),
        labels=[str(r["soort"]) for r in rijen],
        reeksen=[Reeks(_("Active"), [r["actief"] for r in rijen], tabelkolom=(0, "actief"))],
    )
    # What a reader adds up (secondary suppression in published output): the headline figures are
    # the totals of the types that count as thuiszitter; the duration table repeats the active count.
    tellend = [i for i, (soort, _label) in enumerate(Thuiszittercasus.Soort.choices) if soort in TELLEN]
    sommen = [
        kolomsom(kc("actief"), 0, tellend, "actief"),
        kolomsom(kc("nieuw"), 0, tellend, "nieuw"),
        kolomsom(kc("afgesloten"), 0, tellend, "afgesloten"),
        kolomsom(kc("ouder_dan_3_maanden"), 0, tellend, "ouder"),
        Som(kc("actief"), (cel(1, 0, "aantal"),)),
    ]
    return Uitkomst(
        sommen=sommen,
        kerncijfers=[
            Kerncijfer(
                "actief",
                _("active cases"),
                n_actief,
                "aantal",
                _("thuiszitters on %(datum)s") % {"datum": _datum_tekst(peil)},
            ),
            Kerncijfer(
                "per_1000",
                _("per 1,000 pupils"),
                per_duizend(n_actief, leerlingen),
                "getal",
                _("of %(n)s pupils at the latest count date") % {"n": leerlingen} if leerlingen else "",
                teller=n_actief,
                teller_sleutel="actief",
            ),
            Kerncijfer(
                "mediaan_weken",
                _("median duration (weeks)"),
                mediaan,
                "getal",
                _("quartiles in the table") if mediaan is not None else "",
                teller=n_actief,
                teller_sleutel="actief",
            ),
            Kerncijfer("nieuw", _("new in the period"), som("nieuw"), "aantal"),
            Kerncijfer("afgesloten", _("closed in the period"), som("afgesloten"), "aantal"),
            Kerncijfer(
                "ouder_dan_3_maanden",
                _("cases older than 3 months"),
                som("ouder"),
                "aantal",
                _("active for more than %(weken)s weeks") % {"weken": termijn},
            ),
        ],
        tabellen=[per_type, duurtabel],
        grafiek=grafiek if any(r["actief"] for r in rijen) else None,
    )


def _zorgplicht_link(filters) -> str:
    return reverse("leerlingen:zorgplicht")


@kengetal(
    sleutel="zorgplicht",
    titel=_("Duty of care deadlines"),
    domein=Domein.THUISZITTERS,
    volgorde=20,
    bron=_("thuiszitters"),
    beschrijving=_("Duty-of-care cases past 6 and past 10 weeks."),
    indicatoren={"over_6_weken": _("past 6 weeks"), "over_10_weken": _("past 10 weeks")},
    drilldown=_zorgplicht_link,
    drilldown_label=_("Zorgplicht cases"),
    drilldown_voor=voor_rollen(Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.BESTUURDER),
)
def zorgplicht(user, filters) -> Uitkomst:
    """Zorgplicht cases open on the reference date, and those open for more than the decision term
    (6 weeks) and the extended term (10 weeks) since the written application; per school board.
    One GROUP BY query."""
    if not mag_tellen(user):
        return _niet_geteld(
            [
                ("open", _("open cases"), "aantal"),
                ("over_6_weken", _("past 6 weeks"), "aantal"),
                ("over_10_weken", _("past 10 weeks"), "aantal"),
            ]
        )
    peil = peildatum(filters)
    zes = conf.zorgplicht_termijn_weken()
    tien = zes + conf.zorgplicht_verlenging_weken()
    rijen = sorted(
        zorgplicht_open_op(user, peil, action="tellen")
        .filter(school__in=filters.scholen(user))
        .values("bestuur_id", naam=F("bestuur__naam"))
        .annotate(
            open=Count("pk"),
            over_6=Count("pk", filter=Q(aanmeldingsdatum__lt=peil - timedelta(weeks=zes))),
            over_10=Count("pk", filter=Q(aanmeldingsdatum__lt=peil - timedelta(weeks=tien))),
        )
        .order_by(),
        key=lambda r: (-r["open"], r["naam"]),
    )
    tabel = Tabel(
        titel=_("Open zorgplicht cases per school board on %(datum)s") % {"datum": _datum_tekst(peil)},
        kolommen=[
            Kolom("naam", _("School board")),
            Kolom("open", _("Open"), "aantal"),
            Kolom("over_6", _("past 6 weeks"), "aantal"),
            Kolom("over_10", _("past 10 weeks"), "aantal"),
        ],
        rijen=[{k: r[k] for k in ("naam", "open", "over_6", "over_10")} for r in rijen],
        voetnoot=_(
            "The board decides within %(zes)s weeks of the written application, once extendable by %(extra)s weeks."
        )
        % {"zes": zes, "extra": tien - zes},
    )
    alle = range(len(tabel.rijen))
    return Uitkomst(
        sommen=[
            kolomsom(kc("open"), 0, alle, "open"),
            kolomsom(kc("over_6_weken"), 0, alle, "over_6"),
            kolomsom(kc("over_10_weken"), 0, alle, "over_10"),
        ],
        kerncijfers=[
            Kerncijfer(
                "open",
                _("open cases"),
                sum(r["open"] for r in rijen),
                "aantal",
                _("on %(datum)s") % {"datum": _datum_tekst(peil)},
            ),
            Kerncijfer(
                "over_6_weken",
                _("past 6 weeks"),
                sum(r["over_6"] for r in rijen),
                "aantal",
                _("open longer than %(n)s weeks after the application") % {"n": zes},
            ),
            Kerncijfer(
                "over_10_weken",
                _("past 10 weeks"),
                sum(r["over_10"] for r in rijen),
                "aantal",
                _("open longer than %(n)s weeks after the application") % {"n": tien},
            ),
        ],
        tabellen=[tabel],
    )
