"""Pages: the request forms, the register with its exports, query budgets of the lists."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from swv.models import Taak, Toegangslog
from tests.tlv.factories import PDF, DossierFactory, MDOFactory, TLVFactory, volledige_aanvraag
from tlv.models import TLV

pytestmark = pytest.mark.django_db


def test_the_ib_er_starts_a_request_from_an_mdo_outcome(client, wereld):
    dossier = DossierFactory(leerling=wereld.daan, school=wereld.school_a, regievoerder=wereld.alice)
    mdo = MDOFactory(dossier=dossier)
    client.force_login(wereld.alice)
    pagina = client.get(reverse("tlv:nieuw") + f"?mdo={mdo.uuid}")
    assert pagina.status_code == 200 and "Daan Visser" in pagina.content.decode()
    response = client.post(
        reverse("tlv:nieuw") + f"?mdo={mdo.uuid}",
        {"leerling": wereld.daan.pk, "soort": "SBO", "route": "regulier", "mdo": mdo.uuid},
    )
    tlv = TLV.objects.get()
    assert response.url == tlv.get_absolute_url() and tlv.mdo == mdo


def test_a_second_request_shows_a_dutch_error(client, wereld):
    volledige_aanvraag(door=wereld.alice, leerling=wereld.daan, school=wereld.school_a, beoogde_school=wereld.sbo)
    client.force_login(wereld.alice)
    response = client.post(reverse("tlv:nieuw"), {"leerling": wereld.daan.pk, "soort": "SO", "route": "rechtstreeks"})
    assert "Er loopt al een TLV-aanvraag voor deze leerling." in response.content.decode()


def test_the_checklist_shows_what_is_missing_and_submitting_incomplete_is_refused(client, wereld):
    tlv = volledige_aanvraag(
        door=wereld.alice,
        leerling=wereld.daan,
        school=wereld.school_a,
        beoogde_school=wereld.sbo,
        redenen="",
        toelating_datum=None,
    )
    client.force_login(wereld.alice)
    inhoud = client.get(tlv.get_absolute_url()).content.decode()
    assert "Ontbreekt" in inhoud and "Redenen van de aanvraag" in inhoud
    response = client.post(reverse("tlv:indienen", args=[tlv.uuid]), follow=True)
    assert "De aanvraag is nog niet compleet" in response.content.decode()
    tlv.refresh_from_db()
    assert tlv.status == "concept"


def test_editing_with_a_stale_form_is_refused_without_saving(client, wereld):
    tlv = volledige_aanvraag(door=wereld.alice, leerling=wereld.daan, school=wereld.school_a, beoogde_school=wereld.sbo)
    client.force_login(wereld.alice)
    data = {
        "versie": tlv.versie,
        "soort": "SBO",
        "beoogde_school": wereld.sbo.pk,
        "redenen": "Eerste versie.",
        "voorgestelde_duur_maanden": 24,
        "ouders_instemming": "ingestemd",
    }
    assert client.post(reverse("tlv:bewerken", args=[tlv.uuid]), data).status_code == 302
    data["redenen"] = "Verouderd formulier."
    response = client.post(reverse("tlv:bewerken", args=[tlv.uuid]), data)
    assert "Iemand anders heeft deze TLV gewijzigd" in response.content.decode()
    tlv.refresh_from_db()
    assert tlv.redenen == "Eerste versie."


def test_the_expert_form_requires_a_document_the_first_time(client, wereld):
    tlv = TLVFactory(leerling=wereld.daan, aanvragende_school=wereld.school_a, aangemaakt_door=wereld.alice)
    client.force_login(wereld.alice)
    url = reverse("tlv:deskundige", args=[tlv.uuid, 1])
    data = {
        "naam": "Drs. K. de Boer",
        "kwalificatie": "orthopedagoog",
        "datum": timezone.localdate().isoformat(),
        "advies": "Passend.",
        "conclusie": "positief",
    }
    assert "Dit veld is verplicht." in client.post(url, data).content.decode()
    data["bestand"] = SimpleUploadedFile("advies.pdf", PDF, content_type="application/pdf")
    assert client.post(url, data).status_code == 302
    assert tlv.deskundigenadviezen.get().document.extensie == "pdf"


def test_the_decision_form_proposes_the_requested_period(client, wereld):
    tlv = TLVFactory(
        getoetst=True,
        aanvragende_school=wereld.school_a,
        voorgestelde_duur_maanden=24,
        voorgestelde_ingangsdatum=date(2026, 8, 1),
    )
    client.force_login(wereld.tim)
    inhoud = client.get(reverse("tlv:besluiten", args=[tlv.uuid])).content.decode()
    assert 'value="2026-08-01"' in inhoud and 'value="2028-07-31"' in inhoud
    response = client.post(reverse("tlv:besluiten", args=[tlv.uuid]), {"besluit": "afgeven", "motivering": ""})
    assert "Dit veld is verplicht." in response.content.decode()


def _tlvs(n, school):
    for i in range(n):
        TLVFactory(
            actief=True,
            aanvragende_school=school,
            ingangsdatum=date(2025, 8, 1) + timedelta(days=i),
            einddatum=date(2027, 7, 31),
            plaatsingsdatum=timezone.localdate() - timedelta(days=1),
        )
        TLVFactory(ingediend=True, aanvragende_school=school)


@pytest.mark.parametrize(
    "url_name, persona",
    [
        ("tlv:register", "dirk"),
        ("tlv:werkvoorraad", "tim"),
        ("tlv:lijst", "alice"),
        ("tlv:kengetallen", "bea"),
        ("home", "tim"),
    ],
)
def test_list_pages_keep_their_query_budget(client, wereld, django_assert_max_num_queries, url_name, persona):
    client.force_login(getattr(wereld, persona))
    _tlvs(3, wereld.school_a)
    client.get(reverse(url_name))
    with django_assert_max_num_queries(20) as weinig:
        assert client.get(reverse(url_name)).status_code == 200
    _tlvs(27, wereld.school_a)
    with django_assert_max_num_queries(20) as veel:
        assert client.get(reverse(url_name)).status_code == 200
    assert len(veel.captured_queries) == len(weinig.captured_queries)


def test_the_register_filters(client, wereld):
    so = TLVFactory(
        actief=True, so=True, categorie="hoog", aanvragende_school=wereld.school_a, beoogde_school=wereld.so
    )
    sbo = TLVFactory(actief=True, aanvragende_school=wereld.school_b, beoogde_school=wereld.sbo)
    client.force_login(wereld.dirk)
    for query, zichtbaar, verborgen in [
        ({"soort": "SO"}, so, sbo),
        ({"categorie": "hoog"}, so, sbo),
        ({"school": wereld.sbo.uuid}, sbo, so),
        ({"bestuur": wereld.school_b.bestuur_id}, sbo, so),
        ({"status": "actief", "soort": "SBO"}, sbo, so),
        ({"actief_op": (so.einddatum + timedelta(days=1)).isoformat(), "soort": "SO"}, None, so),
    ]:
        inhoud = client.get(reverse("tlv:register"), query).content.decode()
        if zichtbaar:
            assert zichtbaar.nummer in inhoud, query
        assert verborgen.nummer not in inhoud, query


def test_the_register_shows_no_pupil_names_or_bsn(client, wereld):
    tlv = TLVFactory(actief=True, leerling=wereld.daan)
    client.force_login(wereld.dirk)
    inhoud = client.get(reverse("tlv:register")).content.decode()
    assert tlv.nummer in inhoud and "Daan" not in inhoud


def test_the_duo_export_is_a_semicolon_csv_and_is_access_logged(client, wereld):
    tlv = TLVFactory(
        actief=True, so=True, categorie="midden", ingangsdatum=date(2025, 8, 1), einddatum=date(2027, 7, 31)
    )
    tlv.leerling.bsn = "123456782"
    tlv.leerling.save()
    client.force_login(wereld.bea)
    response = client.get(reverse("tlv:register_duo"))
    regels = b"".join(response.streaming_content).decode().splitlines()
    assert response["Content-Type"].startswith("text/csv")
    assert regels == [
        "tlv_nummer;bsn_of_onderwijsnummer;soort;categorie;begindatum;einddatum;swv_code",
        f"{tlv.nummer};123456782;SO;midden;2025-08-01;2027-07-31;PO2801",
    ]
    log = Toegangslog.objects.get(gebeurtenis="tlv_duo_export")
    assert (log.gebruiker, log.aantal, log.actie) == (wereld.bea, 1, "geexporteerd")


def test_the_excel_export_starts_a_job_with_the_filters(client, wereld, django_capture_on_commit_callbacks):
    client.force_login(wereld.dirk)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(reverse("tlv:register_export"), {"soort": "SO", "categorie": "hoog"})
    taak = Taak.objects.get()
    assert response.url == reverse("taak_detail", args=[taak.uuid])
    assert (taak.soort, taak.parameters) == ("tlv_register_excel", {"soort": "SO", "categorie": "hoog"})


def test_the_excel_export_holds_no_names_and_follows_the_scope(wereld, django_capture_on_commit_callbacks):
    import io

    import openpyxl

    from swv.taken import taak_starten, taak_uitvoeren_service

    TLVFactory(actief=True, so=True, categorie="hoog", leerling=wereld.daan, plaatsingsdatum=timezone.localdate())
    TLVFactory(actief=True)
    with django_capture_on_commit_callbacks(execute=False):
        taak = taak_starten(
            soort="tlv_register_excel", omschrijving="x", aangevraagd_door=wereld.dirk, parameters={"soort": "SO"}
        )
    taak_uitvoeren_service(taak_id=taak.pk)
    taak.refresh_from_db()
    blad = openpyxl.load_workbook(io.BytesIO(taak.bestand.read())).active
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[0][:4] == ("TLV-nummer", "Status", "Soort", "Categorie") and len(rijen) == 2
    assert rijen[1][3] == "hoog" and not any("Daan" in str(c) for r in rijen for c in r)
    assert Toegangslog.objects.get(gebeurtenis="tlv_register_excel").aantal == 1


def test_the_key_figures_page_has_a_chart_with_a_table(client, wereld):
    TLVFactory(
        actief=True,
        beoogde_school=wereld.sbo,
        afgegeven_op=timezone.localdate() - timedelta(days=30),
        plaatsingsdatum=timezone.localdate() - timedelta(days=2),
    )
    client.force_login(wereld.bea)
    inhoud = client.get(reverse("tlv:kengetallen")).content.decode()
    assert "<svg" in inhoud and "SBO De Brug" in inhoud and "Wachttijd per S(B)O-school" in inhoud


def test_the_home_panel_shows_the_queue_and_notifications(client, wereld):
    TLVFactory(ingediend=True)
    client.force_login(wereld.tim)
    inhoud = client.get(reverse("home")).content.decode()
    assert "in de werkvoorraad van de TLC" in inhoud and "nieuwe meldingen" in inhoud
