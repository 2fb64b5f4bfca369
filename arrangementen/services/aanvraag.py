"""Writes of the school's side of a request: make it (concept), change it, the directeur's
agreement, submit it, withdraw it. Each transition is one service (PROCESSES.md 2)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from arrangementen import conf
from arrangementen.budget import rond, tariefbedrag
from arrangementen.choices import (
    BEZETTENDE_STATUSSEN,
    INTREKBARE_STATUSSEN,
    AanvraagStatus,
    Kostenwijze,
    Meldingsoort,
)
from arrangementen.models import Aanvraag, Arrangementtype, Begrotingsregel, Evaluatiemoment
from arrangementen.services.basis import vergrendel
from arrangementen.services.fouten import AanvraagFout
from arrangementen.services.meldingen import beoordelaars_van, meldingen_maken
from leerlingen.choices import MDOStatus, Uitkomstsoort
from leerlingen.models import Dossier, Inschrijving, Leerling, MDOUitkomst
from swv.access import school_ids
from swv.choices import Rol
from swv.overgangen import overgang, status_vastleggen

HONDERD = Decimal("100")


@dataclass(frozen=True)
class Aanvraaginhoud:
    """What the school writes in a request. ``bijdrage_school``/``bijdrage_gemeente`` left ``None``
    follow the catalogue's funding split; ``begrotingsregels`` are (item, amount) pairs."""

    begindatum: date
    einddatum: date
    ondersteuningsbehoefte: str = ""
    doelen: str = ""
    inzet_wat: str = ""
    inzet_wie: str = ""
    uren_per_week: Decimal | None = None
    kostenwijze: str = Kostenwijze.TARIEF
    begrotingsregels: tuple = field(default_factory=tuple)
    bijdrage_school: Decimal | None = None
    bijdrage_gemeente: Decimal | None = None
    ouders_visie: str = ""
    ouders_toestemming: bool = False
    ouders_toestemming_datum: date | None = None
    kind_visie: str = ""
    kind_visie_ontbreekt: str = ""
    evaluatiedata: tuple = field(default_factory=tuple)


TEKSTVELDEN = (
    "ondersteuningsbehoefte",
    "doelen",
    "inzet_wat",
    "inzet_wie",
    "uren_per_week",
    "begindatum",
    "einddatum",
    "kostenwijze",
    "ouders_visie",
    "ouders_toestemming",
    "ouders_toestemming_datum",
    "kind_visie",
    "kind_visie_ontbreekt",
)
BEDRAGVELDEN = ("totale_kosten", "bijdrage_school", "bijdrage_gemeente", "gevraagd_bedrag")


def _controleer_periode(inhoud: Aanvraaginhoud) -> list[date]:
    if inhoud.einddatum <= inhoud.begindatum:
        raise AanvraagFout(_("The end date must be after the start date."))
    laatste = inhoud.einddatum + timedelta(days=conf.evaluatie_na_einde_dagen())
    data = sorted(set(inhoud.evaluatiedata))
    for d in data:
        if not (inhoud.begindatum <= d <= laatste):
            raise AanvraagFout(
                _(
                    "Evaluation moment %(datum)s is outside the arrangement (from %(begin)s until %(eind)s after the end)."
                )
                % {
                    "datum": date_format(d, "j F Y"),
                    "begin": date_format(inhoud.begindatum, "j F Y"),
                    "eind": date_format(laatste, "j F Y"),
                }
            )
    return data


def bereken_kosten(arrangementtype: Arrangementtype, inhoud: Aanvraaginhoud) -> dict[str, Decimal]:
    """Total cost (tariff or itemised budget), the contributions of school and municipality (the
    catalogue's split unless given) and what remains to be asked of the SWV."""
    if inhoud.kostenwijze == Kostenwijze.TARIEF:
        if arrangementtype.tarief is None:
            raise AanvraagFout(_("This arrangement type has no tariff: add an itemised budget."))
        if arrangementtype.tarief_eenheid == "uur" and not inhoud.uren_per_week:
            raise AanvraagFout(_("This tariff is per hour: give the number of hours per week."))
        totaal = tariefbedrag(
            tarief=arrangementtype.tarief,
            eenheid=arrangementtype.tarief_eenheid,
            begin=inhoud.begindatum,
            eind=inhoud.einddatum,
            uren_per_week=inhoud.uren_per_week,
        )
    else:
        if not inhoud.begrotingsregels:
            raise AanvraagFout(_("Add at least one line to the itemised budget."))
        totaal = rond(sum((Decimal(b) for _o, b in inhoud.begrotingsregels), Decimal("0")))
    school = (
        rond(totaal * arrangementtype.aandeel_school_pct / HONDERD)
        if inhoud.bijdrage_school is None
        else rond(inhoud.bijdrage_school)
    )
    gemeente = (
        rond(totaal * arrangementtype.aandeel_gemeente_pct / HONDERD)
        if inhoud.bijdrage_gemeente is None
        else rond(inhoud.bijdrage_gemeente)
    )
    if school < 0 or gemeente < 0:
        raise AanvraagFout(_("Contributions cannot be negative."))
    if school + gemeente > totaal:
        raise AanvraagFout(_("The contributions of school and municipality are more than the total cost."))
    return {
        "totale_kosten": totaal,
        "bijdrage_school": school,
        "bijdrage_gemeente": gemeente,
        "gevraagd_bedrag": totaal - school - gemeente,
    }


def controleer_overlap(
    *,
    leerling_id: int,
    arrangementtype_id: int,
    begin: date,
    eind: date,
    behalve: int | None = None,
    vorige: int | None = None,
) -> None:
    """Periods of one pupil and type do not overlap, except an extension with its predecessor."""
    qs = Aanvraag.objects.filter(
        leerling_id=leerling_id,
        arrangementtype_id=arrangementtype_id,
        status__in=BEZETTENDE_STATUSSEN,
        begindatum__lte=eind,
        einddatum__gte=begin,
    )
    for pk in (behalve, vorige):
        if pk:
            qs = qs.exclude(pk=pk)
    ander = qs.order_by("begindatum").first()
    if ander is not None:
        raise AanvraagFout(
            _(
                "This pupil already has a request or arrangement of this type in this period (%(nummer)s, %(begin)s – "
                "%(eind)s). Periods may not overlap; extend that arrangement instead, or choose another period."
            )
            % {
                "nummer": ander.nummer,
                "begin": date_format(ander.begindatum, "j F Y"),
                "eind": date_format(ander.einddatum, "j F Y"),
            }
        )


def _nieuw_nummer() -> str:
    prefix = f"ARR-{timezone.localdate().year}-"
    laatste = (
        Aanvraag.objects.filter(nummer__startswith=prefix).order_by("-nummer").values_list("nummer", flat=True).first()
    )
    return f"{prefix}{(int(laatste.rsplit('-', 1)[1]) + 1) if laatste else 1:05d}"


def _schrijf_onderdelen(aanvraag: Aanvraag, inhoud: Aanvraaginhoud, evaluatiedata: list[date]) -> None:
    aanvraag.begrotingsregels.all().delete()
    if aanvraag.kostenwijze == Kostenwijze.BEGROTING:
        Begrotingsregel.objects.bulk_create(
            Begrotingsregel(aanvraag=aanvraag, omschrijving=o, bedrag=rond(Decimal(b)), volgorde=i)
            for i, (o, b) in enumerate(inhoud.begrotingsregels)
        )
    aanvraag.evaluatiemomenten.filter(evaluatie__isnull=True).delete()
    Evaluatiemoment.objects.bulk_create(Evaluatiemoment(aanvraag=aanvraag, datum=d) for d in evaluatiedata)


def _controleer_uitkomst(mdo_uitkomst: MDOUitkomst, leerling: Leerling, door) -> None:
    geldig = (
        MDOUitkomst.objects.visible_to(door)
        .filter(
            pk=mdo_uitkomst.pk,
            soort=Uitkomstsoort.ARRANGEMENTAANVRAAG,
            mdo__status=MDOStatus.GEHOUDEN,
            mdo__dossier__leerling=leerling,
        )
        .exists()
    )
    if not geldig:
        raise AanvraagFout(_("This MDO outcome is not an arrangement request of a held MDO about this pupil."))


@transaction.atomic
def aanvraag_aanmaken(
    *,
    door,
    leerling: Leerling,
    arrangementtype: Arrangementtype,
    inhoud: Aanvraaginhoud,
    idempotentiesleutel=None,
    mdo_uitkomst: MDOUitkomst | None = None,
    vorige: Aanvraag | None = None,
) -> Aanvraag:
    """Make a concept request for a pupil of the ib-er's school (from an MDO outcome if given).

    Safe against double submission: a repeated ``idempotentiesleutel`` returns the request it made,
    and the pupil's row is locked while the no-overlap rule is checked.
    """
    leerling = Leerling.objects.select_for_update().get(pk=leerling.pk)
    if idempotentiesleutel:
        bestaand = Aanvraag.objects.filter(idempotentiesleutel=idempotentiesleutel, aangemaakt_door=door).first()
        if bestaand is not None:
            return bestaand
    if not Leerling.objects.visible_to(door, "change").filter(pk=leerling.pk).exists():
        raise AanvraagFout(_("You may not file a request for this pupil."))
    inschrijving = (
        Inschrijving.objects.actief_op()
        .filter(leerling=leerling, school_id__in=school_ids(door, [Rol.IB_ER]))
        .select_related("school")
        .first()
    )
    if inschrijving is None:
        raise AanvraagFout(_("The pupil is not currently enrolled at your school."))
    if not arrangementtype.actief:
        raise AanvraagFout(_("This arrangement type can no longer be requested."))
    mdo = None
    if mdo_uitkomst is not None:
        _controleer_uitkomst(mdo_uitkomst, leerling, door)
        mdo = mdo_uitkomst.mdo
        dossier: Dossier | None = mdo.dossier
    else:
        dossier = Dossier.objects.filter(leerling=leerling, school=inschrijving.school).actief().first()
    evaluatiedata = _controleer_periode(inhoud)
    kosten = bereken_kosten(arrangementtype, inhoud)
    controleer_overlap(
        leerling_id=leerling.pk,
        arrangementtype_id=arrangementtype.pk,
        begin=inhoud.begindatum,
        eind=inhoud.einddatum,
        vorige=vorige.pk if vorige else None,
    )
    velden = {v: getattr(inhoud, v) for v in TEKSTVELDEN}
    for poging in range(5):
        try:
            with transaction.atomic():
                aanvraag = Aanvraag.objects.create(
                    nummer=_nieuw_nummer(),
                    idempotentiesleutel=idempotentiesleutel,
                    leerling=leerling,
                    school=inschrijving.school,
                    dossier=dossier,
                    mdo=mdo,
                    mdo_uitkomst=mdo_uitkomst,
                    arrangementtype=arrangementtype,
                    vorige=vorige,
                    beoordelaar=arrangementtype.effectieve_beoordelaar,
                    aangemaakt_door=door,
                    **velden,
                    **kosten,
                )
            break
        except IntegrityError:
            # Another request took the number (or the same key/period) at the same moment.
            if idempotentiesleutel and Aanvraag.objects.filter(idempotentiesleutel=idempotentiesleutel).exists():
                return Aanvraag.objects.get(idempotentiesleutel=idempotentiesleutel)
            if poging == 4:
                raise AanvraagFout(_("The request could not be saved because of a simultaneous change; try again."))
    _schrijf_onderdelen(aanvraag, inhoud, evaluatiedata)
    status_vastleggen(
        aanvraag,
        van="",
        naar=AanvraagStatus.CONCEPT,
        door=door,
        reden=_("Extension of %(nummer)s") % {"nummer": vorige.nummer} if vorige else "",
    )
    return aanvraag


@transaction.atomic
def aanvraag_wijzigen(
    *, aanvraag: Aanvraag, door, inhoud: Aanvraaginhoud, versie: int, arrangementtype: Arrangementtype | None = None
) -> Aanvraag:
    """Change a concept, or a request the assessor asked to complete. A change of a concept undoes
    the directeur's agreement (they agreed to what it said then)."""
    Leerling.objects.select_for_update().filter(pk=aanvraag.leerling_id).first()
    aanvraag = vergrendel(
        aanvraag,
        door=door,
        actie="change",
        versie=versie,
        statussen=(AanvraagStatus.CONCEPT, AanvraagStatus.AANVULLING_GEVRAAGD),
    )
    if arrangementtype is not None and arrangementtype.pk != aanvraag.arrangementtype_id:
        if aanvraag.status != AanvraagStatus.CONCEPT:
            raise AanvraagFout(_("The arrangement type can only be changed in a concept."))
        if not arrangementtype.actief:
            raise AanvraagFout(_("This arrangement type can no longer be requested."))
        aanvraag.arrangementtype = arrangementtype
        aanvraag.beoordelaar = arrangementtype.effectieve_beoordelaar
    evaluatiedata = _controleer_periode(inhoud)
    kosten = bereken_kosten(aanvraag.arrangementtype, inhoud)
    controleer_overlap(
        leerling_id=aanvraag.leerling_id,
        arrangementtype_id=aanvraag.arrangementtype_id,
        begin=inhoud.begindatum,
        eind=inhoud.einddatum,
        behalve=aanvraag.pk,
        vorige=aanvraag.vorige_id,
    )
    for veld in TEKSTVELDEN:
        setattr(aanvraag, veld, getattr(inhoud, veld))
    for veld, waarde in kosten.items():
        setattr(aanvraag, veld, waarde)
    if aanvraag.status == AanvraagStatus.CONCEPT:
        aanvraag.directeur_akkoord_door = None
        aanvraag.directeur_akkoord_op = None
    aanvraag.versie += 1
    aanvraag.save()
    _schrijf_onderdelen(aanvraag, inhoud, evaluatiedata)
    return aanvraag


@transaction.atomic
def aanvraag_instemmen(*, aanvraag: Aanvraag, door) -> Aanvraag:
    """The directeur of the school agrees to the concept (required before submission when the type
    or the SWV's setting says so). Agreeing twice changes nothing."""
    aanvraag = vergrendel(aanvraag, door=door, actie="instemmen", statussen=(AanvraagStatus.CONCEPT,))
    if aanvraag.directeur_akkoord_op is None:
        aanvraag.directeur_akkoord_door = door
        aanvraag.directeur_akkoord_op = timezone.now()
        aanvraag.save(update_fields=["directeur_akkoord_door", "directeur_akkoord_op"])
    return aanvraag


def ontbrekend_voor_indienen(aanvraag: Aanvraag) -> list[str]:
    """What must be filled in before the request can be submitted (the hard requirements)."""
    ontbreekt = []
    if not aanvraag.ondersteuningsbehoefte.strip():
        ontbreekt.append(_("Describe the support need the arrangement answers."))
    if not aanvraag.doelen.strip():
        ontbreekt.append(_("State the goals (SMART)."))
    if not aanvraag.inzet_wat.strip() or not aanvraag.inzet_wie.strip():
        ontbreekt.append(_("Say what will be done and who provides it."))
    if aanvraag.totale_kosten <= 0:
        ontbreekt.append(_("State the cost of the arrangement."))
    if not aanvraag.ouders_toestemming:
        ontbreekt.append(_("The parents' consent is required."))
    if not aanvraag.kind_visie.strip() and not aanvraag.kind_visie_ontbreekt.strip():
        ontbreekt.append(_("Give the child's view, or explain why it is missing."))
    if not aanvraag.evaluatiemomenten.exists():
        ontbreekt.append(_("Plan at least one evaluation moment."))
    if aanvraag.arrangementtype.instemming_vereist and aanvraag.directeur_akkoord_op is None:
        ontbreekt.append(_("The school head has not yet agreed to the request."))
    return ontbreekt


def _ontbreekt_fout(ontbreekt: list[str]) -> AanvraagFout:
    return AanvraagFout(_("The request cannot be submitted yet: %(punten)s") % {"punten": " ".join(ontbreekt)})


@transaction.atomic
def aanvraag_indienen(*, aanvraag: Aanvraag, door, versie: int | None = None) -> Aanvraag:
    """``concept`` -> ``ingediend``: the request goes to its assessors (who are notified)."""
    aanvraag = vergrendel(aanvraag, door=door, actie="change", statussen=(AanvraagStatus.CONCEPT,), versie=versie)
    ontbreekt = ontbrekend_voor_indienen(aanvraag)
    if ontbreekt:
        raise _ontbreekt_fout(ontbreekt)
    nu = timezone.now()
    aanvraag.beoordelaar = aanvraag.arrangementtype.effectieve_beoordelaar
    aanvraag.ingediend_op = aanvraag.laatst_ingediend_op = nu
    overgang(
        aanvraag, AanvraagStatus.INGEDIEND, door=door, velden=("beoordelaar", "ingediend_op", "laatst_ingediend_op")
    )
    meldingen_maken(
        soort=Meldingsoort.INGEDIEND, aanvraag=aanvraag, ontvangers=beoordelaars_van(aanvraag), behalve=door
    )
    return aanvraag


@transaction.atomic
def aanvraag_intrekken(*, aanvraag: Aanvraag, door, reden: str) -> Aanvraag:
    """The school withdraws the request (also a granted one that has not started: its commitment
    is released). The reason is required."""
    if not reden.strip():
        raise AanvraagFout(_("Give the reason for withdrawing the request."))
    aanvraag = vergrendel(aanvraag, door=door, actie="change", statussen=INTREKBARE_STATUSSEN)
    return overgang(aanvraag, AanvraagStatus.INGETROKKEN, door=door, reden=reden.strip())
