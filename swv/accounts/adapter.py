"""django-allauth adapter: personal accounts are made by the beheerder, never by sign-up; a refused
login says in Dutch why and how long to wait.

Login throttling (settings ``ACCOUNT_RATE_LIMITS``) is strict per account and loose per IP address:
a school or a board's office sits behind one NAT address, so one pupil guessing a teacher's
password must lock that one account for a while, not every colleague behind the same address.
"""

from __future__ import annotations

import math
import time
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal import ratelimit as allauth_ratelimit
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import ngettext

_APP = "allauth.account"
_ACTIE = "login_failed"


def wachttijd(request: HttpRequest, key: str) -> tuple[str, int] | None:
    """Which failed-login limit is reached (``"key"`` for the account, ``"ip"`` for the address)
    and how many seconds until the oldest counted failure no longer counts; ``None`` if none is.

    Reads allauth's own counters (a list of timestamps per limit in the cache), the same ones its
    ``consume`` applies, so the time told is the time the limit really lasts.
    """
    nu = time.time()
    for rate in allauth_ratelimit.get_rates(app=_APP, action=_ACTIE):
        sleutel = allauth_ratelimit.get_cache_key(request, app=_APP, action=_ACTIE, rate=rate, key=key)
        geschiedenis = [t for t in cache.get(sleutel, []) if t > nu - rate.duration]
        if len(geschiedenis) >= rate.amount:
            # The newest hit is first; the limit lifts when the amount-th newest one expires.
            vrij_op = geschiedenis[rate.amount - 1] + rate.duration
            return rate.per, max(1, math.ceil(vrij_op - nu))
    return None


def melding_te_veel_pogingen(soort: str, seconden: int) -> str:
    minuten = max(1, math.ceil(seconden / 60))
    if soort == "ip":
        return ngettext(
            "Too many failed logins from this network. Try again in %(minuten)d minute.",
            "Too many failed logins from this network. Try again in %(minuten)d minutes.",
            minuten,
        ) % {"minuten": minuten}
    return ngettext(
        "Too many failed logins for this account. Try again in %(minuten)d minute, or reset your password.",
        "Too many failed logins for this account. Try again in %(minuten)d minutes, or reset your password.",
        minuten,
    ) % {"minuten": minuten}


class PortaalAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            key = self._get_login_attempts_cache_key(request, **credentials)
            gevonden = wachttijd(request, key)
            if gevonden is None:  # pragma: no cover - allauth refused for a reason we do not know
                raise
            raise ValidationError(melding_te_veel_pogingen(*gevonden), code="too_many_login_attempts") from None
