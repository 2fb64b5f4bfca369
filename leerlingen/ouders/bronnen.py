"""What parents see of other apps' requests about their child, and how they give their view on one.

leerlingen cannot import arrangementen or tlv (dependencies point the other way), so those apps
register a source once, in ``AppConfig.ready``::

    registreer_ouderbron(OuderBron(sleutel="tlv", label=_("TLV request"), verzoeken=..., zienswijze_geven=...))

``verzoeken(leerling)`` returns ``OuderVerzoek`` rows of that child (the caller already checked the
parent's link); ``zienswijze_geven(koppeling=, uuid=, besluit=, tekst=)`` writes the parent's view
and answer into the request, through the app's own service, and raises a ``DomeinFout`` when the
request no longer takes one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID


@dataclass(frozen=True)
class OuderVerzoek:
    """One request about the child as a parent sees it: what it is, its status and deadlines, and
    whether the school waits for the parent's view (``zienswijze_open``)."""

    bron: str
    uuid: UUID
    titel: str
    status: str
    termijnen: list[tuple[Any, date]] = field(default_factory=list)
    zienswijze_open: bool = False
    zienswijze: str = ""
    besluit_label: str = ""
    beantwoord_op: Any = None


@dataclass(frozen=True)
class OuderBron:
    sleutel: str
    label: Any
    verzoeken: Callable[[Any], list[OuderVerzoek]]
    zienswijze_geven: Callable[..., Any]


_BRONNEN: dict[str, OuderBron] = {}


def registreer_ouderbron(bron: OuderBron) -> None:
    _BRONNEN.setdefault(bron.sleutel, bron)


def ouderbronnen() -> list[OuderBron]:
    return list(_BRONNEN.values())


def ouderbron(sleutel: str) -> OuderBron | None:
    return _BRONNEN.get(sleutel)


def verzoeken_van(leerling) -> list[OuderVerzoek]:
    """Every registered app's requests about the child (one or two queries per app)."""
    return [verzoek for bron in _BRONNEN.values() for verzoek in bron.verzoeken(leerling)]
