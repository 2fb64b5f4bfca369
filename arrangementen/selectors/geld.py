"""Reads of the arrangement budget: available, committed (granted), realised and remaining, per
school, kring and SWV, and the warnings an assessor sees when a request would exceed a budget.

Committed: the granted amount (``Aanvraag.toegekend_bedrag``) of every request in a committing
state (granted, running, evaluated, closed), spread over the calendar years of the granted period
in proportion to the days (``arrangementen.budget.jaarverdeling``) and stored per year with the
decision (``Verplichting``), so totals are sums in the database. A refusal never commits; a
withdrawal releases what was committed. Realised: ``Realisatie`` rows per arrangement and year.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from arrangementen.budget import jaarverdeling
from arrangementen.choices import BESLAG_STATUSSEN, AanvraagStatus
from arrangementen.models import Aanvraag, Arrangementbudget, Realisatie, Verplichting
from swv.models import Kring, School
from swv.opmaak import euro

NUL = Decimal("0.00")


def _beslag(jaren: set[int]):
    """Commitments of requests in a committing state, summed per year and school (one query)."""
    return (
        Verplichting.objects.filter(jaar__in=jaren, aanvraag__status__in=BESLAG_STATUSSEN)
        .values_list("jaar", "school_id", "school__kring_id")
        .annotate(som=Sum("bedrag"))
        .order_by()
    )


def eigen_verplichting(aanvraag: Aanvraag) -> dict[int, Decimal]:
    """What a request itself commits per year (empty unless granted and not withdrawn)."""
    if aanvraag.status not in BESLAG_STATUSSEN:
        return {}
    return dict(Verplichting.objects.filter(aanvraag=aanvraag).values_list("jaar", "bedrag"))


@dataclass
class Signaal:
    """A warning for the assessor (budget or capacity); ``overschrijding`` marks an excess."""

    tekst: str
    overschrijding: bool = True

    def __str__(self) -> str:
        return self.tekst


def _overschrijding(niveau, jaar: int, rest, deel) -> str:
    """The warning that a request exceeds a budget. When nothing remains, it says by how much the
    budget is already exceeded instead of "-€ 1.200,00 remains", which reads as nonsense."""
    if rest <= 0:
        return capfirst(
            _("%(niveau)s in %(jaar)s is already exceeded by %(tekort)s; this request would add %(deel)s.")
            % {"niveau": niveau, "jaar": jaar, "tekort": euro(-rest), "deel": euro(deel)}
        )
    return _("Exceeds %(niveau)s in %(jaar)s: %(rest)s remains, this request needs %(deel)s.") % {
        "niveau": niveau,
        "jaar": jaar,
        "rest": euro(rest),
        "deel": euro(deel),
    }


@dataclass
class Budgetpositie:
    """Budgets and commitments of some calendar years, loaded in a fixed number of queries, that
    answers "would this amount exceed a budget?" for any request without further queries."""

    jaren: set[int]
    budget_school: dict = field(default_factory=dict)  # (jaar, school_id) -> Decimal
    budget_kring: dict = field(default_factory=dict)  # (jaar, kring_id) -> Decimal
    budget_swv: dict = field(default_factory=dict)  # jaar -> Decimal (explicit SWV row or sum of rows)
    swv_expliciet: set = field(default_factory=set)  # years with an explicit SWV-wide row
    beslag_school: dict = field(default_factory=lambda: defaultdict(Decimal))
    beslag_kring: dict = field(default_factory=lambda: defaultdict(Decimal))
    beslag_swv: dict = field(default_factory=lambda: defaultdict(Decimal))
    bezetting: list = field(default_factory=list)  # (type_id, begin, eind, pk) of granted/running requests

    @classmethod
    def laden(cls, jaren) -> Budgetpositie:
        pos = cls(jaren=set(jaren))
        swv_expliciet: dict[int, Decimal] = {}
        swv_som: defaultdict[int, Decimal] = defaultdict(Decimal)
        for jaar, school_id, kring_id, bedrag in Arrangementbudget.objects.filter(jaar__in=pos.jaren).values_list(
            "jaar", "school_id", "kring_id", "bedrag"
        ):
            if school_id:
                pos.budget_school[(jaar, school_id)] = bedrag
            elif kring_id:
                pos.budget_kring[(jaar, kring_id)] = bedrag
            else:
                swv_expliciet[jaar] = bedrag
            if school_id or kring_id:
                swv_som[jaar] += bedrag
        pos.swv_expliciet = set(swv_expliciet)
        for jaar in pos.jaren:
            if jaar in swv_expliciet or jaar in swv_som:
                pos.budget_swv[jaar] = swv_expliciet.get(jaar, swv_som.get(jaar))
        for jaar, school_id, kring_id, som in _beslag(pos.jaren):
            pos.beslag_school[(jaar, school_id)] += som
            if kring_id:
                pos.beslag_kring[(jaar, kring_id)] += som
            pos.beslag_swv[jaar] += som
        return pos

    @staticmethod
    def laad_bezetting(pos: Budgetpositie) -> Budgetpositie:
        pos.bezetting = list(
            Aanvraag.objects.filter(
                status__in=[AanvraagStatus.TOEGEKEND, AanvraagStatus.LOPEND], arrangementtype__capaciteit__isnull=False
            ).values_list("arrangementtype_id", "begindatum", "einddatum", "pk")
        )
        return pos

    def signalen(self, aanvraag: Aanvraag, *, bedrag=None, begin=None, eind=None, eigen=None) -> list[Signaal]:
        """Warnings for ``aanvraag`` at ``bedrag`` over ``begin``..``eind`` (default: what it asks).

        ``eigen``: the request's own commitment per year (when already granted), left out of what
        is committed so that a granted request is not compared with itself.
        """
        bedrag = aanvraag.gevraagd_bedrag if bedrag is None else bedrag
        begin, eind = begin or aanvraag.begindatum, eind or aanvraag.einddatum
        eigen = eigen or {}
        kring_id = aanvraag.school.kring_id
        uit: list[Signaal] = []
        for jaar, deel in jaarverdeling(bedrag, begin, eind).items():
            if jaar not in self.jaren or deel <= 0:
                continue
            if (jaar, aanvraag.school_id) in self.budget_school:
                beschikbaar = self.budget_school[(jaar, aanvraag.school_id)]
                rest = beschikbaar - self.beslag_school[(jaar, aanvraag.school_id)] + eigen.get(jaar, NUL)
                niveau = _("the school's budget")
            elif kring_id and (jaar, kring_id) in self.budget_kring:
                beschikbaar = self.budget_kring[(jaar, kring_id)]
                rest = beschikbaar - self.beslag_kring[(jaar, kring_id)] + eigen.get(jaar, NUL)
                niveau = _("the cluster's budget")
            else:
                rest, niveau = None, None
                uit.append(
                    Signaal(
                        _("No budget has been set for this school or its cluster in %(jaar)s.") % {"jaar": jaar}, False
                    )
                )
            if rest is not None and deel > rest:
                uit.append(Signaal(_overschrijding(niveau, jaar, rest, deel)))
            # The SWV-wide check needs an explicit SWV line; a total derived from the school and
            # kring budgets would only repeat the warning above.
            if jaar in self.swv_expliciet:
                rest_swv = self.budget_swv[jaar] - self.beslag_swv[jaar] + eigen.get(jaar, NUL)
                if deel > rest_swv:
                    niveau_swv = _("the partnership's arrangement budget")
                    uit.append(Signaal(_overschrijding(niveau_swv, jaar, rest_swv, deel)))
        capaciteit = aanvraag.arrangementtype.capaciteit
        if capaciteit:
            bezet = sum(
                1
                for type_id, b, e, pk in self.bezetting
                if type_id == aanvraag.arrangementtype_id and pk != aanvraag.pk and b <= eind and e >= begin
            )
            if bezet >= capaciteit:
                uit.append(
                    Signaal(
                        _("%(type)s is full in this period: %(bezet)s of %(capaciteit)s places are taken.")
                        % {"type": aanvraag.arrangementtype.naam, "bezet": bezet, "capaciteit": capaciteit}
                    )
                )
        return uit


def budgetsignalen(aanvraag: Aanvraag, *, bedrag=None, begin=None, eind=None) -> list[Signaal]:
    """The warnings for one request (a handful of queries)."""
    begin, eind = begin or aanvraag.begindatum, eind or aanvraag.einddatum
    pos = Budgetpositie.laden(range(begin.year, eind.year + 1))
    Budgetpositie.laad_bezetting(pos)
    return pos.signalen(aanvraag, bedrag=bedrag, begin=begin, eind=eind, eigen=eigen_verplichting(aanvraag))


def _gerealiseerd_per_school(jaar: int) -> dict[int, Decimal]:
    return {
        r["aanvraag__school_id"]: r["totaal"]
        for r in Realisatie.objects.filter(jaar=jaar).values("aanvraag__school_id").annotate(totaal=Sum("bedrag"))
    }


def arrangementen_budgetbeslag(*, jaar: int) -> dict:
    """Contract for the finance app: committed and realised arrangement money in calendar year
    ``jaar``. No ``user``: the finance app applies its own role check before calling this.

    Returns ``{"toegekend": Decimal, "gerealiseerd": Decimal, "per_school": [{"school_id": int,
    "toegekend": Decimal, "gerealiseerd": Decimal}, ...]}`` (schools with either amount, by id).
    """
    pos = Budgetpositie.laden([jaar])
    toegekend = {school_id: bedrag for (j, school_id), bedrag in pos.beslag_school.items() if j == jaar}
    gerealiseerd = _gerealiseerd_per_school(jaar)
    per_school = [
        {
            "school_id": school_id,
            "toegekend": toegekend.get(school_id, NUL),
            "gerealiseerd": gerealiseerd.get(school_id, NUL),
        }
        for school_id in sorted(set(toegekend) | set(gerealiseerd))
    ]
    return {
        "toegekend": sum(toegekend.values(), NUL),
        "gerealiseerd": sum(gerealiseerd.values(), NUL),
        "per_school": per_school,
    }


@dataclass
class Budgetregel:
    naam: str
    beschikbaar: Decimal | None
    toegekend: Decimal
    gerealiseerd: Decimal
    school: School | None = None
    kring: Kring | None = None

    @property
    def resterend(self) -> Decimal | None:
        return None if self.beschikbaar is None else self.beschikbaar - self.toegekend

    @property
    def is_overschreden(self) -> bool:
        return self.resterend is not None and self.resterend < 0

    @property
    def percentage(self) -> int | None:
        if not self.beschikbaar:
            return None
        return int(round(self.toegekend / self.beschikbaar * 100))


def budgetoverzicht(user, *, jaar: int, kring=None) -> dict | None:
    """The budget page: per school and per kring available / committed / realised / remaining, and
    the SWV's total, for calendar year ``jaar`` (schools of one ``kring`` when given). ``None`` for
    users who may not see budgets.

    A bounded number of queries whatever the number of schools or arrangements.
    """
    if not _mag_budget_zien(user):
        return None
    pos = Budgetpositie.laden([jaar])
    gerealiseerd = _gerealiseerd_per_school(jaar)
    toegekend = {school_id: bedrag for (j, school_id), bedrag in pos.beslag_school.items() if j == jaar}
    school_ids = set(toegekend) | set(gerealiseerd) | {s for (j, s) in pos.budget_school if j == jaar}
    scholen = School.objects.filter(pk__in=school_ids).select_related("kring").order_by("naam")
    alle_scholen = [
        Budgetregel(
            naam=s.naam,
            school=s,
            kring=s.kring,
            beschikbaar=pos.budget_school.get((jaar, s.pk)),
            toegekend=toegekend.get(s.pk, NUL),
            gerealiseerd=gerealiseerd.get(s.pk, NUL),
        )
        for s in scholen
    ]
    kring_toegekend: dict[int, Decimal] = defaultdict(Decimal)
    kring_gerealiseerd: dict[int, Decimal] = defaultdict(Decimal)
    per_school = [r for r in alle_scholen if kring is None or r.kring == kring]
    for r in alle_scholen:
        if r.kring:
            kring_toegekend[r.kring.pk] += r.toegekend
            kring_gerealiseerd[r.kring.pk] += r.gerealiseerd
    kring_ids = set(kring_toegekend) | {k for (j, k) in pos.budget_kring if j == jaar}
    per_kring = [
        Budgetregel(
            naam=k.naam,
            kring=k,
            beschikbaar=pos.budget_kring.get((jaar, k.pk)),
            toegekend=kring_toegekend.get(k.pk, NUL),
            gerealiseerd=kring_gerealiseerd.get(k.pk, NUL),
        )
        for k in Kring.objects.filter(pk__in=kring_ids).order_by("naam")
    ]
    totaal = Budgetregel(
        naam=_("Whole partnership"),
        beschikbaar=pos.budget_swv.get(jaar),
        toegekend=pos.beslag_swv.get(jaar, NUL),
        gerealiseerd=sum(gerealiseerd.values(), NUL),
    )
    return {"jaar": jaar, "totaal": totaal, "per_school": per_school, "per_kring": per_kring}


def budgettotaal(user, *, jaar: int) -> Budgetregel | None:
    """The SWV's line of the budget page only (for the home panel; three queries)."""
    if not _mag_budget_zien(user):
        return None
    pos = Budgetpositie.laden([jaar])
    gerealiseerd = Realisatie.objects.filter(jaar=jaar).aggregate(s=Sum("bedrag"))["s"] or NUL
    return Budgetregel(
        naam=_("Whole partnership"),
        beschikbaar=pos.budget_swv.get(jaar),
        toegekend=pos.beslag_swv.get(jaar, NUL),
        gerealiseerd=gerealiseerd,
    )


def _mag_budget_zien(user) -> bool:
    from arrangementen.querysets import BUDGET_LEZERS
    from swv.access import heeft_rol

    return heeft_rol(user, *BUDGET_LEZERS)


def budgetjaren(user, *, rond: int) -> list[int]:
    """Years for the year picker: those with a budget, and the years around ``rond``."""
    jaren = set(Arrangementbudget.objects.visible_to(user).values_list("jaar", flat=True).distinct())
    return sorted(jaren | {rond - 1, rond, rond + 1}, reverse=True)


def realisaties(user, *, jaar: int):
    return (
        Realisatie.objects.visible_to(user)
        .filter(jaar=jaar)
        .select_related("aanvraag__arrangementtype", "aanvraag__school")
        .order_by("aanvraag__nummer")
    )
