"""The SO/SBO deduction forecast from the TLV register and the communicating vessels of seed 002."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from decimal import Decimal
from typing import Any

from financien import bronnen
from financien.bekostiging import NUL
from financien.berekening import afdrachtprognose, bekostiging_voor, parameters_voor
from financien.choices import Blok
from financien.models import Begrotingsbedrag
from financien.querysets import mag_lezen


def afdrachten_voor(user, *, jaar: int, vandaag: date) -> dict | None:
    """This year's and next year's deductions, and what they leave of heavy support for
    arrangements (the communicating vessels); ``None`` without rights."""
    if not mag_lezen(user):
        return None
    jaren: list[dict[str, Any]] = []
    for j in (jaar, jaar + 1):
        params = parameters_voor(j)
        if params is None:
            jaren.append({"jaar": j, "parameters": None})
            continue
        leerlingen, bekostiging = bekostiging_voor(params)
        prognose = afdrachtprognose(params, vandaag=vandaag, leerlingen=leerlingen)
        begroot_arr = sum(
            Begrotingsbedrag.objects.filter(begroting__jaar=j, post__blok=Blok.ARRANGEMENTEN).values_list(
                "bedrag", flat=True
            ),
            NUL,
        )
        beslag = bronnen.arrangementen_beslag(jaar=j)
        jaren.append(
            {
                "jaar": j,
                "parameters": params,
                "leerlingen": leerlingen,
                "bekostiging": bekostiging,
                "prognose": prognose,
                "ruimte": bekostiging.zware_netto - prognose.totaal if prognose.aanwezig else None,
                "arrangementen_begroot": begroot_arr,
                "beslag": beslag,
                "beslag_resterend": begroot_arr - beslag["toegekend"] if beslag else None,
            }
        )
    return {"jaren": jaren}


def tlvs_achter_getal(user, *, jaar: int, soort: str, categorie: str, vandaag: date) -> dict | None:
    """The TLVs behind one number of the forecast, as the TLV app scopes them for ``user``.

    Returns ``None`` without rights or parameters; ``{"aanwezig": False}`` without a TLV register.
    """
    if not mag_lezen(user):
        return None
    params = parameters_voor(jaar)
    if params is None:
        return None
    peildatum = min(params.teldatum, vandaag)
    tlvs = bronnen.tlv_lijst(user, peildatum=peildatum, soort=soort, categorie=categorie)
    if tlvs is None:
        return {"aanwezig": False, "peildatum": peildatum}
    rijen = [asdict(t) for t in tlvs]
    tarief = params.so_tarieven.get(categorie, params.sbo_tarief) if soort == "SO" else params.sbo_tarief
    return {
        "aanwezig": True,
        "peildatum": peildatum,
        "rijen": rijen,
        "tarief": tarief,
        "totaal": tarief * Decimal(len(rijen)),
    }
