"""Report jobs of the arrangements app: the decision letter (PDF) and the AC annual report data (Excel)."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from arrangementen import conf
from arrangementen.models import Besluit
from swv.models import Taak
from swv.pdf import render_to_pdf
from swv.taken import TaakFout, Voortgang, taaksoort


def _besluit_van_taak(taak: Taak):
    besluit = Besluit.objects.select_related("aanvraag__leerling").filter(pk=taak.parameters.get("besluit_id")).first()
    return (besluit, besluit.aanvraag.leerling) if besluit else None


@taaksoort("arrangement_besluitbrief", onderwerp=_besluit_van_taak)
def besluitbrief(taak: Taak, voortgang: Voortgang) -> tuple[str, None]:
    """The decision letter for school and parents, stored once: with the decision (private storage),
    not a second time on the job; the request's page serves it (scoped, logged).

    Idempotent: when the decision already has its letter, nothing is made again.
    """
    besluit = (
        Besluit.objects.select_related(
            "aanvraag__leerling",
            "aanvraag__school",
            "aanvraag__arrangementtype",
            "genomen_door",
            "aanvraag__school__swv",
        )
        .filter(pk=taak.parameters.get("besluit_id"))
        .first()
    )
    if besluit is None:
        raise TaakFout(_("The decision no longer exists."))
    naam = f"besluit-{besluit.aanvraag.nummer}.pdf"
    if besluit.brief:
        return naam, None
    voortgang(20, _("Writing the letter"))
    aanvraag = besluit.aanvraag
    context = {
        "besluit": besluit,
        "aanvraag": aanvraag,
        "leerling": aanvraag.leerling,
        "swv": aanvraag.school.swv,
        "bezwaar_mogelijk": conf.bezwaar_mogelijk(),
        "bezwaartermijn_weken": conf.bezwaartermijn_weken(),
        "vandaag": timezone.localdate(),
    }
    pdf = render_to_pdf("pdf/arrangement_besluit.html", context)
    voortgang(80, _("Storing the letter with the request"))
    with transaction.atomic():
        besluit = Besluit.objects.select_for_update().get(pk=besluit.pk)
        if not besluit.brief:
            besluit.brief.save(naam, ContentFile(pdf), save=False)
            besluit.save(update_fields=["brief"])
    return naam, None


@taaksoort("arrangementen_jaarverslag_excel")
def jaarverslag_excel(taak: Taak, voortgang: Voortgang) -> tuple[str, bytes]:
    """The AC annual report data of one school year as an Excel workbook (one sheet per table).

    Scoped by the requesting user's roles; aggregates only (no pupil-level rows).
    """
    from arrangementen.selectors import jaarverslag
    from swv.opmaak import werkmap

    user = taak.aangevraagd_door
    jaar = int(taak.parameters.get("jaar", 0))
    if user is None or not jaarverslag.mag_jaarverslag_zien(user):
        raise TaakFout(_("You may not export the annual report data."))
    voortgang(10, _("Counting requests and decisions"))
    aantallen = jaarverslag.jaarverslag_aantallen(user, jaar=jaar)
    voortgang(40, _("Counting evaluations"))
    evaluaties = jaarverslag.jaarverslag_evaluaties(user, jaar=jaar)
    voortgang(60, _("Adding up the money"))
    geld = jaarverslag.jaarverslag_geld(user, jaar=jaar)
    voortgang(80, _("Building the workbook"))
    # The portal's one workbook writer: counts stay numbers, money stays Decimal in the euro format.
    inhoud = werkmap(
        [
            (naam, tabel.kolommen, tabel.rijen, {})
            for naam, tabel in (
                (_("Per type"), aantallen["per_type"]),
                (_("Per school"), aantallen["per_school"]),
                (_("Per outcome"), aantallen["per_uitkomst"]),
                (_("Evaluations"), evaluaties["tabel"]),
                (_("Money"), geld["per_type"]),
            )
        ]
    )
    return f"ac-jaarverslag-{jaar}-{jaar + 1}.xlsx", inhoud
