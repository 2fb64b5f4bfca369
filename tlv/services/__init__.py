"""Writes of the TLV app, one module per subdomain: the request (``aanvraag``), the TLC's check and the
decision (``beoordeling``), the life of an issued TLV (``looptijd``), objections (``bezwaar``) and
notifications (``meldingen``). Every status change is one service that writes a history row."""
