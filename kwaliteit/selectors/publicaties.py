"""Reads of publications: per document kind and year with their history, for the OPR portal, the
home panel and the public list."""

from __future__ import annotations

from itertools import groupby

from django.db.models import Count

from kwaliteit.choices import DocumentSoort
from kwaliteit.models import Publicatie
from kwaliteit.querysets import PublicatieQuerySet


def publicaties(user) -> PublicatieQuerySet:
    return Publicatie.objects.visible_to(user).annotate(aantal_besluiten=Count("opr_besluiten"))


def publicaties_per_soort(user, *, soort: str = "", jaar: int | None = None) -> list[dict]:
    """Per document kind, per year: the publications newest first (the first still published is the
    current one, the rest is history). One query."""
    qs = publicaties(user)
    if soort:
        qs = qs.filter(documentsoort=soort)
    if jaar:
        qs = qs.filter(jaar=jaar)
    volgorde = {s: i for i, s in enumerate(DocumentSoort.values)}
    rijen = sorted(qs, key=lambda p: (volgorde[p.documentsoort], -p.jaar, -p.gepubliceerd_op.timestamp(), -p.pk))
    uitkomst = []
    for documentsoort, per_soort in groupby(rijen, key=lambda p: p.documentsoort):
        jaren = []
        for jaar_, groep in groupby(per_soort, key=lambda p: p.jaar):
            items = list(groep)
            huidig = next((p for p in items if p.is_gepubliceerd), None)
            jaren.append({"jaar": jaar_, "huidig": huidig, "geschiedenis": [p for p in items if p is not huidig]})
        uitkomst.append({"soort": documentsoort, "label": DocumentSoort(documentsoort).label, "jaren": jaren})
    return uitkomst


def recente_publicaties(user, aantal: int = 5) -> list[Publicatie]:
    return list(Publicatie.objects.visible_to(user).gepubliceerd().order_by("-gepubliceerd_op", "-pk")[:aantal])


def publicatie_jaren(user) -> list[int]:
    return sorted(set(Publicatie.objects.visible_to(user).values_list("jaar", flat=True)), reverse=True)
