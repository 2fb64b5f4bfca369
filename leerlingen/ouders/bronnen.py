"""What parents see of other apps' requests about their child, and how they give their view on one.

leerlingen cannot import arrangementen or tlv (dependencies point the other way), so those apps
register a source once, in ``AppConfig.ready``::

    registreer_ouderbron(OuderBron(sleutel="tlv", label=_("TLV request"), verzoeken=..., zienswijze_geven=...))

``verzoeken(leerling)`` returns ``OuderVerzoek`` rows of that child (the caller already checked the
parent's link); ``zienswijze_geven(koppeling=, uuid=, besluit=, tekst=)`` writes the parent's view
and answer into the request, through the app's own service, and raises a ``DomeinFout`` when the
request no longer takes one. Both apps' ``zienswijze_geven`` share the checks and the recording of
the portal answer: ``zienswijze_openen`` and ``zienswijze_bewaren``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from leerlingen.choices import OuderBesluit
from swv.fouten import DomeinFout
from swv.historie import met_historie
from swv.overgangen import vergrendel


@dataclass(frozen=True)
class OuderVerzoek:
    """One request about the child as a parent sees it: what it is, its status and deadlines, and
    whether the school waits for the parent's view (``zienswijze_open``)."""

    bron: str
    uuid: UUID
    titel: str
    status: str
    termijnen: list[tuple[Any, date]] = field(default_factory=list)
    zienswijze_open: bool = False
    zienswijze: str = ""
    besluit_label: str = ""
    beantwoord_op: Any = None


@dataclass(frozen=True)
class OuderBron:
    sleutel: str
    label: Any
    verzoeken: Callable[[Any], list[OuderVerzoek]]
    zienswijze_geven: Callable[..., Any]


_BRONNEN: dict[str, OuderBron] = {}


def registreer_ouderbron(bron: OuderBron) -> None:
    _BRONNEN.setdefault(bron.sleutel, bron)


def ouderbronnen() -> list[OuderBron]:
    return list(_BRONNEN.values())


def ouderbron(sleutel: str) -> OuderBron | None:
    return _BRONNEN.get(sleutel)


def verzoeken_van(leerling) -> list[OuderVerzoek]:
    """Every registered app's requests about the child (one or two queries per app)."""
    return [verzoek for bron in _BRONNEN.values() for verzoek in bron.verzoeken(leerling)]


def zienswijze_openen(
    queryset: QuerySet, *, koppeling, uuid, statussen, besluit: str, tekst: str, fout: type[DomeinFout]
) -> tuple[Any, str]:
    """The checks of a parent's view on a request: the request of the linked child (``uuid``),
    reloaded under a row lock and still in one of ``statussen``, a valid answer and a text. Returns
    the locked request and the text without surrounding blanks; refuses with the app's ``fout``."""
    verzoek = queryset.filter(uuid=uuid, leerling_id=koppeling.leerling_id).first()
    if verzoek is None:
        raise fout(_("This request was not found."))
    verzoek = vergrendel(
        verzoek,
        van=statussen,
        bericht=_("The school has already sent this request; your view can no longer be added here."),
    )
    if besluit not in OuderBesluit.values:
        raise fout({"besluit": _("Choose: I agree, or I do not agree.")})
    if not tekst.strip():
        raise fout({"tekst": _("Write down your view. The school and the SWV read it with the request.")})
    return verzoek, tekst.strip()


def zienswijze_bewaren(verzoek, *, koppeling, besluit: str, velden: list[str]) -> None:
    """Record who answered what when in the portal (``ouders_portaal_*``), raise ``versie`` (a school
    form opened before this answer must not overwrite it) and save with ``velden``, the app's own
    fields the caller set, in the history."""
    verzoek.ouders_portaal_besluit = besluit
    verzoek.ouders_portaal_door = koppeling.ouder
    verzoek.ouders_portaal_op = timezone.now()
    verzoek.versie += 1
    met_historie(verzoek, door=koppeling.ouder, reden="zienswijze ouders via portaal").save(
        update_fields=[*velden, "ouders_portaal_besluit", "ouders_portaal_door", "ouders_portaal_op", "versie"]
    )
