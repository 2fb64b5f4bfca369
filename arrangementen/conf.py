"""Settings of the arrangements app, with their defaults (override in the Django settings).

The catalogue decides per arrangement type whether the directeur must agree and who assesses; a
type that leaves a field empty follows the defaults here (PROCESSES.md 2: "with directeur's
agreement"; "assessment by the consulent and/or arrangementencommissie").
"""

from __future__ import annotations

from django.conf import settings


def directeur_instemming_vereist() -> bool:
    """Default for types without their own setting: the directeur agrees before submission."""
    return getattr(settings, "SWV_ARRANGEMENT_DIRECTEUR_INSTEMMING", True)


def standaard_beoordelaar() -> str:
    """Default assessor for types without their own setting (a ``Beoordelaar`` value)."""
    return getattr(settings, "SWV_ARRANGEMENT_BEOORDELAAR", "consulent_ac")


def evaluatie_herinnering_dagen() -> int:
    """The ib-er is notified this many days before an evaluation moment (and when it is overdue)."""
    return getattr(settings, "SWV_ARRANGEMENT_EVALUATIE_HERINNERING_DAGEN", 7)


def evaluatie_na_einde_dagen() -> int:
    """Evaluation moments may lie at most this many days after the arrangement's end date."""
    return getattr(settings, "SWV_ARRANGEMENT_EVALUATIE_NA_EINDE_DAGEN", 42)


def bezwaar_mogelijk() -> bool:
    """Whether the SWV's rules allow an objection (Awb) against a refusal; stated in the letter."""
    return getattr(settings, "SWV_ARRANGEMENT_BEZWAAR_MOGELIJK", True)


def bezwaartermijn_weken() -> int:
    """The objection term in weeks from the day after the decision was sent (PROCESSES.md 4)."""
    return getattr(settings, "SWV_BEZWAARTERMIJN_WEKEN", 6)
