"""Starting a pupil's inzage export from the pupil page (a button; the job page shows progress)."""

from __future__ import annotations

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy

from leerlingen.inzage import mag_inzage_exporteren
from leerlingen.models import Leerling
from leerlingen.services.inzage import inzage_export_starten
from swv.generiek import ActieView


class InzageExportView(ActieView):
    """POST only: ib-er/directeur of the current school or DB; everyone else 404."""

    model = Leerling
    action = "view"
    alleen_post = True
    succes_bericht = gettext_lazy("The inzage export has started; you can follow its progress below.")

    def laad(self) -> None:
        super().laad()
        if not mag_inzage_exporteren(self.request.user, self.object):
            raise Http404

    def terug_url(self) -> str:
        return reverse("leerlingen:detail", args=[self.object.uuid])

    def uitvoeren(self, form) -> str:
        taak = inzage_export_starten(leerling=self.object, door=self.request.user)
        return reverse("taak_detail", args=[taak.uuid])
