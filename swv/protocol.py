"""One named function per access event (open-forms style), writing the append-only access log.

Callers pass objects; only type, public UUID and the route are stored: never names or BSNs.
"""

from __future__ import annotations

import uuid as uuidlib

from django.http import HttpRequest

from swv.models import Toegangslog


def _route(request: HttpRequest | None) -> str:
    if request is None:
        return ""
    match = getattr(request, "resolver_match", None)
    return (match.view_name if match else request.path)[:200]


def _schrijf(
    *, gebruiker, actie: str, gebeurtenis: str, obj=None, leerling_uuid=None, request=None, aantal=1, categorieen=""
) -> Toegangslog:
    object_uuid = getattr(obj, "uuid", None) if obj is not None else None
    return Toegangslog.objects.create(
        gebruiker=gebruiker,
        actie=actie,
        gebeurtenis=gebeurtenis,
        objecttype=obj._meta.label if obj is not None else "",
        object_uuid=object_uuid if isinstance(object_uuid, uuidlib.UUID) else None,
        leerling_uuid=leerling_uuid,
        route=_route(request),
        aantal=aantal,
        categorieen=categorieen,
    )


def log_leerling_bekeken(*, gebruiker, leerling, request: HttpRequest | None = None) -> Toegangslog:
    return _schrijf(
        gebruiker=gebruiker,
        actie=Toegangslog.Actie.BEKEKEN,
        gebeurtenis="leerling_bekeken",
        obj=leerling,
        leerling_uuid=leerling.uuid,
        request=request,
    )


def log_leerlingen_gezocht(*, gebruiker, aantal: int, request: HttpRequest | None = None) -> Toegangslog:
    return _schrijf(
        gebruiker=gebruiker,
        actie=Toegangslog.Actie.GEZOCHT,
        gebeurtenis="leerlingen_gezocht",
        request=request,
        aantal=aantal,
    )


def log_document_gedownload(*, gebruiker, document, leerling, request: HttpRequest | None = None) -> Toegangslog:
    return _schrijf(
        gebruiker=gebruiker,
        actie=Toegangslog.Actie.GEDOWNLOAD,
        gebeurtenis="document_gedownload",
        obj=document,
        leerling_uuid=leerling.uuid,
        request=request,
    )


def log_export(
    *, gebruiker, gebeurtenis: str, aantal: int, obj=None, request: HttpRequest | None = None
) -> Toegangslog:
    """An export of pupil data (a register, a list): the number of records is logged, not their content."""
    return _schrijf(
        gebruiker=gebruiker,
        actie=Toegangslog.Actie.GEEXPORTEERD,
        gebeurtenis=gebeurtenis,
        obj=obj,
        request=request,
        aantal=aantal,
    )


def log_oso_ontvangen(
    *, gebruiker, ontvangst, leerling, categorieen: list[str], request: HttpRequest | None = None
) -> Toegangslog:
    """An OSO dossier imported for a pupil: who, which pupil, which categories of data (their codes)."""
    return _schrijf(
        gebruiker=gebruiker,
        actie=Toegangslog.Actie.ONTVANGEN,
        gebeurtenis="oso_ontvangen",
        obj=ontvangst,
        leerling_uuid=leerling.uuid,
        request=request,
        categorieen=",".join(categorieen)[:500],
    )


def log_taakbestand_gedownload(*, gebruiker, taak, leerling_uuid, request: HttpRequest | None = None) -> Toegangslog:
    """The download of a generated file that holds one pupil's data (e.g. the inzage export:
    ``inzage_gedownload``), logged against the pupil."""
    return _schrijf(
        gebruiker=gebruiker,
        actie=Toegangslog.Actie.GEDOWNLOAD,
        gebeurtenis=f"{taak.soort.rsplit('.', 1)[-1]}_gedownload",
        obj=taak,
        leerling_uuid=leerling_uuid,
        request=request,
    )


def log_ouderportaal_bekeken(*, gebruiker, leerling, obj=None, request: HttpRequest | None = None) -> Toegangslog:
    """A parent viewed their child's data in the parents' portal (issue 14): logged like staff's views."""
    return _schrijf(
        gebruiker=gebruiker,
        actie=Toegangslog.Actie.BEKEKEN,
        gebeurtenis="ouderportaal_bekeken",
        obj=obj if obj is not None else leerling,
        leerling_uuid=leerling.uuid,
        request=request,
    )
