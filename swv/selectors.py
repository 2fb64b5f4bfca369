"""Reads of the organisation register for the home pages; every selector takes ``user``."""

from __future__ import annotations

from django.db.models import Count, Q, Sum

from swv.access import school_ids
from swv.choices import Rol
from swv.models import Bestuur, Kring, Leerlingtelling, School


def laatste_teldatum():
    return Leerlingtelling.objects.order_by("-teldatum").values_list("teldatum", flat=True).first()


def scholen_van(user, rollen, *, limiet: int | None = None) -> list[School]:
    """The user's schools for the given roles (the first ``limiet`` by name), with their latest pupil
    count (two queries)."""
    ids = school_ids(user, rollen)
    qs = (
        School.objects.visible_to(user)
        .filter(pk__in=ids)
        .met_laatste_telling()
        .select_related("gemeente", "kring", "bestuur")
        .order_by("naam")
    )
    return list(qs[:limiet] if limiet else qs)


def swv_kerncijfers(user) -> dict:
    """Aggregates of the register for the SWV-wide home page (bounded queries, aggregated in SQL)."""
    teldatum = laatste_teldatum()
    scholen = School.objects.visible_to(user).actief()
    per_soort = list(
        scholen.values("soort")
        .annotate(
            aantal_scholen=Count("pk", distinct=True),
            leerlingen=Sum("tellingen__aantal", filter=Q(tellingen__teldatum=teldatum)),
        )
        .order_by("soort")
    )
    totaal = sum(r["leerlingen"] or 0 for r in per_soort)
    return {
        "teldatum": teldatum,
        "per_soort": per_soort,
        "totaal_leerlingen": totaal,
        "aantal_scholen": sum(r["aantal_scholen"] for r in per_soort),
        "aantal_besturen": Bestuur.objects.filter(scholen__in=scholen).distinct().count(),
        "kringen": list(
            Kring.objects.annotate(aantal_scholen=Count("scholen", filter=Q(scholen__actief=True))).order_by("naam")
        ),
    }


def bestuur_overzicht(user) -> list[dict]:
    """Per board in the bestuurder's scope: its schools with latest counts."""
    from swv.access import bestuur_ids

    ids = bestuur_ids(user, [Rol.BESTUURDER])
    besturen = list(Bestuur.objects.filter(pk__in=ids).order_by("naam"))
    scholen = list(School.objects.filter(bestuur_id__in=ids).met_laatste_telling().order_by("naam"))
    return [
        {
            "bestuur": b,
            "scholen": [s for s in scholen if s.bestuur_id == b.pk],
            "leerlingen": sum(s.laatste_aantal or 0 for s in scholen if s.bestuur_id == b.pk),
        }
        for b in besturen
    ]


def register_lijst(user, *, zoek: str = "", soort: str = "", kring: str = "", gemeente: str = ""):
    qs = School.objects.visible_to(user).met_laatste_telling().select_related("gemeente", "bestuur", "kring")
    if zoek:
        qs = qs.filter(Q(naam__icontains=zoek) | Q(vestigingscode__iexact=zoek) | Q(plaats__icontains=zoek))
    if soort:
        qs = qs.filter(soort=soort)
    if kring:
        qs = qs.filter(kring__pk=kring) if kring.isdigit() else qs.none()
    if gemeente:
        qs = qs.filter(gemeente__code=gemeente)
    return qs.order_by("naam")


def school_tellingen(school: School):
    return list(school.tellingen.order_by("teldatum"))
