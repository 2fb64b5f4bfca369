"""Small value helpers used across the apps.

``vereist``: a value the caller knows is set, with a clear error where ``None`` would be a bug.

A nullable column is often filled by a state: an issued TLV has ``afgegeven_op``, a decided
objection ``beslist_op``, and a query can exclude ``NULL`` rows. The service that relies on it says
so in one call, which also tells the type checker (instead of ``assert``, which ``python -O`` drops):

    termijnen.bezwaartermijn_einde(vereist(tlv.bekendgemaakt_op, "bekendgemaakt_op of an issued TLV"))
"""

from __future__ import annotations

from datetime import date
from typing import TypeVar

T = TypeVar("T")


def vereist(waarde: T | None, wat: str) -> T:
    """``waarde`` itself; ``ValueError`` naming ``wat`` when it is ``None``."""
    if waarde is None:
        raise ValueError(f"{wat} is not set")
    return waarde


def leeftijd_op(geboortedatum: date, datum: date) -> int:
    """Age in whole years on ``datum`` (a child born on 29 February turns a year older on 1 March)."""
    return datum.year - geboortedatum.year - ((datum.month, datum.day) < (geboortedatum.month, geboortedatum.day))
