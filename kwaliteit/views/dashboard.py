"""The dashboard of key figures (DB, beleidsmedewerker, controller; bestuurder for the board's
schools), the Excel export per key figure and the drill-down list of schools."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from kwaliteit import conf
from kwaliteit.choices import Domein
from kwaliteit.excel import uitkomst_naar_xlsx
from kwaliteit.forms import DashboardFilterForm
from kwaliteit.kengetallen import get_kengetal
from kwaliteit.selectors import dashboard as selectors
from swv.generiek import RolVereistMixin, is_htmx


class DashboardBasis(RolVereistMixin):
    rollen = conf.DASHBOARD_ROLLEN

    def filterformulier(self) -> DashboardFilterForm:
        gegevens = self.request.GET if any(self.request.GET.get(k) for k in DashboardFilterForm.base_fields) else None
        return DashboardFilterForm(gegevens, keuzes=selectors.filter_keuzes(self.request.user))

    @staticmethod
    def omschrijving(form: DashboardFilterForm, filters) -> str:
        delen = [_("school year %(jaar)s") % {"jaar": filters.label}]
        data = getattr(form, "cleaned_data", {}) or {}
        for veld in ("bestuur", "kring", "gemeente", "school"):
            if data.get(veld) is not None:
                delen.append(f"{form.fields[veld].label}: {data[veld]}")
        if filters.soort:
            delen.append(f"{form.fields['soort'].label}: {filters.soort}")
        return "; ".join(delen)


class DashboardView(DashboardBasis, TemplateView):
    """The page computes one domain's tiles (``?domein=``, by default the first) and lets htmx load
    each other domain with its own request (``?domein=x`` with ``HX-Request``: that section only).
    Without JavaScript every other section offers a link that opens the page with it computed."""

    template_name = "kwaliteit/dashboard.html"

    def gekozen_domein(self) -> str:
        domein = self.request.GET.get("domein", "")
        return domein if domein in Domein.values else Domein.values[0]

    def alleen_sectie(self) -> bool:
        return is_htmx(self.request) and "domein" in self.request.GET

    def get_template_names(self):
        if self.alleen_sectie():
            return ["kwaliteit/partials/_dashboard_domein.html"]
        return ["kwaliteit/partials/_dashboard_tegels.html"] if is_htmx(self.request) else [self.template_name]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        form = self.filterformulier()
        filters = form.filters()
        gekozen = self.gekozen_domein()
        domeinen = selectors.dashboard_tegels(self.request.user, filters, berekenen={gekozen})
        ctx.update(
            form=form,
            filters=filters,
            querystring=filters.querystring(),
            omschrijving=self.omschrijving(form, filters),
            domeinen=domeinen,
        )
        if self.alleen_sectie():
            d = next((d for d in domeinen if d["domein"] == gekozen), None)
            if d is None:
                raise Http404
            ctx["d"] = d
        return ctx


class KengetalExportView(DashboardBasis, View):
    """The tables of one key figure as an Excel workbook, for the same filters as the dashboard."""

    def get(self, request, sleutel: str):
        try:
            kengetal = get_kengetal(sleutel)
        except KeyError:
            raise Http404
        if not kengetal.beschikbaar:
            raise Http404
        form = self.filterformulier()
        filters = form.filters()
        uitkomst = kengetal.bereken(request.user, filters)
        inhoud = uitkomst_naar_xlsx(
            kengetal, uitkomst, filters=filters, filteromschrijving=self.omschrijving(form, filters)
        )
        naam = f"{sleutel.replace('_', '-')}-{filters.label}-{timezone.localdate():%Y%m%d}.xlsx"
        response = HttpResponse(
            inhoud, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f'attachment; filename="{naam}"'
        return response


class DashboardScholenView(DashboardBasis, TemplateView):
    """The schools behind a tile (aggregates per school; pupils are not listed here)."""

    template_name = "kwaliteit/dashboard_scholen.html"
    per_pagina = 50

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        form = self.filterformulier()
        filters = form.filters()
        pagina = Paginator(selectors.scholen_lijst(self.request.user, filters), self.per_pagina).get_page(
            self.request.GET.get("pagina")
        )
        querystring = self.request.GET.copy()
        querystring.pop("pagina", None)
        ctx.update(
            form=form,
            filters=filters,
            pagina=pagina,
            querystring=querystring,
            omschrijving=self.omschrijving(form, filters),
        )
        return ctx
