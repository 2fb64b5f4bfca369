"""The registry of key figures (kengetallen): one selector per key figure, shared by the dashboard
tile, the Excel export and the PDF reports, so that the three can never disagree.

A selector is ``f(user, filters: Filters) -> Uitkomst``. It aggregates in the database over
``filters.scholen(user)`` (the user's scope) and returns headline figures, tables and an optional
chart. Key figures whose source app has not landed yet are registered without a selector and show
"no data yet"; the app's engineer registers the real selector under the same key (see
docs/kwaliteit.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from kwaliteit.choices import Domein
from swv.access import heeft_rol

#: Column / value kinds. ``aantal`` is a count of pupils or cases: suppressed below the threshold in
#: published output; ``percentage`` (or another value derived from a count: a rate, a median) may
#: name its ``teller``, the count it derives from, and is then hidden with it.
SOORTEN = {"tekst", "aantal", "getal", "percentage", "bedrag", "dagen", "datum"}


@dataclass(frozen=True)
class Kolom:
    sleutel: str
    label: Any
    soort: str = "tekst"
    teller: str | None = None  # for a derived value (percentage, rate): the row's count it comes from
    #: For a percentage or rate: its base, a column of the same row or ``"kerncijfer:<sleutel>"``
    #: (published output hides the value when its base is hidden: the two would give the count).
    noemer: str | None = None

    def __post_init__(self):
        if self.soort not in SOORTEN:
            raise ValueError(f"Unknown column kind {self.soort!r}")

    @property
    def numeriek(self) -> bool:
        return self.soort not in {"tekst", "datum"}


@dataclass
class Tabel:
    """A table of a key figure: rows are dicts keyed by column ``sleutel``; ``_link`` is an optional
    drill-down URL of the row (a scoped list)."""

    titel: Any
    kolommen: list[Kolom]
    rijen: list[dict]
    voetnoot: Any = ""
    #: For secondary suppression (kwaliteit.onderdrukking): the last row is the total of the rows
    #: above it, and per row a count column that is the sum of other count columns.
    totaalrij: bool = False
    rijsommen: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: A footnote that names counts: its text with ``%(name)s`` placeholders and the counts, so that
    #: published output writes small ones as "< 5" (``voetnoot`` is the exact text).
    voetnoot_sjabloon: Any = ""
    voetnoot_aantallen: dict[str, int] = field(default_factory=dict)

    def kolom(self, sleutel: str) -> Kolom:
        return next(k for k in self.kolommen if k.sleutel == sleutel)


@dataclass
class Kerncijfer:
    """A headline figure of a tile (and a possible live indicator value of the jaarplan)."""

    sleutel: str
    label: Any
    waarde: Decimal | int | None
    soort: str = "aantal"
    toelichting: Any = ""
    teller: int | None = None  # for a derived value (percentage, rate): the count behind it (suppression)
    #: The headline figures a derived value comes from (its count, its base), so that it is hidden
    #: with them when secondary suppression hides them (kwaliteit.onderdrukking).
    teller_sleutel: str = ""
    noemer_sleutel: str = ""


@dataclass
class Reeks:
    naam: Any
    waarden: list[float | int | Decimal | None]
    soort: str = "aantal"
    gestippeld: bool = False  # e.g. the national comparison line
    #: For values derived from a count (a median per school): that count per value, so published
    #: output leaves out a value whose count is below the threshold.
    tellers: list[int | None] | None = None
    #: The values are a column of one of the outcome's tables, row by row: ``(table index, column)``;
    #: published output leaves out a value whose cell is suppressed.
    tabelkolom: tuple[int, str] | None = None


@dataclass
class Grafiek:
    """A chart: ``lijn`` (trend over the labels) or ``staaf`` (horizontal bars, one per label)."""

    soort: str
    titel: Any
    labels: list[str]
    reeksen: list[Reeks]
    eenheid: str = ""


@dataclass
class Uitkomst:
    """What a key-figure selector returns. ``bron_beschikbaar=False``: the source app is absent."""

    kerncijfers: list[Kerncijfer] = field(default_factory=list)
    tabellen: list[Tabel] = field(default_factory=list)
    grafiek: Grafiek | None = None
    toelichting: Any = ""
    bron_beschikbaar: bool = True
    #: Relations between headline figures and table cells a reader knows (``kwaliteit.onderdrukking.Som``,
    #: e.g. a headline figure that is a column total), for secondary suppression in published output.
    sommen: list[Any] = field(default_factory=list)

    @property
    def leeg(self) -> bool:
        return not any(t.rijen for t in self.tabellen) and all(k.waarde is None for k in self.kerncijfers)

    def indicator(self, sleutel: str):
        return next((k.waarde for k in self.kerncijfers if k.sleutel == sleutel), None)


Selector = Callable[[Any, Any], Uitkomst]


@dataclass(frozen=True)
class Kengetal:
    """A registered key figure. ``indicatoren`` declares (without computing) which headline values
    the jaarplan may use as a live indicator value; ``drilldown(filters)`` returns the URL of the
    scoped list behind the tile (or None), shown as ``drilldown_label`` and, when ``drilldown_voor``
    is set, only to users for whom it is true: the source app's own rule of who may open that page
    (which answers 404 to anyone else), or ``voor_rollen(...)``."""

    sleutel: str
    titel: Any
    domein: str
    selector: Selector | None = None
    volgorde: int = 50
    beschrijving: Any = ""
    indicatoren: tuple[tuple[str, Any], ...] = ()
    drilldown: Callable[[Any], str | None] | None = None
    bron: Any = ""
    drilldown_label: Any = ""
    drilldown_voor: Callable[[Any], bool] | None = None

    @property
    def beschikbaar(self) -> bool:
        return self.selector is not None

    def bereken(self, user, filters) -> Uitkomst:
        if self.selector is None:
            return Uitkomst(bron_beschikbaar=False)
        return self.selector(user, filters)

    def drilldown_url(self, filters, user=None) -> str | None:
        if not (self.drilldown and self.beschikbaar):
            return None
        if self.drilldown_voor is not None and not (user is not None and self.drilldown_voor(user)):
            return None
        return self.drilldown(filters)


def voor_rollen(*rollen: str) -> Callable[[Any], bool]:
    """A ``drilldown_voor`` for users holding one of ``rollen``."""
    return lambda user: heeft_rol(user, *rollen)


_REGISTER: dict[str, Kengetal] = {}


def registreer_kengetal(
    *,
    sleutel: str,
    titel,
    domein: str,
    selector: Selector | None = None,
    volgorde: int = 50,
    beschrijving="",
    indicatoren: dict | None = None,
    drilldown=None,
    bron="",
    drilldown_label="",
    drilldown_voor=None,
) -> Kengetal:
    """Register a key figure. A real selector replaces a placeholder of the same key (and keeps the
    placeholder's declared indicators unless it declares its own); a placeholder never replaces a
    real selector."""
    if domein not in Domein.values:
        raise ValueError(f"Unknown domain {domein!r}")
    bestaand = _REGISTER.get(sleutel)
    if bestaand is not None and bestaand.beschikbaar and selector is None:
        return bestaand
    if bestaand is not None and not indicatoren:
        indicatoren = dict(bestaand.indicatoren)
    kengetal = Kengetal(
        sleutel=sleutel,
        titel=titel,
        domein=domein,
        selector=selector,
        volgorde=volgorde,
        beschrijving=beschrijving,
        indicatoren=tuple((indicatoren or {}).items()),
        drilldown=drilldown,
        bron=bron,
        drilldown_label=drilldown_label,
        drilldown_voor=drilldown_voor,
    )
    _REGISTER[sleutel] = kengetal
    return kengetal


def kengetal(*, sleutel: str, titel, domein: str, **opties) -> Callable[[Selector], Selector]:
    """Decorator form of ``registreer_kengetal`` for a selector function."""

    def registreer(selector: Selector) -> Selector:
        registreer_kengetal(sleutel=sleutel, titel=titel, domein=domein, selector=selector, **opties)
        return selector

    return registreer


def alle_kengetallen(domein: str | None = None) -> list[Kengetal]:
    volgorde = {d: i for i, d in enumerate(Domein.values)}
    items = [k for k in _REGISTER.values() if domein is None or k.domein == domein]
    return sorted(items, key=lambda k: (volgorde[k.domein], k.volgorde, k.sleutel))


def get_kengetal(sleutel: str) -> Kengetal:
    return _REGISTER[sleutel]


def indicator_keuzes() -> list[tuple[str, str]]:
    """Choices for a jaarplan indicator's live value: ``"<key figure>:<headline>"``."""
    return [
        (f"{k.sleutel}:{naam}", f"{k.titel} – {label}") for k in alle_kengetallen() for naam, label in k.indicatoren
    ]


def indicator_waarde(user, filters, verwijzing: str, *, cache: dict | None = None):
    """The live value of ``"<key figure>:<headline>"`` for ``filters`` (None when unknown or absent).

    ``cache`` (a dict per request or report) makes several goals that use one key figure cost one
    computation."""
    sleutel, _sep, naam = verwijzing.partition(":")
    if sleutel not in _REGISTER or not naam:
        return None
    cache = {} if cache is None else cache
    if sleutel not in cache:
        cache[sleutel] = _REGISTER[sleutel].bereken(user, filters)
    return cache[sleutel].indicator(naam)


GEEN_GEGEVENS = _("No data yet")
