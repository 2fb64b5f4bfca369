"""Checking an accounting export (CSV or XLSX) row by row for the realisatie import.

The file is read by the portal's one table reader (``swv.tabellen.lees_tabel``, which raises
``TabelFout`` for a file-level problem). Everything is checked before anything is booked: a problem
in a row is attached to that row (the preview shows it) and blocks processing of the whole file.
Columns are recognised by their header (Dutch or English):
``rekening`` (ledger account) and ``bedrag`` (amount) are required, ``omschrijving`` and
``datum`` optional; a date, when given, must fall in the month being imported.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from django.utils import formats
from django.utils.translation import gettext as _

from swv import tabellen
from swv.tabellen import Rij, WaardeFout

KOLOMMEN = {
    "rekening": {"rekening", "grootboekrekening", "grootboek", "rekeningnummer", "account", "ledger account"},
    "bedrag": {"bedrag", "amount", "saldo", "bedrag eur"},
    "omschrijving": {"omschrijving", "description", "tekst", "boekingsomschrijving"},
    "datum": {"datum", "boekdatum", "date"},
}
VERPLICHT = ("rekening", "bedrag")


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


def controleer(
    rijen: list[Rij], *, jaar: int, maand: int, koppelingen: dict[str, tuple[int, str]]
) -> list[Importregel]:
    """Check every row: account present and mapped to a budget line, amount valid, date in the month."""
    maandnaam = formats.date_format(date(jaar, maand, 1), "F Y")
    regels = []
    for rij in rijen:
        rekening = rij.tekst("rekening")  # Excel stores account numbers as numbers: 4410.0 reads 4410
        regel = Importregel(
            regelnummer=rij.nummer,
            rekening=rekening,
            omschrijving=rij.tekst("omschrijving")[:300],
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
        try:
            regel.bedrag = str(tabellen.bedrag(rij["bedrag"]))
        except WaardeFout as fout:
            regel.fouten.append(str(fout))
        if rij["datum"] is not None:
            try:
                datum = tabellen.datum(rij["datum"])
                if (datum.year, datum.month) != (jaar, maand):
                    regel.fouten.append(
                        _("The booking date %(datum)s is not in %(maand)s.")
                        % {"datum": formats.date_format(datum, "j F Y"), "maand": maandnaam}
                    )
            except WaardeFout as fout:
                regel.fouten.append(str(fout))
        regels.append(regel)
    return regels
