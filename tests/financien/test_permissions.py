"""The permission matrix of finance: controller and DB read everything (only the controller
writes), a bestuurder reads only the own board's allocation, everyone else gets 404."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from financien.services import rapportage as rapportage_services
from tests.factories import LeerlingtellingFactory
from tests.financien.factories import KLEINE_BEGROTING, JaarparametersFactory, importeer, maak_begroting

pytestmark = pytest.mark.django_db

ALLE = ["alice", "bob", "charlie", "dirk", "lotte", "dora", "bea", "carla", "bert", "olga", "tim", "anna", "beheer"]
FINANCIEN = {"carla", "dirk", "bea"}


@pytest.fixture
def financien(personas, django_capture_on_commit_callbacks):
    LeerlingtellingFactory(school=personas.school_a, teldatum=date(2025, 10, 1), aantal=300)
    LeerlingtellingFactory(school=personas.school_b, teldatum=date(2025, 10, 1), aantal=200)
    JaarparametersFactory(jaar=2026, teldatum=date(2025, 10, 1))
    maak_begroting(2026, KLEINE_BEGROTING)
    invoer = importeer(personas.carla, 2026, 1, [("R2.01", "Directie", "10000")])
    with django_capture_on_commit_callbacks(execute=False):
        rapport = rapportage_services.t_rapportage_starten(door=personas.carla, jaar=2026, t_nummer=1)
    # The lines as the job computes them; a stand-in file instead of rendering a PDF in every case.
    rapportage_services._regels_vastleggen(rapport)
    rapport.pdf.save(rapport.pdf_bestandsnaam, ContentFile(b"%PDF-1.4 test"))
    return {"invoer": invoer, "rapport": rapport}


def leespaginas(f, p):
    post = f["rapport"].regels.first().post
    return {
        "overzicht": reverse("financien:overzicht"),
        "reserves": reverse("financien:reserves"),
        "parameters": reverse("financien:parameters"),
        "parameters_jaar": reverse("financien:parameters_jaar", args=[2026]),
        "begroting": reverse("financien:begroting"),
        "begroting_jaar": reverse("financien:begroting_jaar", args=[2026]),
        "posten": reverse("financien:posten"),
        "realisatie": reverse("financien:realisatie"),
        "realisatie_import": reverse("financien:realisatie_import", args=[f["invoer"].uuid]),
        "rekeningen": reverse("financien:rekeningen"),
        "afdrachten": reverse("financien:afdrachten_jaar", args=[2026]),
        "afdracht_tlvs": reverse("financien:afdracht_tlvs", args=[2026]) + "?soort=SO&categorie=laag",
        "t_rapportages": reverse("financien:t_rapportages"),
        "t_rapportage": reverse("financien:t_rapportage", args=[f["rapport"].uuid]),
        "t_rapportage_pdf": reverse("financien:t_rapportage_pdf", args=[f["rapport"].uuid]),
        "t_rapportage_voortgang": reverse("financien:t_rapportage_voortgang", args=[f["rapport"].uuid]),
        "post_wijzigen": reverse("financien:post_wijzigen", args=[post.uuid]),
    }


@pytest.mark.parametrize("persona", ALLE)
def test_finance_pages_answer_404_outside_the_finance_roles(client, personas, financien, persona):
    client.force_login(getattr(personas, persona))
    for naam, url in leespaginas(financien, personas).items():
        response = client.get(url)
        if persona in FINANCIEN and not (naam == "post_wijzigen" and persona in {"dirk", "bea"}):
            verwacht = 200
        elif persona == "bert" and naam == "overzicht":
            verwacht = 302  # a bestuurder's finance page is the own board's allocation
        else:
            verwacht = 404
        assert response.status_code == verwacht, (naam, persona)


@pytest.mark.parametrize("persona", ALLE)
def test_the_allocation_is_for_finance_roles_and_the_own_board_only(client, personas, financien, persona):
    client.force_login(getattr(personas, persona))
    pagina = client.get(reverse("financien:toewijzing_jaar", args=[2026]))
    excel_a = client.get(reverse("financien:toewijzing_excel", args=[2026, personas.school_a.bestuur.nummer]))
    excel_b = client.get(reverse("financien:toewijzing_excel", args=[2026, personas.school_b.bestuur.nummer]))
    if persona in FINANCIEN:
        assert (pagina.status_code, excel_a.status_code, excel_b.status_code) == (200, 200, 200)
        assert {b.bestuur.naam for b in pagina.context["toewijzing"].besturen} == {"Stichting Noord", "Stichting Zuid"}
    elif persona == "bert":
        assert (pagina.status_code, excel_a.status_code, excel_b.status_code) == (200, 200, 404)
        inhoud = pagina.content.decode()
        assert "Stichting Noord" in inhoud and "Stichting Zuid" not in inhoud and "Basisschool B" not in inhoud
    else:
        assert (pagina.status_code, excel_a.status_code, excel_b.status_code) == (404, 404, 404)


def test_the_allocation_excel_of_a_board_explains_its_amounts(client, personas, financien):
    import io

    import openpyxl

    client.force_login(personas.bert)
    response = client.get(reverse("financien:toewijzing_excel", args=[2026, personas.school_a.bestuur.nummer]))
    werkmap = openpyxl.load_workbook(io.BytesIO(response.content))
    rijen = list(werkmap.worksheets[0].iter_rows(values_only=True))
    assert rijen[0][:4] == ("Vestigingscode", "School", "Soort", "Leerlingen op de teldatum")
    assert rijen[1][1] == "Basisschool A" and rijen[1][3] == 300 and rijen[1][-1] == 32500.0  # 2,500 + 300 x 100


WRITES = [
    ("financien:parameters", [], {"jaar": 2030}),
    ("financien:parameters_kopieren", [2026], {}),
    ("financien:begroting_aanmaken", [], {"jaar": 2031}),
    ("financien:begroting_uit_parameters", [2026], {}),
    ("financien:standaard_posten", [], {}),
    ("financien:rekeningen", [], {"rekening": "X1"}),
    ("financien:t_rapportages", [], {"jaar": 2026, "t_nummer": 1}),
]


@pytest.mark.parametrize("persona", sorted(set(ALLE) - {"carla"}))
def test_only_the_controller_writes(client, personas, financien, persona):
    client.force_login(getattr(personas, persona))
    for naam, args, data in WRITES:
        assert client.post(reverse(naam, args=args), data).status_code == 404, naam
    rapport = financien["rapport"]
    for actie in ("definitief", "nieuwe-versie", "opnieuw"):
        assert client.post(reverse("financien:t_rapportage_actie", args=[rapport.uuid, actie])).status_code == 404
    assert (
        client.post(
            reverse("financien:realisatie_import", args=[financien["invoer"].uuid]), {"actie": "annuleren"}
        ).status_code
        == 404
    )


def test_viewing_the_tlvs_behind_a_number_is_access_logged(client, personas, financien):
    from swv.models import Toegangslog
    from tests.factories import SchoolFactory
    from tests.tlv.factories import TLVFactory

    TLVFactory(
        so=True,
        afgegeven=True,
        categorie="laag",
        nummer="TLV-2026-001",
        ingangsdatum=date(2025, 8, 1),
        einddatum=date(2027, 7, 31),
        beoogde_school=SchoolFactory(swv=personas.swv, so=True, naam="SO De Horizon"),
    )
    client.force_login(personas.dirk)
    response = client.get(reverse("financien:afdracht_tlvs", args=[2026]) + "?soort=SO&categorie=laag")
    inhoud = response.content.decode()
    assert response.status_code == 200 and "TLV-2026-001" in inhoud and "SO De Horizon" in inhoud
    log = Toegangslog.objects.get()
    assert (log.gebruiker, log.gebeurtenis, log.aantal, log.actie) == (
        personas.dirk,
        "financien_tlvs_bekostiging",
        1,
        "geexporteerd",
    )


def test_without_a_tlv_register_the_list_says_so_and_logs_nothing(client, personas, financien):
    from swv.models import Toegangslog

    client.force_login(personas.dirk)
    response = client.get(reverse("financien:afdracht_tlvs", args=[2026]) + "?soort=SBO")
    assert "Er zijn nog geen TLV-gegevens" in response.content.decode()
    assert not Toegangslog.objects.exists()


@pytest.mark.parametrize("query", ["?soort=XX", "?soort=SO&categorie=paars", "?soort=SBO&categorie=laag", ""])
def test_an_unknown_number_answers_404(client, personas, financien, query):
    client.force_login(personas.dirk)
    assert client.get(reverse("financien:afdracht_tlvs", args=[2026]) + query).status_code == 404


def test_an_anonymous_visitor_is_sent_to_the_login(client, financien):
    response = client.get(reverse("financien:overzicht"))
    assert response.status_code == 302 and "/accounts/login/" in response.url
