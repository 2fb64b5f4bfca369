"""OSO intake: the example dossiers (fictitious pupil, Leiden school 04PN00) through the one service."""

from __future__ import annotations

import base64
import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import models
from django.urls import reverse

from leerlingen.models import Document, Inschrijving, Leerling, OsoOntvangst, OsoVerzorger, Overstap
from leerlingen.models.oso import OsoStatus
from leerlingen.oso.service import OsoImportFout, oso_annuleren, oso_bevestigen, oso_ontvangen
from leerlingen.oso.xsd import oso_schema
from swv.models import Toegangslog
from tests.leerlingen.factories import LeerlingFactory

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent.parent / "data" / "oso"
VOL = (DATA / "oso_PaO_POSWV_full.xml").read_bytes()
OPT_UIT = (DATA / "oso_PaO_POSWV_opt_out.xml").read_bytes()
POPO = (DATA / "oso_OV_POPO_full.xml").read_bytes()
BSN = "297816238"


def _upload(inhoud: bytes, naam: str = "dossier.xml") -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, inhoud, content_type="application/xml")


@pytest.fixture
def p(personas):
    personas.school_a.brin, personas.school_a.vestigingscode = "04PN", "04PN00"
    personas.school_a.save()
    return personas


def _niets_geschreven():
    assert not OsoOntvangst.objects.exists()
    assert not Leerling.objects.exists()
    assert not OsoVerzorger.objects.exists()
    assert not Document.objects.exists()


def _alle_teksten() -> str:
    """Every text and JSON column of every row the import may write."""
    delen = []
    for model in (Leerling, Inschrijving, OsoOntvangst, OsoVerzorger, Document, Overstap, Toegangslog):
        for rij in model.objects.all():
            for veld in rij._meta.concrete_fields:
                if isinstance(veld, (models.CharField, models.TextField, models.JSONField)):
                    delen.append(str(getattr(rij, veld.attname)))
    return "\n".join(delen)


def test_the_oso_schema_loads_and_accepts_the_examples():
    from leerlingen.oso.xsd import lees_xml

    for naam in ("oso_PaO_POSWV_full.xml", "oso_PaO_POSWV_opt_out.xml", "oso_OV_POPO_full.xml"):
        with open(DATA / naam, "rb") as f:
            oso_schema().valideer(lees_xml(f))


def test_full_poswv_dossier_preview_writes_no_pupil_data(p):
    ontvangst = oso_ontvangen(door=p.alice, bestand=_upload(VOL))
    g = ontvangst.gegevens
    assert ontvangst.status == OsoStatus.ONTVANGEN and ontvangst.school == p.school_a
    assert g["leerling"]["voornaam"] == "Sem" and g["leerling"]["achternaam"] == "Oosterhout"
    assert g["inzage"]["akkoord"] == "Nee" and g["inzage"]["reden_niet_akkoord"]
    assert len(g["verzorgers"]) >= 2 and any(v["gezag"] for v in g["verzorgers"])
    assert g["schoolloopbaan"] and g["ondersteuning"]["diagnoses"] and g["ondersteuning"]["tlv"]
    assert g["toetsen"] and g["verzuim"]
    ok = {b["bestandsnaam"] for b in g["bijlagen"] if b["ok"]}
    assert {"opp.docx", "drem8.jpg", "diagram.png"} <= ok
    assert not any(b["ok"] for b in g["bijlagen"] if b["bestandsnaam"].endswith(".txt"))
    assert not Leerling.objects.exists() and not Document.objects.exists()


def test_confirm_writes_pupil_parents_documents_and_logs_once(p):
    ontvangst = oso_ontvangen(door=p.alice, bestand=_upload(VOL))
    ontvangst = oso_bevestigen(door=p.alice, ontvangst=ontvangst)
    leerling = ontvangst.leerling
    assert (leerling.voornaam, leerling.achternaam, leerling.geboortedatum) == ("Sem", "Oosterhout", date(2016, 3, 17))
    assert leerling.bsn == ""
    assert Inschrijving.objects.get(leerling=leerling).school == p.school_a
    assert OsoVerzorger.objects.filter(leerling=leerling, gezag=True).exists()
    assert ontvangst.documenten.count() == 3
    log = Toegangslog.objects.get(gebeurtenis="oso_ontvangen")
    assert log.leerling_uuid == leerling.uuid and "cat_onderwijsondersteuning" in log.categorieen
    # The same confirm again and the same file again change nothing.
    oso_bevestigen(door=p.alice, ontvangst=ontvangst)
    again = oso_ontvangen(door=p.alice, bestand=_upload(VOL))
    assert again.pk == ontvangst.pk and again.status == OsoStatus.BEVESTIGD
    assert (Leerling.objects.count(), OsoVerzorger.objects.count(), Document.objects.count()) == (
        1,
        OsoVerzorger.objects.count(),
        3,
    )
    assert Toegangslog.objects.filter(gebeurtenis="oso_ontvangen").count() == 1


def test_existing_pupil_is_matched_by_name_and_birth_date_never_by_bsn(p):
    bestaand = LeerlingFactory(
        voornaam="Sem", tussenvoegsel="van de", achternaam="Oosterhout", geboortedatum=date(2016, 3, 17)
    )
    Inschrijving.objects.create(leerling=bestaand, school=p.school_a, begindatum=date(2022, 8, 1))
    ontvangst = oso_ontvangen(door=p.alice, bestand=_upload(VOL))
    assert ontvangst.gegevens["match"] == str(bestaand.uuid)
    assert oso_bevestigen(door=p.alice, ontvangst=ontvangst).leerling == bestaand
    assert Leerling.objects.count() == 1


def test_opt_out_categories_are_absent(p):
    ontvangst = oso_bevestigen(door=p.alice, ontvangst=oso_ontvangen(door=p.alice, bestand=_upload(OPT_UIT)))
    g = ontvangst.gegevens
    assert {"cat_ouderinzage", "cat_verzuim", "cat_toetsresultaten", "cat_bijlagedocs"} <= set(g["geweigerd"])
    assert g["inzage"] is None and g["verzuim"] is None and g["toetsen"] == [] and g["bijlagen"] == []
    assert g["overstapadvies"] is None
    assert not Document.objects.exists()
    assert "cat_verzuim" not in Toegangslog.objects.get(gebeurtenis="oso_ontvangen").categorieen


def test_an_opted_out_category_present_anyway_is_not_imported(p):
    # Mark the toetsresultaten of the full file as OPT-UIT: the file still carries them.
    inhoud = VOL.replace(b"<cat_toetsresultaten>OPTIONEEL<", b"<cat_toetsresultaten>OPT-UIT<")
    g = oso_ontvangen(door=p.alice, bestand=_upload(inhoud)).gegevens
    assert g["toetsen"] == [] and "cat_toetsresultaten" in g["genegeerd"]
    assert "drem8.jpg" not in {b["bestandsnaam"] for b in g["bijlagen"]}


def test_no_bsn_is_stored_from_a_dossier(p):
    # The POSWV profile forbids a BSN; a file that has one anyway is received without it.
    inhoud = VOL.replace(b"<leerlingid>", f"<bsn>{BSN}</bsn><leerlingid>".encode(), 1)
    oso_schema()  # the BSN element is allowed by the schema itself
    ontvangst = oso_ontvangen(door=p.alice, bestand=_upload(inhoud))
    assert ontvangst.gegevens["bsn_weggelaten"] is True
    oso_bevestigen(door=p.alice, ontvangst=ontvangst)
    assert BSN not in _alle_teksten()
    with ontvangst.bestand.open("rb") as f:
        assert BSN.encode() not in f.read()


@pytest.mark.parametrize(
    "inhoud, melding",
    [
        (VOL[:6000], "Regel"),  # corrupted: cut off
        (VOL.replace(b"<inzagedatum>2016-03-31", b"<inzagedatum>31-03-2016"), "<inzagedatum>"),
        (
            VOL.replace(b"<roepnaam>Sem</roepnaam>", b"<roepnaam>Sem</roepnaam><schoenmaat>32</schoenmaat>"),
            "<schoenmaat>",
        ),
        (b'<?xml version="1.0"?><dossier xmlns="urn:iets-anders"/>', "OSO"),
        (b"<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>", "DOCTYPE"),
        (b"%PDF-1.4 not xml", "XML"),
    ],
)
def test_broken_or_invalid_files_are_refused_with_nothing_written(p, inhoud, melding):
    with pytest.raises(OsoImportFout) as fout:
        oso_ontvangen(door=p.alice, bestand=_upload(inhoud))
    assert melding in str(fout.value.berichten)
    _niets_geschreven()


def test_schema_error_names_element_and_line(p):
    inhoud = VOL.replace(b"<inzagedatum>2016-03-31", b"<inzagedatum>31-03-2016")
    with pytest.raises(OsoImportFout) as fout:
        oso_ontvangen(door=p.alice, bestand=_upload(inhoud))
    regel = VOL[: VOL.index(b"<inzagedatum>")].count(b"\n") + 1
    assert f"Regel {regel}:" in fout.value.berichten[0] and "<inzagedatum>" in fout.value.berichten[0]


def test_school_outside_scope_or_outside_the_swv_is_refused(p, settings):
    with pytest.raises(OsoImportFout):
        oso_ontvangen(door=p.bob, bestand=_upload(VOL))  # school A's dossier, bob is ib-er of B
    with pytest.raises(OsoImportFout):
        oso_ontvangen(door=p.alice, bestand=_upload(VOL.replace(b"<brincode>04PN<", b"<brincode>99ZZ<")))
    settings.OSO_MAX_BYTES = 1000
    with pytest.raises(OsoImportFout) as fout:
        oso_ontvangen(door=p.alice, bestand=_upload(VOL))
    assert "too large" in fout.value.berichten[0] or "te groot" in fout.value.berichten[0]
    _niets_geschreven()


def test_cancel_removes_the_preview_and_its_xml(p):
    ontvangst = oso_ontvangen(door=p.alice, bestand=_upload(VOL))
    naam = ontvangst.bestand.name
    assert ontvangst.bestand.storage.exists(naam)
    oso_annuleren(door=p.alice, ontvangst=ontvangst)
    assert not OsoOntvangst.objects.exists() and not ontvangst.bestand.storage.exists(naam)


def test_popo_transfer_records_the_overstap_and_gives_the_new_school_access(p):
    leerling = LeerlingFactory(
        voornaam="Sem", tussenvoegsel="van de", achternaam="Oosterhout", geboortedatum=date(2016, 3, 17)
    )
    Inschrijving.objects.create(leerling=leerling, school=p.school_a, begindatum=date(2022, 8, 1))
    assert not Leerling.objects.visible_to(p.bob).filter(pk=leerling.pk).exists()
    ontvangst = oso_ontvangen(door=p.bob, bestand=_upload(POPO), school=p.school_b)
    assert ontvangst.gegevens["match"] == str(leerling.uuid)
    ontvangst = oso_bevestigen(door=p.bob, ontvangst=ontvangst)
    overstap = Overstap.objects.get(leerling=leerling)
    assert (overstap.van_school, overstap.naar_school, ontvangst.overstap) == (p.school_a, p.school_b, overstap)
    assert Leerling.objects.visible_to(p.bob).filter(pk=leerling.pk).exists()
    assert BSN not in _alle_teksten()


def groot_dossier(megabytes_per_bijlage: float = 7.5) -> bytes:
    """The full dossier with two attachments (drem8.jpg, diagram.png) of several MB each: over 20 MB."""
    inhoud = VOL
    for naam in (b"drem8.jpg", b"diagram.png"):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
            kop = b"\xff\xd8\xff\xe0" if naam.endswith(b"jpg") else b"\x89PNG\r\n\x1a\n"
            z.writestr(naam.decode(), kop + bytes(range(256)) * int(megabytes_per_bijlage * 4096))
        b64 = base64.encodebytes(buf.getvalue())  # 76-character lines, as packages write it
        plek = inhoud.index(b"<bestandsnaam>" + naam)
        begin = inhoud.index(b"<bestandsinhoud>", plek) + len(b"<bestandsinhoud>")
        einde = inhoud.index(b"</bestandsinhoud>", begin)
        inhoud = inhoud[:begin] + b64 + inhoud[einde:]
    return inhoud


def test_big_dossier_of_20_mb_streams_and_imports(p):
    inhoud = groot_dossier()
    assert len(inhoud) > 20 * 1024 * 1024
    ontvangst = oso_bevestigen(door=p.alice, ontvangst=oso_ontvangen(door=p.alice, bestand=_upload(inhoud)))
    groot = list(ontvangst.documenten.filter(grootte__gt=7 * 1024 * 1024).values_list("extensie", flat=True))
    assert sorted(groot) == ["jpg", "png"]


def test_management_command_calls_the_same_service(p, tmp_path):
    pad = tmp_path / "dossier.xml"
    pad.write_bytes(VOL)
    uit = io.StringIO()
    call_command("oso_import", str(pad), "--school", "04PN00", stdout=uit)
    assert OsoOntvangst.objects.get().status == OsoStatus.BEVESTIGD
    call_command("oso_import", str(pad), "--school", "04PN00", stdout=uit)
    assert Leerling.objects.count() == 1


def test_pages_are_scoped_404_outside_and_flow_upload_preview_confirm(p, client):
    client.force_login(p.alice)
    antwoord = client.post(reverse("leerlingen:oso_nieuw"), {"school": p.school_a.pk, "bestand": _upload(VOL)})
    assert antwoord.status_code == 302
    ontvangst = OsoOntvangst.objects.get()
    url = reverse("leerlingen:oso_detail", args=[ontvangst.uuid])
    assert client.get(url).status_code == 200
    for ander in (p.bob, p.lotte, p.dirk, p.tim, p.beheer):
        client.force_login(ander)
        assert client.get(url).status_code == 404
        assert client.post(url, {"bevestigen": "1"}).status_code == 404
    assert client.get(reverse("leerlingen:oso_nieuw")).status_code == 404  # beheerder has no ib-er role
    client.force_login(p.alice)
    antwoord = client.post(url, {"bevestigen": "1"})
    assert antwoord.status_code == 302
    ontvangst.refresh_from_db()
    assert ontvangst.status == OsoStatus.BEVESTIGD
    pagina = client.get(url).content.decode()
    assert reverse("tlv:nieuw") + f"?leerling={ontvangst.leerling.uuid}" in pagina
    fout = client.post(reverse("leerlingen:oso_nieuw"), {"school": p.school_a.pk, "bestand": _upload(VOL[:5000])})
    assert fout.status_code == 422


@pytest.mark.django_db(transaction=True)
def test_two_confirms_and_two_uploads_at_once_write_once(p):
    from tests.gelijktijdig import allemaal_gelukt, gelijktijdig

    rijen = allemaal_gelukt(
        gelijktijdig(
            lambda: oso_ontvangen(door=p.alice, bestand=_upload(VOL)),
            lambda: oso_ontvangen(door=p.alice, bestand=_upload(VOL)),
        )
    )
    assert rijen[0].pk == rijen[1].pk and OsoOntvangst.objects.count() == 1
    ontvangst = rijen[0]
    allemaal_gelukt(
        gelijktijdig(
            lambda: oso_bevestigen(door=p.alice, ontvangst=OsoOntvangst.objects.get(pk=ontvangst.pk)),
            lambda: oso_bevestigen(door=p.alice, ontvangst=OsoOntvangst.objects.get(pk=ontvangst.pk)),
        )
    )
    assert Leerling.objects.count() == 1 and Document.objects.count() == 3
    assert Toegangslog.objects.filter(gebeurtenis="oso_ontvangen").count() == 1


def test_upload_page_lists_recent_dossiers_in_bounded_queries(p, client, django_assert_max_num_queries):
    for i in range(5):
        oso_ontvangen(
            door=p.alice, bestand=_upload(VOL.replace(b"<pakketversie>1<", f"<pakketversie>{i + 2}<".encode()))
        )
    client.force_login(p.alice)
    with django_assert_max_num_queries(15):
        antwoord = client.get(reverse("leerlingen:oso_nieuw"))
    assert antwoord.status_code == 200
    assert antwoord.content.decode().count("/leerlingen/oso/") >= 5


def test_request_forms_are_prefilled_and_the_assessor_sees_the_inzage(p, client):
    from django.template import Context, Template

    ontvangst = oso_bevestigen(door=p.alice, ontvangst=oso_ontvangen(door=p.alice, bestand=_upload(VOL)))
    leerling = ontvangst.leerling
    client.force_login(p.alice)
    tlv = client.get(reverse("tlv:nieuw") + f"?leerling={leerling.uuid}").content.decode()
    assert f'value="{leerling.pk}" selected' in tlv
    assert client.get(reverse("tlv:nieuw") + f"?leerling={LeerlingFactory().uuid}").status_code == 404
    arr = client.get(reverse("arrangementen:aanvraag_nieuw", args=[leerling.uuid]) + f"?oso={ontvangst.uuid}")
    assert "Slechthorend en slechtziend" in arr.content.decode()
    html = Template("{% load oso %}{% oso_inzage leerling %}").render(Context({"leerling": leerling}))
    assert "Teveel zorggegevens in het dossier" in html


def test_demo_step_imports_the_example_for_school_a_once(personas):
    import random

    from leerlingen.oso.demo import demo_oso
    from swv.choices import Rol
    from swv.demo import DemoContext

    ctx = DemoContext(
        swv=personas.swv,
        gebruikers={Rol.IB_ER: personas.alice},
        school_a=personas.school_a,
        school_b=personas.school_b,
        rng=random.Random(1),
        vandaag=date.today(),
    )
    demo_oso(ctx)
    demo_oso(ctx)
    ontvangst = OsoOntvangst.objects.get()
    assert ontvangst.status == OsoStatus.BEVESTIGD and ontvangst.school == personas.school_a


def test_the_original_xml_goes_with_its_row(p):
    ontvangst = oso_bevestigen(door=p.alice, ontvangst=oso_ontvangen(door=p.alice, bestand=_upload(OPT_UIT)))
    naam, opslag = ontvangst.bestand.name, ontvangst.bestand.storage
    assert opslag.exists(naam)
    ontvangst.leerling.oso_ontvangsten.all().delete()  # what the pupil's deletion cascades to
    assert not opslag.exists(naam)


def test_once_imported_the_pupil_s_staff_read_the_dossier_and_it_is_logged(p, client):
    ontvangst = oso_bevestigen(door=p.alice, ontvangst=oso_ontvangen(door=p.alice, bestand=_upload(VOL)))
    url = reverse("leerlingen:oso_detail", args=[ontvangst.uuid])
    client.force_login(p.charlie)  # consulent of school A: reads, cannot confirm
    pagina = client.get(url)
    assert pagina.status_code == 200 and b"bevestigen" not in pagina.content
    assert client.post(url, {"bevestigen": "1"}).status_code == 404
    assert Toegangslog.objects.filter(gebeurtenis="leerling_bekeken", leerling_uuid=ontvangst.leerling.uuid).exists()
    client.force_login(p.bob)
    assert client.get(url).status_code == 404


def test_popo_for_an_unknown_pupil_registers_it_at_the_new_school_and_refuses_the_own_school(p):
    with pytest.raises(OsoImportFout):
        oso_ontvangen(door=p.alice, bestand=_upload(POPO), school=p.school_a)  # from and to the same school
    ontvangst = oso_bevestigen(
        door=p.bob, ontvangst=oso_ontvangen(door=p.bob, bestand=_upload(POPO), school=p.school_b)
    )
    assert ontvangst.overstap is None and not Overstap.objects.exists()
    assert Inschrijving.objects.get(leerling=ontvangst.leerling).school == p.school_b


def test_admin_has_no_oso_pages_for_the_beheerder(p, client):
    """An OSO row is pupil-bearing (it points to the pupil): like every such model it is not in
    admin at all (swv.leerlinggegevens; the rule of issue 13, one for every app)."""
    from django.contrib import admin
    from django.urls import NoReverseMatch

    from leerlingen.models import OsoOntvangst, OsoVerzorger

    oso_bevestigen(door=p.alice, ontvangst=oso_ontvangen(door=p.alice, bestand=_upload(VOL)))
    assert not admin.site.is_registered(OsoOntvangst) and not admin.site.is_registered(OsoVerzorger)
    with pytest.raises(NoReverseMatch):
        reverse("admin:leerlingen_osoontvangst_changelist")


def test_the_database_refuses_a_second_copy_and_a_confirmed_row_without_pupil(p):
    from django.utils import timezone

    from tests.beperkingen import schendt

    ontvangst = oso_ontvangen(door=p.alice, bestand=_upload(VOL))
    velden = {
        "school": ontvangst.school,
        "van_school": ontvangst.van_school,
        "profiel": ontvangst.profiel,
        "grootte": 1,
        "ontvangen_door": p.alice,
    }
    with schendt("oso_eenmaal_per_school"):
        OsoOntvangst.objects.create(sha256=ontvangst.sha256, **velden)
    with schendt("oso_bevestigd_met_leerling"):
        OsoOntvangst.objects.create(sha256="a" * 64, status=OsoStatus.BEVESTIGD, bevestigd_op=timezone.now(), **velden)
    with schendt("oso_sha256_formaat"):
        OsoOntvangst.objects.create(sha256="niet-hex", **velden)


def _documentbestanden(opslag) -> set[str]:
    if not opslag.exists("documenten"):
        return set()
    return {f"{j}/{f}" for j in opslag.listdir("documenten")[0] for f in opslag.listdir(f"documenten/{j}")[1]}


def test_a_failing_confirm_leaves_no_rows_and_no_attachment_files(p, monkeypatch):
    import leerlingen.oso.service as service

    ontvangst = oso_ontvangen(door=p.alice, bestand=_upload(VOL))
    opslag = ontvangst.bestand.storage
    voor = _documentbestanden(opslag)

    def kapot(**kwargs):
        raise RuntimeError("log down")

    monkeypatch.setattr(service, "log_oso_ontvangen", kapot)
    with pytest.raises(RuntimeError):
        oso_bevestigen(door=p.alice, ontvangst=ontvangst)
    assert not Leerling.objects.exists() and not Document.objects.exists()
    ontvangst.refresh_from_db()
    assert ontvangst.status == OsoStatus.ONTVANGEN
    assert _documentbestanden(opslag) == voor


# --- lxml parse and schema check (leerlingen/oso/xsd.py) -------------------------------------


def _xml_fout(inhoud: bytes):
    from leerlingen.oso.xsd import XmlFout, lees_xml

    with pytest.raises(XmlFout) as fout:
        oso_schema().valideer(lees_xml(io.BytesIO(inhoud)))
    return fout.value


@pytest.mark.parametrize(
    "oud, nieuw, bericht",
    [
        (b"<roepnaam>Sem</roepnaam>", b"<roepnaam>Sem</roepnaam>tekst", "Element <leerling> mag geen tekst bevatten."),
        (b"<roepnaam>Sem</roepnaam>", b"<roepnaam>Sem<x/></roepnaam>", "Element <roepnaam> mag geen andere elementen"),
        (b"<roepnaam>", b"<roepnaam foo='1'>", "Element <roepnaam> heeft een onbekend attribuut 'foo'."),
        (b"<medicijngebruik>", b"<medicijngebruik>x", "Element <medicijngebruik> heeft een ongeldige waarde: verwacht"),
        (
            b"<brincode>04PN</brincode>",
            b"<brincode>04pn</brincode>",
            "<brincode> heeft een ongeldige waarde: heeft niet",
        ),
        (b"<achternaam>Oosterhout</achternaam>", b"<achternaam></achternaam>", "ongeldige waarde: leeg of te kort."),
        (
            b"<roepnaam>Sem</roepnaam>",
            b"<roepnaam>Sem</roepnaam><x/>",
            "Element <x> is hier niet toegestaan (binnen <leerling>)",
        ),
    ],
)
def test_libxml2_errors_become_the_dutch_messages_with_element_and_line(oud, nieuw, bericht):
    inhoud = VOL.replace(oud, nieuw, 1)
    fout = _xml_fout(inhoud)
    assert bericht in fout.bericht
    # libxml2 names the line of the element's start tag (for <leerling>'s stray text: <leerling>'s line)
    plek = inhoud.index(b"<leerling>") if "<leerling> mag" in bericht else inhoud.index(nieuw)
    assert fout.regel == inhoud[:plek].count(b"\n") + 1


def test_missing_elements_and_a_foreign_root_are_named():
    ns = b"http://www.edustandaard.nl/oso_gegevensset/2019/dossier"
    fout = _xml_fout(b'<dossier xmlns="' + ns + b'"/>')
    assert fout.bericht == "Element <dossier> is onvolledig: er ontbreekt een verplicht element (<metadata>)."
    assert fout.regel == 1
    assert "Het hoofdelement <map> hoort niet bij het OSO-schema." == _xml_fout(b'<map xmlns="' + ns + b'"/>').bericht


@pytest.mark.parametrize(
    "inhoud",
    [
        b'<!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>',
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
        b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><x>&b;</x>',
    ],
)
def test_no_doctype_external_entity_or_entity_expansion_gets_through(inhoud):
    from leerlingen.oso.xsd import XmlFout, lees_xml

    with pytest.raises(XmlFout) as fout:
        lees_xml(io.BytesIO(inhoud))
    assert "DOCTYPE" in fout.value.bericht and "root:" not in fout.value.bericht and "aaaa" not in fout.value.bericht


def test_the_elements_read_like_before():
    from leerlingen.oso.xsd import lees_xml

    wortel = lees_xml(io.BytesIO(VOL))
    assert (wortel.naam, wortel.regel, wortel.waarde("metadata/overstap")) == ("dossier", 2, "POSWV")
    assert wortel.waarde("metadata/bestaat-niet", "-") == "-" and wortel.kind("bestaat-niet") is None
    leerling = wortel.kind("huidigeschool").kind("leerling")
    assert leerling.regel == VOL[: VOL.index(b"<leerling>")].count(b"\n") + 1
    assert [k.naam for k in leerling.kinderen][:1] and all(k.tekst == (k.text or "") for k in leerling.kinderen)


def test_two_validations_at_once_each_get_their_own_error():
    # The schema's error log lives on the one cached schema object: without the lock in
    # OsoSchema.valideer a thread now and then reads the other thread's error.
    from leerlingen.oso.xsd import XmlFout, lees_xml
    from tests.gelijktijdig import allemaal_gelukt, gelijktijdig

    datum = lees_xml(io.BytesIO(VOL.replace(b"<inzagedatum>2016-03-31", b"<inzagedatum>31-03-2016")))
    extra = lees_xml(
        io.BytesIO(VOL.replace(b"<roepnaam>Sem</roepnaam>", b"<roepnaam>Sem</roepnaam><schoenmaat>32</schoenmaat>"))
    )

    def berichten(wortel) -> set[str]:
        uit = set()
        for _ronde in range(300):
            try:
                oso_schema().valideer(wortel)
            except XmlFout as fout:
                uit.add(fout.bericht)
        return uit

    a, b = allemaal_gelukt(gelijktijdig(lambda: berichten(datum), lambda: berichten(extra)))
    assert len(a) == 1 and "<inzagedatum>" in a.pop()
    assert len(b) == 1 and "<schoenmaat>" in b.pop()
