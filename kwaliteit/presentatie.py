"""One presentation of a key figure's outcome for the dashboard tile, the PDF reports and tests:
formatted headline figures, table cells, the SVG chart, with or without small-number suppression."""

from __future__ import annotations

from dataclasses import dataclass, field

from kwaliteit import grafieken
from kwaliteit.kengetallen.register import Kengetal, Tabel, Uitkomst
from kwaliteit.opmaak import grafiek_onderdrukt, heeft_onderdrukking, kerncijfer_tekst, tabel_cellen


@dataclass
class TabelWeergave:
    tabel: Tabel
    cellen: list[list[dict]]
    onderdrukt: bool
    index: int


@dataclass
class Weergave:
    kengetal: Kengetal
    uitkomst: Uitkomst
    kerncijfers: list[dict] = field(default_factory=list)
    tabellen: list[TabelWeergave] = field(default_factory=list)
    svg: str = ""
    drilldown: str | None = None

    @property
    def bron_beschikbaar(self) -> bool:
        return self.uitkomst.bron_beschikbaar

    @property
    def leeg(self) -> bool:
        return self.uitkomst.leeg


def presenteer(kengetal: Kengetal, uitkomst: Uitkomst, filters, *, onderdrukken: bool = False, user=None) -> Weergave:
    """The display form of ``uitkomst``; with ``onderdrukken`` (published output) counts below the
    threshold read "< 5", derived percentages "*", charts leave them out and rows have no links.
    ``user`` decides whether a role-bound drill-down link is offered."""
    grafiek = grafiek_onderdrukt(uitkomst.grafiek) if onderdrukken else uitkomst.grafiek
    return Weergave(
        kengetal=kengetal,
        uitkomst=uitkomst,
        kerncijfers=[
            {"label": k.label, "tekst": kerncijfer_tekst(k, onderdrukken=onderdrukken), "toelichting": k.toelichting,
             "sleutel": k.sleutel}
            for k in uitkomst.kerncijfers
        ],
        tabellen=[
            TabelWeergave(tabel=t, cellen=tabel_cellen(t, onderdrukken=onderdrukken),
                          onderdrukt=onderdrukken and heeft_onderdrukking(t), index=i)
            for i, t in enumerate(uitkomst.tabellen)
        ],
        svg=grafieken.svg(grafiek, f"grafiek-{kengetal.sleutel}"),
        drilldown=None if onderdrukken else kengetal.drilldown_url(filters, user),
    )
