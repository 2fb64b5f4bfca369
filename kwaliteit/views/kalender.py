"""The accountability calendar: due this month and next (owner, status, generation page), the
whole calendar, and editing products and statuses (DB, beleidsmedewerker)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from kwaliteit import conf, forms
from kwaliteit.models import KalenderItem
from kwaliteit.selectors.kalender import generatiepagina, kalender_items, kalender_overzicht
from kwaliteit.services import kalender as services
from swv.access import heeft_rol, zichtbaar_of_404
from swv.fouten import DomeinFout
from swv.generiek import ActieView, RolVereistMixin


class KalenderView(RolVereistMixin, TemplateView):
    rollen = conf.KALENDER_LEZEN
    template_name = "kwaliteit/kalender.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        items = list(kalender_items(user))
        for item in items:  # the product's page in the portal, also for products without a due month
            item.link = generatiepagina(item.portaal_product)
        ctx.update(
            perioden=kalender_overzicht(user, timezone.localdate()),
            items=items,
            mag_bewerken=heeft_rol(user, *conf.KALENDER_BEWERKEN),
            statussen=forms.MomentStatus.choices,
        )
        return ctx


class KalenderMomentView(RolVereistMixin, View):
    """POST the status of one due occurrence (from the calendar page)."""

    rollen = conf.KALENDER_BEWERKEN

    def post(self, request, uuid):
        item = zichtbaar_of_404(KalenderItem.objects.visible_to(request.user, "change"), uuid=uuid)
        form = forms.KalenderMomentForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("The status was not saved: choose a valid status."))
            return redirect("kwaliteit:kalender")
        d = form.cleaned_data
        try:
            services.kalendermoment_bijwerken(
                item=item,
                jaar=d["jaar"],
                maand=d["maand"],
                status=d["status"],
                opmerking=d["opmerking"],
                versie=d["versie"],
                door=request.user,
            )
            messages.success(request, _("The status of %(product)s has been saved.") % {"product": item.product})
        except DomeinFout as fout:
            messages.error(request, str(fout))
        return redirect("kwaliteit:kalender")


class KalenderItemView(ActieView):
    rollen = conf.KALENDER_BEWERKEN
    form_class = forms.KalenderItemForm
    knop = gettext_lazy("Save")
    succes_bericht = gettext_lazy("The calendar product has been saved.")

    def terug_url(self):
        return reverse("kwaliteit:kalender")

    def laad(self):
        self.item = None
        if "uuid" in self.kwargs:
            self.item = zichtbaar_of_404(
                KalenderItem.objects.visible_to(self.request.user, "change"), uuid=self.kwargs["uuid"]
            )
        self.titel = _("Edit calendar product") if self.item else _("New calendar product")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.item
        if self.item is not None and "data" not in kwargs:
            kwargs["initial"] = {**kwargs.get("initial", {}), "versie": self.item.versie}
        return kwargs

    def uitvoeren(self, form) -> str:
        velden = {k: v for k, v in form.cleaned_data.items() if k != "versie"}
        services.kalenderitem_opslaan(
            item=self.item, versie=form.cleaned_data.get("versie"), door=self.request.user, **velden
        )
        return reverse("kwaliteit:kalender")
