"""The allocation per board and school (finance roles: all boards; a bestuurder: the own board)."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.views import View
from django.views.generic import TemplateView

from financien.excel import toewijzing_excel
from financien.querysets import mag_lezen
from financien.selectors.overzicht import standaardjaar
from financien.selectors.toewijzing import mag_toewijzing_zien, toewijzing_voor
from financien.views import ToegangMixin


class ToewijzingMixin(ToegangMixin):
    def heeft_toegang(self, user) -> bool:
        return mag_toewijzing_zien(user)


class ToewijzingStartView(ToewijzingMixin, View):
    def get(self, request):
        return redirect("financien:toewijzing_jaar", jaar=standaardjaar(request.user))


class ToewijzingView(ToewijzingMixin, TemplateView):
    template_name = "financien/toewijzing.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        jaar = self.kwargs["jaar"]
        ctx.update(
            jaar=jaar,
            toewijzing=toewijzing_voor(self.request.user, jaar=jaar),
            toont_subnav=mag_lezen(self.request.user),
        )
        return ctx


class ToewijzingExcelView(ToewijzingMixin, View):
    """One board's allocation as an Excel workbook (schools, counts, amounts and the rule used)."""

    def get(self, request, jaar, nummer):
        toewijzing = toewijzing_voor(request.user, jaar=jaar, bestuur_nummer=nummer)
        if toewijzing is None or not toewijzing.besturen:
            raise Http404
        inhoud = toewijzing_excel(toewijzing)
        response = HttpResponse(
            inhoud, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f'attachment; filename="toewijzing-{jaar}-{nummer}.xlsx"'
        return response
