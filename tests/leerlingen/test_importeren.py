"""Pupil import: preview per row, nothing written until confirmed, re-import without duplicates."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from leerlingen.choices import Importactie, ImportStatus
from leerlingen.models import Inschrijving, Leerling, Leerlingimport
from leerlingen.services.fouten import DossierFout
from leerlingen.services.importeren import import_annuleren, import_bevestigen, import_voorbereiden
from tests.leerlingen.factories import LeerlingFactory

pytestmark = pytest.mark.django_db

GOED = (
    "voornaam;tussenvoegsel;achternaam;geboortedatum;bsn;groep\n"
    "Sem;de;Vries;14-05-2016;111222333;5\n"
    "Mila;;Bakker;2017-02-01;;4\n"
    "Daan;van;Dijk;03-11-2015;;6\n"
)
FOUT = (
    "voornaam;achternaam;geboortedatum;bsn;groep\n"
    "Sem;Vries;14-05-2016;123456789;5\n"
    ";Bakker;01-02-2017;;4\n"
    "Daan;Dijk;31-02-2015;;9\n"
    "Mila;Bakker;2017-02-01;;4\n"
    "Mila;Bakker;2017-02-01;;4\n"
)


def _csv(tekst: str, naam: str = "export.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, tekst.encode("utf-8"), content_type="text/csv")


def _xlsx(rijen) -> SimpleUploadedFile:
    from openpyxl import Workbook

    wb = Workbook()
    for rij in rijen:
        wb.active.append(rij)
    buf = io.BytesIO()
    wb.save(buf)
    return SimpleUploadedFile("export.xlsx", buf.getvalue())


def test_a_valid_file_shows_a_preview_and_writes_nothing(personas):
    imp = import_voorbereiden(door=personas.alice, school=personas.school_a, bestand=_csv(GOED))
    assert [r["actie"] for r in imp.regels] == [Importactie.NIEUW] * 3
    assert (imp.aantal_nieuw, imp.aantal_afgewezen, imp.status) == (3, 0, ImportStatus.VOORBEELD)
    assert not Leerling.objects.exists()


def test_confirming_imports_every_row_and_enrols_at_the_school(personas):
    imp = import_voorbereiden(door=personas.alice, school=personas.school_a, bestand=_csv(GOED))
    imp = import_bevestigen(door=personas.alice, leerlingimport=imp)
    assert imp.status == ImportStatus.BEVESTIGD
    assert Leerling.objects.count() == 3
    assert set(Inschrijving.objects.values_list("school_id", flat=True)) == {personas.school_a.pk}
    assert Leerling.objects.get(bsn="111222333").tussenvoegsel == "de"
    assert all(r["bsn"] in (True, False) for r in imp.regels)  # BSNs are not kept after the import


def test_confirming_twice_changes_nothing_the_second_time(personas):
    imp = import_voorbereiden(door=personas.alice, school=personas.school_a, bestand=_csv(GOED))
    import_bevestigen(door=personas.alice, leerlingimport=imp)
    import_bevestigen(door=personas.alice, leerlingimport=imp)
    assert Leerling.objects.count() == 3


def test_a_re_import_does_not_duplicate_and_reports_updates(personas):
    import_bevestigen(
        door=personas.alice,
        leerlingimport=import_voorbereiden(door=personas.alice, school=personas.school_a, bestand=_csv(GOED)),
    )
    gewijzigd = GOED.replace("Daan;van;Dijk;03-11-2015;;6", "Daan;van;Dijk;03-11-2015;;7")
    imp = import_voorbereiden(door=personas.alice, school=personas.school_a, bestand=_csv(gewijzigd))
    assert [r["actie"] for r in imp.regels] == [Importactie.ONGEWIJZIGD, Importactie.ONGEWIJZIGD, Importactie.BIJWERKEN]
    assert imp.regels[2]["wijzigingen"] == ["groep"]
    import_bevestigen(door=personas.alice, leerlingimport=imp)
    assert Leerling.objects.count() == 3
    assert Inschrijving.objects.get(leerling__voornaam="Daan").groep == 7


def test_a_bsn_added_later_matches_on_name_and_birth_date(personas):
    LeerlingFactory(
        school=personas.school_a,
        voornaam="Sem",
        tussenvoegsel="de",
        achternaam="Vries",
        geboortedatum=date(2016, 5, 14),
    )
    imp = import_voorbereiden(door=personas.alice, school=personas.school_a, bestand=_csv(GOED))
    assert imp.regels[0]["actie"] == Importactie.BIJWERKEN
    assert "BSN toegevoegd" in imp.regels[0]["wijzigingen"]
    import_bevestigen(door=personas.alice, leerlingimport=imp)
    assert Leerling.objects.filter(voornaam="Sem").count() == 1
    assert Leerling.objects.get(voornaam="Sem").bsn == "111222333"


def test_a_file_with_errors_gives_row_messages_and_imports_nothing(personas):
    imp = import_voorbereiden(door=personas.alice, school=personas.school_a, bestand=_csv(FOUT))
    redenen = {r["regel"]: (r["actie"], r["reden"]) for r in imp.regels}
    assert redenen[2] == (Importactie.AFGEWEZEN, "BSN ongeldig (voldoet niet aan de 11-proef)")
    assert redenen[3] == (Importactie.AFGEWEZEN, "voornaam ontbreekt")
    assert (
        redenen[4][1] == "geboortedatum ontbreekt of is geen datum (gebruik dd-mm-jjjj); groep moet 1 tot en met 8 zijn"
    )
    assert redenen[5][0] == Importactie.NIEUW
    assert redenen[6] == (Importactie.AFGEWEZEN, "zelfde leerling als regel 5")
    with pytest.raises(DossierFout, match="niets geïmporteerd"):
        import_bevestigen(door=personas.alice, leerlingimport=imp)
    assert not Leerling.objects.exists()


def test_a_pupil_enrolled_at_another_school_is_rejected_by_bsn(personas):
    LeerlingFactory(school=personas.school_b, bsn="111222333")
    imp = import_voorbereiden(door=personas.alice, school=personas.school_a, bestand=_csv(GOED))
    assert imp.regels[0]["actie"] == Importactie.AFGEWEZEN
    assert "overstap" in imp.regels[0]["reden"]


def test_a_file_without_the_required_columns_is_refused(personas):
    with pytest.raises(DossierFout, match="geboortedatum"):
        import_voorbereiden(door=personas.alice, school=personas.school_a, bestand=_csv("naam;groep\nSem;5\n"))
    assert not Leerlingimport.objects.exists()


def test_an_excel_export_is_read_too(personas):
    bestand = _xlsx(
        [["Voornaam", "Achternaam", "Geboortedatum", "BSN", "Groep"], ["Sem", "Vries", date(2016, 5, 14), 111222333, 5]]
    )
    imp = import_voorbereiden(door=personas.alice, school=personas.school_a, bestand=bestand)
    regel = imp.regels[0]
    assert (regel["actie"], regel["bsn"], regel["geboortedatum"], regel["groep"]) == (
        Importactie.NIEUW,
        "111222333",
        "2016-05-14",
        5,
    )


def test_a_disguised_file_is_refused(personas):
    nep = SimpleUploadedFile("export.csv", b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    with pytest.raises(DossierFout, match="inhoud is PNG"):
        import_voorbereiden(door=personas.alice, school=personas.school_a, bestand=nep)


def test_only_the_ib_er_of_the_school_imports(personas):
    with pytest.raises(DossierFout):
        import_voorbereiden(door=personas.bob, school=personas.school_a, bestand=_csv(GOED))
    with pytest.raises(DossierFout):
        import_voorbereiden(door=personas.dora, school=personas.school_a, bestand=_csv(GOED))


def test_cancelling_discards_the_rows(personas):
    imp = import_voorbereiden(door=personas.alice, school=personas.school_a, bestand=_csv(GOED))
    imp = import_annuleren(door=personas.alice, leerlingimport=imp)
    assert imp.regels == [] and imp.status == ImportStatus.GEANNULEERD
    with pytest.raises(DossierFout, match="geannuleerd"):
        import_bevestigen(door=personas.alice, leerlingimport=imp)


def test_the_preview_page_is_for_the_uploader_school_only(client, personas):
    imp = import_voorbereiden(door=personas.alice, school=personas.school_a, bestand=_csv(GOED))
    url = reverse("leerlingen:import_detail", args=[imp.uuid])
    client.force_login(personas.bob)
    assert client.get(url).status_code == 404
    client.force_login(personas.alice)
    pagina = client.get(url).content.decode()
    assert "Import bevestigen" in pagina and "111222333" not in pagina


def test_the_import_journey_through_the_views(client, personas):
    client.force_login(personas.alice)
    response = client.post(reverse("leerlingen:import_nieuw"), {"school": personas.school_a.pk, "bestand": _csv(GOED)})
    imp = Leerlingimport.objects.get()
    assert response.url == reverse("leerlingen:import_detail", args=[imp.uuid])
    client.post(response.url, {"bevestigen": "1"})
    assert Leerling.objects.count() == 3
