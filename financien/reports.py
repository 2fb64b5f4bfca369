"""Job kinds of the finance app: the T-rapportage PDF (lines, key figures and PDF on the worker)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from financien.querysets import mag_lezen
from financien.services.rapportage import TAAKSOORT, t_rapportage_opbouwen
from swv.models import Taak
from swv.taken import TaakFout, Voortgang, taaksoort


def _terug(taak: Taak) -> tuple[str, str] | None:
    """The job leads back to its T-rapportage (to check and adopt it)."""
    from django.urls import reverse

    rapport = taak.parameters.get("rapport")
    return (reverse("financien:t_rapportage", args=[rapport]), _("Back to the T-rapportage")) if rapport else None


@taaksoort(TAAKSOORT, mag_inzien=mag_lezen, terug=_terug)
def t_rapportage_pdf(taak: Taak, voortgang: Voortgang) -> tuple[str, bytes]:
    """Build the T-rapportage named in the job's parameters; domain errors fail it with their reason."""
    from financien.models import TRapportage

    rapport = TRapportage.objects.filter(uuid=taak.parameters.get("rapport")).first()
    if rapport is None:
        raise TaakFout(_("The T-rapportage no longer exists."))
    # A FinancienFout is a DomeinFout: the job fails with its Dutch reason, never retried (swv.taken).
    return t_rapportage_opbouwen(rapport=rapport, voortgang=voortgang)
