"""The job machinery on a real Celery worker: progress, result file, idempotence, failures."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from swv.fouten import DomeinFout
from swv.models import Taak
from swv.taken import TaakFout, taak_starten, taak_uitvoeren_service, taaksoort
from tests.conftest import wacht_op
from tests.factories import LeerlingtellingFactory


@taaksoort("test_mislukt")
def _mislukt(taak, voortgang):
    voortgang(30, "halverwege")
    raise TaakFout("Er zijn geen gegevens voor deze periode.")


def test_a_domain_error_fails_the_job_with_its_reason_and_no_retry(personas, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        taak = taak_starten(soort="test_mislukt", omschrijving="Test", aangevraagd_door=personas.dirk)
    taak_uitvoeren_service(taak_id=taak.pk)
    taak.refresh_from_db()
    assert (taak.status, taak.foutmelding, taak.voortgang) == (
        Taak.Status.MISLUKT,
        "Er zijn geen gegevens voor deze periode.",
        30,
    )


@taaksoort("test_dienst_weigert")
def _dienst_weigert(taak, voortgang):
    raise DomeinFout("Deze leerling heeft geen dossier meer.")  # a service's refusal inside a job


def test_a_service_refusal_in_a_job_fails_it_with_its_dutch_reason(personas, django_capture_on_commit_callbacks):
    assert issubclass(TaakFout, DomeinFout)
    with django_capture_on_commit_callbacks(execute=False):
        taak = taak_starten(soort="test_dienst_weigert", omschrijving="Test", aangevraagd_door=personas.dirk)
    taak_uitvoeren_service(taak_id=taak.pk)  # no re-raise: not an unexpected error, not retried
    taak.refresh_from_db()
    assert (taak.status, taak.foutmelding) == (Taak.Status.MISLUKT, "Deze leerling heeft geen dossier meer.")


@pytest.mark.worker
def test_the_register_export_runs_on_a_real_worker_and_reports_progress(client, personas, celery_worker):
    LeerlingtellingFactory(school=personas.school_a, aantal=321)
    client.force_login(personas.dirk)

    response = client.post(reverse("register_export"))
    taak = Taak.objects.get()
    assert response.status_code == 302 and response.url == reverse("taak_detail", args=[taak.uuid])

    wacht_op(lambda: Taak.objects.filter(pk=taak.pk, status=Taak.Status.KLAAR).exists())
    taak.refresh_from_db()
    assert (taak.voortgang, taak.pogingen) == (100, 1)
    assert taak.bestandsnaam.startswith("scholenregister-") and taak.bestandsnaam.endswith(".xlsx")

    download = client.get(reverse("taak_download", args=[taak.uuid]))
    import openpyxl

    werkmap = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    namen = [rij[1] for rij in werkmap["Scholen"].iter_rows(min_row=2, values_only=True)]
    assert set(namen) == {"Basisschool A", "Basisschool B"}
    assert werkmap["Leerlingtellingen"]["B2"].value == 321


@pytest.mark.worker
def test_a_job_the_worker_cannot_run_fails_visibly_with_a_reason(client, personas, celery_worker):
    from django.db import transaction

    from swv.tasks import taak_uitvoeren

    # The kind is known only to this test process, as after a deployment that removed it.
    taak = Taak.objects.create(soort="test_mislukt", omschrijving="Test", aangevraagd_door=personas.dirk)
    transaction.on_commit(lambda: taak_uitvoeren.delay(taak.pk))
    wacht_op(lambda: Taak.objects.filter(pk=taak.pk, status=Taak.Status.MISLUKT).exists())
    taak.refresh_from_db()
    assert taak.foutmelding == "Onbekend soort taak: test_mislukt."
    client.force_login(personas.dirk)
    assert "Onbekend soort taak: test_mislukt." in client.get(reverse("taak_detail", args=[taak.uuid])).content.decode()


def test_running_a_job_twice_does_the_work_once(personas, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        taak = taak_starten(soort="scholenregister_excel", omschrijving="Register", aangevraagd_door=personas.dirk)
    taak_uitvoeren_service(taak_id=taak.pk)
    taak.refresh_from_db()
    bestand = taak.bestand.name
    taak_uitvoeren_service(taak_id=taak.pk)
    taak.refresh_from_db()
    assert (taak.status, taak.pogingen, taak.bestand.name) == (Taak.Status.KLAAR, 1, bestand)


def test_only_the_requester_sees_a_job(client, personas, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        taak = taak_starten(soort="scholenregister_excel", omschrijving="Register", aangevraagd_door=personas.dirk)
    client.force_login(personas.bea)
    assert client.get(reverse("taak_detail", args=[taak.uuid])).status_code == 404
    assert client.get(reverse("taak_download", args=[taak.uuid])).status_code == 404
    client.force_login(personas.dirk)
    assert client.get(reverse("taak_detail", args=[taak.uuid])).status_code == 200


def test_the_export_is_only_for_swv_roles(client, personas):
    client.force_login(personas.alice)
    assert client.post(reverse("register_export")).status_code == 404
    assert not Taak.objects.exists()


def test_unknown_job_kinds_are_refused(personas):
    with pytest.raises(TaakFout):
        taak_starten(soort="bestaat_niet", omschrijving="x")
    assert not Taak.objects.exists()
