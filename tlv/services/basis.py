"""The TLV services' use of the one transition helper (``swv.overgangen``): rights, locking, the
status change and its history.

A transition is: ``vergrendel`` (lock the row and check the source state), validate, ``wissel``
(``swv.overgangen.overgang``: conditional UPDATE of status, fields and ``versie``, the
``TLVStatusovergang``). An edit without a status change (``wissel(obj, None, ...)``) saves the
fields on the locked row and moves ``versie`` on, so that an open edit form becomes stale.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from swv import overgangen
from tlv.models import TLV, Bezwaar
from tlv.services.fouten import GelijktijdigeWijziging, TLVFout, TLVOngeldigeOvergang


def eis_recht(user, tlv: TLV, action: str) -> None:
    if not TLV.objects.visible_to(user, action).filter(pk=tlv.pk).exists():
        raise TLVFout(_("You may not do this for this TLV."))


def vergrendel(tlv: TLV, van: Iterable[str], *, versie: int | None = None) -> TLV:
    """Lock the TLV and check it is in one of the states ``van`` (and at ``versie``)."""
    vers = overgangen.vergrendel(
        tlv,
        van=van,
        bericht=_("This is not possible now: the status of the TLV is ‘%(status)s’."),
        fout=TLVOngeldigeOvergang,
    )
    if versie is not None and versie != vers.versie:
        raise GelijktijdigeWijziging(
            _("Someone else changed this TLV after you opened it. Reload the page and enter your changes again.")
        )
    return vers


def wissel(obj: TLV | Bezwaar, naar: str | None, *, door, reden: str = "", **velden):
    """Save ``velden`` on a locked TLV or objection; when ``naar`` differs from its status, through
    ``swv.overgangen.overgang`` (which records the transition in its ``statusovergangen``)."""
    if naar is not None and naar != obj.status:
        return overgangen.overgang(obj, naar, door=door, reden=reden, velden=velden, fout=TLVOngeldigeOvergang)
    for veld, waarde in velden.items():
        setattr(obj, veld, waarde)
    if isinstance(obj, TLV):
        obj.versie += 1
    obj.save()
    return obj


def vergrendel_bezwaar(bezwaar: Bezwaar, van: Iterable[str]) -> Bezwaar:
    """Lock the objection and check it is in one of the states ``van``."""
    return overgangen.vergrendel(
        bezwaar,
        van=van,
        bericht=_("This is not possible now: the status of the objection is ‘%(status)s’."),
        fout=TLVOngeldigeOvergang,
    )


def verplicht(waarde: str, bericht) -> str:
    """A required free text: stripped, or the Dutch domain error ``bericht``."""
    waarde = (waarde or "").strip()
    if not waarde:
        raise TLVFout(bericht)
    return waarde
