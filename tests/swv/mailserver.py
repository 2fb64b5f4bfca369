"""A mail server for tests with a real worker process: an e-mail backend (set through the
environment, so the worker uses it too) that writes each message to a folder and fails when told to.

``storing`` in the folder holds ``<error> <n>``: the next n sends raise that error, as a mail server
that is down (``ConnectionRefusedError``), busy (``SMTP421``) or refuses the address
(``SMTPRecipientsRefused``) would.
"""

from __future__ import annotations

import os
import smtplib
import uuid
from pathlib import Path

STORINGEN = {
    "ConnectionRefusedError": lambda: ConnectionRefusedError("SMTP server not answering"),
    "SMTP421": lambda: smtplib.SMTPResponseException(421, b"Service not available, try again later"),
    "SMTPRecipientsRefused": lambda: smtplib.SMTPRecipientsRefused({"x@example.nl": (550, b"No such user")}),
}


class Mailserver:
    def __init__(self, *args, **kwargs):
        self.map = Path(os.environ["SWV_TEST_MAILMAP"])

    def send_messages(self, berichten):
        storing = self.map / "storing"
        if storing.exists():
            naam, keer = storing.read_text().split()
            if int(keer) > 0:
                storing.write_text(f"{naam} {int(keer) - 1}")
                raise STORINGEN[naam]()
        for bericht in berichten:
            (self.map / f"{uuid.uuid4().hex}.eml").write_text(bericht.message().as_string())
        return len(berichten)


def verstuurd(map: Path) -> list[str]:
    return [p.read_text() for p in sorted(map.glob("*.eml"))]
