"""The portal's own error pages: in production through Django's handlers, in the demo (DEBUG on) too."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.handlers.exception import convert_exception_to_response
from django.http import HttpResponse

from swv.middleware import EigenFoutpaginasMiddleware


def _kapot(request):
    raise RuntimeError("een fout in een view")


def _gewoon(request):
    return HttpResponse("gewoon", status=200)


def _door_de_middleware(rf, view):
    """The request as Django handles it: the view's exception becomes a response one layer in."""
    request = rf.get("/kapot/")
    request.user = AnonymousUser()
    return EigenFoutpaginasMiddleware(convert_exception_to_response(view))(request)


@pytest.mark.django_db
@pytest.mark.parametrize("debug", [True, False])
def test_an_unknown_address_shows_the_portals_own_page_never_the_url_list(client, settings, debug):
    settings.DEBUG = debug
    settings.SWV_TECHNISCHE_FOUTPAGINAS = False
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    inhoud = response.content.decode()
    assert "Pagina niet gevonden" in inhoud
    assert "URLconf" not in inhoud and "swv.urls" not in inhoud
    assert 'href="/"' in inhoud  # the way back


@pytest.mark.django_db
def test_a_developer_can_ask_for_the_technical_pages(client, settings):
    settings.DEBUG = True
    settings.SWV_TECHNISCHE_FOUTPAGINAS = True
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "URLconf" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("debug", [True, False])
def test_an_error_in_a_view_shows_the_portals_own_page_without_a_traceback(rf, settings, debug):
    settings.DEBUG = debug
    settings.SWV_TECHNISCHE_FOUTPAGINAS = False
    response = _door_de_middleware(rf, _kapot)
    assert response.status_code == 500
    inhoud = response.content.decode()
    assert "Er ging iets mis" in inhoud
    assert "Traceback" not in inhoud and "een fout in een view" not in inhoud
    assert _door_de_middleware(rf, _gewoon).content == b"gewoon"


@pytest.mark.django_db
def test_with_the_technical_pages_on_a_developer_sees_the_traceback(rf, settings):
    settings.DEBUG = True
    settings.SWV_TECHNISCHE_FOUTPAGINAS = True
    assert "een fout in een view" in _door_de_middleware(rf, _kapot).content.decode()


def test_the_demo_shows_the_portals_own_pages_by_default():
    """make run: DEBUG and demo mode on, technical pages off (swv/settings.py)."""
    from swv import settings as instellingen

    assert instellingen.SWV_TECHNISCHE_FOUTPAGINAS is (instellingen.DEBUG and not instellingen.DEMO_MODE)
