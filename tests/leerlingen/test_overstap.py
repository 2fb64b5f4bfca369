"""School transfer: enrolment history, the dossier moves, the old school's read access is a setting."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from leerlingen.models import MDO, Dossier, Inschrijving, Leerling, Signaal
from leerlingen.services import dossier as dossier_services
from leerlingen.services.fouten import DossierFout
from leerlingen.services.overstap import leerling_overplaatsen, leerling_registreren
from tests.leerlingen.factories import LeerlingFactory
from tests.leerlingen.factories_dossier import MDOFactory, SignaalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier(personas):
    leerling = LeerlingFactory(school=personas.school_a)
    dossier = dossier_services.dossier_openen(door=personas.alice, leerling=leerling)
    dossier.geopend_op = date(2024, 9, 1)
    dossier.save()
    return dossier


def _overstap(personas, dossier, **kw):
    return leerling_overplaatsen(
        door=personas.alice,
        leerling=dossier.leerling,
        naar_school=personas.school_b,
        datum=timezone.localdate(),
        groep=6,
        **kw,
    )


def test_a_transfer_ends_the_enrolment_starts_a_new_one_and_moves_the_dossier(personas, dossier):
    overstap = _overstap(personas, dossier)
    leerling = dossier.leerling
    assert Inschrijving.objects.filter(leerling=leerling).actief_op().get().school == personas.school_b
    assert Inschrijving.objects.get(leerling=leerling, school=personas.school_a).einddatum == timezone.localdate()
    dossier.refresh_from_db()
    assert dossier.school == personas.school_b
    assert overstap.leesrecht_tot == timezone.localdate() + timedelta(days=90)


def test_the_new_school_sees_the_dossier_only_after_the_recorded_transfer(personas, dossier):
    # Enrolled at B without a recorded transfer (e.g. by an import): B does not see A's dossier.
    inschrijving = Inschrijving.objects.get(leerling=dossier.leerling)
    inschrijving.einddatum = timezone.localdate()
    inschrijving.save()
    Inschrijving.objects.create(leerling=dossier.leerling, school=personas.school_b, begindatum=timezone.localdate())
    assert Leerling.objects.visible_to(personas.bob).filter(pk=dossier.leerling_id).exists()
    assert not Dossier.objects.visible_to(personas.bob).filter(pk=dossier.pk).exists()


def test_after_the_transfer_the_new_school_may_work_in_the_dossier(personas, dossier):
    _overstap(personas, dossier)
    assert Dossier.objects.visible_to(personas.bob, "change").filter(pk=dossier.pk).exists()
    assert not Dossier.objects.visible_to(personas.alice, "change").filter(pk=dossier.pk).exists()


def test_the_old_school_reads_only_what_it_wrote_during_the_period(personas, dossier, client):
    eigen = SignaalFactory(dossier=dossier, school=personas.school_a)
    _overstap(personas, dossier)
    nieuw = SignaalFactory(dossier=dossier, school=personas.school_b)
    mdo_b = MDOFactory(dossier=dossier, school=personas.school_b)
    zichtbaar = set(Signaal.objects.visible_to(personas.alice).filter(dossier=dossier))
    assert zichtbaar == {eigen}
    assert not MDO.objects.visible_to(personas.alice).filter(pk=mdo_b.pk).exists()
    assert Dossier.objects.visible_to(personas.alice).filter(pk=dossier.pk).exists()
    assert not Dossier.objects.volledig_zichtbaar(personas.alice).filter(pk=dossier.pk).exists()
    assert nieuw in Signaal.objects.visible_to(personas.bob)
    client.force_login(personas.alice)
    pagina = client.get(reverse("leerlingen:dossier_detail", args=[dossier.uuid])).content.decode()
    assert "U ziet alleen wat uw school in dit dossier schreef" in pagina
    assert eigen.omschrijving in pagina
    assert client.get(reverse("leerlingen:mdo_detail", args=[mdo_b.uuid])).status_code == 404
    # The consulent of A (not of B) follows the school, not the pupil: only A's own items.
    assert set(Signaal.objects.visible_to(personas.charlie).filter(dossier=dossier)) == {eigen}


def test_the_old_school_loses_access_when_the_period_ends(personas, dossier):
    _overstap(personas, dossier)
    with time_machine.travel(timezone.now() + timedelta(days=91), tick=False):
        assert not Dossier.objects.visible_to(personas.alice).filter(pk=dossier.pk).exists()
        assert not Signaal.objects.visible_to(personas.alice).exists()


def test_the_setting_none_means_no_access_at_all(personas, dossier, settings):
    settings.SWV_OVERSTAP_LEESRECHT_DAGEN = None
    overstap = _overstap(personas, dossier)
    assert overstap.leesrecht_tot is None
    assert not Dossier.objects.visible_to(personas.alice).filter(pk=dossier.pk).exists()


def test_a_transfer_is_recorded_by_the_ib_er_of_the_current_school_only(personas, dossier):
    for persona in ("bob", "dora", "charlie"):
        with pytest.raises(DossierFout):
            leerling_overplaatsen(
                door=getattr(personas, persona),
                leerling=dossier.leerling,
                naar_school=personas.school_b,
                datum=timezone.localdate(),
            )


def test_a_transfer_to_the_same_school_or_ahead_is_refused(personas, dossier):
    with pytest.raises(DossierFout, match="al ingeschreven"):
        leerling_overplaatsen(
            door=personas.alice, leerling=dossier.leerling, naar_school=personas.school_a, datum=timezone.localdate()
        )
    with pytest.raises(DossierFout, match="niet vooraf"):
        leerling_overplaatsen(
            door=personas.alice,
            leerling=dossier.leerling,
            naar_school=personas.school_b,
            datum=timezone.localdate() + timedelta(days=3),
        )


def test_the_transfer_shows_on_the_timeline(personas, dossier):
    from leerlingen.tijdlijn import tijdlijn

    _overstap(personas, dossier)
    soorten = [i.soort for i in tijdlijn(dossier.leerling, personas.bob)]
    assert "overstap" in soorten and "inschrijving" in soorten


def test_registering_a_pupil_validates_and_refuses_duplicates(personas):
    leerling = leerling_registreren(
        door=personas.alice,
        school=personas.school_a,
        voornaam="Noor",
        achternaam="Bakker",
        geboortedatum=date(2016, 3, 1),
        bsn="111222333",
        groep=4,
    )
    assert Inschrijving.objects.get(leerling=leerling).groep == 4
    with pytest.raises(DossierFout, match="BSN"):
        leerling_registreren(
            door=personas.alice,
            school=personas.school_a,
            voornaam="X",
            achternaam="Y",
            geboortedatum=date(2016, 3, 1),
            bsn="111222333",
        )
    with pytest.raises(DossierFout, match="naam en geboortedatum"):
        leerling_registreren(
            door=personas.alice,
            school=personas.school_a,
            voornaam="noor",
            achternaam="bakker",
            geboortedatum=date(2016, 3, 1),
        )
    with pytest.raises(DossierFout, match="11-proef"):
        leerling_registreren(
            door=personas.alice,
            school=personas.school_a,
            voornaam="A",
            achternaam="B",
            geboortedatum=date(2016, 3, 1),
            bsn="123456789",
        )
    with pytest.raises(DossierFout, match="ib-er"):
        leerling_registreren(
            door=personas.bob, school=personas.school_a, voornaam="A", achternaam="B", geboortedatum=date(2016, 3, 1)
        )
