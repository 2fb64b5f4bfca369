"""The case overview of one pupil: every part of the case on one page, each with its status and next
deadline, fed by sources that the apps register (like ``leerlingen.tijdlijn``).

A source is a function ``(leerling, user) -> iterable of OverzichtRegel`` registered under a part
(``onderdeel``) with its heading and place on the page. It returns only what ``user`` may see (start
from ``visible_to``) and uses a fixed number of queries, whatever the number of rows::

    from leerlingen.overzicht import OverzichtRegel, registreer_overzichtbron

    @registreer_overzichtbron("tlv", _("TLVs"), volgorde=60)
    def tlvs(leerling, user):
        for t in TLV.objects.visible_to(user).filter(leerling=leerling):
            yield OverzichtRegel(titel=str(t), url=t.get_absolute_url(), status=t.get_status_display())

so that this module never needs to know the apps that build on it (``arrangementen`` and ``tlv``
register their own parts; dependencies point one way).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.utils import timezone


@dataclass(frozen=True)
class OverzichtRegel:
    """One row of a part: what it is, its status, its next deadline (and what falls due), a link."""

    titel: str
    url: str = ""
    status: str = ""
    datum: date | datetime | None = None  # when it started or happened
    termijn: date | None = None  # the next deadline, if any
    termijn_label: str = ""  # what must happen by then

    @property
    def termijn_verstreken(self) -> bool:
        return self.termijn is not None and self.termijn < timezone.localdate()


@dataclass
class Onderdeel:
    """A part of the overview (a heading and its rows, in the order the source gave them)."""

    sleutel: str
    titel: Any
    volgorde: int
    regels: list[OverzichtRegel] = field(default_factory=list)

    @property
    def volgende_termijn(self) -> date | None:
        termijnen = [r.termijn for r in self.regels if r.termijn is not None]
        return min(termijnen) if termijnen else None


Bron = Callable[[Any, Any], Iterable[OverzichtRegel]]


@dataclass
class _Registratie:
    sleutel: str
    titel: Any
    volgorde: int
    bronnen: list[Bron] = field(default_factory=list)


_ONDERDELEN: dict[str, _Registratie] = {}


def registreer_overzichtbron(sleutel: str, titel: Any, *, volgorde: int = 100) -> Callable[[Bron], Bron]:
    """Register a source of part ``sleutel`` (a decorator). Several apps may feed one part (the
    letters come from arrangementen and tlv); the first registration names the part and places it.
    Registering the same function twice is a no-op."""

    def registreer(bron: Bron) -> Bron:
        onderdeel = _ONDERDELEN.setdefault(sleutel, _Registratie(sleutel=sleutel, titel=titel, volgorde=volgorde))
        naam = f"{bron.__module__}.{bron.__qualname__}"
        if not any(f"{b.__module__}.{b.__qualname__}" == naam for b in onderdeel.bronnen):
            onderdeel.bronnen.append(bron)
        return bron

    return registreer


def _volgorde() -> list[_Registratie]:
    return sorted(_ONDERDELEN.values(), key=lambda r: (r.volgorde, r.sleutel))


def overzichtonderdelen() -> list[str]:
    return [r.sleutel for r in _volgorde()]


def overzicht(leerling, user, *, sleutels: Iterable[str] | None = None) -> list[Onderdeel]:
    """The parts of the pupil's case that ``user`` may see, in page order (optionally only some).

    Every registered part is returned, also when it has no rows, so that the page can say "none".
    """
    gekozen = set(sleutels) if sleutels is not None else None
    onderdelen = []
    for r in _volgorde():
        if gekozen is not None and r.sleutel not in gekozen:
            continue
        regels = [regel for bron in r.bronnen for regel in bron(leerling, user)]
        onderdelen.append(Onderdeel(sleutel=r.sleutel, titel=r.titel, volgorde=r.volgorde, regels=regels))
    return onderdelen
