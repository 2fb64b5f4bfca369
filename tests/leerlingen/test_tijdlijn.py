"""The pupil timeline: own sources, scoped per user, and open to other apps through the registry."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from leerlingen import tijdlijn as tijdlijn_module
from leerlingen.choices import Afsluitreden
from leerlingen.services import dossier as dossier_services
from leerlingen.tijdlijn import TijdlijnItem, registreer_tijdlijnbron, tijdlijn
from tests.leerlingen.factories import LeerlingFactory
from tests.leerlingen.factories_dossier import DocumentFactory, InstemmingFactory, MDOFactory, SignaalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier(personas):
    return dossier_services.dossier_openen(door=personas.alice, leerling=LeerlingFactory(school=personas.school_a))


def test_the_timeline_shows_every_kind_newest_first(personas, dossier):
    SignaalFactory(dossier=dossier, datum=timezone.localdate() - timedelta(days=30))
    MDOFactory(dossier=dossier, gehouden=True)
    MDOFactory(dossier=dossier, geannuleerd=True)
    InstemmingFactory(versie__dossier=dossier)
    DocumentFactory(dossier=dossier)
    dossier_services.dossier_afsluiten(door=personas.alice, dossier=dossier, reden=Afsluitreden.DOELEN_BEREIKT)
    items = tijdlijn(dossier.leerling, personas.alice)
    assert {i.soort for i in items} == {"inschrijving", "dossier", "signaal", "mdo", "opp", "document"}
    momenten = [i.moment for i in items]
    assert momenten == sorted(momenten, reverse=True)
    titels = [i.titel for i in items]
    assert "Dossier geopend" in titels and "Dossier afgesloten" in titels
    assert any(t.startswith("MDO gehouden – uitkomst: ") for t in titels)


def test_the_timeline_is_empty_for_someone_without_access(personas, dossier):
    SignaalFactory(dossier=dossier)
    assert tijdlijn(dossier.leerling, personas.bob) == []


def test_another_app_adds_its_events_without_changing_this_app(personas, dossier, monkeypatch):
    monkeypatch.setattr(tijdlijn_module, "_BRONNEN", list(tijdlijn_module._BRONNEN))

    @registreer_tijdlijnbron
    def arrangementen(leerling, user):
        yield TijdlijnItem(
            datum=date(2030, 1, 1), soort="arrangement", soort_label="Arrangement", titel="Toegekend", url="/x/"
        )

    registreer_tijdlijnbron(arrangementen)  # registering twice is a no-op
    items = tijdlijn(dossier.leerling, personas.alice)
    assert [i.titel for i in items if i.soort == "arrangement"] == ["Toegekend"]
    assert items[0].soort == "arrangement"  # 2030: the newest
    assert tijdlijn(dossier.leerling, personas.alice, soorten={"arrangement"})[0].url == "/x/"
