"""Excel export of a key figure's tables: the same selector outcome as the tile and the PDF, with
raw values (numbers stay numbers) and a sheet that says what was selected."""

from __future__ import annotations

import io

from django.utils import timezone
from django.utils.translation import gettext as _

from kwaliteit.kengetallen.register import Kengetal, Uitkomst
from swv import opmaak
from swv.opmaak import excel_waarde as _celwaarde

# The portal's notation per kind of value (swv.opmaak); the values stay numbers (money a Decimal).
FORMATEN = {
    "percentage": opmaak.EXCEL_PROCENT,
    "bedrag": opmaak.EXCEL_EURO,
    "aantal": opmaak.EXCEL_GETAL,
    "getal": opmaak.EXCEL_DECIMAAL,
    "dagen": opmaak.EXCEL_DECIMAAL,
    "datum": opmaak.EXCEL_DATUM,
}


def uitkomst_naar_xlsx(kengetal: Kengetal, uitkomst: Uitkomst, *, filters, filteromschrijving: str) -> bytes:
    """One sheet per table (header row, then the rows), plus a sheet with the selection and figures."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    werkmap = Workbook()
    info = werkmap.active
    gebruikt: set[str] = set()
    info.title = opmaak.bladnaam(_("Explanation"), gebruikt)
    info.append([str(kengetal.titel)])
    info["A1"].font = Font(bold=True, size=14)
    info.append([_("Selection"), filteromschrijving])
    info.append([_("Exported on"), opmaak.datumtijd(timezone.now())])
    for kc in uitkomst.kerncijfers:
        info.append([str(kc.label), _celwaarde(kc.waarde), str(kc.toelichting or "")])
    for tabel in uitkomst.tabellen:
        blad = werkmap.create_sheet(opmaak.bladnaam(tabel.titel, gebruikt))
        blad.append([str(k.label) for k in tabel.kolommen])
        for cel in blad[1]:
            cel.font = Font(bold=True)
        for rij in tabel.rijen:
            blad.append([_celwaarde(rij.get(k.sleutel)) for k in tabel.kolommen])
        for i, kolom in enumerate(tabel.kolommen, start=1):
            letter = blad.cell(row=1, column=i).column_letter
            blad.column_dimensions[letter].width = max(12, min(40, len(str(kolom.label)) + 4))
            if kolom.soort in FORMATEN:
                for cel in blad[letter][1:]:
                    cel.number_format = FORMATEN[kolom.soort]
        if tabel.voetnoot:
            blad.append([])
            blad.append([str(tabel.voetnoot)])
    buffer = io.BytesIO()
    werkmap.save(buffer)
    return buffer.getvalue()
