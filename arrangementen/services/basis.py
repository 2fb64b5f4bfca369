"""The state machine's plumbing shared by the services: lock the request, check the user's right and
the source state, then flip the status with a conditional UPDATE and write the history row."""

from __future__ import annotations

from django.db.models import F
from django.utils.translation import gettext as _

from arrangementen.choices import AanvraagStatus
from arrangementen.models import Aanvraag, Statusovergang
from arrangementen.services.fouten import AanvraagFout, GelijktijdigeWijziging


def vergrendel(aanvraag: Aanvraag, *, door, actie: str, statussen, versie: int | None = None) -> Aanvraag:
    """Reload ``aanvraag`` under a row lock and refuse when ``door`` may not do ``actie`` on it, when
    its status is not one of ``statussen``, or when it changed since the user loaded ``versie``."""
    aanvraag = Aanvraag.objects.select_for_update().select_related("arrangementtype", "school").get(pk=aanvraag.pk)
    if not Aanvraag.objects.visible_to(door, actie).filter(pk=aanvraag.pk).exists():
        raise AanvraagFout(_("You may not do this for this request."))
    if versie is not None and aanvraag.versie != versie:
        raise GelijktijdigeWijziging(
            _(
                "Someone else changed this request while you were working on it. Nothing has been saved: "
                "reload the page and try again."
            )
        )
    if aanvraag.status not in statussen:
        raise AanvraagFout(
            _("This is not possible while the request is “%(status)s”.") % {"status": aanvraag.get_status_display()}
        )
    return aanvraag


def overgang(aanvraag: Aanvraag, naar: str, *, door, reden: str = "", velden: tuple[str, ...] = ()) -> Aanvraag:
    """Move ``aanvraag`` (locked by ``vergrendel``) to ``naar``, saving ``velden`` with it.

    The UPDATE is conditional on the old status (``WHERE status = van``), so even without a row lock
    two concurrent transitions cannot both succeed; the history row records old, new, who and why.
    """
    van = aanvraag.status
    gewijzigd = Aanvraag.objects.filter(pk=aanvraag.pk, status=van).update(
        status=naar, versie=F("versie") + 1, **{veld: getattr(aanvraag, veld) for veld in velden}
    )
    if not gewijzigd:
        raise GelijktijdigeWijziging(_("The request was changed at the same moment by someone else; try again."))
    aanvraag.status = naar
    aanvraag.versie += 1
    # Save the other fields through the model too, so that django-simple-history records the change.
    aanvraag.save(update_fields=["status", "versie", *velden])
    Statusovergang.objects.create(aanvraag=aanvraag, van=van, naar=naar, door=door, reden=reden)
    return aanvraag


def status_label(status: str) -> str:
    return str(AanvraagStatus(status).label)
