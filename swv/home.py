"""Home-page panels: each app registers what its roles see on the home page.

A panel is a template plus a context function ``(request) -> dict | None`` (``None`` hides it), shown
to users holding one of its roles. Apps register panels in their ``AppConfig.ready``, so the home
view never needs to know the apps (dependencies point one way).

A panel that is costly for some users (a whole kring's worklist, the finance summary) is registered
``uitgesteld=True`` with a ``titel``: the home page shows its heading and htmx loads its content with a
request of its own (``/paneel/<naam>/``), so the home page keeps its query and time budget however
many apps add panels. Without JavaScript the heading links to the panel's own page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Paneel:
    naam: str
    template: str
    rollen: frozenset[str]
    context: Callable
    volgorde: int = 50
    uitgesteld: bool = False
    titel: Any = ""  # the heading shown while a deferred panel loads (a lazy translation)


_PANELEN: list[Paneel] = []


def registreer_paneel(
    *,
    naam: str,
    template: str,
    rollen: Iterable[str],
    context: Callable,
    volgorde: int = 50,
    uitgesteld: bool = False,
    titel: Any = "",
) -> None:
    if any(p.naam == naam for p in _PANELEN):
        return
    if uitgesteld and not titel:
        raise ValueError(f"Deferred panel {naam!r} needs a titel")
    _PANELEN.append(
        Paneel(
            naam=naam,
            template=template,
            rollen=frozenset(rollen),
            context=context,
            volgorde=volgorde,
            uitgesteld=uitgesteld,
            titel=titel,
        )
    )
    _PANELEN.sort(key=lambda p: (p.volgorde, p.naam))


def panelen_voor(request, mijn_rollen: set[str]) -> list[dict]:
    """The user's panels in order; a deferred one without its context (``uitgesteld``: loaded apart)."""
    zichtbaar = []
    for paneel in _PANELEN:
        if not paneel.rollen & mijn_rollen:
            continue
        if paneel.uitgesteld:
            zichtbaar.append({"naam": paneel.naam, "uitgesteld": True, "titel": paneel.titel})
            continue
        ctx = paneel.context(request)
        if ctx is not None:
            zichtbaar.append({"template": paneel.template, "context": ctx, "naam": paneel.naam})
    return zichtbaar


def paneel_voor(request, naam: str, mijn_rollen: set[str]) -> dict | None:
    """One panel with its context, when the user holds one of its roles and it has something to show."""
    paneel = next((p for p in _PANELEN if p.naam == naam and p.rollen & mijn_rollen), None)
    if paneel is None:
        return None
    ctx = paneel.context(request)
    if ctx is None:
        return {"naam": paneel.naam, "leeg": True, "titel": paneel.titel}
    return {"template": paneel.template, "context": ctx, "naam": paneel.naam, "titel": paneel.titel}


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
