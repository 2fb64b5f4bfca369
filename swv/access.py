"""The scoping layer: which schools may this user act on, in which role (PRIVACY.md: need to know).

Every protected model's queryset has ``visible_to(user, action)`` built from the helpers here, and
every view reaches objects through ``swv.generiek.ScopedObjectMixin`` so that list, detail, edit and download
share one rule. Anything outside the scope answers 404 (deny by default, never 403).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, QuerySet
from django.http import Http404

from swv.choices import Rol
from swv.models import Lidmaatschap, School

M = TypeVar("M", bound=Model)

_CACHE_ATTR = "_swv_lidmaatschappen"


def lidmaatschappen(user, datum: date | None = None) -> list[Lidmaatschap]:
    """The user's memberships in force on ``datum`` (today by default), cached on the user object."""
    if not (user and user.is_authenticated and user.is_active):
        return []
    if datum is not None:
        return list(Lidmaatschap.objects.filter(gebruiker=user).actief_op(datum))
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = list(Lidmaatschap.objects.filter(gebruiker=user).actief_op().select_related("school", "bestuur"))
        setattr(user, _CACHE_ATTR, cached)
    return cached


def vergeet_lidmaatschappen(user) -> None:
    """Drop the per-request cache, after memberships changed."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def rollen(user) -> set[str]:
    return {m.rol for m in lidmaatschappen(user)}


def heeft_rol(user, *gevraagd: str) -> bool:
    return bool(rollen(user) & set(gevraagd))


def school_ids(user, gevraagd: Iterable[str]) -> set[int]:
    """Ids of the schools on which the user holds one of the roles (a bestuurder: the board's schools)."""
    gevraagd = set(gevraagd)
    ids = {m.school_id for m in lidmaatschappen(user) if m.rol in gevraagd and m.school_id}
    bestuur_ids = {m.bestuur_id for m in lidmaatschappen(user) if m.rol in gevraagd and m.bestuur_id}
    if bestuur_ids:
        ids |= set(School.objects.filter(bestuur_id__in=bestuur_ids).values_list("pk", flat=True))
    return ids


def bestuur_ids(user, gevraagd: Iterable[str] = (Rol.BESTUURDER,)) -> set[int]:
    gevraagd = set(gevraagd)
    return {m.bestuur_id for m in lidmaatschappen(user) if m.rol in gevraagd and m.bestuur_id}


def scholen(user, gevraagd: Iterable[str]) -> QuerySet[School]:
    return School.objects.filter(pk__in=school_ids(user, gevraagd))


def zichtbaar_of_404(queryset: QuerySet[M], **lookup) -> M:
    """Get one object from an already scoped queryset, or 404 (never 403, never a hint)."""
    try:
        return queryset.get(**lookup)
    except (ObjectDoesNotExist, ValueError):
        raise Http404


def controleer_nog_zichtbaar(obj: Model, user, action: str = "view") -> None:
    """After a write: the object must still be visible to its author, else the caller's
    transaction rolls back (netbox). Raises ``Http404`` inside ``transaction.atomic``."""
    if not type(obj)._default_manager.visible_to(user, action).filter(pk=obj.pk).exists():  # type: ignore[attr-defined]
        raise Http404


# --- Users without a membership who still see pupil data (issue 14: parents) ----------------------
# swv cannot import the apps, so an app registers the rule that recognises its users, the page they
# start on and the routes they may use; the two-factor middleware, ``ExterneGebruikerMiddleware``
# (shorter session, every other route 404) and the home page use it.


@dataclass(frozen=True)
class ExterneToegang:
    regel: Callable[[Any], bool]
    startpagina: str
    routes: tuple[str, ...]


_EXTERNE_TOEGANG: list[ExterneToegang] = []
#: Routes every signed-in user may use (home redirects, notifications, language); with the paths
#: of the login, two-factor and static files (``swv.middleware``).
ALTIJD_TOEGESTAAN = ("home", "meldingen", "meldingen_gelezen", "melding_openen", "set_language", "gezondheid")


def registreer_externe_toegang(regel: Callable[[Any], bool], *, startpagina: str, routes: Iterable[str]) -> None:
    """Register ``regel(user) -> bool`` for users whose rights come from an app's own link (a parent
    of a pupil) rather than a membership, the URL name of their start page, and the URL names (or
    name prefixes ending in ``_``) they may open; every other page answers them 404."""
    if all(t.regel is not regel for t in _EXTERNE_TOEGANG):
        _EXTERNE_TOEGANG.append(ExterneToegang(regel, startpagina, tuple(routes)))


def externe_toegang(user) -> ExterneToegang | None:
    """The registration that recognises ``user`` (None for staff and anyone else), cached per request."""
    if not (user and user.is_authenticated and user.is_active):
        return None
    if not hasattr(user, "_swv_externe_toegang"):
        user._swv_externe_toegang = next((t for t in _EXTERNE_TOEGANG if t.regel(user)), None)
    return user._swv_externe_toegang


def externe_startpagina(user) -> str:
    toegang = externe_toegang(user)
    return toegang.startpagina if toegang else ""


def is_externe_gebruiker(user) -> bool:
    return externe_toegang(user) is not None


def externe_route_toegestaan(toegang: ExterneToegang, route: str) -> bool:
    if route in ALTIJD_TOEGESTAAN:
        return True
    return any(route == r or (r.endswith("_") and route.startswith(r)) for r in toegang.routes)
