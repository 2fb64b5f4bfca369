"""The one transition helper: lock the row, refuse an illegal source state, update conditionally,
write the history row.

Every state machine in the portal (dossier, thuiszitter and zorgplicht case, arrangement request,
TLV, objection, annual plan, report version, publication) changes status through ``overgang``:

1. ``vergrendel`` reloads the row under ``select_for_update`` (a second transition of the same
   object waits here until the first commits) and refuses a source state outside ``van`` with
   ``OngeldigeOvergang``, or a stale form (``versie``) with ``GelijktijdigeWijziging``;
2. the UPDATE is conditional on the status (and ``versie``) just read, so even without a row lock
   two concurrent transitions cannot both succeed: the loser gets ``GelijktijdigeWijziging``;
3. the object is saved once more through the model, so that django-simple-history keeps its
   before/after snapshot, and ``versie`` (when the model has one) moves on, making open forms stale;
4. ``status_vastleggen`` writes the one history row (old, new, who, when, why) into the app's
   ``swv.models.Statusovergang`` table; it is also the only writer of the first row of a new object.

Services call it inside their ``transaction.atomic``; rights and the rules of the step stay in the
service, between ``vergrendel`` and ``overgang`` when they need the locked row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from functools import cache
from typing import Any, TypeVar

from django.apps import apps
from django.db import models
from django.db.models import F
from django.utils.translation import gettext as _

from swv.fouten import Bericht, GelijktijdigeWijziging, OngeldigeOvergang
from swv.models.historie import Statusovergang

__all__ = ["historie_model", "overgang", "status_vastleggen", "vergrendel"]

M = TypeVar("M", bound=models.Model)


@cache
def historie_model(model: type[models.Model]) -> type[Statusovergang]:
    """The history table of ``model``: the concrete ``Statusovergang`` naming it as its subject."""
    model = model._meta.concrete_model or model
    for kandidaat in apps.get_models():
        if issubclass(kandidaat, Statusovergang) and model in kandidaat.onderwerp_modellen():
            return kandidaat
    raise LookupError(f"No status history model for {model._meta.label}")


def _heeft_versie(model: type[models.Model]) -> bool:
    return any(f.name == "versie" for f in model._meta.concrete_fields)


def _status_label(obj: models.Model) -> str:
    weergave = getattr(obj, "get_status_display", None)
    return str(weergave()) if weergave else str(obj.status)  # type: ignore[attr-defined]


def vergrendel(
    obj: M,
    *,
    van: Iterable[str] | None = None,
    versie: int | None = None,
    queryset: models.QuerySet[M] | None = None,
    bericht: Bericht | None = None,
    fout: type[OngeldigeOvergang] = OngeldigeOvergang,
) -> M:
    """Reload ``obj`` under a row lock; refuse when its status is not in ``van`` or when it changed
    since the user loaded ``versie``.

    ``queryset`` (e.g. a ``visible_to`` one, or with ``select_related``) defaults to the model's own.
    ``bericht`` replaces the generic refusal; a ``%(status)s`` in it becomes the current status.
    ``fout`` is the app's subclass of ``OngeldigeOvergang`` (e.g. ``TLVOngeldigeOvergang``, also a
    ``TLVFout``), so that callers may catch either the app's root or the transition error.
    """
    qs = queryset if queryset is not None else type(obj)._default_manager.all()
    vers = qs.select_for_update().get(pk=obj.pk)
    if van is not None and vers.status not in set(van):  # type: ignore[attr-defined]
        tekst = bericht or _("This is not possible in the current status (%(status)s).")
        raise fout(str(tekst) % {"status": _status_label(vers)} if "%(status)s" in str(tekst) else tekst)
    if versie is not None and versie != vers.versie:  # type: ignore[attr-defined]
        raise GelijktijdigeWijziging()
    return vers


def overgang(
    obj: M,
    naar: str,
    *,
    door: Any,
    van: Iterable[str] | None = None,
    reden: str = "",
    velden: Mapping[str, Any] | Iterable[str] = (),
    bericht: Bericht | None = None,
    fout: type[OngeldigeOvergang] = OngeldigeOvergang,
) -> M:
    """Move ``obj`` to ``naar`` (saving ``velden`` with it) and record the transition.

    ``velden`` are field values (a mapping) or the names of fields already set on ``obj``.
    ``van`` are the allowed source states; without it the status ``obj`` was read with is the only
    one (the caller checked it already, a change since then is a concurrent edit). ``obj`` is
    updated in place and returned.
    """
    model = type(obj)
    gelezen = obj.status  # type: ignore[attr-defined]
    vers = vergrendel(obj, van=van, bericht=bericht, fout=fout)
    if van is None and vers.status != gelezen:  # type: ignore[attr-defined]
        raise GelijktijdigeWijziging()
    oud: str = vers.status  # type: ignore[attr-defined]
    velden = dict(velden) if isinstance(velden, Mapping) else {veld: getattr(obj, veld) for veld in velden}
    voorwaarde: dict[str, Any] = {"pk": obj.pk, "status": oud}
    wijziging: dict[str, Any] = {"status": naar, **velden}
    if _heeft_versie(model):
        voorwaarde["versie"] = vers.versie  # type: ignore[attr-defined]
        wijziging["versie"] = F("versie") + 1
    if not model._default_manager.filter(**voorwaarde).update(**wijziging):
        raise GelijktijdigeWijziging()
    for veld, waarde in velden.items():
        setattr(obj, veld, waarde)
    obj.status = naar  # type: ignore[attr-defined]
    bijgewerkt = ["status", *velden]
    if _heeft_versie(model):
        obj.versie = vers.versie + 1  # type: ignore[attr-defined]
        bijgewerkt.append("versie")
    # Saved once more through the model so that django-simple-history records the change (the
    # conditional UPDATE above bypasses it); the values are the ones just written.
    obj.save(update_fields=bijgewerkt)
    if naar != oud:
        status_vastleggen(obj, van=oud, naar=naar, door=door, reden=reden)
    return obj


def status_vastleggen(
    obj: models.Model, *, van: str, naar: str, door: Any, reden: str = "", op: datetime | None = None
) -> Statusovergang:
    """Write the one history row of a transition of ``obj`` (``van=""`` for a new object)."""
    historie = historie_model(type(obj))
    extra = {"op": op} if op is not None else {}
    return historie._default_manager.create(
        **historie.koppeling(obj), van=van, naar=naar, door=door, reden=reden, **extra
    )
