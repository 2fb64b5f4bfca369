"""The one Dutch notation of money, numbers, percentages and dates: pages, PDFs, charts and Excel all
format through this module (templates through ``{% load opmaak %}``), so an amount reads the same
everywhere.

The notation, chosen once for the portal:

- money: ``€ 1.234,56``; negative ``-€ 1.234,56`` (the minus in front of the whole amount, where
  the eye and a screen reader meet it first; ``€ -1.234,56`` is also seen in Dutch, but puts the sign
  in the middle); ``euro(x, 0)`` rounds to whole euros: ``€ 1.235``;
- numbers: ``19.482`` and ``4,1`` (thousands grouped with a dot, a decimal comma);
- percentages: ``8,3%`` (no space, the usual Dutch practice);
- dates: ``31-12-2025``, or in running text ``31 december 2025`` (month names are words and follow
  the active language like every other UI text);
- nothing (``None`` or ``""``): an en dash ``–``, so an empty cell is visibly empty.

Rounding is half up (2,25 -> 2,3), as people reckon, not Python's banker's rounding. The separators
are fixed, not looked up per call in the active language's format module: the portal is Dutch, an
amount must read the same in an English session, a PDF and a worksheet, and large tables format
thousands of cells (no lazy translation or format lookup per cell).

Excel keeps the values themselves (``Decimal`` for money, never ``float``) and gets the same
notation through a number format: :data:`EXCEL_EURO` and friends.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

LEEG = "–"

# Python's "1,234.5" -> Dutch "1.234,5" in one pass.
_NEDERLANDS = str.maketrans({",": ".", ".": ","})
_KWANTA = {n: Decimal(1).scaleb(-n) for n in range(0, 7)}

# Excel number formats with the same notation (Excel shows its own separators per locale; the
# pattern only fixes the euro sign, the sign position and the number of decimals).
EXCEL_EURO = '"€" #,##0.00;-"€" #,##0.00'
EXCEL_EURO0 = '"€" #,##0;-"€" #,##0'
EXCEL_GETAL = "#,##0"
EXCEL_DECIMAAL = "#,##0.0"
EXCEL_PROCENT = '0.0"%"'
EXCEL_DATUM = "dd-mm-yyyy"


def _leeg(waarde) -> bool:
    return waarde is None or waarde == ""


def _decimaal(waarde) -> Decimal:
    if isinstance(waarde, Decimal):
        return waarde
    if isinstance(waarde, float):
        # repr of a float is its shortest exact decimal form: 0.1 -> "0.1", not 0.1000000000000000055...
        return Decimal(repr(waarde))
    return Decimal(waarde)


def _getal(waarde: Decimal, decimalen: int, groeperen: bool = True) -> str:
    afgerond = waarde.quantize(_KWANTA.get(decimalen) or Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)
    if afgerond == 0:
        afgerond = abs(afgerond)  # no "-0,00"
    tekst = f"{afgerond:{',' if groeperen else ''}.{decimalen}f}"
    return tekst.translate(_NEDERLANDS)


def getal(waarde, decimalen: int = 0) -> str:
    """``19481.5`` -> ``19.482``; ``getal(4.05, 1)`` -> ``4,1``; ``None`` -> ``–``."""
    if _leeg(waarde):
        return LEEG
    return _getal(_decimaal(waarde), decimalen)


def euro(bedrag, decimalen: int = 2) -> str:
    """``1234.5`` -> ``€ 1.234,50``; ``-1234.5`` -> ``-€ 1.234,50``; ``euro(x, 0)`` -> ``€ 1.235``."""
    if _leeg(bedrag):
        return LEEG
    tekst = _getal(_decimaal(bedrag), decimalen)
    if tekst.startswith("-"):
        return f"-€ {tekst[1:]}"
    return f"€ {tekst}"


def procent(waarde, decimalen: int = 1) -> str:
    """``8.25`` (already a percentage, not a fraction) -> ``8,3%``."""
    if _leeg(waarde):
        return LEEG
    return f"{_getal(_decimaal(waarde), decimalen, groeperen=False)}%"


def datum(waarde, lang: bool = False) -> str:
    """``date(2025, 12, 31)`` -> ``31-12-2025``; with ``lang`` -> ``31 december 2025``. A date as
    ISO text (``"2025-12-31"``, as stored from an imported file) reads the same; other text is
    shown as it is."""
    if _leeg(waarde):
        return LEEG
    if isinstance(waarde, str):
        try:
            waarde = date.fromisoformat(waarde[:10])
        except ValueError:
            return waarde
    if isinstance(waarde, datetime):
        from django.utils import timezone

        waarde = timezone.localtime(waarde) if timezone.is_aware(waarde) else waarde
        waarde = waarde.date()
    if lang:
        from django.utils.formats import date_format

        return date_format(waarde, "j F Y")
    return f"{waarde.day:02d}-{waarde.month:02d}-{waarde.year}"


def datumtijd(waarde, lang: bool = False) -> str:
    """A moment in local time: ``31-12-2025 14:05``; with ``lang`` -> ``31 december 2025, 14:05``.
    A plain date is shown as ``datum`` shows it."""
    if _leeg(waarde):
        return LEEG
    if isinstance(waarde, str):
        try:
            waarde = datetime.fromisoformat(waarde)
        except ValueError:
            return waarde
    if not isinstance(waarde, datetime):
        return datum(waarde, lang)
    from django.utils import timezone

    moment = timezone.localtime(waarde) if timezone.is_aware(waarde) else waarde
    return f"{datum(moment.date(), lang)}{',' if lang else ''} {moment:%H:%M}"


def maandnaam(maand) -> str:
    """``3`` -> ``maart`` (empty for something that is not a month)."""
    from django.utils.formats import date_format

    try:
        return date_format(date(2000, int(maand), 1), "F")
    except (TypeError, ValueError):
        return ""


def excel_waarde(waarde):
    """A value as a worksheet cell takes it: numbers and dates stay what they are (money stays
    ``Decimal``: openpyxl writes its exact digits), anything else becomes its text."""
    if waarde is None or isinstance(waarde, bool | int | Decimal | date):
        return waarde
    if isinstance(waarde, float):
        try:
            return _decimaal(waarde)
        except InvalidOperation:
            return None
    return str(waarde)


EXCEL_BLADNAAM_MAX = 31
_ONGELDIG_IN_BLADNAAM = str.maketrans({t: " " for t in "[]:*?/\\"})


def bladnaam(naam, gebruikt: set[str] | None = None) -> str:
    """An Excel sheet name: at most 31 characters, cut at a word boundary (never mid-word; a single
    word longer than that is cut), without the characters Excel refuses, unique within
    ``gebruikt`` (which it updates) by a number at the end."""
    tekst = " ".join(str(naam).translate(_ONGELDIG_IN_BLADNAAM).split()).strip("'") or "Blad"

    def inkorten(t: str, maximum: int) -> str:
        if len(t) <= maximum:
            return t
        deel = t[: maximum + 1]
        grens = max(deel.rfind(" "), deel.rfind("-"))
        kort = t[:grens] if grens > 0 else t[:maximum]
        return kort.rstrip(" -,;.(") or t[:maximum]

    kandidaat = inkorten(tekst, EXCEL_BLADNAAM_MAX)
    if gebruikt is not None:
        n = 2
        while kandidaat.lower() in {g.lower() for g in gebruikt}:
            achtervoegsel = f" ({n})"
            kandidaat = inkorten(tekst, EXCEL_BLADNAAM_MAX - len(achtervoegsel)) + achtervoegsel
            n += 1
        gebruikt.add(kandidaat)
    return kandidaat


def werkmap(bladen) -> bytes:
    """An ``.xlsx`` of ``bladen``: ``(naam, kolommen, rijen, formaten)`` per sheet, where ``formaten``
    maps a column index to the number format of its numeric cells (``EXCEL_GETAL`` ...). A ``Decimal``
    in a column without a format is money (the portal's only ``Decimal`` quantity without a unit of
    its own) and gets :data:`EXCEL_EURO`. Header row in bold, values through :func:`excel_waarde`
    (money stays ``Decimal``), sheet names through :func:`bladnaam` (31 characters, whole words)."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font

    boek = Workbook()
    boek.remove(boek.active)
    namen: set[str] = set()
    for naam, kolommen, rijen, formaten in bladen:
        blad = boek.create_sheet(bladnaam(naam, namen))
        blad.append([str(k) for k in kolommen])
        for cel in blad[1]:
            cel.font = Font(bold=True)
        for rij in rijen:
            blad.append([excel_waarde(w) for w in rij])
        formaten = formaten or {}
        for rij_cellen in blad.iter_rows(min_row=2):
            for cel in rij_cellen:
                formaat = formaten.get(cel.column - 1)
                if formaat and isinstance(cel.value, int | Decimal) and not isinstance(cel.value, bool):
                    cel.number_format = formaat
                elif formaat is None and isinstance(cel.value, Decimal):
                    cel.number_format = EXCEL_EURO
        for i, kolom in enumerate(kolommen):
            blad.column_dimensions[blad.cell(row=1, column=i + 1).column_letter].width = max(
                12, min(40, len(str(kolom)) + 4)
            )
    buffer = io.BytesIO()
    boek.save(buffer)
    return buffer.getvalue()
