"""The filters object every key-figure selector receives: a period plus optional organisation filters.

The period is a school year (1 August - 31 July) on the dashboard and a calendar year in the
jaarverslag. ``scholen(user)`` is the one place where the user's scope (the whole SWV, or the
bestuurder's own boards) meets the filters; selectors aggregate over that queryset as a subquery.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.utils import timezone

from swv.access import bestuur_ids, heeft_rol
from swv.choices import Rol, Soort
from swv.models import School

#: The soort filter's values; "SO" covers SO and SO/VSO vestigingen.
SOORT_FILTER = {"BO": [Soort.BO], "SBO": [Soort.SBO], "SO": [Soort.SO, Soort.SO_VSO]}


def scholen_in_scope(user) -> QuerySet[School]:
    """Schools whose aggregates the user may see: all for SWV-wide roles (and for TLC and AC members,
    whose annual reports cover the whole SWV), the board's schools for a bestuurder."""
    from kwaliteit import conf

    if not (user and user.is_authenticated and user.is_active):
        return School.objects.none()
    if heeft_rol(user, *conf.SWV_BREED, Rol.TLC_LID, Rol.AC_LID):
        return School.objects.all()
    if heeft_rol(user, Rol.BESTUURDER):
        return School.objects.filter(bestuur_id__in=bestuur_ids(user, [Rol.BESTUURDER]))
    return School.objects.none()


def schooljaar_van(datum: date) -> int:
    """The school year (its starting calendar year) that ``datum`` falls in."""
    return datum.year if datum.month >= 8 else datum.year - 1


@dataclass(frozen=True)
class Filters:
    """Period and organisation filters; ids are internal keys (never shown in URLs of pupil data)."""

    begin: date
    einde: date
    label: str
    bestuur_id: int | None = None
    kring_id: int | None = None
    gemeente_id: int | None = None
    school_id: int | None = None
    soort: str = ""
    schooljaar: int | None = None

    @classmethod
    def voor_schooljaar(cls, jaar: int, **kwargs) -> Filters:
        return cls(
            begin=date(jaar, 8, 1), einde=date(jaar + 1, 7, 31), label=f"{jaar}-{jaar + 1}", schooljaar=jaar, **kwargs
        )

    @classmethod
    def voor_kalenderjaar(cls, jaar: int, **kwargs) -> Filters:
        return cls(begin=date(jaar, 1, 1), einde=date(jaar, 12, 31), label=str(jaar), **kwargs)

    def met(self, **wijzigingen) -> Filters:
        return replace(self, **wijzigingen)

    @property
    def soorten(self) -> list[str]:
        return list(SOORT_FILTER.get(self.soort, []))

    def scholen(self, user, *, met_soort: bool = True) -> QuerySet[School]:
        """The user's schools narrowed by the organisation filters (and the soort, unless told not to)."""
        qs = scholen_in_scope(user)
        if self.bestuur_id:
            qs = qs.filter(bestuur_id=self.bestuur_id)
        if self.kring_id:
            qs = qs.filter(kring_id=self.kring_id)
        if self.gemeente_id:
            qs = qs.filter(gemeente_id=self.gemeente_id)
        if self.school_id:
            qs = qs.filter(pk=self.school_id)
        if met_soort and self.soort:
            qs = qs.filter(soort__in=self.soorten)
        return qs

    @property
    def peildatum(self) -> date:
        """The period's reference date: its end, or today while the period runs (a running school
        year's money is this calendar year's, not next year's budget)."""
        return min(self.einde, timezone.localdate())

    def querydict(self) -> dict[str, str]:
        """The dashboard form's GET parameters for these filters (for links and exports)."""
        waarden = {
            "schooljaar": self.schooljaar,
            "bestuur": self.bestuur_id,
            "kring": self.kring_id,
            "gemeente": self.gemeente_id,
            "school": self.school_id,
            "soort": self.soort,
        }
        return {k: str(v) for k, v in waarden.items() if v not in (None, "")}

    def querystring(self) -> str:
        return urlencode(self.querydict())

    @property
    def heeft_organisatiefilter(self) -> bool:
        return any([self.bestuur_id, self.kring_id, self.gemeente_id, self.school_id, self.soort])
