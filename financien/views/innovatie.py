"""Innovation requests: the list (in the user's scope), a new request, its page and its steps."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy

from financien.forms import InnovatieAanvraagForm, InnovatieAdviesForm, InnovatieAfwijzenForm, InnovatieToekennenForm
from financien.models import Innovatieaanvraag
from financien.services import innovatie as services
from swv.access import bestuur_ids, school_ids
from swv.choices import Rol
from swv.generiek import ActieView, ScopedDetailView, ScopedListView

AANVRAGERS = (Rol.BESTUURDER, Rol.DIRECTEUR, Rol.IB_ER)
LEZERS = (Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.CONTROLLER, Rol.TLC_LID, Rol.AC_LID, *AANVRAGERS)


class InnovatiesView(ScopedListView):
    """The requests in the user's scope, newest first, 50 a page (not a silent cut-off)."""

    model = Innovatieaanvraag
    rollen = LEZERS
    relaties = ("bestuur", "school")
    template_name = "financien/innovaties.html"
    context_object_name = "aanvragen"
    paginate_by = 50
    page_kwarg = "pagina"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        ctx["mag_aanvragen"] = bool(bestuur_ids(user, [Rol.BESTUURDER]) or school_ids(user, [Rol.DIRECTEUR, Rol.IB_ER]))
        return ctx


class InnovatieNieuwView(ActieView):
    rollen = AANVRAGERS
    form_class = InnovatieAanvraagForm
    titel = gettext_lazy("New innovation request")
    uitleg = gettext_lazy(
        "Describe the plan and justify the costs. A request without a financial justification cannot be submitted."
    )
    knop = gettext_lazy("Save as draft")
    succes_bericht = gettext_lazy("The request has been saved as a draft.")

    def terug_url(self) -> str:
        return reverse("financien:innovaties")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def uitvoeren(self, form) -> str:
        return services.innovatie_aanvragen(door=self.request.user, **form.cleaned_data).get_absolute_url()


class InnovatieDetailView(ScopedDetailView):
    model = Innovatieaanvraag
    relaties = ("bestuur", "school")
    template_name = "financien/innovatie.html"
    context_object_name = "aanvraag"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        a, user = self.object, self.request.user
        qs = Innovatieaanvraag.objects.filter(pk=a.pk)
        ctx.update(
            historie=a.statusovergangen.select_related("door"),
            toekenningen=a.toekenningen.select_related("post"),
            mag_indienen=qs.visible_to(user, "change").exists(),
            mag_adviseren=qs.visible_to(user, "adviseren").exists(),
            mag_besluiten=qs.visible_to(user, "besluiten").exists(),
        )
        return ctx


class _Stap(ActieView):
    model = Innovatieaanvraag
    context_object_name = "aanvraag"


class InnovatieIndienenView(_Stap):
    action = "change"
    alleen_post = True
    succes_bericht = gettext_lazy("The request has been submitted.")

    def uitvoeren(self, form):
        services.innovatie_indienen(aanvraag=self.object, door=self.request.user)


class InnovatieAdviserenView(_Stap):
    action = "adviseren"
    form_class = InnovatieAdviesForm
    titel = gettext_lazy("Advise on the innovation request")
    succes_bericht = gettext_lazy("The advice has been recorded.")

    def uitvoeren(self, form):
        services.innovatie_adviseren(aanvraag=self.object, door=self.request.user, **form.cleaned_data)


class InnovatieToekennenView(_Stap):
    action = "besluiten"
    form_class = InnovatieToekennenForm
    titel = gettext_lazy("Grant the innovation request")
    uitleg = gettext_lazy("The amount per year is committed against the budget line for every year of the request.")
    knop = gettext_lazy("Grant")
    succes_bericht = gettext_lazy("The request has been granted.")

    def uitvoeren(self, form):
        services.innovatie_toekennen(aanvraag=self.object, door=self.request.user, **form.cleaned_data)


class InnovatieAfwijzenView(_Stap):
    action = "besluiten"
    form_class = InnovatieAfwijzenForm
    titel = gettext_lazy("Refuse the innovation request")
    knop = gettext_lazy("Refuse")
    succes_bericht = gettext_lazy("The request has been refused.")

    def uitvoeren(self, form):
        services.innovatie_afwijzen(aanvraag=self.object, door=self.request.user, **form.cleaned_data)
