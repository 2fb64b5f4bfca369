"""Writes on enrolments: register a pupil, record a school transfer (the dossier moves with it)."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from leerlingen.conf import overstap_leesrecht_dagen
from leerlingen.models import Dossier, Inschrijving, Leerling, Overstap
from leerlingen.selectors.leerling import huidige_inschrijving
from leerlingen.services.fouten import DossierFout
from leerlingen.validators import is_geldig_bsn
from swv.access import school_ids
from swv.choices import Rol
from swv.historie import met_historie
from swv.models import School


@transaction.atomic
def leerling_registreren(
    *,
    door,
    school: School,
    voornaam: str,
    achternaam: str,
    geboortedatum: date,
    tussenvoegsel: str = "",
    bsn: str = "",
    groep: int | None = None,
    begindatum: date | None = None,
) -> Leerling:
    """Register a pupil and enrol it at the ib-er's school (duplicates by BSN or name + birth date refused)."""
    if school.pk not in school_ids(door, [Rol.IB_ER]):
        raise DossierFout(_("Only the ib-er of the school can register pupils there."))
    voornaam, tussenvoegsel, achternaam, bsn = voornaam.strip(), tussenvoegsel.strip(), achternaam.strip(), bsn.strip()
    if not voornaam or not achternaam:
        raise DossierFout(_("Fill in the first and last name."))
    if bsn and not is_geldig_bsn(bsn):
        raise DossierFout(_("This is not a valid BSN (it fails the 11-test)."))
    if geboortedatum >= timezone.localdate():
        raise DossierFout(_("The date of birth must be in the past."))
    if groep is not None and not 1 <= groep <= 8:
        raise DossierFout(_("The group must be between 1 and 8."))
    if bsn and Leerling.objects.filter(bsn=bsn).exists():
        raise DossierFout(_("A pupil with this BSN is already registered; if it changes school, record a transfer."))
    dubbel = Leerling.objects.filter(
        voornaam__iexact=voornaam,
        achternaam__iexact=achternaam,
        geboortedatum=geboortedatum,
        inschrijvingen__in=Inschrijving.objects.actief_op().filter(school=school),
    )
    if dubbel.exists():
        raise DossierFout(_("A pupil with this name and date of birth is already enrolled at this school."))
    leerling = Leerling.objects.create(
        voornaam=voornaam, tussenvoegsel=tussenvoegsel, achternaam=achternaam, geboortedatum=geboortedatum, bsn=bsn
    )
    Inschrijving.objects.create(
        leerling=leerling, school=school, groep=groep, begindatum=begindatum or timezone.localdate()
    )
    return leerling


def leesrecht_tot(datum: date) -> date | None:
    dagen = overstap_leesrecht_dagen()
    return datum + timedelta(days=dagen) if dagen else None


@transaction.atomic
def leerling_overplaatsen(
    *,
    door,
    leerling: Leerling,
    naar_school: School,
    datum: date,
    groep: int | None = None,
    toelichting: str = "",
) -> Overstap:
    """Record a transfer by the ib-er of the current school: the enrolment ends, a new one starts at
    ``naar_school``, the pupil's dossiers move there; the old school keeps read access to what it
    wrote for the configured period (``SWV_OVERSTAP_LEESRECHT_DAGEN``; ``None``: no access)."""
    if not Leerling.objects.visible_to(door, "change").filter(pk=leerling.pk).exists():
        raise DossierFout(_("Only the ib-er of the pupil's school can record a transfer."))
    Leerling.objects.select_for_update().get(pk=leerling.pk)
    inschrijving = huidige_inschrijving(leerling)
    if inschrijving is None or inschrijving.school_id not in school_ids(door, [Rol.IB_ER]):
        raise DossierFout(_("Only the ib-er of the pupil's school can record a transfer."))
    if naar_school.pk == inschrijving.school_id:
        raise DossierFout(_("The pupil is already enrolled at this school."))
    if naar_school.swv_id != inschrijving.school.swv_id or not naar_school.actief:
        raise DossierFout(_("Choose an active school of the partnership."))
    return overstap_vastleggen(
        door=door,
        leerling=leerling,
        inschrijving=inschrijving,
        naar_school=naar_school,
        datum=datum,
        groep=groep,
        toelichting=toelichting,
    )


def overstap_vastleggen(
    *,
    door,
    leerling: Leerling,
    inschrijving: Inschrijving,
    naar_school: School,
    datum: date,
    groep: int | None = None,
    toelichting: str = "",
) -> Overstap:
    """The writes of a transfer, after the caller checked who may record it (the old school's ib-er
    in ``leerling_overplaatsen``, the new school's ib-er receiving an OSO transfer dossier)."""
    if datum <= inschrijving.begindatum:
        raise DossierFout(_("The transfer date must be after the start of the current enrolment."))
    if datum > timezone.localdate():
        raise DossierFout(_("Record a transfer on or after the day the pupil changes school, not ahead."))
    if groep is not None and not 1 <= groep <= 8:
        raise DossierFout(_("The group must be between 1 and 8."))
    van_school = inschrijving.school
    inschrijving.einddatum = datum
    met_historie(inschrijving, reden="overstap").save()
    Inschrijving.objects.create(leerling=leerling, school=naar_school, groep=groep, begindatum=datum)
    overstap = Overstap.objects.create(
        leerling=leerling,
        van_school=van_school,
        naar_school=naar_school,
        datum=datum,
        groep=groep,
        leesrecht_tot=leesrecht_tot(datum),
        toelichting=toelichting.strip(),
        vastgelegd_door=door,
    )
    for dossier in Dossier.objects.select_for_update().filter(leerling=leerling, school=van_school):
        dossier.school = naar_school
        dossier.laatste_activiteit = timezone.now()
        met_historie(dossier, reden="overstap").save()
    return overstap


@transaction.atomic
def leerling_leerkrachten_koppelen(*, door, leerling: Leerling, leerkrachten) -> Leerling:
    """Set the teachers linked to a pupil (they then read its dossier); by the ib-er of its school.

    Only teachers with a current membership at the pupil's school can be linked.
    """
    if not Leerling.objects.visible_to(door, "change").filter(pk=leerling.pk).exists():
        raise DossierFout(_("Only the ib-er of the pupil's school can link teachers."))
    inschrijving = huidige_inschrijving(leerling)
    if inschrijving is None:
        raise DossierFout(_("The pupil is not enrolled at a school."))
    toegestaan = set(leerkrachten_van_school(inschrijving.school).values_list("pk", flat=True))
    if any(u.pk not in toegestaan for u in leerkrachten):
        raise DossierFout(_("Only teachers of the pupil's school can be linked."))
    leerling.leerkrachten.set(leerkrachten)
    return leerling


def leerkrachten_van_school(school: School):
    from swv.models import Gebruiker, Lidmaatschap

    ids = Lidmaatschap.objects.actief_op().filter(school=school, rol=Rol.LEERKRACHT).values("gebruiker_id")
    return Gebruiker.objects.filter(is_active=True, pk__in=ids).order_by("achternaam", "voornaam")
