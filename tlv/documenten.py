"""Documents of a TLV request (the expert advice): stored as ``leerlingen.Document`` in the private storage.

The file is checked by the portal's one upload validator (``leerlingen.uploads.valideer_upload``):
the type is decided by its content, never by its name or the browser's claim (PRIVACY.md, "Uploads").
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from leerlingen.choices import Documentsoort
from leerlingen.models import Document
from leerlingen.uploads import TOEGESTAAN as DOCUMENTTYPEN
from leerlingen.uploads import valideer_upload
from tlv.services.fouten import TLVFout

#: An expert advice is a PDF, a Word document or a scan (no spreadsheets).
TOEGESTAAN = {ext: DOCUMENTTYPEN[ext] for ext in ("pdf", "docx", "png", "jpg", "jpeg")}


def document_opslaan(*, door, tlv, bestand, titel: str) -> Document:
    """Check an uploaded advice document and store it with the pupil (and the request's dossier)."""
    try:
        info = valideer_upload(bestand, toegestaan=TOEGESTAAN)
    except ValidationError as fout:
        raise TLVFout(fout.messages[0]) from fout
    naam = (bestand.name or "").rsplit("/", 1)[-1]
    document = Document(
        leerling=tlv.leerling,
        dossier=tlv.dossier,
        school=tlv.aanvragende_school,
        soort=Documentsoort.ONDERZOEK,
        titel=titel[:200],
        oorspronkelijke_naam=naam[-255:],
        inhoudstype=info.inhoudstype,
        extensie=info.extensie,
        grootte=info.grootte,
        sha256=info.sha256,
        geupload_door=door,
    )
    document.bestand.save(f"{document.uuid}.{info.extensie}", bestand, save=False)
    try:
        document.save()
    except Exception:
        document.bestand.storage.delete(document.bestand.name)  # no orphan file without its row
        raise
    return document
