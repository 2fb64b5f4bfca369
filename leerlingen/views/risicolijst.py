"""The risicolijst: marks of pupils at risk, compiled rounds with their comparison, exports."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from leerlingen.forms import thuiszitters as forms
from leerlingen.models import Leerling, Risicolijstronde, Risicosignalering
from leerlingen.selectors import risicolijst as selectors
from leerlingen.services import risicolijst as services
from leerlingen.services.thuiszitters import Domeinfout
from leerlingen.views.basis import ServiceFormView
from swv.access import heeft_rol, zichtbaar_of_404
from swv.choices import Rol
from swv.generiek import RolVereistMixin

RISICO_ROLLEN = (Rol.CONSULENT, Rol.DB, Rol.BELEIDSMEDEWERKER)


class RisicolijstView(RolVereistMixin, TemplateView):
    """The current marks (scoped) and the compiled rounds."""

    rollen = RISICO_ROLLEN
    template_name = "leerlingen/risicolijst/overzicht.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        pagina = Paginator(selectors.signaleringen_actief_op(user), 50).get_page(self.request.GET.get("pagina"))
        ctx.update(
            pagina=pagina,
            rondes=list(selectors.rondes(user)[:12]),
            mag_signaleren=heeft_rol(user, Rol.CONSULENT, Rol.BELEIDSMEDEWERKER),
            mag_samenstellen=heeft_rol(user, Rol.BELEIDSMEDEWERKER),
        )
        return ctx


class RisicoNieuwView(ServiceFormView):
    form_class = forms.RisicoForm
    titel = gettext_lazy("Put a pupil on the risk list")
    terug = "leerlingen:risicolijst"
    succes_bericht = gettext_lazy("The pupil has been put on the risk list.")

    rollen = (
        Rol.CONSULENT,
        Rol.BELEIDSMEDEWERKER,
    )

    def laad(self):
        super().laad()
        uuid = self.request.POST.get("leerling") or self.request.GET.get("leerling")
        if not uuid:
            raise Http404
        self.leerling = zichtbaar_of_404(Leerling.objects.visible_to(self.request.user), uuid=uuid)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["leerling"] = self.leerling
        return ctx

    def uitvoeren(self, form):
        return services.risico_signaleren(door=self.request.user, leerling=self.leerling, **form.cleaned_data)

    def succes_url(self, resultaat):
        return reverse("leerlingen:risicolijst")


class RisicoBeeindigenView(ServiceFormView):
    form_class = forms.RisicoBeeindigenForm
    model = Risicosignalering
    titel = gettext_lazy("Take the pupil off the risk list")
    terug = "leerlingen:risicolijst"
    succes_bericht = gettext_lazy("The pupil has been taken off the risk list.")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["leerling"] = self.object.leerling
        return ctx

    def uitvoeren(self, form):
        return services.risico_beeindigen(door=self.request.user, signalering=self.object, **form.cleaned_data)

    def succes_url(self, resultaat):
        return reverse("leerlingen:risicolijst")


class RondeNieuwView(ServiceFormView):
    form_class = forms.RondeForm
    template_name = "leerlingen/risicolijst/ronde_nieuw.html"
    titel = gettext_lazy("Compile a round of the risk list")
    terug = "leerlingen:risicolijst"
    succes_bericht = gettext_lazy("The round has been compiled and frozen.")

    rollen = (Rol.BELEIDSMEDEWERKER,)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "rondes": selectors.open_rondes()}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["aantal"] = selectors.signaleringen_actief_op(self.request.user).count()
        return ctx

    def uitvoeren(self, form):
        jaar, maand = form.jaar_maand()
        return services.risicolijst_samenstellen(door=self.request.user, jaar=jaar, maand=maand)


class RondeDetailView(LoginRequiredMixin, TemplateView):
    template_name = "leerlingen/risicolijst/ronde.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        ronde = zichtbaar_of_404(
            Risicolijstronde.objects.visible_to(user).select_related("vorige", "samengesteld_door"), uuid=kwargs["uuid"]
        )
        vergelijking = self.request.GET.get("vergelijking", "")
        vergelijking = vergelijking if vergelijking in {"nieuw", "nog", "af"} else ""
        pagina = Paginator(selectors.ronde_regels(user, ronde, vergelijking=vergelijking), 100).get_page(
            self.request.GET.get("pagina")
        )
        querystring = self.request.GET.copy()
        querystring.pop("pagina", None)
        ctx.update(
            ronde=ronde,
            pagina=pagina,
            vergelijking=vergelijking,
            querystring=querystring,
            tellingen=selectors.ronde_tellingen(user, ronde),
            mag_exporteren=heeft_rol(user, Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.CONSULENT),
        )
        return ctx


class RondeExportView(LoginRequiredMixin, View):
    def post(self, request, uuid):
        ronde = zichtbaar_of_404(Risicolijstronde.objects.visible_to(request.user), uuid=uuid)
        try:
            taak = services.risicolijst_export_starten(
                door=request.user, ronde=ronde, formaat=request.POST.get("formaat", ""), request=request
            )
        except Domeinfout as fout:
            messages.error(request, " ".join(fout.messages))
            return redirect(ronde.get_absolute_url())
        messages.info(request, _("The export has started; you can follow its progress below."))
        return redirect("taak_detail", uuid=taak.uuid)
