"""One presentation of a key figure's outcome for the dashboard tile, the PDF reports and tests:
formatted headline figures, table cells, the SVG chart, with or without small-number suppression."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe

from kwaliteit import grafieken
from kwaliteit.kengetallen.register import Kengetal, Tabel, Uitkomst
from kwaliteit.onderdrukking import Onderdrukking, onderdrukking_van
from kwaliteit.opmaak import grafiek_onderdrukt, heeft_onderdrukking, kerncijfer_tekst, tabel_cellen, voetnoot_tekst

NUMERIEK = " utrecht-table__cell--numeric"


@dataclass
class TabelWeergave:
    tabel: Tabel
    cellen: list[list[dict]]
    onderdrukt: bool
    index: int
    voetnoot: Any = ""

    @property
    def rijen_html(self) -> list[str]:
        """The body rows as markup, built here rather than cell by cell in the template (a table of
        230 schools has thousands of cells; this keeps the dashboard within its time budget)."""
        rijen: list[str] = []
        for rij in self.cellen:
            eerste, *overige = rij
            kop = (
                format_html('<a class="utrecht-link" href="{}">{}</a>', eerste["link"], eerste["tekst"])
                if eerste.get("link")
                else conditional_escape(eerste["tekst"])
            )
            cellen = "".join(
                f'<td class="utrecht-table__cell{NUMERIEK if c.get("numeriek") else ""}">{escape(c["tekst"])}</td>'
                for c in overige
            )
            rijen.append(
                mark_safe(  # noqa: S308 - built from escaped parts only
                    f'<tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row">{kop}</th>{cellen}</tr>'
                )
            )
        return rijen


@dataclass
class Weergave:
    kengetal: Kengetal
    uitkomst: Uitkomst
    kerncijfers: list[dict] = field(default_factory=list)
    tabellen: list[TabelWeergave] = field(default_factory=list)
    svg: str = ""
    drilldown: str | None = None
    onderdrukking: Onderdrukking | None = None  # published output: what suppression hides

    @property
    def bron_beschikbaar(self) -> bool:
        return self.uitkomst.bron_beschikbaar

    @property
    def leeg(self) -> bool:
        return self.uitkomst.leeg


def presenteer(kengetal: Kengetal, uitkomst: Uitkomst, filters, *, onderdrukken: bool = False, user=None) -> Weergave:
    """The display form of ``uitkomst``; with ``onderdrukken`` (published output) counts below the
    threshold read "< 5", cells that would reveal them (secondary suppression, derived percentages)
    "*", charts leave them out and rows have no links (``kwaliteit.onderdrukking``, once for the
    whole outcome, so that headline figures, tables and chart are hidden together).
    ``user`` decides whether a role-bound drill-down link is offered."""
    onderdrukking = onderdrukking_van(uitkomst) if onderdrukken else None
    grafiek = grafiek_onderdrukt(uitkomst.grafiek, onderdrukking) if onderdrukken else uitkomst.grafiek
    return Weergave(
        kengetal=kengetal,
        uitkomst=uitkomst,
        kerncijfers=[
            {
                "label": k.label,
                "tekst": kerncijfer_tekst(k, onderdrukken=onderdrukken, onderdrukking=onderdrukking),
                "toelichting": k.toelichting,
                "sleutel": k.sleutel,
            }
            for k in uitkomst.kerncijfers
        ],
        tabellen=[
            TabelWeergave(
                tabel=t,
                cellen=tabel_cellen(t, onderdrukken=onderdrukken, onderdrukking=onderdrukking, index=i),
                onderdrukt=onderdrukking is not None and heeft_onderdrukking(t, onderdrukking, i),
                voetnoot=voetnoot_tekst(t, onderdrukken=onderdrukken),
                index=i,
            )
            for i, t in enumerate(uitkomst.tabellen)
        ],
        svg=grafieken.svg(grafiek, f"grafiek-{kengetal.sleutel}"),
        drilldown=None if onderdrukken else kengetal.drilldown_url(filters, user),
        onderdrukking=onderdrukking,
    )
