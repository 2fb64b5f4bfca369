"""Reads of the yearly parameters and their versions."""

from __future__ import annotations

from django.db.models import Exists, OuterRef

from financien.choices import RapportStatus
from financien.models import Jaarparameters, TRapportage


def parameters_per_jaar(user) -> list[Jaarparameters]:
    """The current version of every year, newest first, marked ``bevroren`` (one query)."""
    definitief = TRapportage.objects.filter(jaar=OuterRef("jaar"), status=RapportStatus.DEFINITIEF)
    return list(
        Jaarparameters.objects.visible_to(user).actueel().annotate(bevroren=Exists(definitief)).order_by("-jaar")
    )


def parameters_van_jaar(user, jaar: int) -> dict | None:
    """The current version of ``jaar`` with its arrangement budgets and all versions (history)."""
    versies = list(
        Jaarparameters.objects.visible_to(user).filter(jaar=jaar).select_related("aangemaakt_door").order_by("-versie")
    )
    huidig = next((v for v in versies if v.status == "actueel"), None)
    if huidig is None:
        return None
    return {
        "parameters": huidig,
        "versies": versies,
        "budgetten": list(
            huidig.arrangementenbudgetten.select_related("school", "kring").order_by("kring__naam", "school__naam")
        ),
        "bevroren": TRapportage.objects.filter(jaar=jaar, status=RapportStatus.DEFINITIEF).exists(),
    }
