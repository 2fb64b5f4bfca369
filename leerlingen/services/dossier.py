"""Writes on the dossier (groeidocument): open, close, reopen, sections, signals, interventions.

Every service validates, writes, records history (simple_history for every row; a
``DossierStatusovergang`` for each status change) and marks the dossier's last activity. Status
changes lock the dossier row (``select_for_update``) and refuse illegal source states; edits of a
section or intervention compare the version the user started from (optimistic locking).
"""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from leerlingen.choices import Afsluitreden, DossierStatus, Interventieresultaat, MDOStatus, Sectie
from leerlingen.models import Dossier, DossierSectie, Interventie, Leerling, Signaal
from leerlingen.selectors.leerling import huidige_inschrijving
from leerlingen.services.fouten import DossierFout, DossierOngeldigeOvergang, GelijktijdigeWijziging
from swv.access import school_ids
from swv.choices import Rol
from swv.historie import met_historie
from swv.overgangen import overgang, status_vastleggen, vergrendel

__all__ = [
    "DossierFout",
    "GelijktijdigeWijziging",
    "dossier_afsluiten",
    "dossier_heropenen",
    "dossier_openen",
    "dossier_status_zetten",
    "interventie_evalueren",
    "interventie_toevoegen",
    "sectie_bijwerken",
    "signaal_toevoegen",
]


def activiteit_registreren(dossier: Dossier) -> None:
    """Mark the dossier as active now (feeds the "without activity" worklist); no history row."""
    Dossier.objects.filter(pk=dossier.pk).update(laatste_activiteit=timezone.now())


def eis_wijzigrecht(door, dossier: Dossier) -> None:
    """Only the ib-er of the school holding the dossier (or a per-object grant) may change it."""
    if not Dossier.objects.visible_to(door, "change").filter(pk=dossier.pk).exists():
        raise DossierFout(_("You may not change this dossier."))


def eis_open(dossier: Dossier) -> None:
    """Refuse edits of a closed dossier; reads (and locks) the current row, not the caller's copy,
    so that an edit and a close of the same dossier cannot interleave."""
    status = Dossier.objects.select_for_update().filter(pk=dossier.pk).values_list("status", flat=True).first()
    if status == DossierStatus.AFGESLOTEN:
        raise DossierFout(_("This dossier is closed; reopen it first."))


def dossier_status_zetten(*, dossier: Dossier, naar: str, door, reden: str = "", **velden) -> Dossier:
    """Write a status change of a dossier through ``swv.overgangen.overgang`` (conditional update,
    transition row) and mark its last activity; callers hold the row lock and checked the source state."""
    met_historie(dossier, reden=reden)
    return overgang(dossier, naar, door=door, reden=reden, velden={"laatste_activiteit": timezone.now(), **velden})


@transaction.atomic
def dossier_openen(*, door, leerling: Leerling, aanleiding: str = "") -> Dossier:
    """Open the groeidocument for a pupil at its current school; the ib-er becomes regievoerder.

    Signals of this school not yet linked to a dossier are linked to the new one.
    """
    if not Leerling.objects.visible_to(door, "change").filter(pk=leerling.pk).exists():
        raise DossierFout(_("Only the ib-er of the pupil's school can open a dossier."))
    inschrijving = huidige_inschrijving(leerling)
    if inschrijving is None:
        raise DossierFout(_("The pupil is not enrolled at a school; a dossier cannot be opened."))
    if inschrijving.school_id not in school_ids(door, [Rol.IB_ER]):
        raise DossierFout(_("Only the ib-er of the pupil's school can open a dossier."))
    Leerling.objects.select_for_update().get(pk=leerling.pk)  # serialise two ib-ers opening at once
    if Dossier.objects.filter(leerling=leerling).actief().exists():
        raise DossierFout(_("This pupil already has an open dossier."))
    try:
        with transaction.atomic():
            dossier = Dossier.objects.create(
                leerling=leerling, school=inschrijving.school, regievoerder=door, aanleiding=aanleiding.strip()
            )
    except IntegrityError:
        raise DossierFout(_("This pupil already has an open dossier.")) from None
    status_vastleggen(dossier, van="", naar=DossierStatus.OPEN, door=door, reden=aanleiding)
    for signaal in Signaal.objects.filter(leerling=leerling, dossier__isnull=True, school=inschrijving.school):
        signaal.dossier = dossier
        signaal.save(update_fields=["dossier"])
    return dossier


@transaction.atomic
def dossier_afsluiten(*, door, dossier: Dossier, reden: str, toelichting: str = "") -> Dossier:
    """``open`` / ``in_behandeling_mdo`` -> ``afgesloten`` with a reason; refused while an MDO is planned."""
    eis_wijzigrecht(door, dossier)
    dossier = vergrendel(
        dossier,
        van={DossierStatus.OPEN, DossierStatus.IN_BEHANDELING_MDO},
        bericht=_("This dossier is already closed."),
        fout=DossierOngeldigeOvergang,
    )
    if reden not in Afsluitreden.values:
        raise DossierFout(_("Choose a reason for closing."))
    if reden == Afsluitreden.ANDERS and not toelichting.strip():
        raise DossierFout(_("Explain the reason for closing."))
    if dossier.mdos.filter(status=MDOStatus.GEPLAND).exists():
        raise DossierFout(_("An MDO is still planned; record its minutes or cancel it before closing the dossier."))
    vandaag = max(timezone.localdate(), dossier.geopend_op)
    return dossier_status_zetten(
        dossier=dossier,
        naar=DossierStatus.AFGESLOTEN,
        door=door,
        reden=toelichting.strip() or str(Afsluitreden(reden).label),
        afgesloten_op=vandaag,
        afsluitreden=reden,
        afsluittoelichting=toelichting.strip(),
    )


@transaction.atomic
def dossier_heropenen(*, door, dossier: Dossier, reden: str) -> Dossier:
    """``afgesloten`` -> ``open`` (with a reason), if the pupil has no other open dossier."""
    if not reden.strip():
        raise DossierFout(_("Give a reason for reopening the dossier."))
    eis_wijzigrecht(door, dossier)
    dossier = vergrendel(
        dossier,
        van={DossierStatus.AFGESLOTEN},
        bericht=_("Only a closed dossier can be reopened."),
        fout=DossierOngeldigeOvergang,
    )
    if Dossier.objects.filter(leerling_id=dossier.leerling_id).actief().exclude(pk=dossier.pk).exists():
        raise DossierFout(_("This pupil already has an open dossier."))
    return dossier_status_zetten(
        dossier=dossier,
        naar=DossierStatus.OPEN,
        door=door,
        reden=reden.strip(),
        afgesloten_op=None,
        afsluitreden="",
        afsluittoelichting="",
    )


@transaction.atomic
def sectie_bijwerken(
    *, door, dossier: Dossier, sectie: str, tekst: str, versie: int, gedeeld_met_ouders: bool | None = None
) -> DossierSectie:
    """Save one section of the groeidocument; ``versie`` is the version the user started from (0: new).

    A different current version means someone else saved in between: ``GelijktijdigeWijziging``.
    """
    if sectie not in Sectie.values:
        raise DossierFout(_("Unknown section."))
    eis_wijzigrecht(door, dossier)
    eis_open(dossier)
    bestaand = DossierSectie.objects.select_for_update().filter(dossier=dossier, sectie=sectie).first()
    huidige = bestaand.versie if bestaand else 0
    if huidige != versie:
        raise GelijktijdigeWijziging(
            _(
                "Someone else saved this section while you were editing it. Your text has not been saved: "
                "copy it, reload the page to see the new version and make your change again."
            )
        )
    if bestaand is None:
        try:
            with transaction.atomic():
                bestaand = DossierSectie.objects.create(
                    dossier=dossier,
                    sectie=sectie,
                    tekst=tekst.strip(),
                    school=dossier.school,
                    bijgewerkt_door=door,
                    gedeeld_met_ouders=bool(gedeeld_met_ouders),
                )
        except IntegrityError:
            raise GelijktijdigeWijziging(
                _("Someone else saved this section while you were editing it. Reload the page and try again.")
            ) from None
    else:
        bestaand.tekst = tekst.strip()
        bestaand.school = dossier.school
        bestaand.bijgewerkt_door = door
        bestaand.bijgewerkt_op = timezone.now()
        if gedeeld_met_ouders is not None:
            bestaand.gedeeld_met_ouders = gedeeld_met_ouders
        bestaand.versie += 1
        bestaand.save()
    activiteit_registreren(dossier)
    return bestaand


@transaction.atomic
def signaal_toevoegen(
    *, door, leerling: Leerling, datum: date, melder: str, categorie: str, omschrijving: str, melder_naam: str = ""
) -> Signaal:
    """Record a concern about a pupil (leerkracht linked to the pupil, ib-er or directeur of its school).

    Linked to the pupil's open dossier at that school, if there is one.
    """
    if not Leerling.objects.visible_to(door).filter(pk=leerling.pk).exists():
        raise DossierFout(_("You may not add a signal for this pupil."))
    inschrijving = huidige_inschrijving(leerling)
    if inschrijving is None or inschrijving.school_id not in school_ids(
        door, [Rol.IB_ER, Rol.LEERKRACHT, Rol.DIRECTEUR]
    ):
        raise DossierFout(_("You may not add a signal for this pupil."))
    if not omschrijving.strip():
        raise DossierFout(_("Describe what was signalled."))
    if datum > timezone.localdate():
        raise DossierFout(_("The date of a signal cannot be in the future."))
    dossier = Dossier.objects.filter(leerling=leerling, school=inschrijving.school).actief().first()
    signaal = Signaal.objects.create(
        leerling=leerling,
        dossier=dossier,
        school=inschrijving.school,
        datum=datum,
        melder=melder,
        melder_naam=melder_naam.strip(),
        categorie=categorie,
        omschrijving=omschrijving.strip(),
        vastgelegd_door=door,
    )
    if dossier:
        activiteit_registreren(dossier)
    return signaal


@transaction.atomic
def interventie_toevoegen(
    *,
    door,
    dossier: Dossier,
    omschrijving: str,
    startdatum: date,
    doel: str = "",
    uitvoerder: str = "",
    einddatum: date | None = None,
) -> Interventie:
    """Add an intervention (what, goal, by whom, period) to an open dossier."""
    eis_wijzigrecht(door, dossier)
    eis_open(dossier)
    if einddatum and einddatum < startdatum:
        raise DossierFout(_("The end date cannot be before the start date."))
    interventie = Interventie.objects.create(
        dossier=dossier,
        school=dossier.school,
        omschrijving=omschrijving.strip(),
        doel=doel.strip(),
        uitvoerder=uitvoerder.strip(),
        startdatum=startdatum,
        einddatum=einddatum,
        vastgelegd_door=door,
    )
    activiteit_registreren(dossier)
    return interventie


@transaction.atomic
def interventie_evalueren(
    *, door, interventie: Interventie, evaluatie: str, resultaat: str, evaluatiedatum: date, versie: int
) -> Interventie:
    """Record the evaluation of an intervention (optimistic lock on ``versie``)."""
    eis_wijzigrecht(door, interventie.dossier)
    eis_open(interventie.dossier)
    interventie = Interventie.objects.select_for_update().get(pk=interventie.pk)
    if interventie.versie != versie:
        raise GelijktijdigeWijziging(
            _("Someone else changed this intervention while you were editing it. Reload the page and try again.")
        )
    if resultaat not in Interventieresultaat.values:
        raise DossierFout(_("Choose a result."))
    if not evaluatie.strip():
        raise DossierFout(_("Describe the evaluation."))
    if evaluatiedatum > timezone.localdate():
        raise DossierFout(_("The evaluation date cannot be in the future."))
    if evaluatiedatum < interventie.startdatum:
        raise DossierFout(_("The evaluation date cannot be before the start of the intervention."))
    interventie.evaluatie = evaluatie.strip()
    interventie.resultaat = resultaat
    interventie.evaluatiedatum = evaluatiedatum
    interventie.versie += 1
    interventie.save()
    activiteit_registreren(interventie.dossier)
    return interventie
