"""Report jobs of the pupils app (``@taaksoort``): the thuiszitters export and the risicolijst of a
round as Excel and PDF. Each job re-applies the requester's scope on the worker."""

from __future__ import annotations

import io
from datetime import date

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from swv.models import Taak
from swv.opmaak import bladnaam
from swv.taken import TaakFout, Voortgang, taaksoort


def _excel(bladen: list[tuple[str, list[dict]]]) -> bytes:
    import pandas as pd

    buffer = io.BytesIO()
    namen: set[str] = set()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for naam, rijen in bladen:
            pd.DataFrame(rijen).to_excel(writer, sheet_name=bladnaam(naam, namen), index=False)
    return buffer.getvalue()


def _aanvrager(taak: Taak):
    if taak.aangevraagd_door is None or not taak.aangevraagd_door.is_active:
        raise TaakFout(_("The requester of this export no longer has access."))
    return taak.aangevraagd_door


def _casussen_nog_zichtbaar(user, taak: Taak) -> bool:
    """The list's names are served only while the user still works with cases (today's roles)."""
    from leerlingen.querysets_thuiszitters import SCHOOL_STAF, SWV_STAF
    from swv.access import heeft_rol

    return heeft_rol(user, *SCHOOL_STAF, *SWV_STAF)


def _ronde_nog_zichtbaar(user, taak: Taak) -> bool:
    from leerlingen.models import Risicolijstronde

    return Risicolijstronde.objects.visible_to(user).filter(uuid=taak.parameters.get("ronde")).exists()


@taaksoort("thuiszitters_excel", nog_toegang=_casussen_nog_zichtbaar)
def thuiszitters_excel(taak: Taak, voortgang: Voortgang) -> tuple[str, bytes]:
    """Cases active on the chosen date, exactly as the list shows them (the one selector)."""
    from leerlingen.selectors.thuiszitters import FILTERS, thuiszitters_lijst

    user = _aanvrager(taak)
    datum = date.fromisoformat(taak.parameters["datum"])
    filters = {k: v for k, v in taak.parameters.items() if k in FILTERS}
    voortgang(10, _("Collecting the cases"))
    with translation.override("nl"):
        rijen = [
            {
                _("Surname"): c.leerling.achternaam,
                _("First name"): c.leerling.voornaam,
                _("Date of birth"): c.leerling.geboortedatum,
                _("School"): c.school.naam if c.school else "",
                _("Municipality"): c.gemeente.naam,
                _("Kind"): c.get_soort_display(),
                _("Reason"): c.get_reden_display(),
                _("Since"): c.sinds,
                _("Duration (weeks)"): (datum - c.sinds).days // 7,
                _("Beyond the 3-month term"): _("yes") if c.signaal_termijn else _("no"),
                _("OPP"): _("yes") if c.heeft_opp else _("no"),
                _("Education (hours/week)"): float(c.onderwijs_uren),
                _("Step on the de-escalation ladder"): str(c.huidige_stap),
                _("Next action"): c.volgende_actie,
                _("Date of next action"): c.volgende_actie_datum,
            }
            for c in thuiszitters_lijst(user, datum=datum, status="actief", **filters).iterator(chunk_size=500)
        ]
    voortgang(70, _("Building the workbook"))
    inhoud = _excel([(_("Thuiszitters"), rijen)])
    voortgang(95, _("Saving"))
    return f"thuiszitters-{datum:%Y%m%d}.xlsx", inhoud


def _ronde_en_regels(taak: Taak):
    from leerlingen.models import Risicolijstronde
    from leerlingen.selectors.risicolijst import ronde_regels

    user = _aanvrager(taak)
    ronde = Risicolijstronde.objects.visible_to(user).filter(uuid=taak.parameters.get("ronde")).first()
    if ronde is None:
        raise TaakFout(_("This round does not exist or is no longer visible to you."))
    return ronde, list(ronde_regels(user, ronde))


@taaksoort("risicolijst_excel", nog_toegang=_ronde_nog_zichtbaar)
def risicolijst_excel(taak: Taak, voortgang: Voortgang) -> tuple[str, bytes]:
    voortgang(10, _("Collecting the round"))
    ronde, regels = _ronde_en_regels(taak)
    with translation.override("nl"):

        def rij(r):
            return {
                _("School"): r.school_naam,
                _("Surname"): r.leerling.achternaam,
                _("First name"): r.leerling.voornaam,
                _("Date of birth"): r.leerling.geboortedatum,
                _("On the list since"): r.sinds,
                _("Reason"): r.reden,
                _("Agreed action"): r.afgesproken_actie,
                _("Thuiszitter case"): _("yes") if r.thuiszitter else _("no"),
                _("Compared with the previous round"): r.get_vergelijking_display(),
            }

        op_lijst = [rij(r) for r in regels if r.vergelijking != "af"]
        af = [rij(r) for r in regels if r.vergelijking == "af"]
    voortgang(60, _("Building the workbook"))
    inhoud = _excel([(_("Risk list"), op_lijst), (_("Off the list"), af)])
    voortgang(95, _("Saving"))
    return f"risicolijst-{ronde.jaar}-{ronde.maand:02d}.xlsx", inhoud


@taaksoort("risicolijst_pdf", nog_toegang=_ronde_nog_zichtbaar)
def risicolijst_pdf(taak: Taak, voortgang: Voortgang) -> tuple[str, bytes]:
    from swv.pdf import render_to_pdf

    voortgang(10, _("Collecting the round"))
    ronde, regels = _ronde_en_regels(taak)
    voortgang(40, _("Designing the PDF"))
    with translation.override("nl"):
        inhoud = render_to_pdf(
            "pdf/risicolijst.html",
            {
                "ronde": ronde,
                "maand": date_format(date(ronde.jaar, ronde.maand, 1), "F Y"),
                "op_lijst": [r for r in regels if r.vergelijking != "af"],
                "af": [r for r in regels if r.vergelijking == "af"],
                "gemaakt": timezone.localtime(),
            },
        )
    voortgang(95, _("Saving"))
    return f"risicolijst-{ronde.jaar}-{ronde.maand:02d}.pdf", inhoud


# --- issue 13: the inzage export (AVG art. 15) -------------------------------------------------------


def _inzage_leerling(taak: Taak):
    from leerlingen.models import Leerling

    return Leerling.objects.filter(uuid=taak.parameters.get("leerling")).first()


def _inzage_nog_toegang(user, taak: Taak) -> bool:
    """Serve the export only to someone who may export the pupil *now* (the download is logged
    against the pupil by ``swv.taken``)."""
    from leerlingen.inzage import mag_inzage_exporteren

    leerling = _inzage_leerling(taak)
    return leerling is not None and mag_inzage_exporteren(user, leerling)


def _inzage_privacyfunctionaris(user) -> bool:
    from swv.access import heeft_rol
    from swv.choices import Rol

    return heeft_rol(user, Rol.DB)


@taaksoort(
    "leerlingen.inzage",
    mag_inzien=_inzage_privacyfunctionaris,
    nog_toegang=_inzage_nog_toegang,
    leerling_van=_inzage_leerling,
)
def inzage_export(taak: Taak, voortgang: Voortgang) -> tuple[str, bytes]:
    """One pupil's complete data from every app (``leerlingen.inzage``): a ZIP with a readable PDF
    overview (``overzicht.pdf``), the same data as JSON (``gegevens.json``) and the files
    (``bestanden/``). The file name carries the pupil's UUID only, never a name."""
    import json
    import zipfile

    from leerlingen.inzage import InzageOnderdeel, als_tekst, inzagebronnen, mag_inzage_exporteren
    from swv.pdf import render_to_pdf

    leerling = _inzage_leerling(taak)
    aanvrager = taak.aangevraagd_door
    if leerling is None or aanvrager is None or not mag_inzage_exporteren(aanvrager, leerling):
        raise TaakFout(_("This pupil does not exist or you may no longer export their data."))
    gemaakt = timezone.localtime()
    onderdelen: list[InzageOnderdeel] = []
    bronnen = inzagebronnen()
    with translation.override("nl"):
        for i, bron in enumerate(bronnen, start=1):
            onderdelen.extend(bron(leerling))
            voortgang(
                int(70 * i / len(bronnen)), _("Collecting the data (%(i)s of %(n)s)") % {"i": i, "n": len(bronnen)}
            )
        gegevens = {
            "leerling": str(leerling.uuid),
            "gemaakt_op": gemaakt.isoformat(),
            "onderdelen": [
                {
                    "sleutel": o.sleutel,
                    "titel": o.titel,
                    "records": [{"titel": r.titel, "velden": r.velden} for r in o.records],
                    "bestanden": [naam for _bestand, naam in o.bestanden],
                }
                for o in onderdelen
            ],
        }
        voortgang(75, _("Making the overview (PDF)"))
        leesbaar = [
            {
                "titel": o.titel,
                "records": [
                    {"titel": r.titel, "velden": [(k, als_tekst(v)) for k, v in r.velden.items()]} for r in o.records
                ],
                "bestanden": [naam for _bestand, naam in o.bestanden],
            }
            for o in onderdelen
        ]
        pdf = render_to_pdf(
            "pdf/leerling_inzage.html", {"leerling": leerling, "onderdelen": leesbaar, "gemaakt": gemaakt}
        )
    voortgang(90, _("Building the ZIP file"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zip:
        zip.writestr("overzicht.pdf", pdf)
        zip.writestr("gegevens.json", json.dumps(gegevens, ensure_ascii=False, indent=2, default=str))
        for onderdeel in onderdelen:
            for bestand, naam in onderdeel.bestanden:
                with bestand.open("rb") as f:
                    zip.writestr(f"bestanden/{naam}", f.read())
    return f"inzage-{leerling.uuid}.zip", buffer.getvalue()
