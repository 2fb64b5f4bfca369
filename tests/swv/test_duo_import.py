"""The DUO import on the real files the project carries (data/duo), and on corrupted copies."""

from __future__ import annotations

import csv
import shutil
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from swv.duo import ADRESSEN_BO, EDUGIS, HISTORISCH, REGELING, DuoImportFout, duo_importeren, naam_netjes
from swv.models import Bestuur, Gemeente, Leerlingtelling, School

DUO = Path(settings.DUO_DATA_DIR)
#: The reference subset of shared/data/duo (afgeleid_subset_PO2801_leiden.csv, see data/duo/SOURCE.md)
LEIDEN = Path(__file__).resolve().parent.parent / "data" / "afgeleid_subset_PO2801_leiden.csv"


def test_the_project_carries_the_duo_files_it_reads():
    """make run and make test need nothing beside the checkout (no ../shared)."""
    meegeleverd = Path(settings.BASE_DIR) / "data" / "duo"
    for naam in (ADRESSEN_BO, HISTORISCH, REGELING, EDUGIS):
        assert (meegeleverd / naam).is_file(), naam
    assert "CC-0" in (meegeleverd / "SOURCE.md").read_text(encoding="utf-8")


def _subset_leiden() -> list[dict]:
    with LEIDEN.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter=";"))


@pytest.mark.django_db
def test_it_imports_the_74_leiden_vestigingen_with_their_counts():
    rapport = duo_importeren(map_=DUO, swv_code="PO2801")

    verwacht = _subset_leiden()
    assert rapport.aantal_scholen == len(verwacht) == 74
    assert rapport.per_soort == {"BO": 66, "SBO": 1, "SO": 3, "SO/VSO": 4}
    assert set(School.objects.values_list("vestigingscode", flat=True)) == {r["VESTIGINGSCODE"] for r in verwacht}
    # Every 2025 count of the derived file is the count on 1 October 2025 in the portal.
    for rij in verwacht:
        telling = Leerlingtelling.objects.get(school__vestigingscode=rij["VESTIGINGSCODE"], teldatum=date(2025, 10, 1))
        assert telling.aantal == int(rij["LEERLINGEN_2025"]), rij["VESTIGINGSCODE"]
    totaal = sum(Leerlingtelling.objects.filter(teldatum=date(2025, 10, 1)).values_list("aantal", flat=True))
    assert totaal == 20245  # SOURCE.md: total pupils at 1 Oct 2025
    school = School.objects.get(vestigingscode="03NT00")
    assert (school.postcode, school.plaats, school.gemeente.naam, school.bestuur.nummer) == (
        "2252 TR",
        "Voorschoten",
        "Voorschoten",
        "41447",
    )


@pytest.mark.django_db
def test_rerunning_the_import_changes_nothing_and_reports_it():
    duo_importeren(map_=DUO, swv_code="PO2801")
    aantallen = (School.objects.count(), Leerlingtelling.objects.count(), School.history.count())

    rapport = duo_importeren(map_=DUO, swv_code="PO2801")

    assert (rapport.aangemaakt, rapport.gewijzigd, rapport.ongewijzigd) == ([], {}, 74)
    assert (rapport.tellingen_nieuw, rapport.tellingen_gewijzigd) == (0, 0)
    assert (School.objects.count(), Leerlingtelling.objects.count(), School.history.count()) == aantallen


def _kopie(tmp_path: Path) -> Path:
    for naam in (ADRESSEN_BO, HISTORISCH, "regeling-regio-indeling-swv-pc4.csv", "edugis_scholen20241122.geo.json"):
        shutil.copy(DUO / naam, tmp_path / naam)
    return tmp_path


def _vervang_in_regel(pad: Path, encoding: str, zoek: str, vervang: str) -> int:
    regels = pad.read_text(encoding=encoding).split("\n")
    for i, regel in enumerate(regels):
        if zoek in regel:
            regels[i] = regel.replace(zoek, vervang, 1)
            pad.write_text("\n".join(regels), encoding=encoding)
            return i + 1
    raise AssertionError(f"{zoek!r} not found")


@pytest.mark.django_db
def test_it_reports_a_changed_row_on_reimport(tmp_path):
    map_ = _kopie(tmp_path)
    duo_importeren(map_=map_, swv_code="PO2801")
    _vervang_in_regel(
        map_ / ADRESSEN_BO, "cp1252", ";03NT00;Rooms Katholieke Basisschool De Regenboog;", ";03NT00;RKBS De Regenboog;"
    )

    rapport = duo_importeren(map_=map_, swv_code="PO2801")

    assert rapport.gewijzigd == {"03NT00": ["naam"]}
    assert School.objects.get(vestigingscode="03NT00").naam == "RKBS De Regenboog"
    assert School.history.filter(vestigingscode="03NT00").count() == 2


@pytest.mark.django_db
def test_a_corrupted_count_is_rejected_with_file_line_and_column_and_nothing_is_imported(tmp_path):
    map_ = _kopie(tmp_path)
    regel = _vervang_in_regel(map_ / HISTORISCH, "utf-8-sig", ";03NT00;", ";03NT00;")  # locate the line
    tekst = (map_ / HISTORISCH).read_text(encoding="utf-8-sig").split("\n")
    tekst[regel - 1] = tekst[regel - 1].rsplit(";", 1)[0] + ";twaalf"
    (map_ / HISTORISCH).write_text("\n".join(tekst), encoding="utf-8-sig")

    with pytest.raises(DuoImportFout) as fout:
        duo_importeren(map_=map_, swv_code="PO2801")

    assert (fout.value.bestand, fout.value.regel, fout.value.kolom) == (HISTORISCH, regel, "LEERLINGEN_2025")
    assert "twaalf" in str(fout.value)
    assert School.objects.count() == Gemeente.objects.count() == Bestuur.objects.count() == 0


@pytest.mark.django_db
def test_a_missing_column_and_a_bad_postcode_are_named(tmp_path):
    map_ = _kopie(tmp_path)
    _vervang_in_regel(map_ / ADRESSEN_BO, "cp1252", ";POSTCODE;", ";PC;")
    with pytest.raises(DuoImportFout, match="kolom POSTCODE: verplichte kolom ontbreekt"):
        duo_importeren(map_=map_, swv_code="PO2801")

    map_ = _kopie(tmp_path)
    regel = _vervang_in_regel(map_ / ADRESSEN_BO, "cp1252", ";2252 TR;", ";22X2 TR;")
    with pytest.raises(DuoImportFout, match=f"regel {regel}, kolom POSTCODE: ongeldige postcode"):
        duo_importeren(map_=map_, swv_code="PO2801")
    assert School.objects.count() == 0


@pytest.mark.django_db
def test_the_command_explains_failures_in_dutch(tmp_path):
    with pytest.raises(CommandError, match="Import afgebroken, er is niets ingelezen.*bestand niet gevonden"):
        call_command("duo_import", "PO2801", "--map", str(tmp_path))
    with pytest.raises(CommandError, match="SWV-code PO9999 komt niet voor"):
        call_command("duo_import", "PO9999")


def test_names_in_capitals_become_readable():
    assert naam_netjes("KAAG EN BRAASSEM") == "Kaag en Braassem"
    assert naam_netjes("S GRAVENHAGE") == "'s-Gravenhage"
    assert naam_netjes("LEIDSCHENDAM-VOORBURG") == "Leidschendam-Voorburg"
    assert naam_netjes("Leiden") == "Leiden"
