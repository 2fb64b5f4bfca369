"""What a parent reads about one child (issue 14). Every function starts from the parent's link in
force (``toegang.koppeling_van``), never from a staff scope: a parent has no membership, so the
staff querysets' ``visible_to`` give them nothing, and these give them only what is shared."""

from __future__ import annotations

from django.db.models import Prefetch

from leerlingen.choices import Deelnemersrol, DossierStatus, MDOStatus, OPPStatus
from leerlingen.models import (
    MDO,
    DossierSectie,
    Inschrijving,
    Logboekbericht,
    OPPInstemming,
    OPPVersie,
    OuderBrief,
    OuderKoppeling,
)
from leerlingen.ouders.bronnen import verzoeken_van


def kinderen_overzicht(user) -> list[OuderKoppeling]:
    """The parent's links in force with the child and its current school (two queries)."""
    koppelingen = list(
        OuderKoppeling.objects.visible_to(user)
        .filter(ouder=user)
        .select_related("leerling")
        .order_by("leerling__voornaam")
    )
    scholen = dict(
        Inschrijving.objects.actief_op()
        .filter(leerling_id__in=[k.leerling_id for k in koppelingen])
        .values_list("leerling_id", "school__naam")
    )
    for k in koppelingen:
        k.school_naam = scholen.get(k.leerling_id, "")
    return koppelingen


def gedeelde_secties(koppeling: OuderKoppeling) -> list[DossierSectie]:
    """The groeidocument sections the school shares, of the child's dossier that is not closed."""
    return list(
        DossierSectie.objects.filter(dossier__leerling_id=koppeling.leerling_id, gedeeld_met_ouders=True)
        .exclude(dossier__status=DossierStatus.AFGESLOTEN)
        .exclude(tekst="")
        .order_by("sectie")
    )


def opp_versies(koppeling: OuderKoppeling) -> list[OPPVersie]:
    """The OPP versions of the child (newest first) with the parent's own answers on each."""
    eigen = OPPInstemming.objects.filter(vastgelegd_door=koppeling.ouder).order_by("-vastgelegd_op")
    return list(
        OPPVersie.objects.filter(opp__dossier__leerling_id=koppeling.leerling_id)
        .prefetch_related(Prefetch("instemmingen", queryset=eigen, to_attr="eigen_antwoorden"))
        .order_by("-versienummer")
    )


def opp_versie(koppeling: OuderKoppeling, uuid) -> OPPVersie | None:
    return (
        OPPVersie.objects.filter(opp__dossier__leerling_id=koppeling.leerling_id, uuid=uuid)
        .exclude(status=OPPStatus.VERVANGEN)
        .select_related("opp__dossier")
        .first()
    )


def mdos(koppeling: OuderKoppeling) -> list[MDO]:
    """Meetings about the child to which the parents were invited (a participant in the role of
    parent); the minutes only of held ones."""
    return list(
        MDO.objects.filter(dossier__leerling_id=koppeling.leerling_id, deelnemers__rol=Deelnemersrol.OUDER)
        .exclude(status=MDOStatus.GEANNULEERD)
        .distinct()
        .order_by("-begint_om")
    )


def verzoeken(koppeling: OuderKoppeling):
    return verzoeken_van(koppeling.leerling)


def brieven(koppeling: OuderKoppeling) -> list[OuderBrief]:
    """The letters delivered to this parent about this child, newest first."""
    return list(
        OuderBrief.objects.visible_to(koppeling.ouder)
        .filter(leerling_id=koppeling.leerling_id)
        .select_related("taak")
        .order_by("-bezorgd_op")
    )


def logboek(koppeling: OuderKoppeling) -> list[Logboekbericht]:
    """The logbook messages this parent may read about this child, newest first."""
    return list(
        Logboekbericht.objects.visible_to(koppeling.ouder)
        .filter(leerling_id=koppeling.leerling_id)
        .select_related("auteur")
        .order_by("-aangemaakt")[:50]
    )
