"""The jaarplan: services and transitions (draft -> adopted -> draft), goals with indicators and
live values, evaluations with optimistic locking, and who may do what."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from kwaliteit.choices import EvaluatieStatus, JaarplanStatus, Richting
from kwaliteit.models import Doel, DoelEvaluatie, Evaluatiemoment, Jaarplan, Statuswijziging
from kwaliteit.selectors.jaarplan import indicator_beoordeling, jaarplan_overzicht
from kwaliteit.services import jaarplan as s
from kwaliteit.services.fouten import GelijktijdigeWijziging, KwaliteitFout
from tests.gelijktijdig import gelijktijdig, precies_een_wint
from tests.kwaliteit.factories import ActieFactory, DoelFactory, JaarplanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(personas):
    plan = s.jaarplan_aanmaken(jaar=2025, titel="Jaarplan 2025", door=personas.bea)
    ambitie = s.ambitie_opslaan(jaarplan=plan, nummer=2, titel="Inclusief en passend onderwijs", door=personas.bea)
    s.doel_opslaan(
        ambitie=ambitie,
        code="2A",
        titel="Minder SO",
        beoogd_resultaat="SO <= landelijk",
        door=personas.bea,
        richting=Richting.NIET_HOGER,
        streefwaarde=Decimal("0"),
        kengetal="deelnamepercentage:so_min_landelijk",
    )
    return plan


def test_a_new_plan_gets_evaluation_moments_in_june_and_october(personas):
    plan = s.jaarplan_aanmaken(jaar=2026, titel="Jaarplan 2026", door=personas.bea)
    assert [(m.naam, m.datum.isoformat()) for m in plan.evaluatiemomenten.order_by("datum")] == [
        ("Juni", "2026-06-30"),
        ("Oktober", "2026-10-31"),
    ]
    assert plan.status == JaarplanStatus.CONCEPT
    assert Statuswijziging.objects.van(plan).get().naar == "concept"


def test_one_plan_per_year(personas, plan):
    with pytest.raises(KwaliteitFout, match="Er is al een jaarplan voor 2025"):
        s.jaarplan_aanmaken(jaar=2025, titel="Nog een", door=personas.bea)


@pytest.mark.parametrize("persona", ["dirk", "carla", "alice", "olga"])
def test_only_the_beleidsmedewerker_edits(personas, persona):
    with pytest.raises(PermissionDenied):
        s.jaarplan_aanmaken(jaar=2030, titel="x", door=getattr(personas, persona))


def test_goal_codes_are_normalised_and_unique_within_the_plan(personas, plan):
    assert plan.doelen.get().code == "2a"
    ambitie = s.ambitie_opslaan(jaarplan=plan, nummer=3, titel="Basisondersteuning", door=personas.bea)
    with pytest.raises(KwaliteitFout, match="al een doel met code 2a"):
        s.doel_opslaan(ambitie=ambitie, code="2a", titel="x", beoogd_resultaat="x", door=personas.bea)


def test_an_ambition_number_is_unique_within_the_plan(personas, plan):
    with pytest.raises(KwaliteitFout, match="al een ambitie met nummer 2"):
        s.ambitie_opslaan(jaarplan=plan, nummer=2, titel="Dubbel", door=personas.bea)


@pytest.mark.parametrize(
    "richting, nulmeting, streefwaarde, kengetal, melding",
    [
        (Richting.NIET_HOGER, None, None, "", "streefwaarde"),
        (Richting.HOGER, None, None, "", "nulmeting"),
        ("", None, None, "bestaat:niet", "Onbekend kengetal"),
    ],
)
def test_an_indicator_needs_what_its_direction_needs(
    personas, plan, richting, nulmeting, streefwaarde, kengetal, melding
):
    ambitie = plan.ambities.get()
    with pytest.raises(KwaliteitFout, match=melding):
        s.doel_opslaan(
            ambitie=ambitie,
            code="2b",
            titel="x",
            beoogd_resultaat="x",
            richting=richting,
            nulmeting=nulmeting,
            streefwaarde=streefwaarde,
            kengetal=kengetal,
            door=personas.bea,
        )


def test_adopting_and_reopening(personas, plan):
    s.jaarplan_vaststellen(jaarplan=plan, door=personas.dirk)
    plan.refresh_from_db()
    assert plan.status == JaarplanStatus.VASTGESTELD
    with pytest.raises(KwaliteitFout, match="geen concept"):
        s.jaarplan_vaststellen(jaarplan=plan, door=personas.dirk)
    with pytest.raises(KwaliteitFout, match="reden"):
        s.jaarplan_heropenen(jaarplan=plan, door=personas.dirk, reden=" ")
    s.jaarplan_heropenen(jaarplan=plan, door=personas.dirk, reden="Doel 2a aanscherpen")
    plan.refresh_from_db()
    assert plan.status == JaarplanStatus.CONCEPT
    with pytest.raises(KwaliteitFout, match="niet vastgesteld"):
        s.jaarplan_heropenen(jaarplan=plan, door=personas.dirk, reden="nogmaals")
    wijzigingen = list(Statuswijziging.objects.van(plan).values_list("van", "naar", "door__email", "reden"))
    assert wijzigingen[1:] == [
        ("concept", "vastgesteld", "dirk@example.nl", ""),
        ("vastgesteld", "concept", "dirk@example.nl", "Doel 2a aanscherpen"),
    ]


def test_only_the_db_adopts(personas, plan):
    with pytest.raises(PermissionDenied):
        s.jaarplan_vaststellen(jaarplan=plan, door=personas.bea)


def test_a_plan_without_goals_cannot_be_adopted(personas):
    leeg = s.jaarplan_aanmaken(jaar=2027, titel="Leeg", door=personas.bea)
    with pytest.raises(KwaliteitFout, match="zonder doelen"):
        s.jaarplan_vaststellen(jaarplan=leeg, door=personas.dirk)


def test_the_structure_of_an_adopted_plan_is_fixed(personas, plan):
    s.jaarplan_vaststellen(jaarplan=plan, door=personas.dirk)
    doel = plan.doelen.get()
    with pytest.raises(KwaliteitFout, match="vastgesteld"):
        s.actie_opslaan(doel=doel, omschrijving="x", door_wie="y", door=personas.bea)
    with pytest.raises(KwaliteitFout, match="vastgesteld"):
        s.ambitie_opslaan(jaarplan=plan, nummer=5, titel="x", door=personas.bea)


def test_actions_with_a_negative_budget_are_refused(personas, plan):
    with pytest.raises(KwaliteitFout, match="negatief"):
        s.actie_opslaan(doel=plan.doelen.get(), omschrijving="x", door_wie="y", budget=Decimal("-1"), door=personas.bea)


def test_an_evaluation_stores_the_live_value_and_can_be_updated(personas, plan, scholen):
    s.jaarplan_vaststellen(jaarplan=plan, door=personas.dirk)  # evaluations go on after adoption
    doel, juni = plan.doelen.get(), plan.evaluatiemomenten.order_by("datum").first()
    # Filters of the plan's calendar year 2025: count date 1 October 2025, SO 6.91% vs national 2.86%.
    evaluatie = s.evaluatie_vastleggen(
        doel=doel, moment=juni, status=EvaluatieStatus.AANDACHT, reflectie="Boven de norm.", versie=0, door=personas.bea
    )
    assert evaluatie.gemeten_waarde == Decimal("4.05")
    bijgewerkt = s.evaluatie_vastleggen(
        doel=doel,
        moment=juni,
        status=EvaluatieStatus.ACHTER,
        reflectie="Nog steeds.",
        versie=evaluatie.versie,
        door=personas.bea,
    )
    assert (DoelEvaluatie.objects.count(), bijgewerkt.status, bijgewerkt.versie) == (1, EvaluatieStatus.ACHTER, 2)


def test_a_stale_edit_of_an_evaluation_is_refused(personas, plan):
    doel, juni = plan.doelen.get(), plan.evaluatiemomenten.first()
    s.evaluatie_vastleggen(doel=doel, moment=juni, status="op_koers", reflectie="a", versie=0, door=personas.bea)
    with pytest.raises(GelijktijdigeWijziging):  # a second form opened before the first save
        s.evaluatie_vastleggen(doel=doel, moment=juni, status="achter", reflectie="b", versie=0, door=personas.bea)
    assert DoelEvaluatie.objects.get().reflectie == "a"


@pytest.mark.django_db(transaction=True)
def test_a_concurrent_edit_of_an_evaluation_is_refused(personas, plan):
    doel, juni = plan.doelen.get(), plan.evaluatiemomenten.first()

    def vastleggen(status, reflectie, versie):  # two forms opened before either was saved
        return lambda: s.evaluatie_vastleggen(
            doel=Doel.objects.get(pk=doel.pk),
            moment=Evaluatiemoment.objects.get(pk=juni.pk),
            status=status,
            reflectie=reflectie,
            versie=versie,
            door=personas.bea,
        )

    # Both first saves of a new evaluation: the unique (goal, moment) row decides.
    winnaar, _fout = precies_een_wint(
        gelijktijdig(vastleggen("op_koers", "a", 0), vastleggen("achter", "b", 0)), GelijktijdigeWijziging
    )
    assert (DoelEvaluatie.objects.get().reflectie, winnaar.versie) == (winnaar.reflectie, 1)
    # Both edits of the saved evaluation: the row lock and the version decide.
    winnaar, _fout = precies_een_wint(
        gelijktijdig(vastleggen("op_koers", "c", 1), vastleggen("achter", "d", 1)), GelijktijdigeWijziging
    )
    bewaard = DoelEvaluatie.objects.get()
    assert (bewaard.reflectie, bewaard.versie) == (winnaar.reflectie, 2)


def test_an_evaluation_needs_a_reflection_and_a_moment_of_the_same_plan(personas, plan):
    doel = plan.doelen.get()
    with pytest.raises(KwaliteitFout, match="reflectie"):
        s.evaluatie_vastleggen(
            doel=doel, moment=plan.evaluatiemomenten.first(), status="op_koers", reflectie=" ", door=personas.bea
        )
    ander = JaarplanFactory(jaar=2031).evaluatiemomenten.first()
    with pytest.raises(KwaliteitFout, match="ander jaarplan"):
        s.evaluatie_vastleggen(doel=doel, moment=ander, status="op_koers", reflectie="x", door=personas.bea)


@pytest.mark.parametrize(
    "richting, nul, streef, waarde, verwacht",
    [
        (Richting.NIET_HOGER, None, Decimal("0"), Decimal("-0.5"), True),
        (Richting.NIET_HOGER, None, Decimal("0"), Decimal("1.2"), False),
        (Richting.NIET_LAGER, None, Decimal("90"), Decimal("95"), True),
        (Richting.HOGER, Decimal("10"), None, Decimal("12"), True),
        (Richting.LAGER, Decimal("10"), None, Decimal("12"), False),
        (Richting.LAGER, None, None, Decimal("12"), None),
        (Richting.HOGER, Decimal("10"), None, None, None),
    ],
)
def test_whether_an_indicator_moves_in_the_target_direction(richting, nul, streef, waarde, verwacht):
    assert indicator_beoordeling(richting=richting, nulmeting=nul, streefwaarde=streef, waarde=waarde) is verwacht


def test_the_plan_overview_in_a_fixed_number_of_queries(personas, django_assert_max_num_queries):
    plan = JaarplanFactory(jaar=2025)

    def meet(n_doelen):
        for _ in range(n_doelen):
            ActieFactory(doel=DoelFactory(ambitie__jaarplan=plan))
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as q:
            overzicht = jaarplan_overzicht(personas.bea, plan)
        return len(q.captured_queries), overzicht

    jaarplan_overzicht(personas.bea, plan)  # caches the user's memberships
    weinig, _ = meet(3)
    veel, overzicht = meet(27)
    assert weinig == veel and overzicht["aantal_doelen"] == 30 and overzicht["budget_totaal"] == Decimal("120000")


@pytest.mark.parametrize(
    "persona, status",
    [("bea", 200), ("dirk", 200), ("carla", 200), ("bert", 404), ("olga", 404), ("alice", 404), ("tim", 404)],
)
def test_who_reads_the_plan(client, personas, plan, persona, status):
    client.force_login(getattr(personas, persona))
    assert client.get(reverse("kwaliteit:jaarplan", args=[plan.uuid])).status_code == status
    assert client.get(reverse("kwaliteit:jaarplannen")).status_code == status


def test_the_db_reads_but_does_not_edit(client, personas, plan):
    client.force_login(personas.dirk)
    html = client.get(reverse("kwaliteit:jaarplan", args=[plan.uuid])).content.decode()
    assert "Doel toevoegen" not in html and "Jaarplan vaststellen" in html
    doel, moment = plan.doelen.get(), plan.evaluatiemomenten.first()
    assert client.get(reverse("kwaliteit:evaluatie", args=[plan.uuid, doel.uuid, moment.uuid])).status_code == 404
    assert client.post(reverse("kwaliteit:jaarplan_vaststellen", args=[plan.uuid])).status_code == 302
    assert Jaarplan.objects.get().status == JaarplanStatus.VASTGESTELD


def test_recording_an_evaluation_through_the_form(client, personas, plan):
    client.force_login(personas.bea)
    doel, juni = plan.doelen.get(), Evaluatiemoment.objects.filter(jaarplan=plan).order_by("datum").first()
    url = reverse("kwaliteit:evaluatie", args=[plan.uuid, doel.uuid, juni.uuid])
    response = client.post(url, {"status": "", "reflectie": "", "versie": "0"})
    assert response.status_code == 422 and "Dit veld is verplicht." in response.content.decode()
    response = client.post(url, {"status": "op_koers", "reflectie": "Masterclasses gegeven.", "versie": "0"})
    assert response.status_code == 302
    assert DoelEvaluatie.objects.get().reflectie == "Masterclasses gegeven."
    # The same (stale) form submitted again is refused instead of overwriting.
    response = client.post(url, {"status": "achter", "reflectie": "Anders", "versie": "0"})
    assert "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()


def test_creating_a_plan_with_goal_and_action_through_the_forms(client, personas):
    client.force_login(personas.bea)
    response = client.post(
        reverse("kwaliteit:jaarplan_nieuw"), {"jaar": 2028, "titel": "Jaarplan 2028", "inleiding": ""}
    )
    plan = Jaarplan.objects.get(jaar=2028)
    assert response.url == reverse("kwaliteit:jaarplan", args=[plan.uuid])
    client.post(
        reverse("kwaliteit:ambitie_nieuw", args=[plan.uuid]), {"nummer": 1, "titel": "Hoorrecht", "omschrijving": ""}
    )
    ambitie = plan.ambities.get()
    response = client.post(
        reverse("kwaliteit:doel_nieuw", args=[plan.uuid]),
        {
            "ambitie": ambitie.pk,
            "code": "1a",
            "titel": "Hoorrecht realiseren",
            "beoogd_resultaat": "In ieder MDO",
            "richting": "niet_lager",
            "streefwaarde": "90",
            "kengetal": "mdo_hoorrecht:aandeel_stem_kind",
            "inspectiestandaarden": [],
            "osp_themas": [],
        },
    )
    assert response.status_code == 302
    doel = plan.doelen.get()
    client.post(
        reverse("kwaliteit:actie_nieuw", args=[plan.uuid, doel.uuid]),
        {"omschrijving": "Masterclass", "door_wie": "Consulenten", "budget": "4000"},
    )
    assert doel.acties.get().budget == Decimal("4000")
    html = client.get(reverse("kwaliteit:jaarplan", args=[plan.uuid])).content.decode()
    assert "1a. Hoorrecht realiseren" in html and "nog geen gegevens" in html
