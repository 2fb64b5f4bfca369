"""Database constraints of the register and memberships (the bad states are impossible)."""

from datetime import date

import pytest
from django.db import transaction

from swv.choices import Rol
from swv.models import Leerlingtelling, Lidmaatschap, Toegangslog
from tests.beperkingen import schendt
from tests.factories import BestuurFactory, GebruikerFactory, SchoolFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "rol, scope",
    [
        (Rol.IB_ER, "geen"),
        (Rol.IB_ER, "bestuur"),
        (Rol.CONSULENT, "geen"),
        (Rol.BESTUURDER, "school"),
        (Rol.BESTUURDER, "geen"),
        (Rol.DB, "school"),
        (Rol.OPR_LID, "bestuur"),
    ],
)
def test_a_membership_scope_must_fit_the_role(rol, scope):
    kwargs = (
        {"school": SchoolFactory()}
        if scope == "school"
        else {"bestuur": BestuurFactory()}
        if scope == "bestuur"
        else {}
    )
    with schendt("lidmaatschap_scope_past_bij_rol"):
        Lidmaatschap.objects.create(gebruiker=GebruikerFactory(), rol=rol, **kwargs)


def test_a_membership_cannot_end_before_it_starts():
    with schendt("lidmaatschap_einde_na_begin"):
        Lidmaatschap.objects.create(
            gebruiker=GebruikerFactory(), rol=Rol.DB, begindatum=date(2025, 8, 1), einddatum=date(2025, 7, 1)
        )


def test_a_count_is_either_a_number_or_masked_and_unique_per_date():
    school = SchoolFactory()
    with schendt("telling_aantal_of_gemaskeerd"):
        Leerlingtelling.objects.create(school=school, teldatum=date(2025, 10, 1), aantal=None, minder_dan_vijf=False)
    Leerlingtelling.objects.create(school=school, teldatum=date(2025, 10, 1), aantal=None, minder_dan_vijf=True)
    with schendt("telling_uniek_per_teldatum"):
        Leerlingtelling.objects.create(school=school, teldatum=date(2025, 10, 1), aantal=12)


def test_school_codes_are_checked():
    with schendt("school_brin_formaat"):
        SchoolFactory(brin="12", vestigingscode="1200")


def test_the_access_log_is_append_only_in_postgresql():
    from django.db import connection

    entry = Toegangslog.objects.create(gebruiker=GebruikerFactory(), actie="bekeken", gebeurtenis="x", objecttype="y")
    with pytest.raises(PermissionError):
        Toegangslog.objects.filter(pk=entry.pk).update(gebeurtenis="z")
    if connection.vendor == "postgresql":
        with pytest.raises(Exception, match="alleen-toevoegen"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("UPDATE swv_toegangslog SET gebeurtenis = 'z' WHERE id = %s", [entry.pk])
        with pytest.raises(Exception, match="alleen-toevoegen"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM swv_toegangslog WHERE id = %s", [entry.pk])


@pytest.mark.django_db(transaction=True)
def test_truncate_of_the_access_log_is_refused_in_postgresql():
    """Committed rows (TRUNCATE refuses to run next to pending constraint checks of the same
    transaction); the flush after this test empties the log with the test database's setting."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the trigger is PostgreSQL's")
    Toegangslog.objects.create(gebruiker=GebruikerFactory(), actie="bekeken", gebeurtenis="x", objecttype="y")
    for sql in ("TRUNCATE swv_toegangslog", "TRUNCATE swv_gebruiker CASCADE"):
        with pytest.raises(Exception, match="alleen-toevoegen"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL swv.toegangslog_legen = 'uit'")  # as in production
                cursor.execute(sql)
    assert Toegangslog.objects.count() == 1
