"""The finance charts (dashboard, reserves page, T-rapportage): what to draw, in the portal's one
chart module (``swv.grafieken``), so page and PDF show the same SVG with its data table."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from swv.grafieken import Grafiek, Reeks, kolommen, staven
from swv.opmaak import euro, getal, procent


def aantallen(id_: str, titel: str, beschrijving: str, labels: list[str], waarden: list, reeks: str) -> Grafiek:
    """Horizontal bars of counts (pupils, TLVs)."""
    return staven(id_, titel, beschrijving, labels, [Reeks(reeks, [Decimal(w or 0) for w in waarden])], formaat=getal)


def blokgrafiek(totalen, id_: str) -> Grafiek:
    """Budget, actual to date and forecast per block (dashboard and T-rapportage)."""
    blokken = totalen.blokken
    return staven(
        id_,
        _("Budget, actual to date and forecast per block"),
        _("Horizontal bars per block of the budget: budget, actual to date and forecast for the year, in euros."),
        [b.label for b in blokken],
        [
            Reeks(_("Budget"), [b.begroting for b in blokken]),
            Reeks(_("Actual to date"), [b.realisatie for b in blokken]),
            Reeks(_("Forecast"), [b.prognose for b in blokken]),
        ],
        formaat=lambda w: euro(w, 0),
    )


def reserve_tegen_drempels(posities, id_: str) -> Grafiek:
    """The reserve per year end against the signalling value and the minimum (reserves page and
    T-rapportage): bars of the reserve as % of income (orange when outside the thresholds)."""
    signaal, minimum = _("Signalling value"), _("Minimum")
    return kolommen(
        id_,
        _("Reserve against the thresholds"),
        _(
            "Bars of the general reserve at each year end as a percentage of total income, with the signalling value and the minimum as dashed lines."
        ),
        [str(p.jaar) for p in posities],
        Reeks(_("Reserve as a share of income"), [p.percentage for p in posities]),
        formaat=procent,
        opvallend=[p.oordeel != "binnen" for p in posities],
        opvallend_naam=_("Outside the thresholds"),
        referenties=[
            Reeks(signaal, [p.signaleringswaarde for p in posities]),
            Reeks(minimum, [p.minimum for p in posities]),
        ],
        tabel=(
            [_("Year"), _("Reserve at year end"), _("Reserve as a share of income"), signaal, minimum],
            [
                [str(p.jaar), euro(p.eind, 0), procent(p.percentage), procent(p.signaleringswaarde), procent(p.minimum)]
                for p in posities
            ],
        ),
    )
