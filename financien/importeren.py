"""Reading an accounting export (CSV or XLSX) into checked rows for the realisatie import.

Everything is parsed and checked before anything is booked: a file-level problem raises
``ImportBestandFout``; a problem in a row is attached to that row (the preview shows it) and
blocks processing of the whole file. Columns are recognised by their header (Dutch or English):
``rekening`` (ledger account) and ``bedrag`` (amount) are required, ``omschrijving`` and
``datum`` optional; a date, when given, must fall in the month being imported.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils import formats
from django.utils.translation import gettext as _

KOLOMMEN = {
    "rekening": {"rekening", "grootboekrekening", "grootboek", "rekeningnummer", "account", "ledger account"},
    "bedrag": {"bedrag", "amount", "saldo", "bedrag eur"},
    "omschrijving": {"omschrijving", "description", "tekst", "boekingsomschrijving"},
    "datum": {"datum", "boekdatum", "date"},
}
MAX_BEDRAG = Decimal("9999999999.99")


class ImportBestandFout(Exception):
    """The file as a whole cannot be read (type, encoding, columns, empty); nothing is imported."""


@dataclass
class Importregel:
    regelnummer: int
    rekening: str
    omschrijving: str
    bedrag: str | None  # a Decimal as text (the preview is stored as JSON)
    post_id: int | None = None
    post: str = ""
    fouten: list[str] = field(default_factory=list)

    def als_dict(self) -> dict:
        return asdict(self)


def lees_bestand(naam: str, inhoud: bytes, *, max_regels: int) -> list[tuple[int, dict[str, object]]]:
    """The data rows of the file as ``(row number, {column: value})``, header recognised."""
    extensie = naam.rsplit(".", 1)[-1].lower() if "." in naam else ""
    rijen: list[tuple] | list[list[str]]
    if extensie == "xlsx":
        if not inhoud.startswith(b"PK"):
            raise ImportBestandFout(_("The file is not a valid Excel workbook (.xlsx)."))
        rijen = _xlsx_rijen(inhoud)
    elif extensie == "csv":
        rijen = _csv_rijen(inhoud)
    else:
        raise ImportBestandFout(_("Upload a CSV or Excel (.xlsx) export of the accounting system."))
    if not rijen:
        raise ImportBestandFout(_("The file is empty."))
    kop = [str(k or "").strip().lower() for k in rijen[0]]
    index: dict[str, int] = {}
    for sleutel, namen in KOLOMMEN.items():
        for i, k in enumerate(kop):
            if k in namen:
                index[sleutel] = i
                break
    ontbrekend = [k for k in ("rekening", "bedrag") if k not in index]
    if ontbrekend:
        raise ImportBestandFout(
            _("The first row must name the columns; missing: %(kolommen)s.") % {"kolommen": ", ".join(ontbrekend)}
        )
    data = []
    for nummer, rij in enumerate(rijen[1:], start=2):
        waarden = {k: (rij[i] if i < len(rij) else None) for k, i in index.items()}
        if all(v is None or str(v).strip() == "" for v in waarden.values()):
            continue
        data.append((nummer, waarden))
    if not data:
        raise ImportBestandFout(_("The file contains no bookings."))
    if len(data) > max_regels:
        raise ImportBestandFout(_("The file has more than %(max)s rows; split it per month.") % {"max": max_regels})
    return data


def _xlsx_rijen(inhoud: bytes) -> list[tuple]:
    import openpyxl

    try:
        werkmap = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any unreadable workbook is the same problem for the user
        raise ImportBestandFout(_("The file is not a valid Excel workbook (.xlsx)."))
    blad = werkmap.worksheets[0]
    rijen = [tuple(r) for r in blad.iter_rows(values_only=True)]
    werkmap.close()
    return rijen


def _csv_rijen(inhoud: bytes) -> list[list[str]]:
    for codering in ("utf-8-sig", "cp1252"):
        try:
            tekst = inhoud.decode(codering)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise ImportBestandFout(_("The file's character encoding is not supported; save it as UTF-8."))
    if "\x00" in tekst:
        raise ImportBestandFout(_("The file is not a text (CSV) file."))
    eerste = tekst.splitlines()[0] if tekst.strip() else ""
    scheiding = max([";", ",", "\t"], key=eerste.count) if eerste else ";"
    return [r for r in csv.reader(io.StringIO(tekst), delimiter=scheiding)]


_GETAL = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def lees_bedrag(waarde) -> Decimal:
    """An amount from a cell: a number, or text like ``-1.234,56``, ``1234,56`` or ``1234.56``."""
    if isinstance(waarde, bool):
        raise ValueError
    if isinstance(waarde, int):
        bedrag = Decimal(waarde)
    elif isinstance(waarde, float):
        afgerond = round(waarde, 2)
        if abs(waarde - afgerond) > 1e-6:
            raise ValueError("decimals")
        bedrag = Decimal(repr(afgerond))
    else:
        tekst = str(waarde or "").strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
        negatief = tekst.startswith("(") and tekst.endswith(")")
        tekst = tekst.strip("()")
        if "," in tekst:
            tekst = tekst.replace(".", "").replace(",", ".")
        if not _GETAL.match(tekst):
            raise ValueError
        try:
            bedrag = Decimal(tekst)
        except InvalidOperation:
            raise ValueError
        if negatief:
            bedrag = -bedrag
    exponent = bedrag.as_tuple().exponent  # an int for a finite number
    if isinstance(exponent, int) and exponent < -2 and bedrag != bedrag.quantize(Decimal("0.01")):
        raise ValueError("decimals")
    if abs(bedrag) > MAX_BEDRAG:
        raise ValueError("size")
    return bedrag.quantize(Decimal("0.01"))


def lees_datum(waarde) -> date:
    if isinstance(waarde, datetime):
        return waarde.date()
    if isinstance(waarde, date):
        return waarde
    tekst = str(waarde).strip()
    for patroon in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(tekst, patroon).date()
        except ValueError:
            continue
    raise ValueError


def controleer(rijen, *, jaar: int, maand: int, koppelingen: dict[str, tuple[int, str]]) -> list[Importregel]:
    """Check every row: account present and mapped to a budget line, amount valid, date in the month."""
    maandnaam = formats.date_format(date(jaar, maand, 1), "F Y")
    regels = []
    for nummer, waarden in rijen:
        rekening = str(waarden.get("rekening") or "").strip()
        if rekening.endswith(".0") and rekening[:-2].isdigit():  # Excel stores account numbers as numbers
            rekening = rekening[:-2]
        regel = Importregel(
            regelnummer=nummer,
            rekening=rekening,
            omschrijving=str(waarden.get("omschrijving") or "").strip()[:300],
            bedrag=None,
        )
        if not rekening:
            regel.fouten.append(_("The ledger account is missing."))
        elif rekening in koppelingen:
            regel.post_id, regel.post = koppelingen[rekening]
        else:
            regel.fouten.append(
                _("Ledger account %(rekening)s is not mapped to a budget line.") % {"rekening": rekening}
            )
        ruw = waarden.get("bedrag")
        try:
            regel.bedrag = str(lees_bedrag(ruw))
        except ValueError as fout:
            if str(fout) == "decimals":
                regel.fouten.append(_("The amount %(bedrag)s has more than two decimals.") % {"bedrag": ruw})
            elif str(fout) == "size":
                regel.fouten.append(_("The amount %(bedrag)s is too large.") % {"bedrag": ruw})
            elif ruw is None or str(ruw).strip() == "":
                regel.fouten.append(_("The amount is missing."))
            else:
                regel.fouten.append(_("%(bedrag)s is not an amount (use for example 1234,56).") % {"bedrag": ruw})
        ruwe_datum = waarden.get("datum")
        if ruwe_datum not in (None, ""):
            try:
                datum = lees_datum(ruwe_datum)
                if (datum.year, datum.month) != (jaar, maand):
                    regel.fouten.append(
                        _("The booking date %(datum)s is not in %(maand)s.")
                        % {"datum": formats.date_format(datum, "j F Y"), "maand": maandnaam}
                    )
            except ValueError:
                regel.fouten.append(_("%(datum)s is not a date (use for example 31-01-2026).") % {"datum": ruwe_datum})
        regels.append(regel)
    return regels
