"""Pupil list, search and detail: scoped by ``Leerling.objects.visible_to`` and access-logged."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.views.generic import DetailView, TemplateView

from leerlingen.inzage import mag_inzage_exporteren
from leerlingen.models import Leerling, OuderKoppeling
from leerlingen.overzicht import overzicht
from leerlingen.selectors import leerling as selectors
from swv.access import heeft_rol, school_ids
from swv.choices import LEERLINGDATA_ROLLEN, Rol
from swv.generiek import HtmxDeelMixin, RolVereistMixin, ScopedObjectMixin, ZoektermMixin
from swv.models import School
from swv.protocol import log_leerling_bekeken, log_leerlingen_gezocht


class LeerlingLijstView(RolVereistMixin, ZoektermMixin, HtmxDeelMixin, TemplateView):
    htmx_template = "leerlingen/partials/_lijst_tabel.html"
    rollen = LEERLINGDATA_ROLLEN
    template_name = "leerlingen/lijst.html"
    per_pagina = 50

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        zoek = self.zoekterm()  # POSTed, kept in the session: never in the URL (ZoektermMixin)
        groep = self.request.GET.get("groep", "").strip()
        mijn_scholen = School.objects.filter(
            pk__in=school_ids(user, [Rol.IB_ER, Rol.DIRECTEUR, Rol.LEERKRACHT, Rol.CONSULENT])
        ).order_by("naam")
        school_uuid = self.request.GET.get("school")
        school = mijn_scholen.filter(uuid=school_uuid).first() if school_uuid else None
        qs = selectors.leerlingen_lijst(user, zoek=zoek, school=school, groep=groep)
        pagina = Paginator(qs, self.per_pagina).get_page(self.request.GET.get("pagina"))
        if zoek:
            log_leerlingen_gezocht(gebruiker=user, aantal=len(pagina.object_list), request=self.request)
        querystring = self.request.GET.copy()
        querystring.pop("pagina", None)
        ctx.update(
            pagina=pagina, zoek=zoek, groep=groep, school=school, mijn_scholen=mijn_scholen, querystring=querystring
        )
        return ctx


class LeerlingDetailView(ScopedObjectMixin, DetailView):
    model = Leerling
    template_name = "leerlingen/detail.html"
    context_object_name = "leerling"

    def get_object(self, queryset=None):
        leerling = super().get_object(queryset)
        log_leerling_bekeken(gebruiker=self.request.user, leerling=leerling, request=self.request)
        return leerling

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["inschrijvingen"] = self.object.inschrijvingen.select_related("school").order_by("-begindatum")
        ctx["huidige_inschrijving"] = selectors.huidige_inschrijving(self.object)
        ctx["mag_inzage_exporteren"] = mag_inzage_exporteren(self.request.user, self.object)
        ctx["mag_privacyverzoek"] = heeft_rol(self.request.user, Rol.DB)
        # The parents' portal (issue 14): who has access, and may this user invite or end access.
        ctx["ouderkoppelingen"] = (
            OuderKoppeling.objects.visible_to(self.request.user)
            .filter(leerling=self.object)
            .select_related("ouder")
            .order_by("einde", "begin")
        )
        ctx["mag_ouders_koppelen"] = (
            Leerling.objects.visible_to(self.request.user, "ouders").filter(pk=self.object.pk).exists()
        )
        # Every arrangement request and TLV of the pupil that the user may see, linked.
        ctx["aanvragen_en_tlvs"] = overzicht(self.object, self.request.user, sleutels=("arrangementen", "tlv"))
        return ctx


class LeerlingOverzichtView(LeerlingDetailView):
    """One case overview per pupil: every registered part (``leerlingen.overzicht``) with status
    and next deadline; access-logged like the pupil page, 404 outside the scope."""

    template_name = "leerlingen/overzicht.html"

    def get_context_data(self, **kwargs):
        ctx = super(DetailView, self).get_context_data(**kwargs)
        onderdelen = overzicht(self.object, self.request.user)
        termijnen = [o.volgende_termijn for o in onderdelen if o.volgende_termijn]
        ctx.update(onderdelen=onderdelen, volgende_termijn=min(termijnen) if termijnen else None)
        return ctx
