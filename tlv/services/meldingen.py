"""Who hears about a TLV; the notifications themselves are ``swv.meldingen``'s (one model, one sender)."""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from swv.choices import Rol
from swv.meldingen import melden as swv_melden
from swv.meldingen import melden_in_bulk
from swv.models import Lidmaatschap


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


def meldingen_maken(items: Iterable[tuple[int, UUID, str, str]]) -> int:
    """Notify ``(recipient id, tlv uuid, kind, occasion key)`` through ``swv.meldingen`` (idempotent:
    running twice creates and mails nothing twice). Returns the number of new notifications."""
    return len(melden_in_bulk((soort, tlv_uuid, o, s, None) for o, tlv_uuid, soort, s in items))


def melden(tlv, soort: str, ontvangers: Iterable[int], sleutel: str) -> int:
    """Notify ``ontvangers`` once about ``soort`` on ``tlv`` for the occasion ``sleutel``."""
    return len(swv_melden(soort=soort, doel=tlv, ontvangers=ontvangers, sleutel=sleutel))
