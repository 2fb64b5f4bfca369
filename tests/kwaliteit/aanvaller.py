"""An outsider attacking published tables: it reads what a published key figure shows (the texts of
the headline figures and table cells, "< 5" and "*" unknown) and recovers what it can by linear
arithmetic: every relation between the shown cells (totals, rows, columns, repeated figures) as a
linear equation, solved jointly by exact Gaussian elimination, and a percentage with its base (or
count), repeated until nothing new follows.

Written apart from ``kwaliteit.onderdrukking`` (exact fractions, its own reading of the texts), so
that it checks the suppression rather than repeating it. The relations it uses are the ones the key
figures declare, plus what a reader sees without being told: a headline count that equals a column
total of a table, and a count column that equals the sum of other count columns in every row.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from itertools import combinations

from kwaliteit.onderdrukking import cel, kc, relaties_van
from kwaliteit.presentatie import Weergave

ONBEKEND = object()


def lees(tekst: str):
    """A shown text as a number, ``ONBEKEND`` for a hidden one, None for nothing."""
    tekst = tekst.strip()
    if tekst.startswith("<") or tekst == "*":
        return ONBEKEND
    if tekst in ("", "–"):
        return None
    tekst = tekst.rstrip("%").replace(".", "").replace(",", ".")
    try:
        return Fraction(Decimal(tekst))
    except ArithmeticError:
        return None


def zichtbaar(weergave: Weergave) -> dict:
    """Every shown headline figure and table cell by its cell reference."""
    gezien = {kc(k["sleutel"]): lees(k["tekst"]) for k in weergave.kerncijfers}
    for t in weergave.tabellen:
        for r, rij in enumerate(t.cellen):
            for kolom, c in zip(t.tabel.kolommen, rij, strict=True):
                gezien[cel(t.index, r, kolom.sleutel)] = lees(c["tekst"])
    return gezien


def _afgeleide_relaties(uitkomst, gezien: dict) -> list[tuple]:
    """What a reader infers from the layout: a headline count that is a column total (as its label
    says); a count column that is the sum of other count columns in every row, which the reader
    sees hold in at least two rows shown in full (a coincidence among hidden cells it cannot see)."""
    sommen = []
    for t, tabel in enumerate(uitkomst.tabellen):
        tellend = [k.sleutel for k in tabel.kolommen if k.soort == "aantal"]
        if not tabel.rijen:
            continue
        for s in tellend:
            totaal = sum(r.get(s) or 0 for r in tabel.rijen)
            for k in uitkomst.kerncijfers:
                if k.soort == "aantal" and k.waarde == totaal and totaal:
                    sommen.append((kc(k.sleutel), [cel(t, r, s) for r in range(len(tabel.rijen))]))
        for s in tellend:
            anderen = [o for o in tellend if o != s]
            for n in range(2, len(anderen) + 1):
                for delen in combinations(anderen, n):
                    zichtbaar_in = [
                        i
                        for i, r in enumerate(tabel.rijen)
                        if r.get(s) and all(gezien.get(cel(t, i, k)) is not ONBEKEND for k in (s, *delen))
                    ]
                    if len(zichtbaar_in) >= 2 and all(
                        (r.get(s) or 0) == sum(r.get(d) or 0 for d in delen) for r in tabel.rijen
                    ):
                        sommen.extend((cel(t, r, s), [cel(t, r, d) for d in delen]) for r in range(len(tabel.rijen)))
    return sommen


def _los_op(vergelijkingen: list[tuple[dict, Fraction]]) -> dict:
    """Exact Gaussian elimination; returns the unknowns that have one value."""
    basis: list[tuple[object, dict, Fraction]] = []
    for coef, rhs in vergelijkingen:
        coef = {c: Fraction(f) for c, f in coef.items()}
        for p, b, brhs in basis:
            f = coef.pop(p, 0)
            if f:
                for c, g in b.items():
                    coef[c] = coef.get(c, 0) - f * g
                rhs -= f * brhs
        coef = {c: g for c, g in coef.items() if g}
        if not coef:
            continue
        p = next(iter(coef))
        f = coef.pop(p)
        coef = {c: g / f for c, g in coef.items()}
        rhs = rhs / f
        nieuw = []
        for q, b, brhs in basis:
            g = b.pop(p, 0)
            if g:
                for c, h in coef.items():
                    b[c] = b.get(c, 0) - g * h
                b = {c: h for c, h in b.items() if h}
                brhs -= g * rhs
            nieuw.append((q, b, brhs))
        basis = [*nieuw, (p, coef, rhs)]
    return {p: rhs for p, b, rhs in basis if not b}


def aanval(weergave: Weergave, extra: list[tuple] = ()) -> dict:
    """The hidden cells the outsider recovers, with the value it finds."""
    gezien = zichtbaar(weergave)
    _aantallen, sommen, afgeleid = relaties_van(weergave.uitkomst)
    relaties = (
        [(s.totaal, list(s.delen)) for s in sommen] + _afgeleide_relaties(weergave.uitkomst, gezien) + list(extra)
    )
    procenten = [
        (a.cel, a.teller, a.noemer)
        for a in afgeleid
        if a.teller is not None and a.noemer is not None and a.cel in gezien
    ]
    bekend = {c: v for c, v in gezien.items() if v is not ONBEKEND and v is not None}
    onbekend = {c for c, v in gezien.items() if v is ONBEKEND}
    gevonden: dict = {}
    while True:
        vergelijkingen = []
        for totaal, delen in relaties:
            cellen = [(totaal, 1), *((d, -1) for d in delen)]
            if any(c not in bekend and c not in onbekend for c, _f in cellen):
                continue  # a cell that is not shown (nothing): the relation gives nothing
            coef: dict = {}
            rhs = Fraction(0)
            for c, f in cellen:
                if c in onbekend:
                    coef[c] = coef.get(c, 0) + f
                else:
                    rhs -= f * bekend[c]
            if coef:
                vergelijkingen.append((coef, rhs))
        nieuw = {c: v for c, v in _los_op(vergelijkingen).items() if c not in gevonden}
        for p, t, n in procenten:
            pct = bekend.get(p)
            if pct is None:
                continue
            if t in onbekend and t not in gevonden and n in bekend:
                nieuw[t] = round(pct * bekend[n] / 100)
            if n in onbekend and n not in gevonden and t in bekend and pct:
                nieuw[n] = round(bekend[t] * 100 / pct)
        if not nieuw:
            return gevonden
        gevonden.update(nieuw)
        bekend.update(nieuw)
        onbekend -= nieuw.keys()
