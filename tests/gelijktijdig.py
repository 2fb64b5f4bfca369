"""Two (or more) real threads against PostgreSQL: the one helper for every "concurrent" test.

Each action runs in a thread of its own with its own database connection; a ``threading.Barrier``
releases them together, so both reach the row lock or the conditional update at the same moment.
Every thread closes its connection at the end (the test database can then be flushed). Tests that use
it are marked ``@pytest.mark.django_db(transaction=True)``: the actions must see each other's commits,
which the one wrapping transaction of an ordinary test would hide.

    winnaar, fout = precies_een_wint(
        gelijktijdig(lambda: opslaan("A"), lambda: opslaan("B")), GelijktijdigeWijziging
    )
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connections

WACHTTIJD = 30  # seconds; a thread still waiting after this is a deadlock, not a slow machine


@dataclass
class Uitkomst:
    """What one action returned, or the exception it raised."""

    waarde: Any = None
    fout: BaseException | None = None

    @property
    def gelukt(self) -> bool:
        return self.fout is None


def gelijktijdig(*acties: Callable[[], Any]) -> list[Uitkomst]:
    """Run ``acties`` at the same moment, each in its own thread; their outcomes in the same order."""
    assert len(acties) >= 2, "a race needs at least two actions"
    start = threading.Barrier(len(acties))
    uitkomsten = [Uitkomst() for _ in acties]

    def draai(i: int, actie: Callable[[], Any]) -> None:
        try:
            start.wait(timeout=WACHTTIJD)
            uitkomsten[i].waarde = actie()
        except BaseException as fout:  # handed to the test, which asserts on it
            uitkomsten[i].fout = fout
        finally:
            connections.close_all()

    threads = [threading.Thread(target=draai, args=(i, actie), daemon=True) for i, actie in enumerate(acties)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=WACHTTIJD)
    assert not any(thread.is_alive() for thread in threads), f"a thread did not finish within {WACHTTIJD} s"
    return uitkomsten


def precies_een_wint(uitkomsten: list[Uitkomst], verliezer: type[BaseException]) -> tuple[Any, BaseException]:
    """Exactly one action succeeded and every other one raised ``verliezer``: (winning value, losing error)."""
    winnaars = [u for u in uitkomsten if u.gelukt]
    fouten = [u.fout for u in uitkomsten if not u.gelukt]
    assert len(winnaars) == 1, f"expected exactly one winner, got {len(winnaars)}: {fouten!r}"
    for fout in fouten:
        assert isinstance(fout, verliezer), f"the loser raised {fout!r}, expected {verliezer.__name__}"
    return winnaars[0].waarde, fouten[0]


def allemaal_gelukt(uitkomsten: list[Uitkomst]) -> list[Any]:
    """The values of actions that must all return (e.g. two requests that answer 302 and 409)."""
    fouten = [u.fout for u in uitkomsten if not u.gelukt]
    assert not fouten, f"an action raised: {fouten!r}"
    return [u.waarde for u in uitkomsten]
