"""Optimistic locking of the quality app's forms (status history: ``swv.overgangen``)."""

from __future__ import annotations


def controleer_versie(obj, versie: int | None) -> None:
    """Optimistic locking: ``versie`` is the version the form was opened with (None: not checked)."""
    from kwaliteit.services.fouten import GelijktijdigeWijziging

    if versie is not None and obj.versie != versie:
        raise GelijktijdigeWijziging()
