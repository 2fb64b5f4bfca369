"""Reads of the risicolijst: open marks, compiled rounds and their frozen rows (scoped)."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q
from django.utils import timezone

from leerlingen import conf
from leerlingen.models import Risicolijstregel, Risicolijstronde, Risicosignalering


def signaleringen_actief_op(user, datum: date | None = None, *, school=None):
    """Pupils marked at risk on ``datum`` (the same active-on-date rule as thuiszitter cases)."""
    qs = Risicosignalering.objects.visible_to(user).actief_op(datum or timezone.localdate())
    if school is not None:
        qs = qs.filter(school=school)
    return qs.select_related("leerling", "school", "gesignaleerd_door").order_by(
        "school__naam", "leerling__achternaam", "pk"
    )


def rondes(user):
    return Risicolijstronde.objects.visible_to(user).select_related("samengesteld_door").order_by("-jaar", "-maand")


def ronde_regels(user, ronde: Risicolijstronde, *, vergelijking: str = ""):
    qs = Risicolijstregel.objects.visible_to(user).filter(ronde=ronde).select_related("leerling")
    if vergelijking:
        qs = qs.filter(vergelijking=vergelijking)
    return qs.order_by("school_naam", "leerling__achternaam", "leerling__voornaam", "pk")


def ronde_tellingen(user, ronde: Risicolijstronde) -> dict:
    """Per comparison outcome, counted within the user's scope (a consulent: the assigned schools)."""
    return (
        Risicolijstregel.objects.visible_to(user)
        .filter(ronde=ronde)
        .aggregate(
            nieuw=Count("pk", filter=Q(vergelijking="nieuw")),
            nog=Count("pk", filter=Q(vergelijking="nog")),
            af=Count("pk", filter=Q(vergelijking="af")),
        )
    )


def open_rondes(vandaag: date | None = None, *, terug: int = 12) -> list[tuple[int, int]]:
    """Rounds (year, month) of the last ``terug`` months that have begun and are not compiled yet,
    most recent first: the choices of the compile form."""
    vandaag = vandaag or timezone.localdate()
    maanden = conf.risicolijst_maanden()
    gedaan = set(Risicolijstronde.objects.values_list("jaar", "maand"))
    laatste = Risicolijstronde.objects.order_by("-jaar", "-maand").values_list("jaar", "maand").first()
    uitkomst = []
    jaar, maand = vandaag.year, vandaag.month
    for _ in range(terug):
        if maand in maanden and (jaar, maand) not in gedaan and (laatste is None or (jaar, maand) > laatste):
            uitkomst.append((jaar, maand))
        jaar, maand = (jaar, maand - 1) if maand > 1 else (jaar - 1, 12)
    return uitkomst
