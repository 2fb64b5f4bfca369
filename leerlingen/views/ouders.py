"""The school's side of the parents' portal (issue 14): invite a parent to a child, end a link.

Only the ib-er or directeur of the child's current school (``Leerling.objects.visible_to(user,
"ouders")``, ``OuderKoppeling.objects.visible_to(user, "change")``); anyone else gets 404."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from leerlingen.forms.ouders import KoppelingBeeindigenForm, LogboekForm, OuderUitnodigenForm
from leerlingen.models import Leerling, Logboekbericht, OuderKoppeling
from leerlingen.services import ouders as services
from leerlingen.views.basis import ActieFormView
from swv.protocol import log_leerling_bekeken


class OuderUitnodigenView(ActieFormView):
    model = Leerling
    action = "ouders"
    form_class = OuderUitnodigenForm
    titel = _("Invite a parent to the parents' portal")
    knop = _("Send invitation")
    succes_bericht = _("The parent has been invited. The e-mail contains a link only, no pupil details.")
    uitleg = _(
        "A parent with legal authority (gezag) gets access to what the school shares about this pupil. "
        "Each parent gets their own account; both parents with authority can be invited."
    )

    def get_context_data(self, **kwargs):
        return super().get_context_data(leerling=self.object, **kwargs)

    def terug_url(self) -> str:
        return reverse("leerlingen:detail", args=[self.object.uuid])

    def uitvoeren(self, form):
        services.ouder_uitnodigen(door=self.request.user, leerling=self.object, **form.cleaned_data)
        return self.terug_url()


class KoppelingBeeindigenView(ActieFormView):
    model = OuderKoppeling
    action = "change"
    relaties = ("leerling",)
    form_class = KoppelingBeeindigenForm
    titel = _("End a parent's access")
    knop = _("End access")
    succes_bericht = _("The parent's access has ended.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(leerling=self.object.leerling, **kwargs)

    def terug_url(self) -> str:
        return reverse("leerlingen:detail", args=[self.object.leerling.uuid])

    def uitvoeren(self, form):
        services.koppeling_beeindigen(door=self.request.user, koppeling=self.object, **form.cleaned_data)
        return self.terug_url()


class LogboekView(ActieFormView):
    """The logbook with the parents: the school staff who see the pupil read it and write to the parents."""

    model = Leerling
    action = "view"
    form_class = LogboekForm
    template_name = "leerlingen/logboek.html"
    titel = _("Logbook with the parents")
    knop = _("Send message")
    succes_bericht = _("The message is in the logbook; the parents with access can read it.")

    def laad(self) -> None:
        super().laad()
        log_leerling_bekeken(gebruiker=self.request.user, leerling=self.object, request=self.request)

    def get_context_data(self, **kwargs):
        berichten = (
            Logboekbericht.objects.visible_to(self.request.user)
            .filter(leerling=self.object)
            .select_related("auteur")
            .order_by("-aangemaakt")[:100]
        )
        return super().get_context_data(leerling=self.object, berichten=berichten, **kwargs)

    def terug_url(self) -> str:
        return reverse("leerlingen:detail", args=[self.object.uuid])

    def uitvoeren(self, form):
        services.logboek_schrijven(door=self.request.user, leerling=self.object, **form.cleaned_data)
        return reverse("leerlingen:logboek", args=[self.object.uuid])
