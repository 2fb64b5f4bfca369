"""The pupil timeline: one list of everything that happened in a pupil's case, fed by sources.

A source is a function ``(leerling, user) -> iterable of TijdlijnItem`` that returns only what
``user`` may see (start from ``visible_to``) and uses a fixed number of queries. Apps register their
sources once, e.g. in ``AppConfig.ready``::

    from leerlingen.tijdlijn import TijdlijnItem, registreer_tijdlijnbron

    @registreer_tijdlijnbron
    def arrangementen(leerling, user):
        for a in Arrangement.objects.visible_to(user).filter(leerling=leerling):
            yield TijdlijnItem(datum=a.ingediend_op, soort="arrangement", soort_label=_("Arrangement"),
                               titel=..., url=reverse(...))

so that this module never needs to know the apps that build on it (dependencies point one way).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone


@dataclass(frozen=True)
class TijdlijnItem:
    datum: date | datetime
    soort: str  # a stable key, e.g. "signaal", "mdo", "arrangement"
    soort_label: str  # translated label of the kind
    titel: str
    url: str = ""
    omschrijving: str = ""

    @property
    def moment(self) -> datetime:
        """A comparable moment (dates count as the start of the day)."""
        if isinstance(self.datum, datetime):
            return self.datum if timezone.is_aware(self.datum) else timezone.make_aware(self.datum)
        return timezone.make_aware(datetime.combine(self.datum, time.min))

    @property
    def is_datum(self) -> bool:
        return not isinstance(self.datum, datetime)


Bron = Callable[[object, object], Iterable[TijdlijnItem]]
_BRONNEN: list[Bron] = []


def registreer_tijdlijnbron(func: Bron) -> Bron:
    """Register a timeline source (usable as a decorator); registering the same function twice is a no-op."""
    naam = f"{func.__module__}.{func.__qualname__}"
    if not any(f"{b.__module__}.{b.__qualname__}" == naam for b in _BRONNEN):
        _BRONNEN.append(func)
    return func


def leerling_zichtbaar(leerling, user) -> bool:
    """Whether ``user`` may see the pupil itself (not only part of its dossier). Remembered on the
    pupil instance for that user, so the timeline view and its sources check it once per request."""
    from leerlingen.models import Leerling

    bekend = getattr(leerling, "_swv_zichtbaar_voor", None)
    if bekend is not None and bekend[0] == user.pk:
        return bekend[1]
    zichtbaar = Leerling.objects.visible_to(user).filter(pk=leerling.pk).exists()
    leerling._swv_zichtbaar_voor = (user.pk, zichtbaar)
    return zichtbaar


def tijdlijnbronnen() -> list[Bron]:
    return list(_BRONNEN)


def tijdlijn(leerling, user, *, soorten: set[str] | None = None) -> list[TijdlijnItem]:
    """All items of the pupil the user may see, newest first (optionally only some kinds)."""
    items: list[TijdlijnItem] = []
    for bron in _BRONNEN:
        for item in bron(leerling, user):
            if soorten is None or item.soort in soorten:
                items.append(item)
    items.sort(key=lambda i: i.moment, reverse=True)
    return items
