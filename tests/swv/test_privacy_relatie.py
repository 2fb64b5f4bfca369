"""Access after the relationship ended (issue 13, PRIVACY.md "current relationship"): school staff do
not open an old TLV or request of a pupil who left their school; exactly 404."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from leerlingen.models import Inschrijving
from tests.arrangementen.factories import AanvraagFactory
from tests.leerlingen.factories import LeerlingFactory
from tests.tlv.factories import TLVFactory
from tlv.models import TLV

pytestmark = pytest.mark.django_db


def _vertrokken(leerling) -> None:
    """The pupil left the SWV's schools long ago (enrolment ended in 2016... here: last school year)."""
    Inschrijving.objects.filter(leerling=leerling).update(begindatum=date(2010, 8, 1), einddatum=date(2016, 7, 31))


@pytest.mark.parametrize("persona", ["charlie", "alice", "dora"])
def test_school_staff_get_404_for_an_expired_tlv_of_a_pupil_who_left(client, personas, persona):
    leerling = LeerlingFactory(school=personas.school_a)
    tlv = TLVFactory(leerling=leerling, aanvragende_school=personas.school_a, verlopen=True)
    client.force_login(getattr(personas, persona))
    url = reverse("tlv:detail", args=[tlv.uuid])
    assert client.get(url).status_code == 200  # enrolled today: a current relationship
    _vertrokken(leerling)
    assert client.get(url).status_code == 404
    assert not TLV.objects.visible_to(getattr(personas, persona)).filter(pk=tlv.pk).exists()


def test_a_running_tlv_stays_visible_to_the_requesting_school_after_placement(client, personas):
    """During a placement the pupil is enrolled at the S(B)O school; the requesting school keeps the
    TLV while it is in force (return review, extension)."""
    leerling = LeerlingFactory(school=personas.school_a)
    tlv = TLVFactory(leerling=leerling, aanvragende_school=personas.school_a, actief=True)
    _vertrokken(leerling)
    client.force_login(personas.alice)
    assert client.get(reverse("tlv:detail", args=[tlv.uuid])).status_code == 200


def test_the_tlc_and_db_keep_the_swv_wide_view(personas):
    leerling = LeerlingFactory(school=personas.school_a)
    tlv = TLVFactory(leerling=leerling, aanvragende_school=personas.school_a, verlopen=True)
    _vertrokken(leerling)
    for user in (personas.tim, personas.dirk):
        assert TLV.objects.visible_to(user).filter(pk=tlv.pk).exists()


def test_school_staff_get_404_for_a_closed_request_of_a_pupil_who_left(client, personas):
    aanvraag = AanvraagFactory(school=personas.school_a, afgesloten=True)
    url = reverse("arrangementen:detail", args=[aanvraag.uuid])
    client.force_login(personas.charlie)
    assert client.get(url).status_code == 200
    _vertrokken(aanvraag.leerling)
    assert client.get(url).status_code == 404
    client.force_login(personas.alice)
    assert client.get(url).status_code == 404
