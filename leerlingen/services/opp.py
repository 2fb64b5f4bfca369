"""Writes on the OPP: draft a version, edit the draft, adopt it, record the parents' consent."""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from leerlingen.choices import Instemmingsbesluit, OPPStatus, Uitstroomniveau
from leerlingen.models import OPP, Dossier, OPPInstemming, OPPVersie
from leerlingen.services.dossier import activiteit_registreren, eis_open, eis_wijzigrecht
from leerlingen.services.fouten import DossierFout, GelijktijdigeWijziging
from swv.historie import met_historie


def _valideer_inhoud(uitstroomniveau: str, doelen: str, handelingsdeel: str) -> None:
    if uitstroomniveau not in Uitstroomniveau.values:
        raise DossierFout(_("Choose the expected exit level."))
    if not doelen.strip():
        raise DossierFout(_("Describe the goals of the OPP."))
    if not handelingsdeel.strip():
        raise DossierFout(_("Describe the action plan (handelingsdeel)."))


@transaction.atomic
def opp_versie_opstellen(
    *,
    door,
    dossier: Dossier,
    uitstroomniveau: str,
    doelen: str,
    handelingsdeel: str,
    onderbouwing: str = "",
    evaluatiedatum: date | None = None,
) -> OPPVersie:
    """Draw up a new draft version of the pupil's OPP (the first version creates the OPP itself)."""
    eis_wijzigrecht(door, dossier)
    eis_open(dossier)
    _valideer_inhoud(uitstroomniveau, doelen, handelingsdeel)
    opp, _nieuw = OPP.objects.get_or_create(dossier=dossier)
    opp = OPP.objects.select_for_update().get(pk=opp.pk)
    if opp.versies.filter(status=OPPStatus.CONCEPT).exists():
        raise DossierFout(_("There is already a draft version of this OPP; edit that one."))
    nummer = (opp.versies.aggregate(m=Max("versienummer"))["m"] or 0) + 1
    try:
        with transaction.atomic():
            versie = OPPVersie.objects.create(
                opp=opp,
                versienummer=nummer,
                school=dossier.school,
                uitstroomniveau=uitstroomniveau,
                onderbouwing=onderbouwing.strip(),
                doelen=doelen.strip(),
                handelingsdeel=handelingsdeel.strip(),
                evaluatiedatum=evaluatiedatum,
                opgesteld_door=door,
            )
    except IntegrityError:
        raise DossierFout(_("There is already a draft version of this OPP; edit that one.")) from None
    activiteit_registreren(dossier)
    return versie


@transaction.atomic
def opp_versie_bijwerken(
    *,
    door,
    oppversie: OPPVersie,
    versie: int,
    uitstroomniveau: str,
    doelen: str,
    handelingsdeel: str,
    onderbouwing: str = "",
    evaluatiedatum: date | None = None,
) -> OPPVersie:
    """Edit a draft version; ``versie`` is the edit version the user started from (no silent overwrite)."""
    dossier = oppversie.opp.dossier
    eis_wijzigrecht(door, dossier)
    eis_open(dossier)
    oppversie = OPPVersie.objects.select_for_update().get(pk=oppversie.pk)
    if oppversie.status != OPPStatus.CONCEPT:
        raise DossierFout(_("Only a draft version can be edited; draw up a new version instead."))
    if oppversie.versie != versie:
        raise GelijktijdigeWijziging(
            _(
                "Someone else saved this OPP while you were editing it. Your changes have not been saved: "
                "reload the page and make them again."
            )
        )
    _valideer_inhoud(uitstroomniveau, doelen, handelingsdeel)
    oppversie.uitstroomniveau = uitstroomniveau
    oppversie.onderbouwing = onderbouwing.strip()
    oppversie.doelen = doelen.strip()
    oppversie.handelingsdeel = handelingsdeel.strip()
    oppversie.evaluatiedatum = evaluatiedatum
    oppversie.gewijzigd = timezone.now()
    oppversie.versie += 1
    oppversie.save()
    activiteit_registreren(dossier)
    return oppversie


@transaction.atomic
def opp_vaststellen(*, door, oppversie: OPPVersie) -> OPPVersie:
    """``concept`` -> ``vastgesteld``; the previously adopted version becomes ``vervangen``."""
    dossier = oppversie.opp.dossier
    eis_wijzigrecht(door, dossier)
    eis_open(dossier)
    OPP.objects.select_for_update().get(pk=oppversie.opp_id)
    oppversie = OPPVersie.objects.select_for_update().get(pk=oppversie.pk)
    if oppversie.status != OPPStatus.CONCEPT:
        raise DossierFout(_("Only a draft version can be adopted."))
    for vorige in OPPVersie.objects.filter(opp_id=oppversie.opp_id, status=OPPStatus.VASTGESTELD):
        vorige.status = OPPStatus.VERVANGEN
        met_historie(vorige, reden=f"vervangen door v{oppversie.versienummer}").save()
    oppversie.status = OPPStatus.VASTGESTELD
    oppversie.vastgesteld_op = timezone.localdate()
    oppversie.vastgesteld_door = door
    oppversie.versie += 1
    oppversie.save()
    activiteit_registreren(dossier)
    return oppversie


@transaction.atomic
def opp_instemming_vastleggen(
    *,
    door,
    oppversie: OPPVersie,
    besluit: str,
    ouder_naam: str,
    ouder_relatie: str,
    datum: date,
    wijze: str,
    toelichting: str = "",
) -> OPPInstemming:
    """Record a parent's consent to (or objection against) the handelingsdeel of an OPP version."""
    dossier = oppversie.opp.dossier
    eis_wijzigrecht(door, dossier)
    eis_open(dossier)
    if oppversie.status == OPPStatus.VERVANGEN:
        raise DossierFout(_("This version has been superseded; record the consent on the current version."))
    if besluit not in Instemmingsbesluit.values:
        raise DossierFout(_("Choose whether the parent consents or objects."))
    if not ouder_naam.strip():
        raise DossierFout(_("Fill in the name of the parent."))
    if datum > timezone.localdate():
        raise DossierFout(_("The date of the consent cannot be in the future."))
    if besluit == Instemmingsbesluit.BEZWAAR and not toelichting.strip():
        raise DossierFout(_("Describe the parents' objection."))
    instemming = OPPInstemming.objects.create(
        versie=oppversie,
        besluit=besluit,
        ouder_naam=ouder_naam.strip(),
        ouder_relatie=ouder_relatie,
        datum=datum,
        wijze=wijze,
        toelichting=toelichting.strip(),
        vastgelegd_door=door,
    )
    activiteit_registreren(dossier)
    return instemming
