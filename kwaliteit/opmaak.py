"""Formatting of key-figure values, with small-number suppression for published output.

In everything the portal publishes (OPR, ALV/RvT, public) a count from 1 up to the threshold
(``SWV_KLEINE_AANTALLEN_DREMPEL``, default 5) is shown as "< 5", and a cell hidden so that such a
count cannot be derived (secondary suppression: a sibling, a total, a percentage, rate or median)
as "*" (with a footnote): small numbers identify children in a small region (REPORTING.md). Which
cells are hidden is decided in one place, ``kwaliteit.onderdrukking``; this module only writes the
texts. Zero is shown: it identifies no one. The dashboard (internal, aggregate) shows exact values;
the generators of published output call these functions with ``onderdrukken=True``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from django.utils.translation import gettext as _

from kwaliteit.conf import kleine_aantallen_drempel
from kwaliteit.kengetallen.register import Grafiek, Kerncijfer, Tabel, Uitkomst
from kwaliteit.onderdrukking import Onderdrukking, cel, is_klein, kc, onderdrukking_van
from swv import opmaak

ONDERDRUKT_PERCENTAGE = "*"
#: A cell hidden by secondary suppression (it would reveal a small count) reads the same as a
#: percentage of a small count: "*", one footnote for both.
VERBORGEN = ONDERDRUKT_PERCENTAGE

__all__ = ["is_klein"]


def onderdrukt_label(drempel: int | None = None) -> str:
    return f"< {kleine_aantallen_drempel() if drempel is None else drempel}"


def formatteer(waarde, soort: str, *, onderdrukken: bool = False, teller=None) -> str:
    """The display text of one value of the given kind (``aantal``, ``percentage``, ...)."""
    if waarde is None:
        return opmaak.LEEG
    if onderdrukken and soort == "aantal" and is_klein(waarde):
        return onderdrukt_label()
    if onderdrukken and soort != "aantal" and is_klein(teller):
        # A percentage, rate or median derived from a small count would reveal what "< 5" hides.
        return ONDERDRUKT_PERCENTAGE
    # The notation itself is the portal's one (swv.opmaak); this only picks it per kind of value.
    if soort == "aantal":
        return opmaak.getal(int(waarde))
    if soort == "percentage":
        return opmaak.procent(waarde)
    if soort == "bedrag":
        return opmaak.euro(waarde, 0)
    if soort in ("getal", "dagen"):
        return opmaak.getal(waarde, 0 if isinstance(waarde, int) else 1)
    if soort == "datum" and isinstance(waarde, date):
        return opmaak.datum(waarde, lang=True)
    return str(waarde)


def _onderdrukt_tekst(o: Onderdrukking, c) -> str | None:
    if c in o.klein:
        return onderdrukt_label()
    if c in o.verborgen:
        return VERBORGEN
    return None


def tabel_cellen(
    tabel: Tabel, *, onderdrukken: bool = False, onderdrukking: Onderdrukking | None = None, index: int = 0
) -> list[list[dict]]:
    """Rows of display cells ``{"tekst", "numeriek", "link"}`` (the link only on the first cell).
    With ``onderdrukken`` the cells ``onderdrukking`` hides (the outcome's suppression; by default
    the table's own) read "< 5" or "*"; ``index`` is the table's place in the outcome."""
    if onderdrukken and onderdrukking is None:
        onderdrukking, index = onderdrukking_van(Uitkomst(tabellen=[tabel])), 0
    rijen = []
    for r, rij in enumerate(tabel.rijen):
        cellen = []
        for i, kolom in enumerate(tabel.kolommen):
            waarde = rij.get(kolom.sleutel)
            tekst = (
                _onderdrukt_tekst(onderdrukking, cel(index, r, kolom.sleutel)) if onderdrukking is not None else None
            )
            cellen.append(
                {
                    "tekst": formatteer(waarde, kolom.soort) if tekst is None or waarde is None else tekst,
                    "numeriek": kolom.numeriek,
                    "link": rij.get("_link") if i == 0 and not onderdrukken else None,
                }
            )
        rijen.append(cellen)
    return rijen


def heeft_onderdrukking(tabel: Tabel, onderdrukking: Onderdrukking | None = None, index: int = 0) -> bool:
    """True when suppression hides at least one value of the table (to show the footnote)."""
    if onderdrukking is None:
        onderdrukking, index = onderdrukking_van(Uitkomst(tabellen=[tabel])), 0
    return any(
        c in onderdrukking and rij.get(kolom.sleutel) is not None
        for r, rij in enumerate(tabel.rijen)
        for kolom in tabel.kolommen
        for c in [cel(index, r, kolom.sleutel)]
    )


def kerncijfer_tekst(
    kerncijfer: Kerncijfer, *, onderdrukken: bool = False, onderdrukking: Onderdrukking | None = None
) -> str:
    if onderdrukken and onderdrukking is not None and kerncijfer.waarde is not None:
        tekst = _onderdrukt_tekst(onderdrukking, kc(kerncijfer.sleutel))
        if tekst is not None:
            return tekst
        return formatteer(kerncijfer.waarde, kerncijfer.soort)
    return formatteer(kerncijfer.waarde, kerncijfer.soort, onderdrukken=onderdrukken, teller=kerncijfer.teller)


def grafiek_onderdrukt(grafiek: Grafiek | None, onderdrukking: Onderdrukking | None = None) -> Grafiek | None:
    """The chart without small counts (a bar of 3 would show what the table hides), nor any value
    of a table cell that ``onderdrukking`` hides (a series that declares its ``tabelkolom``)."""
    if grafiek is None:
        return None
    reeksen = []
    for r in grafiek.reeksen:
        waarden = [
            None if (r.soort == "aantal" and is_klein(w)) or (r.tellers is not None and is_klein(t)) else w
            for w, t in zip(r.waarden, r.tellers or [None] * len(r.waarden), strict=True)
        ]
        if onderdrukking is not None and r.tabelkolom is not None:
            tabel, kolom = r.tabelkolom
            waarden = [None if cel(tabel, j, kolom) in onderdrukking else w for j, w in enumerate(waarden)]
        reeksen.append(replace(r, waarden=waarden))
    return replace(grafiek, reeksen=reeksen)


def voetnoot_tekst(tabel: Tabel, *, onderdrukken: bool = False):
    """A table's footnote; in published output the counts it names are written as counts are."""
    if onderdrukken and tabel.voetnoot_sjabloon:
        return tabel.voetnoot_sjabloon % {
            naam: formatteer(n, "aantal", onderdrukken=True) for naam, n in tabel.voetnoot_aantallen.items()
        }
    return tabel.voetnoot


def voetnoot_onderdrukking() -> str:
    return _(
        "%(label)s: fewer than %(n)s, not shown to protect privacy; *: not shown because it would reveal such a number "
        "(a percentage, rate or median based on it, or a total or neighbouring cell from which it could be computed)."
    ) % {"label": onderdrukt_label(), "n": kleine_aantallen_drempel()}
