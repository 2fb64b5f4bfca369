"""Key figures of the finance app: budget against actuals and forecast, and the reserve position.

Finance is the SWV's money as a whole: it is not split by board, cluster or school, so the
organisation filters do not apply (the outcome says so). The year is the calendar year of the
period's end. Who may see it is the finance app's rule (``financien.querysets.mag_lezen``, the
roles of ``FINANCIEN_LEESROLLEN``); anyone else, a bestuurder included, gets an empty outcome that
says why. The figures come from the finance app's own calculations (``berekening.jaarregels`` /
``totalen`` and ``selectors.overzicht.reserves``), so the tile agrees with the finance pages.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from financien.berekening import jaarregels, totalen
from financien.choices import Blok
from financien.querysets import mag_lezen
from financien.selectors.overzicht import reserves
from kwaliteit.choices import Domein
from kwaliteit.kengetallen.hulp import percentage
from kwaliteit.kengetallen.register import Grafiek, Kerncijfer, Kolom, Reeks, Tabel, Uitkomst, kengetal

GEEN_RECHT = _("Finance figures are only shown to users who may read the finance module.")
HEEL_SWV = _(
    "Finance covers the whole partnership: the filters on board, cluster, municipality, school and type do not apply."
)


def _maandnaam(maand: int) -> str:
    from datetime import date

    from django.utils.formats import date_format

    return date_format(date(2000, maand, 1), "F")


def _toelichting(*delen) -> str:
    return " ".join(str(d) for d in delen if d)


def _geldkolommen() -> list[Kolom]:
    return [
        Kolom("begroting", _("Budget"), "bedrag"),
        Kolom("realisatie", _("Actual to date"), "bedrag"),
        Kolom("prognose", _("Forecast"), "bedrag"),
        Kolom("verschil", _("Difference"), "bedrag"),
        Kolom("realisatie_pct", _("Actual to date as share of budget (%)"), "percentage"),
    ]


def _geld(regel) -> dict[str, Any]:
    return {
        "begroting": regel.begroting,
        "realisatie": regel.realisatie,
        "prognose": regel.prognose,
        "verschil": regel.verschil,
        "realisatie_pct": percentage(regel.realisatie, regel.begroting, decimalen=1),
    }


@kengetal(
    sleutel="financien_begroting",
    titel=_("Budget against actuals"),
    domein=Domein.FINANCIEN,
    volgorde=10,
    bron=_("finance"),
    beschrijving=_("Budget, actuals and forecast per budget line."),
    indicatoren={"realisatie_pct": _("actuals as share of budget (%)")},
    drilldown=lambda f: f"{reverse('financien:overzicht')}?jaar={f.peildatum.year}",
    drilldown_voor=mag_lezen,
)
def financien_begroting(user, filters) -> Uitkomst:
    """Budget, actuals to date and forecast per block and per line of the year (the finance app's
    ``jaarregels``: four queries). The indicator is the costs' actuals as a share of their budget."""
    jaar = filters.peildatum.year
    kerncijfers = [
        Kerncijfer("begroting_lasten", _("costs budgeted"), None, "bedrag"),
        Kerncijfer("realisatie_lasten", _("costs actual to date"), None, "bedrag"),
        Kerncijfer("realisatie_pct", _("actuals as share of budget (%)"), None, "percentage"),
        Kerncijfer("prognose_resultaat", _("forecast result"), None, "bedrag"),
    ]
    if not mag_lezen(user):
        return Uitkomst(kerncijfers=kerncijfers, toelichting=GEEN_RECHT)
    regels, maanden = jaarregels(jaar)
    regels = [r for r in regels if r.begroting or r.realisatie]
    if not regels:
        return Uitkomst(kerncijfers=kerncijfers, toelichting=_("There is no budget for %(jaar)s yet.") % {"jaar": jaar})
    t = totalen(regels)
    lasten = t.lasten
    for k, waarde in zip(
        kerncijfers,
        (
            lasten.begroting,
            lasten.realisatie,
            percentage(lasten.realisatie, lasten.begroting, decimalen=1),
            t.resultaat.prognose,
        ),
        strict=True,
    ):
        k.waarde = waarde
    link = f"{reverse('financien:overzicht')}?jaar={jaar}"
    per_blok = [{"naam": b.label, **_geld(b), "_link": link} for b in t.blokken if b.begroting or b.realisatie] + [
        {"naam": naam, **_geld(b)} for naam, b in t.samenvatting
    ]
    per_blok[-1]["realisatie_pct"] = None  # a share of the result means nothing
    per_regel = [{"code": r.post.code, "naam": r.post.naam, "blok": Blok(r.blok).label, **_geld(r)} for r in regels]
    stand = (
        _("Actuals up to and including %(maand)s %(jaar)s; the forecast adds the budget of the remaining months.")
        % {"maand": _maandnaam(maanden), "jaar": jaar}
        if maanden
        else _("No actuals for %(jaar)s yet: the forecast is the budget.") % {"jaar": jaar}
    )
    tabellen = [
        Tabel(
            _("Budget, actuals and forecast per block"),
            [Kolom("naam", _("Block")), *_geldkolommen()],
            per_blok,
            voetnoot=_("Difference: forecast minus budget."),
        ),
        Tabel(
            _("Budget, actuals and forecast per budget line"),
            [Kolom("code", _("Code")), Kolom("naam", _("Budget line")), Kolom("blok", _("Block")), *_geldkolommen()],
            per_regel,
        ),
    ]
    blokken = [b for b in t.blokken if b.begroting]
    grafiek = Grafiek(
        soort="staaf",
        titel=_("Forecast as share of the budget per block"),
        labels=[str(b.label) for b in blokken],
        eenheid="%",
        reeksen=[
            Reeks(
                _("Forecast as share of budget (%)"),
                [percentage(b.prognose, b.begroting, decimalen=1) for b in blokken],
                "percentage",
            )
        ],
    )
    return Uitkomst(
        kerncijfers=kerncijfers,
        tabellen=tabellen,
        grafiek=grafiek if blokken else None,
        toelichting=_toelichting(
            _("Calendar year %(jaar)s.") % {"jaar": jaar}, stand, HEEL_SWV if filters.heeft_organisatiefilter else ""
        ),
    )


OORDEEL = {
    "boven": _(
        "The reserve at the end of %(jaar)s (%(pct)s of income) is above the signalling value of %(grens)s: "
        "money is not reaching the children."
    ),
    "onder": _(
        "The reserve at the end of %(jaar)s (%(pct)s of income) is below the minimum of %(grens)s: "
        "a risk for the partnership."
    ),
    "binnen": _(
        "The reserve at the end of %(jaar)s (%(pct)s of income) lies between the minimum and the signalling value."
    ),
}


def _basis(positie) -> str:
    if positie.basis == "realisatie":
        return str(_("actuals"))
    if positie.basis == "prognose":
        return str(_("forecast (actuals to %(maand)s)") % {"maand": _maandnaam(positie.maanden)})
    return str(_("budget"))


@kengetal(
    sleutel="financien_reserve",
    titel=_("Reserve against the signalling value"),
    domein=Domein.FINANCIEN,
    volgorde=20,
    bron=_("finance"),
    beschrijving=_("Reserve position against the signalling value (3.5%) and the minimum (3%)."),
    indicatoren={"reserve_pct": _("reserve as share of income (%)")},
    drilldown=lambda f: reverse("financien:reserves"),
    drilldown_voor=mag_lezen,
)
def financien_reserve(user, filters) -> Uitkomst:
    """The general reserve at the end of the year against the signalling value and the minimum, with
    the years before it as a trend (the finance app's ``reserveposities``: six queries, whatever the
    number of years, since a year's reserve carries over from the one before)."""
    from kwaliteit.opmaak import formatteer

    jaar = filters.peildatum.year
    kerncijfers = [
        Kerncijfer("reserve_pct", _("reserve as share of income (%)"), None, "percentage"),
        Kerncijfer("reserve", _("Reserve at year end"), None, "bedrag"),
        Kerncijfer("signaleringsbedrag", _("Signalling value"), None, "bedrag"),
        Kerncijfer("minimumbedrag", _("Minimum"), None, "bedrag"),
    ]
    if not mag_lezen(user):
        return Uitkomst(kerncijfers=kerncijfers, toelichting=GEEN_RECHT)
    posities = [p for p in reserves(user) if p.jaar <= jaar]
    positie = posities[-1] if posities and posities[-1].jaar == jaar else None
    if positie is None:
        return Uitkomst(kerncijfers=kerncijfers, toelichting=_("There is no budget for %(jaar)s yet.") % {"jaar": jaar})
    for k, waarde in zip(
        kerncijfers, (positie.percentage, positie.eind, positie.signaleringsbedrag, positie.minimumbedrag), strict=True
    ):
        k.waarde = waarde
    kerncijfers[2].toelichting = formatteer(positie.signaleringswaarde, "percentage")
    kerncijfers[3].toelichting = formatteer(positie.minimum, "percentage")
    oordeel = ""
    if positie.oordeel in OORDEEL:
        grens = positie.minimum if positie.oordeel == "onder" else positie.signaleringswaarde
        oordeel = OORDEEL[positie.oordeel] % {
            "jaar": jaar,
            "pct": formatteer(positie.percentage, "percentage"),
            "grens": formatteer(grens, "percentage"),
        }
    rijen = [
        {
            "jaar": str(p.jaar),
            "basis": _basis(p),
            "begin": p.begin,
            "baten": p.baten,
            "lasten": p.lasten,
            "eind": p.eind,
            "percentage": p.percentage,
            "signaleringswaarde": p.signaleringswaarde,
            "minimum": p.minimum,
        }
        for p in posities
    ]
    tabel = Tabel(
        _("Reserve position per year"),
        [
            Kolom("jaar", _("Year")),
            Kolom("basis", _("Based on")),
            Kolom("begin", _("Reserve on 1 January"), "bedrag"),
            Kolom("baten", _("Income"), "bedrag"),
            Kolom("lasten", _("Costs (incl. dotatie)"), "bedrag"),
            Kolom("eind", _("Reserve at year end"), "bedrag"),
            Kolom("percentage", _("Share of income"), "percentage"),
            Kolom("signaleringswaarde", _("Signalling value"), "percentage"),
            Kolom("minimum", _("Minimum"), "percentage"),
        ],
        rijen,
        voetnoot=""
        if positie.begin_bekend
        else _("The reserve on 1 January has not been entered: the position starts from 0."),
    )
    grafiek = Grafiek(
        soort="lijn",
        titel=_("Reserve as share of income against the signalling value and the minimum"),
        eenheid="%",
        labels=[r["jaar"] for r in rijen],
        reeksen=[
            Reeks(_("Reserve"), [r["percentage"] for r in rijen], "percentage"),
            Reeks(_("Signalling value"), [r["signaleringswaarde"] for r in rijen], "percentage", gestippeld=True),
            Reeks(_("Minimum"), [r["minimum"] for r in rijen], "percentage", gestippeld=True),
        ],
    )
    return Uitkomst(
        kerncijfers=kerncijfers,
        tabellen=[tabel],
        grafiek=grafiek,
        toelichting=_toelichting(
            oordeel,
            _("End of %(jaar)s, based on the %(basis)s.") % {"jaar": jaar, "basis": _basis(positie)},
            HEEL_SWV if filters.heeft_organisatiefilter else "",
        ),
    )
