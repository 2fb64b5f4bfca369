"""Complaints of parents: the handlers' list, registration, a complaint's page with its steps, and
the figures without names (the OPR's view, with small-number suppression)."""

from __future__ import annotations

from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from kwaliteit import conf, forms
from kwaliteit.choices import KlachtStatus
from kwaliteit.kengetallen import Filters, get_kengetal
from kwaliteit.models import Klacht
from kwaliteit.opmaak import voetnoot_onderdrukking
from kwaliteit.presentatie import presenteer
from kwaliteit.selectors.klachten import klacht_historie, klachten
from kwaliteit.services import klachten as services
from swv.generiek import ActieView, RolVereistMixin, ScopedDetailView, ScopedListView


class KlachtenView(ScopedListView):
    """The handlers' list of complaints, newest first, 50 a page, with their terms."""

    model = Klacht
    rollen = conf.KLACHT_BEHANDELAARS
    template_name = "kwaliteit/klachten.html"
    context_object_name = "klachten"
    paginate_by = 50
    page_kwarg = "pagina"

    def status(self) -> str:
        status = self.request.GET.get("status", "")
        return status if status in KlachtStatus.values else ""

    def get_queryset(self):
        return klachten(self.request.user, status=self.status())

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        status = self.status()
        ctx.update(
            status=status,
            statussen=KlachtStatus.choices,
            vandaag=timezone.localdate(),
            querystring=QueryDict(f"status={status}") if status else None,  # kept by the page links
        )
        return ctx


class KlachtRegistrerenView(ActieView):
    rollen = conf.KLACHT_BEHANDELAARS
    form_class = forms.KlachtRegistrerenForm
    titel = gettext_lazy("Register a complaint")
    uitleg = gettext_lazy(
        "Register the complaint of a parent. The terms to acknowledge and to handle it start from the date it was received."
    )
    knop = gettext_lazy("Register the complaint")
    succes_bericht = gettext_lazy("The complaint has been registered.")

    def terug_url(self):
        return reverse("kwaliteit:klachten")

    def uitvoeren(self, form) -> str:
        klacht = services.klacht_registreren(door=self.request.user, **form.cleaned_data)
        return klacht.get_absolute_url()


class KlachtDetailView(ScopedDetailView):
    model = Klacht
    relaties = ("school", "behandelaar", "geregistreerd_door")
    template_name = "kwaliteit/klacht.html"
    context_object_name = "klacht"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        klacht = self.object
        ctx.update(
            historie=klacht_historie(klacht),
            mag_behandelen=Klacht.objects.visible_to(self.request.user, "change").filter(pk=klacht.pk).exists(),
            vandaag=timezone.localdate(),
        )
        return ctx


class _KlachtStap(ActieView):
    """One step of a complaint (a transition service) on its own form page; handlers only."""

    model = Klacht
    action = "change"
    context_object_name = "klacht"


class KlachtBevestigenView(_KlachtStap):
    form_class = forms.KlachtBevestigenForm
    titel = gettext_lazy("Acknowledge receipt")
    knop = gettext_lazy("Record the acknowledgement")
    succes_bericht = gettext_lazy("The acknowledgement has been recorded.")

    def get_initial(self):
        return {"bevestigd_op": timezone.localdate()}

    def uitvoeren(self, form):
        services.klacht_bevestigen(klacht=self.object, door=self.request.user, **form.cleaned_data)


class KlachtInBehandelingView(_KlachtStap):
    titel = gettext_lazy("Take the complaint into handling")
    uitleg = gettext_lazy("You become the handler of this complaint.")
    knop = gettext_lazy("Handle the complaint")
    succes_bericht = gettext_lazy("You are handling the complaint.")

    def uitvoeren(self, form):
        services.klacht_in_behandeling_nemen(klacht=self.object, door=self.request.user)


class KlachtDerdeView(_KlachtStap):
    form_class = forms.KlachtDerdeForm
    titel = gettext_lazy("Engage a third party")
    uitleg = gettext_lazy("An independent third party or a confidential adviser can be engaged in the handling.")
    succes_bericht = gettext_lazy("It has been recorded who was engaged.")

    def get_initial(self):
        return {"ingeschakeld_op": timezone.localdate()}

    def uitvoeren(self, form):
        services.klacht_derde_inschakelen(klacht=self.object, door=self.request.user, **form.cleaned_data)


class KlachtAfhandelenView(_KlachtStap):
    form_class = forms.KlachtAfhandelenForm
    titel = gettext_lazy("Close the complaint")
    uitleg = gettext_lazy(
        "Record the judgement as given to the parent in writing, with reasons, and what we learn from it."
    )
    knop = gettext_lazy("Close the complaint")
    succes_bericht = gettext_lazy("The complaint has been closed.")

    def get_initial(self):
        return {"afgehandeld_op": timezone.localdate()}

    def uitvoeren(self, form):
        services.klacht_afhandelen(klacht=self.object, door=self.request.user, **form.cleaned_data)


class KlachtLkcView(_KlachtStap):
    form_class = forms.KlachtLkcForm
    titel = gettext_lazy("Record the route to the national complaints committee")
    uitleg = gettext_lazy("The parent took the complaint to the Landelijke Klachtencommissie (LKC).")
    succes_bericht = gettext_lazy("The route to the LKC has been recorded.")

    def get_initial(self):
        return {"lkc_op": timezone.localdate()}

    def uitvoeren(self, form):
        services.klacht_naar_lkc(klacht=self.object, door=self.request.user, **form.cleaned_data)


class KlachtIntrekkenView(_KlachtStap):
    form_class = forms.KlachtIntrekkenForm
    titel = gettext_lazy("Withdraw the complaint")
    knop = gettext_lazy("Record the withdrawal")
    succes_bericht = gettext_lazy("The withdrawal has been recorded.")

    def uitvoeren(self, form):
        services.klacht_intrekken(klacht=self.object, door=self.request.user, **form.cleaned_data)


class KlachtCijfersView(RolVereistMixin, TemplateView):
    """Complaints in figures per calendar year, without names and with small counts suppressed:
    what the OPR sees (and the SWV-wide roles), the same numbers as the jaarverslag's section."""

    rollen = conf.KLACHT_TELLERS
    template_name = "kwaliteit/klachten_cijfers.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        huidig = timezone.localdate().year
        try:
            jaar = int(self.request.GET.get("jaar", huidig))
        except ValueError:
            jaar = huidig
        jaar = min(max(jaar, huidig - 10), huidig)
        filters = Filters.voor_kalenderjaar(jaar)
        kengetal = get_kengetal("klachten")
        ctx.update(
            jaar=jaar,
            jaren=list(range(huidig, huidig - 6, -1)),
            w=presenteer(kengetal, kengetal.bereken(self.request.user, filters), filters, onderdrukken=True),
            voetnoot_onderdrukking=voetnoot_onderdrukking(),
        )
        return ctx
