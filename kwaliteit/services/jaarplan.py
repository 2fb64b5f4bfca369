"""Writes of the jaarplan: the plan and its structure (draft only), adoption, evaluations."""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import formats
from django.utils.translation import gettext as _

from kwaliteit import conf
from kwaliteit.choices import EvaluatieStatus, JaarplanStatus, Richting
from kwaliteit.models import Actie, Ambitie, Doel, DoelEvaluatie, Evaluatiemoment, Jaarplan
from kwaliteit.services.fouten import KwaliteitFout, KwaliteitOngeldigeOvergang
from kwaliteit.services.historie import controleer_versie
from swv.access import heeft_rol
from swv.overgangen import overgang, status_vastleggen


def _vereis_rol(door, rollen) -> None:
    if not heeft_rol(door, *rollen):
        raise PermissionDenied


def _vereis_concept(jaarplan: Jaarplan) -> None:
    if jaarplan.status != JaarplanStatus.CONCEPT:
        raise KwaliteitFout(_("This annual plan has been adopted; reopen it before changing its structure."))


@transaction.atomic
def jaarplan_aanmaken(*, jaar: int, titel: str, inleiding: str = "", door) -> Jaarplan:
    """A new draft plan with the default evaluation moments (end of June and of October)."""
    _vereis_rol(door, conf.JAARPLAN_BEWERKEN)
    if Jaarplan.objects.filter(jaar=jaar).exists():
        raise KwaliteitFout(_("There is already an annual plan for %(jaar)s.") % {"jaar": jaar})
    try:
        with transaction.atomic():
            plan = Jaarplan.objects.create(jaar=jaar, titel=titel, inleiding=inleiding)
    except IntegrityError:  # a concurrent submit created it first
        raise KwaliteitFout(_("There is already an annual plan for %(jaar)s.") % {"jaar": jaar})
    for maand in conf.evaluatiemaanden():
        datum = date(jaar, maand, calendar.monthrange(jaar, maand)[1])
        Evaluatiemoment.objects.create(jaarplan=plan, naam=formats.date_format(datum, "F").capitalize(), datum=datum)
    status_vastleggen(plan, van="", naar=plan.status, door=door, reden=_("created"))
    return plan


@transaction.atomic
def jaarplan_bijwerken(*, jaarplan: Jaarplan, titel: str, inleiding: str, versie: int | None, door) -> Jaarplan:
    _vereis_rol(door, conf.JAARPLAN_BEWERKEN)
    jaarplan = Jaarplan.objects.select_for_update().get(pk=jaarplan.pk)
    _vereis_concept(jaarplan)
    controleer_versie(jaarplan, versie)
    jaarplan.titel, jaarplan.inleiding = titel, inleiding
    jaarplan.versie += 1
    jaarplan.save(update_fields=["titel", "inleiding", "versie"])
    return jaarplan


def _overgang(*, jaarplan: Jaarplan, van: str, naar: str, door, reden: str) -> Jaarplan:
    """Only one of two concurrent transitions wins; the other gets a domain error."""
    bericht = (
        _("This annual plan is not a draft.")
        if van == JaarplanStatus.CONCEPT
        else _("This annual plan is not adopted.")
    )
    return overgang(jaarplan, naar, van={van}, door=door, reden=reden, bericht=bericht, fout=KwaliteitOngeldigeOvergang)


@transaction.atomic
def jaarplan_vaststellen(*, jaarplan: Jaarplan, door) -> Jaarplan:
    """Draft -> adopted (the DB). A plan without goals cannot be adopted."""
    _vereis_rol(door, conf.JAARPLAN_VASTSTELLEN)
    if not Doel.objects.filter(jaarplan=jaarplan).exists():
        raise KwaliteitFout(_("An annual plan without goals cannot be adopted."))
    return _overgang(
        jaarplan=jaarplan, van=JaarplanStatus.CONCEPT, naar=JaarplanStatus.VASTGESTELD, door=door, reden=""
    )


@transaction.atomic
def jaarplan_heropenen(*, jaarplan: Jaarplan, door, reden: str) -> Jaarplan:
    """Adopted -> draft (the DB), with a reason; evaluations stay."""
    _vereis_rol(door, conf.JAARPLAN_VASTSTELLEN)
    if not reden.strip():
        raise KwaliteitFout(_("Give a reason for reopening the plan."))
    return _overgang(
        jaarplan=jaarplan, van=JaarplanStatus.VASTGESTELD, naar=JaarplanStatus.CONCEPT, door=door, reden=reden
    )


@transaction.atomic
def ambitie_opslaan(
    *, jaarplan: Jaarplan, nummer: int, titel: str, omschrijving: str = "", ambitie: Ambitie | None = None, door
) -> Ambitie:
    _vereis_rol(door, conf.JAARPLAN_BEWERKEN)
    _vereis_concept(Jaarplan.objects.select_for_update().get(pk=jaarplan.pk))
    zelfde = Ambitie.objects.filter(jaarplan=jaarplan, nummer=nummer)
    if (zelfde.exclude(pk=ambitie.pk) if ambitie else zelfde).exists():
        raise KwaliteitFout(_("This plan already has an ambition with number %(n)s.") % {"n": nummer})
    ambitie = ambitie or Ambitie(jaarplan=jaarplan)
    ambitie.nummer, ambitie.titel, ambitie.omschrijving = nummer, titel, omschrijving
    ambitie.save()
    return ambitie


def _controleer_indicator(*, richting: str, nulmeting, streefwaarde, kengetal: str) -> None:
    from kwaliteit.kengetallen import indicator_keuzes

    if richting in (Richting.NIET_HOGER, Richting.NIET_LAGER) and streefwaarde is None:
        raise KwaliteitFout(_("This target direction needs a target value."))
    if richting in (Richting.HOGER, Richting.LAGER) and nulmeting is None and not kengetal:
        raise KwaliteitFout(_("A rising or falling target needs a baseline to compare with."))
    if kengetal and kengetal not in dict(indicator_keuzes()):
        raise KwaliteitFout(_("Unknown key figure for the live value."))


@transaction.atomic
def doel_opslaan(
    *,
    ambitie: Ambitie,
    code: str,
    titel: str,
    beoogd_resultaat: str,
    indicator: str = "",
    richting: str = "",
    nulmeting: Decimal | None = None,
    streefwaarde: Decimal | None = None,
    kengetal: str = "",
    inspectiestandaarden=(),
    osp_themas=(),
    doel: Doel | None = None,
    versie: int | None = None,
    door,
) -> Doel:
    """Create or change a goal; its code is unique within the plan (``2a``)."""
    _vereis_rol(door, conf.JAARPLAN_BEWERKEN)
    jaarplan = Jaarplan.objects.select_for_update().get(pk=ambitie.jaarplan_id)
    _vereis_concept(jaarplan)
    code = code.strip().lower()
    zelfde = Doel.objects.filter(jaarplan=jaarplan, code=code)
    if (zelfde.exclude(pk=doel.pk) if doel else zelfde).exists():
        raise KwaliteitFout(_("This plan already has a goal with code %(code)s.") % {"code": code})
    _controleer_indicator(richting=richting, nulmeting=nulmeting, streefwaarde=streefwaarde, kengetal=kengetal)
    if doel is not None:
        doel = Doel.objects.select_for_update().get(pk=doel.pk)
        controleer_versie(doel, versie)
        doel.versie += 1
    else:
        doel = Doel(jaarplan=jaarplan)
    doel.ambitie = ambitie
    doel.code, doel.titel, doel.beoogd_resultaat, doel.indicator = code, titel, beoogd_resultaat, indicator
    doel.richting, doel.nulmeting, doel.streefwaarde, doel.kengetal = richting, nulmeting, streefwaarde, kengetal
    doel.save()
    doel.inspectiestandaarden.set(inspectiestandaarden)
    doel.osp_themas.set(osp_themas)
    return doel


@transaction.atomic
def actie_opslaan(
    *, doel: Doel, omschrijving: str, door_wie: str, budget: Decimal | None = None, actie: Actie | None = None, door
) -> Actie:
    _vereis_rol(door, conf.JAARPLAN_BEWERKEN)
    _vereis_concept(Jaarplan.objects.select_for_update().get(pk=doel.jaarplan_id))
    if budget is not None and budget < 0:
        raise KwaliteitFout(_("A budget cannot be negative."))
    actie = actie or Actie(doel=doel)
    actie.omschrijving, actie.door_wie, actie.budget = omschrijving, door_wie, budget
    actie.save()
    return actie


@transaction.atomic
def actie_verwijderen(*, actie: Actie, door) -> None:
    _vereis_rol(door, conf.JAARPLAN_BEWERKEN)
    _vereis_concept(Jaarplan.objects.select_for_update().get(pk=actie.doel.jaarplan_id))
    actie.delete()


@transaction.atomic
def evaluatie_vastleggen(
    *,
    doel: Doel,
    moment: Evaluatiemoment,
    status: str,
    reflectie: str,
    versie: int | None = None,
    door,
) -> DoelEvaluatie:
    """Record (or update) the goal's status and reflection at an evaluation moment, with the live
    indicator value of that moment. Allowed in a draft and in an adopted plan."""
    from kwaliteit.kengetallen import Filters, indicator_waarde

    _vereis_rol(door, conf.JAARPLAN_BEWERKEN)
    if moment.jaarplan_id != doel.jaarplan_id:
        raise KwaliteitFout(_("This evaluation moment belongs to another plan."))
    if status not in EvaluatieStatus.values:
        raise KwaliteitFout(_("Choose a valid status."))
    if not reflectie.strip():
        raise KwaliteitFout(_("Write a reflection."))
    waarde = None
    if doel.kengetal:
        waarde = indicator_waarde(door, Filters.voor_kalenderjaar(doel.jaarplan.jaar), doel.kengetal)
        waarde = None if waarde is None else Decimal(waarde).quantize(Decimal("0.01"))
    bestaand = DoelEvaluatie.objects.select_for_update().filter(doel=doel, moment=moment).first()
    if bestaand is None:
        try:
            with transaction.atomic():
                return DoelEvaluatie.objects.create(
                    doel=doel,
                    moment=moment,
                    status=status,
                    reflectie=reflectie,
                    gemeten_waarde=waarde,
                    vastgelegd_door=door,
                )
        except IntegrityError:  # a concurrent first save won; treat this one as an edit of it
            bestaand = DoelEvaluatie.objects.select_for_update().get(doel=doel, moment=moment)
            if versie is None:
                versie = -1
    controleer_versie(bestaand, versie)
    bestaand.status, bestaand.reflectie, bestaand.gemeten_waarde, bestaand.vastgelegd_door = (
        status,
        reflectie,
        waarde,
        door,
    )
    bestaand.versie += 1
    bestaand.save()
    return bestaand
