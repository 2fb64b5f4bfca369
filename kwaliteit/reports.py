"""Report job kinds: the jaarverslag, the TLC and AC annual reports and the jaarplan as designed
PDFs, generated on the worker (``@taaksoort``) with progress, for a ``RapportVersie`` row."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from kwaliteit.choices import RapportSoort
from kwaliteit.conf import verslag_rollen
from swv.access import heeft_rol
from swv.models import Taak
from swv.pdf import render_to_pdf
from swv.taken import TaakFout, Voortgang, taaksoort

TEMPLATES: dict[str, str] = {
    RapportSoort.JAARVERSLAG: "pdf/kwaliteit_jaarverslag.html",
    RapportSoort.TLC_JAARVERSLAG: "pdf/kwaliteit_commissieverslag.html",
    RapportSoort.AC_JAARVERSLAG: "pdf/kwaliteit_commissieverslag.html",
    RapportSoort.JAARPLAN: "pdf/kwaliteit_jaarplan.html",
}


def _genereer(taak: Taak, voortgang: Voortgang) -> tuple[str, bytes]:
    from kwaliteit.models import RapportVersie
    from kwaliteit.selectors.verslagen import verslag_inhoud

    versie = RapportVersie.objects.select_related("rapport", "aangemaakt_door").filter(taak=taak).first()
    if versie is None:
        raise TaakFout(_("The report version of this job no longer exists."))
    rapport = versie.rapport
    with translation.override("nl"):
        voortgang(5, _("Collecting the key figures"))
        context = verslag_inhoud(
            rapport=rapport, versie_nummer=versie.nummer, user=versie.aangemaakt_door, voortgang=voortgang
        )
        voortgang(70, _("Designing the PDF"))
        pdf = render_to_pdf(TEMPLATES[rapport.soort], context)
        voortgang(95, _("Saving"))
    return f"{rapport.soort.replace('_', '-')}-{rapport.periode}-v{versie.nummer}.pdf", pdf


def _mag_inzien(soort: str):
    return lambda user: heeft_rol(user, *verslag_rollen(soort, "lezen"))


def _terug(taak: Taak) -> tuple[str, str] | None:
    """A report job leads back to its report, where the version is adopted and published."""
    from django.urls import reverse

    from kwaliteit.models import RapportVersie

    versie = RapportVersie.objects.select_related("rapport").filter(taak=taak).first()
    if versie is None:
        return None
    return reverse("kwaliteit:verslag", args=[versie.rapport.uuid]), _("To the report: check, adopt and publish it")


for _soort in RapportSoort.values:
    taaksoort(f"kwaliteit_{_soort}", mag_inzien=_mag_inzien(_soort), terug=_terug)(_genereer)
