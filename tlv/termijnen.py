"""Every deadline of the TLV app as a date computed from the settings in ``tlv.conf``.

Statutory terms that end on a Saturday, Sunday or public holiday run on to the next working day
(Algemene termijnenwet, art. 1); the holidays are those the act names.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from tlv import conf


@lru_cache(maxsize=64)
def _pasen(jaar: int) -> date:
    """Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = jaar % 19, jaar // 100, jaar % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    maand, dag = divmod(h + l - 7 * m + 114, 31)
    return date(jaar, maand, dag + 1)


@lru_cache(maxsize=64)
def feestdagen(jaar: int) -> frozenset[date]:
    """The generally recognised holidays of the Algemene termijnenwet in ``jaar``."""
    pasen = _pasen(jaar)
    koningsdag = date(jaar, 4, 27)
    if koningsdag.weekday() == 6:  # on a Sunday it is celebrated the day before
        koningsdag = date(jaar, 4, 26)
    dagen = {
        date(jaar, 1, 1),
        pasen + timedelta(days=1),  # tweede paasdag
        koningsdag,
        pasen + timedelta(days=39),  # Hemelvaartsdag
        pasen + timedelta(days=50),  # tweede pinksterdag
        date(jaar, 12, 25),
        date(jaar, 12, 26),
    }
    if jaar % 5 == 0:
        dagen.add(date(jaar, 5, 5))  # Bevrijdingsdag counts once every five years
    return frozenset(dagen)


def werkdag_of_later(dag: date) -> date:
    """``dag`` itself, or the next day that is neither a weekend day nor a holiday."""
    while dag.weekday() >= 5 or dag in feestdagen(dag.year):
        dag += timedelta(days=1)
    return dag


def beslistermijn(ingediend_op: date, opgeschort_dagen: int = 0) -> date:
    """Last day to decide: ``weken`` after the complete submission, plus the days the term was
    suspended while the school was completing the request (Awb 4:15)."""
    return werkdag_of_later(ingediend_op + timedelta(weeks=conf.beslistermijn_weken(), days=opgeschort_dagen))


def bezwaartermijn_einde(bekendgemaakt_op: date) -> date:
    """Last day to lodge an objection: the term starts the day after the decision was sent (Awb 6:8)."""
    return werkdag_of_later(bekendgemaakt_op + timedelta(weeks=conf.bezwaartermijn_weken()))


def bezwaar_beslistermijn(termijn_einde: date, *, verdaagd: bool = False) -> date:
    """Last day to decide on an objection: counted from the day after the objection term ended (Awb 7:10)."""
    weken = conf.bezwaar_beslistermijn_weken() + (conf.bezwaar_verdaging_weken() if verdaagd else 0)
    return werkdag_of_later(termijn_einde + timedelta(weeks=weken))


def beroepstermijn_einde(beslist_op: date) -> date:
    return werkdag_of_later(beslist_op + timedelta(weeks=conf.beroepstermijn_weken()))


def herinnering_vanaf(einddatum: date) -> date:
    """From this day on school and consulent are reminded to evaluate (default 4 months before the end)."""
    return einddatum - relativedelta(months=conf.herinnering_maanden())


def terugkeer_verwacht(vanaf: date) -> date:
    """When the next return review is due after ``vanaf`` (the start, placement or last review)."""
    return vanaf + relativedelta(months=conf.terugkeer_interval_maanden())


def einddatum_voor_duur(ingangsdatum: date, maanden: int) -> date:
    """The end date of a TLV of ``maanden`` months starting on ``ingangsdatum`` (its last valid day)."""
    return ingangsdatum + relativedelta(months=maanden) - timedelta(days=1)
