"""Home-page panels: each app registers what its roles see on the home page.

A panel is a template plus a context function ``(request) -> dict | None`` (``None`` hides it), shown
to users holding one of its roles. Apps register panels in their ``AppConfig.ready``, so the home
view never needs to know the apps (dependencies point one way).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Paneel:
    naam: str
    template: str
    rollen: frozenset[str]
    context: Callable
    volgorde: int = 50


_PANELEN: list[Paneel] = []


def registreer_paneel(*, naam: str, template: str, rollen: Iterable[str], context: Callable, volgorde: int = 50) -> None:
    if any(p.naam == naam for p in _PANELEN):
        return
    _PANELEN.append(Paneel(naam=naam, template=template, rollen=frozenset(rollen), context=context, volgorde=volgorde))
    _PANELEN.sort(key=lambda p: (p.volgorde, p.naam))


def panelen_voor(request, mijn_rollen: set[str]) -> list[dict]:
    zichtbaar = []
    for paneel in _PANELEN:
        if paneel.rollen & mijn_rollen:
            ctx = paneel.context(request)
            if ctx is not None:
                zichtbaar.append({"template": paneel.template, "context": ctx, "naam": paneel.naam})
    return zichtbaar
