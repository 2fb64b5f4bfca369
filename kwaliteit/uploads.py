"""Validation of uploaded documents (PRIVACY.md "Uploads"): allowed types PDF, DOCX, XLSX, PNG and
JPEG; a size limit (``UPLOAD_MAX_BYTES``); the content is sniffed by its magic bytes and must match
the file name's extension, so a renamed executable or HTML page is refused."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from kwaliteit.conf import upload_max_bytes


@dataclass(frozen=True)
class Bestandstype:
    extensies: tuple[str, ...]
    mimetype: str
    omschrijving: str


PDF = Bestandstype((".pdf",), "application/pdf", "PDF")
DOCX = Bestandstype((".docx",), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (DOCX)")
XLSX = Bestandstype((".xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (XLSX)")
PNG = Bestandstype((".png",), "image/png", "PNG")
JPEG = Bestandstype((".jpg", ".jpeg"), "image/jpeg", "JPEG")
TOEGESTAAN = (PDF, DOCX, XLSX, PNG, JPEG)


def herken(bestand) -> Bestandstype | None:
    """The type by content: magic bytes, and for the Office formats the ZIP's main part."""
    bestand.seek(0)
    kop = bestand.read(8)
    bestand.seek(0)
    if kop.startswith(b"%PDF-"):
        return PDF
    if kop.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if kop.startswith(b"\xff\xd8\xff"):
        return JPEG
    if kop.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(bestand) as zf:
                namen = set(zf.namelist())
        except (zipfile.BadZipFile, OSError):
            return None
        finally:
            bestand.seek(0)
        if "[Content_Types].xml" in namen and "word/document.xml" in namen:
            return DOCX
        if "[Content_Types].xml" in namen and "xl/workbook.xml" in namen:
            return XLSX
    return None


def valideer_upload(bestand) -> Bestandstype:
    """Return the file's type, or raise ``ValidationError`` with a Dutch message saying what is wrong."""
    if bestand is None or not getattr(bestand, "size", 0):
        raise ValidationError(_("The file is empty."), code="leeg")
    if bestand.size > upload_max_bytes():
        raise ValidationError(
            _("The file is too large (%(grootte)s); the maximum is %(max)s.")
            % {"grootte": filesizeformat(bestand.size), "max": filesizeformat(upload_max_bytes())},
            code="te_groot",
        )
    extensie = PurePath(bestand.name or "").suffix.lower()
    toegestane_extensies = [e for t in TOEGESTAAN for e in t.extensies]
    if extensie not in toegestane_extensies:
        raise ValidationError(
            _("This type of file is not allowed. Allowed: PDF, DOCX, XLSX, PNG and JPEG."), code="type"
        )
    soort = herken(bestand)
    if soort is None or extensie not in soort.extensies:
        raise ValidationError(
            _("The content of the file does not match its extension %(ext)s; the file was not accepted.") % {"ext": extensie},
            code="inhoud",
        )
    return soort
