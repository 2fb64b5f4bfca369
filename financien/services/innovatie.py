"""Writes of the innovation requests (seed 001): one service per transition, through
``swv.overgangen``. concept -> ingediend (school or board) -> geadviseerd (TLC/AC) -> toegekend or
afgewezen (DB); a request may also be refused straight after submission. A grant is committed per
year against a budget line; the evaluation date gets a reminder (beat, idempotent)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from financien.choices import Afwijzingsgrond, InnovatieStatus, InnovatieThema
from financien.models import Begrotingspost, Innovatieaanvraag, Innovatietoekenning
from financien.services import FinancienFout
from swv.access import bestuur_ids, heeft_rol, school_ids
from swv.choices import Rol
from swv.fouten import OngeldigeOvergang
from swv.meldingen import melden
from swv.overgangen import overgang, status_vastleggen
from swv.waarden import vereist

MELDINGSOORT = "financien.innovatie"
#: Days before the evaluation date on which the DB and the requesters are reminded.
EVALUATIE_HERINNERING_DAGEN = 14


class InnovatieOngeldigeOvergang(FinancienFout, OngeldigeOvergang):
    """A step from a status of an innovation request that does not allow it."""


def _mag_aanvragen(door, *, bestuur, school) -> bool:
    if bestuur is not None and bestuur.pk in bestuur_ids(door, [Rol.BESTUURDER]):
        return True
    return school is not None and school.pk in school_ids(door, [Rol.DIRECTEUR, Rol.IB_ER])


@transaction.atomic
def innovatie_aanvragen(
    *,
    titel: str,
    thema: str,
    bestuur,
    door,
    school=None,
    plan: str = "",
    financiele_onderbouwing: str = "",
    bedrag_per_jaar: Decimal = Decimal("0"),
    startjaar: int,
    looptijd_jaren: int = 1,
) -> Innovatieaanvraag:
    """A draft request of a school (its directeur or ib-er) or a board (its bestuurder)."""
    if school is not None:
        bestuur = school.bestuur
    if not _mag_aanvragen(door, bestuur=bestuur, school=school):
        raise PermissionDenied
    fouten: dict[str, str] = {}
    if not titel.strip():
        fouten["titel"] = _("Give the request a title.")
    if thema not in InnovatieThema.values:
        fouten["thema"] = _("Choose a theme.")
    if bedrag_per_jaar < 0:
        fouten["bedrag_per_jaar"] = _("The amount cannot be negative.")
    if not 1 <= looptijd_jaren <= 4:
        fouten["looptijd_jaren"] = _("A request runs for 1 to 4 years.")
    if fouten:
        raise FinancienFout(fouten)
    aanvraag = Innovatieaanvraag.objects.create(
        titel=titel.strip(),
        thema=thema,
        bestuur=bestuur,
        school=school,
        plan=plan.strip(),
        financiele_onderbouwing=financiele_onderbouwing.strip(),
        bedrag_per_jaar=bedrag_per_jaar,
        startjaar=startjaar,
        looptijd_jaren=looptijd_jaren,
        aangemaakt_door=door,
    )
    status_vastleggen(aanvraag, van="", naar=InnovatieStatus.CONCEPT, door=door)
    return aanvraag


def _overgang(aanvraag, naar, *, van, door, reden="", velden=None):
    return overgang(
        aanvraag,
        naar,
        van=van,
        door=door,
        reden=reden,
        velden=velden or {},
        bericht=_("This is not possible for a request that is %(status)s."),
        fout=InnovatieOngeldigeOvergang,
    )


@transaction.atomic
def innovatie_indienen(*, aanvraag: Innovatieaanvraag, door) -> Innovatieaanvraag:
    """Draft -> submitted. Refused without a plan, a financial justification and an amount."""
    if not Innovatieaanvraag.objects.visible_to(door, "change").filter(pk=aanvraag.pk).exists():
        raise PermissionDenied
    fouten: dict[str, str] = {}
    if not aanvraag.plan.strip():
        fouten["plan"] = _("A request cannot be submitted without a plan.")
    if not aanvraag.financiele_onderbouwing.strip():
        fouten["financiele_onderbouwing"] = _("A request cannot be submitted without a financial justification.")
    if aanvraag.bedrag_per_jaar <= 0:
        fouten["bedrag_per_jaar"] = _("Give the amount requested per year.")
    if fouten:
        raise FinancienFout(fouten)
    aanvraag = _overgang(
        aanvraag,
        InnovatieStatus.INGEDIEND,
        van={InnovatieStatus.CONCEPT},
        door=door,
        velden={"ingediend_op": timezone.localdate()},
    )
    with translation.override(settings.LANGUAGE_CODE):
        titel = _("An innovation request was submitted")
    from swv.models import Gebruiker, Lidmaatschap

    ids = Lidmaatschap.objects.actief_op().filter(rol__in=[Rol.DB, Rol.TLC_LID, Rol.AC_LID]).values("gebruiker_id")
    melden(
        soort=MELDINGSOORT,
        doel=aanvraag,
        ontvangers=Gebruiker.objects.filter(pk__in=ids, is_active=True),
        sleutel=f"innovatie:{aanvraag.pk}:ingediend",
        titel=titel,
        behalve=door,
    )
    return aanvraag


@transaction.atomic
def innovatie_adviseren(*, aanvraag: Innovatieaanvraag, advies: str, door) -> Innovatieaanvraag:
    """Submitted -> advised: the TLC/AC's advice to the DB."""
    if not heeft_rol(door, Rol.TLC_LID, Rol.AC_LID):
        raise PermissionDenied
    if not advies.strip():
        raise FinancienFout({"advies": _("Write the advice.")})
    return _overgang(
        aanvraag,
        InnovatieStatus.GEADVISEERD,
        van={InnovatieStatus.INGEDIEND},
        door=door,
        velden={"advies": advies.strip()},
    )


@transaction.atomic
def innovatie_toekennen(
    *, aanvraag: Innovatieaanvraag, post: Begrotingspost, evaluatiedatum: date, door, toelichting: str = ""
) -> Innovatieaanvraag:
    """Advised -> granted (the DB): the amount per year of the request is committed against
    ``post`` for each year of its term; the evaluation date is set (after the first year starts)."""
    if not heeft_rol(door, Rol.DB):
        raise PermissionDenied
    if post.is_baten:
        raise FinancienFout({"post": _("Choose a cost line, not an income line.")})
    if evaluatiedatum <= timezone.localdate():
        raise FinancienFout({"evaluatiedatum": _("The evaluation date must be in the future.")})
    aanvraag = _overgang(
        aanvraag,
        InnovatieStatus.TOEGEKEND,
        van={InnovatieStatus.GEADVISEERD},
        door=door,
        reden=toelichting,
        velden={
            "besluit_op": timezone.localdate(),
            "evaluatiedatum": evaluatiedatum,
            "besluit_toelichting": toelichting.strip(),
        },
    )
    Innovatietoekenning.objects.bulk_create(
        [
            Innovatietoekenning(aanvraag=aanvraag, jaar=jaar, post=post, bedrag=aanvraag.bedrag_per_jaar)
            for jaar in aanvraag.jaren
        ]
    )
    return aanvraag


@transaction.atomic
def innovatie_afwijzen(
    *, aanvraag: Innovatieaanvraag, afwijzingsgrond: str, door, toelichting: str = ""
) -> Innovatieaanvraag:
    """Submitted or advised -> refused (the DB), with the reason (counted in the jaarverslag)."""
    if not heeft_rol(door, Rol.DB):
        raise PermissionDenied
    if afwijzingsgrond not in Afwijzingsgrond.values:
        raise FinancienFout({"afwijzingsgrond": _("Choose the reason for the refusal.")})
    return _overgang(
        aanvraag,
        InnovatieStatus.AFGEWEZEN,
        van={InnovatieStatus.INGEDIEND, InnovatieStatus.GEADVISEERD},
        door=door,
        reden=str(Afwijzingsgrond(afwijzingsgrond).label),
        velden={
            "besluit_op": timezone.localdate(),
            "afwijzingsgrond": afwijzingsgrond,
            "besluit_toelichting": toelichting.strip(),
        },
    )


def innovatie_evaluatieherinneringen(*, vandaag: date | None = None) -> int:
    """Daily (beat): granted requests whose evaluation date is within 14 days notify the DB and the
    requester once (the key holds the evaluation date). Returns the new notifications."""
    from swv.models import Gebruiker, Lidmaatschap

    vandaag = vandaag or timezone.localdate()
    db = list(
        Gebruiker.objects.filter(
            pk__in=Lidmaatschap.objects.actief_op().filter(rol=Rol.DB).values("gebruiker_id"), is_active=True
        ).values_list("pk", flat=True)
    )
    nieuw = 0
    with translation.override(settings.LANGUAGE_CODE):
        titel = _("An innovation project is due for evaluation")
        for aanvraag in Innovatieaanvraag.objects.filter(
            status=InnovatieStatus.TOEGEKEND,
            evaluatiedatum__lte=vandaag + timedelta(days=EVALUATIE_HERINNERING_DAGEN),
            evaluatiedatum__gte=vandaag - timedelta(days=EVALUATIE_HERINNERING_DAGEN),
        ).order_by("pk"):
            nieuw += len(
                melden(
                    soort=MELDINGSOORT,
                    doel=aanvraag,
                    ontvangers=[*db, aanvraag.aangemaakt_door_id],
                    sleutel=f"innovatie:{aanvraag.pk}:evaluatie:{vereist(aanvraag.evaluatiedatum, 'evaluatiedatum').isoformat()}",
                    titel=titel,
                )
            )
    return nieuw
