"""Small-number suppression of published tables: primary and secondary (complementary) suppression.

The one implementation for everything the portal publishes (OPR, ALV/RvT, public): every report PDF
built from the key figures goes through ``onderdruk`` (via ``kwaliteit.presentatie.presenteer`` with
``onderdrukken=True``). It works on *cells*: hashable references, by convention ``("k", sleutel)``
for a headline figure and ``("t", tabel, rij, kolom)`` for a table cell, with

- ``aantallen``: the count cells and their values (counts of pupils or cases);
- ``sommen``: the linear relations a reader knows, ``Som(totaal, delen)``: "the parts add up to the
  total" (a column total, a row total, a headline figure that is the sum of a table column, or an
  equality: one part);
- ``afgeleid``: values derived from counts (a percentage, a rate, a median) with the count they come
  from (``teller``) and, for a percentage or rate, its base (``noemer``).

The rule (docs/kwaliteit.md):

1. *Primary*: a count from 1 to the threshold minus one (``SWV_KLEINE_AANTALLEN_DREMPEL``, default
   5) is hidden ("< 5"). Zero is shown: it identifies no one.
2. *Secondary*: in every relation in which exactly one cell is hidden, one more cell is hidden: the
   smallest part that is not zero (hiding a zero protects nothing: a reader guesses it), else the
   total, else a zero part. The same when every hidden cell of a relation is a small count and their
   sum, which the reader can compute, leaves each only one possible value (two hidden cells summing
   to 2 are both 1; summing to 8, both 4). Repeated until nothing changes, since a newly hidden cell
   may be the only hidden cell of another relation.
3. *Derived values*: a percentage, rate or median is hidden when its count or its base is hidden
   (a percentage and its base give the count; a percentage and its count give the base).

Hidden cells of step 2 and 3 read "*". The work is a few passes over the relations of one key
figure; it runs only for published output (report generation), never for the dashboard.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kwaliteit.conf import kleine_aantallen_drempel

if TYPE_CHECKING:
    from kwaliteit.kengetallen.register import Uitkomst

Cel = Hashable


@dataclass(frozen=True)
class Som:
    """A linear relation a reader knows: ``totaal`` = the sum of ``delen``."""

    totaal: Cel
    delen: tuple[Cel, ...]

    def __post_init__(self):
        object.__setattr__(self, "delen", tuple(self.delen))


@dataclass(frozen=True)
class Afgeleid:
    """A value derived from counts: ``teller`` (its count) and, for a percentage or rate, ``noemer``
    (its base). Either may be absent."""

    cel: Cel
    teller: Cel | None = None
    noemer: Cel | None = None


@dataclass
class Onderdrukking:
    """The outcome: ``klein`` (primary, shown as "< 5") and ``verborgen`` (secondary and derived,
    shown as "*")."""

    klein: set[Cel] = field(default_factory=set)
    verborgen: set[Cel] = field(default_factory=set)

    def __contains__(self, cel: Cel) -> bool:
        return cel in self.klein or cel in self.verborgen

    def __bool__(self) -> bool:
        return bool(self.klein or self.verborgen)


def is_klein(aantal, drempel: int | None = None) -> bool:
    drempel = kleine_aantallen_drempel() if drempel is None else drempel
    return aantal is not None and 0 < aantal < drempel


def _eenduidig(som_verborgen: int, n: int, drempel: int) -> bool:
    """True when ``n`` small counts (each 1..drempel-1) summing to ``som_verborgen`` have only one
    possible value each (all the minimum or all the maximum)."""
    return som_verborgen in (n, n * (drempel - 1))


def onderdruk(
    aantallen: Mapping[Cel, int | None],
    sommen: Iterable[Som] = (),
    afgeleid: Iterable[Afgeleid] = (),
    *,
    drempel: int | None = None,
) -> Onderdrukking:
    """The cells to hide. ``aantallen`` holds every count cell (a missing or ``None`` value is shown
    as nothing and takes no part); a relation with a cell outside ``aantallen`` is ignored."""
    drempel = kleine_aantallen_drempel() if drempel is None else drempel
    waarden = {c: v for c, v in aantallen.items() if v is not None}
    uitkomst = Onderdrukking(klein={c for c, v in waarden.items() if is_klein(v, drempel)})
    relaties = [s for s in sommen if s.totaal in waarden and s.delen and all(d in waarden for d in s.delen)]
    verborgen = uitkomst.verborgen
    klein = uitkomst.klein

    def kies(som: Som) -> Cel | None:
        open_delen = [d for d in som.delen if d not in klein and d not in verborgen]
        niet_nul = [d for d in open_delen if waarden[d] != 0]
        if niet_nul:
            return min(niet_nul, key=lambda d: waarden[d])
        if som.totaal not in klein and som.totaal not in verborgen:
            return som.totaal
        return open_delen[0] if open_delen else None

    def regels() -> bool:
        gewijzigd = False
        for som in relaties:
            cellen = (som.totaal, *som.delen)
            onbekend = [c for c in cellen if c in klein or c in verborgen]
            if not onbekend:
                continue
            nodig = len(onbekend) == 1
            if not nodig and som.totaal not in onbekend and all(c in klein for c in onbekend):
                # The reader computes the sum of the hidden small counts from the total.
                nodig = _eenduidig(sum(waarden[c] for c in onbekend), len(onbekend), drempel)
            if nodig:
                extra = kies(som)
                if extra is not None:
                    verborgen.add(extra)
                    gewijzigd = True
        return gewijzigd

    while True:
        while regels():
            pass
        # The guarantee: no hidden cell follows from all relations together either (x + y = 10 and
        # x + y + z = 12 give z, though each relation has two hidden cells).
        bepaald = afleidbaar(klein | verborgen, relaties)
        extra = next(
            (
                e
                for c in sorted(bepaald, key=repr)
                for som in relaties
                if c == som.totaal or c in som.delen
                for e in [kies(som)]
                if e is not None
            ),
            None,
        )
        if extra is None:
            break
        verborgen.add(extra)
    for a in afgeleid:
        if (a.teller is not None and a.teller in uitkomst) or (a.noemer is not None and a.noemer in uitkomst):
            verborgen.add(a.cel)
    return uitkomst


_PRIEM = 2**61 - 1  # rank over a large prime field: the rank over the rationals, for small coefficients


def afleidbaar(onbekend: set[Cel], sommen: Iterable[Som]) -> set[Cel]:
    """The hidden cells a reader can compute exactly from the relations with the shown values, by
    any linear combination (Gaussian elimination per group of relations that share hidden cells):
    cell ``c`` follows iff the unit vector of ``c`` lies in the row space of the relations'
    coefficients on the hidden cells."""
    rijen: list[dict[Cel, int]] = []
    for som in sommen:
        rij: dict[Cel, int] = {}
        for c, f in ((som.totaal, 1), *((d, -1) for d in som.delen)):
            if c in onbekend:
                rij[c] = rij.get(c, 0) + f
        rij = {c: f for c, f in rij.items() if f}
        if rij:
            rijen.append(rij)
    # Groups of relations that share hidden cells (union-find), each solved on its own.
    ouder: dict[Cel, Cel] = {}

    def wortel(c: Cel) -> Cel:
        while ouder.setdefault(c, c) != c:
            ouder[c] = ouder[ouder[c]]
            c = ouder[c]
        return c

    for rij in rijen:
        eerste, *rest = rij
        for c in rest:
            ouder[wortel(c)] = wortel(eerste)
    groepen: dict[Cel, list[dict[Cel, int]]] = {}
    for rij in rijen:
        groepen.setdefault(wortel(next(iter(rij))), []).append(rij)
    bepaald: set[Cel] = set()
    for groep in groepen.values():
        bepaald |= _eenheidsvectoren(groep)
    return bepaald


def _eenheidsvectoren(rijen: list[dict[Cel, int]]) -> set[Cel]:
    """Reduced row echelon form modulo a large prime; a row with one non-zero entry is a cell."""
    basis: list[tuple[Cel, dict[Cel, int]]] = []  # (pivot, row with pivot coefficient 1)
    for origineel in rijen:
        rij = {c: f % _PRIEM for c, f in origineel.items()}
        for pivot, b in basis:
            f = rij.get(pivot)
            if f:
                for c, g in b.items():
                    rij[c] = (rij.get(c, 0) - f * g) % _PRIEM
                rij = {c: g for c, g in rij.items() if g}
        if not rij:
            continue
        pivot = min(rij, key=repr)
        inverse = pow(rij[pivot], -1, _PRIEM)
        rij = {c: g * inverse % _PRIEM for c, g in rij.items()}
        # Keep the basis reduced: remove the new pivot from the earlier rows.
        nieuw = []
        for p, b in basis:
            f = b.get(pivot)
            if f:
                b = {c: (b.get(c, 0) - f * rij.get(c, 0)) % _PRIEM for c in b.keys() | rij.keys()}
                b = {c: g for c, g in b.items() if g}
            nieuw.append((p, b))
        basis = [*nieuw, (pivot, rij)]
    return {p for p, b in basis if len(b) == 1}


# -- Key figures: the cells and relations of one outcome ------------------------------------------


def kc(sleutel: str) -> Cel:
    """The cell of a headline figure."""
    return ("k", sleutel)


def cel(tabel: int, rij: int, kolom: str) -> Cel:
    """The cell of a table (by the table's index in the outcome, the row's index, the column key)."""
    return ("t", tabel, rij, kolom)


def kolomsom(totaal: Cel, tabel: int, rijen: Iterable[int], kolom: str) -> Som:
    """``totaal`` is the sum of column ``kolom`` over ``rijen`` of table ``tabel``."""
    return Som(totaal, tuple(cel(tabel, r, kolom) for r in rijen))


def _verwijzing(tabel: int, rij: int, sleutel: str | None) -> Cel | None:
    if not sleutel:
        return None
    if sleutel.startswith("kerncijfer:"):
        return kc(sleutel.removeprefix("kerncijfer:"))
    return cel(tabel, rij, sleutel)


def onderdrukking_van(uitkomst: Uitkomst, *, drempel: int | None = None) -> Onderdrukking:
    """Primary and secondary suppression of one key figure's outcome (see ``relaties_van``)."""
    aantallen, sommen, afgeleid = relaties_van(uitkomst)
    return onderdruk(aantallen, sommen, afgeleid, drempel=drempel)


def relaties_van(uitkomst: Uitkomst) -> tuple[dict[Cel, int | None], list[Som], list[Afgeleid]]:
    """The count cells, relations and derived values of one key figure's outcome, from what it
    declares: count headline figures and columns (``soort="aantal"``), a table's ``totaalrij`` (the last row is the
    column total of the rows above) and ``rijsommen`` (per row: a column is the sum of others), the
    outcome's ``sommen`` (e.g. a headline figure that is a column total) and the ``teller``/``noemer``
    of derived values. A derived headline figure that gives only the value of its count
    (``teller=<int>``) is hidden when that count is small."""
    aantallen: dict[Cel, int | None] = {}
    afgeleid: list[Afgeleid] = []
    sommen: list[Som] = list(uitkomst.sommen)
    for k in uitkomst.kerncijfers:
        if k.soort == "aantal":
            aantallen[kc(k.sleutel)] = None if k.waarde is None else int(k.waarde)
        elif k.teller_sleutel or k.noemer_sleutel:
            afgeleid.append(
                Afgeleid(
                    kc(k.sleutel),
                    kc(k.teller_sleutel) if k.teller_sleutel else None,
                    kc(k.noemer_sleutel) if k.noemer_sleutel else None,
                )
            )
        elif k.teller is not None:
            aantallen[("teller", k.sleutel)] = k.teller
            afgeleid.append(Afgeleid(kc(k.sleutel), ("teller", k.sleutel)))
    for t, tabel in enumerate(uitkomst.tabellen):
        tellend = [k.sleutel for k in tabel.kolommen if k.soort == "aantal"]
        afgeleide_kolommen = [k for k in tabel.kolommen if k.soort != "aantal" and (k.teller or k.noemer)]
        for r, rij in enumerate(tabel.rijen):
            for sleutel in tellend:
                aantallen[cel(t, r, sleutel)] = rij.get(sleutel)
            for kolom in afgeleide_kolommen:
                afgeleid.append(
                    Afgeleid(cel(t, r, kolom.sleutel), _verwijzing(t, r, kolom.teller), _verwijzing(t, r, kolom.noemer))
                )
            for totaal, delen in tabel.rijsommen:
                sommen.append(Som(cel(t, r, totaal), tuple(cel(t, r, d) for d in delen)))
        if tabel.totaalrij and len(tabel.rijen) > 1:
            laatste = len(tabel.rijen) - 1
            sommen.extend(kolomsom(cel(t, laatste, s), t, range(laatste), s) for s in tellend)
    return aantallen, sommen, afgeleid
