"""The quality app's default on the one action view (``swv.generiek.ActieView``): the cancel link
(``annuleren_url``, set by ``laad``). Its pages use the one form template, ``swv/formulier.html``."""

from __future__ import annotations

from swv.generiek import ActieView


class ServiceFormView(ActieView):
    """A form page; ``uitvoeren`` returns the URL to go to."""

    annuleren_url: str | None = None

    def terug_url(self) -> str:
        return self.annuleren_url or ""
