"""The realisatie import: preview with row errors, nothing half-imported, re-import replaces a month."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Sum

from financien.choices import ImportStatus
from financien.models import RealisatieImport, Realisatieregel, Rekeningkoppeling
from financien.services import FinancienFout
from financien.services.realisatie import (
    realisatie_annuleren,
    realisatie_inlezen,
    realisatie_verwerken,
    rekeningkoppeling_opslaan,
)
from tests.beperkingen import schendt
from tests.financien.factories import KLEINE_BEGROTING, csv_bestand, importeer, maak_begroting

pytestmark = pytest.mark.django_db


@pytest.fixture
def begroting():
    return maak_begroting(2026, KLEINE_BEGROTING)


def _fouten(invoer):
    return {r["regelnummer"]: r["fouten"] for r in invoer.voorbeeld if r["fouten"]}


def test_a_valid_csv_is_previewed_then_booked_whole(personas, begroting):
    invoer = realisatie_inlezen(
        door=personas.carla,
        jaar=2026,
        maand=1,
        bestand=csv_bestand(
            [
                ("R2.01", "Salaris directie", "10.000,00"),
                ("R1.01", "DUO januari", "100000"),
                ("R5.01", "Correctie", "-250,50"),
            ]
        ),
    )
    assert (invoer.status, invoer.aantal_regels, invoer.aantal_fouten, invoer.totaal) == (
        ImportStatus.VOORBEELD,
        3,
        0,
        Decimal("109749.50"),
    )
    assert not Realisatieregel.objects.exists()  # a preview books nothing
    realisatie_verwerken(door=personas.carla, invoer=invoer)
    invoer.refresh_from_db()
    assert invoer.status == ImportStatus.VERWERKT
    assert sorted(Realisatieregel.objects.values_list("post__code", "bedrag")) == [
        ("1.01", Decimal("100000.00")),
        ("2.01", Decimal("10000.00")),
        ("5.01", Decimal("-250.50")),
    ]


def test_an_xlsx_export_is_read_too(personas, begroting):
    import openpyxl

    werkmap = openpyxl.Workbook()
    blad = werkmap.active
    blad.append(["Grootboekrekening", "Omschrijving", "Bedrag", "Boekdatum"])
    blad.append(["R2.01", "Salaris", 1234.5, date(2026, 2, 27)])
    blad.append(["R3.01", "Scholen", 20000, date(2026, 2, 1)])
    buffer = io.BytesIO()
    werkmap.save(buffer)
    invoer = realisatie_inlezen(
        door=personas.carla, jaar=2026, maand=2, bestand=SimpleUploadedFile("export.xlsx", buffer.getvalue())
    )
    assert (invoer.aantal_fouten, invoer.totaal) == (0, Decimal("21234.50"))


def test_invalid_rows_are_shown_with_their_errors_and_nothing_can_be_booked(personas, begroting):
    invoer = realisatie_inlezen(
        door=personas.carla,
        jaar=2026,
        maand=3,
        bestand=csv_bestand(
            [
                ("R2.01", "goed", "100,00"),
                ("9999", "onbekende rekening", "5"),
                ("R2.01", "geen bedrag", "twaalf"),
                ("R2.01", "te precies", "1,234"),
                ("", "geen rekening", "1"),
                ("R2.01", "verkeerde maand", "1", "15-04-2026"),
            ],
            kop="rekening;omschrijving;bedrag;datum",
        ),
    )
    fouten = _fouten(invoer)
    assert invoer.aantal_fouten == 5 and set(fouten) == {3, 4, 5, 6, 7}
    assert fouten[3] == ["Grootboekrekening 9999 is niet gekoppeld aan een begrotingspost."]
    assert fouten[4] == ["twaalf is geen bedrag (gebruik bijvoorbeeld 1234,56)."]
    assert fouten[5] == ["Het bedrag 1,234 heeft meer dan twee decimalen."]
    assert fouten[6] == ["De grootboekrekening ontbreekt."]
    assert fouten[7] == ["De boekdatum 15 april 2026 valt niet in maart 2026."]
    with pytest.raises(FinancienFout, match="regels met fouten"):
        realisatie_verwerken(door=personas.carla, invoer=invoer)
    assert not Realisatieregel.objects.exists()


@pytest.mark.parametrize(
    "naam, inhoud, melding",
    [
        ("export.pdf", b"%PDF-1.4", "niet toegestaan"),
        ("export.xlsx", b"geen zip", "geen geldig Excel"),
        ("export.csv", b"", "leeg"),
        ("export.csv", b"rekening;omschrijving\nR2.01;x\n", "ontbrekend: bedrag"),
        ("export.csv", b"rekening;bedrag\n", "geen regels onder de kopregel"),
    ],
)
def test_unreadable_files_are_refused_as_a_whole(personas, begroting, naam, inhoud, melding):
    with pytest.raises(FinancienFout, match=melding):
        realisatie_inlezen(door=personas.carla, jaar=2026, maand=1, bestand=SimpleUploadedFile(naam, inhoud))
    assert not RealisatieImport.objects.exists()


def test_reimporting_a_month_replaces_it_instead_of_doubling(personas, begroting):
    eerste = importeer(personas.carla, 2026, 1, [("R2.01", "januari", "1000")])
    importeer(personas.carla, 2026, 2, [("R2.01", "februari", "500")])
    tweede = importeer(
        personas.carla, 2026, 1, [("R2.01", "januari gecorrigeerd", "1200"), ("R3.01", "scholen", "300")]
    )
    eerste.refresh_from_db()
    assert (eerste.status, eerste.vervangen_door) == (ImportStatus.VERVANGEN, tweede)
    actief = Realisatieregel.objects.filter(realisatie_import__status=ImportStatus.VERWERKT)
    assert actief.aggregate(s=Sum("bedrag"))["s"] == Decimal(
        "2000.00"
    )  # 1,200 + 300 + 500, the old 1,000 no longer counts
    assert RealisatieImport.objects.verwerkt().filter(jaar=2026, maand=1).get() == tweede


def test_processing_the_same_preview_twice_books_once(personas, begroting):
    invoer = realisatie_inlezen(door=personas.carla, jaar=2026, maand=1, bestand=csv_bestand([("R2.01", "x", "10")]))
    realisatie_verwerken(door=personas.carla, invoer=invoer)
    with pytest.raises(FinancienFout, match="al verwerkt"):
        realisatie_verwerken(door=personas.carla, invoer=invoer)
    assert Realisatieregel.objects.count() == 1


def test_a_cancelled_preview_books_nothing(personas, begroting):
    invoer = realisatie_inlezen(door=personas.carla, jaar=2026, maand=1, bestand=csv_bestand([("R2.01", "x", "10")]))
    realisatie_annuleren(door=personas.carla, invoer=invoer)
    with pytest.raises(FinancienFout, match="al verwerkt of geannuleerd"):
        realisatie_verwerken(door=personas.carla, invoer=invoer)
    assert not Realisatieregel.objects.exists()


def test_a_mapping_changed_after_the_preview_stops_the_booking(personas, begroting):
    invoer = realisatie_inlezen(door=personas.carla, jaar=2026, maand=1, bestand=csv_bestand([("R2.01", "x", "10")]))
    rekeningkoppeling_opslaan(
        door=personas.carla, rekening="R2.01", post=Rekeningkoppeling.objects.get(rekening="R3.01").post
    )
    with pytest.raises(FinancienFout, match="rekeningkoppeling is na het inlezen gewijzigd"):
        realisatie_verwerken(door=personas.carla, invoer=invoer)


def test_the_database_keeps_one_processed_import_per_month(personas):
    RealisatieImport.objects.create(
        jaar=2026, maand=1, status=ImportStatus.VERWERKT, bestandsnaam="a", ingelezen_door=personas.carla
    )
    with schendt("realisatieimport_een_per_maand"):
        RealisatieImport.objects.create(
            jaar=2026, maand=1, status=ImportStatus.VERWERKT, bestandsnaam="b", ingelezen_door=personas.carla
        )
    with schendt("realisatieimport_maand_bereik"):
        RealisatieImport.objects.create(jaar=2026, maand=13, bestandsnaam="c", ingelezen_door=personas.carla)
