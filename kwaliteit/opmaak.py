"""Formatting of key-figure values, with small-number suppression for published output.

In everything the portal publishes (OPR, ALV/RvT, public) a count from 1 up to the threshold
(``SWV_KLEINE_AANTALLEN_DREMPEL``, default 5) is shown as "< 5", and a percentage computed from
such a count as "*" (with a footnote): small numbers identify children in a small region
(REPORTING.md); so is any other value derived from such a count (a rate, a median) that names
it as its ``teller``. Zero is shown: it identifies no one. The dashboard (internal, aggregate) shows
exact values; the generators of published output call these functions with ``onderdrukken=True``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from django.utils.translation import gettext as _

from kwaliteit.conf import kleine_aantallen_drempel
from kwaliteit.kengetallen.register import Grafiek, Kerncijfer, Tabel
from swv import opmaak

ONDERDRUKT_PERCENTAGE = "*"


def is_klein(aantal, drempel: int | None = None) -> bool:
    drempel = kleine_aantallen_drempel() if drempel is None else drempel
    return aantal is not None and 0 < aantal < drempel


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


def tabel_cellen(tabel: Tabel, *, onderdrukken: bool = False) -> list[list[dict]]:
    """Rows of display cells ``{"tekst", "numeriek", "link"}`` (the link only on the first cell)."""
    rijen = []
    for rij in tabel.rijen:
        cellen = []
        for i, kolom in enumerate(tabel.kolommen):
            teller = rij.get(kolom.teller) if kolom.teller else None
            cellen.append(
                {
                    "tekst": formatteer(rij.get(kolom.sleutel), kolom.soort, onderdrukken=onderdrukken, teller=teller),
                    "numeriek": kolom.numeriek,
                    "link": rij.get("_link") if i == 0 and not onderdrukken else None,
                }
            )
        rijen.append(cellen)
    return rijen


def heeft_onderdrukking(tabel: Tabel) -> bool:
    """True when suppression hides at least one value of the table (to show the footnote)."""
    for rij in tabel.rijen:
        for kolom in tabel.kolommen:
            if kolom.soort == "aantal" and is_klein(rij.get(kolom.sleutel)):
                return True
            if kolom.soort != "aantal" and kolom.teller and is_klein(rij.get(kolom.teller)):
                return True
    return False


def kerncijfer_tekst(kerncijfer: Kerncijfer, *, onderdrukken: bool = False) -> str:
    return formatteer(kerncijfer.waarde, kerncijfer.soort, onderdrukken=onderdrukken, teller=kerncijfer.teller)


def grafiek_onderdrukt(grafiek: Grafiek | None) -> Grafiek | None:
    """The chart without small counts (a bar of 3 would show what the table hides)."""
    if grafiek is None:
        return None
    reeksen = [
        replace(
            r,
            waarden=[
                None if (r.soort == "aantal" and is_klein(w)) or (r.tellers is not None and is_klein(t)) else w
                for w, t in zip(r.waarden, r.tellers or [None] * len(r.waarden), strict=True)
            ],
        )
        for r in grafiek.reeksen
    ]
    return replace(grafiek, reeksen=reeksen)


def voetnoot_onderdrukking() -> str:
    return _(
        "%(label)s: fewer than %(n)s, not shown to protect privacy; *: percentage, rate or median based on fewer than %(n)s."
    ) % {"label": onderdrukt_label(), "n": kleine_aantallen_drempel()}
