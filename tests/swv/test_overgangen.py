"""The one transition helper (swv.overgangen): lock, refuse an illegal source state, conditional
update, one history row; and two real concurrent transitions on PostgreSQL of which exactly one wins."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from django.db import connection, transaction

from arrangementen.models import Aanvraag, Statusovergang
from kwaliteit.models import Jaarplan, Statuswijziging
from leerlingen.choices import Afsluitreden, DossierStatus
from leerlingen.models import (
    Dossier,
    DossierStatusovergang,
    Thuiszittercasus,
    ThuiszitterStatuswijziging,
    Zorgplichtcasus,
    ZorgplichtStatuswijziging,
)
from swv.fouten import DomeinFout, GelijktijdigeWijziging, OngeldigeOvergang
from swv.models import Statusovergang as StatusovergangBasis
from swv.overgangen import historie_model, overgang, status_vastleggen, vergrendel
from tests.leerlingen.factories_dossier import DossierFactory
from tlv.models import TLV, Bezwaar, BezwaarStatusovergang, TLVStatusovergang

pytestmark = pytest.mark.django_db


def test_every_state_machine_has_one_history_table_of_the_one_shape():
    paren = {
        Dossier: DossierStatusovergang,
        Thuiszittercasus: ThuiszitterStatuswijziging,
        Zorgplichtcasus: ZorgplichtStatuswijziging,
        Aanvraag: Statusovergang,
        TLV: TLVStatusovergang,
        Bezwaar: BezwaarStatusovergang,
        Jaarplan: Statuswijziging,
    }
    for model, historie in paren.items():
        assert historie_model(model) is historie
        assert issubclass(historie, StatusovergangBasis)
        velden = {f.name for f in historie._meta.concrete_fields}
        assert {"van", "naar", "door", "op", "reden"} <= velden


def test_a_legal_transition_updates_the_row_and_writes_exactly_one_history_row(personas):
    dossier = DossierFactory(school=personas.school_a)
    versie = dossier.versie

    with transaction.atomic():
        resultaat = overgang(
            dossier, DossierStatus.IN_BEHANDELING_MDO, van={DossierStatus.OPEN}, door=personas.alice, reden="MDO"
        )

    assert resultaat is dossier and dossier.status == DossierStatus.IN_BEHANDELING_MDO
    dossier.refresh_from_db()
    assert (dossier.status, dossier.versie) == (DossierStatus.IN_BEHANDELING_MDO, versie + 1)
    rij = DossierStatusovergang.objects.get(dossier=dossier)
    assert (rij.van, rij.naar, rij.door, rij.reden) == (
        DossierStatus.OPEN,
        DossierStatus.IN_BEHANDELING_MDO,
        personas.alice,
        "MDO",
    )
    assert rij.get_van_display() == DossierStatus.OPEN.label
    assert dossier.history.count() == 2  # created + the transition: simple-history saw the change


def test_fields_travel_with_the_transition(personas):
    dossier = DossierFactory(school=personas.school_a)

    with transaction.atomic():
        overgang(
            dossier,
            DossierStatus.AFGESLOTEN,
            van={DossierStatus.OPEN},
            door=personas.alice,
            velden={"afgesloten_op": date(2025, 6, 1), "afsluitreden": Afsluitreden.DOELEN_BEREIKT},
        )

    dossier.refresh_from_db()
    assert (dossier.status, dossier.afgesloten_op, dossier.afsluitreden) == (
        DossierStatus.AFGESLOTEN,
        date(2025, 6, 1),
        Afsluitreden.DOELEN_BEREIKT,
    )


def test_an_illegal_source_state_raises_ongeldige_overgang_and_writes_nothing(personas):
    dossier = DossierFactory(school=personas.school_a, afgesloten=True)

    with pytest.raises(OngeldigeOvergang) as fout, transaction.atomic():
        overgang(dossier, DossierStatus.IN_BEHANDELING_MDO, van={DossierStatus.OPEN}, door=personas.alice)

    assert isinstance(fout.value, DomeinFout) and fout.value.status == 422
    assert str(DossierStatus.AFGESLOTEN.label) in str(fout.value)
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.AFGESLOTEN
    assert not DossierStatusovergang.objects.filter(dossier=dossier).exists()


def test_a_status_changed_since_it_was_read_is_a_concurrent_edit(personas):
    dossier = DossierFactory(school=personas.school_a)
    Dossier.objects.filter(pk=dossier.pk).update(status=DossierStatus.IN_BEHANDELING_MDO)

    with pytest.raises(GelijktijdigeWijziging), transaction.atomic():
        overgang(dossier, DossierStatus.AFGESLOTEN, door=personas.alice)  # read as "open"

    assert not DossierStatusovergang.objects.filter(dossier=dossier).exists()


def test_vergrendel_refuses_a_stale_version(personas):
    dossier = DossierFactory(school=personas.school_a)

    with pytest.raises(GelijktijdigeWijziging), transaction.atomic():
        vergrendel(dossier, van={DossierStatus.OPEN}, versie=dossier.versie - 1)


def test_status_vastleggen_writes_the_first_row_of_a_new_object(personas):
    dossier = DossierFactory(school=personas.school_a)

    rij = status_vastleggen(dossier, van="", naar=DossierStatus.OPEN, door=personas.alice)

    assert (rij.dossier, rij.van, rij.naar, rij.get_van_display()) == (dossier, "", DossierStatus.OPEN, "")


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_transitions_on_postgresql_exactly_one_wins(personas):
    """Two threads, each with its own connection, close the same dossier at the same moment: the
    row lock makes the second wait; it then sees "closed" and is refused. One history row."""
    assert connection.vendor == "postgresql"
    dossier = DossierFactory(school=personas.school_a)
    start = threading.Barrier(2)
    uitkomsten: list[object] = []
    slot = threading.Lock()

    def sluit() -> None:
        try:
            kopie = Dossier.objects.get(pk=dossier.pk)
            start.wait(timeout=10)
            with transaction.atomic():
                overgang(
                    kopie,
                    DossierStatus.AFGESLOTEN,
                    van={DossierStatus.OPEN, DossierStatus.IN_BEHANDELING_MDO},
                    door=personas.alice,
                    velden={"afgesloten_op": date(2025, 6, 1), "afsluitreden": Afsluitreden.DOELEN_BEREIKT},
                )
            uitkomst: object = "gewonnen"
        except DomeinFout as fout:
            uitkomst = fout
        finally:
            connection.close()
        with slot:
            uitkomsten.append(uitkomst)

    draden = [threading.Thread(target=sluit) for _ in range(2)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=30)

    assert uitkomsten.count("gewonnen") == 1
    (verloren,) = [u for u in uitkomsten if u != "gewonnen"]
    assert isinstance(verloren, OngeldigeOvergang | GelijktijdigeWijziging)
    assert DossierStatusovergang.objects.filter(dossier=dossier).count() == 1
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.AFGESLOTEN


def test_an_app_passes_its_own_subclass_so_both_roots_catch_it(personas):
    from leerlingen.services.fouten import DossierFout, DossierOngeldigeOvergang

    dossier = DossierFactory(school=personas.school_a, afgesloten=True)

    with pytest.raises(DossierOngeldigeOvergang) as fout, transaction.atomic():
        vergrendel(dossier, van={DossierStatus.OPEN}, bericht="Nu niet (%(status)s).", fout=DossierOngeldigeOvergang)

    assert isinstance(fout.value, DossierFout) and isinstance(fout.value, OngeldigeOvergang)
    assert str(fout.value) == f"Nu niet ({DossierStatus.AFGESLOTEN.label})."
