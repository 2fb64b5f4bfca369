"""The finance app's only way to read the TLV and arrangement apps (docs/financien.md, "Contracts").

Those apps are built separately and may not be installed or not yet offer the function; every
function here looks the provider up at call time and returns ``None`` when it is absent, so pages
can say "no TLV data yet" instead of showing zeros. Tests register a provider with ``bron_vervangen``.

Contracts:
- ``tlv.selectors.tlv_aantallen_voor_bekostiging(*, peildatum) -> list[dict]``: active TLVs of this
  SWV on ``peildatum``, one dict per (soort, categorie): ``{"soort": "SO"|"SBO", "categorie":
  "laag"|"midden"|"hoog"|"" (SBO), "aantal": int}``.
- ``tlv.selectors.tlvs_voor_bekostiging(user, *, peildatum, soort, categorie)``: the TLVs behind one
  number, scoped to ``user`` (a queryset or list); each item offers ``nummer``, ``soort``,
  ``categorie``, ``begindatum``, ``einddatum`` and ``school_naam`` (attribute or key) and may offer
  ``get_absolute_url()``. Finance logs every view of such a list (``swv.protocol.log_export``).
- ``arrangementen.selectors.arrangementen_budgetbeslag(*, jaar) -> dict``: ``{"toegekend": Decimal,
  "gerealiseerd": Decimal}`` for the calendar year, optionally ``"aantal_toegekend": int`` and
  ``"per_school": {school_pk: {"toegekend": Decimal, "gerealiseerd": Decimal}}``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal

TLV_AANTALLEN = ("tlv.selectors", "tlv_aantallen_voor_bekostiging")
TLV_LIJST = ("tlv.selectors", "tlvs_voor_bekostiging")
ARRANGEMENTEN_BESLAG = ("arrangementen.selectors", "arrangementen_budgetbeslag")

#: Providers registered in place of the real lookup (tests); ``None`` means "explicitly absent".
_VERVANGEN: dict[tuple[str, str], Callable | None] = {}
_ONTBREEKT = object()


def zoek_bron(module: str, naam: str) -> Callable | None:
    """The provider function ``module.naam``, or ``None`` when the module or function does not exist.

    Only the absence of the module itself counts as "absent": an import error inside an existing
    module is a bug and is raised.
    """
    sleutel = (module, naam)
    if sleutel in _VERVANGEN:
        return _VERVANGEN[sleutel]
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as fout:
        if fout.name and (module == fout.name or module.startswith(fout.name + ".")):
            return None
        raise
    functie = getattr(mod, naam, None)
    return functie if callable(functie) else None


@contextmanager
def bron_vervangen(sleutel: tuple[str, str], functie: Callable | None) -> Iterator[None]:
    """Use ``functie`` as the provider ``sleutel`` (``None``: absent) inside the block."""
    oud = _VERVANGEN.get(sleutel, _ONTBREEKT)
    _VERVANGEN[sleutel] = functie
    try:
        yield
    finally:
        if oud is _ONTBREEKT:
            _VERVANGEN.pop(sleutel, None)
        else:
            _VERVANGEN[sleutel] = oud


def tlv_aantallen(*, peildatum: date) -> dict[tuple[str, str], int] | None:
    """Active TLVs per (soort, categorie) on ``peildatum``; ``None`` when the TLV register is absent."""
    functie = zoek_bron(*TLV_AANTALLEN)
    if functie is None:
        return None
    aantallen: dict[tuple[str, str], int] = {}
    for rij in functie(peildatum=peildatum):
        soort = str(rij["soort"]).upper()
        categorie = "" if soort == "SBO" else str(rij.get("categorie") or "").lower()
        aantallen[(soort, categorie)] = aantallen.get((soort, categorie), 0) + int(rij["aantal"])
    return aantallen


def tlv_lijst(user, *, peildatum: date, soort: str, categorie: str) -> list | None:
    """The TLVs behind one number, scoped to ``user``; ``None`` when the TLV register is absent."""
    functie = zoek_bron(*TLV_LIJST)
    if functie is None:
        return None
    return list(functie(user, peildatum=peildatum, soort=soort, categorie=categorie))


def arrangementen_beslag(*, jaar: int) -> dict | None:
    """Money granted and realised on arrangements in ``jaar``; ``None`` when the app is absent."""
    functie = zoek_bron(*ARRANGEMENTEN_BESLAG)
    if functie is None:
        return None
    data = functie(jaar=jaar) or {}
    return {
        "toegekend": Decimal(data.get("toegekend") or 0),
        "gerealiseerd": Decimal(data.get("gerealiseerd") or 0),
        "aantal_toegekend": data.get("aantal_toegekend"),
        "per_school": data.get("per_school") or {},
    }


def veld(item, naam: str, standaard=""):
    """Read ``naam`` from a provider's item, whether it is an object or a dict."""
    if isinstance(item, dict):
        return item.get(naam, standaard)
    return getattr(item, naam, standaard)
