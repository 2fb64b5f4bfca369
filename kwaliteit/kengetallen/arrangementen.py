"""Key figures of the arrangements app: requests and arrangements by type, school and status, and
the money committed by granted arrangements against the arrangement budget.

Both read the arrangements app's own selectors (the AC annual report data and the budget position),
narrowed to the period and to ``filters.scholen(user)``. Who may count what is the arrangements
app's rule, not ours: the annual report data for the SWV-wide roles and the AC
(``mag_jaarverslag_zien``), budgets for ``BUDGET_LEZERS``; a bestuurder gets the counts of the
board's schools (no budgets). Anyone else gets an empty outcome that says why, never zeros that
look like facts.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import OuterRef, Subquery, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from arrangementen.choices import Besluitsoort
from arrangementen.models import Realisatie
from arrangementen.querysets import BUDGET_LEZERS
from arrangementen.selectors import jaarverslag as ac
from arrangementen.selectors.geld import Budgetpositie
from kwaliteit.choices import Domein
from kwaliteit.kengetallen.filters import schooljaar_van
from kwaliteit.kengetallen.hulp import percentage
from kwaliteit.kengetallen.register import Grafiek, Kerncijfer, Kolom, Reeks, Tabel, Uitkomst, kengetal, voor_rollen
from kwaliteit.onderdrukking import kc, kolomsom
from swv.access import bestuur_ids, heeft_rol

NUL = Decimal("0.00")

#: The columns of ``jaarverslag_aantallen``'s tables after the name and "submitted": one per outcome.
UITKOMSTEN = [code for code, _label in ac.UITKOMSTEN]
TELLINGEN = ("aangevraagd", "toegekend", "afgewezen", "ingetrokken", "in_behandeling", "lopend", "geevalueerd")


def _schooljaar(filters) -> int:
    return filters.schooljaar if filters.schooljaar is not None else schooljaar_van(filters.begin)


# --- arrangements by type, school and status ------------------------------------------------------


def _rijen(tabel, uitvoering: dict[str, dict]) -> list[dict[str, Any]]:
    """``jaarverslag_aantallen``'s table (name, submitted, one column per outcome) merged with the
    running and evaluated counts under the same names."""
    rijen: dict[str, dict[str, Any]] = {}
    for naam, ingediend, *per_uitkomst in tabel.rijen:
        u = dict(zip(UITKOMSTEN, per_uitkomst, strict=True))
        rijen[naam] = {
            "naam": naam,
            "aangevraagd": ingediend,
            "toegekend": u[Besluitsoort.TOEGEKEND] + u[Besluitsoort.DEELS_TOEGEKEND],
            "afgewezen": u[Besluitsoort.AFGEWEZEN],
            "ingetrokken": u["ingetrokken"],
            "in_behandeling": u["in_behandeling"],
            "lopend": 0,
            "geevalueerd": 0,
        }
    for naam, telling in uitvoering.items():
        rij = rijen.setdefault(naam, {"naam": naam, **dict.fromkeys(TELLINGEN, 0)})
        rij["lopend"], rij["geevalueerd"] = telling.get("lopend", 0), telling.get("geevalueerd", 0)
    return sorted(rijen.values(), key=lambda r: (-r["aangevraagd"], -r["lopend"], str(r["naam"])))


def _statuskolommen(eerste: Kolom) -> list[Kolom]:
    return [
        eerste,
        Kolom("aangevraagd", _("Requested"), "aantal"),
        Kolom("toegekend", _("Granted"), "aantal"),
        Kolom("afgewezen", _("Refused"), "aantal"),
        Kolom("ingetrokken", _("Withdrawn"), "aantal"),
        Kolom("in_behandeling", _("Being assessed"), "aantal"),
        Kolom("lopend", _("Running"), "aantal"),
        Kolom("geevalueerd", _("Evaluated"), "aantal"),
    ]


#: Per row: the requests submitted are granted, refused, withdrawn or still being assessed.
UITKOMST_SOM = (("aangevraagd", ("toegekend", "afgewezen", "ingetrokken", "in_behandeling")),)

STATUS_VOETNOOT = _(
    "Requested: requests submitted in the period, and what became of them (granted includes granted in part). "
    "Running: arrangements under way in the period. Evaluated: arrangements with an evaluation in the period."
)
GEEN_RECHT_ARRANGEMENTEN = _(
    "Arrangement figures are shown to the partnership's staff, the arrangements committee and the boards only."
)


@kengetal(
    sleutel="arrangementen",
    titel=_("Arrangements by type and status"),
    domein=Domein.ARRANGEMENTEN,
    volgorde=10,
    bron=_("arrangements"),
    beschrijving=_("Requested, granted, running and evaluated; by type and school."),
    indicatoren={
        "aangevraagd": _("requested"),
        "toegekend": _("granted"),
        "lopend": _("running"),
        "geevalueerd": _("evaluated"),
    },
    drilldown=lambda f: f"{reverse('arrangementen:jaarverslag')}?jaar={_schooljaar(f)}",
    drilldown_voor=ac.mag_jaarverslag_zien,  # who may open the annual report page
)
def arrangementen(user, filters) -> Uitkomst:
    """Three queries: requests submitted and their outcome, arrangements running and evaluated,
    and the evaluation answers (the arrangements app's AC annual report data)."""
    kerncijfers = [
        Kerncijfer("aangevraagd", _("requests submitted"), None),
        Kerncijfer("toegekend", _("granted (in full or in part)"), None),
        Kerncijfer("lopend", _("arrangements running"), None),
        Kerncijfer("geevalueerd", _("arrangements evaluated"), None),
    ]
    # The SWV-wide roles and the AC read the annual report data; a bestuurder gets the aggregates of
    # the board's schools (REPORTING.md), without the link to the SWV-wide annual report page.
    if not (ac.mag_jaarverslag_zien(user) or bestuur_ids(user)):
        return Uitkomst(kerncijfers=kerncijfers, toelichting=GEEN_RECHT_ARRANGEMENTEN)
    selectie = {"periode": (filters.begin, filters.einde), "scholen": filters.scholen(user)}
    aantallen = ac.jaarverslag_aantallen(user, **selectie)
    uitvoering = ac.jaarverslag_uitvoering(user, **selectie)
    evaluaties = ac.jaarverslag_evaluaties(user, **selectie)
    if not (aantallen["totaal"] or uitvoering["lopend"] or uitvoering["geevalueerd"] or evaluaties["aantal"]):
        return Uitkomst(kerncijfers=kerncijfers)
    telling = aantallen["per_uitkomst_telling"]
    waarden = {
        "aangevraagd": aantallen["totaal"],
        "toegekend": telling[Besluitsoort.TOEGEKEND] + telling[Besluitsoort.DEELS_TOEGEKEND],
        "lopend": uitvoering["lopend"],
        "geevalueerd": uitvoering["geevalueerd"],
    }
    for k in kerncijfers:
        k.waarde = waarden[k.sleutel]
    per_type = _rijen(aantallen["per_type"], uitvoering["per_type"])
    per_school = _rijen(aantallen["per_school"], uitvoering["per_school"])
    # Questions nobody answered (a questionnaire not filled in) would only add rows of zeros.
    antwoorden = [
        {"vraag": v["vraag"], "antwoord": a["label"], "aantal": a["aantal"]}
        for v in evaluaties["verdelingen"]
        if any(a["aantal"] for a in v["antwoorden"])
        for a in v["antwoorden"]
    ]
    tabellen = [
        Tabel(
            _("Arrangements by type and status"),
            _statuskolommen(Kolom("naam", _("Arrangement type"))),
            per_type,
            voetnoot=STATUS_VOETNOOT,
            rijsommen=UITKOMST_SOM,
        ),
        Tabel(
            _("Arrangements by school and status"),
            _statuskolommen(Kolom("naam", _("School"))),
            per_school,
            voetnoot=STATUS_VOETNOOT,
            rijsommen=UITKOMST_SOM,
        ),
    ]
    if evaluaties["aantal"]:
        sjabloon = _("%(n)s evaluations; parents answered %(ouders)s, children %(kind)s.")
        tellingen = {
            "n": evaluaties["aantal"],
            "ouders": evaluaties["ouders_ingevuld"],
            "kind": evaluaties["kind_ingevuld"],
        }
        tabellen.append(
            Tabel(
                _("Evaluations in the period: goals, conclusions and questionnaires"),
                [Kolom("vraag", _("Question")), Kolom("antwoord", _("Answer")), Kolom("aantal", _("Count"), "aantal")],
                antwoorden,
                voetnoot=sjabloon % tellingen,
                voetnoot_sjabloon=sjabloon,
                voetnoot_aantallen=tellingen,
            )
        )
    grafiek = Grafiek(
        soort="staaf",
        titel=_("Requests submitted per arrangement type"),
        labels=[str(r["naam"]) for r in per_type],
        reeksen=[Reeks(_("Requested"), [r["aangevraagd"] for r in per_type], tabelkolom=(0, "aangevraagd"))],
    )
    # What a reader adds up (secondary suppression in published output): each headline figure is
    # the column total of the table per type and of the table per school.
    sommen = [
        kolomsom(kc(k.sleutel), t, range(len(rijen)), k.sleutel)
        for k in kerncijfers
        for t, rijen in enumerate((per_type, per_school))
    ]
    return Uitkomst(
        kerncijfers=kerncijfers,
        tabellen=tabellen,
        grafiek=grafiek if aantallen["totaal"] else None,
        sommen=sommen,
    )


# --- money committed against the budget -----------------------------------------------------------


def _budget_link(jaar: int, kring_id: int | None = None, *, basis: str | None = None) -> str:
    basis = basis or reverse("arrangementen:budget")
    return f"{basis}?jaar={jaar}" + (f"&kring={kring_id}" if kring_id else "")


def _binnen_kring(filters) -> bool:
    """Whether the selection holds whole clusters (at most a kring filter), so that cluster budgets
    belong to it; narrower filters split a cluster's shared budget, which cannot be attributed."""
    return not any([filters.bestuur_id, filters.gemeente_id, filters.school_id, filters.soort])


GEEN_RECHT_BUDGET = _(
    "Arrangement budgets are shown to the controller, the DB, policy staff and the arrangements committee only."
)


@kengetal(
    sleutel="arrangementen_budget",
    titel=_("Arrangement money committed against budget"),
    domein=Domein.ARRANGEMENTEN,
    volgorde=20,
    bron=_("arrangements"),
    beschrijving=_("Cost committed by granted arrangements against the budget."),
    indicatoren={"benut_pct": _("budget committed (%)")},
    drilldown=lambda f: _budget_link(f.peildatum.year, f.kring_id),
    drilldown_voor=voor_rollen(*BUDGET_LEZERS),
)
def arrangementen_budget(user, filters) -> Uitkomst:
    """The calendar year of the period's reference date, its end or today while it runs (budgets
    and commitments are kept per calendar year).
    Three queries: budget lines, commitments per school (``Budgetpositie``), and the selected
    schools with what was realised."""
    jaar = filters.peildatum.year
    budget_url = reverse("arrangementen:budget")  # once, not per row
    kerncijfers = [
        Kerncijfer("beschikbaar", _("available"), None, "bedrag"),
        Kerncijfer("toegekend", _("committed"), None, "bedrag"),
        Kerncijfer("gerealiseerd", _("realised"), None, "bedrag"),
        Kerncijfer("benut_pct", _("budget committed (%)"), None, "percentage"),
    ]
    if not heeft_rol(user, *BUDGET_LEZERS):
        return Uitkomst(kerncijfers=kerncijfers, toelichting=GEEN_RECHT_BUDGET)
    pos = Budgetpositie.laden([jaar])
    gerealiseerd = (
        Realisatie.objects.visible_to(user)
        .filter(jaar=jaar, aanvraag__school_id=OuterRef("pk"))
        .order_by()
        .values("aanvraag__school_id")
        .annotate(s=Sum("bedrag"))
        .values("s")[:1]
    )
    scholen = list(
        filters.scholen(user)
        .annotate(gerealiseerd=Subquery(gerealiseerd))
        .values("pk", "naam", "kring_id", "kring__naam", "gerealiseerd")
        .order_by("naam")
    )
    per_school: list[dict[str, Any]] = []
    kringen: dict[int, dict[str, Any]] = {}
    for s in scholen:
        eigen = pos.budget_school.get((jaar, s["pk"]))
        toegekend = pos.beslag_school.get((jaar, s["pk"]), NUL)
        realisatie = s["gerealiseerd"] or NUL
        if s["kring_id"]:
            kringen.setdefault(s["kring_id"], {"naam": s["kring__naam"], "gerealiseerd": NUL})["gerealiseerd"] += (
                realisatie
            )
        if eigen is None and not toegekend and not realisatie:
            continue
        per_school.append(
            {
                "naam": s["naam"],
                "kring": s["kring__naam"] or "",
                "beschikbaar": eigen,
                "toegekend": toegekend,
                "gerealiseerd": realisatie,
                "resterend": None if eigen is None else eigen - toegekend,
                "benut_pct": percentage(toegekend, eigen, decimalen=1),
                "_link": _budget_link(jaar, s["kring_id"], basis=budget_url),
            }
        )
    per_kring: list[dict[str, Any]] = []
    if _binnen_kring(filters):
        for kring_id, kring in sorted(kringen.items(), key=lambda i: str(i[1]["naam"])):
            budget = pos.budget_kring.get((jaar, kring_id))
            toegekend = pos.beslag_kring.get((jaar, kring_id), NUL)
            if budget is None and not toegekend and not kring["gerealiseerd"]:
                continue
            per_kring.append(
                {
                    "naam": kring["naam"],
                    "beschikbaar": budget,
                    "toegekend": toegekend,
                    "gerealiseerd": kring["gerealiseerd"],
                    "resterend": None if budget is None else budget - toegekend,
                    "benut_pct": percentage(toegekend, budget, decimalen=1),
                    "_link": _budget_link(jaar, kring_id, basis=budget_url),
                }
            )

    eigen_budgetten = [r["beschikbaar"] for r in per_school if r["beschikbaar"] is not None]
    toelichting: list[Any] = [
        _("Calendar year %(jaar)s: budgets and commitments are kept per calendar year.") % {"jaar": jaar}
    ]
    if not filters.heeft_organisatiefilter:
        beschikbaar = pos.budget_swv.get(jaar)
    elif _binnen_kring(filters):
        delen = eigen_budgetten + [r["beschikbaar"] for r in per_kring if r["beschikbaar"] is not None]
        beschikbaar = sum(delen, NUL) if delen else None
    else:
        beschikbaar = sum(eigen_budgetten, NUL) if eigen_budgetten else None
        toelichting.append(
            _(
                "A cluster's budget is shared by its schools and is not split over a selection of schools: "
                "the amount available is the schools' own budgets."
            )
        )
    toegekend = sum((r["toegekend"] for r in per_school), NUL)
    realisatie = sum((r["gerealiseerd"] for r in per_school), NUL)
    if beschikbaar is None and not toegekend and not realisatie:
        return Uitkomst(kerncijfers=kerncijfers, toelichting=toelichting[0])
    for k, waarde in zip(
        kerncijfers, (beschikbaar, toegekend, realisatie, percentage(toegekend, beschikbaar, decimalen=1)), strict=True
    ):
        k.waarde = waarde

    geld = [
        Kolom("beschikbaar", pgettext_lazy("arrangement budget", "Budget"), "bedrag"),
        Kolom("toegekend", _("Committed"), "bedrag"),
        Kolom("gerealiseerd", _("Realised"), "bedrag"),
        Kolom("resterend", _("Remaining"), "bedrag"),
        Kolom("benut_pct", _("Committed (%)"), "percentage"),
    ]
    tabellen = [
        Tabel(
            _("Arrangement money per school"),
            [Kolom("naam", _("School")), Kolom("kring", _("Cluster")), *geld],
            per_school,
            voetnoot=_("A school's own budget; schools without one draw on their cluster's budget."),
        )
    ]
    if per_kring:
        tabellen.append(
            Tabel(
                _("Arrangement money per cluster"),
                [Kolom("naam", _("Cluster")), *geld],
                per_kring,
                voetnoot=_(
                    "Committed and realised: all schools of the cluster, with or without a budget of their own."
                ),
            )
        )
    met_budget = [r for r in per_kring + per_school if r["benut_pct"] is not None]
    grafiek = Grafiek(
        soort="staaf",
        titel=_("Budget committed (%)"),
        labels=[str(r["naam"]) for r in met_budget],
        eenheid="%",
        reeksen=[Reeks(_("Committed (%)"), [r["benut_pct"] for r in met_budget], "percentage")],
    )
    return Uitkomst(
        kerncijfers=kerncijfers,
        tabellen=tabellen,
        grafiek=grafiek if met_budget else None,
        toelichting=" ".join(str(t) for t in toelichting),
    )
