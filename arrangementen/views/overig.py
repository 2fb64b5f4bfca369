"""Views of the money side (budget overview, setting budgets, realised costs), the AC annual report
data, the catalogue and the in-app notifications."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from arrangementen import selectors, services
from arrangementen.budget import schooljaar_van
from arrangementen.forms import BudgetForm, ImportForm, RealisatieForm
from arrangementen.models import Aanvraag, Arrangementtype
from arrangementen.querysets import BUDGET_BEHEERDERS, BUDGET_LEZERS
from arrangementen.selectors import geld as geld_selectors
from arrangementen.selectors.jaarverslag import SWV_BREED
from arrangementen.services import AanvraagFout
from swv.access import heeft_rol
from swv.choices import Rol
from swv.fouten import DomeinFout
from swv.generiek import ActieView, RolVereistMixin
from swv.models import Kring
from swv.protocol import log_export
from swv.taken import taak_starten


def _jaar(request, standaard: int) -> int:
    waarde = request.GET.get("jaar", "")
    return int(waarde) if waarde.isdigit() and 2000 <= int(waarde) <= 2100 else standaard


class BudgetView(RolVereistMixin, TemplateView):
    """Per school, per kring and for the SWV: available, committed, realised, remaining (aggregates only)."""

    rollen = BUDGET_LEZERS
    template_name = "arrangementen/budget.html"
    per_pagina = 50

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        jaar = _jaar(self.request, timezone.localdate().year)
        kring_id = self.request.GET.get("kring", "")
        kring = Kring.objects.filter(pk=kring_id).first() if kring_id.isdigit() else None
        overzicht = selectors.budgetoverzicht(self.request.user, jaar=jaar, kring=kring)
        if overzicht is None:  # no right to the budget (the role check lets only readers in)
            raise Http404
        querystring = self.request.GET.copy()
        querystring.pop("pagina", None)
        ctx.update(
            o=overzicht,
            jaar=jaar,
            kring=kring,
            kringen=Kring.objects.order_by("naam"),
            querystring=querystring,
            pagina=Paginator(overzicht["per_school"], self.per_pagina).get_page(self.request.GET.get("pagina")),
            jaren=geld_selectors.budgetjaren(self.request.user, rond=jaar),
            mag_wijzigen=heeft_rol(self.request.user, *BUDGET_BEHEERDERS),
        )
        return ctx


class BudgetVastleggenView(ActieView):
    rollen = BUDGET_BEHEERDERS
    form_class = BudgetForm
    template_name = "arrangementen/budget_formulier.html"
    succes_bericht = gettext_lazy("The budget has been saved.")

    def get_initial(self):
        return {"jaar": _jaar(self.request, timezone.localdate().year)}

    def terug_url(self):
        return reverse("arrangementen:budget")

    def uitvoeren(self, form):
        d = form.cleaned_data
        services.budget_vastleggen(
            door=self.request.user,
            jaar=d["jaar"],
            bedrag=d["bedrag"],
            toelichting=d.get("toelichting") or "",
            school=d.get("school") if d["niveau"] == "school" else None,
            kring=d.get("kring") if d["niveau"] == "kring" else None,
        )
        return f"{reverse('arrangementen:budget')}?jaar={d['jaar']}"


class RealisatieView(RolVereistMixin, View):
    """Realised costs of a year: the list, one entry at a time, or an import of the accounting export."""

    template_name = "arrangementen/realisatie.html"

    def heeft_toegang(self, user):
        # Everyone who reads the budget sees the list; only the budget managers record amounts.
        return heeft_rol(user, *(BUDGET_BEHEERDERS if self.request.method == "POST" else BUDGET_LEZERS))

    def context(self, jaar, **extra):
        return {
            "jaar": jaar,
            "realisaties": geld_selectors.realisaties(self.request.user, jaar=jaar)[:500],
            "mag_wijzigen": heeft_rol(self.request.user, *BUDGET_BEHEERDERS),
            **extra,
        }

    def get(self, request):
        jaar = _jaar(request, timezone.localdate().year)
        return render(
            request,
            self.template_name,
            self.context(jaar, form=RealisatieForm(initial={"jaar": jaar}), importform=ImportForm()),
        )

    def post(self, request):
        jaar = _jaar(request, timezone.localdate().year)
        form, importform = RealisatieForm(initial={"jaar": jaar}), ImportForm()
        if "bestand" in request.FILES or request.POST.get("actie") == "import":
            importform = ImportForm(request.POST, request.FILES)
            if importform.is_valid():
                try:
                    n = services.realisaties_importeren(door=request.user, bestand=importform.cleaned_data["bestand"])
                except DomeinFout as fout:
                    importform.add_error(None, fout.bericht)
                else:
                    messages.success(request, _("%(n)s realised amounts imported.") % {"n": n})
                    return redirect(f"{reverse('arrangementen:realisatie')}?jaar={jaar}")
        else:
            form = RealisatieForm(request.POST)
            if form.is_valid():
                d = form.cleaned_data
                aanvraag = Aanvraag.objects.filter(nummer=d["nummer"].strip().upper()).first()
                try:
                    if aanvraag is None:
                        raise AanvraagFout(_("There is no arrangement with this number."))
                    services.realisatie_vastleggen(
                        door=request.user,
                        aanvraag=aanvraag,
                        jaar=d["jaar"],
                        bedrag=d["bedrag"],
                        omschrijving=d.get("omschrijving") or "",
                    )
                except DomeinFout as fout:
                    form.add_error(None, fout.bericht)
                else:
                    messages.success(request, _("The realised amount has been saved."))
                    return redirect(f"{reverse('arrangementen:realisatie')}?jaar={d['jaar']}")
        return render(request, self.template_name, self.context(jaar, form=form, importform=importform), status=422)


class JaarverslagView(RolVereistMixin, TemplateView):
    """The AC annual report data of one school year; exportable to Excel (a background job)."""

    rollen = (*SWV_BREED, Rol.AC_LID)
    template_name = "arrangementen/jaarverslag.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        huidig = schooljaar_van(timezone.localdate())
        jaar = _jaar(self.request, huidig - 1)
        ctx.update(
            jaar=jaar,
            jaren=list(range(huidig, huidig - 10, -1)),
            aantallen=selectors.jaarverslag_aantallen(user, jaar=jaar),
            evaluaties=selectors.jaarverslag_evaluaties(user, jaar=jaar),
            geld=selectors.jaarverslag_geld(user, jaar=jaar),
        )
        return ctx

    def post(self, request):
        jaar = int(request.POST.get("jaar", "0") or 0)
        if not 2000 <= jaar <= 2100:
            messages.error(request, _("Choose a school year."))
            return redirect("arrangementen:jaarverslag")
        taak = taak_starten(
            soort="arrangementen_jaarverslag_excel",
            aangevraagd_door=request.user,
            parameters={"jaar": jaar},
            omschrijving=_("AC annual report data %(jaar)s-%(volgend)s (Excel)") % {"jaar": jaar, "volgend": jaar + 1},
        )
        log_export(gebruiker=request.user, gebeurtenis="arrangementen_jaarverslag", aantal=0, obj=taak, request=request)
        messages.info(request, _("The export has started; you can follow its progress below."))
        return redirect("taak_detail", uuid=taak.uuid)


class CatalogusView(LoginRequiredMixin, TemplateView):
    template_name = "arrangementen/catalogus.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["typen"] = Arrangementtype.objects.visible_to(self.request.user).actief()
        return ctx
