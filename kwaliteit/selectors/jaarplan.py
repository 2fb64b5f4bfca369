"""Reads of the jaarplan: the plan with goals, actions, live indicator values and evaluations."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from kwaliteit.choices import EvaluatieStatus, Richting
from kwaliteit.models import Ambitie, Doel, DoelEvaluatie, Jaarplan


def jaarplannen(user) -> QuerySet[Jaarplan]:
    return Jaarplan.objects.visible_to(user).order_by("-jaar")


def indicator_beoordeling(*, richting: str, nulmeting, streefwaarde, waarde) -> bool | None:
    """Is the indicator's value in the target direction? None when it cannot be said."""
    if waarde is None or not richting:
        return None
    waarde = Decimal(waarde)
    if richting == Richting.NIET_HOGER:
        return None if streefwaarde is None else waarde <= streefwaarde
    if richting == Richting.NIET_LAGER:
        return None if streefwaarde is None else waarde >= streefwaarde
    if nulmeting is None:
        return None
    if richting == Richting.HOGER:
        return waarde > nulmeting
    return waarde < nulmeting


def jaarplan_overzicht(user, jaarplan: Jaarplan, *, onderdrukken: bool = False) -> dict:
    """The whole plan in a fixed number of queries: ambitions, goals (with standards, themes,
    actions and evaluations prefetched), live indicator values (one computation per key figure).
    With ``onderdrukken`` (the published PDF) each live value also gets ``live_tekst``: its key
    figure's published text, suppressed as in the key figure's own chapter ("< 5", "*")."""
    from kwaliteit.kengetallen import Filters, indicator_waarde
    from kwaliteit.onderdrukking import onderdrukking_van
    from kwaliteit.opmaak import kerncijfer_tekst

    momenten = list(jaarplan.evaluatiemomenten.order_by("datum"))
    doelen_qs = Doel.objects.order_by("code").prefetch_related(
        "acties",
        "inspectiestandaarden",
        "osp_themas",
        Prefetch("evaluaties", queryset=DoelEvaluatie.objects.select_related("vastgelegd_door")),
    )
    ambities = list(
        Ambitie.objects.visible_to(user)
        .filter(jaarplan=jaarplan)
        .order_by("nummer")
        .prefetch_related(Prefetch("doelen", queryset=doelen_qs))
    )
    filters = Filters.voor_kalenderjaar(jaarplan.jaar)
    cache: dict = {}
    budget = Decimal(0)
    laatste_status: Counter = Counter()
    aantal_doelen = 0
    for ambitie in ambities:
        for doel in ambitie.doelen.all():
            aantal_doelen += 1
            doel.live_waarde = indicator_waarde(user, filters, doel.kengetal, cache=cache) if doel.kengetal else None
            doel.live_tekst = None
            if onderdrukken and doel.live_waarde is not None:
                sleutel, _sep, naam = doel.kengetal.partition(":")
                uitkomst = cache[sleutel]
                kerncijfer = next(k for k in uitkomst.kerncijfers if k.sleutel == naam)
                if ("onderdrukking", sleutel) not in cache:
                    cache[("onderdrukking", sleutel)] = onderdrukking_van(uitkomst)
                onderdrukking = cache[("onderdrukking", sleutel)]
                doel.live_tekst = kerncijfer_tekst(kerncijfer, onderdrukken=True, onderdrukking=onderdrukking)
            doel.beoordeling = indicator_beoordeling(
                richting=doel.richting,
                nulmeting=doel.nulmeting,
                streefwaarde=doel.streefwaarde,
                waarde=doel.live_waarde,
            )
            per_moment = {e.moment_id: e for e in doel.evaluaties.all()}
            doel.per_moment = [(m, per_moment.get(m.pk)) for m in momenten]
            doel.laatste_evaluatie = next((e for _m, e in reversed(doel.per_moment) if e), None)
            if doel.laatste_evaluatie:
                laatste_status[doel.laatste_evaluatie.status] += 1
            doel.budget = sum((a.budget or Decimal(0) for a in doel.acties.all()), Decimal(0))
            budget += doel.budget
    return {
        "jaarplan": jaarplan,
        "momenten": momenten,
        "ambities": ambities,
        "budget_totaal": budget,
        "aantal_doelen": aantal_doelen,
        "status_telling": [
            {"status": s, "label": label, "aantal": laatste_status.get(s, 0)} for s, label in EvaluatieStatus.choices
        ],
        "niet_geevalueerd": aantal_doelen - sum(laatste_status.values()),
    }
