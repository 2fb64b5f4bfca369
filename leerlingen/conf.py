"""Settings of the pupils app with the defaults of the seeds; each may be overridden in settings.

Read through the functions below (not at import), so that tests can change them with ``settings``.
"""

from __future__ import annotations

from django.conf import settings

# --- Thuiszitters, zorgplicht and risicolijst (PROCESSES.md sections 5 and 6) ---


def zorgplicht_termijn_weken() -> int:
    """Decision term after the written application (seed 004: 6 weeks)."""
    return int(getattr(settings, "SWV_ZORGPLICHT_TERMIJN_WEKEN", 6))


def zorgplicht_verlenging_weken() -> int:
    """The one extension of the decision term (seed 004: 4 weeks)."""
    return int(getattr(settings, "SWV_ZORGPLICHT_VERLENGING_WEKEN", 4))


def zorgplicht_herinnering_dagen() -> tuple[int, ...]:
    """Days before each deadline at which school, board and consulent are warned (and once when passed)."""
    return tuple(sorted({int(d) for d in getattr(settings, "SWV_ZORGPLICHT_HERINNERING_DAGEN", (14, 7)) if int(d) > 0},
                        reverse=True))


def zorgplicht_herinnering_rollen() -> tuple[str, ...]:
    """Who is warned: staff of the school (ib-er, directeur, consulent) and the board's bestuurder."""
    return tuple(getattr(settings, "SWV_ZORGPLICHT_HERINNERING_ROLLEN", ("ib_er", "directeur", "consulent", "bestuurder")))


def thuiszitters_aanbod_termijn_weken() -> int:
    """Target for a fitting offer (seed 004: within 3 months), in weeks so that one rule serves the
    age in weeks, the flag in SQL and the list filter alike (13 weeks = 3 months)."""
    return int(getattr(settings, "SWV_THUISZITTERS_AANBOD_TERMIJN_WEKEN", 13))


def thuiszitters_minimum_leeftijd() -> int:
    """Youngest age that counts (seed 000: Leiden counts 4-year-olds too)."""
    return int(getattr(settings, "SWV_THUISZITTERS_MINIMUM_LEEFTIJD", 4))


def thuiszitters_maximum_leeftijd() -> int:
    """Oldest age for primary education cases."""
    return int(getattr(settings, "SWV_THUISZITTERS_MAXIMUM_LEEFTIJD", 14))


def risicolijst_maanden() -> tuple[int, ...]:
    """Months of the risicolijst rounds (seed 001: May, August, November, January)."""
    return tuple(int(m) for m in getattr(settings, "SWV_RISICOLIJST_MAANDEN", (1, 5, 8, 11)))


def portaal_url() -> str:
    """Base address of the portal for links in e-mails (which contain a link only)."""
    return str(getattr(settings, "SWV_PORTAAL_URL", "http://127.0.0.1:8000")).rstrip("/")
