"""The TLV demo models a believable register: S(B)O admission is for children of school age."""

from __future__ import annotations

import random

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone

from swv.choices import Rol
from swv.demo import DemoContext
from tests.leerlingen.factories import LeerlingFactory
from tlv import demo
from tlv.models import TLV
from tlv.services.aanvraag import SCHOOLLEEFTIJD

pytestmark = pytest.mark.django_db


def test_no_demo_tlv_starts_before_the_pupils_fourth_birthday(wereld, monkeypatch):
    # Every S(B)O pupil gets a TLV here, so the young ones are certainly among the candidates.
    monkeypatch.setattr(demo, "SBO_AANDEEL", 1.0)
    monkeypatch.setattr(demo, "SO_AANDEEL", 1.0)
    vandaag = timezone.localdate()
    for jaren in (3, 4, 5, 6, 9):
        for school in (wereld.sbo, wereld.so):
            LeerlingFactory(school=school, geboortedatum=vandaag - relativedelta(years=jaren, days=20))
    ctx = DemoContext(
        swv=wereld.swv,
        gebruikers={
            Rol.TLC_LID: wereld.tim,
            Rol.DB: wereld.dirk,
            Rol.IB_ER: wereld.alice,
        },
        school_a=wereld.school_a,
        school_b=wereld.school_b,
        rng=random.Random(7),
        vandaag=vandaag,
    )
    demo.demo_tlvs(ctx)

    tlvs = TLV.objects.exclude(ingangsdatum=None).select_related("leerling")
    assert tlvs.filter(leerling__geboortedatum__gt=vandaag - relativedelta(years=5)).exists()
    te_jong = [
        (t.leerling.geboortedatum, t.ingangsdatum)
        for t in tlvs
        if t.ingangsdatum < t.leerling.geboortedatum + relativedelta(years=SCHOOLLEEFTIJD)
    ]
    assert te_jong == []
    # The three-year-olds at the S(B)O schools have no TLV at all.
    assert not TLV.objects.filter(leerling__geboortedatum__gt=vandaag - relativedelta(years=4)).exists()
