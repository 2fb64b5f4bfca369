"""Documents of a TLV request (the expert advice): stored as ``leerlingen.Document`` in the private storage.

The file type is decided by its content, never by its name or the browser's claim (PRIVACY.md,
"Uploads"). NOTE for the merge: the pupil-dossier issue adds ``leerlingen.uploads.valideer_upload``
and ``leerlingen.services.document.document_toevoegen`` with the same rules; once merged,
``document_opslaan`` should call those and ``_herken`` can go.
"""

from __future__ import annotations

import hashlib
import zipfile

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from leerlingen.choices import Documentsoort
from leerlingen.models import Document
from tlv.services.fouten import TLVFout

#: extension -> (content type, detected kind)
TOEGESTAAN = {
    "pdf": ("application/pdf", "pdf"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "png": ("image/png", "png"),
    "jpg": ("image/jpeg", "jpg"),
    "jpeg": ("image/jpeg", "jpg"),
}


def _herken(bestand) -> str | None:
    bestand.seek(0)
    kop = bestand.read(8)
    if kop.startswith(b"%PDF-"):
        return "pdf"
    if kop.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if kop.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if kop.startswith(b"PK\x03\x04"):
        try:
            bestand.seek(0)
            with zipfile.ZipFile(bestand) as z:
                namen = set(z.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        if "word/document.xml" in namen and not any(n.endswith("vbaProject.bin") for n in namen):
            return "docx"
    return None


def document_opslaan(*, door, tlv, bestand, titel: str) -> Document:
    """Check an uploaded advice document and store it with the pupil (and the request's dossier)."""
    grootte = bestand.size or 0
    if grootte == 0:
        raise TLVFout(_("The file is empty."))
    maximum = int(getattr(settings, "UPLOAD_MAX_BYTES", 10 * 1024 * 1024))
    if grootte > maximum:
        raise TLVFout(
            _("The file is too large (%(grootte)s); the maximum is %(maximum)s.")
            % {"grootte": filesizeformat(grootte), "maximum": filesizeformat(maximum)}
        )
    naam = (bestand.name or "").rsplit("/", 1)[-1]
    extensie = naam.rsplit(".", 1)[-1].lower() if "." in naam else ""
    if extensie not in TOEGESTAAN:
        raise TLVFout(_("Upload the advice as a PDF, Word (DOCX), PNG or JPEG file."))
    if _herken(bestand) != TOEGESTAAN[extensie][1]:
        raise TLVFout(_("The content of the file does not match its type; save it as PDF and try again."))
    bestand.seek(0)
    h = hashlib.sha256()
    for stuk in bestand.chunks():
        h.update(stuk)
    bestand.seek(0)
    document = Document(
        leerling=tlv.leerling,
        dossier=tlv.dossier,
        school=tlv.aanvragende_school,
        soort=Documentsoort.ONDERZOEK,
        titel=titel[:200],
        oorspronkelijke_naam=naam[-255:],
        inhoudstype=TOEGESTAAN[extensie][0],
        extensie=extensie,
        grootte=grootte,
        sha256=h.hexdigest(),
        geupload_door=door,
    )
    document.bestand.save(f"{document.uuid}.{extensie}", bestand, save=False)
    try:
        document.save()
    except Exception:
        document.bestand.storage.delete(document.bestand.name)  # no orphan file without its row
        raise
    return document
