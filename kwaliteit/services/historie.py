"""Recording a status transition (old, new, who, when, why)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType

from kwaliteit.models import Statuswijziging


def statuswijziging_vastleggen(*, obj, oud: str, nieuw: str, door, reden: str = "") -> Statuswijziging:
    return Statuswijziging.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        oud=oud,
        nieuw=nieuw,
        door=door,
        reden=reden,
    )


def controleer_versie(obj, versie: int | None) -> None:
    """Optimistic locking: ``versie`` is the version the form was opened with (None: not checked)."""
    from kwaliteit.services.fouten import GelijktijdigeWijziging

    if versie is not None and obj.versie != versie:
        raise GelijktijdigeWijziging()
