"""Job kinds of the TLV app: the Awb decision letter, the letter on an objection, the register in Excel.

The letters are PDFs rendered on the worker (``swv.pdf.render_to_pdf``); their jobs are reached only
through the TLV's scoped download view (``tlv.views``), never through the generic job download.
"""

from __future__ import annotations

import io
from datetime import date

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from swv.models import Samenwerkingsverband, Taak
from swv.opmaak import bladnaam
from swv.pdf import render_to_pdf
from swv.protocol import log_export
from swv.taken import TaakFout, Voortgang, taaksoort
from swv.waarden import vereist
from tlv import conf, termijnen
from tlv.models import TLV, Bezwaar


def _swv(tlv: TLV) -> Samenwerkingsverband:
    return tlv.aanvragende_school.swv


def _brief_context(tlv: TLV) -> dict:
    return {
        "tlv": tlv,
        "leerling": tlv.leerling,
        "swv": _swv(tlv),
        "postadres": conf.swv_postadres().splitlines(),
        "commissie": conf.bezwaarcommissie(),
        "bezwaartermijn_weken": conf.bezwaartermijn_weken(),
        "bezwaartermijn_einde": termijnen.bezwaartermijn_einde(vereist(tlv.bekendgemaakt_op, "bekendgemaakt_op")),
        "kenmerk": tlv.nummer or str(tlv.uuid)[:8].upper(),
    }


def _tlv(uuid: str) -> TLV:
    tlv = (
        TLV.objects.select_related("leerling", "aanvragende_school__swv", "beoogde_school", "besluit_door", "vorige")
        .filter(uuid=uuid)
        .first()
    )
    if tlv is None or tlv.besluit_datum is None:
        raise TaakFout(_("There is no decision on this TLV request."))
    return tlv


def _tlv_van_taak(taak: Taak):
    tlv = TLV.objects.select_related("leerling").filter(uuid=taak.parameters.get("tlv", "")).first()
    return (tlv, tlv.leerling) if tlv else None


def _bezwaar_van_taak(taak: Taak):
    bezwaar = Bezwaar.objects.select_related("tlv__leerling").filter(uuid=taak.parameters.get("bezwaar", "")).first()
    return (bezwaar, bezwaar.tlv.leerling) if bezwaar else None


# The letters name the pupil: served only within the TLV's current scope, logged (swv.taken).
def _terug_naar_tlv(taak: Taak) -> tuple[str, str] | None:
    uuid = taak.parameters.get("tlv")
    return (reverse("tlv:detail", args=[uuid]), _("Back to the TLV")) if uuid else None


@taaksoort("tlv_besluitbrief", onderwerp=_tlv_van_taak, terug=_terug_naar_tlv)
def besluitbrief(taak: Taak, voortgang: Voortgang) -> tuple[str, bytes]:
    """The decision letter: the decision, its grounds and how to lodge an objection (term, address)."""
    tlv = _tlv(taak.parameters.get("tlv", ""))
    voortgang(30, _("Drawing up the letter"))
    context = _brief_context(tlv)
    with translation.override(settings.LANGUAGE_CODE):
        pdf = render_to_pdf("pdf/tlv_besluit.html", context)
    return f"tlv-besluit-{context['kenmerk']}.pdf", pdf


@taaksoort("tlv_beslissing_op_bezwaar", onderwerp=_bezwaar_van_taak)
def beslissing_op_bezwaar(taak: Taak, voortgang: Voortgang) -> tuple[str, bytes]:
    """The letter with the decision on an objection and how to lodge beroep at the court."""
    bezwaar = Bezwaar.objects.select_related("beslist_door").filter(uuid=taak.parameters.get("bezwaar", "")).first()
    if bezwaar is None or not bezwaar.beslissing:
        raise TaakFout(_("There is no decision on this objection."))
    tlv = _tlv(str(bezwaar.tlv.uuid))
    voortgang(30, _("Drawing up the letter"))
    context = {
        **_brief_context(tlv),
        "bezwaar": bezwaar,
        "rechtbank": conf.rechtbank(),
        "beroepstermijn_weken": conf.beroepstermijn_weken(),
        "beroepstermijn_einde": termijnen.beroepstermijn_einde(vereist(bezwaar.beslist_op, "beslist_op")),
    }
    with translation.override(settings.LANGUAGE_CODE):
        pdf = render_to_pdf("pdf/tlv_beslissing_op_bezwaar.html", context)
    return f"tlv-beslissing-op-bezwaar-{context['kenmerk']}.pdf", pdf


def _datum(d: date | None) -> str:
    return d.isoformat() if d else ""


@taaksoort("tlv_register_excel")
def register_excel(taak: Taak, voortgang: Voortgang) -> tuple[str, bytes]:
    """The TLV register as Excel, with the requester's filters and scope; no names and no BSN."""
    import pandas as pd

    from tlv.forms import registerfilter_uit_parameters
    from tlv.selectors import register

    gebruiker = taak.aangevraagd_door
    if gebruiker is None:
        raise TaakFout(_("This export has no requester."))
    voortgang(10, _("Collecting TLVs"))
    qs = register(gebruiker, registerfilter_uit_parameters(taak.parameters)).select_related(
        "aanvragende_school__bestuur", "beoogde_school"
    )
    rijen = []
    with translation.override(settings.LANGUAGE_CODE):
        for t in qs.iterator(chunk_size=2000):
            rijen.append(
                {
                    _("TLV number"): t.nummer or "",
                    _("Status"): t.get_status_display(),
                    _("Type"): t.soort,
                    _("Category"): t.get_categorie_display() if t.categorie else "",
                    _("Route"): t.get_route_display(),
                    _("Requesting school"): t.aanvragende_school.naam,
                    _("School board"): t.aanvragende_school.bestuur.naam,
                    _("Special school"): t.beoogde_school.naam if t.beoogde_school else "",
                    _("Submitted on"): _datum(t.eerst_ingediend_op),
                    _("Decided on"): _datum(t.besluit_datum),
                    _("Start date"): _datum(t.ingangsdatum),
                    _("End date"): _datum(t.einddatum),
                    _("Placement date"): _datum(t.plaatsingsdatum),
                    _("Waiting time (days)"): t.wachttijd_dagen,
                    _("Ended on"): _datum(t.beeindigd_op),
                    _("Reason for ending"): t.get_beeindigingsreden_display() if t.beeindigingsreden else "",
                }
            )
        voortgang(70, _("Building the workbook"))
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            pd.DataFrame(rijen, columns=list(rijen[0]) if rijen else None).to_excel(
                writer, sheet_name=bladnaam(_("TLV register")), index=False
            )
    log_export(gebruiker=gebruiker, gebeurtenis="tlv_register_excel", aantal=len(rijen))
    return f"tlv-register-{timezone.localdate():%Y%m%d}.xlsx", buffer.getvalue()
