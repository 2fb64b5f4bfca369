"""The pijplijn chart of the TLV key figures, drawn by the portal's one chart module
(``swv.grafieken``); the page shows the same figures in its table below the chart."""

from __future__ import annotations

from django.utils.translation import gettext as _

from swv.grafieken import Grafiek, Reeks, staven


def wachttijd_grafiek(per_school: list[dict]) -> Grafiek | None:
    """Median waiting time per S(B)O school as a bar, with the spread (p25-p75) as a line."""
    rijen = [r for r in per_school if r["aantal"]]
    if not rijen:
        return None
    return staven(
        "grafiek-wachttijd",
        _("Median waiting time per special school, with the 25th-75th percentile"),
        _(
            "Days from issue to placement: bar = median, line = middle half of the pupils. The table below has the same figures."
        ),
        [r["school"] for r in rijen],
        [Reeks(_("Median"), [r["mediaan"] for r in rijen])],
        spreiding=[(r["p25"], r["p75"]) for r in rijen],
    )
