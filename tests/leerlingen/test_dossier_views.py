"""The case pages through the browser's eyes (Django client): forms, Dutch errors, concurrency,
history, worklist, and query budgets that do not grow with the number of rows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from leerlingen.choices import DossierStatus, MDOStatus, Sectie
from leerlingen.models import MDO, Dossier, DossierSectie, OPPInstemming
from leerlingen.services import dossier as dossier_services
from tests.gelijktijdig import allemaal_gelukt, gelijktijdig
from tests.leerlingen.factories import LeerlingFactory
from tests.leerlingen.factories_dossier import (
    AfspraakFactory,
    DocumentFactory,
    DossierFactory,
    InstemmingFactory,
    MDOFactory,
    SignaalFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier(personas):
    return dossier_services.dossier_openen(
        door=personas.alice, leerling=LeerlingFactory(school=personas.school_a), aanleiding="Zorgen"
    )


def _vul(dossier, personas, n):
    for _ in range(n):
        SignaalFactory(dossier=dossier)
        MDOFactory(dossier=dossier, gehouden=True)
        AfspraakFactory(dossier=dossier)
        DocumentFactory(dossier=dossier)
    InstemmingFactory(versie__dossier=dossier)


def test_every_page_of_the_case_renders_for_the_ib_er(client, personas, dossier):
    _vul(dossier, personas, 2)
    mdo = MDOFactory(dossier=dossier)
    versie = OPPInstemming.objects.first().versie
    client.force_login(personas.alice)
    urls = [
        reverse("leerlingen:detail", args=[dossier.leerling.uuid]),
        reverse("leerlingen:dossier_lijst"),
        reverse("leerlingen:dossier_detail", args=[dossier.uuid]),
        reverse("leerlingen:dossier_geschiedenis", args=[dossier.uuid]),
        reverse("leerlingen:tijdlijn", args=[dossier.leerling.uuid]),
        reverse("leerlingen:sectie_bewerken", args=[dossier.uuid, Sectie.ANALYSE]),
        reverse("leerlingen:mdo_plannen", args=[dossier.uuid]),
        reverse("leerlingen:mdo_detail", args=[mdo.uuid]),
        reverse("leerlingen:mdo_verslag", args=[mdo.uuid]),
        reverse("leerlingen:mdo_bewerken", args=[mdo.uuid]),
        reverse("leerlingen:mdo_annuleren", args=[mdo.uuid]),
        reverse("leerlingen:mdo_advies", args=[mdo.uuid]),
        reverse("leerlingen:opp_nieuw", args=[dossier.uuid]),
        reverse("leerlingen:opp_detail", args=[versie.uuid]),
        reverse("leerlingen:opp_instemming", args=[versie.uuid]),
        reverse("leerlingen:document_nieuw", args=[dossier.uuid]),
        reverse("leerlingen:interventie_nieuw", args=[dossier.uuid]),
        reverse("leerlingen:dossier_afsluiten", args=[dossier.uuid]),
        reverse("leerlingen:signaal_nieuw", args=[dossier.leerling.uuid]),
        reverse("leerlingen:overstap", args=[dossier.leerling.uuid]),
        reverse("leerlingen:leerling_nieuw"),
        reverse("leerlingen:import_nieuw"),
        reverse("home"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url


def test_an_unknown_section_answers_404(client, personas, dossier):
    client.force_login(personas.alice)
    assert client.get(reverse("leerlingen:sectie_bewerken", args=[dossier.uuid, "bsn"])).status_code == 404


def test_a_stale_section_edit_shows_a_clear_dutch_message_and_keeps_the_text(client, personas, dossier):
    url = reverse("leerlingen:sectie_bewerken", args=[dossier.uuid, Sectie.ANALYSE])
    client.force_login(personas.alice)
    client.post(url, {"tekst": "Versie van collega", "versie": 0})
    response = client.post(url, {"tekst": "Mijn eigen tekst", "versie": 0})
    html = response.content.decode()
    assert response.status_code == 409
    assert "Iemand anders heeft dit onderdeel opgeslagen terwijl u het bewerkte" in html
    assert "Mijn eigen tekst" in html  # the user's text is kept in the form to copy
    assert DossierSectie.objects.get(dossier=dossier).tekst == "Versie van collega"


@pytest.mark.django_db(transaction=True)
def test_a_concurrent_section_edit_shows_a_clear_dutch_message_and_keeps_the_text(personas, dossier):
    url = reverse("leerlingen:sectie_bewerken", args=[dossier.uuid, Sectie.ANALYSE])
    collega, ik = Client(), Client()
    collega.force_login(personas.alice)
    ik.force_login(personas.alice)
    teksten = ["Versie van collega", "Mijn eigen tekst"]
    antwoorden = allemaal_gelukt(
        gelijktijdig(
            lambda: collega.post(url, {"tekst": teksten[0], "versie": 0}),
            lambda: ik.post(url, {"tekst": teksten[1], "versie": 0}),
        )
    )
    assert sorted(a.status_code for a in antwoorden) == [302, 409]  # exactly one save wins
    winnaar, verliezer = sorted(range(2), key=lambda i: antwoorden[i].status_code)
    html = antwoorden[verliezer].content.decode()
    assert "Iemand anders heeft dit onderdeel opgeslagen terwijl u het bewerkte" in html
    assert teksten[verliezer] in html  # the user's text is kept in the form to copy
    assert DossierSectie.objects.get(dossier=dossier).tekst == teksten[winnaar]


def test_the_history_page_shows_before_and_after(client, personas, dossier):
    s = dossier_services.sectie_bijwerken(
        door=personas.alice, dossier=dossier, sectie=Sectie.DOELEN, tekst="Oud doel", versie=0
    )
    dossier_services.sectie_bijwerken(
        door=personas.alice, dossier=dossier, sectie=Sectie.DOELEN, tekst="Nieuw doel", versie=s.versie
    )
    client.force_login(personas.alice)
    html = client.get(reverse("leerlingen:dossier_geschiedenis", args=[dossier.uuid])).content.decode()
    assert "Oud doel" in html and "Nieuw doel" in html and "Doelen" in html


def test_planning_an_mdo_through_the_form_with_an_external_parent(client, personas, dossier):
    client.force_login(personas.alice)
    morgen = timezone.localdate() + timedelta(days=1)
    response = client.post(
        reverse("leerlingen:mdo_plannen", args=[dossier.uuid]),
        {
            "soort": "mdo",
            "datum": morgen.isoformat(),
            "tijd": "14:30",
            "duur_minuten": 60,
            "locatie": "Kamer ib",
            "agenda": "Lezen",
            "portaalgebruikers": [personas.charlie.pk],
            "extern-TOTAL_FORMS": 3,
            "extern-INITIAL_FORMS": 0,
            "extern-MIN_NUM_FORMS": 0,
            "extern-MAX_NUM_FORMS": 10,
            "extern-0-naam": "Mevrouw De Vries",
            "extern-0-rol": "ouder",
            "extern-0-organisatie": "",
        },
    )
    mdo = MDO.objects.get()
    assert response.status_code == 302
    assert sorted(mdo.deelnemers.values_list("rol", flat=True)) == ["consulent", "ib_er", "ouder"]
    assert timezone.localtime(mdo.begint_om).strftime("%H:%M") == "14:30"


def test_recording_the_verslag_through_the_form(client, personas, dossier):
    mdo = MDOFactory(dossier=dossier, gepland_door=personas.alice)
    client.force_login(personas.alice)
    data = {
        "versie": mdo.versie,
        "gehouden_op": timezone.localdate().isoformat(),
        "verslag": "Goed gesprek",
        "gehoord": "ja",
        "wijze": "in_overleg",
        "wat_zei_kind": "Ik wil meer hulp",
        "uitkomsten": ["opp", "tlv_voorstel"],
        "afspraak-TOTAL_FORMS": 3,
        "afspraak-INITIAL_FORMS": 0,
        "afspraak-MIN_NUM_FORMS": 0,
        "afspraak-MAX_NUM_FORMS": 20,
        "afspraak-0-omschrijving": "OPP bijstellen",
        "afspraak-0-uitvoerder": personas.alice.pk,
        "afspraak-0-uiterlijk": (timezone.localdate() + timedelta(days=10)).isoformat(),
    }
    response = client.post(reverse("leerlingen:mdo_verslag", args=[mdo.uuid]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    mdo.refresh_from_db()
    assert mdo.status == MDOStatus.GEHOUDEN
    assert mdo.afspraken.get().uitvoerder == personas.alice


def test_the_verslag_form_explains_a_missing_voice_in_dutch(client, personas, dossier):
    mdo = MDOFactory(dossier=dossier)
    client.force_login(personas.alice)
    response = client.post(
        reverse("leerlingen:mdo_verslag", args=[mdo.uuid]),
        {
            "versie": mdo.versie,
            "gehouden_op": timezone.localdate().isoformat(),
            "verslag": "x",
            "gehoord": "nee",
            "uitkomsten": ["opp"],
            "afspraak-TOTAL_FORMS": 0,
            "afspraak-INITIAL_FORMS": 0,
        },
    )
    assert "Leg vast waarom het kind niet gehoord kon worden." in response.content.decode()
    mdo.refresh_from_db()
    assert mdo.status == MDOStatus.GEPLAND


def test_the_consulent_adds_advice_through_the_page(client, personas, dossier):
    mdo = MDOFactory(dossier=dossier, gehouden=True)
    client.force_login(personas.charlie)
    html = client.get(reverse("leerlingen:mdo_detail", args=[mdo.uuid])).content.decode()
    assert "Advies toevoegen" in html and "Verslag vastleggen" not in html
    client.post(reverse("leerlingen:mdo_advies", args=[mdo.uuid]), {"tekst": "Schakel de leesspecialist in."})
    assert (
        "Schakel de leesspecialist in."
        in client.get(reverse("leerlingen:mdo_detail", args=[mdo.uuid])).content.decode()
    )


def test_closing_through_the_form_needs_an_explanation_for_other(client, personas, dossier):
    client.force_login(personas.alice)
    url = reverse("leerlingen:dossier_afsluiten", args=[dossier.uuid])
    response = client.post(url, {"reden": "anders", "toelichting": ""})
    assert "Licht de reden van afsluiten toe." in response.content.decode()
    client.post(url, {"reden": "doelen_bereikt"})
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.AFGESLOTEN


def test_the_worklist_shows_my_mdos_agreements_and_quiet_dossiers(client, personas, dossier):
    from leerlingen.models import MDODeelnemer

    mdo = MDOFactory(dossier=dossier, gepland_door=personas.alice)
    MDODeelnemer.objects.create(mdo=mdo, gebruiker=personas.charlie, rol="consulent")
    AfspraakFactory(dossier=dossier, verlopen=True, omschrijving="Verlopen afspraak", uitvoerder=personas.charlie)
    AfspraakFactory(dossier=dossier, omschrijving="Binnenkort afspraak")
    stil = DossierFactory(school=personas.school_a, regievoerder=personas.alice)
    Dossier.objects.filter(pk=stil.pk).update(laatste_activiteit=timezone.now() - timedelta(days=200))
    client.force_login(personas.alice)
    assert reverse("paneel", args=["dossier_werklijst"]) in client.get(reverse("home")).content.decode()
    werklijst = reverse("paneel", args=["dossier_werklijst"])
    html = client.get(werklijst, HTTP_HX_REQUEST="true").content.decode()
    assert "Mijn werklijst" in html and "<html" not in html
    assert "Verlopen afspraak" in html and "Binnenkort afspraak" in html
    assert reverse("leerlingen:dossier_detail", args=[stil.uuid]) in html
    assert reverse("leerlingen:mdo_detail", args=[mdo.uuid]) in html
    client.force_login(personas.charlie)
    html = client.get(werklijst).content.decode()  # without JavaScript: the panel's own page
    assert "Mijn komende overleggen" in html and "Verlopen afspraak" in html
    assert reverse("leerlingen:dossier_detail", args=[stil.uuid]) not in html


def test_the_dossier_list_counts_consent_and_the_childs_voice(client, personas, dossier):
    MDOFactory(dossier=dossier, gehouden=True)
    InstemmingFactory(versie__dossier=dossier)
    client.force_login(personas.dora)
    response = client.get(reverse("leerlingen:dossier_lijst"))
    k = response.context["kengetallen"]
    assert (k["mdos_gehouden"], k["mdos_met_stem"], k["opps_vastgesteld"], k["opps_met_instemming"]) == (1, 1, 1, 1)


@pytest.mark.parametrize("aantal", [3, 30])
def test_the_dossier_page_has_a_fixed_query_budget(client, personas, dossier, aantal, django_assert_max_num_queries):
    _vul(dossier, personas, aantal)
    client.force_login(personas.alice)
    client.get(reverse("home"))
    with django_assert_max_num_queries(30):
        assert client.get(reverse("leerlingen:dossier_detail", args=[dossier.uuid])).status_code == 200


@pytest.mark.parametrize("aantal", [3, 30])
def test_the_dossier_list_has_a_fixed_query_budget(client, personas, aantal, django_assert_max_num_queries):
    for _ in range(aantal):
        DossierFactory(school=personas.school_a, regievoerder=personas.alice)
    client.force_login(personas.dora)
    client.get(reverse("home"))
    with django_assert_max_num_queries(15):
        assert client.get(reverse("leerlingen:dossier_lijst")).status_code == 200


@pytest.mark.parametrize("aantal", [3, 30])
def test_the_timeline_and_home_have_a_fixed_query_budget(
    client, personas, dossier, aantal, django_assert_max_num_queries
):
    _vul(dossier, personas, aantal)
    client.force_login(personas.alice)
    client.get(reverse("home"))
    with django_assert_max_num_queries(20):
        client.get(reverse("leerlingen:tijdlijn", args=[dossier.leerling.uuid]))
    with django_assert_max_num_queries(25):
        client.get(reverse("home"))


@pytest.mark.parametrize("aantal", [3, 30])
def test_the_pupil_list_and_search_stay_within_budget(client, personas, aantal, django_assert_max_num_queries):
    for _ in range(aantal):
        d = DossierFactory(school=personas.school_a, regievoerder=personas.alice)
        SignaalFactory(dossier=d)
    client.force_login(personas.alice)
    client.get(reverse("home"))
    with django_assert_max_num_queries(20):
        client.get(reverse("leerlingen:lijst"))
    with django_assert_max_num_queries(20):
        client.post(reverse("leerlingen:lijst"), {"zoek": "a"}, HTTP_HX_REQUEST="true")


def test_the_history_includes_opp_versions_and_consent(client, personas, dossier):
    from leerlingen.services import opp as opp_services

    v = opp_services.opp_versie_opstellen(
        door=personas.alice, dossier=dossier, uitstroomniveau="havo", doelen="Doel A", handelingsdeel="Plan A"
    )
    opp_services.opp_vaststellen(door=personas.alice, oppversie=v)
    client.force_login(personas.alice)
    html = client.get(reverse("leerlingen:dossier_geschiedenis", args=[dossier.uuid])).content.decode()
    assert "OPP-versie: v1" in html and "vastgesteld" in html


def test_the_ib_er_links_a_teacher_who_then_reads_the_dossier(client, personas, dossier):
    client.force_login(personas.alice)
    url = reverse("leerlingen:leerkrachten", args=[dossier.leerling.uuid])
    assert client.get(url).status_code == 200
    client.post(url, {"leerkrachten": [personas.lotte.pk]})
    assert list(dossier.leerling.leerkrachten.all()) == [personas.lotte]
    client.force_login(personas.lotte)
    assert client.get(reverse("leerlingen:dossier_detail", args=[dossier.uuid])).status_code == 200


def test_only_teachers_of_the_school_can_be_linked_and_only_by_the_ib_er(client, personas, dossier):
    from leerlingen.services.fouten import DossierFout
    from leerlingen.services.overstap import leerling_leerkrachten_koppelen

    with pytest.raises(DossierFout):
        leerling_leerkrachten_koppelen(door=personas.alice, leerling=dossier.leerling, leerkrachten=[personas.bob])
    with pytest.raises(DossierFout):
        leerling_leerkrachten_koppelen(door=personas.dora, leerling=dossier.leerling, leerkrachten=[personas.lotte])
    client.force_login(personas.dora)
    assert client.get(reverse("leerlingen:leerkrachten", args=[dossier.leerling.uuid])).status_code == 404
