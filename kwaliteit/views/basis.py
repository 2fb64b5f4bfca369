"""The quality app's defaults on the one action view (``swv.generiek.ActieView``): its form
template and the cancel link (``annuleren_url``, set by ``laad``)."""

from __future__ import annotations

from swv.generiek import ActieView


class ServiceFormView(ActieView):
    """A form page (``kwaliteit/formulier.html``); ``uitvoeren`` returns the URL to go to."""

    template_name = "kwaliteit/formulier.html"
    annuleren_url: str | None = None

    def terug_url(self) -> str:
        return self.annuleren_url or ""
