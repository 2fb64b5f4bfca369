"""Reads of requests and arrangements: lists, the assessors' work queue, a request's page, the
worklists on the home page. Every selector takes ``user`` and starts from ``visible_to``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from arrangementen import conf
from arrangementen.choices import TE_BEOORDELEN_STATUSSEN, AanvraagStatus
from arrangementen.models import Aanvraag, Aanvullingsverzoek, Advies, Evaluatiemoment
from arrangementen.selectors.geld import Budgetpositie, Signaal

LIJST_RELATIES = ("leerling", "school", "arrangementtype")


def aanvragen_lijst(user, *, status: str = "", arrangementtype=None, school=None, zoek: str = ""):
    """Requests the user may see, newest first, with what a list row shows (no N+1)."""
    qs = Aanvraag.objects.visible_to(user).select_related(*LIJST_RELATIES)
    if status:
        qs = qs.filter(status=status) if status in AanvraagStatus.values else qs.none()
    if arrangementtype is not None:
        qs = qs.filter(arrangementtype=arrangementtype)
    if school is not None:
        qs = qs.filter(school=school)
    if zoek:
        q = Q(nummer__iexact=zoek.strip())
        delen = Q()
        for deel in zoek.split():
            delen &= Q(leerling__voornaam__icontains=deel) | Q(leerling__achternaam__icontains=deel)
        qs = qs.filter(q | delen)
    return qs.order_by("-aangemaakt", "-pk")


def aandachtspunten(aanvraag: Aanvraag) -> list[str]:
    """What an assessor should look at: gaps that do not block submission (from loaded fields)."""
    punten = []
    if not aanvraag.mdo_id:
        punten.append(_("No MDO outcome is linked."))
    if not aanvraag.dossier_id:
        punten.append(_("No support dossier is linked."))
    if not aanvraag.ouders_visie.strip():
        punten.append(_("The parents' view is not described."))
    if not aanvraag.kind_visie.strip():
        punten.append(_("The child's view is missing (reason given)."))
    if aanvraag.uren_per_week is None:
        punten.append(_("The number of hours per week is not given."))
    return punten


@dataclass
class Werkregel:
    aanvraag: Aanvraag
    aandachtspunten: list[str]
    signalen: list[Signaal]
    wachtdagen: int
    open_vraag: bool
    advies: bool

    @property
    def overschrijdingen(self) -> list[Signaal]:
        return [s for s in self.signalen if s.overschrijding]


def werkvoorraad(user, *, status: str = "", pagina=None, per_pagina: int = 50):
    """The assessor's work queue: submitted requests, those being assessed and those waiting for
    more information, oldest first, each with what is missing and any budget or capacity warning.

    Returns ``(page, rows)``: one page of ``per_pagina`` requests (the warnings are worked out for
    that page only). A fixed number of queries (count; requests; budgets and commitments of the
    years involved; places), whatever the size of the queue.
    """
    from django.core.paginator import Paginator

    statussen = [status] if status in TE_BEOORDELEN_STATUSSEN else list(TE_BEOORDELEN_STATUSSEN)
    basis = (
        Aanvraag.objects.visible_to(user, "beoordelen")
        .filter(status__in=statussen)
        .order_by("laatst_ingediend_op", "pk")
    )
    page = Paginator(basis, per_pagina).get_page(pagina)  # counts the plain queryset
    if not page.paginator.count:
        return page, []
    aanvragen = list(
        basis.select_related(*LIJST_RELATIES).annotate(
            heeft_advies=Exists(Advies.objects.filter(aanvraag=OuterRef("pk"))),
            open_vraag=Exists(Aanvullingsverzoek.objects.filter(aanvraag=OuterRef("pk"), beantwoord_op__isnull=True)),
        )[page.start_index() - 1 : page.end_index()]
    )
    jaren = {j for a in aanvragen for j in range(a.begindatum.year, a.einddatum.year + 1)}
    positie = Budgetpositie.laad_bezetting(Budgetpositie.laden(jaren))
    vandaag = timezone.localdate()
    return page, [
        Werkregel(
            aanvraag=a,
            aandachtspunten=aandachtspunten(a),
            signalen=positie.signalen(a),
            wachtdagen=wachtdagen(a.laatst_ingediend_op or a.aangemaakt, vandaag),
            open_vraag=a.open_vraag,
            advies=a.heeft_advies,
        )
        for a in aanvragen
    ]


def mag(user, aanvraag: Aanvraag, actie: str) -> bool:
    return Aanvraag.objects.visible_to(user, actie).filter(pk=aanvraag.pk).exists()


@dataclass
class Aanvraagpagina:
    aanvraag: Aanvraag
    rechten: dict[str, bool]
    overgangen: list
    aanvullingen: list
    adviezen: list
    momenten: list
    begrotingsregels: list
    besluit: object | None
    ontbreekt: list[str]
    aandachtspunten: list[str]
    signalen: list[Signaal] = field(default_factory=list)
    verlengingen: list = field(default_factory=list)
    tlv_url: str = ""

    @property
    def volgend_moment(self):
        """The first evaluation moment without a recorded evaluation."""
        return next((m for m in self.momenten if not hasattr(m, "evaluatie")), None)

    @property
    def heeft_acties(self) -> bool:
        """Whether the page offers this user any action in the request's current state."""
        a, r, s = self.aanvraag, self.rechten, AanvraagStatus
        return bool(
            (r["change"] and (a.is_intrekbaar or a.status in (s.AANVULLING_GEVRAAGD, s.LOPEND, s.GEEVALUEERD)))
            or (r["instemmen"] and a.status == s.CONCEPT and a.directeur_akkoord_op is None)
            or (r["beoordelen"] and a.status in (s.INGEDIEND, s.IN_BEOORDELING))
            or (r["besluiten"] and a.status == s.IN_BEOORDELING)
        )


def tlv_start_url(aanvraag: Aanvraag) -> str:
    """The TLV app's "new request" page when it exists (a guarded reverse), else the pupil's page."""
    try:
        return reverse("tlv:aanvraag_nieuw") + f"?leerling={aanvraag.leerling.uuid}"
    except NoReverseMatch:
        return reverse("leerlingen:detail", args=[aanvraag.leerling.uuid])


def aanvraag_pagina(user, aanvraag: Aanvraag) -> Aanvraagpagina:
    """Everything the request's page shows, and what this user may do on it."""
    from arrangementen.services.aanvraag import ontbrekend_voor_indienen

    rechten = {actie: mag(user, aanvraag, actie) for actie in ("change", "instemmen", "beoordelen", "besluiten")}
    besluit = (
        getattr(aanvraag, "besluit", None)
        if aanvraag.status
        not in (
            AanvraagStatus.CONCEPT,
            AanvraagStatus.INGEDIEND,
            AanvraagStatus.IN_BEOORDELING,
            AanvraagStatus.AANVULLING_GEVRAAGD,
        )
        else None
    )
    momenten = list(aanvraag.evaluatiemomenten.select_related("evaluatie__vastgelegd_door").order_by("datum"))
    pagina = Aanvraagpagina(
        aanvraag=aanvraag,
        rechten=rechten,
        overgangen=list(aanvraag.statusovergangen.select_related("door")),
        aanvullingen=list(aanvraag.aanvullingsverzoeken.select_related("gevraagd_door", "beantwoord_door")),
        adviezen=list(aanvraag.adviezen.select_related("door")),
        momenten=momenten,
        begrotingsregels=list(aanvraag.begrotingsregels.all()),
        besluit=besluit,
        ontbreekt=ontbrekend_voor_indienen(aanvraag) if aanvraag.status == AanvraagStatus.CONCEPT else [],
        aandachtspunten=aandachtspunten(aanvraag) if aanvraag.status in TE_BEOORDELEN_STATUSSEN else [],
        verlengingen=list(aanvraag.verlengingen.all()),
    )
    if (rechten["beoordelen"] or rechten["besluiten"]) and aanvraag.status in TE_BEOORDELEN_STATUSSEN:
        from arrangementen.selectors.geld import budgetsignalen

        pagina.signalen = budgetsignalen(aanvraag)
    if aanvraag.status == AanvraagStatus.GEEVALUEERD:
        pagina.tlv_url = tlv_start_url(aanvraag)
    return pagina


def van_leerling(user, leerling) -> list[Aanvraag]:
    return list(
        Aanvraag.objects.visible_to(user)
        .filter(leerling=leerling)
        .select_related("arrangementtype", "school")
        .order_by("-begindatum")
    )


def wachtdagen(sinds, vandaag) -> int:
    """Calendar days a request has waited since ``sinds`` (a moment), never negative: a request
    submitted today has waited 0 days, also when its timestamp is a moment ahead of the clock
    (a timedelta of minus a few seconds has ``.days == -1``)."""
    return max(0, (vandaag - timezone.localtime(sinds).date()).days)


def mdo_uitkomsten_zonder_aanvraag(user, *, limiet: int = 20) -> list:
    """Held MDOs with the outcome "arrangement request" for which the ib-er has not yet filed one."""
    from leerlingen.choices import MDOStatus, Uitkomstsoort
    from leerlingen.models import Leerling, MDOUitkomst

    return list(
        MDOUitkomst.objects.visible_to(user, "change")
        .filter(soort=Uitkomstsoort.ARRANGEMENTAANVRAAG, mdo__status=MDOStatus.GEHOUDEN)
        .filter(mdo__dossier__leerling__in=Leerling.objects.visible_to(user, "change"))
        .exclude(Exists(Aanvraag.objects.filter(mdo_uitkomst=OuterRef("pk"))))
        .select_related("mdo__dossier__leerling")
        .order_by("-mdo__gehouden_op", "-pk")[:limiet]
    )


def werklijst_school(user) -> dict:
    """The ib-er's worklist: concepts, questions to answer, granted not started, evaluations due or
    overdue, evaluated arrangements to close, and MDO outcomes without a request."""
    vandaag = timezone.localdate()
    grens = vandaag + timedelta(days=conf.evaluatie_herinnering_dagen())
    eigen = Aanvraag.objects.visible_to(user, "change")
    per_status = dict(
        eigen.filter(
            status__in=[
                AanvraagStatus.CONCEPT,
                AanvraagStatus.AANVULLING_GEVRAAGD,
                AanvraagStatus.TOEGEKEND,
                AanvraagStatus.GEEVALUEERD,
            ]
        )
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    evaluaties = list(
        Evaluatiemoment.objects.filter(
            aanvraag__in=eigen.filter(status=AanvraagStatus.LOPEND), evaluatie__isnull=True, datum__lte=grens
        )
        .select_related("aanvraag__leerling", "aanvraag__arrangementtype")
        .order_by("datum")[:20]
    )
    aandacht = list(
        eigen.filter(
            status__in=[AanvraagStatus.AANVULLING_GEVRAAGD, AanvraagStatus.TOEGEKEND, AanvraagStatus.GEEVALUEERD]
        )
        .select_related(*LIJST_RELATIES)
        .order_by("status", "begindatum")[:20]
    )
    return {
        "per_status": per_status,
        "evaluaties": evaluaties,
        "te_laat": sum(1 for m in evaluaties if m.datum < vandaag),
        "aandacht": aandacht,
        "uitkomsten": mdo_uitkomsten_zonder_aanvraag(user, limiet=10),
        "vandaag": vandaag,
    }


def werklijst_directeur(user) -> list[Aanvraag]:
    """Concepts of the directeur's school that wait for their agreement."""
    return list(
        Aanvraag.objects.visible_to(user, "instemmen")
        .filter(status=AanvraagStatus.CONCEPT, directeur_akkoord_op__isnull=True)
        .select_related(*LIJST_RELATIES)
        .order_by("aangemaakt")[:20]
    )


def werklijst_beoordelaar(user) -> dict:
    """Counts for the assessor's home panel (one query)."""
    telling = dict(
        Aanvraag.objects.visible_to(user, "beoordelen")
        .filter(status__in=TE_BEOORDELEN_STATUSSEN)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {"per_status": telling, "totaal": sum(telling.values())}


def evaluatie_moment(user, uuid) -> Evaluatiemoment | None:
    return (
        Evaluatiemoment.objects.visible_to(user, "change")
        .select_related("aanvraag__leerling", "aanvraag__arrangementtype", "aanvraag__school")
        .prefetch_related(Prefetch("aanvraag__evaluatiemomenten"))
        .filter(uuid=uuid)
        .first()
    )
