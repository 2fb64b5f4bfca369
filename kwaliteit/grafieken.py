"""The key-figure chart (dashboard tile, PDF reports, infographic) drawn by the portal's one chart
module (``swv.grafieken``): a ``lijn`` key figure as lines, a ``staaf`` one as horizontal bars. The
tile and the PDF show the key figure's own tables next to it (``kwaliteit.presentatie``)."""

from __future__ import annotations

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from kwaliteit.kengetallen.register import Grafiek
from kwaliteit.opmaak import formatteer
from swv import grafieken


def svg(grafiek: Grafiek | None, ident: str) -> SafeString:
    """The SVG of ``grafiek`` (empty when it has no value to draw)."""
    if grafiek is None or not any(w is not None for r in grafiek.reeksen for w in r.waarden):
        return mark_safe("")
    soort = "percentage" if grafiek.eenheid == "%" else "getal"
    reeksen = [grafieken.Reeks(str(r.naam), r.waarden, gestippeld=r.gestippeld) for r in grafiek.reeksen]
    beschrijving = _("Chart; the table with the same data follows it.")
    if grafiek.soort == "lijn":
        return grafieken.lijnen(
            ident, str(grafiek.titel), beschrijving, grafiek.labels, reeksen, formaat=lambda w: formatteer(w, soort)
        ).svg
    return grafieken.staven(
        ident,
        str(grafiek.titel),
        beschrijving,
        grafiek.labels,
        reeksen[:1],
        formaat=lambda w: formatteer(w, "percentage" if grafiek.eenheid == "%" else "aantal"),
    ).svg
