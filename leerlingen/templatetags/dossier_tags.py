"""Template tags of the pupil's case (used on the pupil page, so its view need not know dossiers)."""

from django import template

from leerlingen.choices import DossierStatus
from leerlingen.models import Leerling
from leerlingen.selectors import dossier as selectors
from leerlingen.selectors.leerling import huidige_inschrijving
from swv.access import school_ids
from swv.choices import Rol

register = template.Library()


@register.simple_tag(takes_context=True)
def leerling_dossierinfo(context, leerling):
    """What the user may see and do about this pupil's case: dossiers, open one, add a signal, transfer."""
    user = context["request"].user
    dossiers = list(selectors.dossiers_van_leerling(user, leerling))
    mag_wijzigen = Leerling.objects.visible_to(user, "change").filter(pk=leerling.pk).exists()
    inschrijving = huidige_inschrijving(leerling)
    eigen_school = inschrijving is not None and inschrijving.school_id in school_ids(
        user, [Rol.IB_ER, Rol.LEERKRACHT, Rol.DIRECTEUR]
    )
    return {
        "dossiers": dossiers,
        "mag_openen": mag_wijzigen and not any(d.status != DossierStatus.AFGESLOTEN for d in dossiers),
        "mag_signaleren": eigen_school,
        "mag_overplaatsen": mag_wijzigen and inschrijving is not None,
    }
