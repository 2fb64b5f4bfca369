"""Actuals: imports per month (upload -> preview -> process or cancel) and the account mapping."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from financien.choices import ImportStatus
from financien.forms import RealisatieUploadForm, RekeningkoppelingForm
from financien.models import RealisatieImport, Rekeningkoppeling
from financien.selectors.begroting import realisatie_imports, rekeningkoppelingen
from financien.services import realisatie as services
from financien.views import BeherenMixin, LezenMixin, PaginaMetFormulier, fout_melden
from swv.access import zichtbaar_of_404
from swv.fouten import DomeinFout


class RealisatieView(PaginaMetFormulier):
    template_name = "financien/realisatie.html"
    per_pagina = 24
    form_class = RealisatieUploadForm
    fout_veld = "bestand"

    def get_context_data(self, **kwargs):
        from django.core.paginator import Paginator

        ctx = super().get_context_data(**kwargs)
        imports = realisatie_imports(self.request.user).exclude(status=ImportStatus.GEANNULEERD)
        ctx["pagina"] = Paginator(imports, self.per_pagina).get_page(self.request.GET.get("pagina"))
        ctx["aantal_koppelingen"] = rekeningkoppelingen(self.request.user).count()
        return ctx

    def get_initial(self):
        vorige = timezone.localdate().replace(day=1) - timedelta(days=1)
        return {"jaar": vorige.year, "maand": vorige.month}

    def uitvoeren(self, form):
        invoer = services.realisatie_inlezen(door=self.request.user, **form.cleaned_data)
        return reverse("financien:realisatie_import", kwargs={"uuid": invoer.uuid})


class RealisatieImportView(LezenMixin, TemplateView):
    template_name = "financien/realisatie_import.html"

    def invoer(self) -> RealisatieImport:
        return zichtbaar_of_404(
            RealisatieImport.objects.visible_to(self.request.user).select_related("ingelezen_door"),
            uuid=self.kwargs["uuid"],
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        invoer = self.invoer()
        ctx["invoer"] = invoer
        rijen = invoer.voorbeeld or []
        ctx["regels"] = ([r for r in rijen if r["fouten"]] + [r for r in rijen if not r["fouten"]])[:300]
        per_post: dict[str, list] = {}
        for r in rijen:
            if r["post"] and r["bedrag"] is not None:
                som = per_post.setdefault(r["post"], [0, Decimal("0.00")])
                som[0] += 1
                som[1] += Decimal(r["bedrag"])
        ctx["per_post"] = [(post, n, totaal) for post, (n, totaal) in sorted(per_post.items())]
        ctx["vorige"] = (
            RealisatieImport.objects.verwerkt()
            .filter(jaar=invoer.jaar, maand=invoer.maand)
            .exclude(pk=invoer.pk)
            .first()
        )
        return ctx

    def post(self, request, uuid):
        invoer = self.invoer()
        try:
            if request.POST.get("actie") == "annuleren":
                services.realisatie_annuleren(door=request.user, invoer=invoer)
                messages.info(request, _("The import has been cancelled; nothing was booked."))
                return redirect("financien:realisatie")
            services.realisatie_verwerken(door=request.user, invoer=invoer)
        except DomeinFout as fout:
            fout_melden(request, fout)
            return redirect("financien:realisatie_import", uuid=uuid)
        messages.success(request, _("%(n)s bookings have been imported.") % {"n": invoer.aantal_regels})
        return redirect("financien:realisatie")


class RekeningenView(PaginaMetFormulier):
    template_name = "financien/rekeningen.html"
    form_class = RekeningkoppelingForm

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["koppelingen"] = rekeningkoppelingen(self.request.user)
        return ctx

    def uitvoeren(self, form):
        services.rekeningkoppeling_opslaan(door=self.request.user, **form.cleaned_data)
        messages.success(
            self.request,
            _("Ledger account %(rekening)s has been mapped.") % {"rekening": form.cleaned_data["rekening"]},
        )
        return reverse("financien:rekeningen")


class RekeningVerwijderenView(BeherenMixin, View):
    def post(self, request, uuid):
        koppeling = zichtbaar_of_404(Rekeningkoppeling.objects.visible_to(request.user, "change"), uuid=uuid)
        try:
            services.rekeningkoppeling_verwijderen(door=request.user, koppeling=koppeling)
        except DomeinFout as fout:
            fout_melden(request, fout)
        else:
            messages.success(
                request,
                _("The mapping of ledger account %(rekening)s has been removed.") % {"rekening": koppeling.rekening},
            )
        return redirect("financien:rekeningen")
