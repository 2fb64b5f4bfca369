"""The next step after a held MDO, offered on the MDO page: an outcome "arrangement request" leads to
the request form, "TLV proposal" to a new TLV request, each prefilled with the MDO and the pupil (or
to the request already made from it). The forms live in apps that build on this one, so they
register their step here (dependencies point one way)::

    @registreer_vervolgstap(Uitkomstsoort.TLV_VOORSTEL)
    def tlv_starten(uitkomst, user) -> Vervolgstap | None: ...

A step function sees one held outcome and the user, returns ``None`` when the user may not take it,
and uses a fixed number of queries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from leerlingen.choices import MDOStatus


@dataclass(frozen=True)
class Vervolgstap:
    tekst: str
    url: str
    #: True when the step was already taken: the link goes to what it made.
    gedaan: bool = False


Stap = Callable[[Any, Any], "Vervolgstap | None"]
_STAPPEN: dict[str, Stap] = {}


def registreer_vervolgstap(uitkomstsoort: str) -> Callable[[Stap], Stap]:
    def registreer(stap: Stap) -> Stap:
        _STAPPEN[str(uitkomstsoort)] = stap
        return stap

    return registreer


def vervolgstappen(mdo, uitkomsten, user) -> list[Vervolgstap]:
    """The steps the user may take after a held MDO, in the order of its outcomes."""
    if mdo.status != MDOStatus.GEHOUDEN:
        return []
    stappen = []
    for uitkomst in uitkomsten:
        stap_functie = _STAPPEN.get(uitkomst.soort)
        stap = stap_functie(uitkomst, user) if stap_functie else None
        if stap is not None:
            stappen.append(stap)
    return stappen
