"""The case views' defaults on the one action view (``swv.generiek.ActieView``): the form
template of the pupil pages, and the POST-only buttons (confirm, adopt, mark done)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from swv.generiek import ActieView


class ActieFormView(ActieView):
    """A form on one scoped object of a pupil's case (``model``/``action``), on the case form page."""

    template_name = "leerlingen/formulier.html"


class PostActieView(ActieView):
    """A POST-only button on a scoped object: service, message, redirect."""

    alleen_post = True


class ServiceFormView(ActieView):
    """A form of the thuiszitters, zorgplicht and risk-list pages; without ``model`` there is no
    object (a create page) and the cancel link goes to the URL named ``terug``."""

    template_name = "leerlingen/thuiszitters/formulier.html"
    terug = "home"

    def terug_url(self) -> str:
        if hasattr(self.object, "get_absolute_url"):
            return self.object.get_absolute_url()
        return reverse(self.terug)

    def succes_url(self, resultaat: Any) -> str:
        if hasattr(resultaat, "get_absolute_url"):
            return resultaat.get_absolute_url()
        return super().succes_url(resultaat)
