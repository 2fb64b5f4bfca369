"""The one table reader for CSV/XLSX uploads (pupil import, arrangement costs, accounting export).

``lees_tabel`` first checks the file with the one upload validator (``swv.uploads``: size, type by
content), then reads the first sheet or the CSV (UTF-8 or Windows-1252, ``;``, ``,`` or tab),
recognises the columns by their header (case, spaces and punctuation ignored) and returns the
non-empty data rows with their row number in the file (the header is row 1), so that every row
error can say where it is: ``regelfout(7, "...")`` -> "Regel 7: ...".

One parser per kind of cell, for every import: ``bedrag`` (Dutch or plain notation -> ``Decimal``)
and ``datum`` (``31-12-2025``, ``2025-12-31``, an Excel date or serial number). A problem with the
file as a whole raises ``TabelFout`` (a ``DomeinFout``: the views show its message like any
other refused action).

    rijen = lees_tabel(bestand, kolommen={"bedrag": {"bedrag", "amount"}}, verplicht=["bedrag"])
    for rij in rijen:
        try:
            bedrag = tabellen.bedrag(rij["bedrag"])
        except WaardeFout as fout:
            fouten.append(regelfout(rij.nummer, fout))
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from swv.fouten import DomeinFout
from swv.uploads import TABELTYPEN, valideer_upload

CENT = Decimal("0.01")
MAX_BEDRAG = Decimal("9999999999.99")
_GETAL = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
_DUIZENDTALLEN = re.compile(r"^-?[0-9]{1,3}(\.[0-9]{3})+$")


def getaltekst(waarde: str) -> str:
    """A number typed or exported in Dutch or plain notation, as ``1234.56``: ``1.234,56``,
    ``1234,56``, ``€ 1.234`` and ``1234.56``. Dots that only group thousands (``1.234``) are
    thousands, as a Dutch reader means them. The one reading for uploads and forms alike."""
    tekst = waarde.strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
    if "," in tekst:  # Dutch notation: dots group thousands, the comma is the decimal sign
        return tekst.replace(".", "").replace(",", ".")
    if _DUIZENDTALLEN.match(tekst):
        return tekst.replace(".", "")
    return tekst


_EXCEL_NUL = date(1899, 12, 30)  # day 0 of Excel's date serial numbers (1900 system)


class TabelFout(DomeinFout):
    """The file as a whole cannot be read (type, encoding, columns, size, empty); nothing is imported."""

    standaard_bericht = gettext_lazy("The file could not be read.")


class WaardeFout(DomeinFout):
    """One cell is not a valid amount or date; ``code`` says why (``leeg``, ``geen_bedrag``,
    ``decimalen``, ``te_groot``, ``geen_datum``), the text is the Dutch message for the row
    (the callers collect it per row with ``regelfout``)."""

    def __init__(self, code: str, bericht: str) -> None:
        self.code = code
        super().__init__(bericht)


@dataclass(frozen=True)
class Rij:
    """One data row: its number in the file (the header is row 1) and its cells by column name
    (``None`` for a column the file does not have or an empty cell)."""

    nummer: int
    waarden: Mapping[str, object]

    def __getitem__(self, kolom: str) -> object:
        return self.waarden.get(kolom)

    def tekst(self, kolom: str) -> str:
        """The cell as stripped text (a whole number from Excel without ``.0``)."""
        waarde = self.waarden.get(kolom)
        if waarde is None:
            return ""
        if isinstance(waarde, float) and waarde.is_integer():
            waarde = int(waarde)
        return str(waarde).strip()


def regelfout(nummer: int, fout: object) -> str:
    """A row error as every import shows it: ``Regel 7: het bedrag ontbreekt.``"""
    return _("Row %(n)s: %(fout)s") % {"n": nummer, "fout": fout}


def normaliseer_kop(kop: object) -> str:
    """A header as it is compared: lower case, letters and digits only (``Bedrag (EUR)`` -> ``bedrageur``)."""
    return re.sub(r"[^a-z0-9]", "", str(kop or "").lower())


def lees_tabel(
    bestand,
    *,
    kolommen: Mapping[str, Iterable[str]],
    verplicht: Iterable[str] = (),
    max_regels: int | None = None,
) -> list[Rij]:
    """The non-empty data rows of an uploaded CSV/XLSX file, checked by the upload validator first.

    ``kolommen`` maps each field to the headers that name it (the first matching column wins);
    a file without one of the ``verplicht`` fields, without data rows or with more than
    ``max_regels`` data rows raises ``TabelFout``."""
    try:
        info = valideer_upload(bestand, toegestaan=TABELTYPEN)
    except ValidationError as fout:
        raise TabelFout(fout.messages[0]) from None
    bestand.seek(0)
    inhoud = bestand.read()
    bestand.seek(0)
    rijen = _xlsx_rijen(inhoud) if info.extensie == "xlsx" else _csv_rijen(inhoud)
    # The header is the first non-empty row; row numbers stay those of the file (what the user sees).
    kop_index = next((i for i, r in enumerate(rijen) if any(_cel(c) is not None for c in r)), None)
    if kop_index is None:
        raise TabelFout(_("The file is empty."))
    koppen = [normaliseer_kop(k) for k in rijen[kop_index]]
    index: dict[str, int] = {}
    for veld, namen in kolommen.items():
        genormaliseerd = {normaliseer_kop(n) for n in namen}
        for i, kop in enumerate(koppen):
            if kop in genormaliseerd:
                index[veld] = i
                break
    ontbrekend = [v for v in verplicht if v not in index]
    if ontbrekend:
        raise TabelFout(
            _("The first row must name the columns; missing: %(kolommen)s.") % {"kolommen": ", ".join(ontbrekend)}
        )
    data = []
    for nummer, rij in enumerate(rijen[kop_index + 1 :], start=kop_index + 2):
        waarden = {veld: (_cel(rij[i]) if i < len(rij) else None) for veld, i in index.items()}
        if any(w is not None for w in waarden.values()):
            data.append(Rij(nummer, {veld: waarden.get(veld) for veld in kolommen}))
    if not data:
        raise TabelFout(_("The file has no rows below the header."))
    if max_regels is not None and len(data) > max_regels:
        raise TabelFout(_("The file has more than %(n)s rows; split it up.") % {"n": max_regels})
    return data


def _cel(waarde: object) -> object:
    if isinstance(waarde, str):
        waarde = waarde.strip()
        return waarde or None
    return waarde


def _xlsx_rijen(inhoud: bytes) -> list[list]:
    import openpyxl

    try:
        werkmap = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
        rijen = [list(r) for r in werkmap.worksheets[0].iter_rows(values_only=True)]
        werkmap.close()
    except Exception:  # noqa: BLE001 - any unreadable workbook is the same problem for the user
        raise TabelFout(_("The file is not a valid Excel workbook (.xlsx).")) from None
    return rijen


def _csv_rijen(inhoud: bytes) -> list[list]:
    if b"\x00" in inhoud:
        raise TabelFout(_("The file is not a text (CSV) file."))
    for codering in ("utf-8-sig", "cp1252"):
        try:
            tekst = inhoud.decode(codering)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise TabelFout(_("The file's character encoding is not supported; save it as UTF-8."))
    eerste = next((r for r in tekst.splitlines() if r.strip()), "")
    scheiding = max([";", ",", "\t"], key=eerste.count) if eerste else ";"
    return list(csv.reader(io.StringIO(tekst), delimiter=scheiding))


def bedrag(waarde: object) -> Decimal:
    """An amount from a cell, in cents: a number, or text like ``1.234,56``, ``€ 12,5``, ``-3``,
    ``1234.56`` or ``(100,00)`` (negative). Raises ``WaardeFout``."""
    if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
        raise WaardeFout("leeg", _("The amount is missing."))
    if isinstance(waarde, bool):
        raise WaardeFout(
            "geen_bedrag", _("%(bedrag)s is not an amount (use for example 1234,56).") % {"bedrag": waarde}
        )
    if isinstance(waarde, int | Decimal):
        uitkomst = Decimal(waarde)
    elif isinstance(waarde, float):
        uitkomst = Decimal(repr(waarde))
    else:
        tekst = str(waarde).strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
        negatief = tekst.startswith("(") and tekst.endswith(")")
        tekst = getaltekst(tekst.strip("()"))
        if not _GETAL.match(tekst):
            raise WaardeFout(
                "geen_bedrag", _("%(bedrag)s is not an amount (use for example 1234,56).") % {"bedrag": waarde}
            )
        try:
            uitkomst = Decimal(tekst)
        except InvalidOperation:  # pragma: no cover - the pattern above only lets numbers through
            raise WaardeFout(
                "geen_bedrag", _("%(bedrag)s is not an amount (use for example 1234,56).") % {"bedrag": waarde}
            ) from None
        if negatief:
            uitkomst = -uitkomst
    if uitkomst != uitkomst.quantize(CENT):
        raise WaardeFout("decimalen", _("The amount %(bedrag)s has more than two decimals.") % {"bedrag": waarde})
    if abs(uitkomst) > MAX_BEDRAG:
        raise WaardeFout("te_groot", _("The amount %(bedrag)s is too large.") % {"bedrag": waarde})
    return uitkomst.quantize(CENT)


def datum(waarde: object) -> date:
    """A date from a cell: an Excel date (or its serial number), or text like ``31-12-2025``,
    ``2025-12-31``, ``31/12/2025``, ``31.12.2025`` or ``31-12-25``. Raises ``WaardeFout``."""
    if isinstance(waarde, datetime):
        return waarde.date()
    if isinstance(waarde, date):
        return waarde
    if isinstance(waarde, int | float) and not isinstance(waarde, bool) and 1 <= waarde < 2958466:
        return _EXCEL_NUL + timedelta(days=int(waarde))
    tekst = str(waarde or "").strip()
    for patroon in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%y"):
        try:
            return datetime.strptime(tekst, patroon).date()
        except ValueError:
            continue
    raise WaardeFout("geen_datum", _("%(datum)s is not a date (use for example 31-01-2026).") % {"datum": waarde})
