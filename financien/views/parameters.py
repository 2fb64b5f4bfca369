"""Parameters per year: list, create, change (or new version), copy, arrangement budgets."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from financien.forms import ArrangementenbudgetForm, JaarparametersForm, NieuweJaarparametersForm
from financien.models import Arrangementenbudget
from financien.selectors.parameters import parameters_per_jaar, parameters_van_jaar
from financien.services import parameters as services
from financien.views import BeherenMixin, LezenMixin, PaginaMetFormulier, formulierfouten_melden, fout_melden
from swv.access import zichtbaar_of_404
from swv.fouten import DomeinFout


def parameters_weergave(params) -> list[tuple[str, str]]:
    """Label and display value of every parameter (the read-only view for the DB)."""
    from django.db import models
    from django.utils.formats import date_format
    from django.utils.text import capfirst

    from financien.services.parameters import WAARDEVELDEN
    from swv.opmaak import euro, procent

    rijen = []
    for naam in WAARDEVELDEN:
        veld = params._meta.get_field(naam)
        waarde = getattr(params, naam)
        if veld.choices:
            tekst = getattr(params, f"get_{naam}_display")()
        elif isinstance(veld, models.DateField):
            tekst = date_format(waarde, "j F Y")
        elif isinstance(veld, models.BooleanField):
            tekst = _("yes") if waarde else _("no")
        elif "percentage" in naam or naam == "prognose_groei":
            tekst = procent(waarde, 2)
        else:
            tekst = euro(waarde)
        rijen.append((capfirst(veld.verbose_name), tekst))
    return rijen


class ParametersLijstView(PaginaMetFormulier):
    template_name = "financien/parameters_lijst.html"
    form_class = NieuweJaarparametersForm

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["jaren"] = parameters_per_jaar(self.request.user)
        return ctx

    def uitvoeren(self, form):
        params = services.jaarparameters_aanmaken(
            door=self.request.user, jaar=form.cleaned_data["jaar"], waarden=form.cleaned_data
        )
        messages.success(self.request, _("The parameters of %(jaar)s have been saved.") % {"jaar": params.jaar})
        return reverse("financien:parameters_jaar", kwargs={"jaar": params.jaar})


class ParametersJaarView(LezenMixin, TemplateView):
    template_name = "financien/parameters_jaar.html"

    def gegevens(self):
        gegevens = parameters_van_jaar(self.request.user, self.kwargs["jaar"])
        if gegevens is None:
            raise Http404
        return gegevens

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        gegevens = kwargs.pop("gegevens", None) or self.gegevens()
        ctx.update(gegevens)
        params = gegevens["parameters"]
        ctx["waarden"] = parameters_weergave(params)
        if ctx["mag_beheren"]:
            ctx.setdefault(
                "form", JaarparametersForm(instance=params, jaar=params.jaar, initial={"revisie": params.revisie})
            )
            ctx.setdefault("budget_form", ArrangementenbudgetForm())
        return ctx

    def post(self, request, jaar):
        gegevens = self.gegevens()
        params = gegevens["parameters"]
        form = JaarparametersForm(request.POST, instance=params, jaar=jaar)
        if form.is_valid():
            try:
                nieuw = services.jaarparameters_wijzigen(
                    door=request.user,
                    parameters=params,
                    revisie=form.cleaned_data.get("revisie") or 0,
                    waarden=form.cleaned_data,
                    reden=form.cleaned_data.get("reden", ""),
                )
            except DomeinFout as fout:
                form.add_error(None, str(fout))
            else:
                if nieuw.pk != params.pk:
                    messages.success(
                        request,
                        _("Version %(versie)s of the parameters of %(jaar)s has been saved.")
                        % {"versie": nieuw.versie, "jaar": jaar},
                    )
                else:
                    messages.success(request, _("The parameters of %(jaar)s have been saved.") % {"jaar": jaar})
                return redirect("financien:parameters_jaar", jaar=jaar)
        # Re-read: the failed form must not show as if it were saved.
        gegevens = self.gegevens()
        return self.render_to_response(self.get_context_data(form=form, gegevens=gegevens), status=200)


class ParametersKopierenView(BeherenMixin, View):
    def post(self, request, jaar):
        try:
            nieuw = services.jaarparameters_kopieren(door=request.user, jaar=jaar)
        except DomeinFout as fout:
            fout_melden(request, fout)
            return redirect("financien:parameters")
        messages.success(
            request,
            _("The parameters of %(jaar)s have been copied to %(nieuw)s; check and adjust them.")
            % {"jaar": jaar, "nieuw": nieuw.jaar},
        )
        return redirect("financien:parameters_jaar", jaar=nieuw.jaar)


class ArrangementenbudgetOpslaanView(BeherenMixin, View):
    def post(self, request, jaar):
        gegevens = parameters_van_jaar(request.user, jaar)
        if gegevens is None:
            raise Http404
        form = ArrangementenbudgetForm(request.POST)
        if form.is_valid():
            try:
                services.arrangementenbudget_opslaan(
                    door=request.user,
                    parameters=gegevens["parameters"],
                    school=form.cleaned_data["school"],
                    kring=form.cleaned_data["kring"],
                    bedrag=form.cleaned_data["bedrag"],
                )
            except DomeinFout as fout:
                fout_melden(request, fout)
            else:
                messages.success(request, _("The arrangement budget has been saved."))
        else:
            formulierfouten_melden(request, form)
        return redirect(reverse("financien:parameters_jaar", args=[jaar]) + "#arrangementenbudgetten")


class ArrangementenbudgetVerwijderenView(BeherenMixin, View):
    def post(self, request, jaar, uuid):
        budget = zichtbaar_of_404(
            Arrangementenbudget.objects.visible_to(request.user, "change"), uuid=uuid, parameters__jaar=jaar
        )
        try:
            services.arrangementenbudget_verwijderen(door=request.user, budget=budget)
        except DomeinFout as fout:
            fout_melden(request, fout)
        else:
            messages.success(request, _("The arrangement budget has been removed."))
        return redirect(reverse("financien:parameters_jaar", args=[jaar]) + "#arrangementenbudgetten")
