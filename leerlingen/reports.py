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


@taaksoort("thuiszitters_excel")
def thuiszitters_excel(taak: Taak, voortgang: Voortgang) -> tuple[str, bytes]:
    """Cases active on the chosen date, exactly as the list shows them (the one selector)."""
    from leerlingen.selectors.thuiszitters import FILTERS, thuiszitters_lijst

    user = _aanvrager(taak)
    datum = date.fromisoformat(taak.parameters["datum"])
    filters = {k: v for k, v in taak.parameters.items() if k in FILTERS}
    voortgang(10, "Casussen ophalen")
    with translation.override("nl"):
        rijen = [
            {
                "Achternaam": c.leerling.achternaam,
                "Voornaam": c.leerling.voornaam,
                "Geboortedatum": c.leerling.geboortedatum,
                "School": c.school.naam if c.school else "",
                "Gemeente": c.gemeente.naam,
                "Soort": c.get_soort_display(),
                "Reden": c.get_reden_display(),
                "Sinds": c.sinds,
                "Duur (weken)": (datum - c.sinds).days // 7,
                "Boven termijn 3 maanden": "ja" if c.signaal_termijn else "nee",
                "OPP": "ja" if c.heeft_opp else "nee",
                "Onderwijs (uur/week)": float(c.onderwijs_uren),
                "Stap de-escalatieladder": str(c.huidige_stap),
                "Volgende actie": c.volgende_actie,
                "Datum volgende actie": c.volgende_actie_datum,
            }
            for c in thuiszitters_lijst(user, datum=datum, status="actief", **filters).iterator(chunk_size=500)
        ]
    voortgang(70, "Werkmap opbouwen")
    inhoud = _excel([("Thuiszitters", rijen)])
    voortgang(95, "Opslaan")
    return f"thuiszitters-{datum:%Y%m%d}.xlsx", inhoud


def _ronde_en_regels(taak: Taak):
    from leerlingen.models import Risicolijstronde
    from leerlingen.selectors.risicolijst import ronde_regels

    user = _aanvrager(taak)
    ronde = Risicolijstronde.objects.visible_to(user).filter(uuid=taak.parameters.get("ronde")).first()
    if ronde is None:
        raise TaakFout(_("This round does not exist or is no longer visible to you."))
    return ronde, list(ronde_regels(user, ronde))


@taaksoort("risicolijst_excel")
def risicolijst_excel(taak: Taak, voortgang: Voortgang) -> tuple[str, bytes]:
    voortgang(10, "Ronde ophalen")
    ronde, regels = _ronde_en_regels(taak)
    with translation.override("nl"):

        def rij(r):
            return {
                "School": r.school_naam,
                "Achternaam": r.leerling.achternaam,
                "Voornaam": r.leerling.voornaam,
                "Geboortedatum": r.leerling.geboortedatum,
                "Op de lijst sinds": r.sinds,
                "Reden": r.reden,
                "Afgesproken actie": r.afgesproken_actie,
                "Thuiszittercasus": "ja" if r.thuiszitter else "nee",
                "Vergeleken met vorige ronde": r.get_vergelijking_display(),
            }

        op_lijst = [rij(r) for r in regels if r.vergelijking != "af"]
        af = [rij(r) for r in regels if r.vergelijking == "af"]
    voortgang(60, "Werkmap opbouwen")
    inhoud = _excel([("Risicolijst", op_lijst), ("Van de lijst af", af)])
    voortgang(95, "Opslaan")
    return f"risicolijst-{ronde.jaar}-{ronde.maand:02d}.xlsx", inhoud


@taaksoort("risicolijst_pdf")
def risicolijst_pdf(taak: Taak, voortgang: Voortgang) -> tuple[str, bytes]:
    from swv.pdf import render_to_pdf

    voortgang(10, "Ronde ophalen")
    ronde, regels = _ronde_en_regels(taak)
    voortgang(40, "PDF opmaken")
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
    voortgang(95, "Opslaan")
    return f"risicolijst-{ronde.jaar}-{ronde.maand:02d}.pdf", inhoud
