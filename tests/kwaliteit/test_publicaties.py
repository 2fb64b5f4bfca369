"""Publications: freezing the exact file, uploads (type, size, content sniffing), audiences, the
public list without login, withdrawal, the OPR's decisions, and the OPR portal without pupils."""

from __future__ import annotations

import hashlib
import io
import zipfile
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kwaliteit.choices import Doelgroep, PublicatieStatus
from kwaliteit.models import OprBesluit, Publicatie
from kwaliteit.services import publicaties as s
from kwaliteit.services import verslagen
from kwaliteit.services.fouten import KwaliteitFout
from tests.kwaliteit.conftest import pdf_tekst
from tests.leerlingen.factories import LeerlingFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def upload(naam: str, inhoud: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, inhoud)


def office(soort: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml" if soort == "docx" else "xl/workbook.xml", "<x/>")
    return buffer.getvalue()


@pytest.fixture
def vastgesteld(personas, jaarverslag):
    return verslagen.rapportversie_vaststellen(versie=jaarverslag, door=personas.dirk)


@pytest.fixture
def secretaris(personas):
    personas.olga.user_permissions.add(Permission.objects.get(codename="oprbesluit_vastleggen"))
    return type(personas.olga).objects.get(pk=personas.olga.pk)


def publiceer(door, doelgroepen, naam="osp.pdf", inhoud=PDF, soort="osp"):
    return s.publiceren_van_upload(
        bestand=upload(naam, inhoud),
        documentsoort=soort,
        jaar=2025,
        titel="Ondersteuningsplan",
        doelgroepen=doelgroepen,
        door=door,
    )


def test_publishing_an_adopted_report_freezes_a_copy_of_the_exact_file(personas, vastgesteld):
    publicatie = s.publiceren_van_versie(versie=vastgesteld, doelgroepen=[Doelgroep.OPR], door=personas.dirk)
    with publicatie.bestand.open("rb") as fh:
        inhoud = fh.read()
    assert publicatie.sha256 == vastgesteld.sha256 == hashlib.sha256(inhoud).hexdigest()
    assert publicatie.bestand.name != vastgesteld.bestand.name
    assert (publicatie.voor_opr, publicatie.voor_alv_rvt, publicatie.openbaar) == (True, False, False)
    assert (publicatie.documentsoort, publicatie.jaar, publicatie.titel) == ("jaarverslag", 2025, "Jaarverslag 2025")
    # Withdrawing the version and generating another does not touch what was published.
    verslagen.rapportversie_intrekken(versie=vastgesteld, door=personas.dirk, reden="Correctie")
    publicatie.refresh_from_db()
    with publicatie.bestand.open("rb") as fh:
        assert hashlib.sha256(fh.read()).hexdigest() == publicatie.sha256


def test_a_double_submit_publishes_once(personas, vastgesteld):
    eerste = s.publiceren_van_versie(versie=vastgesteld, doelgroepen=["opr"], door=personas.dirk)
    assert s.publiceren_van_versie(versie=vastgesteld, doelgroepen=["opr"], door=personas.dirk) == eerste
    assert s.publiceren_van_versie(versie=vastgesteld, doelgroepen=["opr", "openbaar"], door=personas.dirk) != eerste


def test_only_an_adopted_version_is_published_and_only_by_the_db(personas, jaarverslag, vastgesteld):
    with pytest.raises(PermissionDenied):
        s.publiceren_van_versie(versie=vastgesteld, doelgroepen=["opr"], door=personas.bea)
    with pytest.raises(KwaliteitFout, match="ten minste één doelgroep"):
        s.publiceren_van_versie(versie=vastgesteld, doelgroepen=[], door=personas.dirk)
    verslagen.rapportversie_intrekken(versie=vastgesteld, door=personas.dirk, reden="x")
    with pytest.raises(KwaliteitFout, match="Alleen een vastgestelde versie"):
        s.publiceren_van_versie(versie=vastgesteld, doelgroepen=["opr"], door=personas.dirk)


def test_a_tampered_adopted_file_is_not_published(personas, vastgesteld):
    with vastgesteld.bestand.open("wb") as fh:
        fh.write(b"%PDF- anders")
    with pytest.raises(KwaliteitFout, match="gewijzigd"):
        s.publiceren_van_versie(versie=vastgesteld, doelgroepen=["opr"], door=personas.dirk)


@pytest.mark.parametrize(
    "naam, inhoud, mimetype",
    [
        ("osp.pdf", PDF, "application/pdf"),
        ("foto.PNG", PNG, "image/png"),
        ("foto.jpg", b"\xff\xd8\xff\xe0" + b"0" * 20, "image/jpeg"),
        ("plan.docx", office("docx"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("cijfers.xlsx", office("xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ],
)
def test_allowed_uploads(personas, naam, inhoud, mimetype):
    publicatie = publiceer(personas.dirk, ["opr"], naam=naam, inhoud=inhoud)
    assert publicatie.mimetype == mimetype and publicatie.grootte == len(inhoud)


@pytest.mark.parametrize(
    "naam, inhoud, melding",
    [
        ("osp.exe", b"MZ\x90\x00", "niet toegestaan"),
        ("osp.pdf", PNG, "zegt PDF, maar de inhoud is PNG"),
        ("osp.docx", office("xlsx"), r"zegt Word \(DOCX\), maar de inhoud is Excel \(XLSX\)"),
        ("osp.pdf", b"<html><script>alert(1)</script>", "geen geldig PDF-bestand"),
        ("leeg.pdf", b"", "leeg"),
    ],
)
def test_refused_uploads(personas, naam, inhoud, melding):
    with pytest.raises(KwaliteitFout, match=melding):
        publiceer(personas.dirk, ["opr"], naam=naam, inhoud=inhoud)
    assert not Publicatie.objects.exists()


def test_uploads_above_the_size_limit_are_refused(personas, settings):
    settings.UPLOAD_MAX_BYTES = 20
    with pytest.raises(KwaliteitFout, match="te groot"):
        publiceer(personas.dirk, ["opr"], inhoud=PDF)


AUDIENCES = {
    # persona: which of (opr, alv, openbaar) publications it sees
    "olga": {"opr", "openbaar"},
    "bert": {"alv", "openbaar"},
    "dirk": {"opr", "alv", "openbaar"},
    "bea": {"opr", "alv", "openbaar"},
    "carla": {"opr", "alv", "openbaar"},
    "alice": {"openbaar"},
    "tim": {"openbaar"},
}


@pytest.mark.parametrize("persona, ziet", sorted(AUDIENCES.items()))
def test_each_audience_sees_its_publications(personas, persona, ziet):
    pubs = {
        "opr": publiceer(personas.dirk, ["opr"], naam="a.pdf", inhoud=PDF + b"1"),
        "alv": publiceer(personas.dirk, ["alv_rvt"], naam="b.pdf", inhoud=PDF + b"2"),
        "openbaar": publiceer(personas.dirk, ["openbaar"], naam="c.pdf", inhoud=PDF + b"3"),
    }
    zichtbaar = set(Publicatie.objects.visible_to(getattr(personas, persona)).values_list("pk", flat=True))
    assert {k for k, p in pubs.items() if p.pk in zichtbaar} == ziet


def test_public_files_are_served_without_login_others_are_not(client, personas):
    openbaar = publiceer(personas.dirk, ["openbaar"], naam="c.pdf", inhoud=PDF + b"3")
    intern = publiceer(personas.dirk, ["opr"])
    response = client.get(reverse("publicaties:openbaar_download", args=[openbaar.uuid]))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert client.get(reverse("publicaties:openbaar_download", args=[intern.uuid])).status_code == 404
    assert openbaar.titel in client.get(reverse("publicaties:openbaar")).content.decode()
    assert client.get(reverse("publicaties:download", args=[intern.uuid])).status_code == 302  # to the login


def test_a_withdrawn_publication_stays_as_history_but_is_not_served(client, personas):
    publicatie = publiceer(personas.dirk, ["opr", "openbaar"])
    with pytest.raises(KwaliteitFout, match="reden"):
        s.publicatie_intrekken(publicatie=publicatie, door=personas.dirk, reden="")
    s.publicatie_intrekken(publicatie=publicatie, door=personas.dirk, reden="Verkeerde versie")
    with pytest.raises(KwaliteitFout, match="al ingetrokken"):
        s.publicatie_intrekken(publicatie=publicatie, door=personas.dirk, reden="nogmaals")
    assert client.get(reverse("publicaties:openbaar_download", args=[publicatie.uuid])).status_code == 404
    client.force_login(personas.olga)
    assert client.get(reverse("publicaties:download", args=[publicatie.uuid])).status_code == 404
    html = client.get(reverse("publicaties:detail", args=[publicatie.uuid])).content.decode()
    assert "Verkeerde versie" in html and "Ingetrokken op" in html


def test_the_opr_secretary_records_decisions(client, personas, secretaris):
    publicatie = publiceer(personas.dirk, ["opr"])
    besluit = s.oprbesluit_vastleggen(
        publicatie=publicatie,
        besluit="instemming_verleend",
        datum=date(2025, 6, 1),
        opmerkingen="Unaniem",
        door=secretaris,
    )
    assert besluit.vastgelegd_door == secretaris
    with pytest.raises(KwaliteitFout, match="al vastgelegd"):
        s.oprbesluit_vastleggen(
            publicatie=publicatie, besluit="instemming_verleend", datum=date(2025, 6, 1), door=secretaris
        )
    with pytest.raises(KwaliteitFout, match="toekomst"):
        s.oprbesluit_vastleggen(
            publicatie=publicatie, besluit="positief_advies", datum=date.today() + timedelta(days=1), door=secretaris
        )
    alv = publiceer(personas.dirk, ["alv_rvt"], naam="x.pdf", inhoud=PDF + b"x")
    with pytest.raises(KwaliteitFout, match="niet gepubliceerd aan de ondersteuningsplanraad"):
        s.oprbesluit_vastleggen(publicatie=alv, besluit="kennisgenomen", datum=date(2025, 6, 1), door=secretaris)


@pytest.mark.parametrize("persona", ["olga", "dirk", "bea"])
def test_members_without_the_secretary_permission_cannot_record_decisions(client, personas, persona):
    publicatie = publiceer(personas.dirk, ["opr"])
    with pytest.raises(PermissionDenied):
        s.oprbesluit_vastleggen(
            publicatie=publicatie, besluit="kennisgenomen", datum=date(2025, 6, 1), door=getattr(personas, persona)
        )
    client.force_login(getattr(personas, persona))
    response = client.post(
        reverse("publicaties:detail", args=[publicatie.uuid]), {"besluit": "kennisgenomen", "datum": "2025-06-01"}
    )
    assert response.status_code == 404 and not OprBesluit.objects.exists()
    assert (
        "Besluit van de OPR vastleggen"
        not in client.get(reverse("publicaties:detail", args=[publicatie.uuid])).content.decode()
    )


def test_recording_a_decision_through_the_form(client, personas, secretaris):
    publicatie = publiceer(personas.dirk, ["opr"])
    client.force_login(secretaris)
    url = reverse("publicaties:detail", args=[publicatie.uuid])
    assert "Besluit van de OPR vastleggen" in client.get(url).content.decode()
    response = client.post(url, {"besluit": "", "datum": ""})
    assert response.status_code == 200 and "Dit veld is verplicht." in response.content.decode()
    response = client.post(url, {"besluit": "positief_advies", "datum": "2025-06-12", "opmerkingen": "Met één vraag"})
    assert response.status_code == 302
    assert "positief advies" in client.get(url).content.decode()


def test_the_opr_portal_lists_by_kind_and_year_with_history(client, personas, vastgesteld):
    eerste = s.publiceren_van_versie(versie=vastgesteld, doelgroepen=["opr"], door=personas.dirk)
    tweede = s.publiceren_van_versie(
        versie=vastgesteld, doelgroepen=["opr", "alv_rvt"], titel="Jaarverslag 2025 (herzien)", door=personas.dirk
    )
    client.force_login(personas.olga)
    html = client.get(reverse("publicaties:overzicht")).content.decode()
    assert "Jaarverslag" in html and "2025" in html and "Jaarverslag 2025 (herzien)" in html
    assert "Geschiedenis (1 eerdere publicatie)" in html
    download = client.get(reverse("publicaties:download", args=[tweede.uuid]))
    assert "Jaarverslag 2025" in pdf_tekst(b"".join(download.streaming_content))
    assert eerste.status == PublicatieStatus.GEPUBLICEERD


def test_the_opr_home_panel_shows_recent_publications(client, personas):
    publicatie = publiceer(personas.dirk, ["opr"])
    client.force_login(personas.olga)
    html = client.get(reverse("home")).content.decode()
    assert "Gepubliceerde documenten" in html and publicatie.titel in html
    assert html.count('id="paneel-opr"') == 1


def test_an_opr_member_gets_404_on_every_pupil_page(client, personas):
    leerling = LeerlingFactory(school=personas.school_a)
    client.force_login(personas.olga)
    assert client.get(reverse("leerlingen:lijst")).status_code == 404
    assert client.get(reverse("leerlingen:detail", args=[leerling.uuid])).status_code == 404


def test_publishing_through_the_forms(client, personas, vastgesteld):
    client.force_login(personas.dirk)
    url = reverse("kwaliteit:versie_publiceren", args=[vastgesteld.uuid])
    response = client.post(url, {"titel": "Jaarverslag 2025", "toelichting": ""})
    assert "Kies ten minste één doelgroep." in response.content.decode()
    response = client.post(url, {"titel": "Jaarverslag 2025", "doelgroepen": ["opr"], "toelichting": ""})
    assert response.status_code == 422 and "niet ongedaan" in response.content.decode()  # not confirmed
    assert not Publicatie.objects.exists()
    response = client.post(
        url,
        {"titel": "Jaarverslag 2025", "doelgroepen": ["opr"], "toelichting": "", "onomkeerbaar_bevestigd": "on"},
    )
    publicatie = Publicatie.objects.get()
    assert response.url == reverse("publicaties:detail", args=[publicatie.uuid])
    response = client.post(
        reverse("publicaties:nieuw"),
        {
            "bestand": upload("osp.pdf", PNG),
            "documentsoort": "osp",
            "jaar": 2025,
            "titel": "OSP",
            "doelgroepen": ["openbaar"],
            "bevestiging": "on",
        },
    )
    assert "zegt PDF, maar de inhoud is PNG" in response.content.decode() and Publicatie.objects.count() == 1
    response = client.post(
        reverse("publicaties:nieuw"),
        {
            "bestand": upload("osp.pdf", PDF),
            "documentsoort": "osp",
            "jaar": 2025,
            "titel": "OSP",
            "doelgroepen": ["openbaar"],
        },
    )
    assert "Bevestig dat het document geen leerlinggegevens" in response.content.decode()
    client.force_login(personas.bea)
    assert client.get(reverse("publicaties:nieuw")).status_code == 404
    assert client.get(url).status_code == 404
