"""Server-rendered SVG charts: the same markup goes into the web page and the PDF (WeasyPrint
renders inline SVG), so both show exactly the same chart. Every chart comes with its data as a
table (the text alternative), and the SVG carries a title and description for screen readers.

Only presentation attributes are used (no ``style``), which the strict CSP allows.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from html import escape

from django.utils.safestring import SafeString, mark_safe

from swv.opmaak import euro, getal, procent

KLEUREN = ["#154273", "#5b8fc7", "#b35900", "#2e7d32"]
BREEDTE = 640
LABELBREEDTE = 190


@dataclass(frozen=True)
class Grafiek:
    id: str
    titel: str
    beschrijving: str
    svg: SafeString
    kolommen: list[str]
    rijen: list[list[str]]


def _svg(id_: str, titel: str, beschrijving: str, hoogte: int, inhoud: list[str]) -> SafeString:
    kop = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="portaal-grafiek" role="img" width="{BREEDTE}" height="{hoogte}" '
        f'viewBox="0 0 {BREEDTE} {hoogte}" aria-labelledby="{id_}-titel {id_}-omschrijving" font-family="DejaVu Sans, sans-serif">'
        f'<title id="{id_}-titel">{escape(titel)}</title><desc id="{id_}-omschrijving">{escape(beschrijving)}</desc>'
    )
    return mark_safe(kop + "".join(inhoud) + "</svg>")  # noqa: S308 - every text above is escaped


def _legenda(reeksen: list[str], y: int, x: int = LABELBREEDTE) -> list[str]:
    delen = []
    for i, naam in enumerate(reeksen):
        delen.append(f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{KLEUREN[i % len(KLEUREN)]}"/>')
        delen.append(f'<text x="{x + 16}" y="{y}" font-size="12" fill="#1a1a1a">{escape(naam)}</text>')
        x += 24 + 8 * len(naam)
    return delen


def staven(
    id_: str,
    titel: str,
    beschrijving: str,
    labels: list[str],
    reeksen: list[tuple[str, list[Decimal]]],
    *,
    formaat=lambda w: euro(w, 0),
) -> Grafiek:
    """Horizontal grouped bars: one group per label, one bar per series (negative values show as 0)."""
    n = max(len(reeksen), 1)
    groep = 14 * n + 14
    hoogte = 30 + groep * len(labels) + 10
    grootste = max([abs(Decimal(w)) for _, ws in reeksen for w in ws] + [Decimal(1)])
    ruimte = BREEDTE - LABELBREEDTE - 110
    inhoud = _legenda([naam for naam, _ in reeksen], 16)
    for i, label in enumerate(labels):
        y0 = 30 + i * groep
        inhoud.append(
            f'<text x="{LABELBREEDTE - 8}" y="{y0 + groep / 2}" font-size="12" text-anchor="end" fill="#1a1a1a">{escape(label)}</text>'
        )
        for j, (_, waarden) in enumerate(reeksen):
            waarde = Decimal(waarden[i])
            lengte = float(max(waarde, Decimal(0)) / grootste) * ruimte
            y = y0 + 6 + j * 14
            inhoud.append(
                f'<rect x="{LABELBREEDTE}" y="{y}" width="{lengte:.1f}" height="12" fill="{KLEUREN[j % len(KLEUREN)]}"/>'
            )
            inhoud.append(
                f'<text x="{LABELBREEDTE + lengte + 4:.1f}" y="{y + 10}" font-size="10" fill="#1a1a1a">{escape(formaat(waarde))}</text>'
            )
    kolommen = ["", *[naam for naam, _ in reeksen]]
    rijen = [[label, *[formaat(ws[i]) for _, ws in reeksen]] for i, label in enumerate(labels)]
    return Grafiek(id_, titel, beschrijving, _svg(id_, titel, beschrijving, hoogte, inhoud), kolommen, rijen)


def reservegrafiek(id_: str, titel: str, beschrijving: str, posities, *, labels: dict[str, str]) -> Grafiek:
    """Vertical bars of the reserve as % of income per year (orange when outside the thresholds),
    with the signalling value and the minimum as dashed lines."""
    hoogte, onder, boven = 270, 215, 40
    percentages = [p.percentage if p.percentage is not None else Decimal(0) for p in posities]
    schaal_max = max([*percentages, *[p.signaleringswaarde for p in posities], Decimal(1)]) * Decimal("1.2")
    stap = (BREEDTE - 80) / max(len(posities), 1)
    signaal, minimum = KLEUREN[1], KLEUREN[3]

    def y_van(pct: Decimal) -> float:
        return onder - float(pct / schaal_max) * (onder - boven)

    inhoud, x = [], 60
    for naam, teken in (
        (labels["reserve"], f'<rect x="{{x}}" y="6" width="12" height="12" fill="{KLEUREN[0]}"/>'),
        (labels["buiten"], f'<rect x="{{x}}" y="6" width="12" height="12" fill="{KLEUREN[2]}"/>'),
        (
            labels["signaleringswaarde"],
            f'<line x1="{{x}}" y1="12" x2="{{x2}}" y2="12" stroke="{signaal}" stroke-width="3" stroke-dasharray="6 3"/>',
        ),
        (
            labels["minimum"],
            f'<line x1="{{x}}" y1="12" x2="{{x2}}" y2="12" stroke="{minimum}" stroke-width="3" stroke-dasharray="6 3"/>',
        ),
    ):
        inhoud.append(teken.format(x=x, x2=x + 20))
        inhoud.append(f'<text x="{x + 24}" y="16" font-size="11" fill="#1a1a1a">{escape(naam)}</text>')
        x += 34 + 6 * len(naam)
    inhoud.append(f'<line x1="60" y1="{onder}" x2="{BREEDTE - 10}" y2="{onder}" stroke="#1a1a1a" stroke-width="1"/>')
    for i, (positie, pct) in enumerate(zip(posities, percentages, strict=True)):
        x = 70 + i * stap
        breedte = min(60.0, stap * 0.5)
        kleur = KLEUREN[0] if positie.oordeel == "binnen" else KLEUREN[2]
        inhoud.append(
            f'<rect x="{x:.1f}" y="{y_van(pct):.1f}" width="{breedte:.1f}" height="{onder - y_van(pct):.1f}" fill="{kleur}"/>'
        )
        midden = x + breedte / 2
        inhoud.append(
            f'<text x="{midden:.1f}" y="{onder + 16}" font-size="12" text-anchor="middle" fill="#1a1a1a">{positie.jaar}</text>'
        )
        inhoud.append(
            f'<text x="{midden:.1f}" y="{onder + 32}" font-size="11" text-anchor="middle" fill="#1a1a1a">{escape(procent(positie.percentage))}</text>'
        )
        for waarde, kleur_lijn in ((positie.signaleringswaarde, signaal), (positie.minimum, minimum)):
            inhoud.append(
                f'<line x1="{x - stap * 0.2:.1f}" y1="{y_van(waarde):.1f}" x2="{x + breedte + stap * 0.2:.1f}" y2="{y_van(waarde):.1f}" '
                f'stroke="{kleur_lijn}" stroke-width="3" stroke-dasharray="6 3"/>'
            )
    kolommen = [
        labels["jaar"],
        labels["reserve_bedrag"],
        labels["reserve"],
        labels["signaleringswaarde"],
        labels["minimum"],
    ]
    rijen = [
        [str(p.jaar), euro(p.eind, 0), procent(p.percentage), procent(p.signaleringswaarde), procent(p.minimum)]
        for p in posities
    ]
    return Grafiek(id_, titel, beschrijving, _svg(id_, titel, beschrijving, hoogte, inhoud), kolommen, rijen)


def aantallen(id_: str, titel: str, beschrijving: str, labels: list[str], waarden: list, reeks: str) -> Grafiek:
    """Horizontal bars of counts (pupils, TLVs)."""
    return staven(
        id_, titel, beschrijving, labels, [(reeks, [Decimal(w or 0) for w in waarden])], formaat=lambda w: getal(w)
    )


def blokgrafiek(totalen, id_: str) -> Grafiek:
    """Budget, actual to date and forecast per block (dashboard and T-rapportage)."""
    from django.utils.translation import gettext as _

    blokken = totalen.blokken
    return staven(
        id_,
        _("Budget, actual to date and forecast per block"),
        _("Horizontal bars per block of the budget: budget, actual to date and forecast for the year, in euros."),
        [b.label for b in blokken],
        [
            (_("Budget"), [b.begroting for b in blokken]),
            (_("Actual to date"), [b.realisatie for b in blokken]),
            (_("Forecast"), [b.prognose for b in blokken]),
        ],
    )


def reserve_tegen_drempels(posities, id_: str) -> Grafiek:
    """The reserve per year end against the signalling value and the minimum (reserves page and T-rapportage)."""
    from django.utils.translation import gettext as _

    return reservegrafiek(
        id_,
        _("Reserve against the thresholds"),
        _(
            "Bars of the general reserve at each year end as a percentage of total income, with the signalling value and the minimum as dashed lines."
        ),
        posities,
        labels={
            "reserve": _("Reserve as a share of income"),
            "buiten": _("Outside the thresholds"),
            "signaleringswaarde": _("Signalling value"),
            "minimum": _("Minimum"),
            "jaar": _("Year"),
            "reserve_bedrag": _("Reserve at year end"),
        },
    )
