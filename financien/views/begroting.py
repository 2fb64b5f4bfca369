"""The (multi-year) budget: overview, amounts of one year, budget lines."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from financien.forms import BegrotingForm, BegrotingspostForm, NieuweBegrotingForm
from financien.models import Begroting, Begrotingspost
from financien.selectors.begroting import begrotingsposten, meerjarenbegroting
from financien.services import begroting as services
from financien.views import BeherenMixin, LezenMixin, PaginaMetFormulier, formulierfouten_melden, fout_melden
from swv.access import zichtbaar_of_404
from swv.fouten import DomeinFout


class MeerjarenbegrotingView(LezenMixin, TemplateView):
    template_name = "financien/begroting.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        try:
            vanaf = int(self.request.GET.get("vanaf", timezone.localdate().year - 1))
        except ValueError:
            vanaf = timezone.localdate().year - 1
        vanaf = min(max(vanaf, 2000), 2097)
        ctx.update(
            vanaf=vanaf, vorige=vanaf - 4, volgende=vanaf + 4, mjb=meerjarenbegroting(self.request.user, vanaf=vanaf)
        )
        if ctx["mag_beheren"]:
            ctx.setdefault("form", NieuweBegrotingForm(initial={"jaar": timezone.localdate().year + 1}))
        return ctx


class BegrotingAanmakenView(BeherenMixin, View):
    def post(self, request):
        form = NieuweBegrotingForm(request.POST)
        if not form.is_valid():
            formulierfouten_melden(request, form)
            return redirect("financien:begroting")
        try:
            begroting = services.begroting_aanmaken(door=request.user, **form.cleaned_data)
        except DomeinFout as fout:
            fout_melden(request, fout)
            return redirect("financien:begroting")
        messages.success(request, _("The budget of %(jaar)s has been created.") % {"jaar": begroting.jaar})
        return redirect("financien:begroting_jaar", jaar=begroting.jaar)


class BegrotingJaarView(LezenMixin, TemplateView):
    template_name = "financien/begroting_jaar.html"

    def begroting(self) -> Begroting:
        return zichtbaar_of_404(Begroting.objects.visible_to(self.request.user), jaar=self.kwargs["jaar"])

    def _form(self, begroting, data=None):
        posten = list(begrotingsposten(self.request.user).filter(actief=True))
        bedragen = dict(begroting.bedragen.values_list("post_id", "bedrag"))
        initial = {
            "revisie": begroting.revisie,
            "reserve_begin": begroting.reserve_begin,
            "toelichting": begroting.toelichting,
        }
        return BegrotingForm(data, posten=posten, bedragen=bedragen, initial=initial)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        begroting = kwargs.get("begroting") or self.begroting()
        form = kwargs.get("form") or self._form(begroting)
        ctx.update(begroting=begroting, form=form, rijen=[(p, form.veld_van(p)) for p in form.posten])
        return ctx

    def post(self, request, jaar):
        begroting = self.begroting()
        form = self._form(begroting, request.POST)
        if form.is_valid():
            try:
                services.begroting_wijzigen(
                    door=request.user,
                    begroting=begroting,
                    revisie=form.cleaned_data["revisie"],
                    bedragen=form.bedragen(),
                    reserve_begin=form.cleaned_data["reserve_begin"],
                    toelichting=form.cleaned_data["toelichting"],
                )
            except DomeinFout as fout:
                form.add_error(None, str(fout))
            else:
                messages.success(request, _("The budget of %(jaar)s has been saved.") % {"jaar": jaar})
                return redirect("financien:begroting_jaar", jaar=jaar)
        return self.render_to_response(self.get_context_data(begroting=begroting, form=form))


class BegrotingUitParametersView(BeherenMixin, View):
    def post(self, request, jaar):
        begroting = zichtbaar_of_404(Begroting.objects.visible_to(request.user, "change"), jaar=jaar)
        try:
            resultaat = services.begroting_uit_parameters_vullen(door=request.user, begroting=begroting)
        except DomeinFout as fout:
            fout_melden(request, fout)
        else:
            messages.success(
                request,
                _("%(n)s computed lines have been filled from the parameters.") % {"n": len(resultaat["gevuld"])},
            )
            if resultaat["overgeslagen"]:
                messages.warning(
                    request,
                    _("Not filled, because their source has no data yet: %(posten)s.")
                    % {"posten": ", ".join(f"{p.code} {p.naam}" for p in resultaat["overgeslagen"])},
                )
        return redirect("financien:begroting_jaar", jaar=jaar)


class PostenView(PaginaMetFormulier):
    template_name = "financien/posten.html"
    form_class = BegrotingspostForm

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["posten"] = begrotingsposten(self.request.user)
        return ctx

    def uitvoeren(self, form):
        services.begrotingspost_opslaan(door=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("The budget line has been saved."))
        return reverse("financien:posten")


class PostWijzigenView(BeherenMixin, TemplateView):
    template_name = "financien/post_wijzigen.html"

    def post_object(self) -> Begrotingspost:
        return zichtbaar_of_404(
            Begrotingspost.objects.visible_to(self.request.user, "change"), uuid=self.kwargs["uuid"]
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        post = kwargs.get("post") or self.post_object()
        ctx.update(post=post, form=kwargs.get("form") or BegrotingspostForm(instance=post))
        return ctx

    def post(self, request, uuid):
        post = self.post_object()
        form = BegrotingspostForm(request.POST, instance=Begrotingspost.objects.get(pk=post.pk))
        if form.is_valid():
            try:
                services.begrotingspost_opslaan(door=request.user, post=post, **form.cleaned_data)
            except DomeinFout as fout:
                form.add_error(None, str(fout))
            else:
                messages.success(request, _("The budget line has been saved."))
                return redirect("financien:posten")
        return self.render_to_response(self.get_context_data(post=post, form=form))


class StandaardPostenView(BeherenMixin, View):
    def post(self, request):
        try:
            aantal = services.standaard_posten_aanmaken(door=request.user)
        except DomeinFout as fout:
            fout_melden(request, fout)
        else:
            messages.success(request, _("%(n)s budget lines have been created in the standard layout.") % {"n": aantal})
        return redirect("financien:posten")
