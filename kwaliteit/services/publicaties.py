"""Writes of publications: publish an adopted report version or an uploaded document to audiences
(freezing a copy of the exact file with its sha256), withdraw, and the OPR's decisions."""

from __future__ import annotations

import hashlib
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kwaliteit import conf
from kwaliteit.choices import DocumentSoort, Doelgroep, PublicatieStatus, RapportSoort, VersieStatus
from kwaliteit.models import OprBesluit, Publicatie, RapportVersie
from kwaliteit.services.fouten import KwaliteitFout, KwaliteitOngeldigeOvergang
from swv.access import heeft_rol
from swv.choices import Rol
from swv.overgangen import overgang, status_vastleggen
from swv.uploads import valideer_upload

_VELD = {Doelgroep.OPR: "voor_opr", Doelgroep.ALV_RVT: "voor_alv_rvt", Doelgroep.OPENBAAR: "openbaar"}
#: Report kind -> document kind of its publication.
DOCUMENTSOORT: dict[str, str] = {
    RapportSoort.JAARVERSLAG: DocumentSoort.JAARVERSLAG,
    RapportSoort.TLC_JAARVERSLAG: DocumentSoort.TLC_JAARVERSLAG,
    RapportSoort.AC_JAARVERSLAG: DocumentSoort.AC_JAARVERSLAG,
    RapportSoort.JAARPLAN: DocumentSoort.JAARPLAN,
}


def _vereis_publiceren(door) -> None:
    if not heeft_rol(door, *conf.PUBLICEREN):
        raise PermissionDenied


def _doelgroepvelden(doelgroepen) -> dict[str, bool]:
    gekozen = set(doelgroepen)
    if not gekozen or not gekozen <= set(Doelgroep.values):
        raise KwaliteitFout(_("Choose at least one audience."))
    return {veld: groep in gekozen for groep, veld in _VELD.items()}


def _bestaande(**kenmerken) -> Publicatie | None:
    """An identical publication that is still published (a double submit): returned, not repeated."""
    return Publicatie.objects.filter(status=PublicatieStatus.GEPUBLICEERD, **kenmerken).first()


def _publiceer(*, inhoud: bytes, bestandsnaam: str, mimetype: str, door, velden: dict, **gegevens) -> Publicatie:
    sha256 = hashlib.sha256(inhoud).hexdigest()
    bestaand = _bestaande(sha256=sha256, documentsoort=gegevens["documentsoort"], jaar=gegevens["jaar"], **velden)
    if bestaand is not None:
        return bestaand
    publicatie = Publicatie(
        bestandsnaam=bestandsnaam,
        mimetype=mimetype,
        grootte=len(inhoud),
        sha256=sha256,
        gepubliceerd_door=door,
        **velden,
        **gegevens,
    )
    publicatie.bestand.save(bestandsnaam, ContentFile(inhoud), save=False)
    publicatie.save()
    status_vastleggen(publicatie, van="", naar=publicatie.status, door=door)
    return publicatie


@transaction.atomic
def publiceren_van_versie(
    *, versie: RapportVersie, doelgroepen, titel: str = "", toelichting: str = "", door
) -> Publicatie:
    """Publish an adopted report version: its frozen file is copied again (and checked against the
    sha256 recorded at adoption), so the publication never changes whatever happens to the report."""
    _vereis_publiceren(door)
    velden = _doelgroepvelden(doelgroepen)
    versie = RapportVersie.objects.select_related("rapport").get(pk=versie.pk)
    if versie.status != VersieStatus.VASTGESTELD:
        raise KwaliteitFout(_("Only an adopted version can be published."))
    with versie.bestand.open("rb") as fh:
        inhoud = fh.read()
    if hashlib.sha256(inhoud).hexdigest() != versie.sha256:
        raise KwaliteitFout(_("The adopted file has changed since adoption; it is not published."))
    return _publiceer(
        inhoud=inhoud,
        bestandsnaam=versie.bestandsnaam,
        mimetype="application/pdf",
        door=door,
        velden=velden,
        titel=titel.strip() or str(versie.rapport),
        documentsoort=DOCUMENTSOORT[versie.rapport.soort],
        jaar=versie.rapport.jaar,
        toelichting=toelichting,
        bron_versie=versie,
    )


@transaction.atomic
def publiceren_van_upload(
    *, bestand, documentsoort: str, jaar: int, titel: str, doelgroepen, toelichting: str = "", door
) -> Publicatie:
    """Publish an uploaded document (an OSP, a T-rapportage, ...) after validating type, size and content."""
    _vereis_publiceren(door)
    velden = _doelgroepvelden(doelgroepen)
    if documentsoort not in DocumentSoort.values:
        raise KwaliteitFout(_("Choose a valid kind of document."))
    if not titel.strip():
        raise KwaliteitFout(_("Give the document a title."))
    try:
        info = valideer_upload(bestand)
    except ValidationError as fout:
        raise KwaliteitFout(fout.messages[0])
    bestand.seek(0)
    inhoud = bestand.read()
    return _publiceer(
        inhoud=inhoud,
        bestandsnaam=bestand.name.rsplit("/", 1)[-1][:200],
        mimetype=info.inhoudstype,
        door=door,
        velden=velden,
        titel=titel.strip(),
        documentsoort=documentsoort,
        jaar=jaar,
        toelichting=toelichting,
    )


@transaction.atomic
def publicatie_intrekken(*, publicatie: Publicatie, door, reden: str) -> Publicatie:
    """Published -> withdrawn, with a reason; the row and its file stay as history (not downloadable)."""
    _vereis_publiceren(door)
    if not reden.strip():
        raise KwaliteitFout(_("Give a reason for withdrawing the publication."))
    return overgang(
        publicatie,
        PublicatieStatus.INGETROKKEN,
        van={PublicatieStatus.GEPUBLICEERD},
        door=door,
        reden=reden,
        velden={"ingetrokken_op": timezone.now(), "reden_intrekking": reden.strip()},
        bericht=_("This publication has already been withdrawn."),
        fout=KwaliteitOngeldigeOvergang,
    )


def is_opr_secretaris(user) -> bool:
    """The OPR secretary: an OPR member holding the permission to record the OPR's decisions."""
    return heeft_rol(user, Rol.OPR_LID) and user.has_perm("kwaliteit.oprbesluit_vastleggen")


@transaction.atomic
def oprbesluit_vastleggen(
    *, publicatie: Publicatie, besluit: str, datum: date, opmerkingen: str = "", door
) -> OprBesluit:
    """Record a decision of the OPR (consent or advice) on a document published to the OPR."""
    from kwaliteit.choices import OprBesluitSoort

    if not is_opr_secretaris(door):
        raise PermissionDenied
    if not publicatie.voor_opr:
        raise KwaliteitFout(_("This document was not published to the support plan council."))
    if besluit not in OprBesluitSoort.values:
        raise KwaliteitFout(_("Choose a valid decision."))
    if datum > timezone.localdate():
        raise KwaliteitFout(_("The date of the decision cannot be in the future."))
    try:
        with transaction.atomic():
            return OprBesluit.objects.create(
                publicatie=publicatie, besluit=besluit, datum=datum, opmerkingen=opmerkingen, vastgelegd_door=door
            )
    except IntegrityError:
        raise KwaliteitFout(_("This decision with this date has already been recorded."))
