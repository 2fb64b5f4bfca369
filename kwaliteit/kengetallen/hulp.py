"""Helpers for key-figure selectors (also for the other apps' selectors): percentages and rates per
1,000 pupils, the pupil count of a scope, durations in days and quartiles computed in the database."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.db import connection
from django.db.models import (
    Aggregate,
    DateField,
    F,
    FloatField,
    Func,
    IntegerField,
    Max,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Cast

from swv.models import Leerlingtelling


def per_duizend(teller: int | None, noemer: int | None) -> Decimal | None:
    """``teller`` per 1,000 of ``noemer``, one decimal; None when there is no denominator."""
    if teller is None or not noemer:
        return None
    return (Decimal(teller) * 1000 / Decimal(noemer)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def percentage(teller: int | Decimal | None, noemer: int | Decimal | None, *, decimalen: int = 2) -> Decimal | None:
    """``teller`` as a percentage of ``noemer``, rounded half up to ``decimalen`` decimals (two for
    shares of counts; money shares use one); None when there is no numerator or denominator."""
    if teller is None or not noemer:
        return None
    return (Decimal(teller) * 100 / Decimal(noemer)).quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)


def leerlingen_in_scope(user, filters) -> int | None:
    """Pupils at the latest count date of the period in the user's filtered scope (the denominator
    of rates like thuiszitters per 1,000 pupils); None without any count. One query (the latest
    count date is a subquery)."""
    tellingen = Leerlingtelling.objects.filter(school__in=filters.scholen(user))
    laatste = tellingen.filter(teldatum__lte=filters.einde).order_by("-teldatum").values("teldatum")[:1]
    rij = tellingen.filter(teldatum=Subquery(laatste)).aggregate(n=Sum("aantal"), t=Max("teldatum"))
    if rij["t"] is None:
        return None
    return rij["n"] or 0


class DagenSinds(Func):
    """Whole days from a date field to ``datum`` (``datum - veld``) as an integer, in SQL: the age of
    a case on a reference date, e.g. to take its quartiles with ``kwartielen``."""

    template = "(%(expressions)s)"
    arg_joiner = " - "
    output_field = IntegerField()

    def __init__(self, datum, veld: str, **extra):
        super().__init__(Cast(Value(datum), DateField()), F(veld), **extra)

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="CAST(JULIANDAY(%(expressions)s) AS INTEGER)",
            arg_joiner=") - JULIANDAY(",
            **extra_context,
        )


class Percentiel(Aggregate):
    """PostgreSQL's ``percentile_cont(p) WITHIN GROUP (ORDER BY expr)``."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(%(percentiel)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def __init__(self, expression, percentiel: float, **extra):
        super().__init__(expression, percentiel=float(percentiel), **extra)


def _interpoleer(gesorteerd: list[float], p: float) -> float:
    positie = (len(gesorteerd) - 1) * p
    onder = int(positie)
    boven = min(onder + 1, len(gesorteerd) - 1)
    return gesorteerd[onder] + (gesorteerd[boven] - gesorteerd[onder]) * (positie - onder)


def kwartielen(queryset: QuerySet, veld: str) -> tuple[float, float, float] | None:
    """(first quartile, median, third quartile) of a numeric field, like ``percentile_cont``.

    On PostgreSQL one aggregate query; on the embedded SQLite (no percentile function) one query
    fetching the sorted column. None for an empty set."""
    if connection.vendor == "postgresql":
        r = queryset.aggregate(q1=Percentiel(veld, 0.25), q2=Percentiel(veld, 0.5), q3=Percentiel(veld, 0.75))
        return None if r["q2"] is None else (r["q1"], r["q2"], r["q3"])
    waarden = [
        float(w) for w in queryset.exclude(**{f"{veld}__isnull": True}).order_by(veld).values_list(veld, flat=True)
    ]
    if not waarden:
        return None
    return (_interpoleer(waarden, 0.25), _interpoleer(waarden, 0.5), _interpoleer(waarden, 0.75))
