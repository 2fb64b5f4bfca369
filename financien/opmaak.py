"""Number formatting shared by pages, charts, Excel and PDF: euros and percentages, Dutch style."""

from __future__ import annotations

from decimal import Decimal

from django.utils.formats import number_format


def euro(bedrag, decimalen: int = 2) -> str:
    """``€ 2.937.728,62`` (``decimalen=0``: ``€ 2.937.729``); empty for ``None``."""
    if bedrag is None or bedrag == "":
        return ""
    waarde = Decimal(bedrag)
    teken = "-" if waarde < 0 else ""
    return f"{teken}€ {number_format(abs(waarde), decimal_pos=decimalen, use_l10n=True, force_grouping=True)}"


def procent(waarde, decimalen: int = 1) -> str:
    if waarde is None:
        return ""
    return f"{number_format(Decimal(waarde), decimal_pos=decimalen, use_l10n=True)} %"


def getal(waarde, decimalen: int = 0) -> str:
    if waarde is None:
        return ""
    return number_format(Decimal(waarde), decimal_pos=decimalen, use_l10n=True, force_grouping=True)
