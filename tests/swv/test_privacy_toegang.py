"""Need to know, also for administrators (issue 13): no pupil data in Django admin, and TOTP for every
role that can reach a named pupil, derived from the pupil models' ``visible_to``."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, reverse

from swv.choices import LEERLINGDATA_ROLLEN, Rol
from swv.leerlinggegevens import leerlingmodellen, rollen_met_leerlingtoegang
from swv.middleware import moet_tweefactor_instellen
from tests.arrangementen.factories import AanvraagFactory
from tests.leerlingen.factories import LeerlingFactory
from tests.leerlingen.factories_dossier import DossierFactory
from tests.leerlingen.factories_thuiszitters import ThuiszittercasusFactory, ZorgplichtcasusFactory
from tests.tlv.factories import TLVFactory

pytestmark = pytest.mark.django_db

NAAM = ("Xenia", "Quastenbroek")
BSN = "123456782"
GEBOORTEDATUM = date(2016, 2, 29)


def _pupil(school):
    return LeerlingFactory(voornaam=NAAM[0], achternaam=NAAM[1], bsn=BSN, geboortedatum=GEBOORTEDATUM, school=school)


# --- Django admin --------------------------------------------------------------------------------


def test_no_pupil_bearing_model_is_registered_in_admin():
    geregistreerd = {m._meta.label for m in admin.site._registry}
    assert {"leerlingen.Leerling", "tlv.TLV", "leerlingen.Dossier", "arrangementen.Aanvraag"} <= {
        m._meta.label for m in leerlingmodellen()
    }
    assert not geregistreerd & {m._meta.label for m in leerlingmodellen()}


def test_the_beheerder_finds_no_name_bsn_or_date_of_birth_anywhere_in_admin(client, personas):
    leerling = _pupil(personas.school_a)
    DossierFactory(leerling=leerling, school=personas.school_a)
    ZorgplichtcasusFactory(leerling=leerling, school=personas.school_a)
    beheer = personas.beheer
    beheer.is_superuser = True  # as the demo's beheer@ account
    beheer.save()
    client.force_login(beheer)

    # The pupil-bearing models have no admin pages at all: not listed, not editable, no history.
    for model in leerlingmodellen():
        with pytest.raises(NoReverseMatch):
            reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        pad = f"/beheer/{model._meta.app_label}/{model._meta.model_name}/"
        assert client.get(pad).status_code == 404, pad
        assert client.get(f"{pad}{leerling.pk}/change/").status_code == 404
        assert client.get(f"{pad}{leerling.pk}/history/").status_code == 404

    verboden = [NAAM[0], NAAM[1], BSN, "29-02-2016", "29 februari 2016", "2016-02-29", "Feb. 29, 2016"]
    pagina = client.get("/beheer/").content.decode()
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        pagina += client.get(reverse("admin:{}_{}_changelist".format(*info))).content.decode()
        for obj in model._default_manager.all()[:3]:
            pagina += client.get(reverse("admin:{}_{}_change".format(*info), args=[obj.pk])).content.decode()
            if hasattr(model_admin, "history_view"):
                pagina += client.get(reverse("admin:{}_{}_history".format(*info), args=[obj.pk])).content.decode()
    for tekst in verboden:
        assert tekst not in pagina, tekst


# --- Two-factor authentication, derived from reach --------------------------------------------------


def test_the_derived_roles_are_those_that_reach_a_pupil():
    assert rollen_met_leerlingtoegang() == {
        Rol.IB_ER,
        Rol.LEERKRACHT,
        Rol.DIRECTEUR,
        Rol.CONSULENT,
        Rol.TLC_LID,
        Rol.AC_LID,
        Rol.DB,
        Rol.BELEIDSMEDEWERKER,
        Rol.BESTUURDER,  # zorgplicht cases of the board, with the child's name
    }
    # Pages gated by the hand-kept role tuple show pupils: those roles are in the derived set too.
    assert LEERLINGDATA_ROLLEN <= rollen_met_leerlingtoegang()


def test_no_role_reaches_a_pupil_row_without_being_in_the_derived_set(personas):
    """With real rows of every kind for school A's pupil, ask every persona's ``visible_to`` on every
    pupil model: a role that finds a row must require TOTP. This fails when an app widens a rule."""
    a = personas.school_a
    leerling = _pupil(a)
    DossierFactory(leerling=leerling, school=a)
    leerling.leerkrachten.add(personas.lotte)
    ZorgplichtcasusFactory(leerling=leerling, school=a)
    ThuiszittercasusFactory(leerling=leerling, school=a)
    TLVFactory(leerling=leerling, aanvragende_school=a, ingediend=True)
    AanvraagFactory(leerling=leerling, school=a)
    afgeleid = rollen_met_leerlingtoegang()
    for naam in ("alice", "charlie", "dirk", "lotte", "dora", "bea", "carla", "bert", "olga", "tim", "anna", "beheer"):
        user = getattr(personas, naam)
        for model in leerlingmodellen():
            if getattr(model, "toont_geen_leerling", False) or not hasattr(model._default_manager, "visible_to"):
                continue
            if model._default_manager.visible_to(user, "view").exists():
                rol = user.lidmaatschappen.get().rol
                assert rol in afgeleid, (naam, rol, model._meta.label)


@pytest.mark.parametrize(
    "persona", ["alice", "charlie", "dirk", "lotte", "dora", "bea", "carla", "bert", "olga", "tim", "anna", "beheer"]
)
def test_with_demo_mode_off_every_role_that_reaches_pupils_is_sent_to_totp_set_up(client, personas, settings, persona):
    from allauth.mfa.models import Authenticator

    settings.DEMO_MODE = False
    user = getattr(personas, persona)
    Authenticator.objects.filter(user=user).delete()
    client.force_login(user)
    response = client.get(reverse("home"))
    rol = user.lidmaatschappen.get().rol
    if rol in rollen_met_leerlingtoegang() or user.is_staff:
        assert response.status_code == 302 and response.url == reverse("mfa_activate_totp")
    else:
        assert response.status_code == 200
        assert not moet_tweefactor_instellen(user)
