"""Reads of the innovation requests: counts for the key figure and the jaarverslag (no texts)."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Sum

from financien.models import Innovatieaanvraag, Innovatietoekenning
from swv.access import heeft_rol
from swv.choices import Rol

#: Who counts innovation requests (aggregates only): the SWV-wide roles and the OPR.
TELLERS = (Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.CONTROLLER, Rol.OPR_LID)


def mag_tellen(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and heeft_rol(user, *TELLERS))


def innovatie_tellingen(user, *, begin: date, einde: date) -> list[dict]:
    """Requests submitted in ``[begin, einde]`` by theme, status and reason for refusal, in the
    user's counting scope (``visible_to(user, "tellen")``); one GROUP BY query."""
    return list(
        Innovatieaanvraag.objects.visible_to(user, "tellen")
        .filter(ingediend_op__gte=begin, ingediend_op__lte=einde)
        .values("thema", "status", "afwijzingsgrond")
        .annotate(aantal=Count("pk"))
        .order_by()
    )


def innovatie_toegekend_bedrag(user, *, jaar: int):
    """The grants committed for calendar year ``jaar`` (all requests), or None outside the scope."""
    if not mag_tellen(user):
        return None
    return Innovatietoekenning.objects.filter(jaar=jaar).aggregate(s=Sum("bedrag"))["s"]
