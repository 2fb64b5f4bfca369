"""Which models hold pupil data, and which roles can reach a named pupil (PRIVACY.md: need to know).

Both answers are derived from the code, not kept as hand lists that can drift:

- ``leerlingmodellen()``: the pupil model (``leerlingen.Leerling``) and every model with a foreign
  key, directly or through other such models, to it (a dossier section, an MDO's child's voice, a
  TLV's objection ...). Django admin registers none of them (the beheerder sees no pupil data);
  corrections of pupil data go through the portal, where they are scoped and logged.
- ``rollen_met_leerlingtoegang()``: the roles for which some pupil model's ``visible_to`` is not
  empty by construction. It asks each queryset with a stand-in user who holds only that role (on a
  school, a board or the SWV that do not exist, and without per-object grants); a rule that admits
  the role yields a real query, a rule that refuses it yields ``none()`` or an always-false
  condition. ``TweeFactorVerplichtMiddleware`` requires TOTP for exactly these roles, so a role
  that gains pupil access in any app's ``visible_to`` needs TOTP from that moment on.
"""

from __future__ import annotations

from functools import cache

from django.apps import apps
from django.core.exceptions import EmptyResultSet
from django.db.models import Model, QuerySet

from swv.choices import BESTUUR_ROLLEN, SCHOOL_ROLLEN, Rol

#: The model that is the pupil; every model that points to it (transitively) holds pupil data.
LEERLING_MODEL = "leerlingen.Leerling"

_GEEN_ID = -1  # a primary key no row has: the stand-in user's school, board and account


@cache
def leerlingmodellen() -> frozenset[type[Model]]:
    """Concrete models that hold pupil data (history tables of simple-history excluded)."""
    leerling = apps.get_model(LEERLING_MODEL)
    gevonden: set[type[Model]] = {leerling}
    kandidaten = [
        m
        for m in apps.get_models()
        if not m._meta.abstract and not m._meta.proxy and not m.__name__.startswith("Historical")
    ]
    veranderd = True
    while veranderd:
        veranderd = False
        for model in kandidaten:
            if model in gevonden:
                continue
            for veld in model._meta.get_fields():
                doel = getattr(veld, "related_model", None)
                if (veld.many_to_one or veld.one_to_one) and veld.concrete and doel in gevonden:
                    gevonden.add(model)
                    veranderd = True
                    break
    return frozenset(gevonden)


def _plaatsvervanger(rol: str):
    """An unsaved user that holds only ``rol``, scoped to ids no row has, without grants."""
    from swv.models import Gebruiker, Lidmaatschap

    user = Gebruiker(pk=_GEEN_ID, email="plaatsvervanger@invalid", is_active=True)
    scope: dict[str, int] = {}
    if rol in SCHOOL_ROLLEN:
        scope["school_id"] = _GEEN_ID
    elif rol in BESTUUR_ROLLEN:
        scope["bestuur_id"] = _GEEN_ID
    user._swv_lidmaatschappen = [Lidmaatschap(gebruiker=user, rol=rol, **scope)]  # type: ignore[attr-defined]
    user._swv_toegekende_leerlingen = {"view": [], "change": []}  # type: ignore[attr-defined]
    return user


def _leeg(qs: QuerySet) -> bool:
    if qs.query.is_empty():
        return True
    try:
        qs.query.get_compiler(qs.db).as_sql()
    except EmptyResultSet:
        return True
    return False


def bereikt_leerlingen(rol: str) -> list[str]:
    """Labels of the pupil models whose ``visible_to`` admits a user with only ``rol``."""
    user = _plaatsvervanger(rol)
    bereikt = []
    for model in sorted(leerlingmodellen(), key=lambda m: m._meta.label):
        visible_to = getattr(model._default_manager, "visible_to", None)
        if getattr(model, "toont_geen_leerling", False):
            continue  # a number and an amount only (e.g. a realised cost): see the model
        if visible_to is not None and not _leeg(visible_to(user, "view")):
            bereikt.append(model._meta.label)
    return bereikt


@cache
def rollen_met_leerlingtoegang() -> frozenset[str]:
    """Roles that can see a named pupil somewhere in the portal (computed once per process)."""
    return frozenset(rol for rol in Rol.values if bereikt_leerlingen(rol))
