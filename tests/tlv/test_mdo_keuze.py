"""The MDO choice on the TLV form shows labels that cannot be mistaken: kind, date and time,
participants and outcome; an MDO without the S(B)O school is marked."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from leerlingen.choices import Deelnemersrol
from leerlingen.models import MDODeelnemer
from tests.tlv.factories import DossierFactory, MDOFactory, TLVFactory
from tlv.forms import AanvraagForm

pytestmark = pytest.mark.django_db


def _opties(form) -> dict[str, str]:
    return {str(v): str(label) for v, label in form.fields["mdo"].choices if v}


def test_two_mdos_on_one_day_read_differently_and_the_one_without_the_special_school_is_marked(
    django_assert_max_num_queries,
):
    dossier = DossierFactory()
    tlv = TLVFactory(leerling=dossier.leerling, dossier=dossier)
    moment = timezone.now() - timedelta(days=3)
    met = MDOFactory(dossier=dossier, begint_om=moment)
    MDODeelnemer.objects.create(mdo=met, naam="M. Jansen", rol=Deelnemersrol.OUDER)
    zonder = MDOFactory(dossier=dossier, begint_om=moment + timedelta(hours=2), met_sbo=False)
    MDODeelnemer.objects.create(mdo=zonder, naam="M. Jansen", rol=Deelnemersrol.OUDER)
    with django_assert_max_num_queries(6):
        opties = _opties(AanvraagForm(tlv=tlv, initial={"versie": tlv.versie}))
    label_met, label_zonder = opties[str(met.pk)], opties[str(zonder.pk)]
    assert label_met != label_zonder
    assert "deelnemers: " in label_met and "S(B)O-school" in label_met and "ouder" in label_met
    assert "uitkomst: voorstel TLV" in label_met
    assert label_zonder.endswith("(ZONDER de S(B)O-school)") and "ZONDER" not in label_met
    assert f"{timezone.localtime(met.begint_om):%d-%m-%Y %H:%M}" in label_met
