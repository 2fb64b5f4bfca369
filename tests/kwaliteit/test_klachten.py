"""Complaints of parents (issue 17, seed 002 Klachtenregeling): transitions with history, terms and
idempotent reminders, constraints, concurrency, exact 404s and the figures without names."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from kwaliteit.choices import KlachtOnderwerp, KlachtOordeel, KlachtStatus
from kwaliteit.kengetallen import Filters, get_kengetal
from kwaliteit.models import Klacht
from kwaliteit.services import klachten as s
from kwaliteit.services.fouten import KwaliteitFout, KwaliteitOngeldigeOvergang
from swv.fouten import GelijktijdigeWijziging
from swv.models import Melding
from tests.beperkingen import schendt
from tests.factories import GebruikerFactory
from tests.gelijktijdig import gelijktijdig

pytestmark = pytest.mark.django_db

VANDAAG = date(2026, 3, 2)


def registreer(door, *, ontvangen_op: date | None = None, onderwerp=KlachtOnderwerp.COMMUNICATIE, **extra) -> Klacht:
    return s.klacht_registreren(
        ontvangen_op=ontvangen_op or timezone.localdate(),
        onderwerp=onderwerp,
        omschrijving="De ouder is niet teruggebeld over de aanvraag.",
        indiener_naam="Mevrouw Jansen",
        door=door,
        **extra,
    )


def afgehandeld(p, **extra) -> Klacht:
    klacht = registreer(p.dirk, **extra)
    s.klacht_bevestigen(klacht=klacht, bevestigd_op=klacht.ontvangen_op, door=p.dirk)
    s.klacht_in_behandeling_nemen(klacht=klacht, door=p.dirk)
    return s.klacht_afhandelen(
        klacht=klacht,
        oordeel=KlachtOordeel.DEELS_GEGROND,
        afgehandeld_op=klacht.ontvangen_op,
        toelichting="Excuses aangeboden; de terugbelafspraak is vastgelegd.",
        lessen="Terugbellen binnen twee werkdagen.",
        door=p.dirk,
    )


# --- services and history ---


def test_a_complaint_runs_from_registration_to_closure_with_history(personas, settings):
    settings.KWALITEIT_KLACHT_BEVESTIGEN_DAGEN = 5
    settings.KWALITEIT_KLACHT_AFHANDELEN_DAGEN = 42
    klacht = registreer(personas.bea, ontvangen_op=VANDAAG)
    assert (klacht.status, klacht.bevestigen_voor, klacht.afhandelen_voor) == (
        KlachtStatus.ONTVANGEN,
        VANDAAG + timedelta(days=5),
        VANDAAG + timedelta(days=42),
    )
    s.klacht_bevestigen(klacht=klacht, bevestigd_op=VANDAAG, door=personas.dirk)
    s.klacht_in_behandeling_nemen(klacht=klacht, door=personas.dirk)
    s.klacht_derde_inschakelen(klacht=klacht, derde="vertrouwenspersoon", ingeschakeld_op=VANDAAG, door=personas.dirk)
    s.klacht_afhandelen(
        klacht=klacht,
        oordeel=KlachtOordeel.GEGROND,
        afgehandeld_op=VANDAAG + timedelta(days=20),
        toelichting="De klacht is terecht.",
        lessen="Ouders sneller informeren.",
        door=personas.dirk,
    )
    s.klacht_naar_lkc(klacht=klacht, lkc_op=VANDAAG + timedelta(days=30), door=personas.dirk)
    klacht.refresh_from_db()
    assert (klacht.status, klacht.behandelaar, klacht.derde, klacht.oordeel) == (
        KlachtStatus.BIJ_LKC,
        personas.dirk,
        "vertrouwenspersoon",
        KlachtOordeel.GEGROND,
    )
    assert [(h.van, h.naar, h.door) for h in klacht.statusovergangen.order_by("op", "pk")] == [
        ("", "ontvangen", personas.bea),
        ("ontvangen", "bevestigd", personas.dirk),
        ("bevestigd", "in_behandeling", personas.dirk),
        ("in_behandeling", "afgehandeld", personas.dirk),
        ("afgehandeld", "bij_lkc", personas.dirk),
    ]
    assert klacht.history.count() >= 5  # simple-history keeps every snapshot


def test_the_registration_notifies_the_directeur_without_names(personas):
    klacht = registreer(personas.bea)
    melding = Melding.objects.get(ontvanger=personas.dirk)
    assert melding.object_uuid == klacht.uuid and melding.soort == "kwaliteit.klacht"
    assert "Jansen" not in melding.titel


def test_illegal_steps_are_refused_with_a_dutch_message(personas):
    klacht = registreer(personas.dirk)
    with pytest.raises(KwaliteitOngeldigeOvergang):
        s.klacht_afhandelen(
            klacht=klacht, oordeel="gegrond", afgehandeld_op=klacht.ontvangen_op, toelichting="x", door=personas.dirk
        )
    with pytest.raises(KwaliteitOngeldigeOvergang):
        s.klacht_in_behandeling_nemen(klacht=klacht, door=personas.dirk)
    klacht = afgehandeld(personas)
    with pytest.raises(KwaliteitOngeldigeOvergang):
        s.klacht_intrekken(klacht=klacht, reden="ingetrokken", door=personas.dirk)


def test_invalid_input_is_refused_and_nothing_is_saved(personas):
    with pytest.raises(KwaliteitFout) as fout:
        s.klacht_registreren(
            ontvangen_op=timezone.localdate() + timedelta(days=1),
            onderwerp="onzin",
            omschrijving=" ",
            indiener_naam="",
            door=personas.dirk,
        )
    assert set(fout.value.velden) == {"ontvangen_op", "onderwerp", "omschrijving", "indiener_naam"}
    assert not Klacht.objects.exists()
    klacht = registreer(personas.dirk)
    s.klacht_bevestigen(klacht=klacht, bevestigd_op=klacht.ontvangen_op, door=personas.dirk)
    s.klacht_in_behandeling_nemen(klacht=klacht, door=personas.dirk)
    with pytest.raises(KwaliteitFout) as fout:
        s.klacht_afhandelen(
            klacht=klacht, oordeel="", afgehandeld_op=klacht.ontvangen_op, toelichting="", door=personas.dirk
        )
    assert set(fout.value.velden) == {"oordeel", "toelichting"}
    klacht.refresh_from_db()
    assert klacht.status == KlachtStatus.IN_BEHANDELING


def test_a_third_party_is_engaged_once(personas):
    klacht = registreer(personas.dirk)
    s.klacht_bevestigen(klacht=klacht, bevestigd_op=klacht.ontvangen_op, door=personas.dirk)
    s.klacht_in_behandeling_nemen(klacht=klacht, door=personas.dirk)
    s.klacht_derde_inschakelen(
        klacht=klacht, derde="onafhankelijk", ingeschakeld_op=klacht.ontvangen_op, door=personas.dirk
    )
    with pytest.raises(KwaliteitFout):
        s.klacht_derde_inschakelen(
            klacht=klacht, derde="vertrouwenspersoon", ingeschakeld_op=klacht.ontvangen_op, door=personas.dirk
        )


def test_only_handlers_act_and_a_parent_registers_only_their_own(personas):
    with pytest.raises(PermissionDenied):
        registreer(personas.alice)
    with pytest.raises(PermissionDenied):
        registreer(personas.olga)
    ouder = GebruikerFactory(email="ouder@example.nl")
    eigen = registreer(ouder, ouder=ouder)  # the parents' portal's call
    assert eigen.ouder == ouder and eigen.geregistreerd_door == ouder
    with pytest.raises(PermissionDenied):
        s.klacht_bevestigen(klacht=eigen, bevestigd_op=eigen.ontvangen_op, door=ouder)
    with pytest.raises(PermissionDenied):
        registreer(ouder, ouder=GebruikerFactory(email="andere@example.nl"))


def test_a_double_submit_registers_one_complaint(personas):
    sleutel = uuid.uuid4()
    eerste = registreer(personas.dirk, registratie_sleutel=sleutel)
    tweede = registreer(personas.dirk, registratie_sleutel=sleutel)
    assert eerste.pk == tweede.pk and Klacht.objects.count() == 1


def test_the_database_refuses_bad_states(personas):
    klacht = registreer(personas.dirk)
    qs = Klacht.objects.filter(pk=klacht.pk)
    with schendt("klacht_termijnen_na_ontvangst"):
        qs.update(afhandelen_voor=klacht.ontvangen_op - timedelta(days=1))
    with schendt("klacht_bevestigd_heeft_datum"):
        qs.update(status=KlachtStatus.BEVESTIGD)
    with schendt("klacht_afgehandeld_heeft_oordeel"):
        qs.update(status=KlachtStatus.AFGEHANDELD, bevestigd_op=klacht.ontvangen_op)
    with schendt("klacht_lkc_heeft_datum"):
        qs.update(status=KlachtStatus.BIJ_LKC)
    with schendt("klacht_derde_met_datum"):
        qs.update(derde="onafhankelijk")
    with schendt("klacht_status_geldig"):
        qs.update(status="zoek")


# --- reminders ---


def test_reminders_come_once_per_moment(personas, settings):
    settings.KWALITEIT_KLACHT_HERINNERING_DAGEN = (7,)
    with time_machine.travel(VANDAAG, tick=False):
        klacht = registreer(personas.bea)
        Melding.objects.all().delete()
    dag = VANDAAG + timedelta(days=10)  # acknowledgement term (5 days) passed
    assert s.klacht_herinneringen_versturen(vandaag=dag) == 1
    assert s.klacht_herinneringen_versturen(vandaag=dag) == 0  # beat ran twice: nothing twice
    assert Melding.objects.get().ontvanger == personas.dirk
    s.klacht_bevestigen(klacht=klacht, bevestigd_op=VANDAAG, door=personas.dirk)
    s.klacht_in_behandeling_nemen(klacht=klacht, door=personas.bea)
    Melding.objects.all().delete()
    assert s.klacht_herinneringen_versturen(vandaag=klacht.afhandelen_voor - timedelta(days=3)) == 1
    assert Melding.objects.get().ontvanger == personas.bea  # the handler, not the whole DB
    assert s.klacht_herinneringen_versturen(vandaag=klacht.afhandelen_voor - timedelta(days=1)) == 0
    assert s.klacht_herinneringen_versturen(vandaag=klacht.afhandelen_voor + timedelta(days=1)) == 1
    titels = list(Melding.objects.values_list("titel", flat=True))
    assert not any("Jansen" in t for t in titels)


def test_a_closed_complaint_gets_no_reminders(personas):
    klacht = afgehandeld(personas)
    Melding.objects.all().delete()
    assert s.klacht_herinneringen_versturen(vandaag=klacht.afhandelen_voor + timedelta(days=1)) == 0


# --- concurrency ---


@pytest.mark.django_db(transaction=True)
def test_closing_and_withdrawing_at_once_one_wins(personas):
    klacht = registreer(personas.dirk)
    s.klacht_bevestigen(klacht=klacht, bevestigd_op=klacht.ontvangen_op, door=personas.dirk)
    s.klacht_in_behandeling_nemen(klacht=klacht, door=personas.dirk)
    uitkomsten = gelijktijdig(
        lambda: s.klacht_afhandelen(
            klacht=Klacht.objects.get(pk=klacht.pk),
            oordeel="ongegrond",
            afgehandeld_op=klacht.ontvangen_op,
            toelichting="Niet terecht.",
            door=personas.dirk,
        ),
        lambda: s.klacht_intrekken(klacht=Klacht.objects.get(pk=klacht.pk), reden="Opgelost", door=personas.bea),
    )
    assert sum(u.gelukt for u in uitkomsten) == 1
    fout = next(u.fout for u in uitkomsten if not u.gelukt)
    assert isinstance(fout, KwaliteitOngeldigeOvergang | GelijktijdigeWijziging)
    assert klacht.statusovergangen.count() == 4


# --- views and scope ---


NIET_BEHANDELAARS = ["alice", "bob", "charlie", "lotte", "dora", "carla", "bert", "olga", "tim", "anna", "beheer"]


@pytest.mark.parametrize("persona", NIET_BEHANDELAARS)
def test_everyone_but_the_handlers_gets_404(client, personas, persona):
    klacht = registreer(personas.dirk)
    client.force_login(getattr(personas, persona))
    urls = [reverse("kwaliteit:klachten"), reverse("kwaliteit:klacht_nieuw")] + [
        reverse(f"kwaliteit:{naam}", kwargs={"uuid": klacht.uuid})
        for naam in ("klacht", "klacht_bevestigen", "klacht_behandelen", "klacht_afhandelen", "klacht_intrekken")
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("kwaliteit:klacht_bevestigen", kwargs={"uuid": klacht.uuid})).status_code == 404
    klacht.refresh_from_db()
    assert klacht.status == KlachtStatus.ONTVANGEN


def test_a_parent_sees_only_their_own_complaint(client, personas):
    ouder = GebruikerFactory(email="ouder@example.nl")
    eigen = registreer(personas.dirk, ouder=ouder)
    ander = registreer(personas.dirk)
    client.force_login(ouder)
    assert client.get(eigen.get_absolute_url()).status_code == 200
    assert client.get(ander.get_absolute_url()).status_code == 404
    assert client.get(reverse("kwaliteit:klachten")).status_code == 404
    assert client.get(reverse("kwaliteit:klacht_bevestigen", kwargs={"uuid": eigen.uuid})).status_code == 404


def test_the_handler_registers_and_handles_in_the_browser_forms(client, personas):
    client.force_login(personas.dirk)
    sleutel = str(uuid.uuid4())
    data = {
        "ontvangen_op": timezone.localdate().isoformat(),
        "onderwerp": "bejegening",
        "omschrijving": "Onvriendelijk telefoongesprek.",
        "indiener_naam": "Dhr. De Vries",
        "registratie_sleutel": sleutel,
    }
    antwoord = client.post(reverse("kwaliteit:klacht_nieuw"), data)
    assert antwoord.status_code == 302
    assert client.post(reverse("kwaliteit:klacht_nieuw"), data).status_code == 302  # double submit
    klacht = Klacht.objects.get()
    assert antwoord.url == klacht.get_absolute_url()
    assert client.post(reverse("kwaliteit:klacht_nieuw"), {**data, "omschrijving": ""}).status_code == 422
    url = reverse("kwaliteit:klacht_afhandelen", kwargs={"uuid": klacht.uuid})
    assert (
        client.post(url, {"oordeel": "gegrond", "afgehandeld_op": data["ontvangen_op"], "toelichting": "x"}).status_code
        == 422
    )  # not in handling
    client.post(
        reverse("kwaliteit:klacht_bevestigen", kwargs={"uuid": klacht.uuid}), {"bevestigd_op": data["ontvangen_op"]}
    )
    client.post(reverse("kwaliteit:klacht_behandelen", kwargs={"uuid": klacht.uuid}))
    assert (
        client.post(url, {"oordeel": "gegrond", "afgehandeld_op": data["ontvangen_op"], "toelichting": ""}).status_code
        == 422
    )
    assert (
        client.post(
            url, {"oordeel": "gegrond", "afgehandeld_op": data["ontvangen_op"], "toelichting": "Terecht."}
        ).status_code
        == 302
    )
    klacht.refresh_from_db()
    assert klacht.status == KlachtStatus.AFGEHANDELD
    pagina = client.get(klacht.get_absolute_url()).content.decode()
    assert "Dhr. De Vries" in pagina


def test_the_list_has_a_bounded_number_of_queries(client, personas, django_assert_max_num_queries):
    for _i in range(3):
        registreer(personas.dirk)
    client.force_login(personas.bea)
    with django_assert_max_num_queries(12) as klein:
        client.get(reverse("kwaliteit:klachten"))
    for _i in range(20):
        registreer(personas.dirk, school=personas.school_a)
    with django_assert_max_num_queries(len(klein.captured_queries)):
        antwoord = client.get(reverse("kwaliteit:klachten"))
    assert antwoord.status_code == 200
    assert "Jansen" not in antwoord.content.decode()  # the list names no parent


def test_the_list_pages_instead_of_cutting_off_and_keeps_the_filter(client, personas):
    for _i in range(51):
        registreer(personas.dirk)
    client.force_login(personas.bea)
    eerste = client.get(reverse("kwaliteit:klachten"), {"status": KlachtStatus.ONTVANGEN})
    assert len(eerste.context["klachten"]) == 50
    assert f"status={KlachtStatus.ONTVANGEN}&amp;pagina=2" in eerste.content.decode()
    tweede = client.get(reverse("kwaliteit:klachten"), {"status": KlachtStatus.ONTVANGEN, "pagina": 2})
    assert len(tweede.context["klachten"]) == 1


# --- figures without names ---


def test_the_key_figure_counts_without_names(personas):
    afgehandeld(personas)
    registreer(personas.dirk, onderwerp=KlachtOnderwerp.PRIVACY)
    jaar = timezone.localdate().year
    uitkomst = get_kengetal("klachten").bereken(personas.dirk, Filters.voor_kalenderjaar(jaar))
    assert uitkomst.indicator("ontvangen") == 2
    assert uitkomst.indicator("afgehandeld") == 1
    assert uitkomst.indicator("binnen_termijn_pct") == 100
    geen = get_kengetal("klachten").bereken(personas.alice, Filters.voor_kalenderjaar(jaar))
    assert geen.indicator("ontvangen") is None


def test_the_published_figures_hide_what_the_total_gives_away(personas):
    """7 complaints, 5 about communication and 2 about privacy: "7 received, 5 communication, < 5
    privacy" gives the 2 away, so the total or the sibling is hidden as well."""
    from kwaliteit.onderdrukking import cel, kc, onderdrukking_van
    from kwaliteit.presentatie import presenteer
    from tests.kwaliteit.aanvaller import aanval

    for _i in range(5):
        registreer(personas.dirk)
    for _i in range(2):
        registreer(personas.dirk, onderwerp=KlachtOnderwerp.PRIVACY)
    kengetal = get_kengetal("klachten")
    filters = Filters.voor_kalenderjaar(timezone.localdate().year)
    uitkomst = kengetal.bereken(personas.dirk, filters)
    onderwerpen = [waarde for waarde, _label in KlachtOnderwerp.choices]
    communicatie = cel(0, onderwerpen.index(KlachtOnderwerp.COMMUNICATIE), "aantal")
    privacy = cel(0, onderwerpen.index(KlachtOnderwerp.PRIVACY), "aantal")
    verborgen = onderdrukking_van(uitkomst)
    assert privacy in verborgen
    assert kc("ontvangen") in verborgen or communicatie in verborgen
    assert aanval(presenteer(kengetal, uitkomst, filters, onderdrukken=True)) == {}


def test_the_opr_sees_the_figures_with_small_numbers_suppressed(client, personas):
    for _i in range(2):
        registreer(personas.dirk)
    client.force_login(personas.olga)
    pagina = client.get(reverse("kwaliteit:klachten_cijfers"))
    assert pagina.status_code == 200
    tekst = pagina.content.decode()
    assert "&lt; 5" in tekst and "Jansen" not in tekst
    client.force_login(personas.alice)
    assert client.get(reverse("kwaliteit:klachten_cijfers")).status_code == 404


def test_the_calendar_item_links_to_the_figures(personas, kwaliteit_seed):
    from kwaliteit.models import KalenderItem
    from kwaliteit.selectors.kalender import generatiepagina

    item = KalenderItem.objects.get(portaal_product="klachten")
    assert generatiepagina(item.portaal_product) == reverse("kwaliteit:klachten_cijfers")


@pytest.mark.django_db(transaction=True)
def test_the_beat_task_notifies_through_a_real_worker_once(personas, celery_worker):
    from kwaliteit.tasks import klacht_herinneringen
    from tests.conftest import wacht_op
    from tests.leerlingen.test_zorgplicht import _worker_klaar

    vandaag = timezone.localdate()
    klacht = registreer(personas.bea, ontvangen_op=vandaag - timedelta(days=40))
    Melding.objects.all().delete()
    klacht_herinneringen.delay()
    wacht_op(lambda: Melding.objects.filter(email_status=Melding.Emailstatus.VERSTUURD).count() == 2)
    taak = klacht_herinneringen.delay()  # beat restarted the same morning
    wacht_op(lambda: taak.id and _worker_klaar(celery_worker, taak.id))
    assert sorted(Melding.objects.values_list("sleutel", flat=True)) == sorted(
        [
            f"kwaliteit:klacht:{klacht.pk}:afhandeling-7:{klacht.afhandelen_voor.isoformat()}",
            f"kwaliteit:klacht:{klacht.pk}:bevestiging-verlopen:{klacht.afhandelen_voor.isoformat()}",
        ]
    )


def test_the_demo_step_shows_every_stage_and_is_idempotent(personas):
    import random

    from kwaliteit.demo import demo_klachten
    from swv.choices import Rol
    from swv.demo import DemoContext

    ctx = DemoContext(
        swv=personas.swv,
        gebruikers={Rol.DB: personas.dirk, Rol.BELEIDSMEDEWERKER: personas.bea},
        school_a=personas.school_a,
        school_b=personas.school_b,
        rng=random.Random(1),
        vandaag=timezone.localdate(),
    )
    demo_klachten(ctx)
    demo_klachten(ctx)
    assert sorted(Klacht.objects.values_list("status", flat=True)) == ["afgehandeld", "in_behandeling", "ontvangen"]


def test_the_admin_shows_states_not_the_parent_or_the_text(client, personas):
    klacht = registreer(personas.dirk)
    personas.beheer.is_superuser = True  # as the demo's administrator
    personas.beheer.save(update_fields=["is_superuser"])
    client.force_login(personas.beheer)
    for url in (
        reverse("admin:kwaliteit_klacht_changelist"),
        reverse("admin:kwaliteit_klacht_change", args=[klacht.pk]),
        reverse("admin:kwaliteit_klacht_history", args=[klacht.pk]),
    ):
        antwoord = client.get(url)
        assert antwoord.status_code == 200, url
        tekst = antwoord.content.decode()
        assert "Jansen" not in tekst and "teruggebeld" not in tekst


def test_beat_runs_the_reminders_daily(settings):
    taken = {regel["task"] for regel in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"kwaliteit.tasks.klacht_herinneringen", "financien.tasks.innovatie_evaluatieherinneringen"} <= taken


def test_the_jaarverslag_counts_complaints_and_innovation_without_names(
    personas, scholen, django_capture_on_commit_callbacks
):
    from tests.kwaliteit.conftest import maak_versie, pdf_tekst

    jaar = timezone.localdate().year
    registreer(personas.dirk)
    registreer(personas.dirk, onderwerp=KlachtOnderwerp.PRIVACY)
    versie = maak_versie(django_capture_on_commit_callbacks, soort="jaarverslag", jaar=jaar, door=personas.dirk)
    with versie.taak.bestand.open("rb") as fh:
        tekst = pdf_tekst(fh.read())
    assert "Klachten en innovatieaanvragen" in tekst and "Klachten van ouders" in tekst
    assert "Innovatieaanvragen" in tekst
    hoofdstuk = tekst[tekst.index("Klachten van ouders") :]
    assert hoofdstuk.startswith("Klachten van ouders\n< 5\nklachten ontvangen")  # 2 received: suppressed
    assert "communicatie en informatie < 5 0" in hoofdstuk
    assert "Jansen" not in tekst and "teruggebeld" not in tekst


def test_the_whole_calendar_links_the_procedures(client, personas, kwaliteit_seed):
    client.force_login(personas.dirk)
    pagina = client.get(reverse("kwaliteit:kalender")).content.decode()
    assert f'href="{reverse("kwaliteit:klachten_cijfers")}"' in pagina
    assert f'href="{reverse("financien:innovaties")}"' in pagina
