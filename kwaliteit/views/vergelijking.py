"""The national comparison: this SWV against every PO samenwerkingsverband (page and Excel)."""

from __future__ import annotations

from datetime import date

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from kwaliteit import conf
from kwaliteit.selectors.vergelijking import Vergelijking, swv_vergelijking
from swv import grafieken
from swv.generiek import RolVereistMixin
from swv.opmaak import EXCEL_GETAL, EXCEL_PROCENT, datum, procent, werkmap


def _gekozen_teldatum(request) -> date | None:
    try:
        return date.fromisoformat(request.GET.get("teldatum", ""))
    except ValueError:
        return None


def grafiek(vergelijking: Vergelijking) -> grafieken.Grafiek | None:
    """This SWV's SBO and SO rates beside the national rate; the line across this SWV's bar spans
    the middle half of all SWVs (25th to 75th percentile)."""
    eigen, land = vergelijking.eigen, vergelijking.landelijk
    if eigen is None or land is None:
        return None
    spreiding = [(s.p25, s.p75) if s else None for s in (vergelijking.spreiding_sbo, vergelijking.spreiding_so)]
    return grafieken.staven(
        "g-vergelijking",
        _("Participation rate: this SWV and the country"),
        _(
            "Bars: the participation rates of SBO and SO of this SWV and of the country. The line across the "
            "first bar runs from the 25th to the 75th percentile of all SWVs. The table below has the numbers."
        ),
        [_("SBO"), _("SO")],
        [
            grafieken.Reeks(_("This SWV"), [eigen.pct_sbo, eigen.pct_so]),
            grafieken.Reeks(_("National"), [land.pct_sbo, land.pct_so]),
        ],
        formaat=procent,
        spreiding=spreiding,
    )


class VergelijkingView(RolVereistMixin, TemplateView):
    rollen = conf.VERGELIJKING_LEZEN
    template_name = "kwaliteit/vergelijking.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        vergelijking = swv_vergelijking(user=self.request.user, teldatum=_gekozen_teldatum(self.request))
        ctx.update(vergelijking=vergelijking, grafiek=grafiek(vergelijking))
        return ctx


class VergelijkingExportView(RolVereistMixin, View):
    rollen = conf.VERGELIJKING_LEZEN

    def get(self, request):
        v = swv_vergelijking(user=request.user, teldatum=_gekozen_teldatum(request))
        kolommen = [
            _("SWV code"),
            _("Name"),
            _("BO pupils"),
            _("SBO pupils"),
            _("SO pupils"),
            _("All pupils"),
            _("SBO (%)"),
            _("Rank SBO"),
            _("SO (%)"),
            _("Rank SO"),
            _("Growth (%)"),
        ]
        rijen = [
            [r.code, r.naam, r.bo, r.sbo, r.so, r.totaal, r.pct_sbo, r.rang_sbo, r.pct_so, r.rang_so, r.groei]
            for r in [*v.rijen, *([v.landelijk] if v.landelijk else [])]
        ]
        if v.landelijk:
            rijen[-1][0:2] = ["", _("National (all SWVs)")]
            rijen[-1][7] = rijen[-1][9] = None
        formaten = {i: EXCEL_GETAL for i in (2, 3, 4, 5, 7, 9)} | {i: EXCEL_PROCENT for i in (6, 8, 10)}
        titel = _("Comparison %(datum)s") % {"datum": datum(v.teldatum) if v.teldatum else "-"}
        inhoud = werkmap([(titel, kolommen, rijen, formaten)])
        antwoord = HttpResponse(
            inhoud, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        naam = f"vergelijking-swv-{v.teldatum:%Y-%m-%d}.xlsx" if v.teldatum else "vergelijking-swv.xlsx"
        antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
        return antwoord
