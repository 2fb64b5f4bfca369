"""Number formatting shared by pages, charts, Excel and PDF: euros and percentages, Dutch style.

Formatted with Python's own grouping and the active language's separators (looked up once per
call): allocation tables format over a thousand amounts per page, and Django's general
``number_format`` is several times slower for the same result.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import get_format


def _getal(waarde, decimalen: int, groeperen: bool = True) -> str:
    decimaal, duizend = get_format("DECIMAL_SEPARATOR"), get_format("THOUSAND_SEPARATOR")
    afgerond = Decimal(waarde).quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)
    tekst = f"{afgerond:{',' if groeperen else ''}.{decimalen}f}"
    return tekst.replace(",", "\0").replace(".", decimaal).replace("\0", duizend)


def euro(bedrag, decimalen: int = 2) -> str:
    """``€ 2.937.728,62`` (``decimalen=0``: ``€ 2.937.729``); empty for ``None``."""
    if bedrag is None or bedrag == "":
        return ""
    waarde = Decimal(bedrag)
    teken = "-" if waarde < 0 else ""
    return f"{teken}€ {_getal(abs(waarde), decimalen)}"


def procent(waarde, decimalen: int = 1) -> str:
    if waarde is None:
        return ""
    return f"{_getal(waarde, decimalen, groeperen=False)} %"


def getal(waarde, decimalen: int = 0) -> str:
    if waarde is None or waarde == "":
        return ""
    return _getal(waarde, decimalen)
