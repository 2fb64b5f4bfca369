"""The risicolijst: marks by consulenten, rounds frozen as snapshots and compared with the previous
round (new / still / off), the exports as jobs (Excel, PDF on a real worker)."""

from __future__ import annotations

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from leerlingen.models import Risicolijstregel, Risicolijstronde, Risicosignalering
from leerlingen.selectors.risicolijst import open_rondes
from leerlingen.services.risicolijst import (
    risico_beeindigen,
    risico_signaleren,
    risicolijst_export_starten,
    risicolijst_samenstellen,
)
from leerlingen.services.thuiszitters import Domeinfout
from swv.models import Taak, Toegangslog
from swv.taken import taak_uitvoeren_service
from tests.conftest import wacht_op
from tests.leerlingen.factories import LeerlingFactory
from tests.leerlingen.factories_thuiszitters import RisicosignaleringFactory, ThuiszittercasusFactory, standaard_ladder  # noqa: F401 (autouse fixture)

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def op(dag: date):
    return time_machine.travel(datetime(dag.year, dag.month, dag.day, 9, 0, tzinfo=AMS), tick=False)


def fout(excinfo) -> str:
    return " ".join(excinfo.value.messages)


def test_a_consulent_marks_a_pupil_of_an_assigned_school(personas):
    leerling = LeerlingFactory(school=personas.school_a)
    with op(date(2026, 5, 4)):
        s = risico_signaleren(
            door=personas.charlie,
            leerling=leerling,
            reden="Verzuim",
            afgesproken_actie="Gesprek",
            sinds=date(2026, 5, 1),
        )
    assert (s.school, s.gesignaleerd_door) == (personas.school_a, personas.charlie)
    with op(date(2026, 5, 4)), pytest.raises(Domeinfout) as e:
        risico_signaleren(
            door=personas.charlie, leerling=leerling, reden="Weer", afgesproken_actie="x", sinds=date(2026, 5, 1)
        )
    assert "staat al op de risicolijst" in fout(e)


def test_marks_are_refused_outside_the_assigned_schools_and_without_reason(personas):
    with op(date(2026, 5, 4)):
        with pytest.raises(Domeinfout) as e:
            risico_signaleren(
                door=personas.charlie,
                leerling=LeerlingFactory(school=personas.school_b),
                reden="x",
                afgesproken_actie="y",
                sinds=date(2026, 5, 1),
            )
        assert "toegewezen scholen" in fout(e)
        with pytest.raises(Domeinfout) as e:
            risico_signaleren(
                door=personas.charlie,
                leerling=LeerlingFactory(school=personas.school_a),
                reden=" ",
                afgesproken_actie="y",
                sinds=date(2026, 5, 1),
            )
        assert "reden" in fout(e)
        with pytest.raises(Domeinfout) as e:
            risico_signaleren(
                door=personas.bea, leerling=LeerlingFactory(), reden="x", afgesproken_actie="y", sinds=date(2026, 5, 1)
            )
        assert "inschrijving" in fout(e)


def test_ending_a_mark_checks_the_dates(personas):
    s = RisicosignaleringFactory(school=personas.school_a, sinds=date(2026, 1, 10))
    with op(date(2026, 5, 4)):
        with pytest.raises(Domeinfout) as e:
            risico_beeindigen(
                door=personas.charlie, signalering=s, einddatum=date(2026, 1, 1), reden="Weer naar school"
            )
        assert "niet vóór de begindatum" in fout(e)
        risico_beeindigen(door=personas.charlie, signalering=s, einddatum=date(2026, 5, 1), reden="Weer naar school")
        with pytest.raises(Domeinfout):
            risico_beeindigen(door=personas.charlie, signalering=s, einddatum=date(2026, 5, 1), reden="Nogmaals")


def test_rounds_are_frozen_and_compared_with_the_previous_round(personas):
    blijft = RisicosignaleringFactory(school=personas.school_a, sinds=date(2026, 1, 10))
    gaat_af = RisicosignaleringFactory(school=personas.school_b, sinds=date(2026, 2, 1))
    ThuiszittercasusFactory(school=personas.school_a, leerling=blijft.leerling, sinds=date(2026, 4, 1))
    with op(date(2026, 5, 4)):
        mei = risicolijst_samenstellen(door=personas.bea, jaar=2026, maand=5)
    assert (mei.aantal_op_lijst, mei.aantal_nieuw, mei.aantal_nog, mei.aantal_af, mei.vorige) == (2, 2, 0, 0, None)
    assert Risicolijstregel.objects.get(ronde=mei, leerling=blijft.leerling).thuiszitter is True

    with op(date(2026, 6, 1)):
        risico_beeindigen(door=personas.bea, signalering=gaat_af, einddatum=date(2026, 6, 1), reden="Passend aanbod")
        nieuw = RisicosignaleringFactory(school=personas.school_a, sinds=date(2026, 6, 1))
        blijft.reden = "Gewijzigde reden"
        blijft.save()
    with op(date(2026, 8, 3)):
        augustus = risicolijst_samenstellen(door=personas.bea, jaar=2026, maand=8)
    regels = {r.leerling_id: r.vergelijking for r in augustus.regels.all()}
    assert regels == {blijft.leerling_id: "nog", nieuw.leerling_id: "nieuw", gaat_af.leerling_id: "af"}
    assert (augustus.aantal_op_lijst, augustus.aantal_af, augustus.vorige) == (2, 1, mei)
    # The May round is frozen: what was on the list then, with the reason of then.
    assert Risicolijstregel.objects.get(ronde=mei, leerling=blijft.leerling).reden == "Veel verzuim"
    assert mei.regels.count() == 2


def test_rounds_are_compiled_once_in_order_and_only_in_their_months(personas):
    with op(date(2026, 8, 3)):
        risicolijst_samenstellen(door=personas.bea, jaar=2026, maand=8)
        for jaar, maand, tekst in [
            (2026, 8, "al samengesteld"),
            (2026, 5, "latere ronde"),
            (2026, 6, "geen ronde"),
            (2026, 11, "maand is begonnen"),
        ]:
            with pytest.raises(Domeinfout) as e:
                risicolijst_samenstellen(door=personas.bea, jaar=jaar, maand=maand)
            assert tekst in fout(e)
        with pytest.raises(Domeinfout):
            risicolijst_samenstellen(door=personas.charlie, jaar=2026, maand=11)


def test_the_round_months_follow_the_settings(personas, settings):
    assert open_rondes(date(2026, 3, 1)) == [(2026, 1), (2025, 11), (2025, 8), (2025, 5)]
    settings.SWV_RISICOLIJST_MAANDEN = (3, 9)
    assert open_rondes(date(2026, 3, 1)) == [(2026, 3), (2025, 9)]


def _ronde(personas):
    RisicosignaleringFactory(
        school=personas.school_a,
        leerling=LeerlingFactory(school=personas.school_a, voornaam="Anouk", achternaam="Aalbers"),
    )
    RisicosignaleringFactory(
        school=personas.school_b, leerling=LeerlingFactory(school=personas.school_b, voornaam="Bram", achternaam="Bos")
    )
    with op(date(2026, 5, 4)):
        return risicolijst_samenstellen(door=personas.bea, jaar=2026, maand=5)


def test_the_excel_export_is_scoped_to_the_requester_and_logged(personas, django_capture_on_commit_callbacks):
    import openpyxl

    ronde = _ronde(personas)
    with django_capture_on_commit_callbacks(execute=False):
        taak = risicolijst_export_starten(door=personas.charlie, ronde=ronde, formaat="xlsx")
    taak_uitvoeren_service(taak_id=taak.pk)
    taak.refresh_from_db()
    werkmap = openpyxl.load_workbook(io.BytesIO(taak.bestand.read()))
    namen = [r[2] for r in werkmap["Risicolijst"].iter_rows(min_row=2, values_only=True)]
    assert namen == ["Anouk"]  # the consulent of school A gets only school A
    log = Toegangslog.objects.get(gebeurtenis="risicolijst_xlsx")
    assert (log.gebruiker, log.aantal, log.object_uuid) == (personas.charlie, 1, ronde.uuid)


def test_an_ib_er_cannot_export_a_round(personas, client):
    ronde = _ronde(personas)
    client.force_login(personas.alice)
    assert client.post(reverse("leerlingen:ronde_export", args=[ronde.uuid]), {"formaat": "pdf"}).status_code == 404
    assert not Taak.objects.exists()


@pytest.mark.worker
def test_the_pdf_export_runs_on_a_real_worker_with_progress(personas, client, celery_worker):
    from pypdf import PdfReader

    ronde = _ronde(personas)
    client.force_login(personas.bea)
    response = client.post(reverse("leerlingen:ronde_export", args=[ronde.uuid]), {"formaat": "pdf"})
    taak = Taak.objects.get()
    assert response.url == reverse("taak_detail", args=[taak.uuid])
    wacht_op(lambda: Taak.objects.filter(pk=taak.pk, status=Taak.Status.KLAAR).exists(), seconden=60)
    taak.refresh_from_db()
    assert (taak.voortgang, taak.bestandsnaam) == (100, "risicolijst-2026-05.pdf")
    download = client.get(reverse("taak_download", args=[taak.uuid]))
    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(b"".join(download.streaming_content))).pages)
    assert "Risicolijst mei 2026" in tekst
    assert "Aalbers" in tekst and "Bos" in tekst and "Vertrouwelijk" in tekst


def test_a_mark_outside_scope_cannot_be_ended_through_the_page(personas, client):
    s = RisicosignaleringFactory(school=personas.school_b)
    client.force_login(personas.charlie)
    assert client.get(reverse("leerlingen:risico_beeindigen", args=[s.uuid])).status_code == 404
    assert Risicosignalering.objects.filter(einddatum__isnull=True).count() == 1
    assert not Risicolijstronde.objects.exists()
