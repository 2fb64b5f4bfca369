"""The portal's own middleware: two-factor authentication for every role that can see pupil data
(PRIVACY.md), the portal's own error pages in the demo, and no caching of logged-in pages."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.cache import add_never_cache_headers
from django.views import defaults

from swv.access import externe_route_toegestaan, externe_toegang, is_externe_gebruiker, rollen
from swv.leerlinggegevens import rollen_met_leerlingtoegang

_VRIJ = ("/accounts/", "/static/", "/gezondheid/", "/i18n/", "/publicaties/openbaar/")


def moet_tweefactor_instellen(user) -> bool:
    """True when the user must set up TOTP before using the portal: staff, and every role that can
    see a named pupil somewhere, as derived from the pupil models' ``visible_to``
    (``swv.leerlinggegevens.rollen_met_leerlingtoegang``), not from a hand list."""
    if not user.is_authenticated:
        return False
    if settings.DEMO_MODE and user.is_demo:
        return False
    if not (rollen(user) & rollen_met_leerlingtoegang()) and not user.is_staff and not is_externe_gebruiker(user):
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


class ExterneGebruikerMiddleware:
    """Users recognised by a registered rule (parents, issue 14; ``swv.access.registreer_externe_toegang``):

    - deny by default: every route outside their registration answers **404**, whatever the view
      behind it would do (a staff page that only asks for a login included);
    - a shorter session than staff: ``SWV_SESSIE_EXTERN_SECONDEN`` of inactivity (renewed on every
      request).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        toegang = externe_toegang(user) if user is not None and user.is_authenticated else None
        if toegang is None:
            return self.get_response(request)
        request.session.set_expiry(settings.SWV_SESSIE_EXTERN_SECONDEN)
        if not request.path.startswith(_VRIJ):
            try:
                route = resolve(request.path_info).view_name
            except Resolver404:
                route = ""
            if not externe_route_toegestaan(toegang, route):
                raise Http404
        return self.get_response(request)


class EigenFoutpaginasMiddleware:
    """With ``DEBUG`` on, show the portal's own 404 and 500 pages instead of Django's technical ones.

    Production (``DEBUG`` off) renders ``404.html`` and ``500.html`` through Django's handlers; the demo
    (``make run``) runs with ``DEBUG`` on and would otherwise show the URL list or a traceback to anyone
    who mistypes an address. ``SWV_TECHNISCHE_FOUTPAGINAS=true`` brings the technical pages back for
    development. The replacement pages are Django's own default views, as in production.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not settings.DEBUG or settings.SWV_TECHNISCHE_FOUTPAGINAS:
            return response
        if response.status_code == 404 and not getattr(response, "eigen_foutpagina", False):
            response = defaults.page_not_found(request, exception=None)
        elif response.status_code == 500 and not getattr(response, "eigen_foutpagina", False):
            response = defaults.server_error(request)
        else:
            return response
        response.eigen_foutpagina = True
        return response


class GeenOpslagMiddleware:
    """``Cache-Control: no-store`` on every answer to a logged-in user (issue 13).

    Nearly every page behind the login shows pupil data or links to it; a shared school computer's
    browser cache, "back" after logging out, or a proxy must keep none of it. Marking every
    authenticated answer is simpler and safer than a list of pupil pages that can drift. Public
    pages (login, publications, health) and static files keep their own caching.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response
