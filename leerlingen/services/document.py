"""Writes on pupil documents: upload (checked by content) into the private storage.

Reusable by other apps: call ``document_toevoegen`` with the pupil (and a dossier if any) after your
own permission check, and keep a FK to the returned ``Document``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from leerlingen.choices import Documentsoort
from leerlingen.models import Document, Dossier, Leerling
from leerlingen.selectors.leerling import huidige_inschrijving
from leerlingen.services.dossier import activiteit_registreren, eis_open, eis_wijzigrecht
from leerlingen.services.fouten import DossierFout
from swv.uploads import valideer_upload


@transaction.atomic
def document_toevoegen(
    *, door, leerling: Leerling, bestand, titel: str, soort: str, dossier: Dossier | None = None
) -> Document:
    """Store an uploaded file about a pupil after checking size, type and content."""
    if dossier is not None:
        if dossier.leerling_id != leerling.pk:
            raise DossierFout(_("The document does not belong to this dossier."))
        eis_wijzigrecht(door, dossier)
        eis_open(dossier)
        school = dossier.school
    else:
        if not Leerling.objects.visible_to(door, "change").filter(pk=leerling.pk).exists():
            raise DossierFout(_("You may not add documents for this pupil."))
        inschrijving = huidige_inschrijving(leerling)
        if inschrijving is None:
            raise DossierFout(_("The pupil is not enrolled at a school."))
        school = inschrijving.school
    if not titel.strip():
        raise DossierFout(_("Give the document a title."))
    if soort not in Documentsoort.values:
        raise DossierFout(_("Choose the kind of document."))
    try:
        document = document_bewaren(
            door=door,
            leerling=leerling,
            dossier=dossier,
            school=school,
            soort=soort,
            titel=titel.strip(),
            bestand=bestand,
        )
    except ValidationError as exc:
        raise DossierFout(exc.messages[0]) from None
    if dossier is not None:
        activiteit_registreren(dossier)
    return document


def document_bewaren(
    *, door, leerling: Leerling, dossier: Dossier | None, school, soort: str, titel: str, bestand, toegestaan=None
) -> Document:
    """Check an upload (``valideer_upload``: a Dutch ``ValidationError`` otherwise) and store it as a
    ``Document``: the file in the private storage, then its row; no orphan file when the row fails.
    The caller has checked the user's rights (``document_toevoegen`` does, other apps do their own)."""
    info = valideer_upload(bestand, toegestaan=toegestaan)
    document = Document(
        leerling=leerling,
        dossier=dossier,
        school=school,
        soort=soort,
        titel=titel[:200],
        oorspronkelijke_naam=(bestand.name or "").rsplit("/", 1)[-1][-255:],
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
        # Do not leave an orphan file in the private storage when the row cannot be written.
        if document.bestand.name:
            document.bestand.storage.delete(document.bestand.name)
        raise
    return document
