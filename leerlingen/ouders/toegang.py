"""Which children a parent sees: the pupils of the parent's links in force (``OuderKoppeling.actief``)."""

from __future__ import annotations

from django.http import Http404

from leerlingen.models import Leerling, OuderKoppeling
from swv.access import lidmaatschappen


def kinderen(user):
    """The parent's children today (none for staff or anyone without a link in force)."""
    if not (user and user.is_authenticated and user.is_active):
        return Leerling.objects.none()
    return Leerling.objects.filter(pk__in=OuderKoppeling.objects.kinderen_van(user))


def koppeling_van(user, leerling_uuid) -> OuderKoppeling:
    """The parent's link in force to the child with this public id, or 404 (never a hint)."""
    koppeling = (
        OuderKoppeling.objects.visible_to(user)
        .filter(ouder=user, leerling__uuid=leerling_uuid)
        .select_related("leerling")
        .first()
    )
    if koppeling is None:
        raise Http404
    return koppeling


def is_portaalouder(user) -> bool:
    """A parent in the portal: a link to a child (in force or not) and no membership; the rule
    registered with ``swv.access.registreer_externe_toegang`` (``leerlingen.panels``)."""
    return not lidmaatschappen(user) and OuderKoppeling.objects.filter(ouder=user).exists()
