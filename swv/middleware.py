"""Two-factor authentication is required for every role that can see pupil data (PRIVACY.md)."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from swv.access import rollen
from swv.choices import LEERLINGDATA_ROLLEN

_VRIJ = ("/accounts/", "/static/", "/gezondheid/", "/i18n/", "/publicaties/openbaar/")


def moet_tweefactor_instellen(user) -> bool:
    """True when the user must set up TOTP before using the portal."""
    if not user.is_authenticated:
        return False
    if settings.DEMO_MODE and user.is_demo:
        return False
    if not (rollen(user) & set(LEERLINGDATA_ROLLEN)) and not user.is_staff:
        return False
    from allauth.mfa.utils import is_mfa_enabled

    return not is_mfa_enabled(user)


class TweeFactorVerplichtMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(_VRIJ) or not request.user.is_authenticated:
            return self.get_response(request)
        if moet_tweefactor_instellen(request.user):
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
