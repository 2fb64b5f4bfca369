"""The retention job: 2 years after a pupil left the SWV's schools the pupil's data is anonymised
or destroyed (unless kept longer for a named legal reason); counts and money stay right; a dry run
changes nothing; the access log stays append-only for everyone else."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from leerlingen.bewaartermijn import WEG
from leerlingen.models import (
    MDO,
    Bewaartermijnrapport,
    Document,
    Dossier,
    DossierSectie,
    Inschrijving,
    Leerling,
    Privacyverzoek,
    StemVanHetKind,
)
from leerlingen.services import privacy
from leerlingen.services.bewaartermijn import bewaartermijn_uitvoeren, te_vervallen
from swv.models import Melding, Toegangslog
from swv.protocol import log_leerling_bekeken
from tests.beperkingen import schendt
from tests.conftest import wacht_op
from tests.leerlingen.factories_dossier import DocumentFactory, DossierFactory, MDOFactory

pytestmark = pytest.mark.django_db

VERTROKKEN = date(2024, 7, 31)


def _vertrokken_leerling(personas, *, einddatum=VERTROKKEN):
    """A pupil with a whole case (dossier, section, MDO with the child's voice, document, TLV,
    arrangement, notification, access log, privacy request) who left the SWV's schools."""
    from tests.arrangementen.factories import AanvraagFactory
    from tests.tlv.factories import TLVFactory

    dossier = DossierFactory(school=personas.school_a, regievoerder=personas.alice)
    leerling = dossier.leerling
    Leerling.objects.filter(pk=leerling.pk).update(bsn="111222333", geboortedatum=date(2012, 5, 14))
    DossierSectie.objects.create(
        dossier=dossier,
        sectie="analyse",
        tekst="Moeite met lezen.",
        school=personas.school_a,
        bijgewerkt_door=personas.alice,
    )
    MDOFactory(dossier=dossier, gehouden=True)
    document = DocumentFactory(dossier=dossier)
    tlv = TLVFactory(leerling=leerling, aanvragende_school=personas.school_a, motivering="Conform advies.")
    aanvraag = AanvraagFactory(leerling=leerling, school=personas.school_a)
    log_leerling_bekeken(gebruiker=personas.alice, leerling=leerling)
    for obj in (tlv, aanvraag):  # the apps' notifications go too (arrangementen/tlv ``opschonen``)
        Melding.objects.create(
            ontvanger=personas.alice, soort="test", sleutel=f"x:{obj.uuid}", titel="T", route="r", object_uuid=obj.uuid
        )
    Melding.objects.create(
        ontvanger=personas.alice,
        soort="leerlingen.mdo_uitnodiging",
        sleutel="x:1",
        titel="MDO",
        route="r",
        object_uuid=dossier.mdos.get().uuid,
    )
    privacy.privacyverzoek_registreren(
        leerling=leerling,
        soort="inzage",
        ingediend_door_omschrijving="moeder",
        door=personas.dirk,
        ingediend_op=date(2024, 6, 1),
    )
    Inschrijving.objects.filter(leerling=leerling).update(einddatum=einddatum)
    leerling.refresh_from_db()
    return leerling, document


def _tellingen():
    """What key figures count: dossiers, MDOs held with the child's voice per year, requests, money."""
    from arrangementen.models import Aanvraag
    from tlv.models import TLV

    return {
        "dossiers": Dossier.objects.count(),
        "mdos": sorted(MDO.objects.values_list("gehouden_op__year", flat=True)),
        "stem": StemVanHetKind.objects.filter(gehoord=True).count(),
        "tlvs": TLV.objects.count(),
        "aanvragen": Aanvraag.objects.count(),
        "bedrag": sum((a.totale_kosten for a in Aanvraag.objects.all()), Decimal(0)),
        "inschrijvingen": sorted(map(str, Inschrijving.objects.values_list("school_id", "begindatum", "einddatum"))),
        "geboortejaren": sorted(Leerling.objects.values_list("geboortedatum__year", flat=True)),
        "privacyverzoeken": Privacyverzoek.objects.count(),
    }


def test_the_term_ends_two_years_after_leaving(personas):
    leerling, _document = _vertrokken_leerling(personas)
    with time_machine.travel(date(2026, 7, 30)):
        assert not te_vervallen().exists()
    with time_machine.travel(date(2026, 7, 31)):
        assert list(te_vervallen()) == [leerling]
    # A pupil still enrolled somewhere in the SWV is not due, however old the first enrolment.
    Inschrijving.objects.create(leerling=leerling, school=personas.school_b, begindatum=date(2024, 8, 1))
    with time_machine.travel(date(2030, 1, 1)):
        assert not te_vervallen().exists()


def test_a_longer_term_needs_a_named_reason_and_holds_the_data(personas):
    leerling, _document = _vertrokken_leerling(personas)
    with schendt("leerling_langer_bewaren_met_reden"):
        Leerling.objects.filter(pk=leerling.pk).update(bewaren_tot=date(2030, 1, 1))
    Leerling.objects.filter(pk=leerling.pk).update(bewaren_tot=date(2030, 1, 1), bewaarreden="Lopende rechtszaak")
    with time_machine.travel(date(2027, 1, 1)):
        assert bewaartermijn_uitvoeren().leerlingen == []
    with time_machine.travel(date(2030, 1, 2)):
        assert len(bewaartermijn_uitvoeren().leerlingen) == 1


def test_a_dry_run_lists_what_would_go_and_changes_nothing(personas, capsys):
    leerling, document = _vertrokken_leerling(personas)
    voor = _tellingen()
    with time_machine.travel(date(2026, 8, 1)):
        call_command("bewaartermijn", "--dry-run")
    uit = capsys.readouterr().out
    assert str(leerling.uuid) in uit and "31-07-2024" in uit
    assert leerling.achternaam not in uit and leerling.voornaam not in uit
    leerling.refresh_from_db()
    assert leerling.geanonimiseerd_op is None and leerling.bsn == "111222333"
    assert document.bestand.storage.exists(document.bestand.name)
    assert Toegangslog.objects.filter(leerling_uuid=leerling.uuid).exists()
    assert not Bewaartermijnrapport.objects.exists()
    assert _tellingen() == voor


def test_the_real_run_anonymises_destroys_and_keeps_the_counts(personas, django_capture_on_commit_callbacks):
    leerling, document = _vertrokken_leerling(personas)
    blijft = DossierFactory(school=personas.school_a, regievoerder=personas.alice)  # still enrolled
    achternaam, bestand = leerling.achternaam, document.bestand.name
    voor = _tellingen()

    with time_machine.travel(date(2026, 8, 1)), django_capture_on_commit_callbacks(execute=True):
        uitkomst = bewaartermijn_uitvoeren()

    assert uitkomst.leerlingen == [(str(leerling.uuid), VERTROKKEN)]
    leerling.refresh_from_db()
    assert (leerling.achternaam, leerling.bsn, leerling.geboortedatum) == ("Geanonimiseerd", "", date(2012, 1, 1))
    assert leerling.geanonimiseerd_op == date(2026, 8, 1)
    assert not Leerling.history.filter(id=leerling.pk, achternaam=achternaam).exists()
    # Texts, files, history, notifications and the access log of the pupil are gone ...
    assert DossierSectie.objects.get(dossier__leerling=leerling).tekst == WEG
    assert not DossierSectie.history.filter(dossier_id__in=Dossier.objects.filter(leerling=leerling)).exists()
    assert StemVanHetKind.objects.get(mdo__dossier__leerling=leerling).wat_zei_kind == WEG
    assert not document.bestand.storage.exists(bestand)
    assert Document.objects.get(pk=document.pk).bestand.name == ""
    assert not Melding.objects.exists()
    assert not Toegangslog.objects.filter(leerling_uuid=leerling.uuid).exists()
    assert Privacyverzoek.objects.get().leerling is None
    # ... while every count and amount stays, and the other pupil is untouched.
    assert _tellingen() == voor
    assert Dossier.objects.get(pk=blijft.pk).aanleiding == "Zorgen over lezen en concentratie"
    # The report row: counts, no names.
    rapport = Bewaartermijnrapport.objects.get()
    assert rapport.aantal_leerlingen == 1 and rapport.aantallen["toegangslog"] == 1
    assert rapport.aantallen["dossiersecties"] == 1 and rapport.aantallen["tlvs"] == 1
    assert achternaam not in json.dumps(rapport.aantallen)
    # Idempotent: a second run (a redelivered beat message) finds nothing to do.
    with time_machine.travel(date(2026, 8, 1)):
        assert bewaartermijn_uitvoeren().leerlingen == []


def test_an_ordinary_delete_of_the_access_log_is_still_refused(personas):
    leerling, _document = _vertrokken_leerling(personas)
    with time_machine.travel(date(2026, 8, 1)):
        bewaartermijn_uitvoeren()  # used the exception in its own transaction
    log_leerling_bekeken(gebruiker=personas.alice, leerling=leerling)
    with pytest.raises(DatabaseError, match="alleen-toevoegen"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM swv_toegangslog")
    assert Toegangslog.objects.exists()


def test_the_register_page_shows_the_reports_to_the_db_only(client, personas):
    from django.urls import reverse

    Bewaartermijnrapport.objects.create(
        peildatum=date(2026, 8, 1), grens=date(2024, 8, 1), aantal_leerlingen=3, aantallen={"dossiers": 2}
    )
    client.force_login(personas.dirk)
    assert "3" in client.get(reverse("leerlingen:bewaartermijn_rapporten")).content.decode()
    client.force_login(personas.alice)
    assert client.get(reverse("leerlingen:bewaartermijn_rapporten")).status_code == 404


@pytest.mark.worker
def test_the_beat_task_runs_on_a_real_worker(personas, celery_worker):
    from leerlingen.tasks import bewaartermijn_uitvoeren as taak

    # Today on the worker is the real date: a pupil who left three years ago is due.
    vandaag = date.today()
    leerling, _document = _vertrokken_leerling(personas, einddatum=date(vandaag.year - 3, 1, 31))
    taak.delay()
    assert wacht_op(lambda: Bewaartermijnrapport.objects.exists(), seconden=60)
    leerling.refresh_from_db()
    assert leerling.geanonimiseerd_op is not None and leerling.bsn == ""


def test_the_db_keeps_a_pupil_longer_with_a_reason_others_get_404(client, personas):
    from django.urls import reverse

    leerling, _document = _vertrokken_leerling(personas)
    url = reverse("leerlingen:langer_bewaren", args=[leerling.uuid])
    for naam in ("alice", "dora", "charlie", "bea", "beheer"):
        client.force_login(getattr(personas, naam))
        assert client.get(url).status_code == 404
        assert client.post(url, {"tot": "2031-01-01", "reden": "x"}).status_code == 404
    client.force_login(personas.dirk)
    assert client.post(url, {"tot": "2031-01-01", "reden": ""}).status_code == 422
    assert client.post(url, {"tot": "2031-01-01", "reden": "Lopende rechtszaak"}).status_code == 302
    leerling.refresh_from_db()
    assert (leerling.bewaren_tot, leerling.bewaarreden) == (date(2031, 1, 1), "Lopende rechtszaak")
    assert leerling.history.first().history_user == personas.dirk
    with time_machine.travel(date(2027, 1, 1)):
        assert not te_vervallen().exists()
