"""The one OSO intake service: the upload page, ``manage.py oso_import`` and (later) a real OSO
endpoint all call ``oso_ontvangen`` (check, preview, nothing about the pupil written) and then
``oso_bevestigen`` (everything written in one transaction, once).

Refused with a Dutch ``OsoImportFout`` and nothing written: a file over ``OSO_MAX_BYTES``, not XML,
not OSO, against the schema (element and line named), a profile other than POSWV/POPO, a school
that is not a school of the SWV or not the user's, a POSWV dossier of another school.
"""

from __future__ import annotations

import re
import tempfile
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from leerlingen.choices import Documentsoort
from leerlingen.models import Dossier, Inschrijving, Leerling, OsoOntvangst, OsoVerzorger
from leerlingen.models.oso import OsoProfiel, OsoStatus
from leerlingen.oso.lezen import CATEGORIEEN, Lezer, OsoFout, bijlage_uitpakken
from leerlingen.oso.xsd import XmlFout, lees_xml, oso_schema
from leerlingen.selectors.leerling import huidige_inschrijving
from leerlingen.services.document import document_bewaren
from leerlingen.services.dossier import dossier_openen
from leerlingen.services.fouten import DossierFout
from leerlingen.services.overstap import overstap_vastleggen
from swv.access import school_ids
from swv.choices import Rol
from swv.models import School
from swv.protocol import log_oso_ontvangen
from swv.uploads import XMLTYPEN, valideer_upload

BSN_REGEL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(bsn|sofinummer)>[^<]*</(?:[A-Za-z_][\w.-]*:)?\1>")
DOCUMENTSOORT = {"cat_onderwijsondersteuning": Documentsoort.ONDERZOEK, "cat_toetsresultaten": Documentsoort.ONDERZOEK}


class OsoImportFout(DossierFout):
    """An OSO file or step the portal refuses (shown in Dutch; nothing has been written)."""


def oso_max_bytes() -> int:
    return getattr(settings, "OSO_MAX_BYTES", 50 * 1024 * 1024)


def _lees_en_valideer(bestand) -> tuple[dict, list]:
    try:
        wortel = lees_xml(bestand)
    except XmlFout as fout:
        raise OsoImportFout(_regel(fout)) from None
    schema = oso_schema()
    if not wortel.tag.startswith("{" + schema.ns + "}"):
        raise OsoImportFout(
            _("This is not an OSO dossier: the root element <%(naam)s> is not in the OSO namespace (%(ns)s).")
            % {"naam": wortel.naam, "ns": schema.ns}
        )
    try:
        schema.valideer(wortel)
    except XmlFout as fout:
        raise OsoImportFout(
            _("The OSO dossier does not meet the OSO schema. %(fout)s") % {"fout": _regel(fout)}
        ) from None
    try:
        return Lezer(wortel).lees()
    except OsoFout as fout:
        raise OsoImportFout(str(fout)) from None


def _regel(fout: XmlFout) -> str:
    if fout.regel:
        return _("Line %(regel)s: %(bericht)s") % {"regel": fout.regel, "bericht": fout.bericht}
    return fout.bericht


def _zoek_leerling(gegevens: dict, school: School) -> Leerling | None:
    """The pupil enrolled now at ``school`` with this name and date of birth (never by BSN)."""
    ll = gegevens["leerling"]
    try:
        geboren = date.fromisoformat(ll["geboortedatum"])
    except (TypeError, ValueError):
        return None
    namen = {n.lower() for n in [ll["voornaam"], *ll["voornamen"].split()[:1]] if n}
    kandidaten = Leerling.objects.filter(
        achternaam__iexact=ll["achternaam"],
        tussenvoegsel__iexact=ll["tussenvoegsel"],
        geboortedatum=geboren,
        inschrijvingen__in=Inschrijving.objects.actief_op().filter(school=school),
    ).distinct()
    gevonden = [lln for lln in kandidaten if lln.voornaam.lower() in namen]
    return gevonden[0] if len(gevonden) == 1 else None


def _bijlagen_controleren(gegevens: dict, bijlagen: list) -> None:
    """Every attachment through the one upload validator; the preview shows which are refused and why."""
    for info, bijlage in zip(gegevens["bijlagen"], bijlagen):
        try:
            naam, inhoud = bijlage_uitpakken(bijlage)
            upload = valideer_upload(ContentFile(inhoud, name=naam))
        except OsoFout as fout:
            info.update(ok=False, reden=str(fout))
        except ValidationError as fout:
            info.update(ok=False, reden=fout.messages[0])
        else:
            info.update(ok=True, reden="", naam=naam, grootte=upload.grootte)


def _bewaar_zonder_bsn(bestand, bsn_aanwezig: bool) -> File:
    """A copy of the original XML in a temporary file without a BSN element (line by line, streamed)."""
    kopie = tempfile.TemporaryFile()
    weggehaald = 0
    bestand.seek(0)
    for regel in bestand:
        regel, n = BSN_REGEL.subn(b"", regel)
        weggehaald += n
        kopie.write(regel)
    if bsn_aanwezig and not weggehaald:
        raise OsoImportFout(_("The dossier contains a BSN that could not be removed; it is not received."))
    kopie.seek(0)
    return File(kopie, name="oso.xml")


def _school_uit_bestand(gegevens: dict) -> School:
    code = gegevens["school"]["vestigingscode"]
    school = School.objects.filter(vestigingscode=code).select_related("swv").first()
    if school is None:
        raise OsoImportFout(
            _("The school of this dossier (%(code)s) is not a school of the partnership; it is not received.")
            % {"code": code}
        )
    return school


def oso_ontvangen(*, door, bestand, school: School | None = None) -> OsoOntvangst:
    """Check an OSO file and keep it with its preview (``ontvangen``); no pupil data is written.

    ``school``: the receiving school (for POPO the ib-er's new school; for POSWV the file names it).
    The same file for the same school again returns the row it made the first time."""
    try:
        info = valideer_upload(bestand, toegestaan=XMLTYPEN, maximum=oso_max_bytes())
    except ValidationError as fout:
        raise OsoImportFout(fout.messages[0]) from None
    gegevens, bijlagen = _lees_en_valideer(bestand)
    van_school = _school_uit_bestand(gegevens)
    mijn_scholen = school_ids(door, [Rol.IB_ER])
    if gegevens["profiel"] == OsoProfiel.POSWV:
        if school is not None and school.pk != van_school.pk:
            raise OsoImportFout(_("This SWV dossier is from another school than the one you chose."))
        ontvanger = van_school
    else:
        if school is None:
            eigen = list(School.objects.filter(pk__in=mijn_scholen))
            if len(eigen) != 1:
                raise OsoImportFout(_("Choose the school the pupil moves to."))
            school = eigen[0]
        ontvanger = school
        if ontvanger.pk == van_school.pk:
            raise OsoImportFout(_("A transfer dossier comes from another school than yours."))
        if ontvanger.swv_id != van_school.swv_id:
            raise OsoImportFout(
                _("The school of this dossier (%(code)s) is not a school of the partnership; it is not received.")
                % {"code": van_school.vestigingscode}
            )
    if ontvanger.pk not in mijn_scholen:
        raise OsoImportFout(
            _("You are not the ib-er of the school of this dossier (%(code)s).") % {"code": ontvanger.vestigingscode}
        )
    bestaand = OsoOntvangst.objects.filter(school=ontvanger, sha256=info.sha256).first()
    if bestaand is not None:
        return bestaand
    _bijlagen_controleren(gegevens, bijlagen)
    gevonden = _zoek_leerling(gegevens, van_school)
    gegevens["match"] = str(gevonden.uuid) if gevonden else ""
    kopie = _bewaar_zonder_bsn(bestand, gegevens["bsn_weggelaten"])
    ontvangst = OsoOntvangst(
        school=ontvanger,
        van_school=van_school,
        profiel=gegevens["profiel"],
        sha256=info.sha256,
        grootte=info.grootte,
        gegevens=gegevens,
        ontvangen_door=door,
    )
    ontvangst.bestand.save(f"{ontvangst.uuid}.xml", kopie, save=False)
    try:
        with transaction.atomic():
            ontvangst.save()
    except BaseException as fout:
        # No XML copy without its row.
        if ontvangst.bestand.name:
            ontvangst.bestand.storage.delete(ontvangst.bestand.name)
        if isinstance(fout, IntegrityError):
            bestaand = OsoOntvangst.objects.filter(school=ontvanger, sha256=info.sha256).first()
            if bestaand is not None:
                return bestaand  # the same file, sent twice at once: one row
        raise
    return ontvangst


def _eis_ib_er(door, ontvangst: OsoOntvangst) -> None:
    if ontvangst.school_id not in school_ids(door, [Rol.IB_ER]):
        raise OsoImportFout(_("Only the ib-er of the receiving school can import this dossier."))


@transaction.atomic
def oso_annuleren(*, door, ontvangst: OsoOntvangst) -> None:
    """Discard a preview: the row and its XML go (a confirmed dossier stays)."""
    rij = OsoOntvangst.objects.select_for_update().get(pk=ontvangst.pk)
    _eis_ib_er(door, rij)
    if rij.status != OsoStatus.ONTVANGEN:
        raise OsoImportFout(_("This dossier has been imported already; it cannot be cancelled."))
    rij.delete()


@transaction.atomic
def oso_bevestigen(*, door, ontvangst: OsoOntvangst, request=None) -> OsoOntvangst:
    """Write the pupil (matched or new), the parents/guardians, the accepted attachments, the POPO
    transfer and an access log entry, all in one transaction; a second confirm changes nothing."""
    rij = OsoOntvangst.objects.select_for_update().select_related("school", "van_school").get(pk=ontvangst.pk)
    _eis_ib_er(door, rij)
    if rij.status == OsoStatus.BEVESTIGD:
        return rij
    g = rij.gegevens
    ll = g["leerling"]
    try:
        geboren = date.fromisoformat(ll["geboortedatum"])
    except (TypeError, ValueError):
        raise OsoImportFout(_("The dossier has no date of birth; the pupil cannot be matched or registered.")) from None
    vandaag = timezone.localdate()
    leerling = _zoek_leerling(g, rij.van_school)
    if rij.profiel == OsoProfiel.POPO and leerling is not None:
        inschrijving = huidige_inschrijving(leerling)
        assert inschrijving is not None  # found through its current enrolment
        Leerling.objects.select_for_update().get(pk=leerling.pk)
        rij.overstap = overstap_vastleggen(
            door=door,
            leerling=leerling,
            inschrijving=inschrijving,
            naar_school=rij.school,
            datum=vandaag,
            groep=ll["groep"],
            toelichting=_("Received with an OSO transfer dossier."),
        )
    elif rij.profiel == OsoProfiel.POPO:
        leerling = _zoek_leerling(g, rij.school)  # imported before, or new at the receiving school
    if leerling is None:
        leerling = Leerling.objects.create(
            voornaam=ll["voornaam"][:100] or ll["achternaam"][:100],
            tussenvoegsel=ll["tussenvoegsel"][:20],
            achternaam=ll["achternaam"][:150],
            geboortedatum=geboren,
        )
        Inschrijving.objects.create(leerling=leerling, school=rij.school, groep=ll["groep"], begindatum=vandaag)
    for nummer, v in enumerate(g["verzorgers"], start=1):
        OsoVerzorger.objects.create(
            leerling=leerling,
            ontvangst=rij,
            volgnummer=nummer,
            voornaam=v["voornaam"][:100],
            tussenvoegsel=v["tussenvoegsel"][:20],
            achternaam=v["achternaam"][:150] or "?",
            relatie=v["relatie"][:100],
            gezag=v["gezag"],
            adres=v["adres"][:300],
            adres_geheim=v["adres_geheim"],
            email=v["email"][:254] if "@" in v["email"] else "",
            email_geheim=v["email_geheim"],
            telefoon=v["telefoon"][:30],
            telefoon_geheim=v["telefoon_geheim"],
        )
    dossier = Dossier.objects.filter(leerling=leerling, school=rij.school).actief().first()
    if dossier is None and rij.profiel == OsoProfiel.POSWV:
        # An SWV dossier prepares a support request: the groeidocument is opened for it.
        dossier = dossier_openen(door=door, leerling=leerling, aanleiding=_("SWV dossier received through OSO."))
    bewaard: list[str] = []
    try:
        _bijlagen_bewaren(rij, door, leerling, dossier, bewaard)
        rij.leerling = leerling
        rij.status = OsoStatus.BEVESTIGD
        rij.bevestigd_op = timezone.now()
        rij.save()
        log_oso_ontvangen(
            gebruiker=door,
            ontvangst=rij,
            leerling=leerling,
            categorieen=[c for c in g["geimporteerd"] if c in CATEGORIEEN or c.startswith("cat_")],
            request=request,
        )
    except BaseException:
        # The transaction rolls back; the attachment files already in the private storage go too.
        for naam in filter(None, bewaard):
            rij.bestand.storage.delete(naam)
        raise
    return rij


def _bijlagen_bewaren(rij: OsoOntvangst, door, leerling: Leerling, dossier: Dossier | None, bewaard: list[str]) -> None:
    """The accepted attachments as dossier documents (the XML read again from the private copy)."""
    te_bewaren = [b for b in rij.gegevens["bijlagen"] if b.get("ok")]
    if not te_bewaren:
        return
    with rij.bestand.open("rb") as f:
        wortel = lees_xml(f)
    _gegevens, bijlagen = Lezer(wortel).lees()
    for info in te_bewaren:
        bijlage = bijlagen[info["nummer"]]
        naam, inhoud = bijlage_uitpakken(bijlage)
        try:
            document = document_bewaren(
                door=door,
                leerling=leerling,
                dossier=dossier,
                school=rij.school,
                soort=DOCUMENTSOORT.get(info["categorie"], Documentsoort.ANDERS),
                titel=info["omschrijving"] or naam,
                bestand=ContentFile(inhoud, name=naam),
            )
        except ValidationError as fout:  # pragma: no cover - checked at the preview already
            raise OsoImportFout(fout.messages[0]) from None
        bewaard.append(document.bestand.name or "")
        rij.documenten.add(document)
