"""Writes of the assessment: take into assessment, ask for more information and answer it, the
consultant's advice, and the decision (granted in full or in part, or refused) with its letter."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from arrangementen import conf
from arrangementen.budget import rond
from arrangementen.choices import AanvraagStatus, Adviessoort, Besluitsoort, Meldingsoort
from arrangementen.models import Aanvraag, Aanvullingsverzoek, Advies, Besluit, Evaluatiemoment
from arrangementen.services.aanvraag import _ontbreekt_fout, ontbrekend_voor_indienen
from arrangementen.services.basis import vergrendel
from arrangementen.services.fouten import AanvraagFout
from arrangementen.services.geld import verplichtingen_schrijven
from arrangementen.services.meldingen import consulenten_van, meldingen_maken
from swv.overgangen import overgang
from swv.taken import taak_starten


@transaction.atomic
def aanvraag_in_beoordeling_nemen(*, aanvraag: Aanvraag, door) -> Aanvraag:
    """``ingediend`` -> ``in_beoordeling`` by one of the request's assessors."""
    aanvraag = vergrendel(aanvraag, door=door, actie="beoordelen", statussen=(AanvraagStatus.INGEDIEND,))
    return overgang(aanvraag, AanvraagStatus.IN_BEOORDELING, door=door)


@transaction.atomic
def aanvraag_aanvulling_vragen(*, aanvraag: Aanvraag, door, vraag: str) -> Aanvullingsverzoek:
    """``in_beoordeling`` -> ``aanvulling_gevraagd`` (the decision is held: "aangehouden"); the school
    is notified and answers with ``aanvraag_aanvullen``."""
    if not vraag.strip():
        raise AanvraagFout(_("Write down what information is missing."))
    aanvraag = vergrendel(aanvraag, door=door, actie="beoordelen", statussen=(AanvraagStatus.IN_BEOORDELING,))
    verzoek = Aanvullingsverzoek.objects.create(aanvraag=aanvraag, vraag=vraag.strip(), gevraagd_door=door)
    overgang(aanvraag, AanvraagStatus.AANVULLING_GEVRAAGD, door=door, reden=vraag.strip())
    meldingen_maken(
        soort=Meldingsoort.AANVULLING_GEVRAAGD,
        aanvraag=aanvraag,
        ontvangers=[aanvraag.aangemaakt_door],
        kenmerk=str(verzoek.pk),
        behalve=door,
    )
    return verzoek


@transaction.atomic
def aanvraag_aanvullen(*, aanvraag: Aanvraag, door, antwoord: str) -> Aanvraag:
    """``aanvulling_gevraagd`` -> ``ingediend``: the school answers (after changing the request where
    needed); whoever asked is notified."""
    if not antwoord.strip():
        raise AanvraagFout(_("Write your answer to the assessor's question."))
    aanvraag = vergrendel(aanvraag, door=door, actie="change", statussen=(AanvraagStatus.AANVULLING_GEVRAAGD,))
    ontbreekt = ontbrekend_voor_indienen(aanvraag)
    if ontbreekt:
        raise _ontbreekt_fout(ontbreekt)
    verzoek = aanvraag.aanvullingsverzoeken.select_for_update().filter(beantwoord_op__isnull=True).first()
    nu = timezone.now()
    if verzoek is not None:
        verzoek.antwoord, verzoek.beantwoord_door, verzoek.beantwoord_op = antwoord.strip(), door, nu
        verzoek.save(update_fields=["antwoord", "beantwoord_door", "beantwoord_op"])
    aanvraag.laatst_ingediend_op = nu
    overgang(aanvraag, AanvraagStatus.INGEDIEND, door=door, reden=antwoord.strip(), velden=("laatst_ingediend_op",))
    if verzoek is not None:
        meldingen_maken(
            soort=Meldingsoort.INGEDIEND,
            aanvraag=aanvraag,
            ontvangers=[verzoek.gevraagd_door],
            kenmerk=f"aanvulling-{verzoek.pk}",
            behalve=door,
        )
    return aanvraag


@transaction.atomic
def aanvraag_advies_geven(
    *, aanvraag: Aanvraag, door, soort: str, motivering: str, bedrag: Decimal | None = None
) -> Advies:
    """The consultant's proposal to the committee, while the request is being assessed."""
    if not motivering.strip():
        raise AanvraagFout(_("Give the reasons for your advice."))
    if soort not in Adviessoort.values:
        raise AanvraagFout(_("Choose an advice."))
    aanvraag = vergrendel(aanvraag, door=door, actie="beoordelen", statussen=(AanvraagStatus.IN_BEOORDELING,))
    if soort == Adviessoort.AFWIJZEN:
        bedrag = None
    elif bedrag is None:
        bedrag = aanvraag.gevraagd_bedrag
    if bedrag is not None and (bedrag < 0 or bedrag > aanvraag.gevraagd_bedrag):
        raise AanvraagFout(_("The proposed amount must be between 0 and the amount requested."))
    return Advies.objects.create(
        aanvraag=aanvraag, soort=soort, bedrag=bedrag, motivering=motivering.strip(), door=door
    )


def besluitbrief_starten(besluit: Besluit, door) -> None:
    """Queue the job that makes the decision letter (``arrangementen.reports.besluitbrief``)."""
    taak = taak_starten(
        soort="arrangement_besluitbrief",
        omschrijving=_("Decision letter %(nummer)s") % {"nummer": besluit.aanvraag.nummer},
        aangevraagd_door=door,
        parameters={"besluit_id": besluit.pk},
    )
    besluit.brief_taak = taak
    besluit.save(update_fields=["brief_taak"])
    # The letter is addressed to the parents too: delivered to the parents' portal (issue 14).
    from arrangementen.ouders import besluitbrief_bezorgen

    besluitbrief_bezorgen(besluit)


def _meld_besluit(aanvraag: Aanvraag, door) -> None:
    meldingen_maken(
        soort=Meldingsoort.BESLOTEN,
        aanvraag=aanvraag,
        ontvangers=[aanvraag.aangemaakt_door, *consulenten_van(aanvraag)],
        behalve=door,
    )


def _evaluatiemomenten_inpassen(aanvraag: Aanvraag) -> None:
    """After a shorter granted period: drop moments beyond it and keep at least one at its end."""
    laatste = aanvraag.einddatum + timedelta(days=conf.evaluatie_na_einde_dagen())
    aanvraag.evaluatiemomenten.filter(evaluatie__isnull=True).exclude(
        datum__gte=aanvraag.begindatum, datum__lte=laatste
    ).delete()
    if not aanvraag.evaluatiemomenten.exists():
        Evaluatiemoment.objects.create(aanvraag=aanvraag, datum=aanvraag.einddatum)


@transaction.atomic
def aanvraag_toekennen(
    *,
    aanvraag: Aanvraag,
    door,
    bedrag: Decimal,
    begindatum: date,
    einddatum: date,
    voorwaarden: str = "",
    motivering: str = "",
) -> Besluit:
    """``in_beoordeling`` -> ``toegekend``. Less money or a shorter period than asked is a decision
    "granted in part" (recorded as such, with the reasons required). The budget position at this
    moment is kept with the decision; exceeding a budget is allowed (the SWV decides) but recorded.
    The letter is made by a background job."""
    from arrangementen.selectors.geld import budgetsignalen

    aanvraag = vergrendel(aanvraag, door=door, actie="besluiten", statussen=(AanvraagStatus.IN_BEOORDELING,))
    bedrag = rond(bedrag)
    if bedrag <= 0:
        raise AanvraagFout(_("The amount granted must be more than zero; refuse the request otherwise."))
    if bedrag > aanvraag.gevraagd_bedrag:
        raise AanvraagFout(_("The amount granted cannot be more than the amount requested."))
    if einddatum <= begindatum:
        raise AanvraagFout(_("The end date must be after the start date."))
    if begindatum < aanvraag.begindatum or einddatum > aanvraag.einddatum:
        raise AanvraagFout(_("The granted period must lie within the requested period."))
    deels = bedrag < aanvraag.gevraagd_bedrag or begindatum > aanvraag.begindatum or einddatum < aanvraag.einddatum
    if deels and not motivering.strip():
        raise AanvraagFout(_("Granting less than was asked needs reasons."))
    signalen = budgetsignalen(aanvraag, bedrag=bedrag, begin=begindatum, eind=einddatum)
    besluit = Besluit.objects.create(
        aanvraag=aanvraag,
        soort=Besluitsoort.DEELS_TOEGEKEND if deels else Besluitsoort.TOEGEKEND,
        gevraagd_bedrag=aanvraag.gevraagd_bedrag,
        gevraagd_begin=aanvraag.begindatum,
        gevraagd_eind=aanvraag.einddatum,
        bedrag=bedrag,
        begindatum=begindatum,
        einddatum=einddatum,
        voorwaarden=voorwaarden.strip(),
        motivering=motivering.strip(),
        genomen_door=door,
        boven_budget=any(s.overschrijding for s in signalen),
        budgetsignaal="\n".join(s.tekst for s in signalen if s.overschrijding),
    )
    aanvraag.toegekend_bedrag, aanvraag.begindatum, aanvraag.einddatum = bedrag, begindatum, einddatum
    overgang(
        aanvraag,
        AanvraagStatus.TOEGEKEND,
        door=door,
        reden=besluit.get_soort_display(),
        velden=("toegekend_bedrag", "begindatum", "einddatum"),
    )
    verplichtingen_schrijven(aanvraag)
    _evaluatiemomenten_inpassen(aanvraag)
    besluitbrief_starten(besluit, door)
    _meld_besluit(aanvraag, door)
    return besluit


@transaction.atomic
def aanvraag_afwijzen(*, aanvraag: Aanvraag, door, motivering: str) -> Besluit:
    """``in_beoordeling`` -> ``afgewezen`` with the reasons (they go into the letter)."""
    if not motivering.strip():
        raise AanvraagFout(_("Give the reasons for refusing the request."))
    aanvraag = vergrendel(aanvraag, door=door, actie="besluiten", statussen=(AanvraagStatus.IN_BEOORDELING,))
    besluit = Besluit.objects.create(
        aanvraag=aanvraag,
        soort=Besluitsoort.AFGEWEZEN,
        gevraagd_bedrag=aanvraag.gevraagd_bedrag,
        gevraagd_begin=aanvraag.begindatum,
        gevraagd_eind=aanvraag.einddatum,
        motivering=motivering.strip(),
        genomen_door=door,
    )
    overgang(aanvraag, AanvraagStatus.AFGEWEZEN, door=door, reden=motivering.strip())
    besluitbrief_starten(besluit, door)
    _meld_besluit(aanvraag, door)
    return besluit


@transaction.atomic
def besluitbrief_opnieuw_maken(*, aanvraag: Aanvraag, door) -> Besluit:
    """Start the letter job again when it failed or never ran (an assessor of the request may)."""
    aanvraag = vergrendel(
        aanvraag,
        door=door,
        actie="besluiten",
        statussen=tuple(s for s in AanvraagStatus if s not in (AanvraagStatus.CONCEPT,)),
    )
    besluit = Besluit.objects.select_for_update().filter(aanvraag=aanvraag).first()
    if besluit is None:
        raise AanvraagFout(_("There is no decision yet."))
    if besluit.brief:
        raise AanvraagFout(_("The letter has already been made."))
    besluitbrief_starten(besluit, door)
    return besluit
