"""OSO intake pages: the ib-er uploads a dossier, checks the preview, confirms (``leerlingen.oso.service``)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from leerlingen.forms.dossier import OsoUploadForm
from leerlingen.models import OsoOntvangst
from leerlingen.models.oso import OsoStatus
from leerlingen.oso.lezen import CATEGORIEEN
from leerlingen.oso.service import oso_annuleren, oso_bevestigen, oso_ontvangen
from swv.access import scholen, school_ids
from swv.choices import Rol
from swv.generiek import ActieView, ScopedDetailView
from swv.protocol import log_leerling_bekeken


class OsoNieuwView(ActieView):
    rollen = (Rol.IB_ER,)
    form_class = OsoUploadForm
    template_name = "leerlingen/oso_nieuw.html"
    fout_veld = "bestand"
    titel = _("Receive an OSO dossier")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "scholen": scholen(self.request.user, [Rol.IB_ER]).order_by("naam")}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["recent"] = OsoOntvangst.objects.visible_to(self.request.user, "change").select_related("school")[:10]
        return ctx

    def uitvoeren(self, form):
        school = form.cleaned_data["school"]
        ontvangst = oso_ontvangen(door=self.request.user, bestand=form.cleaned_data["bestand"], school=school)
        return reverse("leerlingen:oso_detail", args=[ontvangst.uuid])


class OsoDetailView(ScopedDetailView):
    """The preview (``ontvangen``) or the result (``bevestigd``); its buttons POST to ``OsoActieView``."""

    model = OsoOntvangst
    relaties = ("school", "van_school", "leerling")
    template_name = "leerlingen/oso_detail.html"
    context_object_name = "o"

    def get(self, request, *args, **kwargs):
        antwoord = super().get(request, *args, **kwargs)
        if self.object.leerling is not None:
            log_leerling_bekeken(gebruiker=request.user, leerling=self.object.leerling, request=request)
        return antwoord

    def post(self, request, *args, **kwargs):
        # The page's buttons post to the page itself; the action is the one action view.
        return OsoActieView.as_view()(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ontvangst, g = self.object, self.object.gegevens
        bevestigd = ontvangst.status == OsoStatus.BEVESTIGD
        ctx.update(
            g=g,
            Status=OsoStatus,
            mag_bevestigen=ontvangst.school_id in school_ids(self.request.user, [Rol.IB_ER]),
            geweigerd=[CATEGORIEEN[c][0] for c in g.get("geweigerd", []) if c in CATEGORIEEN],
            genegeerd=[CATEGORIEEN[c][0] for c in g.get("genegeerd", []) if c in CATEGORIEEN],
            verzorgers=ontvangst.verzorgers.all() if bevestigd else None,
            documenten=ontvangst.documenten.all() if bevestigd else None,
        )
        return ctx


class OsoActieView(ActieView):
    """Confirm (``bevestigen``) or discard (``annuleren``) a preview: the ib-er of the receiving
    school (``visible_to(user, "change")``, 404 for everyone else); a refusal returns to the preview."""

    model = OsoOntvangst
    relaties = ("school", "van_school")
    alleen_post = True

    def terug_url(self) -> str:
        return reverse("leerlingen:oso_detail", args=[self.object.uuid])

    def uitvoeren(self, form):
        if "annuleren" in self.request.POST:
            oso_annuleren(door=self.request.user, ontvangst=self.object)
            self.succes_bericht = _("The OSO dossier has been discarded; nothing was imported.")
            return reverse("leerlingen:oso_nieuw")
        oso_bevestigen(door=self.request.user, ontvangst=self.object, request=self.request)
        self.succes_bericht = _("The OSO dossier has been imported.")
        return None
