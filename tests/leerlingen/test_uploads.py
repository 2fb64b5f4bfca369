"""Document uploads: allowed types by content (magic bytes), size limit, disguised types refused in Dutch."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from leerlingen.models import Document
from leerlingen.services.document import document_toevoegen
from leerlingen.services.fouten import DossierFout
from swv.uploads import valideer_upload
from tests.leerlingen.factories_dossier import DossierFactory

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def _office(deel: str, macro: bool = False) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(deel, "<x/>")
        if macro:
            z.writestr("word/vbaProject.bin", "x")
    return buf.getvalue()


@pytest.mark.parametrize(
    "naam, inhoud, soort",
    [
        ("verslag.pdf", PDF, "application/pdf"),
        ("foto.png", PNG, "image/png"),
        ("foto.JPG", JPEG, "image/jpeg"),
        ("foto.jpeg", JPEG, "image/jpeg"),
        (
            "brief.docx",
            _office("word/document.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("lijst.xlsx", _office("xl/workbook.xml"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ],
)
def test_allowed_types_pass_and_are_described(naam, inhoud, soort):
    info = valideer_upload(SimpleUploadedFile(naam, inhoud))
    assert info.inhoudstype == soort and info.grootte == len(inhoud) and len(info.sha256) == 64


@pytest.mark.parametrize(
    "naam, inhoud, melding",
    [
        ("virus.exe", b"MZ\x90\x00", "niet toegestaan"),
        ("script.html", b"<html>", "niet toegestaan"),
        ("zonder-extensie", PDF, "niet toegestaan"),
        ("nep.pdf", b"MZ\x90\x00" + b"0" * 30, "geen geldig PDF-bestand"),
        ("foto.pdf", PNG, "de inhoud is PNG"),
        ("verslag.png", PDF, "de inhoud is PDF"),
        ("brief.docx", _office("xl/workbook.xml"), "de inhoud is Excel (XLSX)"),
        ("brief.docx", _office("word/document.xml", macro=True), "macro"),
        ("kapot.docx", b"PK\x03\x04 niet echt een zip", "geen geldig Word (DOCX)-bestand"),
        ("leeg.pdf", b"", "leeg"),
    ],
)
def test_wrong_and_disguised_types_are_refused_in_dutch(naam, inhoud, melding):
    with pytest.raises(ValidationError) as fout:
        valideer_upload(SimpleUploadedFile(naam, inhoud))
    assert melding in fout.value.messages[0]


def test_a_file_over_the_limit_is_refused(settings):
    settings.UPLOAD_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match="te groot"):
        valideer_upload(SimpleUploadedFile("groot.pdf", PDF + b"0" * 2000))


@pytest.mark.django_db
def test_an_upload_is_stored_privately_under_a_uuid_name(personas):
    dossier = DossierFactory(school=personas.school_a, regievoerder=personas.alice)
    doc = document_toevoegen(
        door=personas.alice,
        leerling=dossier.leerling,
        dossier=dossier,
        bestand=SimpleUploadedFile("Verslag Jansen.pdf", PDF),
        titel="Onderzoek",
        soort="onderzoek",
    )
    assert doc.bestand.name == f"documenten/{doc.geupload_op:%Y}/{doc.uuid}.pdf"
    assert "Jansen" not in doc.bestand.name
    from swv.storage import private_storage

    assert doc.bestand.storage.location == private_storage().location
    assert private_storage().exists(doc.bestand.name)


@pytest.mark.django_db
def test_a_disguised_upload_through_the_form_shows_the_dutch_message_and_saves_nothing(client, personas):
    dossier = DossierFactory(school=personas.school_a, regievoerder=personas.alice)
    client.force_login(personas.alice)
    response = client.post(
        reverse("leerlingen:document_nieuw", args=[dossier.uuid]),
        {"titel": "Foto", "soort": "anders", "bestand": SimpleUploadedFile("foto.pdf", PNG)},
    )
    assert response.status_code == 422
    assert "De naam van het bestand zegt PDF, maar de inhoud is PNG" in response.content.decode()
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_documents_can_only_be_added_by_the_ib_er(personas):
    dossier = DossierFactory(school=personas.school_a, regievoerder=personas.alice)
    with pytest.raises(DossierFout):
        document_toevoegen(
            door=personas.charlie,
            leerling=dossier.leerling,
            dossier=dossier,
            bestand=SimpleUploadedFile("a.pdf", PDF),
            titel="x",
            soort="anders",
        )
