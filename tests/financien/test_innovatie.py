"""Innovation requests (issue 17, seed 001): submission only with plan and financial justification,
TLC/AC advice, the DB's grant committed per year against a budget line or a refusal with a reason,
evaluation reminders once, exact 404s outside the scope, and the key figure for the jaarverslag."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from financien.choices import Blok, InnovatieStatus
from financien.models import Innovatieaanvraag, Innovatietoekenning
from financien.services import FinancienFout
from financien.services import innovatie as s
from kwaliteit.kengetallen import Filters, get_kengetal
from swv.fouten import GelijktijdigeWijziging, OngeldigeOvergang
from swv.models import Melding
from tests.beperkingen import schendt
from tests.financien.factories import BegrotingspostFactory
from tests.gelijktijdig import gelijktijdig

pytestmark = pytest.mark.django_db

JAAR = timezone.localdate().year


def concept(p, *, door=None, plan="Plusklas voor begaafde leerlingen", onderbouwing="2 fte-dagdelen", **extra):
    door = door or p.dora
    velden = dict(
        titel="Plusklas",
        thema="begaafdheid",
        bestuur=p.school_a.bestuur,
        school=p.school_a,
        plan=plan,
        financiele_onderbouwing=onderbouwing,
        bedrag_per_jaar=Decimal("12000"),
        startjaar=JAAR,
        looptijd_jaren=2,
    )
    velden.update(extra)
    return s.innovatie_aanvragen(door=door, **velden)


def geadviseerd(p):
    a = concept(p)
    s.innovatie_indienen(aanvraag=a, door=p.dora)
    return s.innovatie_adviseren(aanvraag=a, advies="Positief: sluit aan bij het OSP.", door=p.tim)


def test_a_request_is_granted_per_year_against_a_budget_line_with_history(personas):
    post = BegrotingspostFactory(blok=Blok.ONDERSTEUNING_SCHOLEN)
    a = geadviseerd(personas)
    s.innovatie_toekennen(
        aanvraag=a, post=post, evaluatiedatum=timezone.localdate() + timedelta(days=300), door=personas.dirk
    )
    a.refresh_from_db()
    assert a.status == InnovatieStatus.TOEGEKEND
    assert list(Innovatietoekenning.objects.filter(aanvraag=a).values_list("jaar", "post", "bedrag")) == [
        (JAAR, post.pk, Decimal("12000.00")),
        (JAAR + 1, post.pk, Decimal("12000.00")),
    ]
    assert [(h.van, h.naar) for h in a.statusovergangen.order_by("op", "pk")] == [
        ("", "concept"),
        ("concept", "ingediend"),
        ("ingediend", "geadviseerd"),
        ("geadviseerd", "toegekend"),
    ]


def test_without_plan_or_financial_justification_it_cannot_be_submitted(personas):
    a = concept(personas, plan="", onderbouwing=" ")
    with pytest.raises(FinancienFout) as fout:
        s.innovatie_indienen(aanvraag=a, door=personas.dora)
    assert set(fout.value.velden) == {"plan", "financiele_onderbouwing"}
    a.refresh_from_db()
    assert a.status == InnovatieStatus.CONCEPT
    with schendt("innovatie_ingediend_met_plan_en_onderbouwing"):
        Innovatieaanvraag.objects.filter(pk=a.pk).update(
            status=InnovatieStatus.INGEDIEND, ingediend_op=timezone.localdate()
        )


def test_the_database_refuses_bad_states(personas):
    a = concept(personas)
    qs = Innovatieaanvraag.objects.filter(pk=a.pk)
    with schendt("innovatie_looptijd_1_tot_4"):
        qs.update(looptijd_jaren=5)
    with schendt("innovatie_bedrag_niet_negatief"):
        qs.update(bedrag_per_jaar=Decimal("-1"))
    s.innovatie_indienen(aanvraag=a, door=personas.dora)
    with schendt("innovatie_toegekend_met_evaluatiedatum"):
        qs.update(status=InnovatieStatus.TOEGEKEND)
    with schendt("innovatie_afgewezen_met_grond"):
        qs.update(status=InnovatieStatus.AFGEWEZEN)


def test_a_refusal_needs_a_reason_and_only_the_db_decides(personas):
    a = concept(personas)
    s.innovatie_indienen(aanvraag=a, door=personas.dora)
    with pytest.raises(PermissionDenied):
        s.innovatie_afwijzen(aanvraag=a, afwijzingsgrond="onderbouwing", door=personas.tim)
    with pytest.raises(FinancienFout):
        s.innovatie_afwijzen(aanvraag=a, afwijzingsgrond="", door=personas.dirk)
    s.innovatie_afwijzen(aanvraag=a, afwijzingsgrond="geen_swv_taak", door=personas.dirk)
    with pytest.raises(OngeldigeOvergang):
        s.innovatie_adviseren(aanvraag=a, advies="Te laat", door=personas.tim)


def test_only_the_school_or_board_applies(personas):
    with pytest.raises(PermissionDenied):
        concept(personas, door=personas.bob)  # ib-er of school B for school A
    with pytest.raises(PermissionDenied):
        concept(personas, door=personas.dirk)
    eigen = concept(personas, door=personas.bert, school=None)  # the board of school A
    assert eigen.school is None and eigen.bestuur == personas.school_a.bestuur


def test_evaluation_reminders_come_once(personas):
    post = BegrotingspostFactory(blok=Blok.ONDERSTEUNING_SCHOLEN)
    a = geadviseerd(personas)
    evaluatie = timezone.localdate() + timedelta(days=30)
    s.innovatie_toekennen(aanvraag=a, post=post, evaluatiedatum=evaluatie, door=personas.dirk)
    Melding.objects.all().delete()
    assert s.innovatie_evaluatieherinneringen(vandaag=evaluatie - timedelta(days=20)) == 0
    assert s.innovatie_evaluatieherinneringen(vandaag=evaluatie - timedelta(days=10)) == 2  # the DB and the applicant
    assert s.innovatie_evaluatieherinneringen(vandaag=evaluatie - timedelta(days=9)) == 0
    assert set(Melding.objects.values_list("ontvanger", flat=True)) == {personas.dirk.pk, personas.dora.pk}


@pytest.mark.django_db(transaction=True)
def test_granting_and_refusing_at_once_one_wins(personas):
    post = BegrotingspostFactory(blok=Blok.ONDERSTEUNING_SCHOLEN)
    a = geadviseerd(personas)
    uitkomsten = gelijktijdig(
        lambda: s.innovatie_toekennen(
            aanvraag=Innovatieaanvraag.objects.get(pk=a.pk),
            post=post,
            evaluatiedatum=timezone.localdate() + timedelta(days=100),
            door=personas.dirk,
        ),
        lambda: s.innovatie_afwijzen(
            aanvraag=Innovatieaanvraag.objects.get(pk=a.pk), afwijzingsgrond="budget", door=personas.dirk
        ),
    )
    assert sum(u.gelukt for u in uitkomsten) == 1
    assert isinstance(next(u.fout for u in uitkomsten if not u.gelukt), OngeldigeOvergang | GelijktijdigeWijziging)
    a.refresh_from_db()
    assert Innovatietoekenning.objects.filter(aanvraag=a).exists() == (a.status == InnovatieStatus.TOEGEKEND)


@pytest.mark.parametrize("persona", ["alice", "bob", "charlie", "lotte", "olga", "beheer"])
def test_who_may_not_see_a_request_gets_404(client, personas, persona):
    a = concept(personas)
    s.innovatie_indienen(aanvraag=a, door=personas.dora)
    client.force_login(getattr(personas, persona))
    if persona == "alice":  # ib-er of school A sees the request but cannot advise or decide
        assert client.get(a.get_absolute_url()).status_code == 200
    else:
        assert client.get(a.get_absolute_url()).status_code == 404
    for naam in ("innovatie_adviseren", "innovatie_toekennen", "innovatie_afwijzen"):
        assert client.get(reverse(f"financien:{naam}", kwargs={"uuid": a.uuid})).status_code == 404
    assert client.post(reverse("financien:innovatie_indienen", kwargs={"uuid": a.uuid})).status_code in (404, 302)


def test_the_board_of_another_school_gets_404_and_the_list_is_scoped(client, personas):
    from swv.choices import Rol
    from tests.factories import gebruiker_met_rol, tweefactor_activeren

    a = concept(personas)
    ander = gebruiker_met_rol(Rol.BESTUURDER, bestuur=personas.school_b.bestuur, email="zuid@example.nl")
    tweefactor_activeren(ander)  # the bestuurder reaches named pupils (zorgplicht): TOTP like every such role
    client.force_login(ander)
    assert client.get(a.get_absolute_url()).status_code == 404
    assert "Plusklas" not in client.get(reverse("financien:innovaties")).content.decode()
    client.force_login(personas.bert)
    assert "Plusklas" in client.get(reverse("financien:innovaties")).content.decode()


def test_the_school_applies_and_submits_through_the_forms(client, personas, django_assert_max_num_queries):
    client.force_login(personas.dora)
    data = {
        "titel": "Plusklas",
        "thema": "begaafdheid",
        "school": personas.school_a.pk,
        "bestuur": personas.school_a.bestuur.pk,
        "plan": "",
        "financiele_onderbouwing": "",
        "bedrag_per_jaar": "5000",
        "startjaar": JAAR,
        "looptijd_jaren": 1,
    }
    antwoord = client.post(reverse("financien:innovatie_nieuw"), data)
    assert antwoord.status_code == 302
    a = Innovatieaanvraag.objects.get()
    antwoord = client.post(reverse("financien:innovatie_indienen", kwargs={"uuid": a.uuid}))
    assert antwoord.status_code == 302  # a refused button returns with the message
    a.refresh_from_db()
    assert a.status == InnovatieStatus.CONCEPT
    for _i in range(10):
        concept(personas)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("financien:innovaties")).status_code == 200


def test_published_figures_hide_what_the_total_gives_away(personas):
    """7 requests submitted, 5 on gifted pupils and 2 on behaviour: "7 submitted, 5, < 5" gives the
    2 away, so the total or the sibling is hidden as well."""
    from financien.choices import InnovatieThema
    from kwaliteit.onderdrukking import cel, kc, onderdrukking_van

    for thema in [InnovatieThema.BEGAAFDHEID] * 5 + [InnovatieThema.GEDRAG] * 2:
        s.innovatie_indienen(aanvraag=concept(personas, thema=thema), door=personas.dora)
    filters = Filters.voor_kalenderjaar(timezone.localdate().year)
    uitkomst = get_kengetal("innovatie").bereken(personas.olga, filters)
    themas = [waarde for waarde, _label in InnovatieThema.choices]
    begaafdheid = cel(0, themas.index(InnovatieThema.BEGAAFDHEID), "ingediend")
    gedrag = cel(0, themas.index(InnovatieThema.GEDRAG), "ingediend")
    verborgen = onderdrukking_van(uitkomst)
    assert uitkomst.indicator("ingediend") == 7
    assert gedrag in verborgen
    assert kc("ingediend") in verborgen or begaafdheid in verborgen


def test_the_list_pages_instead_of_cutting_off(client, personas):
    for i in range(51):
        concept(personas, titel=f"Aanvraag {i:02d}")
    client.force_login(personas.bert)
    eerste = client.get(reverse("financien:innovaties")).content.decode()
    assert eerste.count("Aanvraag ") == 50 and "pagina=2" in eerste
    tweede = client.get(reverse("financien:innovaties"), {"pagina": 2}).content.decode()
    assert tweede.count("Aanvraag ") == 1


def test_the_key_figure_counts_requests_grants_themes_and_reasons(personas):
    post = BegrotingspostFactory(blok=Blok.ONDERSTEUNING_SCHOLEN)
    a = geadviseerd(personas)
    s.innovatie_toekennen(
        aanvraag=a, post=post, evaluatiedatum=timezone.localdate() + timedelta(days=300), door=personas.dirk
    )
    b = concept(personas, thema="taal")
    s.innovatie_indienen(aanvraag=b, door=personas.dora)
    s.innovatie_afwijzen(aanvraag=b, afwijzingsgrond="geen_swv_taak", door=personas.dirk)
    uitkomst = get_kengetal("innovatie").bereken(personas.olga, Filters.voor_kalenderjaar(JAAR))
    assert (uitkomst.indicator("ingediend"), uitkomst.indicator("toegekend"), uitkomst.indicator("afgewezen")) == (
        2,
        1,
        1,
    )
    assert uitkomst.indicator("bedrag") == Decimal("12000.00")
    assert [r["aantal"] for r in uitkomst.tabellen[1].rijen] == [1, 0, 0, 0, 0]  # not a task of the SWV
    assert (
        get_kengetal("innovatie").bereken(personas.alice, Filters.voor_kalenderjaar(JAAR)).indicator("ingediend")
        is None
    )


def test_the_demo_step_shows_seed_001_and_is_idempotent(personas):
    import random

    from financien.demo import demo_innovatie
    from swv.choices import Rol
    from swv.demo import DemoContext

    BegrotingspostFactory(blok=Blok.ONDERSTEUNING_SCHOLEN)
    ctx = DemoContext(
        swv=personas.swv,
        gebruikers={
            Rol.DIRECTEUR: personas.dora,
            Rol.BESTUURDER: personas.bert,
            Rol.DB: personas.dirk,
            Rol.TLC_LID: personas.tim,
        },
        school_a=personas.school_a,
        school_b=personas.school_b,
        rng=random.Random(1),
        vandaag=timezone.localdate(),
    )
    demo_innovatie(ctx)
    demo_innovatie(ctx)
    statussen = sorted(Innovatieaanvraag.objects.values_list("status", flat=True))
    assert statussen == ["afgewezen"] * 3 + ["concept"] + ["toegekend"] * 2
    assert set(Innovatieaanvraag.objects.filter(status="toegekend").values_list("thema", flat=True)) == {"begaafdheid"}


def test_the_admin_lists_requests_read_only(client, personas):
    a = concept(personas)
    personas.beheer.is_superuser = True  # as the demo's administrator
    personas.beheer.save(update_fields=["is_superuser"])
    client.force_login(personas.beheer)
    assert client.get(reverse("admin:financien_innovatieaanvraag_changelist")).status_code == 200
    assert client.get(reverse("admin:financien_innovatieaanvraag_change", args=[a.pk])).status_code == 200
