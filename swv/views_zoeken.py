"""The one endpoint of the searchable selects (``swv.formulieren.ZoekKeuze``): POST a search term,
get the matching ``<option>`` elements of the registered source, scoped to the user."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.views import View

from swv.formulieren import zoek_opties, zoekbron


class ZoekKeuzeView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, bron: str):
        zb = zoekbron(bron)
        if zb is None:
            raise Http404
        # The search box is named "zoek-<field>"; htmx sends only that one (hx-params).
        zoekterm = next((v for k, v in request.POST.items() if k.startswith("zoek-")), "").strip()[:100]
        opties, meer = zoek_opties(zb, request.user, zoekterm)
        if zb.na_zoeken is not None and zoekterm:
            zb.na_zoeken(gebruiker=request.user, aantal=len(opties), request=request)
        html = render_to_string(
            "swv/partials/_zoekkeuze_opties.html",
            {
                "leeg": zb.leeg,
                "opties": [(getattr(o, zb.waarde), zb.label(o)) for o in opties],
                "meer": meer,
                "aantal": len(opties),
                "status_id": request.headers.get("HX-Target", "") + "-status",
                "zoekterm": zoekterm,
            },
            request=request,
        )
        return HttpResponse(html)
