"""The arrangement services' rights check around the one transition helper (``swv.overgangen``):
lock the request, check the user's right and the source state; ``swv.overgangen.overgang`` then flips
the status with a conditional UPDATE and writes the history row."""

from __future__ import annotations

from django.utils.translation import gettext as _

from arrangementen.choices import AanvraagStatus
from arrangementen.models import Aanvraag
from arrangementen.services.fouten import AanvraagFout, AanvraagOngeldigeOvergang, GelijktijdigeWijziging
from swv import overgangen


def vergrendel(aanvraag: Aanvraag, *, door, actie: str, statussen, versie: int | None = None) -> Aanvraag:
    """Reload ``aanvraag`` under a row lock and refuse when ``door`` may not do ``actie`` on it, when
    its status is not one of ``statussen``, or when it changed since the user loaded ``versie``."""
    aanvraag = overgangen.vergrendel(aanvraag, queryset=Aanvraag.objects.select_related("arrangementtype", "school"))
    if not Aanvraag.objects.visible_to(door, actie).filter(pk=aanvraag.pk).exists():
        raise AanvraagFout(_("You may not do this for this request."))
    if versie is not None and aanvraag.versie != versie:
        raise GelijktijdigeWijziging(
            _(
                "Someone else changed this request while you were working on it. Nothing has been saved: "
                "reload the page and try again."
            )
        )
    return overgangen.vergrendel(
        aanvraag,
        van=statussen,
        bericht=_("This is not possible while the request is “%(status)s”."),
        fout=AanvraagOngeldigeOvergang,
    )


def status_label(status: str) -> str:
    return str(AanvraagStatus(status).label)
