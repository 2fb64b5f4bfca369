"""Job kinds for tests that a real worker must know too: the worker imports this module
(``werker_starten(..., include="tests.swv.taaksoorten_werker")``) and so does the test.

``test_wacht_op_vlag`` writes one line per start to ``parameters["starts"]``, reports progress and
then waits until the file ``parameters["vlag"]`` exists: a test can kill the worker in the middle.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from swv.taken import taaksoort


@taaksoort("test_wacht_op_vlag")
def wacht_op_vlag(taak, voortgang):
    with open(taak.parameters["starts"], "a") as starts:
        starts.write(f"{os.getpid()}\n")
    voortgang(10, "begonnen")
    vlag = Path(taak.parameters["vlag"])
    deadline = time.monotonic() + 120
    while not vlag.exists():
        if time.monotonic() > deadline:
            raise TimeoutError("no flag")
        time.sleep(0.1)
    voortgang(90, "bijna klaar")
    return "test-vlag.txt", b"klaar"
