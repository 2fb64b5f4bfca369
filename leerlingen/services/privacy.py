"""The register of privacy requests: one service per transition, each writing its history row
(``swv.overgangen``), each logged. ``privacyverzoek_registreren`` is the one entry for staff and,
later, for parents through their portal."""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from leerlingen.models import Leerling, Privacyverzoek
from leerlingen.services.fouten import DossierFout, DossierOngeldigeOvergang
from swv.access import heeft_rol
from swv.choices import Rol
from swv.meldingen import melden_in_bulk
from swv.overgangen import overgang, status_vastleggen

#: AVG art. 12(3): one month, extendable once by two further months.
TERMIJN = relativedelta(months=1)
VERLENGING = relativedelta(months=2)
#: Reminders go out this many days before the due date (and once when it has passed).
HERINNEREN_DAGEN = 7

Status = Privacyverzoek.Status


class PrivacyverzoekFout(DossierFout):
    """A privacy request that the AVG rules of the register do not allow."""


class PrivacyverzoekOngeldigeOvergang(PrivacyverzoekFout, DossierOngeldigeOvergang):
    pass


def _privacyfunctionaris(door) -> None:
    if not heeft_rol(door, Rol.DB):
        raise PermissionDenied


@transaction.atomic
def privacyverzoek_registreren(
    *,
    leerling: Leerling,
    soort: str,
    ingediend_door_omschrijving: str,
    toelichting: str = "",
    ingediend_op: date | None = None,
    door,
) -> Privacyverzoek:
    """Record a request as received; the answer is due one month after ``ingediend_op``.

    ``door`` is the user who records it: the DB (privacy officer) now, a parent's account later (the
    parents' portal checks the parent's relation to the child before calling this)."""
    vandaag = timezone.localdate()
    ingediend_op = ingediend_op or vandaag
    fouten = {}
    if soort not in Privacyverzoek.Soort.values:
        fouten["soort"] = _("Choose the kind of request.")
    if not ingediend_door_omschrijving.strip():
        fouten["ingediend_door_omschrijving"] = _("Say who made the request (e.g. mother, both parents).")
    if ingediend_op > vandaag:
        fouten["ingediend_op"] = _("The date of receipt cannot be in the future.")
    if fouten:
        raise PrivacyverzoekFout(fouten)
    dezelfde = Privacyverzoek.objects.filter(leerling=leerling, soort=soort, ingediend_op=ingediend_op).exclude(
        status=Status.AFGEHANDELD
    )
    if (bestaand := dezelfde.first()) is not None:
        return bestaand  # a double submit: the request is registered once
    try:
        with transaction.atomic():
            verzoek = Privacyverzoek.objects.create(
                leerling=leerling,
                soort=soort,
                ingediend_op=ingediend_op,
                ingediend_door_omschrijving=ingediend_door_omschrijving.strip(),
                toelichting=toelichting.strip(),
                termijn=ingediend_op + TERMIJN,
                geregistreerd_door=door,
            )
    except IntegrityError:
        # The same request submitted at the same moment (two clicks, two tabs): the other one won.
        return dezelfde.get()
    status_vastleggen(verzoek, van="", naar=Status.ONTVANGEN, door=door)
    return verzoek


@transaction.atomic
def privacyverzoek_in_behandeling_nemen(*, verzoek: Privacyverzoek, door) -> Privacyverzoek:
    _privacyfunctionaris(door)
    return overgang(
        verzoek,
        Status.IN_BEHANDELING,
        door=door,
        van={Status.ONTVANGEN},
        bericht=_("Only a received request can be taken in hand (it is %(status)s)."),
        fout=PrivacyverzoekOngeldigeOvergang,
    )


@transaction.atomic
def privacyverzoek_verlengen(*, verzoek: Privacyverzoek, reden: str, door) -> Privacyverzoek:
    """Extend the deadline once, by two months, with a reason the requester is told (AVG 12(3))."""
    _privacyfunctionaris(door)
    if not reden.strip():
        raise PrivacyverzoekFout({"reden": _("Give the reason for the extension; the requester is told.")})
    return overgang(
        verzoek,
        Status.VERLENGD,
        door=door,
        van={Status.ONTVANGEN, Status.IN_BEHANDELING},
        reden=reden.strip(),
        velden={"verlengd_tot": verzoek.termijn + VERLENGING, "verlengingsreden": reden.strip()},
        bericht=_("The deadline can be extended only once, before the answer (it is %(status)s)."),
        fout=PrivacyverzoekOngeldigeOvergang,
    )


@transaction.atomic
def privacyverzoek_afhandelen(*, verzoek: Privacyverzoek, uitkomst: str, toelichting: str, door) -> Privacyverzoek:
    _privacyfunctionaris(door)
    fouten = {}
    if uitkomst not in Privacyverzoek.Uitkomst.values:
        fouten["uitkomst"] = _("Choose the outcome.")
    if uitkomst != Privacyverzoek.Uitkomst.TOEGEWEZEN and not toelichting.strip():
        fouten["toelichting"] = _("Explain why the request is not (fully) granted; the requester is told.")
    if fouten:
        raise PrivacyverzoekFout(fouten)
    return overgang(
        verzoek,
        Status.AFGEHANDELD,
        door=door,
        van=set(Privacyverzoek.OPEN_STATUSSEN),
        velden={
            "uitkomst": uitkomst,
            "uitkomst_toelichting": toelichting.strip(),
            "afgehandeld_op": timezone.localdate(),
        },
        bericht=_("This request has already been answered."),
        fout=PrivacyverzoekOngeldigeOvergang,
    )


@transaction.atomic
def privacyverzoek_export_maken(*, verzoek: Privacyverzoek, door):
    """Start the pupil's inzage export and attach it to the request (a new one replaces the old)."""
    from leerlingen.services.inzage import inzage_export_starten
    from swv.overgangen import vergrendel

    _privacyfunctionaris(door)
    vers = vergrendel(
        verzoek,
        van=set(Privacyverzoek.OPEN_STATUSSEN),
        bericht=_("This request has already been answered."),
        fout=PrivacyverzoekOngeldigeOvergang,
    )
    if vers.leerling is None:
        raise PrivacyverzoekFout(_("The pupil's data no longer exists."))
    taak = inzage_export_starten(leerling=vers.leerling, door=door)
    Privacyverzoek.objects.filter(pk=verzoek.pk).update(export=taak)
    verzoek.export = taak
    return taak


def privacyverzoeken_herinneren(*, vandaag: date | None = None) -> int:
    """Daily (celery beat): remind the DB of open requests due within a week, and once more when the
    deadline has passed. Idempotent: one notification per request, deadline and kind of reminder
    (``melden``'s key), so a repeated run or two workers notify nobody twice."""
    from swv.models import Lidmaatschap

    vandaag = vandaag or timezone.localdate()
    grens = vandaag + timedelta(days=HERINNEREN_DAGEN)
    ontvangers = list(
        Lidmaatschap.objects.actief_op(vandaag).filter(rol=Rol.DB).values_list("gebruiker_id", flat=True).distinct()
    )
    aanleidingen = []
    for v in Privacyverzoek.objects.filter(status__in=Privacyverzoek.OPEN_STATUSSEN):
        uiterste = v.uiterste_datum
        if uiterste > grens:
            continue
        soort = "te_laat" if uiterste < vandaag else "bijna"
        for ontvanger in ontvangers:
            aanleidingen.append(
                ("leerlingen.privacyverzoek", v.uuid, ontvanger, f"privacyverzoek:{v.pk}:{uiterste}:{soort}", None)
            )
    return len(melden_in_bulk(aanleidingen))
