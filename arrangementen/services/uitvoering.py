"""Writes of a granted arrangement: start it, record evaluations (school, parents, child), and end
it: close, extend with a linked follow-up request, or close towards a TLV proposal."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from arrangementen.choices import AanvraagStatus, Afsluitresultaat, Conclusie
from arrangementen.models import Aanvraag, Evaluatie, Evaluatiemoment
from arrangementen.services.aanvraag import Aanvraaginhoud, aanvraag_aanmaken
from arrangementen.services.basis import vergrendel
from arrangementen.services.fouten import AanvraagFout
from swv import opmaak
from swv.overgangen import overgang


@transaction.atomic
def arrangement_starten(*, aanvraag: Aanvraag, door) -> Aanvraag:
    """``toegekend`` -> ``lopend``: the school confirms the arrangement has started."""
    aanvraag = vergrendel(aanvraag, door=door, actie="change", statussen=(AanvraagStatus.TOEGEKEND,))
    if timezone.localdate() > aanvraag.einddatum:
        raise AanvraagFout(_("The granted period is already over; withdraw the request or ask for a new one."))
    return overgang(aanvraag, AanvraagStatus.LOPEND, door=door)


@dataclass(frozen=True)
class Evaluatiegegevens:
    """The school's evaluation and the answers of parents and child (or why they did not answer)."""

    doelen_bereikt: str
    conclusie: str
    toelichting: str
    datum: date | None = None
    ouders_ingevuld: bool = True
    ouders_reden_niet: str = ""
    ouders_betrokken: int | None = None
    ouders_geholpen: int | None = None
    ouders_cijfer: int | None = None
    ouders_doorgaan: str = ""
    ouders_opmerking: str = ""
    kind_ingevuld: bool = True
    kind_reden_niet: str = ""
    kind_fijn: int | None = None
    kind_geleerd: int | None = None
    kind_doorgaan: str = ""
    kind_opmerking: str = ""


def _controleer_vragenlijsten(g: Evaluatiegegevens) -> Evaluatiegegevens:
    if not g.toelichting.strip():
        raise AanvraagFout(_("Write down the school's evaluation."))
    if g.ouders_ingevuld:
        if g.ouders_betrokken is None or g.ouders_geholpen is None or g.ouders_cijfer is None or not g.ouders_doorgaan:
            raise AanvraagFout(
                _("Answer every question of the parents' questionnaire, or say why the parents did not answer.")
            )
        if not 1 <= g.ouders_cijfer <= 10:
            raise AanvraagFout(_("The parents' grade must be between 1 and 10."))
    else:
        if not g.ouders_reden_niet.strip():
            raise AanvraagFout(_("Say why the parents did not answer the questionnaire."))
        g = replace(g, ouders_betrokken=None, ouders_geholpen=None, ouders_cijfer=None, ouders_doorgaan="")
    if g.kind_ingevuld:
        if None in (g.kind_fijn, g.kind_geleerd) or not g.kind_doorgaan:
            raise AanvraagFout(
                _("Answer every question of the child's questionnaire, or say why the child did not answer.")
            )
    else:
        if not g.kind_reden_niet.strip():
            raise AanvraagFout(_("Say why the child did not answer the questionnaire."))
        g = replace(g, kind_fijn=None, kind_geleerd=None, kind_doorgaan="")
    return g


@transaction.atomic
def evaluatie_vastleggen(
    *, aanvraag: Aanvraag, door, moment: Evaluatiemoment, gegevens: Evaluatiegegevens
) -> Evaluatie:
    """Record the evaluation of one moment of a running arrangement. "Continue" keeps it running
    (not possible at the last moment); "stop" or "follow-up" ends it: ``lopend`` -> ``geevalueerd``."""
    aanvraag = vergrendel(aanvraag, door=door, actie="change", statussen=(AanvraagStatus.LOPEND,))
    vergrendeld = Evaluatiemoment.objects.select_for_update().filter(pk=moment.pk, aanvraag=aanvraag).first()
    if vergrendeld is None:
        raise AanvraagFout(_("This evaluation moment does not belong to this arrangement."))
    moment = vergrendeld
    if Evaluatie.objects.filter(moment=moment).exists():
        raise AanvraagFout(_("This evaluation moment has already been recorded."))
    g = _controleer_vragenlijsten(gegevens)
    datum = g.datum or timezone.localdate()
    if datum > timezone.localdate():
        raise AanvraagFout(_("The evaluation date cannot be in the future."))
    if g.conclusie not in Conclusie.values:
        raise AanvraagFout(_("Choose a conclusion."))
    open_na = aanvraag.evaluatiemomenten.filter(evaluatie__isnull=True).exclude(pk=moment.pk).exists()
    if g.conclusie == Conclusie.VOORTZETTEN and not open_na:
        raise AanvraagFout(
            _("This is the last evaluation moment: choose “stop” or “follow-up” (then extend the arrangement).")
        )
    evaluatie = Evaluatie.objects.create(
        moment=moment,
        aanvraag=aanvraag,
        datum=datum,
        vastgelegd_door=door,
        **{k: (v.strip() if isinstance(v, str) else v) for k, v in asdict(g).items() if k != "datum"},
    )
    if g.conclusie != Conclusie.VOORTZETTEN:
        overgang(aanvraag, AanvraagStatus.GEEVALUEERD, door=door, reden=evaluatie.get_conclusie_display())
    return evaluatie


@transaction.atomic
def arrangement_afsluiten(*, aanvraag: Aanvraag, door, resultaat: str, toelichting: str = "") -> Aanvraag:
    """``geevalueerd`` -> ``afgesloten`` with its result (a TLV proposal is one; an extension goes
    through ``arrangement_verlengen``)."""
    if resultaat not in Afsluitresultaat.values or resultaat == Afsluitresultaat.VERLENGD:
        raise AanvraagFout(_("Choose how the arrangement ended."))
    aanvraag = vergrendel(aanvraag, door=door, actie="change", statussen=(AanvraagStatus.GEEVALUEERD,))
    aanvraag.afgesloten_op = timezone.localdate()
    aanvraag.afsluitresultaat = resultaat
    aanvraag.afsluittoelichting = toelichting.strip()
    return overgang(
        aanvraag,
        AanvraagStatus.AFGESLOTEN,
        door=door,
        reden=aanvraag.get_afsluitresultaat_display(),
        velden=("afgesloten_op", "afsluitresultaat", "afsluittoelichting"),
    )


@transaction.atomic
def arrangement_verlengen(
    *, aanvraag: Aanvraag, door, einddatum: date, toelichting: str = "", idempotentiesleutel=None
) -> Aanvraag:
    """Close the evaluated arrangement as "extended" and make the follow-up request (a concept
    linked to it, with its content copied) that the school completes and submits."""
    if idempotentiesleutel:
        bestaand = Aanvraag.objects.filter(idempotentiesleutel=idempotentiesleutel, vorige=aanvraag).first()
        if bestaand is not None:
            return bestaand
    aanvraag = vergrendel(aanvraag, door=door, actie="change", statussen=(AanvraagStatus.GEEVALUEERD,))
    begin = max(aanvraag.einddatum + timedelta(days=1), timezone.localdate())
    if einddatum <= begin:
        raise AanvraagFout(_("The extension must end after %(datum)s.") % {"datum": opmaak.datum(begin)})
    aanvraag.afgesloten_op = timezone.localdate()
    aanvraag.afsluitresultaat = Afsluitresultaat.VERLENGD
    aanvraag.afsluittoelichting = toelichting.strip()
    overgang(
        aanvraag,
        AanvraagStatus.AFGESLOTEN,
        door=door,
        reden=aanvraag.get_afsluitresultaat_display(),
        velden=("afgesloten_op", "afsluitresultaat", "afsluittoelichting"),
    )
    inhoud = Aanvraaginhoud(
        begindatum=begin,
        einddatum=einddatum,
        ondersteuningsbehoefte=aanvraag.ondersteuningsbehoefte,
        doelen=aanvraag.doelen,
        inzet_wat=aanvraag.inzet_wat,
        inzet_wie=aanvraag.inzet_wie,
        uren_per_week=aanvraag.uren_per_week,
        kostenwijze=aanvraag.kostenwijze,
        begrotingsregels=tuple((r.omschrijving, r.bedrag) for r in aanvraag.begrotingsregels.all()),
        evaluatiedata=(einddatum,),
    )
    return aanvraag_aanmaken(
        door=door,
        leerling=aanvraag.leerling,
        arrangementtype=aanvraag.arrangementtype,
        inhoud=inhoud,
        vorige=aanvraag,
        idempotentiesleutel=idempotentiesleutel,
    )
