"""The transition machinery shared by the TLV services: rights, locking, the status change and its history.

A transition is: ``vergrendel`` (lock the row and check the source state), validate, ``wissel``
(set the new state and fields, save, write the ``TLVStatusovergang``). The lock is
``select_for_update`` on PostgreSQL; the claim of ``versie`` with a conditional UPDATE guards the
embedded SQLite too, so two concurrent transitions never both succeed.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import F
from django.utils.translation import gettext as _

from tlv.choices import BezwaarStatus, TLVStatus
from tlv.models import TLV, Bezwaar
from tlv.services.fouten import GelijktijdigeWijziging, TLVFout


def eis_recht(user, tlv: TLV, action: str) -> None:
    if not TLV.objects.visible_to(user, action).filter(pk=tlv.pk).exists():
        raise TLVFout(_("You may not do this for this TLV."))


def vergrendel(tlv: TLV, van: Iterable[str], *, versie: int | None = None) -> TLV:
    """Lock the TLV, check it is in one of the states ``van`` (and at ``versie``), claim the version."""
    vers = TLV.objects.select_for_update().get(pk=tlv.pk)
    if vers.status not in set(van):
        raise TLVFout(
            _("This is not possible now: the status of the TLV is ‘%(status)s’.")
            % {"status": TLVStatus(vers.status).label}
        )
    if versie is not None and versie != vers.versie:
        raise GelijktijdigeWijziging(
            _("Someone else changed this TLV after you opened it. Reload the page and enter your changes again.")
        )
    if not TLV.objects.filter(pk=vers.pk, status=vers.status, versie=vers.versie).update(versie=F("versie") + 1):
        raise GelijktijdigeWijziging(
            _("Someone else changed this TLV at the same moment. Reload the page and try again.")
        )
    vers.versie += 1
    return vers


def wissel(obj: TLV | Bezwaar, naar: str | None, *, door, reden: str = "", **velden):
    """Save ``velden`` on a locked TLV or objection and, when ``naar`` differs, record the status
    change in its ``statusovergangen`` (old, new, who, when, why)."""
    oud = obj.status
    for veld, waarde in velden.items():
        setattr(obj, veld, waarde)
    if naar is not None:
        obj.status = naar
    obj.save()
    if naar is not None and naar != oud:
        obj.statusovergangen.create(van=oud, naar=naar, door=door, reden=reden)
    return obj


def vergrendel_bezwaar(bezwaar: Bezwaar, van: Iterable[str]) -> Bezwaar:
    """Lock the objection and check it is in one of the states ``van``.

    The conditional UPDATE (``WHERE status = <read status>``) claims the row on SQLite too, where
    ``select_for_update`` is a no-op: a concurrent transition that got there first makes it fail.
    """
    vers = Bezwaar.objects.select_for_update().get(pk=bezwaar.pk)
    if vers.status not in set(van) or not Bezwaar.objects.filter(pk=vers.pk, status=vers.status).update(
        status=F("status")
    ):
        raise TLVFout(
            _("This is not possible now: the status of the objection is ‘%(status)s’.")
            % {"status": BezwaarStatus(vers.status).label}
        )
    return vers


def verplicht(waarde: str, bericht) -> str:
    """A required free text: stripped, or the Dutch domain error ``bericht``."""
    waarde = (waarde or "").strip()
    if not waarde:
        raise TLVFout(bericht)
    return waarde
