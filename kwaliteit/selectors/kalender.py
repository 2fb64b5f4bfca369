"""Reads of the accountability calendar: what is due this month and next, with owner and status."""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.urls import NoReverseMatch, reverse

from kwaliteit.choices import MomentStatus, PortaalProduct
from kwaliteit.models import KalenderItem, KalenderMoment

#: Generation pages of the products the portal makes. Other apps' pages are linked as soon as their
#: URL name exists (``NoReverseMatch`` until then): keep these names when building those pages.
GENERATIEPAGINAS: dict[str, tuple[str, str]] = {
    PortaalProduct.JAARVERSLAG: ("kwaliteit:verslagen", "?soort=jaarverslag"),
    PortaalProduct.TLC_JAARVERSLAG: ("kwaliteit:verslagen", "?soort=tlc_jaarverslag"),
    PortaalProduct.AC_JAARVERSLAG: ("kwaliteit:verslagen", "?soort=ac_jaarverslag"),
    PortaalProduct.JAARPLAN: ("kwaliteit:jaarplannen", ""),
    PortaalProduct.T_RAPPORTAGE: ("financien:t_rapportages", ""),
    PortaalProduct.PIJPLIJN: ("tlv:pijplijn", ""),
    PortaalProduct.RISICOLIJST: ("leerlingen:risicolijst", ""),
    PortaalProduct.KLACHTEN: ("kwaliteit:klachten_cijfers", ""),
    PortaalProduct.INNOVATIE: ("financien:innovaties", ""),
}


def generatiepagina(product: str) -> str | None:
    if product not in GENERATIEPAGINAS:
        return None
    naam, query = GENERATIEPAGINAS[product]
    try:
        return reverse(naam) + query
    except NoReverseMatch:
        return None


def _volgende(jaar: int, maand: int) -> tuple[int, int]:
    return (jaar + 1, 1) if maand == 12 else (jaar, maand + 1)


def kalender_items(user):
    return KalenderItem.objects.visible_to(user).order_by("volgorde", "product")


def kalender_overzicht(user, vandaag: date) -> list[dict]:
    """This month and next: per month the due products with owner, status and generation page.
    Two queries whatever the size of the calendar."""
    perioden = [(vandaag.year, vandaag.month), _volgende(vandaag.year, vandaag.month)]
    items = list(kalender_items(user).filter(actief=True))
    filter_ = Q()
    for jaar, maand in perioden:
        filter_ |= Q(jaar=jaar, maand=maand)
    momenten = {
        (m.item_id, m.jaar, m.maand): m
        for m in KalenderMoment.objects.filter(filter_, item__in=[i.pk for i in items]).select_related(
            "bijgewerkt_door"
        )
    }
    uitkomst = []
    for jaar, maand in perioden:
        regels = []
        for item in items:
            if not item.is_verwacht_in(jaar, maand):
                continue
            moment = momenten.get((item.pk, jaar, maand))
            regels.append(
                {
                    "item": item,
                    "moment": moment,
                    "status": moment.status if moment else MomentStatus.OPEN,
                    "status_label": moment.get_status_display() if moment else MomentStatus.OPEN.label,
                    "versie": moment.versie if moment else 1,
                    "link": generatiepagina(item.portaal_product),
                }
            )
        uitkomst.append({"jaar": jaar, "maand": maand, "datum": date(jaar, maand, 1), "regels": regels})
    return uitkomst
