"""Settings of the pupils app with the defaults of the seeds; each may be overridden in settings.

Read through the functions below (not at import), so that tests can change them with ``settings``.
"""

from __future__ import annotations

from django.conf import settings


def overstap_leesrecht_dagen() -> int | None:
    """Days the old school may still read what it wrote in a pupil's dossier after a recorded
    transfer; ``None`` (or 0) means no access at all once the pupil has left. Default: 90 days."""
    waarde = getattr(settings, "SWV_OVERSTAP_LEESRECHT_DAGEN", 90)
    return waarde or None


def dossier_inactief_dagen() -> int:
    """After how many days without activity an open dossier appears on the ib-er's worklist."""
    return getattr(settings, "SWV_DOSSIER_INACTIEF_DAGEN", 90)


def afspraak_binnenkort_dagen() -> int:
    """Agreements due within this many days appear on the worklist as "due soon"."""
    return getattr(settings, "SWV_AFSPRAAK_BINNENKORT_DAGEN", 14)


def import_max_regels() -> int:
    """Largest pupil import file, in rows."""
    return getattr(settings, "SWV_IMPORT_MAX_REGELS", 2000)


# --- Thuiszitters, zorgplicht and risicolijst (PROCESSES.md sections 5 and 6) ---


def zorgplicht_termijn_weken() -> int:
    """Decision term after the written application (seed 004: 6 weeks)."""
    return int(getattr(settings, "SWV_ZORGPLICHT_TERMIJN_WEKEN", 6))


def zorgplicht_verlenging_weken() -> int:
    """The one extension of the decision term (seed 004: 4 weeks)."""
    return int(getattr(settings, "SWV_ZORGPLICHT_VERLENGING_WEKEN", 4))


def zorgplicht_herinnering_dagen() -> tuple[int, ...]:
    """Days before each deadline at which school, board and consulent are warned (and once when passed)."""
    return tuple(
        sorted(
            {int(d) for d in getattr(settings, "SWV_ZORGPLICHT_HERINNERING_DAGEN", (14, 7)) if int(d) > 0}, reverse=True
        )
    )


def zorgplicht_herinnering_rollen() -> tuple[str, ...]:
    """Who is warned: staff of the school (ib-er, directeur, consulent) and the board's bestuurder."""
    return tuple(
        getattr(settings, "SWV_ZORGPLICHT_HERINNERING_ROLLEN", ("ib_er", "directeur", "consulent", "bestuurder"))
    )


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
