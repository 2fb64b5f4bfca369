"""Access-log events of the TLV app, one named function each (open-forms style).

They write ``swv.models.Toegangslog`` rows the way ``swv.protocol`` does: object type, public UUID,
pupil UUID and route; never names or BSNs. Viewing a TLV uses ``swv.protocol.log_leerling_bekeken``
semantics through ``log_tlv_bekeken``; exports use ``swv.protocol.log_export``.
"""

from __future__ import annotations

from swv.models import Toegangslog


def _route(request) -> str:
    match = getattr(request, "resolver_match", None) if request is not None else None
    return (match.view_name if match else getattr(request, "path", ""))[:200]


def _log(*, gebruiker, actie: str, gebeurtenis: str, obj, leerling_uuid, request) -> Toegangslog:
    return Toegangslog.objects.create(
        gebruiker=gebruiker,
        actie=actie,
        gebeurtenis=gebeurtenis,
        objecttype=obj._meta.label,
        object_uuid=obj.uuid,
        leerling_uuid=leerling_uuid,
        route=_route(request),
    )


def log_tlv_bekeken(*, gebruiker, tlv, request=None) -> Toegangslog:
    return _log(
        gebruiker=gebruiker,
        actie=Toegangslog.Actie.BEKEKEN,
        gebeurtenis="tlv_bekeken",
        obj=tlv,
        leerling_uuid=tlv.leerling.uuid,
        request=request,
    )


def log_besluitbrief_gedownload(*, gebruiker, tlv, request=None) -> Toegangslog:
    """The decision letter (or the letter on an objection) of a TLV was downloaded."""
    return _log(
        gebruiker=gebruiker,
        actie=Toegangslog.Actie.GEDOWNLOAD,
        gebeurtenis="tlv_besluitbrief_gedownload",
        obj=tlv,
        leerling_uuid=tlv.leerling.uuid,
        request=request,
    )
