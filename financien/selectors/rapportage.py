"""Reads of T-rapportages."""

from __future__ import annotations

from django.db.models import QuerySet

from financien.models import TRapportage


def t_rapportages(user) -> QuerySet[TRapportage]:
    """Every version of every T-rapportage, newest first, with its job (one query)."""
    return TRapportage.objects.visible_to(user).select_related("taak", "aangemaakt_door", "definitief_door")


def definitieve_t_rapportages(user) -> QuerySet[TRapportage]:
    """Final T-rapportages whose final PDF is ready: the hand-over to the publication flow.

    Each object offers ``titel``, ``periode_label`` (and ``jaar``, ``t_nummer``,
    ``tot_en_met_maand``, ``periode_einde``), ``datum`` (the day it was made final),
    ``uuid``, ``pdf_bestandsnaam`` and ``pdf_openen()`` (an open binary file; close it).
    """
    return (
        TRapportage.objects.visible_to(user)
        .definitief()
        .filter(pdf_definitief=True)
        .exclude(pdf="")
        .order_by("-jaar", "-t_nummer")
    )
