"""The inzage export: one pupil's complete data from every app (a registry each app fills) as a ZIP
with a readable PDF and a JSON, made by a background job; started and downloaded only in scope."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date

import pytest
from django.urls import reverse

from leerlingen.inzage import inzage_onderdelen
from leerlingen.models import Inschrijving
from swv.models import Taak, Toegangslog
from swv.protocol import log_leerling_bekeken
from swv.taken import taak_uitvoeren_service
from tests.conftest import wacht_op
from tests.leerlingen.factories_dossier import DocumentFactory, DossierFactory, InstemmingFactory, MDOFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def zaak(personas):
    dossier = DossierFactory(school=personas.school_a, regievoerder=personas.alice)
    mdo = MDOFactory(dossier=dossier, gehouden=True)
    versie = InstemmingFactory(versie__dossier=dossier).versie
    document = DocumentFactory(dossier=dossier)
    log_leerling_bekeken(gebruiker=personas.charlie, leerling=dossier.leerling)
    return {"leerling": dossier.leerling, "dossier": dossier, "mdo": mdo, "opp": versie, "document": document}


def _zip(taak: Taak) -> zipfile.ZipFile:
    taak.refresh_from_db()
    with taak.bestand.open("rb") as f:
        return zipfile.ZipFile(io.BytesIO(f.read()))


def test_every_app_registers_its_part(zaak):
    sleutels = [o.sleutel for o in inzage_onderdelen(zaak["leerling"])]
    assert sleutels == [
        "leerling",
        "dossier",
        "mdo",
        "opp",
        "documenten",
        "casussen",
        "privacyverzoeken",
        "toegangslog",
        "arrangementen",
        "tlv",
    ]


def test_the_export_holds_every_part_as_pdf_json_and_files(client, personas, zaak, django_capture_on_commit_callbacks):
    client.force_login(personas.alice)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(reverse("leerlingen:inzage_export", args=[zaak["leerling"].uuid]))
    taak = Taak.objects.get(soort="leerlingen.inzage")
    assert response.status_code == 302 and response.url == reverse("taak_detail", args=[taak.uuid])
    # Neither the job nor its file names the pupil.
    assert zaak["leerling"].achternaam not in taak.omschrijving
    taak_uitvoeren_service(taak_id=taak.pk)
    taak.refresh_from_db()
    assert taak.status == Taak.Status.KLAAR and taak.voortgang == 100
    assert taak.bestandsnaam == f"inzage-{zaak['leerling'].uuid}.zip"

    archief = _zip(taak)
    namen = set(archief.namelist())
    assert {"overzicht.pdf", "gegevens.json"} <= namen
    assert any(n.startswith("bestanden/document-") for n in namen)
    gegevens = json.loads(archief.read("gegevens.json"))
    assert gegevens["leerling"] == str(zaak["leerling"].uuid)
    tekst = json.dumps(gegevens, ensure_ascii=False)
    # The child's voice, the MDO verslag, the OPP consent, the dossier and the access log are there.
    assert "Lezen is moeilijk" in tekst and "leesontwikkeling stagneert" in tekst
    assert "Zorgen over lezen en concentratie" in tekst
    onderdelen = {o["sleutel"]: o for o in gegevens["onderdelen"]}
    assert onderdelen["opp"]["records"] and onderdelen["toegangslog"]["records"]
    assert onderdelen["leerling"]["records"][0]["velden"]["achternaam"] == zaak["leerling"].achternaam

    from pypdf import PdfReader

    pdf = "".join(p.extract_text() for p in PdfReader(io.BytesIO(archief.read("overzicht.pdf"))).pages)
    assert zaak["leerling"].achternaam in pdf and "Lezen is moeilijk" in pdf


#: persona -> may it export the pupil of school A?
EXPORTEREN = {
    "alice": True,  # ib-er of the current school
    "dora": True,  # directeur of the current school
    "dirk": True,  # DB: the privacy officer's role
    "bob": False,
    "charlie": False,  # consulent reads the case but does not answer requests for access
    "lotte": False,
    "bea": False,
    "carla": False,
    "bert": False,
    "olga": False,
    "tim": False,
    "anna": False,
    "beheer": False,
}


@pytest.mark.parametrize("persona, mag", sorted(EXPORTEREN.items()))
def test_only_staff_of_the_current_school_and_the_db_may_start_it(client, personas, zaak, persona, mag):
    client.force_login(getattr(personas, persona))
    response = client.post(reverse("leerlingen:inzage_export", args=[zaak["leerling"].uuid]))
    assert response.status_code == (302 if mag else 404)
    assert Taak.objects.filter(soort="leerlingen.inzage").exists() is mag
    pagina = client.get(reverse("leerlingen:detail", args=[zaak["leerling"].uuid]))
    if pagina.status_code == 200:
        assert (reverse("leerlingen:inzage_export", args=[zaak["leerling"].uuid]) in pagina.content.decode()) is mag


def test_a_get_on_the_button_is_405(client, personas, zaak):
    client.force_login(personas.alice)
    assert client.get(reverse("leerlingen:inzage_export", args=[zaak["leerling"].uuid])).status_code == 405


def test_the_download_checks_the_current_scope_and_is_logged(
    client, personas, zaak, django_capture_on_commit_callbacks
):
    leerling = zaak["leerling"]
    client.force_login(personas.alice)
    with django_capture_on_commit_callbacks(execute=False):
        client.post(reverse("leerlingen:inzage_export", args=[leerling.uuid]))
    taak = Taak.objects.get(soort="leerlingen.inzage")
    taak_uitvoeren_service(taak_id=taak.pk)
    url = reverse("taak_download", args=[taak.uuid])

    response = client.get(url)
    assert response.status_code == 200
    b"".join(response.streaming_content)
    log = Toegangslog.objects.get(gebeurtenis="inzage_gedownload")
    assert (log.gebruiker, log.leerling_uuid, log.object_uuid) == (personas.alice, leerling.uuid, taak.uuid)

    # Bob never sees the job; the DB (privacy officer) may follow and download it.
    client.force_login(personas.bob)
    assert client.get(url).status_code == 404
    client.force_login(personas.dirk)
    assert client.get(reverse("taak_detail", args=[taak.uuid])).status_code == 200
    assert client.get(url).status_code == 200

    # The pupil moves to school B: alice requested the file, but no longer gets it.
    Inschrijving.objects.filter(leerling=leerling).update(einddatum=date(2024, 7, 31))
    Inschrijving.objects.create(leerling=leerling, school=personas.school_b, begindatum=date(2024, 8, 1))
    client.force_login(personas.alice)
    assert client.get(url).status_code == 404
    assert Toegangslog.objects.filter(gebeurtenis="inzage_gedownload").count() == 2


def test_the_job_fails_with_a_reason_when_the_requester_lost_the_pupil(
    personas, zaak, django_capture_on_commit_callbacks
):
    from leerlingen.services.inzage import inzage_export_starten

    with django_capture_on_commit_callbacks(execute=False):
        taak = inzage_export_starten(leerling=zaak["leerling"], door=personas.alice)
    Inschrijving.objects.filter(leerling=zaak["leerling"]).update(einddatum=date(2024, 7, 31))
    taak_uitvoeren_service(taak_id=taak.pk)
    taak.refresh_from_db()
    assert taak.status == Taak.Status.MISLUKT and not taak.bestand
    assert "no longer" in taak.foutmelding or "niet meer" in taak.foutmelding


@pytest.mark.worker
def test_the_export_runs_on_a_real_worker(client, personas, celery_worker):
    dossier = DossierFactory(school=personas.school_a, regievoerder=personas.alice)
    MDOFactory(dossier=dossier, gehouden=True)
    client.force_login(personas.dora)
    client.post(reverse("leerlingen:inzage_export", args=[dossier.leerling.uuid]))
    taak = Taak.objects.get(soort="leerlingen.inzage")
    assert wacht_op(lambda: Taak.objects.filter(pk=taak.pk, status=Taak.Status.KLAAR).exists(), seconden=60)
    assert "gegevens.json" in _zip(taak).namelist()
    voortgang = client.get(reverse("taak_detail", args=[taak.uuid]))
    assert voortgang.status_code == 200
