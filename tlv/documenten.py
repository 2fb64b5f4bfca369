"""Documents of a TLV request (the expert advice): stored as ``leerlingen.Document`` in the private storage.

The file is checked by the portal's one upload validator (``swv.uploads.valideer_upload``):
the type is decided by its content, never by its name or the browser's claim (PRIVACY.md, "Uploads").
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from leerlingen.choices import Documentsoort
from leerlingen.models import Document
from leerlingen.services.document import document_bewaren
from swv.uploads import TOEGESTAAN as DOCUMENTTYPEN
from tlv.services.fouten import TLVFout

#: An expert advice is a PDF, a Word document or a scan (no spreadsheets).
TOEGESTAAN = {ext: DOCUMENTTYPEN[ext] for ext in ("pdf", "docx", "png", "jpg", "jpeg")}


def document_opslaan(*, door, tlv, bestand, titel: str) -> Document:
    """Check an uploaded advice document and store it with the pupil (and the request's dossier)."""
    try:
        return document_bewaren(
            door=door,
            leerling=tlv.leerling,
            dossier=tlv.dossier,
            school=tlv.aanvragende_school,
            soort=Documentsoort.ONDERZOEK,
            titel=titel,
            bestand=bestand,
            toegestaan=TOEGESTAAN,
        )
    except ValidationError as fout:
        raise TLVFout(fout.messages[0]) from fout
