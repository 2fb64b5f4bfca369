"""The finance app's one way to read the TLV and arrangement apps (docs/financien.md, "Contracts").

Plain imports in the allowed direction (``tlv``, ``arrangementen`` <- ``financien``): finance calls
the contract selectors of those apps and turns their answers into its own types. "No data yet" is
a fact about the data, not about which apps are installed: ``None`` means the register has nothing
for the date or year asked, so pages say "no TLV data yet" instead of showing zeros.

Contracts:
- ``tlv.selectors.tlv_aantallen_voor_bekostiging(*, peildatum) -> list[dict]``: active TLVs of this
  SWV on ``peildatum``, one dict per (soort, categorie): ``{"soort": "SO"|"SBO", "categorie":
  "laag"|"midden"|"hoog"|"" (SBO), "aantal": int}``.
- ``tlv.selectors.tlvs_voor_bekostiging(user, *, peildatum, soort, categorie)``: the TLVs behind one
  number, scoped to ``user``. Finance logs every view of such a list (``swv.protocol.log_export``).
- ``arrangementen.selectors.arrangementen_budgetbeslag(*, jaar) -> dict``: ``{"toegekend": Decimal,
  "gerealiseerd": Decimal, "per_school": [...]}`` for the calendar year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from arrangementen import selectors as arrangementen_selectors
from tlv import selectors as tlv_selectors


@dataclass(frozen=True)
class BekostigingsTLV:
    """One TLV behind a deduction number, as the finance pages show it."""

    nummer: str
    soort: str
    categorie: str
    begindatum: date | None
    einddatum: date | None
    school_naam: str
    url: str


def tlv_aantallen(*, peildatum: date) -> dict[tuple[str, str], int] | None:
    """Active TLVs per (soort, categorie) on ``peildatum``; ``None`` when none is active then."""
    aantallen: dict[tuple[str, str], int] = {}
    for rij in tlv_selectors.tlv_aantallen_voor_bekostiging(peildatum=peildatum):
        soort = str(rij["soort"]).upper()
        categorie = "" if soort == "SBO" else str(rij.get("categorie") or "").lower()
        aantallen[(soort, categorie)] = aantallen.get((soort, categorie), 0) + int(rij["aantal"])
    if not any(aantallen.values()):
        return None
    return aantallen


def tlv_lijst(user: Any, *, peildatum: date, soort: str, categorie: str) -> list[BekostigingsTLV] | None:
    """The TLVs behind one number, scoped to ``user``; ``None`` when there are none."""
    tlvs = list(tlv_selectors.tlvs_voor_bekostiging(user, peildatum=peildatum, soort=soort, categorie=categorie))
    if not tlvs:
        return None
    return [
        BekostigingsTLV(
            nummer=t.nummer,
            soort=t.soort,
            categorie=t.categorie,
            begindatum=t.ingangsdatum,
            einddatum=t.einddatum,
            # The S(B)O school the deduction goes to.
            school_naam=t.beoogde_school.naam if t.beoogde_school_id else "",
            url=t.get_absolute_url(),
        )
        for t in tlvs
    ]


def arrangementen_beslag(*, jaar: int) -> dict | None:
    """Money granted and realised on arrangements in ``jaar``; ``None`` when there is none."""
    data = arrangementen_selectors.arrangementen_budgetbeslag(jaar=jaar)
    toegekend = Decimal(data.get("toegekend") or 0)
    gerealiseerd = Decimal(data.get("gerealiseerd") or 0)
    if not toegekend and not gerealiseerd and not data.get("per_school"):
        return None
    return {
        "toegekend": toegekend,
        "gerealiseerd": gerealiseerd,
        "aantal_toegekend": data.get("aantal_toegekend"),
        "per_school": data.get("per_school") or {},
    }
