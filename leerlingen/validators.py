"""Validation of Dutch pupil identifiers."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def is_geldig_bsn(waarde: str) -> bool:
    """The 11-proef for a BSN: 9 digits, weights 9..2 and -1, sum divisible by 11 (and not 0)."""
    if not (waarde.isdigit() and len(waarde) == 9):
        return False
    cijfers = [int(c) for c in waarde]
    som = sum(c * w for c, w in zip(cijfers[:8], range(9, 1, -1))) - cijfers[8]
    return som % 11 == 0 and int(waarde) != 0


def valideer_bsn(waarde: str) -> None:
    if waarde and not is_geldig_bsn(waarde):
        raise ValidationError(_("This is not a valid BSN (it fails the 11-test)."), code="bsn_ongeldig")
