"""Settings of the finance app with their defaults; override any of them in the Django settings.

Read through these functions at call time (not at import), so tests and deployments can change them.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings

from swv.choices import Rol


def leesrollen() -> tuple[str, ...]:
    """Roles that read all of finance (FINANCE.md: DB reads; the controller maintains it; REPORTING.md:
    the beleidsmedewerker sees the whole SWV including finance, e.g. for the jaarverslag)."""
    return tuple(getattr(settings, "FINANCIEN_LEESROLLEN", (Rol.CONTROLLER, Rol.DB, Rol.BELEIDSMEDEWERKER)))


def beheerrollen() -> tuple[str, ...]:
    """Roles that maintain parameters, budget, actuals and T-rapportages."""
    return tuple(getattr(settings, "FINANCIEN_BEHEERROLLEN", (Rol.CONTROLLER,)))


def t_rapportage_maanden() -> tuple[int, ...]:
    """Months in which a T-rapportage is made (REPORTING.md, seed 001: April, September, November).

    The report of month M covers the actuals up to and including month M - 1; celery beat starts it
    on the first day of each of these months.
    """
    return tuple(getattr(settings, "FINANCIEN_T_RAPPORTAGE_MAANDEN", (4, 9, 11)))


def toelichting_drempel() -> Decimal:
    """A line whose forecast differs from its budget by more than this amount (euros) needs an
    explanation before the T-rapportage can be made final (0: every line with any difference)."""
    return Decimal(str(getattr(settings, "FINANCIEN_TOELICHTING_DREMPEL", "1000.00")))


def signaleringswaarde_standaard() -> Decimal:
    """Default signaleringswaarde of the reserve as % of total income (seed 000: 3.5 %)."""
    return Decimal(str(getattr(settings, "FINANCIEN_SIGNALERINGSWAARDE", "3.50")))


def minimum_reserve_standaard() -> Decimal:
    """Default minimum reserve as % of total income (seed 004: 3 %)."""
    return Decimal(str(getattr(settings, "FINANCIEN_MINIMUM_RESERVE", "3.00")))


def import_max_regels() -> int:
    """The largest accounting export (rows) the realisatie import accepts."""
    return int(getattr(settings, "FINANCIEN_IMPORT_MAX_REGELS", 20_000))
