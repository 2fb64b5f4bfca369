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


@dataclass(frozen=True)
class MenuItem:
    naam: str
    url_name: str
    label: str  # a lazy translation
    rollen: frozenset[str]
    volgorde: int = 50


_MENU: list[MenuItem] = []


def registreer_menu(*, naam: str, url_name: str, label, rollen: Iterable[str], volgorde: int = 50) -> None:
    """Add a main-navigation item for users holding one of ``rollen`` (apps call this in ``ready``)."""
    if any(m.naam == naam for m in _MENU):
        return
    _MENU.append(MenuItem(naam=naam, url_name=url_name, label=label, rollen=frozenset(rollen), volgorde=volgorde))
    _MENU.sort(key=lambda m: (m.volgorde, m.naam))


def menu_voor(mijn_rollen: set[str]) -> list[MenuItem]:
    return [m for m in _MENU if m.rollen & mijn_rollen]
