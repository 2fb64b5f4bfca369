"""The accountability calendar: seed 001 as data, what is due this month and next, statuses,
and idempotent reminders by celery beat."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from kwaliteit.choices import MomentStatus
from kwaliteit.models import KalenderItem, KalenderMoment
from kwaliteit.selectors.kalender import kalender_overzicht
from kwaliteit.services.fouten import GelijktijdigeWijziging, KwaliteitFout
from kwaliteit.services.kalender import kalender_herinneringen_versturen, kalenderitem_opslaan, kalendermoment_bijwerken

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("kwaliteit_seed")]


def item(product: str) -> KalenderItem:
    return KalenderItem.objects.get(product__startswith=product)


def test_the_calendar_of_seed_001_is_there():
    assert KalenderItem.objects.count() == 15  # seed 001 (14) and the complaints overview (issue 17)
    t = item("Financiële rapportages")
    assert (t.maanden, t.eigenaar, t.portaal_product, t.herinneren_rol) == (
        [4, 9, 11],
        "DB / controller",
        "t_rapportage",
        "controller",
    )
    assert item("Risicolijst").maanden == [1, 5, 8, 11]


def test_a_product_due_every_four_years():
    osp = item("Ondersteuningsplan")
    assert osp.is_verwacht_in(2027, 1) and osp.is_verwacht_in(2031, 1)
    assert not osp.is_verwacht_in(2028, 1) and not osp.is_verwacht_in(2027, 2)


def test_what_is_due_this_month_and_next(personas):
    perioden = kalender_overzicht(personas.dirk, date(2026, 4, 10))
    april = {r["item"].product: r for r in perioden[0]["regels"]}
    mei = {r["item"].product for r in perioden[1]["regels"]}
    assert set(april) == {
        "Financiële rapportages (T-rapportages)",
        "Financieel jaarverslag en infographic",
        "Basisondersteuning: zelfevaluatie scholen (POS)",
    }
    assert mei == {"Financieel jaarverslag en infographic", "Risicolijst"}
    assert (
        april["Financieel jaarverslag en infographic"]["link"] == reverse("kwaliteit:verslagen") + "?soort=jaarverslag"
    )
    assert april["Financiële rapportages (T-rapportages)"]["link"] == reverse("financien:t_rapportages")
    assert all(r["status"] == MomentStatus.OPEN for r in april.values())


def test_december_is_followed_by_january(personas):
    perioden = kalender_overzicht(personas.dirk, date(2026, 12, 5))
    assert (perioden[1]["jaar"], perioden[1]["maand"]) == (2027, 1)
    assert "Ondersteuningsplan (OSP)" in {r["item"].product for r in perioden[1]["regels"]}


def test_setting_the_status_of_a_due_product(personas):
    t = item("Financiële rapportages")
    moment = kalendermoment_bijwerken(
        item=t, jaar=2026, maand=4, status=MomentStatus.GEREED, opmerking="Naar de RvT", versie=1, door=personas.bea
    )
    assert (moment.status, moment.versie, moment.bijgewerkt_door) == (MomentStatus.GEREED, 2, personas.bea)
    with pytest.raises(GelijktijdigeWijziging):
        kalendermoment_bijwerken(item=t, jaar=2026, maand=4, status=MomentStatus.OPEN, versie=1, door=personas.dirk)
    with pytest.raises(KwaliteitFout, match="niet in die maand"):
        kalendermoment_bijwerken(item=t, jaar=2026, maand=5, status=MomentStatus.GEREED, door=personas.bea)
    with pytest.raises(PermissionDenied):
        kalendermoment_bijwerken(item=t, jaar=2026, maand=4, status=MomentStatus.GEREED, door=personas.carla)


def test_editing_a_product_validates_months_and_interval(personas):
    t = item("Risicolijst")
    velden = {
        "product": "Risicolijst",
        "doelgroep": "DB",
        "eigenaar": "Beleid",
        "frequentie": "4x",
        "interval_jaren": 1,
    }
    with pytest.raises(KwaliteitFout, match="1 tot en met 12"):
        kalenderitem_opslaan(item=t, maanden=[13], door=personas.bea, **velden)
    with pytest.raises(KwaliteitFout, match="referentiejaar"):
        kalenderitem_opslaan(item=t, maanden=[5], door=personas.bea, **{**velden, "interval_jaren": 4})
    assert kalenderitem_opslaan(item=t, maanden=["11", 5], door=personas.bea, **velden).maanden == [5, 11]


@time_machine.travel(date(2026, 4, 10))
def test_reminders_go_once_to_the_owners_role_with_a_link_only(personas):
    verstuurd = kalender_herinneringen_versturen()
    # April: T-rapportage (controller), jaarverslag (DB), POS (bestuurder); May: risicolijst (beleid).
    assert verstuurd == 4 and len(mail.outbox) == 4
    ontvangers = sorted(m.to[0] for m in mail.outbox)
    assert ontvangers == ["bea@example.nl", "bert@example.nl", "carla@example.nl", "dirk@example.nl"]
    t_rapportage = next(m for m in mail.outbox if m.to == ["carla@example.nl"])
    assert "Financiële rapportages" in t_rapportage.subject and "april 2026" in t_rapportage.subject
    assert "/kwaliteit/kalender/" in t_rapportage.body
    # Running again sends nothing; the jaarverslag (April-May) is announced once, for April.
    assert kalender_herinneringen_versturen() == 0 and len(mail.outbox) == 4
    assert KalenderMoment.objects.filter(herinnering_verstuurd__isnull=False).count() == 4
    with time_machine.travel(date(2026, 5, 2)):
        # In May only June's products are new (the risicolijst was announced in April).
        assert kalender_herinneringen_versturen() == 2
        assert all("juni 2026" in m.subject for m in mail.outbox[4:])


@time_machine.travel(date(2026, 4, 10))
def test_no_reminder_for_a_product_that_is_done(personas):
    for product in ("Financiële rapportages", "Financieel jaarverslag", "Basisondersteuning", "Risicolijst"):
        t = item(product)
        for maand in (4, 5):
            if t.is_verwacht_in(2026, maand):
                kalendermoment_bijwerken(item=t, jaar=2026, maand=maand, status=MomentStatus.GEREED, door=personas.bea)
    assert kalender_herinneringen_versturen() == 0 and mail.outbox == []


def test_the_beat_schedule_runs_the_reminders_daily(settings):
    regel = settings.CELERY_BEAT_SCHEDULE["kwaliteit-kalender-herinneringen"]
    assert regel["task"] == "kwaliteit.tasks.kalender_herinneringen"
    from kwaliteit.tasks import kalender_herinneringen

    assert kalender_herinneringen.name == regel["task"]


@time_machine.travel(date(2026, 4, 10))
def test_the_calendar_page(client, personas):
    client.force_login(personas.bea)
    html = client.get(reverse("kwaliteit:kalender")).content.decode()
    assert "Deze maand (april 2026)" in html and "Volgende maand (mei 2026)" in html
    assert "Financieel jaarverslag en infographic maken" in html
    t = item("Financiële rapportages")
    response = client.post(
        reverse("kwaliteit:kalender_status", args=[t.uuid]),
        {"status": "in_voorbereiding", "opmerking": "Concept klaar", "jaar": 2026, "maand": 4, "versie": 1},
    )
    assert response.status_code == 302 and KalenderMoment.objects.get(item=t).status == "in_voorbereiding"
    client.force_login(personas.carla)
    html = client.get(reverse("kwaliteit:kalender")).content.decode()
    assert "in voorbereiding" in html and "<select" not in html.split("De hele kalender")[0].split("Deze maand")[1]
    assert client.post(reverse("kwaliteit:kalender_status", args=[t.uuid]), {}).status_code == 404


@pytest.mark.parametrize(
    "persona, status",
    [
        ("dirk", 200),
        ("bea", 200),
        ("carla", 200),
        ("tim", 200),
        ("anna", 200),
        ("bert", 404),
        ("olga", 404),
        ("alice", 404),
    ],
)
def test_who_sees_the_calendar(client, personas, persona, status):
    client.force_login(getattr(personas, persona))
    assert client.get(reverse("kwaliteit:kalender")).status_code == status
