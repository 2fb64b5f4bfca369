"""The arrangements app's defaults on the one set of view bases (``swv.generiek``): the request
looked up scoped for the action (404 otherwise), the form template and the way back."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from arrangementen.models import Aanvraag
from swv.access import zichtbaar_of_404
from swv.generiek import ActieView

AANVRAAG_RELATIES = ("leerling", "school", "arrangementtype", "aangemaakt_door")


def aanvraag_of_404(user, uuid, action: str = "view") -> Aanvraag:
    return zichtbaar_of_404(Aanvraag.objects.visible_to(user, action).select_related(*AANVRAAG_RELATIES), uuid=uuid)


class AanvraagActieView(ActieView):
    """A form on one request (``self.aanvraag``); back to the request's page."""

    model = Aanvraag
    relaties = AANVRAAG_RELATIES
    template_name = "arrangementen/formulier.html"
    context_object_name = "aanvraag"

    def laad(self) -> None:
        super().laad()
        self.aanvraag = self.object

    def terug_url(self) -> str:
        return reverse("arrangementen:detail", args=[self.aanvraag.uuid])


class AanvraagKnopView(AanvraagActieView):
    """A one-click transition (POST only): ``service(aanvraag=..., door=...)``."""

    alleen_post = True
    service: Any = None

    def uitvoeren(self, form: Any) -> Any:
        self.service(aanvraag=self.aanvraag, door=self.request.user)
