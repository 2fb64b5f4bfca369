"""The allocation per board and school (finance roles: all boards; a bestuurder: the own board)."""

from __future__ import annotations

import io

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from financien.querysets import mag_lezen
from financien.selectors.overzicht import standaardjaar
from financien.selectors.toewijzing import mag_toewijzing_zien, toewijzing_voor
from financien.views import _Toegang


class ToewijzingMixin(_Toegang):
    def heeft_toegang(self, user) -> bool:
        return mag_toewijzing_zien(user)


class ToewijzingStartView(ToewijzingMixin, View):
    def get(self, request):
        return redirect("financien:toewijzing_jaar", jaar=standaardjaar(request.user) if request.user.is_authenticated else timezone.localdate().year)


class ToewijzingView(ToewijzingMixin, TemplateView):
    template_name = "financien/toewijzing.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        jaar = self.kwargs["jaar"]
        ctx.update(jaar=jaar, toewijzing=toewijzing_voor(self.request.user, jaar=jaar), toont_subnav=mag_lezen(self.request.user))
        return ctx


class ToewijzingExcelView(ToewijzingMixin, View):
    """One board's allocation as an Excel workbook (schools, counts, amounts and the rule used)."""

    def get(self, request, jaar, nummer):
        toewijzing = toewijzing_voor(request.user, jaar=jaar, bestuur_nummer=nummer)
        if toewijzing is None or not toewijzing.besturen:
            raise Http404
        inhoud = toewijzing_excel(toewijzing)
        response = HttpResponse(inhoud, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response["Content-Disposition"] = f'attachment; filename="toewijzing-{jaar}-{nummer}.xlsx"'
        return response


def toewijzing_excel(toewijzing) -> bytes:
    """Build the workbook: one sheet with a row per school and a sheet explaining the amounts."""
    import pandas as pd

    p = toewijzing.parameters
    bestuur = toewijzing.besturen[0]
    rijen = [
        {
            _("Location code"): s.school.vestigingscode, _("School"): s.school.naam, _("Type"): s.school.soort,
            _("Pupils at the count date"): "<5" if s.gemaskeerd else s.aantal,
            _("Base amount"): float(s.basis), _("Amount for pupils"): float(s.per_leerling),
            _("Arrangement budget"): float(s.arrangementen), _("Total"): float(s.totaal),
        }
        for s in bestuur.scholen
    ]
    uitleg = [
        (_("School board"), f"{bestuur.bestuur.naam} ({bestuur.bestuur.nummer})"),
        (_("Year"), p.jaar),
        (_("Parameter version"), p.versie),
        (_("Count date used"), toewijzing.gebruikte_teldatum.isoformat() if toewijzing.gebruikte_teldatum else "-"),
        (_("Base amount per school"), float(p.basisbedrag_per_school)),
        (_("Amount per pupil"), float(p.bedrag_per_leerling)),
        (_("Rule"), _("Per school: base amount + pupils at the count date x amount per pupil + the school's own arrangement budget.")),
        (_("Total of the board"), float(bestuur.totaal)),
    ]
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        pd.DataFrame(rijen).to_excel(writer, sheet_name=_("Allocation")[:31], index=False)
        pd.DataFrame(uitleg, columns=[_("Item"), _("Value")]).to_excel(writer, sheet_name=_("Explanation")[:31], index=False)
    return buffer.getvalue()
