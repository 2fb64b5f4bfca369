"""Reads of the in-app notifications: only one's own."""

from __future__ import annotations

from leerlingen.models import Melding


def meldingen_lijst(user):
    return Melding.objects.visible_to(user).order_by("-aangemaakt", "-pk")


def aantal_ongelezen(user) -> int:
    return Melding.objects.visible_to(user).ongelezen().count()
