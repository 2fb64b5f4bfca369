"""The one chart module: server-rendered SVG, the same markup in the web page and the PDF
(WeasyPrint renders inline SVG), so both show exactly the same chart.

Every chart is a :class:`Grafiek`: the SVG (a picture with a ``<title>`` and ``<desc>`` for screen
readers) *and* its data as a table (``kolommen`` + ``rijen``, texts in the portal's notation,
``swv.opmaak``), which the page and the PDF show next to it: the numbers are in the table. Only
presentation attributes are used (no ``style``), which the strict CSP allows. Three kinds:

- :func:`staven`: horizontal bars, one group per label and one bar per series (optionally with a
  spread line per bar, e.g. the 25th-75th percentile);
- :func:`lijnen`: a line per series over the labels (trends), with a scale;
- :func:`kolommen`: vertical bars per label with dashed reference lines (e.g. thresholds).

    grafiek = staven("g-blokken", _("Per block"), _("Bars per block in euros."), ["A", "B"],
                     [Reeks(_("Budget"), [Decimal("10"), Decimal("12")])], formaat=lambda w: euro(w, 0))
    {{ grafiek.svg }}  {# then the table: grafiek.kolommen / grafiek.rijen #}
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape

from django.utils.safestring import SafeString, mark_safe

from swv.opmaak import LEEG, getal

KLEUREN = ["#154273", "#5b8fc7", "#b35900", "#2e7d32", "#5b3f8c", "#d52b1e"]
BREEDTE = 640
LABELBREEDTE = 190
TEKST = "#1a1a1a"

Getal = Decimal | int | float
Formaat = Callable[[object], str]


@dataclass(frozen=True)
class Reeks:
    """One series: its name (legend and table column) and one value per label (``None``: no value)."""

    naam: str
    waarden: Sequence[Getal | None]
    gestippeld: bool = False


@dataclass(frozen=True)
class Grafiek:
    id: str
    titel: str
    beschrijving: str
    svg: SafeString
    kolommen: list[str]
    rijen: list[list[str]] = field(default_factory=list)


def _svg(id_: str, titel: str, beschrijving: str, hoogte: float, inhoud: list[str]) -> SafeString:
    kop = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="portaal-grafiek__svg" role="img" width="{BREEDTE}" '
        f'height="{hoogte:.0f}" viewBox="0 0 {BREEDTE} {hoogte:.0f}" aria-labelledby="{id_}-titel {id_}-omschrijving" '
        f'focusable="false" font-family="DejaVu Sans, sans-serif">'
        f'<title id="{id_}-titel">{escape(str(titel))}</title><desc id="{id_}-omschrijving">{escape(str(beschrijving))}</desc>'
    )
    return mark_safe(kop + "".join(inhoud) + "</svg>")  # noqa: S308 - every text above is escaped


def _grafiek(
    id_: str, titel: str, beschrijving: str, hoogte: float, inhoud: list[str], tabel: tuple[list[str], list[list[str]]]
) -> Grafiek:
    return Grafiek(id_, titel, beschrijving, _svg(id_, titel, beschrijving, hoogte, inhoud), *tabel)


def _tekst(x: float, y: float, tekst: str, *, grootte: int = 12, anker: str = "start") -> str:
    anker_attr = f' text-anchor="{anker}"' if anker != "start" else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{grootte}"{anker_attr} fill="{TEKST}">{escape(str(tekst))}</text>'


def _legenda(reeksen: Sequence[Reeks], y: float, x: float = LABELBREEDTE) -> list[str]:
    delen = []
    for i, reeks in enumerate(reeksen):
        kleur = KLEUREN[i % len(KLEUREN)]
        if reeks.gestippeld:
            delen.append(
                f'<line x1="{x}" y1="{y - 4}" x2="{x + 14}" y2="{y - 4}" stroke="{kleur}" stroke-width="3" stroke-dasharray="6 4"/>'
            )
        else:
            delen.append(f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{kleur}"/>')
        delen.append(_tekst(x + 18, y, reeks.naam))
        x += 28 + 7 * len(str(reeks.naam))
    return delen


def _kort(label: str, n: int = 30) -> str:
    label = str(label)
    return label if len(label) <= n else label[: n - 1] + "…"


def _tabel(labels: Sequence[str], reeksen: Sequence[Reeks], formaat: Formaat) -> tuple[list[str], list[list[str]]]:
    koppen = ["", *[str(r.naam) for r in reeksen]]
    rijen = [
        [str(label), *[formaat(r.waarden[i]) if i < len(r.waarden) else LEEG for r in reeksen]]
        for i, label in enumerate(labels)
    ]
    return koppen, rijen


def mooie_stap(maximum: float, stappen: int = 4) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) that divides ``maximum`` in about ``stappen``."""
    if maximum <= 0:
        return 1.0
    ruw = maximum / stappen
    macht = 10 ** math.floor(math.log10(ruw))
    for factor in (1, 2, 2.5, 5, 10):
        if ruw <= factor * macht:
            return factor * macht
    return 10 * macht


def staven(
    id_: str,
    titel: str,
    beschrijving: str,
    labels: Sequence[str],
    reeksen: Sequence[Reeks],
    *,
    formaat: Formaat = getal,
    spreiding: Sequence[tuple[Getal, Getal] | None] | None = None,
) -> Grafiek:
    """Horizontal grouped bars: one group per label, one bar per series (negative values show as 0,
    a missing value as a dash). ``spreiding`` draws a line from low to high across the first bar of
    each label. A legend only when there is more than one series (one series is named by the title)."""
    n = max(len(reeksen), 1)
    legenda = n > 1
    bovenkant = 30 if legenda else 8
    groep = 14 * n + 14
    hoogte = bovenkant + groep * len(labels) + 10
    getallen = [abs(Decimal(str(w))) for r in reeksen for w in r.waarden if w is not None]
    getallen += [abs(Decimal(str(hoog))) for s in spreiding or [] if s is not None for hoog in s[1:]]
    grootste = max([*getallen, Decimal(1)])
    ruimte = BREEDTE - LABELBREEDTE - 110
    inhoud = _legenda(reeksen, 16) if legenda else []

    def lengte_van(waarde: Getal) -> float:
        return float(max(Decimal(str(waarde)), Decimal(0)) / grootste) * ruimte

    for i, label in enumerate(labels):
        y0 = bovenkant + i * groep
        inhoud.append(_tekst(LABELBREEDTE - 8, y0 + groep / 2, _kort(label), anker="end"))
        for j, reeks in enumerate(reeksen):
            waarde = reeks.waarden[i] if i < len(reeks.waarden) else None
            y = y0 + 6 + j * 14
            if waarde is None:
                inhoud.append(_tekst(LABELBREEDTE + 4, y + 10, LEEG, grootte=10))
                continue
            lengte = lengte_van(waarde)
            inhoud.append(
                f'<rect x="{LABELBREEDTE}" y="{y}" width="{lengte:.1f}" height="12" fill="{KLEUREN[j % len(KLEUREN)]}"/>'
            )
            if spreiding and j == 0 and i < len(spreiding) and spreiding[i] is not None:
                laag, hoog = spreiding[i]  # type: ignore[misc]
                inhoud.append(
                    f'<line x1="{LABELBREEDTE + lengte_van(laag):.1f}" y1="{y + 6}" x2="{LABELBREEDTE + lengte_van(hoog):.1f}" '
                    f'y2="{y + 6}" stroke="{TEKST}" stroke-width="2"/>'
                )
                lengte = max(lengte, lengte_van(hoog))
            inhoud.append(_tekst(LABELBREEDTE + lengte + 4, y + 10, formaat(waarde), grootte=10))
    return _grafiek(id_, titel, beschrijving, hoogte, inhoud, _tabel(labels, reeksen, formaat))


def lijnen(
    id_: str,
    titel: str,
    beschrijving: str,
    labels: Sequence[str],
    reeksen: Sequence[Reeks],
    *,
    formaat: Formaat = getal,
) -> Grafiek:
    """A line per series over the labels, on a scale from 0 with round steps; a dashed series for a
    comparison (e.g. the national figure); at most ten labels are written under the axis."""
    links, rechts, boven, onder = 64, 16, 16, 64
    hoogte = 280
    binnen_b, binnen_h = BREEDTE - links - rechts, hoogte - boven - onder
    getallen = [float(w) for r in reeksen for w in r.waarden if w is not None]
    stap = mooie_stap(max(getallen) * 1.05 if getallen else 1)
    top = stap * max(1, math.ceil((max(getallen) if getallen else 1) / stap))
    n = max(1, len(labels))

    def px(i: int) -> float:
        return links + (binnen_b * (i / (n - 1)) if n > 1 else binnen_b / 2)

    def py(w: float) -> float:
        return boven + binnen_h - (w / top) * binnen_h

    inhoud = []
    t = 0.0
    while t <= top + 1e-9:
        y = py(t)
        inhoud.append(
            f'<line x1="{links}" y1="{y:.1f}" x2="{BREEDTE - rechts}" y2="{y:.1f}" stroke="#d0d0d0" stroke-width="1"/>'
        )
        schaalwaarde = int(t) if float(t).is_integer() else Decimal(str(round(t, 2)))
        inhoud.append(_tekst(links - 6, y + 4, formaat(schaalwaarde), grootte=11, anker="end"))
        t += stap
    elke = max(1, math.ceil(n / 10))
    for i, label in enumerate(labels):
        if i % elke == 0 or i == n - 1:
            inhoud.append(_tekst(px(i), boven + binnen_h + 18, label, grootte=11, anker="middle"))
    for r, reeks in enumerate(reeksen):
        kleur = KLEUREN[r % len(KLEUREN)]
        streep = ' stroke-dasharray="6 4"' if reeks.gestippeld else ""
        punten = [(px(i), py(float(w))) for i, w in enumerate(reeks.waarden) if w is not None]
        if len(punten) > 1:
            pad = " ".join(f"{x:.1f},{y:.1f}" for x, y in punten)
            inhoud.append(f'<polyline points="{pad}" fill="none" stroke="{kleur}" stroke-width="2.5"{streep}/>')
        for x, y in punten:
            inhoud.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{kleur}"/>')
    inhoud.extend(_legenda(reeksen, hoogte - 12, x=links - 8))
    return _grafiek(id_, titel, beschrijving, hoogte, inhoud, _tabel(labels, reeksen, formaat))


def kolommen(
    id_: str,
    titel: str,
    beschrijving: str,
    labels: Sequence[str],
    reeks: Reeks,
    *,
    formaat: Formaat = getal,
    opvallend: Sequence[bool] = (),
    opvallend_naam: str = "",
    referenties: Sequence[Reeks] = (),
    tabel: tuple[list[str], list[list[str]]] | None = None,
) -> Grafiek:
    """Vertical bars of one series (a bar flagged in ``opvallend`` in the warning colour), with each
    of ``referenties`` as a dashed reference line per bar (e.g. thresholds); ``tabel`` replaces the
    default data table (label, the series, the lines) when the page shows more columns."""
    hoogte, onder, boven = 270, 215, 40
    waarden = [Decimal(str(w)) if w is not None else Decimal(0) for w in reeks.waarden]
    referentie = [Decimal(str(w)) for lijn in referenties for w in lijn.waarden if w is not None]
    schaal_max = max([*waarden, *referentie, Decimal(1)]) * Decimal("1.2")
    stap = (BREEDTE - 80) / max(len(labels), 1)
    lijnkleuren = [KLEUREN[k % len(KLEUREN)] for k in (1, 3, 4, 5)][: len(referenties)]

    def y_van(waarde: Decimal) -> float:
        return onder - float(waarde / schaal_max) * (onder - boven)

    legenda = [(reeks.naam, f'<rect x="{{x}}" y="6" width="12" height="12" fill="{KLEUREN[0]}"/>')]
    if opvallend_naam:
        legenda.append((opvallend_naam, f'<rect x="{{x}}" y="6" width="12" height="12" fill="{KLEUREN[2]}"/>'))
    for lijn, kleur in zip(referenties, lijnkleuren, strict=True):
        legenda.append(
            (
                lijn.naam,
                f'<line x1="{{x}}" y1="12" x2="{{x2}}" y2="12" stroke="{kleur}" stroke-width="3" stroke-dasharray="6 3"/>',
            )
        )
    inhoud: list[str] = []
    x: float = 60
    for naam, teken in legenda:
        inhoud.append(teken.format(x=x, x2=x + 20))
        inhoud.append(_tekst(x + 24, 16, naam, grootte=11))
        x += 34 + 6 * len(str(naam))
    inhoud.append(f'<line x1="60" y1="{onder}" x2="{BREEDTE - 10}" y2="{onder}" stroke="{TEKST}" stroke-width="1"/>')
    for i, (label, waarde) in enumerate(zip(labels, waarden, strict=False)):
        x = 70 + i * stap
        breedte = min(60.0, stap * 0.5)
        kleur = KLEUREN[2] if i < len(opvallend) and opvallend[i] else KLEUREN[0]
        inhoud.append(
            f'<rect x="{x:.1f}" y="{y_van(waarde):.1f}" width="{breedte:.1f}" height="{onder - y_van(waarde):.1f}" fill="{kleur}"/>'
        )
        midden = x + breedte / 2
        inhoud.append(_tekst(midden, onder + 16, label, anker="middle"))
        inhoud.append(_tekst(midden, onder + 32, formaat(reeks.waarden[i]), grootte=11, anker="middle"))
        for lijn, kleur_lijn in zip(referenties, lijnkleuren, strict=True):
            if i < len(lijn.waarden) and lijn.waarden[i] is not None:
                y = y_van(Decimal(str(lijn.waarden[i])))
                inhoud.append(
                    f'<line x1="{x - stap * 0.2:.1f}" y1="{y:.1f}" x2="{x + breedte + stap * 0.2:.1f}" y2="{y:.1f}" '
                    f'stroke="{kleur_lijn}" stroke-width="3" stroke-dasharray="6 3"/>'
                )
    return _grafiek(id_, titel, beschrijving, hoogte, inhoud, tabel or _tabel(labels, [reeks, *referenties], formaat))
