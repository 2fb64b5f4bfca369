"""The thuiszitters dashboard chart, drawn by the portal's one chart module (``swv.grafieken``); the
page shows the same numbers in its table below the chart."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from swv.grafieken import Grafiek, Reeks, staven


def nieuw_en_gesloten_per_maand(per_maand: list[dict]) -> Grafiek:
    """New and closed thuiszitter cases per month, one pair of bars per month."""
    return staven(
        "grafiek-thuiszitters",
        _("New and closed thuiszitter cases per month"),
        _("New and closed thuiszitter cases per month; the table below has the same numbers."),
        [date_format(r["maand"], "F Y") for r in per_maand],
        [Reeks(_("New"), [r["nieuw"] for r in per_maand]), Reeks(_("Closed"), [r["gesloten"] for r in per_maand])],
    )
