"""The finance pages: forms in Dutch notation, the import flow, the absent/present TLV and
arrangement data, the progress partial, and query budgets that do not grow with the data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from financien.choices import Blok, ImportStatus, ParametersStatus, RapportStatus
from financien.models import Jaarparameters, RealisatieImport, TRapportage
from financien.services import rapportage as rapportage_services
from financien.services.parameters import WAARDEVELDEN
from swv.models import Taak
from tests.factories import LeerlingtellingFactory, SchoolFactory
from tests.financien.factories import KLEINE_BEGROTING, JaarparametersFactory, csv_bestand, importeer, maak_begroting

pytestmark = pytest.mark.django_db


def _formdata(params, **wijziging):
    from django.forms.models import model_to_dict

    data = {}
    for k, v in model_to_dict(params, fields=WAARDEVELDEN).items():
        data[k] = str(v).replace(".", ",") if isinstance(v, Decimal) else v
    data["teldatum"] = params.teldatum.isoformat()
    data["revisie"] = params.revisie
    data.update(wijziging)
    return {k: v for k, v in data.items() if v is not False}


def test_the_controller_changes_parameters_in_dutch_notation(client, personas):
    params = JaarparametersFactory(jaar=2026)
    client.force_login(personas.carla)
    response = client.post(reverse("financien:parameters_jaar", args=[2026]), _formdata(params, tarief_zware="331,25"))
    assert response.status_code == 302
    assert Jaarparameters.objects.get(pk=params.pk).tarief_zware == Decimal("331.25")


def test_invalid_parameters_are_explained_and_nothing_is_saved(client, personas):
    params = JaarparametersFactory(jaar=2026)
    client.force_login(personas.carla)
    response = client.post(
        reverse("financien:parameters_jaar", args=[2026]),
        _formdata(params, tarief_zware="-5", minimum_reserve_percentage="9,00", teldatum="2019-02-01"),
    )
    inhoud = response.content.decode()
    assert response.status_code == 200
    for melding in (
        "Een tarief of bedrag kan niet negatief zijn.",
        "De minimumreserve kan niet hoger zijn dan de signaleringswaarde.",
        "De teldatum moet in het bekostigingsjaar liggen",
    ):
        assert melding in inhoud
    assert Jaarparameters.objects.get(pk=params.pk).tarief_zware == Decimal("324.80")


def test_frozen_parameters_are_saved_as_a_new_version_with_a_reason(client, personas):
    from django.utils import timezone

    params = JaarparametersFactory(jaar=2026)
    TRapportage.objects.create(
        jaar=2026, t_nummer=1, tot_en_met_maand=3, status=RapportStatus.DEFINITIEF, definitief_op=timezone.now()
    )
    client.force_login(personas.carla)
    pagina = client.get(reverse("financien:parameters_jaar", args=[2026])).content.decode()
    assert "Opslaan als nieuwe versie" in pagina
    zonder_reden = client.post(reverse("financien:parameters_jaar", args=[2026]), _formdata(params, tarief_zware="330"))
    assert "geef een reden voor de nieuwe versie" in zonder_reden.content.decode()
    client.post(
        reverse("financien:parameters_jaar", args=[2026]),
        _formdata(params, tarief_zware="330", reden="Nieuwe DUO-regeling"),
    )
    assert list(
        Jaarparameters.objects.filter(jaar=2026).order_by("versie").values_list("versie", "status", "tarief_zware")
    ) == [(1, ParametersStatus.VERVANGEN, Decimal("324.80")), (2, ParametersStatus.ACTUEEL, Decimal("330.00"))]


def test_the_db_reads_the_parameters_without_a_form(client, personas):
    JaarparametersFactory(jaar=2026)
    client.force_login(personas.dirk)
    response = client.get(reverse("financien:parameters_jaar", args=[2026]))
    assert response.context.get("form") is None and "€ 324,80" in response.content.decode()


def test_the_import_flow_previews_then_books(client, personas):
    maak_begroting(2026, KLEINE_BEGROTING)
    client.force_login(personas.carla)
    response = client.post(
        reverse("financien:realisatie"),
        {"jaar": 2026, "maand": 4, "bestand": csv_bestand([("R2.01", "Directie", "10.000,00"), ("R9", "x", "1")])},
    )
    invoer = RealisatieImport.objects.get()
    assert response.url == reverse("financien:realisatie_import", args=[invoer.uuid])
    pagina = client.get(response.url).content.decode()
    assert "1 regel heeft een fout" in pagina and "Bevestigen en boeken" not in pagina
    goed = client.post(
        reverse("financien:realisatie"),
        {"jaar": 2026, "maand": 4, "bestand": csv_bestand([("R2.01", "Directie", "10.000,00")])},
    )
    nieuw = RealisatieImport.objects.get(uuid=goed.url.rstrip("/").rsplit("/", 1)[-1])
    assert "Bevestigen en boeken" in client.get(goed.url).content.decode()
    client.post(goed.url, {"actie": "verwerken"})
    nieuw.refresh_from_db()
    assert nieuw.status == ImportStatus.VERWERKT and nieuw.regels.get().bedrag == Decimal("10000.00")


def test_an_unreadable_upload_is_refused_on_the_form(client, personas):
    client.force_login(personas.carla)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("financien:realisatie"), {"jaar": 2026, "maand": 1, "bestand": SimpleUploadedFile("x.docx", b"PK")}
    )
    assert (
        "Bestanden van dit type zijn niet toegestaan. Toegestaan zijn: CSV, Excel (XLSX)." in response.content.decode()
    )
    assert not RealisatieImport.objects.exists()


def test_the_budget_form_saves_every_line(client, personas):
    begroting = maak_begroting(2026, KLEINE_BEGROTING)
    client.force_login(personas.carla)
    pagina = client.get(reverse("financien:begroting_jaar", args=[2026]))
    data = {"revisie": 0, "reserve_begin": "590.000,00", "toelichting": ""}
    for post, veld in pagina.context["rijen"]:
        data[veld.html_name] = "1.000,50" if post.code == "2.01" else str(veld.value())
    assert client.post(reverse("financien:begroting_jaar", args=[2026]), data).status_code == 302
    begroting.refresh_from_db()
    assert begroting.reserve_begin == Decimal("590000.00")
    assert begroting.bedragen.get(post__code="2.01").bedrag == Decimal("1000.50")


def test_without_tlv_or_arrangement_data_the_deductions_page_says_so(client, personas):
    JaarparametersFactory(jaar=2026)
    client.force_login(personas.dirk)
    # Neither a TLV nor an arrangement in the registers.
    inhoud = client.get(reverse("financien:afdrachten_jaar", args=[2026])).content.decode()
    assert "Er zijn nog geen TLV-gegevens" in inhoud and "nog geen gegevens over arrangementen" in inhoud
    assert "Totaal afdrachten" not in inhoud and "Verwachte afdrachten" not in inhoud


def test_with_tlv_and_arrangement_data_the_deductions_and_vessels_are_shown(client, personas, monkeypatch):
    LeerlingtellingFactory(school=personas.school_a, teldatum=date(2025, 10, 1), aantal=1000)
    JaarparametersFactory(jaar=2026, teldatum=date(2025, 10, 1))
    maak_begroting(2026, {"4.01": ("Beschikbaar voor arrangementen", Blok.ARRANGEMENTEN, Decimal("500000"))})
    tlvs = [{"soort": "SO", "categorie": "laag", "aantal": 12}, {"soort": "SBO", "categorie": "", "aantal": 3}]
    client.force_login(personas.dirk)
    monkeypatch.setattr("tlv.selectors.tlv_aantallen_voor_bekostiging", lambda *, peildatum: tlvs)
    monkeypatch.setattr(
        "arrangementen.selectors.arrangementen_budgetbeslag",
        lambda *, jaar: {"toegekend": Decimal("125000"), "gerealiseerd": Decimal("80000")},
    )
    response = client.get(reverse("financien:afdrachten_jaar", args=[2026]))
    inhoud = response.content.decode()
    assert (
        "Verwachte afdrachten 2026" in inhoud and "€ 120.000,00" in inhoud and "€ 12.000,00" in inhoud
    )  # 12 x 10,000; 3 x 4,000
    assert "€ 132.000,00" in inhoud  # total deductions
    jaar = response.context["jaren"][0]
    assert jaar["ruimte"] == Decimal("324800.00") - Decimal("132000.00")  # 1,000 x 324.80 minus the deductions
    assert jaar["beslag_resterend"] == Decimal("375000.00")
    assert "?soort=SO&amp;categorie=laag" in inhoud


def test_the_progress_partial_reloads_the_page_when_the_job_is_done(
    client, personas, django_capture_on_commit_callbacks
):
    maak_begroting(2026, KLEINE_BEGROTING)
    with django_capture_on_commit_callbacks(execute=False):
        rapport = rapportage_services.t_rapportage_starten(door=personas.carla, jaar=2026, t_nummer=1)
    client.force_login(personas.carla)
    url = reverse("financien:t_rapportage_voortgang", args=[rapport.uuid])
    bezig = client.get(url, HTTP_HX_REQUEST="true")
    assert "HX-Refresh" not in bezig and 'hx-trigger="every 1s"' in bezig.content.decode()
    Taak.objects.filter(pk=rapport.taak_id).update(status=Taak.Status.MISLUKT, foutmelding="Er is geen begroting.")
    mislukt = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "Er is geen begroting." in mislukt and "Opnieuw proberen" in mislukt
    Taak.objects.filter(pk=rapport.taak_id).update(status=Taak.Status.KLAAR)
    assert client.get(url, HTTP_HX_REQUEST="true")["HX-Refresh"] == "true"


def _aantal_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as q:
        assert client.get(url).status_code == 200
    return len(q)


def _veel_gegevens(personas, n, django_capture_on_commit_callbacks):
    """n schools with counts, n budget lines, n months of imports, n lines in a report."""
    for i in range(n):
        LeerlingtellingFactory(
            school=SchoolFactory(bestuur=personas.school_a.bestuur), teldatum=date(2025, 10, 1), aantal=100 + i
        )
    posten = {f"7.{i:02d}": (f"Post {i}", Blok.CENTRALE_ORGANISATIE, Decimal(1000 + i)) for i in range(n)}
    maak_begroting(2026, posten, reserve_begin=Decimal("1000"))
    for jaar in range(2027, 2027 + min(n, 12)):
        maak_begroting(jaar, posten)
    JaarparametersFactory(jaar=2026, teldatum=date(2025, 10, 1))
    for maand in range(1, min(n, 12) + 1):
        importeer(personas.carla, 2026, maand, [(f"R7.{i:02d}", "x", "10") for i in range(n)])
    with django_capture_on_commit_callbacks(execute=False):
        rapport = rapportage_services.t_rapportage_starten(door=personas.carla, jaar=2026, t_nummer=3)
    rapportage_services._regels_vastleggen(rapport)
    rapport.pdf.save(rapport.pdf_bestandsnaam, ContentFile(b"%PDF-1.4"))
    return rapport


PAGINAS = [
    lambda r: reverse("financien:overzicht") + "?jaar=2026",
    lambda r: reverse("financien:parameters"),
    lambda r: reverse("financien:parameters_jaar", args=[2026]),
    lambda r: reverse("financien:begroting"),
    lambda r: reverse("financien:begroting_jaar", args=[2026]),
    lambda r: reverse("financien:posten"),
    lambda r: reverse("financien:realisatie"),
    lambda r: reverse("financien:rekeningen"),
    lambda r: reverse("financien:toewijzing_jaar", args=[2026]),
    lambda r: reverse("financien:afdrachten_jaar", args=[2026]),
    lambda r: reverse("financien:reserves"),
    lambda r: reverse("financien:t_rapportages"),
    lambda r: reverse("financien:t_rapportage", args=[r.uuid]),
    lambda r: "/",
]


@pytest.mark.parametrize("pagina", range(len(PAGINAS)))
def test_finance_pages_stay_within_the_query_budget_whatever_the_data_size(
    client, personas, pagina, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    client.force_login(personas.carla)
    rapport = _veel_gegevens(personas, 3, django_capture_on_commit_callbacks)
    weinig = _aantal_queries(client, PAGINAS[pagina](rapport))
    from django.db import transaction

    # Thirty of everything: schools, lines, months (up to 12), years.
    for i in range(3, 30):
        LeerlingtellingFactory(
            school=SchoolFactory(bestuur=personas.school_b.bestuur), teldatum=date(2025, 10, 1), aantal=100 + i
        )
    with transaction.atomic():
        extra = {f"8.{i:02d}": (f"Extra {i}", Blok.ONDERSTEUNING_SCHOLEN, Decimal(500)) for i in range(27)}
        maak_begroting(2026, extra)
    for maand in range(4, 13):
        importeer(personas.carla, 2026, maand, [(f"R8.{i:02d}", "x", "5") for i in range(27)])
    with django_capture_on_commit_callbacks(execute=False):
        nieuw = rapportage_services.t_rapportage_starten(door=personas.carla, jaar=2026, t_nummer=3)
    rapportage_services._regels_vastleggen(nieuw)
    url = PAGINAS[pagina](nieuw)
    with django_assert_max_num_queries(20):
        veel = _aantal_queries(client, url)
    assert veel == weinig, (url, weinig, veel)


def test_the_administrator_sees_every_finance_model_in_admin_and_frozen_parameters_read_only(client, personas):
    from django.apps import apps
    from django.utils import timezone

    params = JaarparametersFactory(jaar=2026)
    maak_begroting(2026, KLEINE_BEGROTING)
    personas.beheer.is_superuser = True
    personas.beheer.save()
    client.force_login(personas.beheer)
    for model in apps.get_app_config("financien").get_models():
        if model.__name__.startswith("Historical"):
            continue
        url = reverse(f"admin:financien_{model._meta.model_name}_changelist")
        assert client.get(url).status_code == 200, url
    wijzig = reverse("admin:financien_jaarparameters_change", args=[params.pk])
    assert 'name="tarief_zware"' in client.get(wijzig).content.decode()
    TRapportage.objects.create(
        jaar=2026, t_nummer=1, tot_en_met_maand=3, status=RapportStatus.DEFINITIEF, definitief_op=timezone.now()
    )
    assert 'name="tarief_zware"' not in client.get(wijzig).content.decode()
