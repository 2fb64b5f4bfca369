"""Access-log events of the pupil's case, one named function each (open-forms style).

They write ``swv.models.Toegangslog`` rows the same way ``swv.protocol`` does: object type, public
UUID, pupil UUID and route; never names or BSNs.
"""

from __future__ import annotations

from swv.models import Toegangslog


def _route(request) -> str:
    if request is None:
        return ""
    match = getattr(request, "resolver_match", None)
    return (match.view_name if match else request.path)[:200]


def _log(*, gebruiker, gebeurtenis: str, obj, leerling, request, actie=Toegangslog.Actie.BEKEKEN) -> Toegangslog:
    return Toegangslog.objects.create(
        gebruiker=gebruiker,
        actie=actie,
        gebeurtenis=gebeurtenis,
        objecttype=obj._meta.label,
        object_uuid=obj.uuid,
        leerling_uuid=leerling.uuid,
        route=_route(request),
    )


def log_dossier_bekeken(*, gebruiker, dossier, request=None) -> Toegangslog:
    return _log(
        gebruiker=gebruiker, gebeurtenis="dossier_bekeken", obj=dossier, leerling=dossier.leerling, request=request
    )


def log_mdo_bekeken(*, gebruiker, mdo, request=None) -> Toegangslog:
    return _log(gebruiker=gebruiker, gebeurtenis="mdo_bekeken", obj=mdo, leerling=mdo.dossier.leerling, request=request)


def log_opp_bekeken(*, gebruiker, oppversie, request=None) -> Toegangslog:
    return _log(
        gebruiker=gebruiker,
        gebeurtenis="opp_bekeken",
        obj=oppversie,
        leerling=oppversie.opp.dossier.leerling,
        request=request,
    )


def log_tijdlijn_bekeken(*, gebruiker, leerling, request=None) -> Toegangslog:
    return _log(gebruiker=gebruiker, gebeurtenis="tijdlijn_bekeken", obj=leerling, leerling=leerling, request=request)


def log_geschiedenis_bekeken(*, gebruiker, dossier, request=None) -> Toegangslog:
    return _log(
        gebruiker=gebruiker,
        gebeurtenis="dossiergeschiedenis_bekeken",
        obj=dossier,
        leerling=dossier.leerling,
        request=request,
    )


def log_dossiers_bekeken(*, gebruiker, aantal: int, request=None) -> Toegangslog:
    """A list of dossiers (the school overview): the number of records, not their content."""
    return Toegangslog.objects.create(
        gebruiker=gebruiker,
        actie=Toegangslog.Actie.BEKEKEN,
        gebeurtenis="dossierlijst_bekeken",
        objecttype="leerlingen.Dossier",
        route=_route(request),
        aantal=aantal,
    )
