"""Domain errors of the quality app: shown to the user as they are, never retried."""

from django.utils.translation import gettext_lazy as _


class KwaliteitFout(Exception):
    """A refused action (illegal state, invalid input); the message is for the user."""


class GelijktijdigGewijzigd(KwaliteitFout):
    """Someone else saved the same object since this form was opened."""

    def __init__(self, message=None):
        super().__init__(message or _("Someone else changed this in the meantime. Reload the page and try again."))
