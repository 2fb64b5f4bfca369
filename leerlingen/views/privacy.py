"""The register of privacy requests (DB, the privacy officer's role): list with deadlines, detail,
the register form (from the pupil page) and one action view per transition. Everyone else: 404."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from leerlingen.forms.privacy import AfhandelenForm, LangerBewarenForm, PrivacyverzoekForm, VerlengenForm
from leerlingen.models import Bewaartermijnrapport, Leerling, Privacyverzoek
from leerlingen.services import privacy as services
from swv.choices import Rol
from swv.generiek import ActieView, ScopedDetailView, ScopedListView
from swv.protocol import log_leerling_bekeken


class PrivacyverzoekLijstView(ScopedListView):
    """Open requests first, by the date the answer is due; answered ones after them. No names."""

    model = Privacyverzoek
    rollen = (Rol.DB,)
    template_name = "leerlingen/privacy/lijst.html"
    context_object_name = "verzoeken"
    paginate_by = 50
    page_kwarg = "pagina"

    def get_queryset(self):
        from django.db.models import Case, Value, When
        from django.db.models.functions import Coalesce

        return (
            super()
            .get_queryset()
            .annotate(
                afgehandeld=Case(When(status=Privacyverzoek.Status.AFGEHANDELD, then=Value(1)), default=Value(0)),
                uiterste=Coalesce("verlengd_tot", "termijn"),
            )
            .order_by("afgehandeld", "uiterste", "pk")
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["vandaag"] = timezone.localdate()
        return ctx


class PrivacyverzoekDetailView(ScopedDetailView):
    model = Privacyverzoek
    rollen = (Rol.DB,)
    template_name = "leerlingen/privacy/detail.html"
    context_object_name = "verzoek"
    relaties = ("leerling", "export", "geregistreerd_door")

    def get_object(self, queryset=None):
        verzoek = super().get_object(queryset)
        if verzoek.leerling is not None:
            log_leerling_bekeken(gebruiker=self.request.user, leerling=verzoek.leerling, request=self.request)
        return verzoek

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["overgangen"] = self.object.statusovergangen.select_related("door")
        return ctx


class PrivacyverzoekRegistrerenView(ActieView):
    """The register form, opened from the pupil page (the DB sees every pupil)."""

    model = Leerling
    action = "view"
    rollen = (Rol.DB,)
    form_class = PrivacyverzoekForm
    titel = _("Register a privacy request")
    uitleg = _("The answer is due one month after receipt; it can be extended once by two months.")
    knop = _("Register")
    succes_bericht = _("The request has been registered.")

    def get_initial(self):
        return {"ingediend_op": timezone.localdate()}

    def terug_url(self) -> str:
        return reverse("leerlingen:detail", args=[self.object.uuid])

    def uitvoeren(self, form) -> str:
        verzoek = services.privacyverzoek_registreren(leerling=self.object, door=self.request.user, **form.cleaned_data)
        return verzoek.get_absolute_url()


class _VerzoekActie(ActieView):
    """One transition of a request: calls ``dienst(verzoek=, door=, **the form's data)``."""

    model = Privacyverzoek
    action = "view"  # the register is the DB's only (``rollen``); visible_to is the whole rule
    rollen = (Rol.DB,)
    context_object_name = "verzoek"
    dienst: Callable[..., Any]

    def uitvoeren(self, form) -> Any:  # None: back to the request's page
        self.dienst(verzoek=self.object, door=self.request.user, **form.cleaned_data)


class InBehandelingView(_VerzoekActie):
    alleen_post = True
    succes_bericht = _("The request is in progress.")
    dienst = staticmethod(services.privacyverzoek_in_behandeling_nemen)


class VerlengenView(_VerzoekActie):
    form_class = VerlengenForm
    titel = _("Extend the deadline by two months")
    knop = _("Extend")
    succes_bericht = _("The deadline has been extended.")
    dienst = staticmethod(services.privacyverzoek_verlengen)


class AfhandelenView(_VerzoekActie):
    form_class = AfhandelenForm
    titel = _("Record the answer")
    knop = _("Record the answer")
    succes_bericht = _("The answer has been recorded.")
    dienst = staticmethod(services.privacyverzoek_afhandelen)


class ExportMakenView(_VerzoekActie):
    alleen_post = True
    succes_bericht = _("The inzage export has started; you can follow its progress below.")

    def laad(self) -> None:
        super().laad()
        if self.object.soort != Privacyverzoek.Soort.INZAGE:
            raise Http404

    def uitvoeren(self, form) -> str:
        taak = services.privacyverzoek_export_maken(verzoek=self.object, door=self.request.user)
        return reverse("taak_detail", args=[taak.uuid])


class BewaartermijnRapportenView(ScopedListView):
    """What the retention job did, run by run (counts only, no names)."""

    model = Bewaartermijnrapport
    rollen = (Rol.DB,)
    template_name = "leerlingen/privacy/bewaartermijn.html"
    context_object_name = "rapporten"
    paginate_by = 50
    page_kwarg = "pagina"


class LangerBewarenView(ActieView):
    """The DB keeps a pupil's data beyond the retention term, for a named legal reason."""

    model = Leerling
    action = "view"
    rollen = (Rol.DB,)
    form_class = LangerBewarenForm
    titel = _("Keep the data longer")
    uitleg = _("The retention job leaves this pupil's data alone until the date you set.")
    succes_bericht = _("The retention term has been extended.")

    def get_initial(self):
        return {"tot": self.object.bewaren_tot, "reden": self.object.bewaarreden}

    def terug_url(self) -> str:
        return reverse("leerlingen:detail", args=[self.object.uuid])

    def uitvoeren(self, form):
        from leerlingen.services.bewaartermijn import bewaartermijn_verlengen

        bewaartermijn_verlengen(leerling=self.object, door=self.request.user, **form.cleaned_data)
