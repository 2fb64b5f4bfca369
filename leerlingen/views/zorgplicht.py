"""Zorgplicht cases: list with the nearest deadlines first, registration, detail with the
countdown, extension (once) and decision."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from leerlingen import conf
from leerlingen.forms import thuiszitters as forms
from leerlingen.models import Zorgplichtcasus
from leerlingen.selectors import thuiszitters as selectors
from leerlingen.services import zorgplicht as services
from leerlingen.views.basis import ServiceFormView
from swv.access import heeft_rol, scholen
from swv.choices import Rol
from swv.generiek import RolVereistMixin
from swv.protocol import log_leerling_bekeken

ZORGPLICHT_ROLLEN = (Rol.IB_ER, Rol.DIRECTEUR, Rol.CONSULENT, Rol.BESTUURDER, Rol.DB, Rol.BELEIDSMEDEWERKER)
AANMELD_ROLLEN = (Rol.IB_ER, Rol.DIRECTEUR)


class ZorgplichtLijstView(RolVereistMixin, TemplateView):
    rollen = ZORGPLICHT_ROLLEN
    template_name = "leerlingen/zorgplicht/lijst.html"

    def get_context_data(self, **kwargs):
        from django.core.paginator import Paginator

        ctx = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", "lopend")
        status = status if status in {"lopend", "besloten", "alle"} else "lopend"
        qs = selectors.zorgplicht_lijst(self.request.user, status=status)
        pagina = Paginator(qs, 50).get_page(self.request.GET.get("pagina"))
        querystring = self.request.GET.copy()
        querystring.pop("pagina", None)
        ctx.update(
            pagina=pagina,
            status=status,
            querystring=querystring,
            mag_aanmelden=heeft_rol(self.request.user, *AANMELD_ROLLEN),
            termijn_weken=conf.zorgplicht_termijn_weken(),
            verlenging_weken=conf.zorgplicht_verlenging_weken(),
        )
        return ctx


class ZorgplichtNieuwView(ServiceFormView):
    form_class = forms.ZorgplichtNieuwForm
    titel = gettext_lazy("Register a written application (zorgplicht)")
    terug = "leerlingen:zorgplicht"
    succes_bericht = gettext_lazy("The application has been registered; the decision term runs.")

    def heeft_toegang(self, user):
        self.scholen = list(scholen(user, AANMELD_ROLLEN).order_by("naam"))
        return bool(self.scholen)

    def get_form_kwargs(self):
        from swv.models import School

        return {
            **super().get_form_kwargs(),
            "scholen": School.objects.filter(pk__in=[s.pk for s in self.scholen]).order_by("naam"),
        }

    def uitvoeren(self, form):
        return services.zorgplicht_registreren(door=self.request.user, **form.cleaned_data)


class ZorgplichtDetailView(LoginRequiredMixin, TemplateView):
    template_name = "leerlingen/zorgplicht/detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        try:
            casus = selectors.zorgplicht_detail(user, kwargs["uuid"])
        except Zorgplichtcasus.DoesNotExist:
            raise Http404 from None
        log_leerling_bekeken(gebruiker=user, leerling=casus.leerling, request=self.request)
        mag_wijzigen = casus.is_lopend and selectors.mag(user, casus, "change")
        ctx.update(
            casus=casus,
            leerling=casus.leerling,
            mag_wijzigen=mag_wijzigen,
            mag_verlengen=mag_wijzigen
            and casus.status == Zorgplichtcasus.Status.AANGEMELD
            and casus.dagen_resterend >= 0,
            termijn_weken=conf.zorgplicht_termijn_weken(),
            verlenging_weken=conf.zorgplicht_verlenging_weken(),
            dagen_resterend=casus.dagen_resterend,
            dagen_verstreken=casus.dagen_te_laat,
        )
        return ctx


class ZorgplichtVerlengenView(ServiceFormView):
    form_class = forms.ZorgplichtVerlengenForm
    model = Zorgplichtcasus
    titel = gettext_lazy("Extend the decision term")
    succes_bericht = gettext_lazy("The decision term has been extended.")

    def uitvoeren(self, form):
        return services.zorgplicht_verlengen(door=self.request.user, casus=self.object, **form.cleaned_data)


class ZorgplichtBesluitView(ServiceFormView):
    form_class = forms.ZorgplichtBesluitForm
    model = Zorgplichtcasus
    titel = gettext_lazy("Record the decision")
    succes_bericht = gettext_lazy("The decision has been recorded.")

    def uitvoeren(self, form):
        return services.zorgplicht_besluiten(door=self.request.user, casus=self.object, **form.cleaned_data)
