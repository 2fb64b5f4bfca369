"""Pages of issue 6: registration through the forms, Dutch errors on bad input (nothing saved),
htmx partials, the export jobs, and query budgets on lists and the dashboard (3 vs 30 rows)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from leerlingen.models import Ladderstap, Leerling, Thuiszittercasus, Zorgplichtcasus
from swv.models import Taak
from tests.factories import LeerlingtellingFactory
from tests.leerlingen.factories import LeerlingFactory
from tests.leerlingen.factories_thuiszitters import (
    KetenpartnerFactory,
    RisicosignaleringFactory,
    ThuiszittercasusFactory,
    ZorgplichtcasusFactory,
    standaard_ladder,  # noqa: F401 (autouse fixture)
)

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(autouse=True)
def vaste_dag():
    with time_machine.travel(datetime(2026, 3, 16, 10, 0, tzinfo=AMS), tick=False):
        yield


def inhoud(response) -> str:
    return response.content.decode()


def test_an_ib_er_finds_a_pupil_and_registers_a_thuiszitter(client, personas):
    leerling = LeerlingFactory(school=personas.school_a, voornaam="Noor", achternaam="Vermeulen")
    LeerlingFactory(school=personas.school_b, voornaam="Noor", achternaam="Vermeulen-B")
    partner = KetenpartnerFactory()
    client.force_login(personas.alice)
    zoek = client.post(reverse("leerlingen:kies_leerling"), {"zoek": "Noor"}, HTTP_HX_REQUEST="true")
    assert "Vermeulen, Noor" in inhoud(zoek) and "Vermeulen-B" not in inhoud(zoek)
    url = reverse("leerlingen:thuiszitter_nieuw") + f"?leerling={leerling.uuid}"
    formulier = client.get(url)
    sleutel = formulier.context["form"]["uuid"].value()
    data = {
        "uuid": sleutel,
        "leerling": leerling.uuid,
        "soort": "relatief_verzuim",
        "sinds": "2026-02-02",
        "reden": "schoolweigering",
        "onderwijs_uren": "2,5".replace(",", "."),
        "partners": [partner.pk],
    }
    response = client.post(url, data)
    casus = Thuiszittercasus.objects.get()
    assert response.status_code == 302 and response.url == casus.get_absolute_url()
    assert list(casus.partners.all()) == [partner]
    # a second submit of the same form (double click) adds nothing
    client.post(url, data)
    assert Thuiszittercasus.objects.count() == 1
    detail = inhoud(client.get(casus.get_absolute_url()))
    assert "Thuiszittercasus van Noor Vermeulen" in detail and "6 weken" in detail


def test_bad_registration_input_gets_dutch_errors_and_saves_nothing(client, personas):
    leerling = LeerlingFactory(school=personas.school_a)
    client.force_login(personas.alice)
    url = reverse("leerlingen:thuiszitter_nieuw") + f"?leerling={leerling.uuid}"
    response = client.post(
        url,
        {
            "uuid": "9a1f5f0e-7d5b-4c55-a1c8-3b1d5b0f8a11",
            "leerling": leerling.uuid,
            "soort": "relatief_verzuim",
            "sinds": "2026-04-01",
            "reden": "",
            "onderwijs_uren": "50",
            "heeft_opp": "on",
        },
    )
    tekst = inhoud(response)
    assert response.status_code == 422
    assert "Kies een reden." in tekst
    assert "Het aantal uren onderwijs per week moet tussen 0 en 40 liggen." in tekst
    assert not Thuiszittercasus.objects.exists()
    response = client.post(
        url,
        {
            "uuid": "9a1f5f0e-7d5b-4c55-a1c8-3b1d5b0f8a11",
            "leerling": leerling.uuid,
            "soort": "relatief_verzuim",
            "sinds": "2026-04-01",
            "reden": "gedrag",
            "onderwijs_uren": "0",
        },
    )
    assert "De datum thuis sinds mag niet in de toekomst liggen." in inhoud(response)
    assert not Thuiszittercasus.objects.exists()


def test_a_consulent_registers_a_child_without_enrolment_through_the_form(client, personas):
    client.force_login(personas.charlie)
    url = reverse("leerlingen:thuiszitter_zonder_inschrijving")
    sleutel = client.get(url).context["form"]["uuid"].value()
    response = client.post(
        url,
        {
            "uuid": sleutel,
            "voornaam": "Sem",
            "achternaam": "Visser",
            "geboortedatum": "2019-05-01",
            "gemeente": personas.school_a.gemeente_id,
            "soort": "absoluut_verzuim",
            "sinds": "2026-01-05",
            "reden": "geen_aanbod",
            "onderwijs_uren": "0",
        },
    )
    casus = Thuiszittercasus.objects.get()
    assert response.url == casus.get_absolute_url() and casus.school is None
    assert client.get(reverse("leerlingen:thuiszitter_zonder_inschrijving")).status_code == 200
    client.force_login(personas.alice)
    assert client.get(url).status_code == 404


def test_skipping_a_step_without_reason_shows_the_error_on_the_page(client, personas):
    casus = ThuiszittercasusFactory(school=personas.school_a)
    client.force_login(personas.charlie)
    url = reverse("leerlingen:thuiszitter_stap", args=[casus.uuid])
    stap1, stap3 = Ladderstap.objects.get(volgorde=1), Ladderstap.objects.get(volgorde=3)
    response = client.post(url, {"van_stap": stap1.uuid, "naar_stap": stap3.uuid, "reden": ""})
    assert "U slaat 1 stap van de ladder over: geef de reden." in inhoud(response)
    response = client.post(url, {"van_stap": stap1.uuid, "naar_stap": stap3.uuid, "reden": "Escalatie nodig"})
    assert response.status_code == 302
    casus.refresh_from_db()
    assert casus.huidige_stap == stap3


def test_closing_with_an_end_date_before_the_start_shows_a_dutch_error(client, personas):
    casus = ThuiszittercasusFactory(school=personas.school_a, sinds=date(2026, 2, 1))
    client.force_login(personas.charlie)
    response = client.post(
        reverse("leerlingen:thuiszitter_afsluiten", args=[casus.uuid]),
        {"einddatum": "2026-01-15", "uitkomst": "eigen_school"},
    )
    assert "De einddatum mag niet vóór de datum thuis sinds (1 februari 2026) liggen." in inhoud(response)
    casus.refresh_from_db()
    assert casus.status == "actief"


def test_a_stale_edit_is_refused_on_the_page(client, personas):
    casus = ThuiszittercasusFactory(school=personas.school_a)
    client.force_login(personas.alice)
    data = {"versie": casus.versie, "reden": "gedrag", "onderwijs_uren": "2"}
    assert client.post(reverse("leerlingen:thuiszitter_wijzigen", args=[casus.uuid]), data).status_code == 302
    response = client.post(reverse("leerlingen:thuiszitter_wijzigen", args=[casus.uuid]), data)
    assert "Iemand anders heeft deze casus intussen gewijzigd" in inhoud(response)


def test_partners_are_added_and_linked_on_the_partner_page(client, personas):
    casus = ThuiszittercasusFactory(school=personas.school_a)
    client.force_login(personas.charlie)
    url = reverse("leerlingen:thuiszitter_partners", args=[casus.uuid])
    response = client.post(
        url, {"nieuw": "1", "soort": "leerplicht", "organisatie": "RBL", "naam": "Marieke", "email": "geen-mail"}
    )
    assert "Vul een geldig e-mailadres in." in inhoud(response)
    client.post(url, {"nieuw": "1", "soort": "leerplicht", "organisatie": "RBL", "naam": "Marieke"})
    assert [p.naam for p in casus.partners.all()] == ["Marieke"]
    partner = casus.partners.get()
    client.post(reverse("leerlingen:thuiszitter_partner_ontkoppelen", args=[casus.uuid, partner.uuid]))
    assert not casus.partners.exists()


def test_the_zorgplicht_registration_shows_the_countdown_and_a_second_extension_is_refused(client, personas):
    client.force_login(personas.alice)
    url = reverse("leerlingen:zorgplicht_nieuw")
    sleutel = client.get(url).context["form"]["uuid"].value()
    response = client.post(
        url,
        {
            "uuid": sleutel,
            "school": personas.school_a.uuid,
            "voornaam": "Lina",
            "achternaam": "Bakker",
            "geboortedatum": "2022-01-10",
            "aanmeldingsdatum": "2026-03-02",
        },
    )
    casus = Zorgplichtcasus.objects.get()
    detail = inhoud(client.get(response.url))
    assert "Nog 28 dagen tot de uiterste beslisdatum van 13 april 2026." in detail
    verleng = reverse("leerlingen:zorgplicht_verlengen", args=[casus.uuid])
    assert client.post(verleng, {"reden": "Onderzoek"}).status_code == 302
    assert "Nog 56 dagen tot de uiterste beslisdatum van 11 mei 2026." in inhoud(client.get(response.url))
    tweede = client.post(verleng, {"reden": "Nog een keer"})
    assert "De beslistermijn is al eens verlengd; de wet staat maar één verlenging toe." in inhoud(tweede)


def test_a_passed_deadline_is_shown_as_overdue(client, personas):
    ZorgplichtcasusFactory(school=personas.school_a, aanmeldingsdatum=date(2026, 1, 19))  # deadline 2 March
    client.force_login(personas.dora)
    assert "14 dagen te laat" in inhoud(client.get(reverse("leerlingen:zorgplicht")))


def test_the_thuiszitters_export_uses_the_list_selector_and_is_logged(
    client, personas, django_capture_on_commit_callbacks
):
    import io

    import openpyxl

    from swv.models import Toegangslog
    from swv.taken import taak_uitvoeren_service

    ThuiszittercasusFactory(school=personas.school_a, sinds=date(2026, 1, 5))
    ThuiszittercasusFactory(school=personas.school_a, sinds=date(2025, 9, 1), afgesloten=True)  # ended 27 October
    client.force_login(personas.alice)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(reverse("leerlingen:thuiszitters_export"), {"datum": "2026-03-16"})
    taak = Taak.objects.get()
    assert response.url == reverse("taak_detail", args=[taak.uuid])
    taak_uitvoeren_service(taak_id=taak.pk)
    taak.refresh_from_db()
    rijen = list(
        openpyxl.load_workbook(io.BytesIO(taak.bestand.read()))["Thuiszitters"].iter_rows(min_row=2, values_only=True)
    )
    assert len(rijen) == 1 and rijen[0][8] == 10  # duration in weeks on the chosen date
    assert Toegangslog.objects.get(gebeurtenis="thuiszitters_excel").aantal == 1


def test_the_list_answers_htmx_with_the_table_only_and_filters_by_signal(client, personas):
    ThuiszittercasusFactory(school=personas.school_a, sinds=date(2025, 10, 1))
    ThuiszittercasusFactory(school=personas.school_a, sinds=date(2026, 3, 1), met_opp=True)
    client.force_login(personas.alice)
    response = client.get(reverse("leerlingen:thuiszitters"), {"signaal": "termijn"}, HTTP_HX_REQUEST="true")
    assert "<html" not in inhoud(response)
    assert "1 casus actief op 16 maart 2026" in inhoud(response)
    assert "boven de termijn van 3 maanden" in inhoud(response)


def _veel(personas, n):
    for i in range(n):
        ThuiszittercasusFactory(school=personas.school_a, sinds=date(2026, 1, 1) - timedelta(days=i * 7))
        ThuiszittercasusFactory(
            zonder_inschrijving=True,
            gemeente=personas.school_a.gemeente,
            sinds=date(2025, 6, 1),
            afgesloten=bool(i % 2),
        )
        ZorgplichtcasusFactory(school=personas.school_a, aanmeldingsdatum=date(2026, 3, 2) - timedelta(days=i))
        RisicosignaleringFactory(school=personas.school_a)


@pytest.mark.parametrize(
    "persona, url_naam",
    [
        ("charlie", "leerlingen:thuiszitters"),
        ("bea", "leerlingen:thuiszitters"),
        ("alice", "leerlingen:zorgplicht"),
        ("bert", "leerlingen:zorgplicht"),
        ("charlie", "leerlingen:risicolijst"),
        ("dirk", "leerlingen:thuiszitters_dashboard"),
        ("bert", "leerlingen:thuiszitters_dashboard"),
        ("alice", "home"),
        ("dirk", "home"),
        ("bea", "leerlingen:ladder"),
    ],
)
def test_lists_and_dashboard_use_a_bounded_number_of_queries(
    client, personas, persona, url_naam, django_assert_max_num_queries
):
    LeerlingtellingFactory(school=personas.school_a, teldatum=date(2026, 2, 1), aantal=300)
    _veel(personas, 3)
    client.force_login(getattr(personas, persona))
    with django_assert_max_num_queries(20) as ctx:
        assert client.get(reverse(url_naam)).status_code == 200
    _veel(personas, 27)
    with django_assert_max_num_queries(len(ctx.captured_queries)):
        client.get(reverse(url_naam))


def test_case_detail_and_round_pages_use_a_bounded_number_of_queries(client, personas, django_assert_max_num_queries):
    from leerlingen.services.risicolijst import risicolijst_samenstellen

    casus = ThuiszittercasusFactory(school=personas.school_a)
    for _ in range(5):
        casus.partners.add(KetenpartnerFactory())
    _veel(personas, 10)
    ronde = risicolijst_samenstellen(door=personas.bea, jaar=2026, maand=1)
    client.force_login(personas.bea)
    for url in (casus.get_absolute_url(), ronde.get_absolute_url()):
        with django_assert_max_num_queries(20):
            assert client.get(url).status_code == 200


def test_the_home_panel_shows_the_key_figures(client, personas):
    ThuiszittercasusFactory(school=personas.school_a, sinds=date(2025, 10, 1))
    ZorgplichtcasusFactory(school=personas.school_a, aanmeldingsdatum=date(2026, 1, 5))
    client.force_login(personas.bert)
    tekst = inhoud(client.get(reverse("home")))
    assert "Thuiszitters en zorgplicht" in tekst and "zorgplichtcasussen na 6 weken" in tekst
    client.force_login(personas.carla)
    assert "Thuiszitters en zorgplicht" not in inhoud(client.get(reverse("home")))


def test_the_dashboard_shows_the_chart_with_its_table(client, personas):
    LeerlingtellingFactory(school=personas.school_a, teldatum=date(2026, 2, 1), aantal=500)
    ThuiszittercasusFactory(school=personas.school_a, sinds=date(2026, 1, 5))
    client.force_login(personas.dirk)
    tekst = inhoud(client.get(reverse("leerlingen:thuiszitters_dashboard")))
    assert "<svg" in tekst and "Nieuw en afgesloten per maand (gegevens van de grafiek)" in tekst
    assert "2,00" in tekst  # 1 per 500 pupils = 2.00 per 1,000
    assert Leerling.objects.count() == 1
