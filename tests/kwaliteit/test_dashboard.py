"""The dashboard pages: who may see them, the bestuurder's limits, filters, the Excel export, the
drill-down list and the query budget (<= 25 whatever the data size)."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest
from django.urls import reverse

from tests.factories import SchoolFactory
from tests.kwaliteit.factories import T2024, T2025, tellingen

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("kwaliteit:dashboard")


def kengetallen_in(html: str) -> dict[str, str]:
    return dict(re.findall(r'data-kengetal="([^"]+)">([^<]*)<', html))


@pytest.mark.parametrize(
    "persona, status",
    [
        ("dirk", 200),
        ("bea", 200),
        ("carla", 200),
        ("bert", 200),
        ("alice", 404),
        ("bob", 404),
        ("charlie", 404),
        ("lotte", 404),
        ("dora", 404),
        ("olga", 404),
        ("tim", 404),
        ("anna", 404),
        ("beheer", 404),
    ],
)
def test_the_dashboard_is_for_swv_roles_and_the_bestuurder(client, personas, persona, status):
    client.force_login(getattr(personas, persona))
    assert client.get(DASHBOARD).status_code == status
    assert client.get(reverse("kwaliteit:kengetal_export", args=["leerlingen_per_soort"])).status_code == status
    assert client.get(reverse("kwaliteit:dashboard_scholen")).status_code == status


def test_anonymous_users_are_sent_to_the_login(client):
    response = client.get(DASHBOARD)
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_the_db_sees_the_whole_swv_and_placeholders_without_data(client, personas, scholen, plaatshouder):
    client.force_login(personas.dirk)
    html = client.get(DASHBOARD + "?schooljaar=2025").content.decode()
    waarden = kengetallen_in(html)
    assert waarden["leerlingen_per_soort:totaal"] == "550"
    assert waarden["deelnamepercentage:so"] == "6,9%"
    assert "Nog geen gegevens" in html and "Testplaatshouder" in html
    assert "<svg" in html and "style=" not in html.split("<main", 1)[1]


def test_filtering_on_one_board(client, personas, scholen):
    client.force_login(personas.dirk)
    html = client.get(DASHBOARD, {"schooljaar": 2025, "bestuur": personas.school_b.bestuur_id}).content.decode()
    assert kengetallen_in(html)["leerlingen_per_soort:totaal"] == "228"
    assert "Stichting Zuid" in html


def test_the_bestuurder_is_limited_to_the_boards_schools(client, personas, scholen):
    client.force_login(personas.bert)
    response = client.get(DASHBOARD, {"schooljaar": 2025})
    html = response.content.decode()
    assert kengetallen_in(html)["leerlingen_per_soort:totaal"] == "322"
    assert "Stichting Zuid" not in html and "Basisschool B" not in html
    # Asking for another board's figures is not a valid choice and shows nothing of it.
    html = client.get(DASHBOARD, {"schooljaar": 2025, "bestuur": personas.school_b.bestuur_id}).content.decode()
    assert kengetallen_in(html)["leerlingen_per_soort:totaal"] == "322"
    assert "Sommige filters waren ongeldig en zijn genegeerd" in html
    scholen_html = client.get(reverse("kwaliteit:dashboard_scholen")).content.decode()
    assert "Basisschool A" in scholen_html and "Basisschool B" not in scholen_html


def test_htmx_requests_get_only_the_tiles(client, personas, scholen):
    client.force_login(personas.dirk)
    html = client.get(DASHBOARD, {"schooljaar": 2025}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in html and "data-kengetal" in html


def test_export_has_the_same_numbers_as_the_selector(client, personas, scholen):
    client.force_login(personas.dirk)
    response = client.get(reverse("kwaliteit:kengetal_export", args=["leerlingen_per_bestuur"]), {"schooljaar": 2025})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    werkmap = openpyxl.load_workbook(io.BytesIO(response.content))
    blad = werkmap.worksheets[1]
    kop = [c.value for c in blad[1]]
    rijen = {r[0]: dict(zip(kop, r)) for r in blad.iter_rows(min_row=2, values_only=True) if r[0]}
    assert rijen["Stichting Noord"]["Totaal"] == 322 and rijen["Stichting Zuid"]["SO"] == 38
    assert "schooljaar 2025-2026" in werkmap.worksheets[0]["B2"].value


def test_export_of_an_unknown_or_placeholder_key_figure_is_404(client, personas, plaatshouder):
    client.force_login(personas.dirk)
    assert client.get(reverse("kwaliteit:kengetal_export", args=["bestaat-niet"])).status_code == 404
    assert client.get(reverse("kwaliteit:kengetal_export", args=["test_plaatshouder"])).status_code == 404


def test_the_drill_down_lists_the_schools_behind_a_figure(client, personas, scholen):
    client.force_login(personas.dirk)
    html = client.get(reverse("kwaliteit:dashboard_scholen"), {"schooljaar": 2025, "soort": "SO"}).content.decode()
    assert "SO De Horizon" in html and "Basisschool A" not in html and "38" in html


def _meet(client, django_assert_max_num_queries, user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(user)
    client.get(DASHBOARD, {"schooljaar": 2025})  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as q:
        assert client.get(DASHBOARD, {"schooljaar": 2025, "kring": ""}).status_code == 200
    return len(q.captured_queries)


DOMEINEN = ["leerlingen", "tlv", "arrangementen", "thuiszitters", "mdo", "financien"]


@pytest.mark.parametrize("persona", ["dirk", "bert"])
def test_the_dashboard_query_count_does_not_grow_with_the_data(
    client, personas, scholen, persona, django_assert_max_num_queries
):
    """The page (with its first domain) and every domain's own request stay within 25 queries."""
    user = getattr(personas, persona)

    def meet_alles():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        aantallen = [_meet(client, django_assert_max_num_queries, user)]
        for domein in DOMEINEN:
            with CaptureQueriesContext(connection) as q:
                antwoord = client.get(
                    DASHBOARD, {"schooljaar": 2025, "kring": "", "domein": domein}, HTTP_HX_REQUEST="true"
                )
                assert antwoord.status_code == 200
            aantallen.append(len(q.captured_queries))
        return aantallen

    weinig = meet_alles()
    for i in range(27):
        school = SchoolFactory(swv=personas.swv, kring=personas.kring, bestuur=personas.school_a.bestuur)
        tellingen(school, {T2024: 100 + i, T2025: 110 + i})
    veel = meet_alles()
    assert weinig == veel and max(veel) <= 25, (weinig, veel)


def test_the_page_computes_one_domain_and_loads_the_others_separately(client, personas, scholen):
    client.force_login(personas.dirk)
    html = client.get(DASHBOARD, {"schooljaar": 2025}).content.decode()
    assert 'data-kengetal="leerlingen_per_soort:totaal"' in html and "TLV-aanvragen en besluiten" not in html
    # htmx loads the TLV section on its own; without JavaScript a link opens the page with it computed.
    assert 'hx-get="/kwaliteit/dashboard/?schooljaar=2025&amp;domein=tlv"' in html
    assert 'href="/kwaliteit/dashboard/?schooljaar=2025&amp;domein=tlv#sectie-tlv"' in html
    sectie = client.get(DASHBOARD, {"schooljaar": 2025, "domein": "tlv"}, HTTP_HX_REQUEST="true").content.decode()
    assert sectie.strip().startswith('<section class="kwaliteit-domein" id="sectie-tlv"') and "<html" not in sectie
    assert "TLV-aanvragen en besluiten" in sectie and "aria-busy" not in sectie
    volledig = client.get(DASHBOARD, {"schooljaar": 2025, "domein": "tlv"}).content.decode()
    assert "TLV-aanvragen en besluiten" in volledig and 'data-kengetal="leerlingen_per_soort:totaal"' not in volledig
    # An unknown domain is the first one.
    onbekend = client.get(DASHBOARD, {"schooljaar": 2025, "domein": "onzin"}).content.decode()
    assert 'data-kengetal="leerlingen_per_soort:totaal"' in onbekend
