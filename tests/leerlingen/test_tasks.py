"""MDO invitations through the portal's notifications, mailed by a real worker once each (link only)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from leerlingen.choices import Deelnemersrol
from leerlingen.models import MDODeelnemer
from leerlingen.services import dossier as dossier_services
from leerlingen.services import mdo as services
from swv.models import Melding
from tests.conftest import wacht_op
from tests.leerlingen.factories import LeerlingFactory


@pytest.mark.worker
def test_planning_invites_the_portal_participants_on_the_worker(personas, celery_worker):
    dossier = dossier_services.dossier_openen(door=personas.alice, leerling=LeerlingFactory(school=personas.school_a))
    mdo = services.mdo_plannen(
        door=personas.alice,
        dossier=dossier,
        begint_om=timezone.now() + timedelta(days=2),
        deelnemers=[
            services.Deelnemer(rol=Deelnemersrol.CONSULENT, gebruiker=personas.charlie),
            services.Deelnemer(rol=Deelnemersrol.LEERKRACHT, gebruiker=personas.lotte),
            services.Deelnemer(rol=Deelnemersrol.OUDER, naam="Mevrouw Jansen"),
        ],
    )
    uitgenodigd = wacht_op(
        lambda: (
            set(
                MDODeelnemer.objects.filter(mdo=mdo, uitgenodigd_op__isnull=False).values_list(
                    "gebruiker_id", flat=True
                )
            )
            == {personas.charlie.pk, personas.lotte.pk}
        )
    )
    assert uitgenodigd
    # The planner herself and the external parent get no e-mail; running again sends nothing new.
    assert services.mdo_uitnodigingen_sturen(mdo_id=mdo.pk) == 0
    # The invitations are the portal's notifications; the worker mails each once (a link only).
    uitnodigingen = Melding.objects.filter(soort="leerlingen.mdo_uitnodiging")
    assert set(uitnodigingen.values_list("ontvanger", flat=True)) == {personas.charlie.pk, personas.lotte.pk}
    wacht_op(lambda: not uitnodigingen.filter(email_status__in=["wachtrij", "bezig"]).exists())
    # Lotte teaches at the school but not this pupil: the meeting page would answer 404 to her, so
    # the worker records her e-mail as skipped instead of mailing a dead link.
    assert dict(uitnodigingen.values_list("ontvanger", "email_status")) == {
        personas.charlie.pk: Melding.Emailstatus.VERSTUURD,
        personas.lotte.pk: Melding.Emailstatus.OVERGESLAGEN,
    }
    assert uitnodigingen.get(ontvanger=personas.lotte).email_fout == "geen toegang meer"
