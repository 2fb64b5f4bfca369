"""Reads of pupil data; every selector takes ``user`` and starts from ``visible_to``."""

from __future__ import annotations

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from leerlingen.models import Inschrijving, Leerling


def leerlingen_lijst(user, *, zoek: str = "", school=None, groep: str = ""):
    """Scoped pupils with their current school and group annotated (a bounded number of queries)."""
    huidig = Inschrijving.objects.filter(leerling=OuterRef("pk")).actief_op(timezone.localdate()).order_by("-begindatum")
    qs = Leerling.objects.visible_to(user).annotate(
        huidige_school_id=Subquery(huidig.values("school_id")[:1]),
        huidige_school_naam=Subquery(huidig.values("school__naam")[:1]),
        huidige_groep=Subquery(huidig.values("groep")[:1]),
    )
    if zoek:
        qs = qs.zoek(zoek)
    if school is not None:
        qs = qs.filter(inschrijvingen__in=Inschrijving.objects.actief_op().filter(school=school))
    if groep.isdigit():
        qs = qs.filter(huidige_groep=int(groep))
    return qs.order_by("achternaam", "voornaam", "pk")


def huidige_inschrijving(leerling: Leerling):
    return leerling.inschrijvingen.actief_op().select_related("school").first()
