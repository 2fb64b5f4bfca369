"""The AC annual report data (seed 001: "Jaarverslag TLC en AC", October; the AC questionnaire in
May-June): counts per type, school and outcome, evaluation results and money, for one school year.

Signatures (for the reporting app's key figures): ``jaarverslag_aantallen(user, *, jaar)``,
``jaarverslag_evaluaties(user, *, jaar)``, ``jaarverslag_geld(user, *, jaar)``. ``jaar`` is the
school year that starts on 1 August of ``jaar``. Aggregates only; users without an allowed role
get empty results. DB, beleidsmedewerker and controller count every submitted request; an AC
member counts the requests the AC assesses.

For the reporting app's key figures, ``jaarverslag_aantallen``, ``jaarverslag_evaluaties`` and
``jaarverslag_uitvoering`` also take ``periode=(begin, eind)`` (dates, both included) instead of
``jaar``, and ``scholen`` (a School queryset, used as a subquery) to count only those schools'
requests; ``scholen`` narrows what the user may count, it never widens it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import Avg, Count, Exists, OuterRef, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from arrangementen.choices import (
    AanvraagStatus,
    Besluitsoort,
    Conclusie,
    DoelenBereikt,
    JaNeeWeetNiet,
    Schaal5,
    Smiley,
)
from arrangementen.models import Aanvraag, Besluit, Evaluatie, Realisatie
from swv.access import bestuur_ids, heeft_rol
from swv.choices import Rol

if TYPE_CHECKING:
    from collections.abc import Sequence

    from django_stubs_ext import StrOrPromise


@dataclass
class Tabel:
    """A table for a page, an export or a key figure: column labels and rows of values."""

    kolommen: list[str]
    rijen: list[list]


SWV_BREED = (Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.CONTROLLER)
NUL = Decimal("0.00")


def mag_jaarverslag_zien(user) -> bool:
    return heeft_rol(user, *SWV_BREED, Rol.AC_LID)


def _aanvragen(user, scholen=None):
    """The requests ``user`` may count. The annual report (``scholen`` None) is for the SWV-wide roles
    and the AC; a caller that narrows to ``scholen`` (the dashboard's tiles) also gets a bestuurder's
    counts, limited to the board's schools (REPORTING.md: aggregates for the board's schools)."""
    if heeft_rol(user, *SWV_BREED):
        qs = Aanvraag.objects.exclude(status=AanvraagStatus.CONCEPT)
    elif heeft_rol(user, Rol.AC_LID):
        qs = Aanvraag.objects.visible_to(user)
    elif scholen is not None and bestuur_ids(user):
        qs = Aanvraag.objects.exclude(status=AanvraagStatus.CONCEPT).filter(school__bestuur_id__in=bestuur_ids(user))
    else:
        return Aanvraag.objects.none()
    return qs if scholen is None else qs.filter(school__in=scholen)


def schooljaar_grenzen(jaar: int) -> tuple[date, date]:
    return date(jaar, 8, 1), date(jaar + 1, 7, 31)


def _periode(jaar: int | None, periode: tuple[date, date] | None) -> tuple[date, date]:
    if periode is not None:
        return periode
    if jaar is None:
        raise TypeError("Give jaar or periode.")
    return schooljaar_grenzen(jaar)


def _momenten(begin: date, eind: date) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    return datetime.combine(begin, time.min, tz), datetime.combine(eind, time.max, tz)


def _uitkomst(status: str, besluitsoort: str | None) -> str:
    if besluitsoort:
        return besluitsoort
    return "ingetrokken" if status == AanvraagStatus.INGETROKKEN else "in_behandeling"


UITKOMSTEN = (
    (Besluitsoort.TOEGEKEND, Besluitsoort.TOEGEKEND.label),
    (Besluitsoort.DEELS_TOEGEKEND, Besluitsoort.DEELS_TOEGEKEND.label),
    (Besluitsoort.AFGEWEZEN, Besluitsoort.AFGEWEZEN.label),
    ("ingetrokken", AanvraagStatus.INGETROKKEN.label),
    ("in_behandeling", AanvraagStatus.IN_BEOORDELING.label),
)


def jaarverslag_aantallen(
    user, *, jaar: int | None = None, periode: tuple[date, date] | None = None, scholen=None
) -> dict:
    """Requests submitted in the school year, by type, by school and by outcome (one query)."""
    van, tot = _momenten(*_periode(jaar, periode))
    rijen = (
        _aanvragen(user, scholen)
        .filter(ingediend_op__range=(van, tot))
        .values("arrangementtype__naam", "school__naam", "status", "besluit__soort")
        .annotate(n=Count("pk"))
        .order_by()
    )
    per_type: dict[str, Counter] = defaultdict(Counter)
    per_school: dict[str, Counter] = defaultdict(Counter)
    per_uitkomst: Counter = Counter()
    for r in rijen:
        uitkomst = _uitkomst(r["status"], r["besluit__soort"])
        for doel, sleutel in ((per_type, r["arrangementtype__naam"]), (per_school, r["school__naam"])):
            doel[sleutel]["ingediend"] += r["n"]
            doel[sleutel][uitkomst] += r["n"]
        per_uitkomst[uitkomst] += r["n"]

    def tabel(telling: dict[str, Counter], kolom: str) -> Tabel:
        return Tabel(
            kolommen=[kolom, _("Submitted"), *(str(label) for _code, label in UITKOMSTEN)],
            rijen=[
                [naam, c["ingediend"], *(c[code] for code, _label in UITKOMSTEN)] for naam, c in sorted(telling.items())
            ],
        )

    return {
        "jaar": jaar,
        "totaal": sum(per_uitkomst.values()),
        "per_uitkomst_telling": {code: per_uitkomst[code] for code, _label in UITKOMSTEN},
        "per_type": tabel(per_type, _("Arrangement type")),
        "per_school": tabel(per_school, _("School")),
        "per_uitkomst": Tabel(
            kolommen=[_("Outcome"), _("Count")], rijen=[[str(label), per_uitkomst[code]] for code, label in UITKOMSTEN]
        ),
    }


def jaarverslag_evaluaties(
    user, *, jaar: int | None = None, periode: tuple[date, date] | None = None, scholen=None
) -> dict:
    """Evaluations recorded in the school year: goals reached, conclusions and the countable
    answers of the parents' and the child's questionnaires (a fixed number of queries)."""
    begin, eind = _periode(jaar, periode)
    qs = Evaluatie.objects.filter(aanvraag__in=_aanvragen(user, scholen), datum__range=(begin, eind))
    vragen: list[tuple[str, str, Sequence[tuple[Any, StrOrPromise]]]] = [
        ("doelen_bereikt", _("Goals reached"), DoelenBereikt.choices),
        ("conclusie", _("Conclusion"), Conclusie.choices),
        ("ouders_betrokken", _("Parents: we were involved enough"), Schaal5.choices),
        ("ouders_geholpen", _("Parents: the support helped our child"), Schaal5.choices),
        ("ouders_doorgaan", _("Parents: should the support continue?"), JaNeeWeetNiet.choices),
        ("kind_fijn", _("Child: how was the extra help?"), Smiley.choices),
        ("kind_geleerd", _("Child: did you learn from it?"), Smiley.choices),
        ("kind_doorgaan", _("Child: do you want it to go on?"), JaNeeWeetNiet.choices),
    ]
    # One query: every answer of every question counted with a conditional COUNT.
    tellingen = {
        f"{veld}__{waarde}": Count("pk", filter=Q(**{veld: waarde}))
        for veld, _vraag, keuzes in vragen
        for waarde, _l in keuzes
    }
    totalen = qs.aggregate(
        aantal=Count("pk"),
        ouders=Count("pk", filter=Q(ouders_ingevuld=True)),
        kind=Count("pk", filter=Q(kind_ingevuld=True)),
        cijfer=Avg("ouders_cijfer"),
        **tellingen,
    )
    verdelingen: list[dict[str, Any]] = [
        {
            "veld": veld,
            "vraag": str(vraag),
            "antwoorden": [
                {"waarde": waarde, "label": str(label), "aantal": totalen[f"{veld}__{waarde}"]}
                for waarde, label in keuzes
            ],
        }
        for veld, vraag, keuzes in vragen
    ]
    tabel = Tabel(
        kolommen=[_("Question"), _("Answer"), _("Count")],
        rijen=[[v["vraag"], a["label"], a["aantal"]] for v in verdelingen for a in v["antwoorden"]],
    )
    cijfer = totalen["cijfer"]
    return {
        "jaar": jaar,
        "aantal": totalen["aantal"],
        "ouders_ingevuld": totalen["ouders"],
        "kind_ingevuld": totalen["kind"],
        "gemiddeld_cijfer_ouders": round(Decimal(cijfer), 1) if cijfer is not None else None,
        "verdelingen": verdelingen,
        "tabel": tabel,
    }


#: States of an arrangement that has started (it ran, or runs, in its granted period).
GESTARTE_STATUSSEN = (AanvraagStatus.LOPEND, AanvraagStatus.GEEVALUEERD, AanvraagStatus.AFGESLOTEN)


def jaarverslag_uitvoering(
    user, *, jaar: int | None = None, periode: tuple[date, date] | None = None, scholen=None
) -> dict:
    """Arrangements running in the period (started, with a granted period that overlaps it, not
    closed before it) and arrangements evaluated in it (an evaluation dated in the period), per
    type and per school (one query). Keys are names, like ``jaarverslag_aantallen``'s tables."""
    begin, eind = _periode(jaar, periode)
    lopend = Q(status__in=GESTARTE_STATUSSEN, begindatum__lte=eind, einddatum__gte=begin) & (
        Q(afgesloten_op__isnull=True) | Q(afgesloten_op__gte=begin)
    )
    geevalueerd = Q(Exists(Evaluatie.objects.filter(aanvraag=OuterRef("pk"), datum__range=(begin, eind))))
    rijen = (
        _aanvragen(user, scholen)
        .filter(lopend | geevalueerd)
        .values("arrangementtype__naam", "school__naam")
        .annotate(lopend=Count("pk", filter=lopend), geevalueerd=Count("pk", filter=geevalueerd))
        .order_by()
    )
    per_type: dict[str, Counter] = defaultdict(Counter)
    per_school: dict[str, Counter] = defaultdict(Counter)
    totaal: Counter = Counter()
    for r in rijen:
        for doel in (per_type[r["arrangementtype__naam"]], per_school[r["school__naam"]], totaal):
            doel["lopend"] += r["lopend"]
            doel["geevalueerd"] += r["geevalueerd"]
    return {
        "lopend": totaal["lopend"],
        "geevalueerd": totaal["geevalueerd"],
        "per_type": {naam: dict(c) for naam, c in per_type.items()},
        "per_school": {naam: dict(c) for naam, c in per_school.items()},
    }


def jaarverslag_geld(user, *, jaar: int) -> dict:
    """Money of the decisions taken in the school year: requested, granted and realised so far,
    per arrangement type (two queries)."""
    begin, eind = schooljaar_grenzen(jaar)
    besluiten = Besluit.objects.filter(aanvraag__in=_aanvragen(user), datum__range=(begin, eind))
    per_type = {
        r["aanvraag__arrangementtype__naam"]: r
        for r in besluiten.values("aanvraag__arrangementtype__naam")
        .annotate(gevraagd=Sum("gevraagd_bedrag"), toegekend=Sum("bedrag"), n=Count("pk"))
        .order_by()
    }
    gerealiseerd = dict(
        Realisatie.objects.filter(aanvraag__besluit__in=besluiten)
        .values_list("aanvraag__arrangementtype__naam")
        .annotate(s=Sum("bedrag"))
        .order_by()
    )
    tabel = Tabel(
        kolommen=[_("Arrangement type"), _("Decisions"), _("Requested"), _("Granted"), _("Realised")],
        rijen=[
            [naam, r["n"], r["gevraagd"] or NUL, r["toegekend"] or NUL, gerealiseerd.get(naam) or NUL]
            for naam, r in sorted(per_type.items())
        ],
    )
    return {
        "jaar": jaar,
        "per_type": tabel,
        "gevraagd": sum((r["gevraagd"] or NUL for r in per_type.values()), NUL),
        "toegekend": sum((r["toegekend"] or NUL for r in per_type.values()), NUL),
        "gerealiseerd": sum(gerealiseerd.values(), NUL),
    }
