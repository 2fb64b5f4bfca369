"""The finance dashboard of a year and the reserve position over the years."""

from __future__ import annotations

from django.shortcuts import redirect
from django.views.generic import TemplateView

from financien import grafieken
from financien.querysets import mag_lezen
from financien.selectors.overzicht import beschikbare_jaren, financieel_overzicht, reserves, standaardjaar
from financien.selectors.toewijzing import mag_toewijzing_zien
from financien.views import LezenMixin


def _jaar(request, standaard: int) -> int:
    try:
        jaar = int(request.GET.get("jaar", standaard))
    except ValueError:
        return standaard
    return jaar if 2000 <= jaar <= 2100 else standaard


class OverzichtView(LezenMixin, TemplateView):
    template_name = "financien/overzicht.html"

    def dispatch(self, request, *args, **kwargs):
        # A bestuurder's finance page is the own board's allocation.
        if request.user.is_authenticated and not mag_lezen(request.user) and mag_toewijzing_zien(request.user):
            return redirect("financien:toewijzing")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        jaren = beschikbare_jaren(user)
        jaar = _jaar(self.request, standaardjaar(user, jaren))
        overzicht = financieel_overzicht(user, jaar=jaar, jaren=jaren)
        ctx.update(jaar=jaar, jaren=jaren, overzicht=overzicht)
        if overzicht:
            ctx["grafiek"] = grafieken.blokgrafiek(overzicht["totalen"], "grafiek-blokken")
        return ctx


class ReservesView(LezenMixin, TemplateView):
    template_name = "financien/reserves.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        posities = reserves(self.request.user)
        ctx["posities"] = posities
        if posities:
            ctx["grafiek"] = grafieken.reserve_tegen_drempels(posities, "grafiek-reserve")
        return ctx
