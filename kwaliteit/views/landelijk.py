"""National figures per count date: the list, and entering or correcting one (DB, beleidsmedewerker)."""

from __future__ import annotations

from datetime import date

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from kwaliteit import conf
from kwaliteit.forms import LandelijkCijferForm
from kwaliteit.models import LandelijkCijfer
from kwaliteit.services.landelijk import BEWERKEN, landelijk_cijfer_opslaan
from swv.access import heeft_rol
from swv.generiek import ActieView, RolVereistMixin


class LandelijkLijstView(RolVereistMixin, TemplateView):
    rollen = conf.SWV_BREED
    template_name = "kwaliteit/landelijk.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["cijfers"] = LandelijkCijfer.objects.order_by("-teldatum")
        ctx["mag_bewerken"] = heeft_rol(self.request.user, *BEWERKEN)
        return ctx


class LandelijkCijferView(ActieView):
    rollen = BEWERKEN
    form_class = LandelijkCijferForm
    knop = gettext_lazy("Save")
    succes_bericht = gettext_lazy("The national figures have been saved.")

    def terug_url(self):
        return reverse("kwaliteit:landelijk")

    def laad(self):
        self.cijfer = None
        if "teldatum" in self.kwargs:
            try:
                teldatum = date.fromisoformat(self.kwargs["teldatum"])
            except ValueError:
                raise Http404
            self.cijfer = LandelijkCijfer.objects.filter(teldatum=teldatum).first()
            if self.cijfer is None:
                raise Http404
        self.titel = _("Edit national figures") if self.cijfer else _("New national figures")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.cijfer}

    def uitvoeren(self, form) -> str:
        landelijk_cijfer_opslaan(cijfer=self.cijfer, door=self.request.user, **form.cleaned_data)
        return reverse("kwaliteit:landelijk")
