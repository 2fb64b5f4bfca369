"""The parents' portal is deny by default (issue 14): a parent sees only their own children, and
gets exactly 404 on every staff page and on every other child; staff get 404 on the parents' pages;
a parent's session is shorter; every view of a child's data is in the access log."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.conf import settings
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from leerlingen.models import Inschrijving, MDODeelnemer
from leerlingen.ouders.toegang import kinderen
from swv.models import Toegangslog
from tests.arrangementen.factories import AanvraagFactory
from tests.leerlingen.factories import LeerlingFactory
from tests.leerlingen.factories_dossier import MDOFactory
from tests.leerlingen.factories_ouders import OuderKoppelingFactory
from tests.tlv.factories import TLVFactory

pytestmark = pytest.mark.django_db


def _kind_url(kind):
    return reverse("leerlingen:ouders_kind", args=[kind.uuid])


def test_a_parent_sees_exactly_their_own_children(gezin):
    assert list(kinderen(gezin.ouder)) == [gezin.kind_a]
    assert list(kinderen(gezin.ouder2)) == [gezin.kind_b]
    assert list(kinderen(gezin.alice)) == []


def test_the_parents_page_shows_what_is_shared_and_nothing_internal(client, gezin):
    client.force_login(gezin.ouder)
    antwoord = client.get(_kind_url(gezin.kind_a))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Sam heeft baat bij korte instructie." in html
    assert "Interne werkaantekening." not in html
    assert "Gesprek met ouders" in html  # the MDO the parents were invited to
    assert "Intern overleg" not in html
    assert gezin.opp_a.handelingsdeel in html


@pytest.mark.parametrize(
    ("ouder", "kind"), [("ouder", "kind_b"), ("ouder2", "kind_a"), ("vader", "kind_b")], ids=["a-b", "b-a", "vader-b"]
)
def test_another_childs_page_is_404(client, gezin, ouder, kind):
    client.force_login(getattr(gezin, ouder))
    assert client.get(_kind_url(getattr(gezin, kind))).status_code == 404
    assert (
        client.get(reverse("leerlingen:ouders_opp", args=[getattr(gezin, kind).uuid, gezin.opp_a.uuid])).status_code
        == 404
    )


def test_a_parent_cannot_reach_another_childs_opp_through_their_own_child(client, gezin):
    """The OPP version is looked up within the parent's own child: another child's version is 404."""
    client.force_login(gezin.ouder2)
    assert client.get(reverse("leerlingen:ouders_opp", args=[gezin.kind_b.uuid, gezin.opp_a.uuid])).status_code == 404


@pytest.mark.parametrize("persona", ["alice", "bob", "dora", "dirk", "beheer"])
def test_staff_get_404_on_the_parents_pages(client, gezin, persona):
    client.force_login(getattr(gezin, persona))
    assert client.get(reverse("leerlingen:ouders_home")).status_code == 404
    assert client.get(_kind_url(gezin.kind_a)).status_code == 404


def test_the_link_ends_by_itself_when_the_child_leaves_the_swv(client, gezin):
    Inschrijving.objects.filter(leerling=gezin.kind_a).update(einddatum=timezone.localdate())
    client.force_login(gezin.ouder)
    assert list(kinderen(gezin.ouder)) == []
    assert client.get(_kind_url(gezin.kind_a)).status_code == 404


def test_an_ended_or_future_link_gives_nothing(client, gezin):
    gezin.koppeling.einde = timezone.localdate()
    gezin.koppeling.save()
    OuderKoppelingFactory(ouder=gezin.ouder, leerling=gezin.kind_b, begin=timezone.localdate() + timedelta(days=1))
    client.force_login(gezin.ouder)
    assert client.get(_kind_url(gezin.kind_a)).status_code == 404
    assert client.get(_kind_url(gezin.kind_b)).status_code == 404


def test_the_home_page_sends_a_parent_to_the_parents_portal(client, gezin):
    client.force_login(gezin.ouder)
    antwoord = client.get(reverse("home"))
    assert antwoord.status_code == 302
    assert antwoord.url == reverse("leerlingen:ouders_home")
    assert "Sam" in client.get(antwoord.url).content.decode()


def test_a_parents_session_is_shorter_than_staffs(client, gezin):
    client.force_login(gezin.ouder)
    client.get(reverse("leerlingen:ouders_home"))
    assert client.session.get_expiry_age() == settings.SWV_SESSIE_EXTERN_SECONDEN
    assert settings.SWV_SESSIE_EXTERN_SECONDEN < settings.SESSION_COOKIE_AGE


def test_every_view_of_a_childs_data_is_access_logged_without_names(client, gezin):
    client.force_login(gezin.ouder)
    client.get(_kind_url(gezin.kind_a))
    client.get(reverse("leerlingen:ouders_opp", args=[gezin.kind_a.uuid, gezin.opp_a.uuid]))
    rijen = Toegangslog.objects.filter(gebruiker=gezin.ouder, gebeurtenis="ouderportaal_bekeken")
    assert rijen.count() == 2
    assert set(rijen.values_list("leerling_uuid", flat=True)) == {gezin.kind_a.uuid}
    for rij in rijen:
        assert "Sam" not in f"{rij.route} {rij.objecttype}"


# --- The matrix: every route of the portal, with the parent's own child's objects ------------------

#: Routes a parent may open (their own portal, notifications, language); all else must be 404.
TOEGESTAAN = {"home", "meldingen", "meldingen_gelezen", "melding_openen", "set_language", "gezondheid"}


def _routes():
    def walk(resolver, prefix="", ns=None):
        for p in resolver.url_patterns:
            if isinstance(p, URLResolver):
                yield from walk(p, prefix + str(p.pattern), p.namespace or ns)
            else:
                yield prefix + str(p.pattern), (f"{ns}:" if ns else "") + (p.name or "")

    for patroon, naam in walk(get_resolver()):
        # Login, two-factor and static files are for everyone; the public publications are public.
        if patroon.startswith(("accounts/", "^static", "beheer/", "publicaties/openbaar/")) or naam in TOEGESTAAN:
            continue
        if naam.startswith("leerlingen:ouders_"):
            continue
        yield patroon, naam


def _invullen(patroon: str, uuid) -> str:
    import re

    def vervang(m):
        soort = m.group(1)
        return {"uuid": str(uuid), "int": "2026", "slug": "x", "str": "analyse", "path": "x"}[soort]

    return "/" + re.sub(r"<(\w+):\w+>", vervang, patroon)


def test_a_parent_gets_exactly_404_on_every_staff_page(client, gezin):
    """Every route, GET and POST, with the uuid of the parent's own child's object of that kind
    (the likeliest guess): exactly 404, never a redirect, 403, 405 or a page."""
    tlv = TLVFactory(leerling=gezin.kind_a, aanvragende_school=gezin.school_a, aangemaakt_door=gezin.alice)
    aanvraag = AanvraagFactory(leerling=gezin.kind_a, school=gezin.school_a, aangemaakt_door=gezin.alice)
    per_onderdeel = [
        ("leerlingen/dossiers/", gezin.dossier_a.uuid),
        ("leerlingen/opp/", gezin.opp_a.uuid),
        ("leerlingen/mdo/", gezin.mdo_uitgenodigd.uuid),
        ("leerlingen/ouderkoppelingen/", gezin.koppeling.uuid),
        ("tlv/", tlv.uuid),
        ("arrangementen/", aanvraag.uuid),
    ]
    client.force_login(gezin.ouder)
    routes = list(_routes())
    assert len(routes) > 150  # every app's pages are in the matrix
    fout = []
    for patroon, naam in routes:
        uuid = next((u for prefix, u in per_onderdeel if patroon.startswith(prefix)), gezin.kind_a.uuid)
        url = _invullen(patroon, uuid)
        for methode in (client.get, client.post):
            status = methode(url).status_code
            if status != 404:
                fout.append(f"{methode.__name__.upper()} {url} ({naam}): {status}")
    assert fout == []


def test_the_ib_er_of_the_child_does_open_the_pages_the_matrix_tries(client, gezin):
    client.force_login(gezin.alice)
    assert client.get(reverse("leerlingen:detail", args=[gezin.kind_a.uuid])).status_code == 200
    assert client.get(reverse("leerlingen:dossier_detail", args=[gezin.dossier_a.uuid])).status_code == 200


def test_a_parent_with_a_link_that_started_today_is_in(client, gezin):
    OuderKoppelingFactory(ouder=gezin.ouder2, leerling=gezin.kind_a, begin=date.today())
    client.force_login(gezin.ouder2)
    assert client.get(_kind_url(gezin.kind_a)).status_code == 200


def test_the_admin_is_404_for_a_parent(client, gezin):
    client.force_login(gezin.ouder)
    assert client.get("/beheer/").status_code == 404


def test_the_parents_pages_stay_within_a_query_budget(client, gezin, django_assert_max_num_queries):
    """Three children and a full child's page: a fixed number of queries, not one per item."""
    for _ in range(2):
        OuderKoppelingFactory(ouder=gezin.ouder, leerling=LeerlingFactory(school=gezin.school_a))
    AanvraagFactory(leerling=gezin.kind_a, school=gezin.school_a)
    TLVFactory(leerling=gezin.kind_a, aanvragende_school=gezin.school_a)
    for _ in range(3):
        mdo = MDOFactory(dossier=gezin.dossier_a, agenda="Gesprek")
        MDODeelnemer.objects.create(mdo=mdo, naam="Moeder", rol="ouder")
    client.force_login(gezin.ouder)
    with django_assert_max_num_queries(25):
        assert client.get(reverse("leerlingen:ouders_home")).status_code == 200
    with django_assert_max_num_queries(30):
        assert client.get(_kind_url(gezin.kind_a)).status_code == 200
