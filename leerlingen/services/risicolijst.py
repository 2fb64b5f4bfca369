"""Writes of the risicolijst: a consulent marks or unmarks a pupil at risk; the beleidsmedewerker
compiles a round into a frozen snapshot compared with the previous round; exports start jobs."""

from __future__ import annotations

import uuid as uuidlib
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from leerlingen import conf
from leerlingen.models import (
    Inschrijving,
    Leerling,
    Risicolijstregel,
    Risicolijstronde,
    Risicosignalering,
    Thuiszittercasus,
)
from leerlingen.services.thuiszitters import Domeinfout, controleer_niet_in_toekomst
from swv.access import controleer_nog_zichtbaar, heeft_rol, school_ids
from swv.choices import Rol
from swv.models import Taak
from swv.protocol import log_export
from swv.taken import taak_starten


@transaction.atomic
def risico_signaleren(
    *, door, leerling: Leerling, reden: str, afgesproken_actie: str, sinds: date, uuid: uuidlib.UUID | None = None
) -> Risicosignalering:
    """Mark an enrolled pupil as at risk of thuiszitten (the consulent of the pupil's school, or the
    beleidsmedewerker); the mark belongs to the pupil's current school."""
    if uuid is not None and (bestaand := Risicosignalering.objects.filter(uuid=uuid, gesignaleerd_door=door).first()):
        return bestaand
    inschrijving = Inschrijving.objects.filter(leerling=leerling).actief_op().select_related("school").first()
    if inschrijving is None:
        raise Domeinfout(
            _(
                "Only pupils enrolled at a school can be put on the risk list; register a child without enrolment as a thuiszitter."
            )
        )
    if not (inschrijving.school_id in school_ids(door, [Rol.CONSULENT]) or heeft_rol(door, Rol.BELEIDSMEDEWERKER)):
        raise Domeinfout(_("You can only mark pupils of the schools assigned to you."))
    if not reden.strip():
        raise Domeinfout({"reden": _("Give the reason why the pupil is at risk.")})
    if not afgesproken_actie.strip():
        raise Domeinfout({"afgesproken_actie": _("Record the action that was agreed.")})
    controleer_niet_in_toekomst(sinds, "sinds", _("The date"))
    try:
        with transaction.atomic():
            signalering = Risicosignalering.objects.create(
                uuid=uuid or uuidlib.uuid4(),
                leerling=leerling,
                school=inschrijving.school,
                reden=reden.strip(),
                afgesproken_actie=afgesproken_actie.strip(),
                sinds=sinds,
                gesignaleerd_door=door,
            )
    except IntegrityError:
        raise Domeinfout(_("This pupil is already on the risk list.")) from None
    controleer_nog_zichtbaar(signalering, door)
    return signalering


@transaction.atomic
def risico_beeindigen(*, door, signalering: Risicosignalering, einddatum: date, reden: str) -> Risicosignalering:
    """Take a pupil off the risk list from ``einddatum`` (with the reason)."""
    signalering = (
        Risicosignalering.objects.visible_to(door, "change").select_for_update().filter(pk=signalering.pk).first()
    )
    if signalering is None:
        raise Domeinfout(_("You may not change this mark."))
    if signalering.einddatum is not None:
        raise Domeinfout(_("This pupil was already taken off the risk list."))
    if einddatum < signalering.sinds:
        raise Domeinfout(
            {
                "einddatum": _("The end date cannot be before the start date (%(datum)s).")
                % {"datum": date_format(signalering.sinds, "j F Y")}
            }
        )
    controleer_niet_in_toekomst(einddatum, "einddatum", _("The end date"))
    if not reden.strip():
        raise Domeinfout({"reden": _("Give the reason for taking the pupil off the list.")})
    signalering.einddatum, signalering.beeindigd_reden = einddatum, reden.strip()
    signalering.save()
    return signalering


def ronde_peilmaand(jaar: int, maand: int) -> date:
    return date(jaar, maand, 1)


@transaction.atomic
def risicolijst_samenstellen(*, door, jaar: int, maand: int, peildatum: date | None = None) -> Risicolijstronde:
    """Freeze the risicolijst of one round (beleidsmedewerker): every pupil marked at risk today
    (the active-on-date rule), compared with the previous round: new, still on the list, or off
    (the previous round's rows that are not on this one). Rounds are compiled in order; the rows
    are never changed afterwards. ``peildatum`` (default today; the demo passes a past date) is
    the date on which the marks are taken: marks have start and end dates, so a past date gives
    what was on the list then."""
    if not heeft_rol(door, Rol.BELEIDSMEDEWERKER):
        raise Domeinfout(_("Only the policy officer compiles the risk list."))
    if maand not in conf.risicolijst_maanden():
        raise Domeinfout({"ronde": _("This month is not a round of the risk list.")})
    vandaag = peildatum or timezone.localdate()
    controleer_niet_in_toekomst(vandaag, "ronde", _("The reference date"))
    if ronde_peilmaand(jaar, maand) > vandaag:
        raise Domeinfout({"ronde": _("A round cannot be compiled before its month has begun.")})
    if Risicolijstronde.objects.filter(jaar=jaar, maand=maand).exists():
        raise Domeinfout({"ronde": _("This round has already been compiled.")})
    vorige = Risicolijstronde.objects.order_by("-jaar", "-maand").first()
    if vorige is not None and (vorige.jaar, vorige.maand) > (jaar, maand):
        raise Domeinfout(
            {
                "ronde": _("A later round (%(ronde)s) has already been compiled; rounds are compiled in order.")
                % {"ronde": f"{vorige.maand:02d}-{vorige.jaar}"}
            }
        )

    actieve_casus = Thuiszittercasus.objects.actief_op(vandaag).filter(leerling=OuterRef("leerling"))
    huidige = list(
        Risicosignalering.objects.actief_op(vandaag)
        .select_related("school")
        .annotate(thuiszitter=Exists(actieve_casus))
        .order_by("pk")
    )
    vorige_regels = {
        r.leerling_id: r
        for r in (vorige.regels.exclude(vergelijking=Risicolijstregel.Vergelijking.AF) if vorige else [])
    }
    try:
        with transaction.atomic():
            ronde = Risicolijstronde.objects.create(
                jaar=jaar, maand=maand, peildatum=vandaag, vorige=vorige, samengesteld_door=door
            )
    except IntegrityError:
        raise Domeinfout({"ronde": _("This round has already been compiled.")}) from None
    regels = [
        Risicolijstregel(
            ronde=ronde,
            leerling_id=s.leerling_id,
            signalering=s,
            school=s.school,
            school_naam=s.school.naam,
            reden=s.reden,
            afgesproken_actie=s.afgesproken_actie,
            sinds=s.sinds,
            thuiszitter=s.thuiszitter,
            vergelijking=Risicolijstregel.Vergelijking.NOG
            if s.leerling_id in vorige_regels
            else Risicolijstregel.Vergelijking.NIEUW,
        )
        for s in huidige
    ]
    op_lijst = {s.leerling_id for s in huidige}
    regels += [
        Risicolijstregel(
            ronde=ronde,
            leerling_id=r.leerling_id,
            signalering=None,
            school_id=r.school_id,
            school_naam=r.school_naam,
            reden=r.reden,
            afgesproken_actie=r.afgesproken_actie,
            sinds=r.sinds,
            thuiszitter=False,
            vergelijking=Risicolijstregel.Vergelijking.AF,
        )
        for leerling_id, r in vorige_regels.items()
        if leerling_id not in op_lijst
    ]
    Risicolijstregel.objects.bulk_create(regels, batch_size=1000)
    tellingen = {k: sum(1 for r in regels if r.vergelijking == k) for k in Risicolijstregel.Vergelijking.values}
    ronde.aantal_nieuw, ronde.aantal_nog, ronde.aantal_af = tellingen["nieuw"], tellingen["nog"], tellingen["af"]
    ronde.aantal_op_lijst = ronde.aantal_nieuw + ronde.aantal_nog
    ronde.save()
    return ronde


EXPORT_SOORTEN = {"xlsx": "risicolijst_excel", "pdf": "risicolijst_pdf"}


@transaction.atomic
def risicolijst_export_starten(*, door, ronde: Risicolijstronde, formaat: str, request=None) -> Taak:
    """Start the Excel or PDF export of a round as a background job; the export is access-logged
    with the number of rows the user may see."""
    if formaat not in EXPORT_SOORTEN:
        raise Domeinfout(_("Unknown export format."))
    if not (
        Risicolijstronde.objects.visible_to(door).filter(pk=ronde.pk).exists()
        and heeft_rol(door, Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.CONSULENT)
    ):
        raise Domeinfout(_("You may not export this round."))
    aantal = Risicolijstregel.objects.visible_to(door).filter(ronde=ronde).count()
    log_export(gebruiker=door, gebeurtenis=f"risicolijst_{formaat}", aantal=aantal, obj=ronde, request=request)
    omschrijving = (_("Risk list %(ronde)s (Excel)") if formaat == "xlsx" else _("Risk list %(ronde)s (PDF)")) % {
        "ronde": f"{ronde.maand:02d}-{ronde.jaar}"
    }
    return taak_starten(
        soort=EXPORT_SOORTEN[formaat],
        omschrijving=omschrijving,
        aangevraagd_door=door,
        parameters={"ronde": str(ronde.uuid)},
    )
