"""The pages: forms call one service each, errors are Dutch and save nothing, double posts are
harmless, downloads and views are access-logged, and list pages have a bounded number of queries."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from arrangementen.choices import AanvraagStatus, Afsluitresultaat, Meldingsoort
from arrangementen.models import Aanvraag, Arrangementbudget, Evaluatie, Realisatie
from arrangementen.services.meldingen import meldingen_maken
from swv.models import Taak, Toegangslog
from tests.arrangementen.factories import (
    AanvraagFactory,
    ArrangementbudgetFactory,
    ArrangementtypeFactory,
    MDOUitkomstFactory,
)
from tests.leerlingen.factories import LeerlingFactory

pytestmark = pytest.mark.django_db

BEGIN = date(2031, 9, 1)


def formulier(type_, **extra) -> dict:
    data = {
        "idempotentiesleutel": str(uuid.uuid4()),
        "arrangementtype": type_.pk,
        "ondersteuningsbehoefte": "Lezen.",
        "doelen": "AVI E4.",
        "inzet_wat": "Begeleiding.",
        "inzet_wie": "RT",
        "uren_per_week": "2",
        "begindatum": BEGIN.isoformat(),
        "einddatum": (BEGIN + timedelta(days=139)).isoformat(),
        "kostenwijze": "tarief",
        "ouders_visie": "Steunen het.",
        "ouders_toestemming": "on",
        "kind_visie": "Wil het graag.",
        "evaluatie_1": (BEGIN + timedelta(days=139)).isoformat(),
    }
    data.update(extra)
    return data


def test_the_ib_er_files_a_request_from_an_mdo_outcome(client, personas):
    type_ = ArrangementtypeFactory()
    leerling = LeerlingFactory(school=personas.school_a)
    uitkomst = MDOUitkomstFactory(mdo__dossier__school=personas.school_a, mdo__dossier__leerling=leerling)
    client.force_login(personas.alice)
    url = reverse("arrangementen:aanvraag_nieuw", args=[leerling.uuid]) + f"?uitkomst={uitkomst.uuid}"
    pagina = client.get(url).content.decode()
    assert uitkomst.toelichting in pagina  # the outcome's explanation prefills the support need
    data = formulier(type_, uitkomst=str(uitkomst.uuid))
    eerste = client.post(url, data)
    tweede = client.post(url, data)  # the same form posted again (double click, back button)
    aanvraag = Aanvraag.objects.get()
    assert eerste.url == tweede.url == reverse("arrangementen:detail", args=[aanvraag.uuid])
    assert (aanvraag.mdo_uitkomst, aanvraag.status) == (uitkomst, AanvraagStatus.CONCEPT)


def test_an_invalid_form_explains_in_dutch_and_saves_nothing(client, personas):
    type_ = ArrangementtypeFactory()
    leerling = LeerlingFactory(school=personas.school_a)
    client.force_login(personas.alice)
    response = client.post(
        reverse("arrangementen:aanvraag_nieuw", args=[leerling.uuid]),
        formulier(type_, einddatum=BEGIN.isoformat(), evaluatie_1="", kostenwijze="begroting", regel_1_bedrag="100"),
    )
    inhoud = response.content.decode()
    assert response.status_code == 422
    for melding in (
        "De einddatum moet na de begindatum liggen.",
        "Plan minstens één evaluatiemoment.",
        "Omschrijf deze post.",
    ):
        assert melding in inhoud
    assert not Aanvraag.objects.exists()


def test_the_ib_er_of_another_school_cannot_open_the_form(client, personas):
    leerling = LeerlingFactory(school=personas.school_a)
    client.force_login(personas.bob)
    assert client.get(reverse("arrangementen:aanvraag_nieuw", args=[leerling.uuid])).status_code == 404


def test_submitting_an_incomplete_request_shows_what_is_missing(client, personas):
    aanvraag = AanvraagFactory(school=personas.school_a, ouders_toestemming=False)
    client.force_login(personas.alice)
    response = client.post(reverse("arrangementen:indienen", args=[aanvraag.uuid]), follow=True)
    assert "De toestemming van de ouders is nodig." in response.content.decode()
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.CONCEPT


def test_a_stale_edit_answers_409_and_keeps_the_other_change(client, personas):
    aanvraag = AanvraagFactory(school=personas.school_a)
    client.force_login(personas.alice)
    url = reverse("arrangementen:bewerken", args=[aanvraag.uuid])
    data = formulier(aanvraag.arrangementtype, versie=aanvraag.versie, doelen="Mijn versie.")
    Aanvraag.objects.filter(pk=aanvraag.pk).update(versie=aanvraag.versie + 1, doelen="Andermans versie.")
    response = client.post(url, data)
    assert response.status_code == 409 and "Iemand anders" in response.content.decode()
    aanvraag.refresh_from_db()
    assert aanvraag.doelen == "Andermans versie."


def test_get_is_refused_on_one_click_transitions(client, personas):
    aanvraag = AanvraagFactory(school=personas.school_a)
    client.force_login(personas.alice)
    assert client.get(reverse("arrangementen:indienen", args=[aanvraag.uuid])).status_code == 405


def test_the_committee_grants_through_the_form_and_the_letter_job_starts(
    client, personas, django_capture_on_commit_callbacks
):
    aanvraag = AanvraagFactory(school=personas.school_a, in_beoordeling=True)
    client.force_login(personas.anna)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(
            reverse("arrangementen:besluiten", args=[aanvraag.uuid]),
            {
                "besluit": "toekennen",
                "bedrag": "5000",
                "begindatum": aanvraag.begindatum.isoformat(),
                "einddatum": aanvraag.einddatum.isoformat(),
                "voorwaarden": "Evaluatie met ouders.",
                "onomkeerbaar_bevestigd": "on",  # the decision cannot be undone: confirmed
            },
        )
    assert response.status_code == 302
    assert Taak.objects.get().soort == "arrangement_besluitbrief"
    pagina = client.get(reverse("arrangementen:detail", args=[aanvraag.uuid])).content.decode()
    assert "De besluitbrief wordt gemaakt" in pagina and 'hx-get="' in pagina


def test_refusing_without_reasons_is_explained(client, personas):
    aanvraag = AanvraagFactory(school=personas.school_a, in_beoordeling=True)
    client.force_login(personas.anna)
    response = client.post(reverse("arrangementen:besluiten", args=[aanvraag.uuid]), {"besluit": "afwijzen"})
    assert response.status_code == 422 and "Geef de redenen voor het afwijzen" in response.content.decode()


def test_the_ib_er_records_an_evaluation_with_parents_and_child(client, personas):
    aanvraag = AanvraagFactory(school=personas.school_a, lopend=True)
    moment = aanvraag.evaluatiemomenten.get()
    client.force_login(personas.alice)
    response = client.post(
        reverse("arrangementen:evalueren", args=[moment.uuid]),
        {
            "datum": timezone.localdate().isoformat(),
            "doelen_bereikt": "ja",
            "conclusie": "stoppen",
            "toelichting": "Doel gehaald.",
            "ouders_ingevuld": "1",
            "ouders_betrokken": "5",
            "ouders_geholpen": "4",
            "ouders_cijfer": "8",
            "ouders_doorgaan": "nee",
            "kind_ingevuld": "0",
            "kind_reden_niet": "Te jong.",
        },
    )
    assert response.status_code == 302
    evaluatie = Evaluatie.objects.get()
    assert (evaluatie.ouders_cijfer, evaluatie.kind_ingevuld, evaluatie.kind_fijn) == (8, False, None)
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.GEEVALUEERD


def test_missing_questionnaire_answers_are_named_per_question(client, personas):
    aanvraag = AanvraagFactory(school=personas.school_a, lopend=True)
    client.force_login(personas.alice)
    response = client.post(
        reverse("arrangementen:evalueren", args=[aanvraag.evaluatiemomenten.get().uuid]),
        {
            "datum": timezone.localdate().isoformat(),
            "doelen_bereikt": "ja",
            "conclusie": "stoppen",
            "toelichting": "x",
            "ouders_ingevuld": "1",
            "kind_ingevuld": "1",
        },
    )
    assert response.status_code == 422
    assert response.content.decode().count("Beantwoord deze vraag") >= 7
    assert not Evaluatie.objects.exists()


def test_extending_leads_to_the_follow_up_request(client, personas):
    aanvraag = AanvraagFactory(school=personas.school_a, geevalueerd=True)
    client.force_login(personas.alice)
    response = client.post(
        reverse("arrangementen:afronden", args=[aanvraag.uuid]),
        {
            "keuze": "verlengen",
            "einddatum": (aanvraag.einddatum + timedelta(days=100)).isoformat(),
            "idempotentiesleutel": str(uuid.uuid4()),
        },
    )
    vervolg = Aanvraag.objects.get(vorige=aanvraag)
    assert response.url == reverse("arrangementen:bewerken", args=[vervolg.uuid])


def test_a_tlv_proposal_goes_to_the_pupil_while_the_tlv_app_has_no_start_page(client, personas):
    aanvraag = AanvraagFactory(school=personas.school_a, geevalueerd=True)
    client.force_login(personas.alice)
    response = client.post(reverse("arrangementen:afronden", args=[aanvraag.uuid]), {"keuze": "tlv"})
    assert response.url == reverse("leerlingen:detail", args=[aanvraag.leerling.uuid])
    aanvraag.refresh_from_db()
    assert aanvraag.afsluitresultaat == Afsluitresultaat.TLV


def test_viewing_a_request_and_downloading_the_letter_are_logged(client, personas):
    aanvraag = AanvraagFactory(school=personas.school_a, toegekend=True)
    aanvraag.besluit.brief.save("brief.pdf", ContentFile(b"%PDF-1.4 test"))
    client.force_login(personas.charlie)
    client.get(reverse("arrangementen:detail", args=[aanvraag.uuid]))
    response = client.get(reverse("arrangementen:brief", args=[aanvraag.uuid]))
    assert response["Content-Disposition"].startswith('attachment; filename="besluit-')
    logs = list(Toegangslog.objects.filter(gebruiker=personas.charlie).values_list("gebeurtenis", "leerling_uuid"))
    assert logs == [
        ("leerling_bekeken", aanvraag.leerling.uuid),
        ("document_gedownload", aanvraag.leerling.uuid),
    ] or sorted(logs) == sorted(
        [("leerling_bekeken", aanvraag.leerling.uuid), ("document_gedownload", aanvraag.leerling.uuid)]
    )


def test_the_list_filters_and_answers_htmx_with_the_table_only(client, personas):
    AanvraagFactory(school=personas.school_a, ingediend=True)
    AanvraagFactory(school=personas.school_a, lopend=True)
    client.force_login(personas.alice)
    response = client.get(reverse("arrangementen:lijst"), {"status": "lopend"}, HTTP_HX_REQUEST="true")
    inhoud = response.content.decode()
    assert "1 aanvraag gevonden" in inhoud and "<html" not in inhoud


def test_notifications_are_listed_and_opening_one_marks_it_read(client, personas):
    aanvraag = AanvraagFactory(school=personas.school_a, ingediend=True)
    [melding] = meldingen_maken(soort=Meldingsoort.INGEDIEND, aanvraag=aanvraag, ontvangers=[personas.charlie])
    client.force_login(personas.charlie)
    assert "Aanvraag ingediend" in client.get(reverse("meldingen"), {"bron": "arrangementen"}).content.decode()
    response = client.post(reverse("melding_openen", args=[melding.uuid]))
    assert response.url == reverse("arrangementen:detail", args=[aanvraag.uuid])
    melding.refresh_from_db()
    assert melding.gelezen_op is not None


def test_the_controller_sets_a_budget_and_records_realised_costs(client, personas):
    aanvraag = AanvraagFactory(school=personas.school_a, lopend=True)
    client.force_login(personas.carla)
    response = client.post(
        reverse("arrangementen:budget_vastleggen"),
        {"jaar": "2031", "niveau": "school", "school": personas.school_a.pk, "bedrag": "15000"},
    )
    assert response.status_code == 302
    assert Arrangementbudget.objects.get().school == personas.school_a
    client.post(
        reverse("arrangementen:realisatie") + "?jaar=2031",
        {"actie": "invoeren", "nummer": aanvraag.nummer.lower(), "jaar": "2031", "bedrag": "1500"},
    )
    csv = SimpleUploadedFile("export.csv", f"aanvraagnummer,jaar,bedrag\n{aanvraag.nummer},2032,250.00\n".encode())
    client.post(reverse("arrangementen:realisatie"), {"actie": "import", "bestand": csv})
    assert sorted(Realisatie.objects.values_list("jaar", "bedrag")) == [
        (2031, Decimal("1500.00")),
        (2032, Decimal("250.00")),
    ]


def test_a_budget_for_a_school_needs_the_school(client, personas):
    client.force_login(personas.carla)
    response = client.post(
        reverse("arrangementen:budget_vastleggen"), {"jaar": "2031", "niveau": "school", "bedrag": "1"}
    )
    assert response.status_code == 422 and not Arrangementbudget.objects.exists()


def test_the_annual_report_export_starts_a_job_and_logs_it(client, personas, django_capture_on_commit_callbacks):
    client.force_login(personas.anna)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(reverse("arrangementen:jaarverslag"), {"jaar": "2030"})
    taak = Taak.objects.get()
    assert response.url == reverse("taak_detail", args=[taak.uuid]) and taak.parameters == {"jaar": 2030}
    assert Toegangslog.objects.filter(gebeurtenis="arrangementen_jaarverslag").exists()


# --- query budgets ------------------------------------------------------------------------------


def _veel(personas, n, *, budget=True):
    for i in range(n):
        status = ["ingediend", "in_beoordeling", "aanvulling_gevraagd", "lopend", "afgesloten", "toegekend"][i % 6]
        AanvraagFactory(school=personas.school_a if i % 2 else personas.school_b, **{status: True})
    if budget:
        ArrangementbudgetFactory(jaar=timezone.localdate().year, school=personas.school_a)


@pytest.mark.parametrize(
    "persona, url_naam",
    [
        ("alice", "home"),
        ("charlie", "home"),
        ("anna", "home"),
        ("carla", "home"),
        ("dora", "home"),
        ("alice", "arrangementen:lijst"),
        ("dirk", "arrangementen:lijst"),
        ("charlie", "arrangementen:werkvoorraad"),
        ("anna", "arrangementen:werkvoorraad"),
        ("carla", "arrangementen:budget"),
        ("anna", "arrangementen:jaarverslag"),
        ("charlie", "meldingen"),
    ],
)
def test_pages_use_the_same_number_of_queries_with_3_or_30_requests(
    client, personas, persona, url_naam, django_assert_max_num_queries
):
    _veel(personas, 3)
    client.force_login(getattr(personas, persona))
    url = reverse(url_naam)
    with django_assert_max_num_queries(20) as ctx:
        assert client.get(url).status_code == 200
    aantal = len(ctx.captured_queries)
    _veel(personas, 27, budget=False)
    with django_assert_max_num_queries(aantal):
        client.get(url)


def test_the_request_page_has_a_bounded_number_of_queries(client, personas, django_assert_max_num_queries):
    aanvraag = AanvraagFactory(school=personas.school_a, lopend=True)
    client.force_login(personas.alice)
    with django_assert_max_num_queries(30):
        assert client.get(reverse("arrangementen:detail", args=[aanvraag.uuid])).status_code == 200
