"""Writes of thuiszitter cases: register, change, move on the de-escalatieladder, link chain
partners, close; and the ladder's configuration. Every service validates, writes, records history
and checks that the object is still visible to its author (else the transaction rolls back)."""

from __future__ import annotations

import uuid as uuidlib
from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from leerlingen import conf
from leerlingen.models import (
    Inschrijving,
    Ketenpartner,
    Ladderstap,
    Ladderstapwijziging,
    Leerling,
    Thuiszittercasus,
)
from swv.access import controleer_nog_zichtbaar, heeft_rol, school_ids
from swv.choices import Rol
from swv.fouten import DomeinFout
from swv.models import Gemeente, School
from swv.overgangen import overgang, status_vastleggen
from swv.waarden import leeftijd_op


class Domeinfout(DomeinFout):
    """A business rule refused the write; the message (Dutch) is shown to the user as is.
    A dict message maps onto form fields (``fout.op_formulier(form)``)."""

    @property
    def messages(self) -> list[str]:
        return self.berichten


def controleer_niet_in_toekomst(datum: date | None, veld: str, label: str) -> None:
    if datum is not None and datum > timezone.localdate():
        raise Domeinfout({veld: _("%(label)s cannot be in the future.") % {"label": label}})


def controleer_leeftijd(
    geboortedatum: date, op: date, *, minimum: int, maximum: int, veld: str = "geboortedatum"
) -> None:
    leeftijd = leeftijd_op(geboortedatum, op)
    if leeftijd < minimum or leeftijd > maximum:
        raise Domeinfout(
            {
                veld: _(
                    "The child must be between %(min)s and %(max)s years old on %(datum)s; with this date of birth it is %(leeftijd)s."
                )
                % {"min": minimum, "max": maximum, "datum": date_format(op, "j F Y"), "leeftijd": leeftijd}
            }
        )


def leerling_zonder_inschrijving_aanmaken(
    *, voornaam: str, tussenvoegsel: str = "", achternaam: str, geboortedatum: date
) -> Leerling:
    """A child known to the portal without enrolment (no school yet); callers check the role.
    No BSN: only TLV/DUO exports need it (data minimisation)."""
    if not voornaam.strip() or not achternaam.strip():
        raise Domeinfout(_("First and last name of the child are required."))
    controleer_niet_in_toekomst(geboortedatum, "geboortedatum", _("The date of birth"))
    return Leerling.objects.create(
        voornaam=voornaam.strip(),
        tussenvoegsel=tussenvoegsel.strip(),
        achternaam=achternaam.strip(),
        geboortedatum=geboortedatum,
    )


def _bestaande_bij_dubbel_verzenden(model, uuid, door):
    """Idempotent create: the form carries the new object's public id; a second submit finds it."""
    if uuid is None:
        return None
    bestaand = model.objects.filter(uuid=uuid).first()
    if bestaand is None:
        return None
    if bestaand.aangemaakt_door_id != door.pk:
        raise Domeinfout(_("This form was already used; open it again."))
    return bestaand


def _eerste_stap() -> Ladderstap:
    stap = Ladderstap.objects.actief().order_by("volgorde").first()
    if stap is None:
        raise Domeinfout(
            _("No step of the de-escalation ladder is in use; ask the policy officer to set up the ladder.")
        )
    return stap


def _controleer_velden(
    *,
    sinds: date,
    heeft_opp: bool,
    opp_datum: date | None,
    onderwijs_uren: Decimal,
    volgende_actie_datum: date | None = None,
) -> None:
    controleer_niet_in_toekomst(sinds, "sinds", _("The since-date"))
    if heeft_opp and opp_datum is None:
        raise Domeinfout({"opp_datum": _("Enter the date of the OPP, or untick that the pupil has an OPP.")})
    if not heeft_opp and opp_datum is not None:
        raise Domeinfout({"opp_datum": _("An OPP date is only possible when the pupil has an OPP.")})
    controleer_niet_in_toekomst(opp_datum, "opp_datum", _("The date of the OPP"))
    if onderwijs_uren is None or not (Decimal(0) <= Decimal(onderwijs_uren) <= Decimal(40)):
        raise Domeinfout({"onderwijs_uren": _("The hours of education per week must be between 0 and 40.")})
    if volgende_actie_datum is not None and volgende_actie_datum < sinds:
        raise Domeinfout({"volgende_actie_datum": _("The date of the next action cannot be before the since-date.")})


@transaction.atomic
def thuiszitter_registreren(
    *,
    door,
    leerling: Leerling,
    soort: str,
    reden: str,
    sinds: date,
    reden_toelichting: str = "",
    heeft_opp: bool = False,
    opp_datum: date | None = None,
    onderwijs_uren: Decimal = Decimal(0),
    plan: str = "",
    volgende_actie: str = "",
    volgende_actie_datum: date | None = None,
    gemeente: Gemeente | None = None,
    partners: list[Ketenpartner] | tuple = (),
    uuid: uuidlib.UUID | None = None,
) -> Thuiszittercasus:
    """Register a thuiszitter case on the first step of the ladder.

    For an enrolled pupil the case belongs to the pupil's current school (ib-er, directeur or
    consulent of that school may register it); a child without enrolment can only be registered by
    a consulent or the beleidsmedewerker and needs a municipality. The type must fit: absoluut
    verzuim means not enrolled, (langdurig) relatief verzuim and a threatened case mean enrolled.
    """
    if (bestaand := _bestaande_bij_dubbel_verzenden(Thuiszittercasus, uuid, door)) is not None:
        return bestaand
    vandaag = timezone.localdate()
    inschrijving = Inschrijving.objects.filter(leerling=leerling).actief_op(vandaag).select_related("school").first()
    school = inschrijving.school if inschrijving else None
    if school is not None:
        if not (
            school.pk in school_ids(door, [Rol.IB_ER, Rol.DIRECTEUR, Rol.CONSULENT])
            or heeft_rol(door, Rol.BELEIDSMEDEWERKER)
        ):
            raise Domeinfout(_("You can only register a case for a pupil of your own school(s)."))
        gemeente = school.gemeente
        if soort in Thuiszittercasus.SOORTEN_ZONDER_SCHOOL:
            raise Domeinfout(
                {
                    "soort": _(
                        "This pupil is enrolled at a school: choose long-term relative absence instead of absolute absence."
                    )
                }
            )
    else:
        if not heeft_rol(door, Rol.CONSULENT, Rol.BELEIDSMEDEWERKER):
            raise Domeinfout(_("Only a consulent or the policy officer can register a child without enrolment."))
        if soort in Thuiszittercasus.SOORTEN_MET_SCHOOL:
            raise Domeinfout(
                {
                    "soort": _(
                        "This child is not enrolled at a school: choose absolute absence, an exemption or a dispensation."
                    )
                }
            )
        if gemeente is None:
            raise Domeinfout({"gemeente": _("Choose the municipality where the child lives.")})
    if soort not in Thuiszittercasus.Soort.values:
        raise Domeinfout({"soort": _("Choose a type.")})
    if reden not in Thuiszittercasus.Reden.values:
        raise Domeinfout({"reden": _("Choose a reason.")})
    _controleer_velden(
        sinds=sinds,
        heeft_opp=heeft_opp,
        opp_datum=opp_datum,
        onderwijs_uren=onderwijs_uren,
        volgende_actie_datum=volgende_actie_datum,
    )
    controleer_leeftijd(
        leerling.geboortedatum,
        sinds,
        minimum=conf.thuiszitters_minimum_leeftijd(),
        maximum=conf.thuiszitters_maximum_leeftijd(),
        veld="sinds",
    )
    if Thuiszittercasus.objects.filter(leerling=leerling, status=Thuiszittercasus.Status.ACTIEF).exists():
        raise Domeinfout(_("A thuiszitter case is already active for this pupil; open that case instead."))

    stap = _eerste_stap()
    try:
        with transaction.atomic():
            casus = Thuiszittercasus.objects.create(
                uuid=uuid or uuidlib.uuid4(),
                leerling=leerling,
                school=school,
                gemeente=gemeente,
                regisseur=door if heeft_rol(door, Rol.CONSULENT) else None,
                soort=soort,
                reden=reden,
                reden_toelichting=reden_toelichting,
                sinds=sinds,
                heeft_opp=heeft_opp,
                opp_datum=opp_datum,
                onderwijs_uren=onderwijs_uren,
                huidige_stap=stap,
                plan=plan,
                volgende_actie=volgende_actie,
                volgende_actie_datum=volgende_actie_datum,
                aangemaakt_door=door,
            )
    except IntegrityError:
        # A concurrent registration for the same pupil won the race (one active case per pupil).
        raise Domeinfout(_("A thuiszitter case is already active for this pupil; open that case instead.")) from None
    if partners:
        casus.partners.set(partners)
    Ladderstapwijziging.objects.create(casus=casus, van_stap=None, naar_stap=stap, door=door)
    status_vastleggen(casus, van="", naar=casus.status, door=door)
    controleer_nog_zichtbaar(casus, door)
    return casus


@transaction.atomic
def thuiszitter_registreren_zonder_inschrijving(
    *,
    door,
    voornaam: str,
    tussenvoegsel: str = "",
    achternaam: str,
    geboortedatum: date,
    gemeente: Gemeente,
    uuid: uuidlib.UUID | None = None,
    **velden,
) -> Thuiszittercasus:
    """Register a child without enrolment (absoluut verzuim; the child may be unknown to the portal)."""
    if (bestaand := _bestaande_bij_dubbel_verzenden(Thuiszittercasus, uuid, door)) is not None:
        return bestaand
    if not heeft_rol(door, Rol.CONSULENT, Rol.BELEIDSMEDEWERKER):
        raise Domeinfout(_("Only a consulent or the policy officer can register a child without enrolment."))
    leerling = leerling_zonder_inschrijving_aanmaken(
        voornaam=voornaam, tussenvoegsel=tussenvoegsel, achternaam=achternaam, geboortedatum=geboortedatum
    )
    return thuiszitter_registreren(door=door, leerling=leerling, gemeente=gemeente, uuid=uuid, **velden)


def _vergrendel(casus: Thuiszittercasus, door, action: str, *, versie: int | None = None) -> Thuiszittercasus:
    """Lock the row (select_for_update) through the user's scope; check state and version."""
    vergrendeld = Thuiszittercasus.objects.visible_to(door, action).select_for_update().filter(pk=casus.pk).first()
    if vergrendeld is None:
        raise Domeinfout(_("You may not change this case."))
    if vergrendeld.status != Thuiszittercasus.Status.ACTIEF:
        raise Domeinfout(_("This case is closed and can no longer be changed."))
    if versie is not None and vergrendeld.versie != versie:
        raise Domeinfout(
            _("Someone else changed this case in the meantime. Reload the page and make your change again.")
        )
    return vergrendeld


@transaction.atomic
def thuiszitter_wijzigen(
    *,
    door,
    casus: Thuiszittercasus,
    versie: int,
    reden: str,
    reden_toelichting: str,
    heeft_opp: bool,
    opp_datum: date | None,
    onderwijs_uren: Decimal,
    plan: str,
    volgende_actie: str,
    volgende_actie_datum: date | None,
) -> Thuiszittercasus:
    """Update the case's details (reason, OPP, hours, plan and next action); detects concurrent edits."""
    casus = _vergrendel(casus, door, "change", versie=versie)
    if reden not in Thuiszittercasus.Reden.values:
        raise Domeinfout({"reden": _("Choose a reason.")})
    _controleer_velden(
        sinds=casus.sinds,
        heeft_opp=heeft_opp,
        opp_datum=opp_datum,
        onderwijs_uren=onderwijs_uren,
        volgende_actie_datum=volgende_actie_datum,
    )
    casus.reden, casus.reden_toelichting = reden, reden_toelichting
    casus.heeft_opp, casus.opp_datum, casus.onderwijs_uren = heeft_opp, opp_datum, onderwijs_uren
    casus.plan, casus.volgende_actie, casus.volgende_actie_datum = plan, volgende_actie, volgende_actie_datum
    casus.versie += 1
    casus.save()
    controleer_nog_zichtbaar(casus, door)
    return casus


@transaction.atomic
def thuiszitter_stap_wijzigen(
    *, door, casus: Thuiszittercasus, naar_stap: Ladderstap, van_stap: Ladderstap | None = None, reden: str = ""
) -> Ladderstapwijziging:
    """Move the case on the de-escalatieladder. Skipping steps upwards needs a reason; moving down
    (de-escalating) is allowed. ``van_stap`` is the step the user saw: if another user moved the
    case meanwhile the move is refused instead of silently overwriting it."""
    casus = _vergrendel(casus, door, "regie")
    if van_stap is not None and casus.huidige_stap_id != van_stap.pk:
        raise Domeinfout(_("Someone else moved this case on the ladder in the meantime. Reload the page."))
    if not naar_stap.actief:
        raise Domeinfout({"naar_stap": _("This step is no longer in use.")})
    if naar_stap.pk == casus.huidige_stap_id:
        raise Domeinfout({"naar_stap": _("The case is already on this step.")})
    huidige = casus.huidige_stap
    overgeslagen = (
        Ladderstap.objects.actief().filter(volgorde__gt=huidige.volgorde, volgorde__lt=naar_stap.volgorde).count()
    )
    reden = reden.strip()
    if overgeslagen and not reden:
        raise Domeinfout(
            {
                "reden": ngettext(
                    "You skip %(n)s step of the ladder: give the reason.",
                    "You skip %(n)s steps of the ladder: give the reason.",
                    overgeslagen,
                )
                % {"n": overgeslagen}
            }
        )
    wijziging = Ladderstapwijziging.objects.create(
        casus=casus, van_stap=huidige, naar_stap=naar_stap, overgeslagen=overgeslagen, reden=reden, door=door
    )
    casus.huidige_stap = naar_stap
    casus.versie += 1
    casus.save(update_fields=["huidige_stap", "versie", "gewijzigd"])
    controleer_nog_zichtbaar(casus, door)
    return wijziging


@transaction.atomic
def thuiszitter_partner_koppelen(*, door, casus: Thuiszittercasus, partner: Ketenpartner) -> None:
    casus = _vergrendel(casus, door, "regie")
    if not partner.actief:
        raise Domeinfout({"partner": _("This partner is no longer active.")})
    if casus.partners.filter(pk=partner.pk).exists():
        raise Domeinfout({"partner": _("This partner is already linked to the case.")})
    casus.partners.add(partner)
    casus.versie += 1
    casus.save(update_fields=["versie", "gewijzigd"])


@transaction.atomic
def thuiszitter_partner_ontkoppelen(*, door, casus: Thuiszittercasus, partner: Ketenpartner) -> None:
    casus = _vergrendel(casus, door, "regie")
    casus.partners.remove(partner)
    casus.versie += 1
    casus.save(update_fields=["versie", "gewijzigd"])


@transaction.atomic
def ketenpartner_aanmaken(
    *, door, soort: str, organisatie: str, naam: str, telefoon: str = "", email: str = ""
) -> Ketenpartner:
    """A new external contact (leerplicht, jeugdteam ...), reusable for other cases."""
    if not heeft_rol(door, Rol.CONSULENT, Rol.BELEIDSMEDEWERKER):
        raise Domeinfout(_("You may not add chain partners."))
    if soort not in Ketenpartner.Soort.values:
        raise Domeinfout({"soort": _("Choose the kind of partner.")})
    if Ketenpartner.objects.filter(organisatie__iexact=organisatie.strip(), naam__iexact=naam.strip()).exists():
        raise Domeinfout(
            {"naam": _("This contact person of this organisation already exists; choose it from the list.")}
        )
    return Ketenpartner.objects.create(
        soort=soort, organisatie=organisatie.strip(), naam=naam.strip(), telefoon=telefoon.strip(), email=email.strip()
    )


@transaction.atomic
def thuiszitter_afsluiten(
    *,
    door,
    casus: Thuiszittercasus,
    einddatum: date,
    uitkomst: str,
    geplaatst_school: School | None = None,
    toelichting: str = "",
) -> Thuiszittercasus:
    """Close the case with its outcome (``actief`` -> ``afgesloten``). A placement names the school
    (a school of the partnership, or one outside it in the explanation)."""
    casus = _vergrendel(casus, door, "regie")
    if einddatum < casus.sinds:
        raise Domeinfout(
            {
                "einddatum": _("The end date cannot be before the since-date (%(datum)s).")
                % {"datum": date_format(casus.sinds, "j F Y")}
            }
        )
    controleer_niet_in_toekomst(einddatum, "einddatum", _("The end date"))
    if uitkomst not in Thuiszittercasus.Uitkomst.values:
        raise Domeinfout({"uitkomst": _("Choose the outcome.")})
    if uitkomst in Thuiszittercasus.UITKOMSTEN_MET_SCHOOL and geplaatst_school is None and not toelichting.strip():
        raise Domeinfout(
            {
                "geplaatst_school": _(
                    "Choose the school of the placement, or name a school outside the partnership in the explanation."
                )
            }
        )
    if uitkomst not in Thuiszittercasus.UITKOMSTEN_MET_SCHOOL:
        geplaatst_school = None
    casus = overgang(
        casus,
        Thuiszittercasus.Status.AFGESLOTEN,
        door=door,
        reden=str(Thuiszittercasus.Uitkomst(uitkomst).label),
        velden={
            "einddatum": einddatum,
            "uitkomst": uitkomst,
            "geplaatst_school": geplaatst_school,
            "uitkomst_toelichting": toelichting,
        },
    )
    controleer_nog_zichtbaar(casus, door)
    return casus


@transaction.atomic
def ladderstap_opslaan(
    *, door, stap: Ladderstap | None = None, volgorde: int, naam: str, omschrijving: str = "", actief: bool = True
) -> Ladderstap:
    """Add or change a step of the de-escalatieladder (beleidsmedewerker). A step on which active
    cases stand cannot be taken out of use."""
    if not heeft_rol(door, Rol.BELEIDSMEDEWERKER, Rol.BEHEERDER):
        raise Domeinfout(_("You may not change the de-escalation ladder."))
    andere = Ladderstap.objects.exclude(pk=stap.pk) if stap else Ladderstap.objects.all()
    if volgorde < 1:
        raise Domeinfout({"volgorde": _("The order must be 1 or higher.")})
    if andere.filter(volgorde=volgorde).exists():
        raise Domeinfout({"volgorde": _("Another step already has this order number.")})
    if andere.filter(naam__iexact=naam.strip()).exists():
        raise Domeinfout({"naam": _("Another step already has this name.")})
    if stap is not None and stap.actief and not actief:
        lopend = Thuiszittercasus.objects.filter(huidige_stap=stap, status=Thuiszittercasus.Status.ACTIEF).count()
        if lopend:
            raise Domeinfout(
                {
                    "actief": ngettext(
                        "%(n)s active case stands on this step; move it first.",
                        "%(n)s active cases stand on this step; move them first.",
                        lopend,
                    )
                    % {"n": lopend}
                }
            )
    stap = stap or Ladderstap()
    stap.volgorde, stap.naam, stap.omschrijving, stap.actief = volgorde, naam.strip(), omschrijving, actief
    stap.save()
    return stap


@transaction.atomic
def thuiszitters_export_starten(*, door, datum: date, filters: dict, request=None):
    """Start the Excel export of the cases active on ``datum`` (the same selector as the list),
    access-logged with the number of cases the user may see."""
    from leerlingen.selectors.thuiszitters import thuiszitters_actief_op
    from swv.protocol import log_export
    from swv.taken import taak_starten

    if not heeft_rol(door, Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.CONSULENT, Rol.IB_ER, Rol.DIRECTEUR):
        raise Domeinfout(_("You may not export thuiszitter cases."))
    aantal = thuiszitters_actief_op(door, datum, **filters).count()
    log_export(gebruiker=door, gebeurtenis="thuiszitters_excel", aantal=aantal, request=request)
    return taak_starten(
        soort="thuiszitters_excel",
        omschrijving=_("Thuiszitters active on %(datum)s (Excel)") % {"datum": date_format(datum, "j F Y")},
        aangevraagd_door=door,
        parameters={"datum": datum.isoformat(), **{k: v for k, v in filters.items() if v}},
    )
