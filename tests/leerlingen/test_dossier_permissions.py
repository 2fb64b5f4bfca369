"""Scoping matrix of the pupil's case: every role x own / other school, assigned vs unassigned consulent,
linked vs unlinked leerkracht, for dossiers, MDOs, OPPs, documents, the timeline and the lists.

Anything outside the scope answers 404; every view and download writes the access log.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from leerlingen.models import MDO, Document, Dossier, OPPVersie
from swv.choices import Rol
from swv.models import Toegangslog
from tests.factories import gebruiker_met_rol, tweefactor_activeren
from tests.leerlingen.factories_dossier import (
    DocumentFactory,
    DossierFactory,
    InstemmingFactory,
    MDOFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def zaak(personas):
    """A dossier at school A with an MDO, an adopted OPP with consent and a document; one at school B."""
    dossier = DossierFactory(school=personas.school_a, regievoerder=personas.alice)
    dossier_b = DossierFactory(school=personas.school_b, regievoerder=personas.bob)
    versie = InstemmingFactory(versie__dossier=dossier).versie
    personas.consulent_b = gebruiker_met_rol(Rol.CONSULENT, school=personas.school_b, email="cees@example.nl")
    personas.lotte_gekoppeld = gebruiker_met_rol(Rol.LEERKRACHT, school=personas.school_a, email="lk2@example.nl")
    dossier.leerling.leerkrachten.add(personas.lotte_gekoppeld)
    for extra in (personas.consulent_b, personas.lotte_gekoppeld):
        tweefactor_activeren(extra)
    return {
        "dossier": dossier,
        "dossier_b": dossier_b,
        "mdo": MDOFactory(dossier=dossier, gehouden=True),
        "opp": versie,
        "document": DocumentFactory(dossier=dossier),
    }


#: persona -> may it read the case at school A?
LEZEN_A = {
    "alice": True,  # ib-er of the school
    "bob": False,  # ib-er of another school
    "charlie": True,  # consulent assigned to school A
    "consulent_b": False,  # consulent not assigned to school A
    "dora": True,  # directeur of the school
    "lotte": False,  # leerkracht of the school, not linked to the pupil
    "lotte_gekoppeld": True,  # leerkracht linked to the pupil
    "dirk": True,  # DB: reads every pupil (logged)
    "bea": True,  # beleidsmedewerker
    "carla": False,
    "bert": False,
    "olga": False,
    "tim": False,  # TLC: only through a request (per-object grant)
    "anna": False,
    "beheer": False,
}


def _urls(zaak):
    return {
        "dossier": reverse("leerlingen:dossier_detail", args=[zaak["dossier"].uuid]),
        "mdo": reverse("leerlingen:mdo_detail", args=[zaak["mdo"].uuid]),
        "opp": reverse("leerlingen:opp_detail", args=[zaak["opp"].uuid]),
        "document": reverse("leerlingen:document_download", args=[zaak["document"].uuid]),
        "tijdlijn": reverse("leerlingen:tijdlijn", args=[zaak["dossier"].leerling.uuid]),
    }


@pytest.mark.parametrize("persona, mag", sorted(LEZEN_A.items()))
def test_case_pages_of_school_a_answer_by_scope(client, personas, zaak, persona, mag):
    client.force_login(getattr(personas, persona))
    for naam, url in _urls(zaak).items():
        assert client.get(url).status_code == (200 if mag else 404), naam


@pytest.mark.parametrize("persona, mag", sorted(LEZEN_A.items()))
def test_querysets_agree_with_the_pages(personas, zaak, persona, mag):
    user = getattr(personas, persona)
    assert Dossier.objects.visible_to(user).filter(pk=zaak["dossier"].pk).exists() is mag
    assert MDO.objects.visible_to(user).filter(pk=zaak["mdo"].pk).exists() is mag
    assert OPPVersie.objects.visible_to(user).filter(pk=zaak["opp"].pk).exists() is mag
    assert Document.objects.visible_to(user).filter(pk=zaak["document"].pk).exists() is mag


@pytest.mark.parametrize("persona, mag", sorted(LEZEN_A.items()))
def test_the_dossier_list_shows_only_dossiers_in_scope(client, personas, zaak, persona, mag):
    user = getattr(personas, persona)
    client.force_login(user)
    response = client.get(reverse("leerlingen:dossier_lijst"), {"status": "alle"})
    if response.status_code == 404:
        assert not mag  # roles without pupil data do not get the page at all
        return
    link = reverse("leerlingen:dossier_detail", args=[zaak["dossier"].uuid])
    assert (link in response.content.decode()) is mag


def test_only_the_ib_er_of_the_school_may_change(personas, zaak):
    wijzigen = {
        naam
        for naam in LEZEN_A
        if Dossier.objects.visible_to(getattr(personas, naam), "change").filter(pk=zaak["dossier"].pk).exists()
    }
    assert wijzigen == {"alice"}


@pytest.mark.parametrize("persona", ["dora", "charlie", "lotte_gekoppeld", "bob", "dirk"])
def test_forms_that_change_the_dossier_answer_404_for_readers(client, personas, zaak, persona):
    client.force_login(getattr(personas, persona))
    d = zaak["dossier"]
    for url in [
        reverse("leerlingen:sectie_bewerken", args=[d.uuid, "analyse"]),
        reverse("leerlingen:mdo_plannen", args=[d.uuid]),
        reverse("leerlingen:opp_nieuw", args=[d.uuid]),
        reverse("leerlingen:document_nieuw", args=[d.uuid]),
        reverse("leerlingen:dossier_afsluiten", args=[d.uuid]),
        reverse("leerlingen:dossier_geschiedenis", args=[d.uuid]),
    ]:
        assert client.get(url).status_code == 404, url


def test_a_guessed_uuid_answers_404(client, personas, zaak):
    import uuid

    client.force_login(personas.alice)
    assert client.get(reverse("leerlingen:dossier_detail", args=[uuid.uuid4()])).status_code == 404
    assert client.get(reverse("leerlingen:dossier_detail", args=[zaak["dossier_b"].uuid])).status_code == 404


def test_a_per_object_grant_on_the_pupil_lets_a_tlc_member_read(client, personas, zaak):
    from guardian.shortcuts import assign_perm

    assign_perm("leerlingen.view_leerling", personas.tim, zaak["dossier"].leerling)
    client.force_login(personas.tim)
    assert client.get(_urls(zaak)["dossier"]).status_code == 200


def test_viewing_and_downloading_write_the_access_log_without_names(client, personas, zaak):
    client.force_login(personas.charlie)
    for url in _urls(zaak).values():
        client.get(url)
    rijen = Toegangslog.objects.filter(gebruiker=personas.charlie)
    gebeurtenissen = set(rijen.values_list("gebeurtenis", flat=True))
    assert {
        "dossier_bekeken",
        "mdo_bekeken",
        "opp_bekeken",
        "document_gedownload",
        "tijdlijn_bekeken",
    } <= gebeurtenissen
    assert set(rijen.values_list("leerling_uuid", flat=True)) == {zaak["dossier"].leerling.uuid}
    leerling = zaak["dossier"].leerling
    for r in rijen:
        assert leerling.achternaam not in r.route and leerling.achternaam not in r.gebeurtenis


def test_the_download_is_the_file_with_safe_headers(client, personas, zaak):
    client.force_login(personas.alice)
    response = client.get(_urls(zaak)["document"])
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
