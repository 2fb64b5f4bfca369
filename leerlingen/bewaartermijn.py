"""Retention (PRIVACY.md): what the retention job does to one pupil's rows, fed by each app.

A handler is a function ``(leerling) -> dict[str, int]`` (rows handled per kind) that anonymises
or destroys the app's data of the pupil, inside the job's transaction. Apps register theirs once,
like the inzage sources (``registreer_opschoning`` in ``AppConfig.ready``), so this module never
needs to know the apps that build on it.

The rule per kind of data (docs/architecture.md, "Retention"): rows that key figures or financial
records count (pupil, enrolments, dossiers, MDOs, OPPs, cases, requests, TLVs, decisions,
commitments and realisations) *stay*, with every free text replaced by ``WEG`` and their history
(django-simple-history keeps old texts) deleted; the pupil keeps only the year of birth. Files
(documents, letters, exports) are destroyed; notifications and access-log rows of the pupil are
deleted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.db import models, transaction

#: What replaces a free text (non-empty texts only, so "was anything written" stays countable).
WEG = "[verwijderd: bewaartermijn]"

Opschoning = Callable[[object], dict[str, int]]
_OPSCHONINGEN: list[Opschoning] = []


def registreer_opschoning(func: Opschoning) -> Opschoning:
    naam = f"{func.__module__}.{func.__qualname__}"
    if not any(f"{b.__module__}.{b.__qualname__}" == naam for b in _OPSCHONINGEN):
        _OPSCHONINGEN.append(func)
    return func


def opschoningen() -> list[Opschoning]:
    return list(_OPSCHONINGEN)


def _bestanden_vernietigen(bestanden: list[tuple[Any, str]]) -> None:
    """Delete files from private storage once the transaction commits (a dry run rolls back and
    so never deletes a file)."""

    def weg() -> None:
        for storage, naam in bestanden:
            storage.delete(naam)

    if bestanden:
        transaction.on_commit(weg)


def anonimiseren(qs: models.QuerySet, *, velden: Iterable[str] = ()) -> int:
    """Blank every free text of the rows in ``qs`` (TextFields, plus the named CharFields, e.g. an
    external participant's name), destroy their files and delete their history. Rows stay."""
    model = qs.model
    pks = list(qs.values_list("pk", flat=True))
    if not pks:
        return 0
    rijen = model._default_manager.filter(pk__in=pks)
    extra = set(velden)
    for veld in model._meta.concrete_fields:
        if isinstance(veld, models.TextField) or veld.name in extra:
            max_lengte = getattr(veld, "max_length", None) or len(WEG)
            rijen.exclude(**{veld.name: ""}).update(**{veld.name: WEG[:max_lengte]})
        elif isinstance(veld, models.FileField):
            bestanden = [
                (veld.storage, naam) for naam in rijen.exclude(**{veld.name: ""}).values_list(veld.name, flat=True)
            ]
            _bestanden_vernietigen(bestanden)
            rijen.exclude(**{veld.name: ""}).update(**{veld.name: ""})
    historie = getattr(model, "history", None)
    if historie is not None:
        historie.model.objects.filter(id__in=pks).delete()
    return len(pks)


def taken_vernietigen(taak_ids: Iterable[int | None]) -> int:
    """Destroy the files of jobs (decision letters, exports); the job rows stay without a file."""
    from swv.models import Taak

    ids = [i for i in taak_ids if i]
    return anonimiseren(Taak.objects.filter(pk__in=ids), velden=("bestandsnaam",)) if ids else 0


def meldingen_verwijderen(object_uuids: Iterable = (), *, over: Iterable[models.QuerySet] = ()) -> int:
    """Delete the notifications about the pupil's objects (they link to them by UUID): the given
    UUIDs and the rows of the querysets ``over`` (one DELETE, the querysets as subqueries)."""
    from swv.models import Melding

    voorwaarde = models.Q(object_uuid__in=[u for u in object_uuids if u])
    for qs in over:
        voorwaarde |= models.Q(object_uuid__in=qs.values("uuid"))
    return Melding.objects.filter(voorwaarde).delete()[0]
