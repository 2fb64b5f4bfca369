"""The inzage export (AVG art. 15): one pupil's complete data from every app, fed by sources.

A source is a function ``(leerling) -> iterable of InzageOnderdeel`` that returns *everything* the
portal holds about the pupil in its app (the requester's right to export was checked once, when the
job started: ``mag_inzage_exporteren``). Apps register their sources once, in ``AppConfig.ready``,
like the timeline::

    from leerlingen.inzage import InzageOnderdeel, registreer_inzagebron, vastleggen

    @registreer_inzagebron
    def tlvs(leerling):
        tlvs = TLV.objects.filter(leerling=leerling)
        yield InzageOnderdeel("tlv", _("TLVs"), [vastleggen(t) for t in tlvs],
                              bestanden=[(t.besluitbrief.bestand, "besluitbrief") for t in ...])

so that this module never needs to know the apps that build on it (dependencies point one way).
``vastleggen(obj)`` turns a row into its labelled values (verbose names, choice labels, ISO dates);
the job (``leerlingen.reports.inzage_export``) writes them as JSON and as a readable PDF, with the
files, into one ZIP.
"""

from __future__ import annotations

import datetime as dt
import decimal
import uuid as uuidlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models
from django.db.models.fields.files import FieldFile

from swv.access import heeft_rol, school_ids
from swv.choices import Rol


@dataclass(frozen=True)
class InzageRecord:
    """One row of pupil data: a title and its labelled values (JSON-friendly)."""

    titel: str
    velden: dict[str, object]


@dataclass(frozen=True)
class InzageOnderdeel:
    """One part of the export (e.g. "MDO reports"): its records and the files that belong to it."""

    sleutel: str  # stable key, e.g. "mdo", "tlv"
    titel: str
    records: list[InzageRecord]
    #: (file, name in the ZIP) pairs; the file is copied as is into ``bestanden/``.
    bestanden: list[tuple[FieldFile, str]] = field(default_factory=list)


Bron = Callable[[object], Iterable[InzageOnderdeel]]
_BRONNEN: list[Bron] = []

#: Fields never exported: internal keys and technical columns.
_OVERSLAAN = {"id", "zoeknaam", "zoektekst"}


def registreer_inzagebron(func: Bron) -> Bron:
    """Register an inzage source (usable as a decorator); registering the same function twice is a no-op."""
    naam = f"{func.__module__}.{func.__qualname__}"
    if not any(f"{b.__module__}.{b.__qualname__}" == naam for b in _BRONNEN):
        _BRONNEN.append(func)
    return func


def inzagebronnen() -> list[Bron]:
    return list(_BRONNEN)


def _waarde(obj: models.Model, veld: models.Field) -> object:
    if veld.choices:
        waarde = getattr(obj, veld.attname)
        return str(dict(veld.flatchoices).get(waarde, waarde)) if waarde not in (None, "") else waarde
    if isinstance(veld, models.ForeignKey):
        doel = getattr(obj, veld.name)
        return str(doel) if doel is not None else None
    waarde = getattr(obj, veld.attname)
    if isinstance(waarde, FieldFile):
        return (waarde.name or "").rsplit("/", 1)[-1]
    if isinstance(waarde, dt.datetime | dt.date | dt.time):
        return waarde.isoformat()
    if isinstance(waarde, decimal.Decimal | uuidlib.UUID):
        return str(waarde)
    return waarde


def vastleggen(obj: models.Model, *, titel: str | None = None, zonder: Iterable[str] = ()) -> InzageRecord:
    """A row's concrete fields as ``{label: value}``: choice labels, related objects by name, dates
    in ISO 8601, files by name (their content goes into the ZIP separately)."""
    uitsluiten = _OVERSLAAN | set(zonder)
    velden: dict[str, object] = {}
    for veld in obj._meta.concrete_fields:
        if veld.name in uitsluiten or veld.name.startswith("history_"):
            continue
        velden[str(veld.verbose_name)] = _waarde(obj, veld)
    return InzageRecord(titel=titel or f"{obj._meta.verbose_name}: {obj}", velden=velden)


def versies(obj: models.Model, *, zonder: Iterable[str] = ()) -> list[InzageRecord]:
    """Every earlier version of a row (django-simple-history), oldest first, with who and when."""
    history = getattr(obj, "history", None)
    if history is None:
        return []
    records = []
    for versie in history.order_by("history_date"):
        record = vastleggen(versie.instance, titel=f"{obj._meta.verbose_name}: {obj}", zonder=zonder)
        record.velden["versie van"] = versie.history_date.isoformat()
        record.velden["gewijzigd door"] = str(versie.history_user) if versie.history_user_id else None
        records.append(record)
    return records


def inzage_onderdelen(leerling) -> list[InzageOnderdeel]:
    """Every registered source's parts for the pupil, in registration order (pupil first)."""
    onderdelen: list[InzageOnderdeel] = []
    for bron in _BRONNEN:
        onderdelen.extend(bron(leerling))
    return onderdelen


def mag_inzage_exporteren(user, leerling) -> bool:
    """Who may export a pupil's complete data: the ib-er or directeur of the pupil's *current*
    school, and the DB (the privacy officer's role in this portal). Nobody else (404)."""
    from leerlingen.models import Inschrijving

    if not (user.is_authenticated and user.is_active):
        return False
    if heeft_rol(user, Rol.DB):
        return True
    scholen = school_ids(user, [Rol.IB_ER, Rol.DIRECTEUR])
    return bool(scholen) and Inschrijving.objects.actief_op().filter(leerling=leerling, school_id__in=scholen).exists()


def als_tekst(waarde: object) -> str:
    """A value of ``vastleggen`` as the PDF shows it, in the portal's Dutch notation."""
    from swv.opmaak import LEEG, datum

    if waarde is None or waarde == "":
        return LEEG
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, str) and len(waarde) >= 10 and waarde[4:5] == "-" and waarde[7:8] == "-":
        try:
            if len(waarde) == 10:
                return datum(dt.date.fromisoformat(waarde))
            moment = dt.datetime.fromisoformat(waarde)
        except ValueError:
            return waarde
        from django.utils import timezone

        moment = timezone.localtime(moment) if timezone.is_aware(moment) else moment
        return f"{datum(moment)} {moment:%H:%M}"
    return str(waarde)
