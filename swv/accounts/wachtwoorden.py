"""Password validation beyond Django's own: weak Dutch passwords (PRIVACY.md: strong passwords).

Django's ``CommonPasswordValidator`` knows 20,000 English-language leaked passwords but not
``wachtwoord12`` or ``Welkom2025!``. ``NederlandsWachtwoordValidator`` reads the word list shipped
next to this module (``zwakke_wachtwoorden.txt``) and refuses a password that is such a word, also
with digits or signs around it, in capitals, in "leet" spelling (``w4chtw00rd``) or repeated; it
explains in Dutch why (via the catalogue) without echoing the password.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

LIJST = Path(__file__).with_name("zwakke_wachtwoorden.txt")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})


@cache
def zwakke_woorden(pad: Path = LIJST) -> frozenset[str]:
    regels = (r.strip().lower() for r in pad.read_text(encoding="utf-8").splitlines())
    return frozenset(r for r in regels if r and not r.startswith("#"))


def _kern(wachtwoord: str) -> str:
    """The password without the digits and signs around it, lower case, spaces and dashes removed."""
    tekst = re.sub(r"[\s\-_.]", "", wachtwoord.lower())
    return re.sub(r"^[\W\d_]+|[\W\d_]+$", "", tekst)


def is_zwak(wachtwoord: str) -> bool:
    woorden = zwakke_woorden()
    kandidaten = {wachtwoord.lower(), _kern(wachtwoord), _kern(wachtwoord).translate(_LEET)}
    for kern in kandidaten:
        if not kern:
            continue
        if kern in woorden:
            return True
        # The same word twice or more ("welkomwelkom").
        for lengte in range(1, len(kern) // 2 + 1):
            if len(kern) % lengte == 0 and kern[:lengte] * (len(kern) // lengte) == kern and kern[:lengte] in woorden:
                return True
    return False


class NederlandsWachtwoordValidator:
    """Refuse passwords built on a weak Dutch word (AUTH_PASSWORD_VALIDATORS)."""

    def validate(self, password: str, user=None) -> None:
        if is_zwak(password):
            raise ValidationError(
                _(
                    "This password is too easy to guess: it is a common word or password (such as "
                    "“wachtwoord” or “welkom”), perhaps with digits or signs added. Choose a sentence of "
                    "several unrelated words instead."
                ),
                code="password_too_common_nl",
            )

    def get_help_text(self) -> str:
        return _("Your password cannot be a common word or password with digits or signs added.")
