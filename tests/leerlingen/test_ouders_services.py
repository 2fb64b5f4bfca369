"""The school links parents, the parent answers (issue 14): invitation, ending, consent on the OPP,
zienswijze on an arrangement or TLV request into the request's checklist, constraints, races."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse

from arrangementen.choices import AanvraagStatus
from leerlingen.choices import Instemmingsbesluit, Instemmingswijze, OuderBesluit, Ouderrelatie
from leerlingen.models import OPPInstemming, OuderKoppeling
from leerlingen.ouders.bronnen import ouderbron
from leerlingen.services import ouders as services
from leerlingen.services.fouten import DossierFout
from leerlingen.services.ouders import uitnodiging_mailen
from swv.fouten import DomeinFout
from swv.models import Gebruiker
from tests.arrangementen.factories import AanvraagFactory
from tests.beperkingen import schendt
from tests.gelijktijdig import gelijktijdig
from tests.leerlingen.factories_ouders import OuderKoppelingFactory
from tests.tlv.factories import TLVFactory
from tlv.checklist import checklist
from tlv.choices import OudersInstemming

UITNODIGING = {
    "voornaam": "Fatima",
    "achternaam": "El Amrani",
    "email": "Fatima@Example.nl",
    "relatie": Ouderrelatie.MOEDER,
    "gezag": True,
}


@pytest.mark.django_db
def test_the_ib_er_invites_a_new_parent_who_gets_a_link_only(gezin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as na_commit:
        koppeling = services.ouder_uitnodigen(door=gezin.alice, leerling=gezin.kind_a, **UITNODIGING)
    assert len(na_commit) == 1
    ouder = koppeling.ouder
    assert ouder.email == "fatima@example.nl"
    assert not ouder.has_usable_password()
    assert not ouder.lidmaatschappen.exists()
    assert koppeling.gezag and koppeling.uitgenodigd_door == gezin.alice
    assert uitnodiging_mailen(koppeling_id=koppeling.pk)
    [bericht] = mail.outbox
    tekst = bericht.body + str(bericht.alternatives[0][0])
    assert "/accounts/password/reset/key/" in tekst
    for geheim in ("Sam", "Jansen", gezin.kind_a.achternaam, str(gezin.kind_a.uuid), "Basisschool"):
        assert geheim not in tekst and geheim not in bericht.subject


@pytest.mark.django_db
def test_the_directeur_may_invite_too_and_another_school_may_not(gezin):
    services.ouder_uitnodigen(door=gezin.dora, leerling=gezin.kind_a, **UITNODIGING)
    for buiten in (gezin.bob, gezin.charlie, gezin.lotte, gezin.dirk):
        with pytest.raises(PermissionDenied):
            services.ouder_uitnodigen(door=buiten, leerling=gezin.kind_a, **{**UITNODIGING, "email": "x@example.nl"})


@pytest.mark.django_db
def test_a_parent_without_gezag_needs_a_reason(gezin):
    with pytest.raises(DossierFout) as fout:
        services.ouder_uitnodigen(door=gezin.alice, leerling=gezin.kind_a, **{**UITNODIGING, "gezag": False})
    assert "reden_zonder_gezag" in fout.value.velden
    k = services.ouder_uitnodigen(
        door=gezin.alice,
        leerling=gezin.kind_a,
        **{**UITNODIGING, "gezag": False, "reden_zonder_gezag": "Pleegouder, afspraak met de voogd."},
    )
    assert not k.gezag


@pytest.mark.django_db
def test_the_database_refuses_a_link_without_gezag_or_reason_and_a_second_running_link(gezin):
    with schendt("ouderkoppeling_gezag_of_reden"):
        OuderKoppeling.objects.filter(pk=gezin.koppeling.pk).update(gezag=False)
    with schendt("ouderkoppeling_een_lopende"):
        OuderKoppelingFactory(ouder=gezin.ouder, leerling=gezin.kind_a)
    with schendt("ouderkoppeling_einde_na_begin"):
        OuderKoppeling.objects.filter(pk=gezin.koppeling.pk).update(einde="2020-01-01")


@pytest.mark.django_db
def test_inviting_the_same_parent_twice_or_a_staff_address_is_refused(gezin):
    with pytest.raises(DossierFout, match="heeft al toegang"):
        services.ouder_uitnodigen(
            door=gezin.alice, leerling=gezin.kind_a, **{**UITNODIGING, "email": "ouder@example.nl"}
        )
    with pytest.raises(DossierFout, match="medewerkersaccount"):
        services.ouder_uitnodigen(door=gezin.alice, leerling=gezin.kind_a, **{**UITNODIGING, "email": "bob@example.nl"})


@pytest.mark.django_db
def test_an_existing_parent_gets_a_second_child_and_a_login_link(gezin):
    k = services.ouder_uitnodigen(door=gezin.bob, leerling=gezin.kind_b, **{**UITNODIGING, "email": "ouder@example.nl"})
    assert k.ouder == gezin.ouder
    assert uitnodiging_mailen(koppeling_id=k.pk)
    assert "/accounts/login/" in mail.outbox[0].body


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_invitations_of_one_parent_make_one_link(gezin):
    def uitnodigen():
        with transaction.atomic():
            return services.ouder_uitnodigen(door=gezin.alice, leerling=gezin.kind_a, **UITNODIGING)

    uitkomsten = gelijktijdig(uitnodigen, uitnodigen)
    assert sorted(u.gelukt for u in uitkomsten) == [False, True]
    assert isinstance(next(u.fout for u in uitkomsten if not u.gelukt), DomeinFout)
    assert OuderKoppeling.objects.filter(ouder__email="fatima@example.nl").count() == 1
    assert Gebruiker.objects.filter(email="fatima@example.nl").count() == 1


@pytest.mark.django_db
def test_the_school_ends_a_link_and_the_parent_loses_access(client, gezin):
    services.koppeling_beeindigen(door=gezin.alice, koppeling=gezin.koppeling, reden="Gezag gewijzigd.")
    gezin.koppeling.refresh_from_db()
    assert gezin.koppeling.einde is not None and gezin.koppeling.beeindigd_door == gezin.alice
    client.force_login(gezin.ouder)
    assert client.get(reverse("leerlingen:ouders_kind", args=[gezin.kind_a.uuid])).status_code == 404
    with pytest.raises(PermissionDenied):
        services.koppeling_beeindigen(door=gezin.bob, koppeling=gezin.koppeling_vader, reden="x")


# --- The parent's answers --------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("besluit", [Instemmingsbesluit.INGESTEMD, Instemmingsbesluit.BEZWAAR])
def test_consent_and_objection_on_the_opp_are_recorded_alike(client, gezin, besluit):
    client.force_login(gezin.ouder)
    url = reverse("leerlingen:ouders_opp", args=[gezin.kind_a.uuid, gezin.opp_a.uuid])
    antwoord = client.post(url, {"besluit": besluit, "toelichting": "Wij willen eerst praten."})
    assert antwoord.status_code == 302
    [rij] = OPPInstemming.objects.filter(versie=gezin.opp_a)
    assert rij.besluit == besluit
    assert rij.wijze == Instemmingswijze.PORTAAL
    assert rij.vastgelegd_door == gezin.ouder
    assert rij.ouder_relatie == Ouderrelatie.MOEDER
    assert rij.ouder_naam == "Mira Jansen"
    # The school sees it on the OPP page, with how it was given.
    client.force_login(gezin.alice)
    html = client.get(reverse("leerlingen:opp_detail", args=[gezin.opp_a.uuid])).content.decode()
    assert "Mira Jansen" in html


@pytest.mark.django_db
def test_an_objection_without_explanation_is_refused_and_nothing_saved(client, gezin):
    client.force_login(gezin.ouder)
    url = reverse("leerlingen:ouders_opp", args=[gezin.kind_a.uuid, gezin.opp_a.uuid])
    antwoord = client.post(url, {"besluit": Instemmingsbesluit.BEZWAAR, "toelichting": " "})
    assert antwoord.status_code == 422
    assert not OPPInstemming.objects.exists()


@pytest.mark.django_db
def test_a_parent_without_gezag_cannot_consent(gezin):
    k = OuderKoppelingFactory(leerling=gezin.kind_a, gezag=False, reden_zonder_gezag="Pleegouder")
    with pytest.raises(DossierFout, match="met gezag"):
        services.opp_instemming_door_ouder(koppeling=k, oppversie=gezin.opp_a, besluit=Instemmingsbesluit.INGESTEMD)


@pytest.mark.django_db
def test_a_double_click_records_one_answer(gezin):
    for _ in range(2):
        services.opp_instemming_door_ouder(
            koppeling=gezin.koppeling, oppversie=gezin.opp_a, besluit=Instemmingsbesluit.INGESTEMD
        )
    assert OPPInstemming.objects.filter(versie=gezin.opp_a).count() == 1


@pytest.mark.django_db
def test_zienswijze_on_a_tlv_request_lands_in_its_checklist(client, gezin):
    tlv = TLVFactory(leerling=gezin.kind_a, aanvragende_school=gezin.school_a, aangemaakt_door=gezin.alice)
    client.force_login(gezin.ouder)
    url = reverse("leerlingen:ouders_zienswijze", args=[gezin.kind_a.uuid, "tlv", tlv.uuid])
    assert client.get(url).status_code == 200
    antwoord = client.post(url, {"tekst": "Wij steunen de overstap.", "besluit": OuderBesluit.INGESTEMD})
    assert antwoord.status_code == 302
    tlv.refresh_from_db()
    assert tlv.ouders_zienswijze == "Wij steunen de overstap."
    assert tlv.ouders_instemming == OudersInstemming.INGESTEMD
    assert tlv.ouders_portaal_door == gezin.ouder and tlv.ouders_portaal_op is not None
    punt = next(p for p in checklist(tlv) if p.sleutel == "ouders")
    assert punt.in_orde
    assert "via the parents' portal" in str(punt.toelichting) or "ouderportaal" in str(punt.toelichting)
    assert "Mira Jansen" in str(punt.toelichting)


@pytest.mark.django_db
def test_a_refusal_on_a_tlv_request_is_as_clear_as_consent(gezin):
    tlv = TLVFactory(
        leerling=gezin.kind_a,
        aanvragende_school=gezin.school_a,
        aangemaakt_door=gezin.alice,
        ouders_instemming=OudersInstemming.INGESTEMD,
        ouders_instemming_datum="2026-01-05",
    )
    ouderbron("tlv").zienswijze_geven(
        koppeling=gezin.koppeling, uuid=tlv.uuid, besluit=OuderBesluit.GEWEIGERD, tekst="Wij willen dit niet."
    )
    tlv.refresh_from_db()
    assert tlv.ouders_instemming == "" and tlv.ouders_portaal_besluit == OuderBesluit.GEWEIGERD
    punt = next(p for p in checklist(tlv) if p.sleutel == "ouders")
    assert not punt.in_orde
    assert "NOT" in str(punt.toelichting) or "NIET" in str(punt.toelichting)


@pytest.mark.django_db
def test_zienswijze_on_an_arrangement_request_sets_the_parents_consent(client, gezin):
    aanvraag = AanvraagFactory(
        leerling=gezin.kind_a, school=gezin.school_a, aangemaakt_door=gezin.alice, ouders_toestemming=False
    )
    client.force_login(gezin.ouder)
    url = reverse("leerlingen:ouders_zienswijze", args=[gezin.kind_a.uuid, "arrangement", aanvraag.uuid])
    antwoord = client.post(url, {"tekst": "Goed plan.", "besluit": OuderBesluit.INGESTEMD})
    assert antwoord.status_code == 302
    aanvraag.refresh_from_db()
    assert aanvraag.ouders_toestemming and aanvraag.ouders_toestemming_datum is not None
    assert aanvraag.ouders_visie == "Goed plan."
    assert aanvraag.ouders_portaal_besluit == OuderBesluit.INGESTEMD and aanvraag.ouders_portaal_door == gezin.ouder
    client.force_login(gezin.alice)
    html = client.get(reverse("arrangementen:detail", args=[aanvraag.uuid])).content.decode()
    assert "Mira Jansen" in html


@pytest.mark.django_db
def test_no_zienswijze_once_the_request_was_submitted_or_on_another_child(client, gezin):
    aanvraag = AanvraagFactory(leerling=gezin.kind_a, school=gezin.school_a, ingediend=True)
    assert aanvraag.status == AanvraagStatus.INGEDIEND
    client.force_login(gezin.ouder)
    url = reverse("leerlingen:ouders_zienswijze", args=[gezin.kind_a.uuid, "arrangement", aanvraag.uuid])
    antwoord = client.post(url, {"tekst": "Te laat?", "besluit": OuderBesluit.INGESTEMD})
    assert antwoord.status_code == 422
    ander = AanvraagFactory(leerling=gezin.kind_b, school=gezin.school_b)
    url = reverse("leerlingen:ouders_zienswijze", args=[gezin.kind_a.uuid, "arrangement", ander.uuid])
    assert client.get(url).status_code == 404
    url = reverse("leerlingen:ouders_zienswijze", args=[gezin.kind_b.uuid, "arrangement", ander.uuid])
    assert client.get(url).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["bob", "lotte", "charlie", "dirk", "bert", "beheer"])
def test_only_the_ib_er_and_directeur_of_the_school_reach_the_invite_and_end_pages(client, gezin, persona):
    client.force_login(getattr(gezin, persona))
    assert client.get(reverse("leerlingen:ouder_uitnodigen", args=[gezin.kind_a.uuid])).status_code == 404
    url = reverse("leerlingen:ouderkoppeling_beeindigen", args=[gezin.koppeling.uuid])
    assert client.get(url).status_code == 404
    assert client.post(url, {"reden": "x"}).status_code == 404


@pytest.mark.django_db
def test_the_directeur_ends_a_link_from_the_pupils_page(client, gezin):
    client.force_login(gezin.dora)
    html = client.get(reverse("leerlingen:detail", args=[gezin.kind_a.uuid])).content.decode()
    url = reverse("leerlingen:ouderkoppeling_beeindigen", args=[gezin.koppeling.uuid])
    assert url in html
    assert client.post(url, {"reden": ""}).status_code == 422
    assert client.post(url, {"reden": "Ouder heeft geen gezag meer."}).status_code == 302
    gezin.koppeling.refresh_from_db()
    assert gezin.koppeling.einde is not None and gezin.koppeling.beeindigd_door == gezin.dora
