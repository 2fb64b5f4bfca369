"""Lists: my school's TLVs, the TLC queue, the register with its exports, key figures, notifications."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from swv.access import heeft_rol
from swv.choices import Rol
from swv.generiek import HtmxDeelMixin, RolVereistMixin
from swv.protocol import log_export
from swv.taken import taak_starten
from tlv import selectors
from tlv.choices import TLVStatus
from tlv.forms import PeriodeForm, RegisterFilterForm, registerfilter_parameters
from tlv.grafieken import wachttijd_grafiek

#: The columns the register page shows (the row stays narrow: no free texts).
REGISTER_KOLOMMEN = (
    "uuid",
    "nummer",
    "status",
    "soort",
    "categorie",
    "afgegeven_op",
    "ingangsdatum",
    "einddatum",
    "plaatsingsdatum",
    "aanvragende_school__naam",
    "beoogde_school__naam",
)
SWV_REGISTER = (Rol.TLC_LID, Rol.DB, Rol.BELEIDSMEDEWERKER)
DUO_EXPORT = (Rol.DB, Rol.BELEIDSMEDEWERKER)
KENGETALLEN = (Rol.TLC_LID, Rol.AC_LID, Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.CONTROLLER, Rol.BESTUURDER)


def _querystring(request):
    qs = request.GET.copy()
    qs.pop("pagina", None)
    return qs


class TLVLijstView(RolVereistMixin, TemplateView):
    """The TLV requests of the user's school(s), for school staff (and anyone who sees TLVs)."""

    rollen = (Rol.IB_ER, Rol.DIRECTEUR, Rol.CONSULENT, Rol.TLC_LID, Rol.DB, Rol.BELEIDSMEDEWERKER)
    template_name = "tlv/lijst.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", "")
        pagina = Paginator(selectors.tlv_lijst(self.request.user, status=status), 25).get_page(
            self.request.GET.get("pagina")
        )
        ctx.update(
            pagina=pagina,
            status=status,
            statussen=TLVStatus.choices,
            querystring=_querystring(self.request),
            mag_starten=heeft_rol(self.request.user, Rol.IB_ER),
        )
        return ctx


class WerkvoorraadView(RolVereistMixin, TemplateView):
    """The TLC's queue: requests with their decision term (overdue ones marked) and open objections."""

    rollen = (Rol.TLC_LID, Rol.DB)
    template_name = "tlv/werkvoorraad.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **selectors.werkvoorraad(self.request.user)}


class RegisterView(RolVereistMixin, HtmxDeelMixin, TemplateView):
    htmx_template = "tlv/partials/_register_tabel.html"
    rollen = SWV_REGISTER
    template_name = "tlv/register.html"
    per_pagina = 50

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        form = RegisterFilterForm(self.request.GET or None)
        qs = selectors.register(self.request.user, form.filter() if form.is_bound else None).only(*REGISTER_KOLOMMEN)
        ctx.update(
            form=form,
            keuzelijsten=form.keuzelijsten(),
            datumvelden=form.datumvelden(),
            pagina=Paginator(qs, self.per_pagina).get_page(self.request.GET.get("pagina")),
            querystring=_querystring(self.request),
            mag_duo=heeft_rol(self.request.user, *DUO_EXPORT),
        )
        return ctx


class RegisterExportView(RolVereistMixin, View):
    """Start the Excel export of the (filtered) register as a background job."""

    rollen = SWV_REGISTER

    def post(self, request):
        form = RegisterFilterForm(request.POST)
        taak = taak_starten(
            soort="tlv_register_excel",
            omschrijving=_("TLV register (Excel)"),
            aangevraagd_door=request.user,
            parameters=registerfilter_parameters(form.filter()),
        )
        messages.info(request, _("The export has started; you can follow its progress below."))
        return redirect("taak_detail", uuid=taak.uuid)


class _Echo:
    def write(self, waarde):
        return waarde


class DuoExportView(RolVereistMixin, View):
    """The reconciliation file for DUO (CSV, ';'): every issued TLV with BSN or onderwijsnummer.

    The only place a BSN leaves the portal: DB and beleidsmedewerker only, and every download is
    logged with the number of rows."""

    rollen = DUO_EXPORT

    def get(self, request):
        rijen = list(selectors.duo_rijen(request.user))
        log_export(gebruiker=request.user, gebeurtenis="tlv_duo_export", aantal=len(rijen), request=request)
        schrijver = csv.writer(_Echo(), delimiter=";", lineterminator="\r\n")
        inhoud = (schrijver.writerow(r) for r in [selectors.DUO_KOLOMMEN, *rijen])
        response = StreamingHttpResponse(inhoud, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="tlv-duo-{timezone.localdate():%Y%m%d}.csv"'
        return response


class KengetallenView(RolVereistMixin, TemplateView):
    """Key figures for the TLC annual report and the pijplijn (aggregates only)."""

    rollen = KENGETALLEN
    template_name = "tlv/kengetallen.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        form = PeriodeForm(self.request.GET or None)
        begin, einde = form.periode()
        periode = selectors.Periode(begin=begin, einde=einde)
        pijplijn = selectors.tlv_pijplijn(self.request.user, periode)
        ctx.update(
            form=form,
            begin=begin,
            einde=einde,
            k=selectors.tlv_kengetallen(self.request.user, periode),
            pijplijn=pijplijn,
            grafiek=wachttijd_grafiek(pijplijn["per_school"]),
        )
        return ctx
