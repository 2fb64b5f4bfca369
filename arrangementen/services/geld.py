"""Writes of the money side: the arrangement budget per year (per school, kring or the whole SWV)
and realised costs, entered one by one or imported from the accounting system's export."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from arrangementen.budget import jaarverdeling, rond
from arrangementen.choices import BESLAG_STATUSSEN, AanvraagStatus, Realisatiebron
from arrangementen.models import Aanvraag, Arrangementbudget, Realisatie, Verplichting
from arrangementen.querysets import BUDGET_BEHEERDERS
from arrangementen.services.fouten import AanvraagFout
from swv import tabellen
from swv.access import heeft_rol
from swv.tabellen import TabelFout, WaardeFout, lees_tabel, regelfout

#: Arrangements that can have realised costs: granted ones, also when ended.
REALISEERBAAR = (*BESLAG_STATUSSEN, AanvraagStatus.INGETROKKEN)


def verplichtingen_schrijven(aanvraag: Aanvraag) -> list[Verplichting]:
    """The commitment of a granted request per calendar year (part of the decision, not a service
    of its own): its granted amount spread over the granted period."""
    if aanvraag.toegekend_bedrag is None:
        raise ValueError(f"Arrangement request {aanvraag.pk} has no granted amount to commit")
    Verplichting.objects.filter(aanvraag=aanvraag).delete()
    return Verplichting.objects.bulk_create(
        Verplichting(aanvraag=aanvraag, school_id=aanvraag.school_id, jaar=jaar, bedrag=deel)
        for jaar, deel in jaarverdeling(aanvraag.toegekend_bedrag, aanvraag.begindatum, aanvraag.einddatum).items()
    )


def _vereis_beheerder(door) -> None:
    if not heeft_rol(door, *BUDGET_BEHEERDERS):
        raise AanvraagFout(_("Only the controller or the DB may change arrangement budgets and realised costs."))


def _controleer_jaar(jaar: int) -> None:
    if not 2000 <= jaar <= 2100:
        raise AanvraagFout(_("Give a year between 2000 and 2100."))


@transaction.atomic
def budget_vastleggen(
    *, door, jaar: int, bedrag: Decimal, school=None, kring=None, toelichting: str = ""
) -> Arrangementbudget:
    """Set the amount available in ``jaar`` for a school, a kring, or (neither) the whole SWV."""
    _vereis_beheerder(door)
    _controleer_jaar(jaar)
    if school is not None and kring is not None:
        raise AanvraagFout(_("A budget is for a school or for a cluster, not both."))
    bedrag = rond(bedrag)
    if bedrag < 0:
        raise AanvraagFout(_("The amount cannot be negative."))
    budget = Arrangementbudget.objects.select_for_update().filter(jaar=jaar, school=school, kring=kring).first()
    if budget is None:
        budget = Arrangementbudget(jaar=jaar, school=school, kring=kring)
    budget.bedrag, budget.toelichting = bedrag, toelichting.strip()
    budget.gewijzigd_door, budget.gewijzigd_op = door, timezone.now()
    budget.save()
    return budget


def _realiseerbare(nummer: str) -> Aanvraag | None:
    return Aanvraag.objects.filter(nummer=nummer.strip().upper(), status__in=REALISEERBAAR).first()


@transaction.atomic
def realisatie_vastleggen(
    *,
    door,
    aanvraag: Aanvraag,
    jaar: int,
    bedrag: Decimal,
    omschrijving: str = "",
    bron: str = Realisatiebron.INGEVOERD,
) -> Realisatie:
    """Record (or replace) the realised cost of one granted arrangement in one calendar year."""
    _vereis_beheerder(door)
    _controleer_jaar(jaar)
    bedrag = rond(bedrag)
    if bedrag < 0:
        raise AanvraagFout(_("The amount cannot be negative."))
    if aanvraag.status not in REALISEERBAAR or aanvraag.toegekend_bedrag is None:
        raise AanvraagFout(_("Only granted arrangements can have realised costs."))
    realisatie, _nieuw = Realisatie.objects.select_for_update().get_or_create(
        aanvraag=aanvraag, jaar=jaar, defaults={"bedrag": bedrag, "vastgelegd_door": door}
    )
    realisatie.bedrag, realisatie.omschrijving, realisatie.bron = bedrag, omschrijving.strip()[:200], bron
    realisatie.vastgelegd_door, realisatie.vastgelegd_op = door, timezone.now()
    realisatie.save()
    return realisatie


@dataclass(frozen=True)
class Importregel:
    regel: int
    nummer: str
    jaar: int
    bedrag: Decimal
    omschrijving: str


KOLOMMEN = {
    "nummer": {"aanvraagnummer", "nummer"},
    "jaar": {"jaar"},
    "bedrag": {"bedrag"},
    "omschrijving": {"omschrijving"},
}


def lees_realisaties(bestand) -> tuple[list[Importregel], list[str]]:
    """Parse an export with the columns aanvraagnummer, jaar, bedrag (and optionally omschrijving)
    through the portal's one table reader (``swv.tabellen``); row errors as "Regel 7: ..."."""
    try:
        rijen = lees_tabel(bestand, kolommen=KOLOMMEN, verplicht=("nummer", "jaar", "bedrag"))
    except TabelFout as fout:
        raise AanvraagFout(str(fout)) from None
    regels, fouten = [], []
    for rij in rijen:
        try:
            jaar = int(rij.tekst("jaar"))
            bedrag = tabellen.bedrag(rij["bedrag"])
        except (ValueError, WaardeFout):  # the year is no whole number, or the amount no amount
            fouten.append(regelfout(rij.nummer, _("year or amount is not a number.")))
            continue
        regels.append(Importregel(rij.nummer, rij.tekst("nummer"), jaar, bedrag, rij.tekst("omschrijving")))
    return regels, fouten


@transaction.atomic
def realisaties_importeren(*, door, bestand) -> int:
    """Import realised costs; all rows or none: any error refuses the whole file with every reason."""
    _vereis_beheerder(door)
    regels, fouten = lees_realisaties(bestand)
    gezien: dict[tuple[int, int], int] = {}  # (arrangement pk, year) -> row
    gevonden = []
    for r in regels:
        aanvraag = _realiseerbare(r.nummer)
        if aanvraag is None:
            fouten.append(
                regelfout(r.regel, _("no granted arrangement with number %(nummer)s.") % {"nummer": r.nummer})
            )
        elif not 2000 <= r.jaar <= 2100 or r.bedrag < 0:
            fouten.append(regelfout(r.regel, _("the year or the amount is not valid.")))
        elif (aanvraag.pk, r.jaar) in gezien:
            fouten.append(
                regelfout(
                    r.regel, _("the same arrangement and year as row %(m)s.") % {"m": gezien[(aanvraag.pk, r.jaar)]}
                )
            )
        else:
            gezien[(aanvraag.pk, r.jaar)] = r.regel
            gevonden.append((aanvraag, r))
    if fouten:
        raise AanvraagFout(_("Nothing was imported. %(fouten)s") % {"fouten": " ".join(fouten[:20])})
    for aanvraag, r in gevonden:
        realisatie_vastleggen(
            door=door,
            aanvraag=aanvraag,
            jaar=r.jaar,
            bedrag=r.bedrag,
            omschrijving=r.omschrijving,
            bron=Realisatiebron.GEIMPORTEERD,
        )
    return len(gevonden)
