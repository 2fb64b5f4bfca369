"""Pupil import from a school administration export (CSV or XLSX): preview first, write on confirm.

``import_voorbereiden`` reads the file and stores, per row, what would happen (create, update,
unchanged, reject + reason) without touching any pupil. ``import_bevestigen`` plans again against
the current data and writes everything in one transaction, only when no row is rejected; a second
confirm changes nothing. Matching: on BSN when present, otherwise on name + date of birth at the
school, so a re-import does not duplicate pupils.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from leerlingen.choices import Importactie, ImportStatus
from leerlingen.conf import import_max_regels
from leerlingen.models import Inschrijving, Leerling, Leerlingimport
from leerlingen.services.fouten import DossierFout
from leerlingen.validators import is_geldig_bsn
from swv import tabellen
from swv.access import school_ids
from swv.choices import Rol
from swv.historie import met_historie
from swv.models import School
from swv.tabellen import TabelFout, WaardeFout, lees_tabel

KOLOMMEN = {
    "voornaam": {"voornaam", "roepnaam", "voornamen", "firstname"},
    "tussenvoegsel": {"tussenvoegsel", "tussenvoegsels", "voorvoegsel", "voorvoegsels"},
    "achternaam": {"achternaam", "familienaam", "geslachtsnaam", "lastname"},
    "geboortedatum": {"geboortedatum", "gebdatum", "geboren", "dateofbirth"},
    "bsn": {"bsn", "burgerservicenummer", "sofinummer"},
    "groep": {"groep", "jaargroep", "leerjaar"},
}
VERPLICHT = ("voornaam", "achternaam", "geboortedatum")


@dataclass
class Regel:
    regel: int
    voornaam: str
    tussenvoegsel: str
    achternaam: str
    geboortedatum: str  # ISO or "" when invalid
    bsn: str
    groep: int | None
    fouten: list[str]


def lees_regels(bestand) -> list[Regel]:
    """Parse the file (through the portal's one table reader, ``swv.tabellen``) into rows with their
    own (format) errors; a file-level problem raises ``DossierFout``."""
    try:
        rijen = lees_tabel(bestand, kolommen=KOLOMMEN, verplicht=VERPLICHT, max_regels=import_max_regels())
    except TabelFout as fout:
        raise DossierFout(str(fout)) from None
    vandaag = timezone.localdate()
    regels = []
    for rij in rijen:
        fouten = []
        voornaam, achternaam = rij.tekst("voornaam"), rij.tekst("achternaam")
        if not voornaam:
            fouten.append(_("first name missing"))
        if not achternaam:
            fouten.append(_("last name missing"))
        try:
            geboren: date | None = tabellen.datum(rij["geboortedatum"])
        except WaardeFout:
            geboren = None
        if geboren is None:
            fouten.append(_("date of birth missing or not a date (use dd-mm-yyyy)"))
        elif not (date(vandaag.year - 20, 1, 1) <= geboren < vandaag):
            fouten.append(_("date of birth not plausible"))
        bsn = re.sub(r"\D", "", rij.tekst("bsn"))
        if bsn and len(bsn) == 8:
            bsn = "0" + bsn  # spreadsheets drop the leading zero
        if bsn and not is_geldig_bsn(bsn):
            fouten.append(_("BSN not valid (fails the 11-test)"))
            bsn = ""
        groep_tekst = re.sub(r"\D", "", rij.tekst("groep"))
        groep = int(groep_tekst) if groep_tekst else None
        if groep is not None and not 1 <= groep <= 8:
            fouten.append(_("group must be 1 to 8"))
            groep = None
        regels.append(
            Regel(
                regel=rij.nummer,
                voornaam=voornaam[:100],
                tussenvoegsel=rij.tekst("tussenvoegsel")[:20],
                achternaam=achternaam[:150],
                geboortedatum=geboren.isoformat() if geboren else "",
                bsn=bsn,
                groep=groep,
                fouten=fouten,
            )
        )
    return regels


def plan(regels: list[Regel], school: School) -> list[dict]:
    """Decide per row: create, update (which fields), unchanged or reject (why). Reads only."""
    bsns = [r.bsn for r in regels if r.bsn]
    op_bsn = {lln.bsn: lln for lln in Leerling.objects.filter(bsn__in=bsns).prefetch_related("inschrijvingen")}
    op_school = {}
    for inschrijving in Inschrijving.objects.actief_op().filter(school=school).select_related("leerling"):
        lln = inschrijving.leerling
        op_school[(lln.voornaam.lower(), lln.achternaam.lower(), lln.geboortedatum.isoformat())] = (lln, inschrijving)
    vandaag = timezone.localdate()
    gezien: dict[str, int] = {}
    resultaat = []
    for r in regels:
        item = {
            "regel": r.regel,
            "voornaam": r.voornaam,
            "tussenvoegsel": r.tussenvoegsel,
            "achternaam": r.achternaam,
            "geboortedatum": r.geboortedatum,
            "bsn": r.bsn,
            "groep": r.groep,
            "leerling_id": None,
            "inschrijving_id": None,
            "wijzigingen": [],
            "reden": "",
        }
        sleutel = r.bsn or f"{r.voornaam.lower()}|{r.achternaam.lower()}|{r.geboortedatum}"
        if r.fouten:
            item.update(actie=Importactie.AFGEWEZEN, reden="; ".join(r.fouten))
        elif sleutel in gezien:
            item.update(actie=Importactie.AFGEWEZEN, reden=_("same pupil as row %(n)s") % {"n": gezien[sleutel]})
        else:
            gezien[sleutel] = r.regel
            _beslis(item, r, op_bsn, op_school, school, vandaag)
        resultaat.append(item)
    return resultaat


def _beslis(item: dict, r: Regel, op_bsn: dict, op_school: dict, school: School, vandaag: date) -> None:
    leerling, inschrijving = None, None
    if r.bsn and r.bsn in op_bsn:
        leerling = op_bsn[r.bsn]
        actief = [
            i
            for i in leerling.inschrijvingen.all()
            if i.begindatum <= vandaag and (i.einddatum is None or i.einddatum > vandaag)
        ]
        inschrijving = actief[0] if actief else None
        if inschrijving is not None and inschrijving.school_id != school.pk:
            item.update(
                actie=Importactie.AFGEWEZEN,
                reden=_("this BSN belongs to a pupil enrolled at another school; record a transfer first"),
            )
            return
    else:
        gevonden = op_school.get((r.voornaam.lower(), r.achternaam.lower(), r.geboortedatum))
        if gevonden:
            leerling, inschrijving = gevonden
            if r.bsn and leerling.bsn and leerling.bsn != r.bsn:
                item.update(
                    actie=Importactie.AFGEWEZEN,
                    reden=_("a pupil with this name and date of birth has a different BSN"),
                )
                return
    if leerling is None:
        item.update(actie=Importactie.NIEUW)
        return
    item["leerling_id"] = leerling.pk
    item["inschrijving_id"] = inschrijving.pk if inschrijving else None
    wijzigingen = []
    for veld, label in (("voornaam", _("first name")), ("tussenvoegsel", _("infix")), ("achternaam", _("last name"))):
        if getattr(leerling, veld) != getattr(r, veld):
            wijzigingen.append(str(label))
    if r.geboortedatum != leerling.geboortedatum.isoformat():
        wijzigingen.append(str(_("date of birth")))
    if r.bsn and not leerling.bsn:
        wijzigingen.append(str(_("BSN added")))
    if inschrijving is None:
        wijzigingen.append(str(_("enrolled at this school")))
    elif r.groep is not None and inschrijving.groep != r.groep:
        wijzigingen.append(str(_("group")))
    item["wijzigingen"] = wijzigingen
    item["actie"] = Importactie.BIJWERKEN if wijzigingen else Importactie.ONGEWIJZIGD


def _tel(import_: Leerlingimport, regels: list[dict]) -> None:
    telling = {a: 0 for a in Importactie.values}
    for r in regels:
        telling[r["actie"]] += 1
    import_.aantal_nieuw = telling[Importactie.NIEUW]
    import_.aantal_bijgewerkt = telling[Importactie.BIJWERKEN]
    import_.aantal_ongewijzigd = telling[Importactie.ONGEWIJZIGD]
    import_.aantal_afgewezen = telling[Importactie.AFGEWEZEN]


def _regels_uit(opgeslagen: list[dict]) -> list[Regel]:
    return [
        Regel(
            regel=r["regel"],
            voornaam=r["voornaam"],
            tussenvoegsel=r["tussenvoegsel"],
            achternaam=r["achternaam"],
            geboortedatum=r["geboortedatum"],
            bsn=r["bsn"],
            groep=r["groep"],
            fouten=[r["reden"]] if r["actie"] == Importactie.AFGEWEZEN and r.get("formaatfout") else [],
        )
        for r in opgeslagen
    ]


@transaction.atomic
def import_voorbereiden(*, door, school: School, bestand) -> Leerlingimport:
    """Read the uploaded export and store the per-row preview; no pupil is created or changed."""
    if school.pk not in school_ids(door, [Rol.IB_ER]):
        raise DossierFout(_("Only the ib-er of the school can import its pupils."))
    regels = lees_regels(bestand)
    gepland = plan(regels, school)
    for item, r in zip(gepland, regels):
        item["formaatfout"] = bool(r.fouten)
    import_ = Leerlingimport(
        school=school, bestandsnaam=(bestand.name or "")[-255:], regels=gepland, aangemaakt_door=door
    )
    _tel(import_, gepland)
    import_.save()
    return import_


def _vergrendel(door, leerlingimport: Leerlingimport) -> Leerlingimport:
    import_ = Leerlingimport.objects.select_for_update().get(pk=leerlingimport.pk)
    if import_.school_id not in school_ids(door, [Rol.IB_ER]):
        raise DossierFout(_("Only the ib-er of the school can import its pupils."))
    return import_


@transaction.atomic
def import_bevestigen(*, door, leerlingimport: Leerlingimport) -> Leerlingimport:
    """Write the previewed rows (all or nothing); confirming twice changes nothing the second time."""
    import_ = _vergrendel(door, leerlingimport)
    if import_.status == ImportStatus.BEVESTIGD:
        return import_  # a repeated submit: already done
    if import_.status != ImportStatus.VOORBEELD:
        raise DossierFout(_("This import was cancelled; upload the file again."))
    regels = _regels_uit(import_.regels)
    gepland = plan(regels, import_.school)  # against the data as it is now, not as it was at preview
    for item, r in zip(gepland, import_.regels):
        item["formaatfout"] = r.get("formaatfout", False)
    if any(r["actie"] == Importactie.AFGEWEZEN for r in gepland):
        import_.regels = gepland
        _tel(import_, gepland)
        import_.save()
        raise DossierFout(_("Some rows are rejected; nothing has been imported. Correct the file and upload it again."))
    vandaag = timezone.localdate()
    for r in gepland:
        geboren = date.fromisoformat(r["geboortedatum"])
        if r["actie"] == Importactie.NIEUW:
            leerling = Leerling.objects.create(
                voornaam=r["voornaam"],
                tussenvoegsel=r["tussenvoegsel"],
                achternaam=r["achternaam"],
                geboortedatum=geboren,
                bsn=r["bsn"],
            )
            Inschrijving.objects.create(leerling=leerling, school=import_.school, groep=r["groep"], begindatum=vandaag)
        elif r["actie"] == Importactie.BIJWERKEN:
            leerling = Leerling.objects.get(pk=r["leerling_id"])
            leerling.voornaam, leerling.tussenvoegsel, leerling.achternaam = (
                r["voornaam"],
                r["tussenvoegsel"],
                r["achternaam"],
            )
            leerling.geboortedatum = geboren
            if r["bsn"] and not leerling.bsn:
                leerling.bsn = r["bsn"]
            met_historie(leerling, reden="import").save()
            if r["inschrijving_id"] is None:
                Inschrijving.objects.create(
                    leerling=leerling, school=import_.school, groep=r["groep"], begindatum=vandaag
                )
            elif r["groep"] is not None:
                inschrijving = Inschrijving.objects.get(pk=r["inschrijving_id"])
                if inschrijving.groep != r["groep"]:
                    inschrijving.groep = r["groep"]
                    met_historie(inschrijving, reden="import").save()
    _tel(import_, gepland)
    # Data minimisation: once written, the stored preview keeps no BSNs.
    import_.regels = [{**r, "bsn": bool(r["bsn"])} for r in gepland]
    import_.status = ImportStatus.BEVESTIGD
    import_.afgehandeld_op = timezone.now()
    import_.save()
    return import_


@transaction.atomic
def import_annuleren(*, door, leerlingimport: Leerlingimport) -> Leerlingimport:
    """Discard a preview (its rows, with any BSNs, are removed)."""
    import_ = _vergrendel(door, leerlingimport)
    if import_.status != ImportStatus.VOORBEELD:
        raise DossierFout(_("Only an import that has not been confirmed can be cancelled."))
    import_.status = ImportStatus.GEANNULEERD
    import_.regels = []
    import_.afgehandeld_op = timezone.now()
    import_.save()
    return import_
