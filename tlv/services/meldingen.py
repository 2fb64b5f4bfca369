"""Notifications: in-app rows (idempotent by recipient + occasion) and an e-mail with a link only."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from swv.choices import Rol
from swv.models import Gebruiker, Lidmaatschap
from tlv import conf
from tlv.models import TLVMelding

logger = logging.getLogger(__name__)


def medewerkers(
    *, school_ids: Iterable[int] = (), rollen: Iterable[str] = (), swv_rollen: Iterable[str] = ()
) -> set[int]:
    """Ids of active users holding (today) one of ``rollen`` at one of the schools, or an SWV-wide role."""
    ids: set[int] = set()
    lidmaatschappen = Lidmaatschap.objects.actief_op().filter(gebruiker__is_active=True)
    school_ids, rollen, swv_rollen = list(school_ids), list(rollen), list(swv_rollen)
    if school_ids and rollen:
        ids |= set(
            lidmaatschappen.filter(school_id__in=school_ids, rol__in=rollen).values_list("gebruiker_id", flat=True)
        )
    if swv_rollen:
        ids |= set(
            lidmaatschappen.filter(rol__in=swv_rollen, school__isnull=True, bestuur__isnull=True).values_list(
                "gebruiker_id", flat=True
            )
        )
    return ids


def schoolontvangers(tlv, *, aanvrager=(Rol.IB_ER,), sbo=(Rol.IB_ER, Rol.DIRECTEUR)) -> set[int]:
    """Staff of the requesting school and of the intended S(B)O school who should hear about ``tlv``."""
    ids = medewerkers(school_ids=[tlv.aanvragende_school_id], rollen=aanvrager)
    if tlv.beoogde_school_id and tlv.eerst_ingediend_op:
        ids |= medewerkers(school_ids=[tlv.beoogde_school_id], rollen=sbo)
    return ids


def meldingen_maken(items: Iterable[tuple[int, int, str, str]]) -> int:
    """Create the notifications ``(recipient id, tlv id, kind, occasion key)`` that do not exist yet
    and mail each new one after the commit. Running twice creates and mails nothing twice."""
    per_sleutel = {(o, s): (o, t, soort, s) for o, t, soort, s in items}
    if not per_sleutel:
        return 0
    sleutels = {s for _o, s in per_sleutel}
    bestaand = set(
        TLVMelding.objects.filter(sleutel__in=sleutels, ontvanger_id__in={o for o, _s in per_sleutel}).values_list(
            "ontvanger_id", "sleutel"
        )
    )
    nieuw = [
        TLVMelding(ontvanger_id=o, tlv_id=t, soort=soort, sleutel=s)
        for (o, s), (_o, t, soort, _s) in per_sleutel.items()
        if (o, s) not in bestaand
    ]
    # ignore_conflicts: a concurrent run that just created the same row wins; nothing is duplicated.
    TLVMelding.objects.bulk_create(nieuw, batch_size=500, ignore_conflicts=True)
    if nieuw:
        transaction.on_commit(lambda: _mails_inplannen(sleutels))
    return len(nieuw)


def _mails_inplannen(sleutels: set[str]) -> None:
    from tlv.tasks import tlv_melding_mailen

    for pk in TLVMelding.objects.filter(sleutel__in=sleutels, gemaild_op__isnull=True).values_list("pk", flat=True):
        tlv_melding_mailen.delay(pk)


def melden(tlv, soort: str, ontvangers: Iterable[int], sleutel: str) -> int:
    """Notify ``ontvangers`` once about ``soort`` on ``tlv`` for the occasion ``sleutel``."""
    return meldingen_maken((o, tlv.pk, soort, sleutel) for o in ontvangers)


def melding_mailen(*, melding_id: int) -> bool:
    """Send the e-mail of one notification (a link only), at most once.

    The row is claimed with a conditional UPDATE; if sending fails, the claim is released and the
    error raised so that the task retries.
    """
    if not TLVMelding.objects.filter(pk=melding_id, gemaild_op__isnull=True).update(gemaild_op=timezone.now()):
        return False
    melding = TLVMelding.objects.select_related("ontvanger").get(pk=melding_id)
    ontvanger: Gebruiker = melding.ontvanger
    if not ontvanger.email:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        context = {"melding": melding, "link": conf.portaal_url() + melding.get_absolute_url(), "ontvanger": ontvanger}
        onderwerp = render_to_string("emails/tlv_melding_subject.txt", context).strip()
        tekst = render_to_string("emails/tlv_melding_text.txt", context)
        html = render_to_string("emails/tlv_melding_html.html", context)
    bericht = EmailMultiAlternatives(onderwerp, tekst, settings.DEFAULT_FROM_EMAIL, [ontvanger.email])
    bericht.attach_alternative(html, "text/html")
    try:
        bericht.send()
    except Exception:
        TLVMelding.objects.filter(pk=melding_id).update(gemaild_op=None)
        raise
    return True


def melding_gelezen(*, door, melding: TLVMelding) -> None:
    TLVMelding.objects.filter(pk=melding.pk, ontvanger=door, gelezen_op__isnull=True).update(gelezen_op=timezone.now())
