"""Make the OSO test fixtures (tests/data/oso/) from Edustandaard's example dossiers.

The examples' pupil, parents and test school are swapped for fictitious names and a Leiden school
of the demo register (Haanstra Basisschool, 04PN00); the birth dates move to a primary-school age.
Run once by hand: ``python scripts/oso_voorbeelden.py SOURCE_DIR``; the output is committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

VERVANGINGEN = [
    ("<naam>Testschool</naam>", "<naam>Haanstra Basisschool</naam>"),
    ("<straat>Langestraat</straat>", "<straat>Rapenburg</straat>"),
    ("<plaats>Alkmaar</plaats>", "<plaats>Leiden</plaats>"),
    ("<gemeente>Alkmaar</gemeente>", "<gemeente>Leiden</gemeente>"),
    ("<postcode>1811JJ</postcode>", "<postcode>2311GM</postcode>"),
    ("<brincode>00YY</brincode>", "<brincode>04PN</brincode>"),
    ("<soort>SO</soort>", "<soort>BO</soort>"),
    ("Björn", "Sem"),
    ("<roepnaam>Daan</roepnaam>", "<roepnaam>Sem</roepnaam>"),
    ("<achternaam>Berg</achternaam>", "<achternaam>Oosterhout</achternaam>"),
    ("<gbaachternaam>Berg</gbaachternaam>", "<gbaachternaam>Oosterhout</gbaachternaam>"),
    ("2003-03-17", "2016-03-17"),
    ("17-03-2003", "17-03-2016"),
    ("<voornaam>Pieter</voornaam>", "<voornaam>Pim</voornaam>"),
    ("Berg@werk.nl", "oosterhout@example.nl"),
]


def main(bron: Path, doel: Path) -> None:
    doel.mkdir(parents=True, exist_ok=True)
    for naam in (
        "Voorbeelddossier_PaO_POSWV_full.xml",
        "Voorbeelddossier_PaO_POSWV_opt_out.xml",
        "Voorbeelddossier_OV_POPO_full.xml",
    ):
        tekst = (bron / naam).read_text(encoding="utf-8")
        for oud, nieuw in VERVANGINGEN:
            tekst = tekst.replace(oud, nieuw)
        (doel / naam.replace("Voorbeelddossier_", "oso_")).write_text(tekst, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else Path("tests/data/oso"))
