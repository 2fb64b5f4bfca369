"""Decision letters in the parents' portal (issue 14): delivered with the delivery moment and the
objection term counted from it, a notification with a link only, a scope-checked and access-logged
download."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from leerlingen.models import OuderBrief
from swv.meldingen import melding_mailen
from swv.models import Melding, Toegangslog
from tests.leerlingen.factories_ouders import OuderKoppelingFactory
from tests.tlv.factories import TLVFactory
from tlv import termijnen
from tlv.ouders import besluitbrief_bezorgen
from tlv.services.beoordeling import besluitbrief_maken

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def besluit(gezin):
    tlv = TLVFactory(
        leerling=gezin.kind_a, aanvragende_school=gezin.school_a, aangemaakt_door=gezin.alice, besloten=True
    )
    OuderKoppelingFactory(leerling=gezin.kind_a, gezag=False, reden_zonder_gezag="Stiefouder, met instemming")
    besluitbrief_maken(tlv, gezin.alice)  # queues the PDF job and delivers the letter to the parents
    return tlv


def test_the_decision_letter_is_delivered_to_each_parent_with_gezag(gezin, besluit):
    brieven = OuderBrief.objects.filter(leerling=gezin.kind_a)
    assert {b.ouder for b in brieven} == {gezin.ouder, gezin.vader}
    for brief in brieven:
        assert brief.bezorgd_op is not None
        assert brief.bezwaartermijn_einde == termijnen.bezwaartermijn_einde(timezone.localdate(brief.bezorgd_op))
        assert brief.taak == besluit.besluitbrief
    besluitbrief_bezorgen(besluit)  # again: nothing new, nobody notified twice
    assert OuderBrief.objects.filter(leerling=gezin.kind_a).count() == 2
    assert Melding.objects.filter(soort="leerlingen.ouderbrief").count() == 2


def test_the_notification_e_mail_holds_a_link_and_no_pupil_data(gezin, besluit):
    melding = Melding.objects.get(soort="leerlingen.ouderbrief", ontvanger=gezin.ouder)
    assert melding_mailen(melding_id=melding.pk)
    [bericht] = mail.outbox
    tekst = bericht.subject + bericht.body
    assert "/leerlingen/ouders/brieven/" in tekst
    for geheim in ("Sam", "Jansen", str(gezin.kind_a.uuid), gezin.school_a.naam):
        assert geheim not in tekst


def test_the_parent_sees_the_letter_and_the_objection_term(client, gezin, besluit):
    brief = OuderBrief.objects.get(ouder=gezin.ouder)
    client.force_login(gezin.ouder)
    html = client.get(reverse("leerlingen:ouders_kind", args=[gezin.kind_a.uuid])).content.decode()
    assert brief.titel in html
    assert str(brief.bezwaartermijn_einde.year) in html
    # While the PDF is being made the download sends the parent back with a message.
    antwoord = client.get(reverse("leerlingen:ouders_brief", args=[brief.uuid]))
    assert antwoord.status_code == 302


def test_the_download_is_scope_checked_and_access_logged(client, gezin, besluit):
    taak = besluit.besluitbrief
    taak.bestand.save("tlv-besluit.pdf", ContentFile(PDF), save=False)
    taak.bestandsnaam = "tlv-besluit.pdf"
    taak.save()
    brief = OuderBrief.objects.get(ouder=gezin.ouder)
    url = reverse("leerlingen:ouders_brief", args=[brief.uuid])
    client.force_login(gezin.ouder)
    antwoord = client.get(url)
    assert antwoord.status_code == 200
    assert b"".join(antwoord.streaming_content).startswith(b"%PDF")
    brief.refresh_from_db()
    assert brief.gedownload_op is not None
    assert Toegangslog.objects.filter(
        gebruiker=gezin.ouder, gebeurtenis="document_gedownload", object_uuid=brief.uuid
    ).exists()
    for ander in (gezin.vader, gezin.ouder2, gezin.alice):
        client.force_login(ander)
        assert client.get(url).status_code == 404


def test_the_arrangement_decision_letter_is_delivered_too(gezin):
    from arrangementen import conf
    from arrangementen.models import Besluit
    from arrangementen.services.beoordeling import besluitbrief_starten
    from tests.arrangementen.factories import AanvraagFactory

    aanvraag = AanvraagFactory(leerling=gezin.kind_a, school=gezin.school_a, afgewezen=True)
    besluit = Besluit.objects.get(aanvraag=aanvraag)
    besluitbrief_starten(besluit, gezin.alice)
    brief = OuderBrief.objects.get(ouder=gezin.ouder, bron="arrangement")
    assert aanvraag.nummer in brief.titel
    termijn = brief.bezwaartermijn_einde - timezone.localdate(brief.bezorgd_op)
    assert termijn.days == 7 * conf.bezwaartermijn_weken()


# --- Documents from the parent (through the one upload validator) ---------------------------------


def test_a_parent_sends_a_document_that_the_school_sees_marked_as_from_the_parent(client, gezin):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from leerlingen.models import Document

    client.force_login(gezin.ouder)
    url = reverse("leerlingen:ouders_document", args=[gezin.kind_a.uuid])
    assert client.get(url).status_code == 200
    kapot = SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    assert client.post(url, {"titel": "Rapport jeugdzorg", "bestand": kapot}).status_code == 422
    assert not Document.objects.exists()
    goed = SimpleUploadedFile("rapport.pdf", PDF, content_type="application/pdf")
    assert client.post(url, {"titel": "Rapport jeugdzorg", "bestand": goed}).status_code == 302
    document = Document.objects.get()
    assert document.van_ouder and document.geupload_door == gezin.ouder and document.dossier == gezin.dossier_a
    client.force_login(gezin.alice)
    html = client.get(reverse("leerlingen:dossier_detail", args=[gezin.dossier_a.uuid])).content.decode()
    assert "Rapport jeugdzorg" in html and "van de ouder" in html
    client.force_login(gezin.ouder2)
    assert client.get(reverse("leerlingen:ouders_document", args=[gezin.kind_a.uuid])).status_code == 404
