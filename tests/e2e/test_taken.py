"""Browser journey: the broker is down when the DB starts an export; the progress page says so in
Dutch (axe-checked), and once the broker is back the sweep sends the job and the page offers the
download without a reload."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from swv.models import Taak
from swv.taken import taken_herplannen_service
from tests.conftest import wacht_op
from tests.e2e.conftest import axe_check, inloggen
from tests.factories import LeerlingtellingFactory
from tests.swv.test_taken_herstel import _werker, broker_weg, wachtrij  # noqa: F401 - fixtures

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.worker
def test_an_export_started_while_the_broker_is_down_runs_when_it_is_back(
    page,
    personas,
    wachtrij,  # noqa: F811 - the fixture imported above
    broker_weg,  # noqa: F811
    tmp_path,
):
    LeerlingtellingFactory(school=personas.school_a, aantal=250)
    inloggen(page, personas.dirk)
    page.goto("/register/")
    page.get_by_role("button", name="Register exporteren naar Excel").click()
    page.get_by_role("heading", name="Scholenregister (Excel)").wait_for()
    page.get_by_text("De export start zodra de achtergrondverwerking weer werkt.").wait_for()
    page.get_by_text("Uw taak is bewaard en start vanzelf").wait_for()
    axe_check(page, context="(job waiting for the broker)")

    broker_weg()  # the broker is back
    Taak.objects.update(aangemaakt=timezone.now() - timedelta(minutes=2))
    _werker(wachtrij, tmp_path)
    assert taken_herplannen_service()["opnieuw"] == 1
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"scholenregister-.*\.xlsx downloaden")).click(timeout=60_000)
    assert download.value.suggested_filename.endswith(".xlsx")
    axe_check(page, context="(job finished)")
    wacht_op(lambda: Taak.objects.filter(status=Taak.Status.KLAAR).count() == 1)
