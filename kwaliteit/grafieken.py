"""Server-rendered SVG charts (no JavaScript, no inline styles): a line chart for trends and a
horizontal bar chart for comparisons. Every chart is shown with its data table next to it, so the
SVG is a picture with a title; the numbers are in the table."""

from __future__ import annotations

import math
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from kwaliteit.kengetallen.register import Grafiek
from kwaliteit.opmaak import formatteer

KLEUREN = ["#154273", "#d52b1e", "#39870c", "#a05a00", "#5b3f8c", "#007bc7"]
BREEDTE = 640


def _mooie_stap(maximum: float, stappen: int = 4) -> float:
    if maximum <= 0:
        return 1.0
    ruw = maximum / stappen
    macht = 10 ** math.floor(math.log10(ruw))
    for factor in (1, 2, 2.5, 5, 10):
        if ruw <= factor * macht:
            return factor * macht
    return 10 * macht


def _getallen(grafiek: Grafiek) -> list[float]:
    return [float(w) for r in grafiek.reeksen for w in r.waarden if w is not None]


def _as_tekst(waarde: float, eenheid: str) -> str:
    if eenheid == "%":
        return formatteer(Decimal(str(round(waarde, 2))), "percentage")
    if float(waarde).is_integer():
        return formatteer(int(waarde), "getal")
    return formatteer(Decimal(str(round(waarde, 2))), "getal")


def _kop(grafiek: Grafiek, hoogte: int, ident: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="kwaliteit-grafiek" viewBox="0 0 {BREEDTE} {hoogte}" '
        f'width="{BREEDTE}" height="{hoogte}" role="img" aria-labelledby="{ident}-titel {ident}-uitleg" focusable="false">',
        f'<title id="{ident}-titel">{escape(grafiek.titel)}</title>',
        f'<desc id="{ident}-uitleg">{escape(_("Chart; the table with the same data follows it."))}</desc>',
    ]


def _legenda(grafiek: Grafiek, y: int) -> list[str]:
    delen, x = [], 56
    for i, reeks in enumerate(grafiek.reeksen):
        kleur = KLEUREN[i % len(KLEUREN)]
        streep = ' stroke-dasharray="6 4"' if reeks.gestippeld else ""
        delen.append(
            f'<line x1="{x}" y1="{y - 4}" x2="{x + 22}" y2="{y - 4}" stroke="{kleur}" stroke-width="3"{streep}/>'
        )
        naam = escape(reeks.naam)
        delen.append(f'<text x="{x + 28}" y="{y}" font-size="12" fill="#1a1a1a">{naam}</text>')
        x += 40 + 7 * len(str(reeks.naam))
    return delen


def lijngrafiek(grafiek: Grafiek, ident: str) -> SafeString:
    links, rechts, boven, onder = 64, 16, 16, 64
    hoogte = 280
    binnen_b, binnen_h = BREEDTE - links - rechts, hoogte - boven - onder
    getallen = _getallen(grafiek)
    stap = _mooie_stap(max(getallen) * 1.05 if getallen else 1)
    top = stap * max(1, math.ceil((max(getallen) if getallen else 1) / stap))
    n = max(1, len(grafiek.labels))

    def px(i: int) -> float:
        return links + (binnen_b * (i / (n - 1)) if n > 1 else binnen_b / 2)

    def py(w: float) -> float:
        return boven + binnen_h - (w / top) * binnen_h

    delen = _kop(grafiek, hoogte, ident)
    t = 0.0
    while t <= top + 1e-9:
        y = py(t)
        delen.append(
            f'<line x1="{links}" y1="{y:.1f}" x2="{BREEDTE - rechts}" y2="{y:.1f}" stroke="#d0d0d0" stroke-width="1"/>'
        )
        delen.append(
            f'<text x="{links - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end" fill="#1a1a1a">{escape(_as_tekst(t, grafiek.eenheid))}</text>'
        )
        t += stap
    elke = max(1, math.ceil(n / 10))
    for i, label in enumerate(grafiek.labels):
        if i % elke == 0 or i == n - 1:
            delen.append(
                f'<text x="{px(i):.1f}" y="{boven + binnen_h + 18}" font-size="11" text-anchor="middle" fill="#1a1a1a">{escape(label)}</text>'
            )
    for r, reeks in enumerate(grafiek.reeksen):
        kleur = KLEUREN[r % len(KLEUREN)]
        streep = ' stroke-dasharray="6 4"' if reeks.gestippeld else ""
        punten = [(px(i), py(float(w))) for i, w in enumerate(reeks.waarden) if w is not None]
        if len(punten) > 1:
            pad = " ".join(f"{x:.1f},{y:.1f}" for x, y in punten)
            delen.append(f'<polyline points="{pad}" fill="none" stroke="{kleur}" stroke-width="2.5"{streep}/>')
        for x, y in punten:
            delen.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{kleur}"/>')
    delen.extend(_legenda(grafiek, hoogte - 12))
    delen.append("</svg>")
    return mark_safe("".join(delen))


def staafgrafiek(grafiek: Grafiek, ident: str) -> SafeString:
    """Horizontal bars of the first series, one per label (names on the left, values at the end)."""
    reeks = grafiek.reeksen[0] if grafiek.reeksen else None
    waarden = reeks.waarden if reeks else []
    links, rechts, rij = 200, 80, 24
    hoogte = 16 + rij * max(1, len(grafiek.labels)) + 8
    binnen_b = BREEDTE - links - rechts
    getallen = [float(w) for w in waarden if w is not None]
    top = max(getallen) if getallen and max(getallen) > 0 else 1.0
    delen = _kop(grafiek, hoogte, ident)
    for i, label in enumerate(grafiek.labels):
        y = 12 + i * rij
        kort = label if len(label) <= 30 else label[:29] + "…"
        delen.append(
            f'<text x="{links - 8}" y="{y + 15}" font-size="12" text-anchor="end" fill="#1a1a1a">{escape(kort)}</text>'
        )
        w = waarden[i] if i < len(waarden) else None
        if w is None:
            delen.append(f'<text x="{links + 4}" y="{y + 15}" font-size="12" fill="#1a1a1a">–</text>')
            continue
        lengte = max(1.0, binnen_b * float(w) / top)
        delen.append(f'<rect x="{links}" y="{y + 3}" width="{lengte:.1f}" height="{rij - 8}" fill="{KLEUREN[0]}"/>')
        tekst = _as_tekst(float(w), grafiek.eenheid) if grafiek.eenheid == "%" else formatteer(w, "aantal")
        delen.append(
            f'<text x="{links + lengte + 6:.1f}" y="{y + 15}" font-size="12" fill="#1a1a1a">{escape(tekst)}</text>'
        )
    delen.append("</svg>")
    return mark_safe("".join(delen))


def svg(grafiek: Grafiek | None, ident: str) -> SafeString:
    if grafiek is None or not _getallen(grafiek):
        return mark_safe("")
    return lijngrafiek(grafiek, ident) if grafiek.soort == "lijn" else staafgrafiek(grafiek, ident)
