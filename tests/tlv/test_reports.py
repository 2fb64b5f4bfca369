"""The Awb letters are rendered by a real Celery worker: decision data, grounds and the legal remedy."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from swv.models import Taak, Toegangslog
from tests.conftest import wacht_op
from tests.tlv.factories import TLVFactory
from tlv import termijnen
from tlv.services import beoordeling
from tlv.services import bezwaar as bezwaren

pytestmark = [pytest.mark.worker]


def pdf_tekst(taak: Taak) -> str:
    from pypdf import PdfReader

    taak.refresh_from_db()
    return " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(taak.bestand.read())).pages).replace(
        "\n", " "
    )


def test_the_decision_letter_holds_the_decision_and_the_objection_clause(client, wereld, celery_worker):
    vandaag = timezone.localdate()
    tlv = TLVFactory(
        getoetst=True, so=True, leerling=wereld.daan, aanvragende_school=wereld.school_a, beoogde_school=wereld.so
    )
    tlv = beoordeling.tlv_afgeven(
        door=wereld.tim,
        tlv=tlv,
        ingangsdatum=vandaag,
        einddatum=vandaag + timedelta(days=700),
        categorie="midden",
        motivering="Beide deskundigen adviseren het SO; ouders stemmen in.",
    )
    taak = wacht_op(lambda: Taak.objects.filter(pk=tlv.besluitbrief_id, status=Taak.Status.KLAAR).first(), seconden=60)
    tekst = pdf_tekst(taak)
    for verwacht in (
        tlv.nummer,
        "Daan Visser",
        "speciaal onderwijs (SO)",
        "midden",
        "Beide deskundigen adviseren het SO",
        "bezwaar maken",
        "binnen 6 weken",
        "Postbus 1000",  # the default SWV_POSTADRES (the worker runs with its own settings),
        f"De bezwaartermijn eindigt op {termijnen.bezwaartermijn_einde(vandaag).day}",
    ):
        assert verwacht in tekst, verwacht
    assert taak.bestandsnaam == f"tlv-besluit-{tlv.nummer}.pdf"

    client.force_login(wereld.alice)
    response = client.get(reverse("tlv:besluitbrief", args=[tlv.uuid]))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    assert Toegangslog.objects.filter(gebeurtenis="tlv_besluitbrief_gedownload", gebruiker=wereld.alice).exists()
    client.force_login(wereld.bob)
    assert client.get(reverse("tlv:besluitbrief", args=[tlv.uuid])).status_code == 404


def test_the_refusal_and_the_decision_on_the_objection_are_letters_too(wereld, celery_worker):
    tlv = TLVFactory(getoetst=True, leerling=wereld.daan, aanvragende_school=wereld.school_a)
    tlv = beoordeling.tlv_weigeren(door=wereld.tim, tlv=tlv, motivering="Het MDO met de S(B)O-school ontbreekt.")
    brief = wacht_op(lambda: Taak.objects.filter(pk=tlv.besluitbrief_id, status=Taak.Status.KLAAR).first(), seconden=60)
    assert "De aanvraag wordt afgewezen" in pdf_tekst(brief)

    bezwaar = bezwaren.bezwaar_registreren(
        door=wereld.tim,
        tlv=tlv,
        ontvangen_op=timezone.localdate(),
        indiener="ouders",
        indiener_naam="Fam. Visser",
        gronden="Het MDO heeft wel plaatsgevonden.",
    )
    bezwaar = bezwaren.bezwaar_beslissen(
        door=wereld.dirk,
        bezwaar=bezwaar,
        beslissing="ongegrond",
        motivering="Er is geen MDO met de S(B)O-school gehouden.",
    )
    brief = wacht_op(
        lambda: Taak.objects.filter(pk=bezwaar.beslissingsbrief_id, status=Taak.Status.KLAAR).first(), seconden=60
    )
    tekst = pdf_tekst(brief)
    assert "ongegrond" in tekst and "beroep instellen bij de rechtbank Den Haag" in tekst
