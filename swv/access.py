"""The scoping layer: which schools may this user act on, in which role (PRIVACY.md: need to know).

Every protected model's queryset has ``visible_to(user, action)`` built from the helpers here, and
every view reaches objects through ``swv.generiek.ScopedObjectMixin`` so that list, detail, edit and download
share one rule. Anything outside the scope answers 404 (deny by default, never 403).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TypeVar

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
