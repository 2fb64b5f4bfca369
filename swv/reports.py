"""Report jobs of the platform: the school register as an Excel workbook (with progress)."""

from __future__ import annotations

import io

from django.utils import timezone

from swv.models import Leerlingtelling, School, Taak
from swv.taken import Voortgang, taaksoort


@taaksoort("scholenregister_excel")
def scholenregister_excel(taak: Taak, voortgang: Voortgang) -> tuple[str, bytes]:
    """All schools of the SWV with board, kring, gemeente and every DUO count (one sheet each)."""
    import pandas as pd

    voortgang(5, "Scholen ophalen")
    scholen = list(
        School.objects.select_related("gemeente", "bestuur", "kring")
        .order_by("naam")
        .values(
            "vestigingscode",
            "naam",
            "soort",
            "denominatie",
            "straat",
            "huisnummer",
            "postcode",
            "plaats",
            "gemeente__naam",
            "bestuur__nummer",
            "bestuur__naam",
            "kring__naam",
            "actief",
        )
    )
    voortgang(40, "Leerlingtellingen ophalen")
    tellingen = list(
        Leerlingtelling.objects.select_related("school")
        .order_by("school__naam", "teldatum")
        .values("school__vestigingscode", "teldatum", "aantal", "minder_dan_vijf")
    )
    voortgang(70, "Werkmap opbouwen")
    register = pd.DataFrame(scholen).rename(
        columns={
            "vestigingscode": "Vestigingscode",
            "naam": "Naam",
            "soort": "Soort",
            "denominatie": "Denominatie",
            "straat": "Straat",
            "huisnummer": "Huisnummer",
            "postcode": "Postcode",
            "plaats": "Plaats",
            "gemeente__naam": "Gemeente",
            "bestuur__nummer": "Bevoegd gezag",
            "bestuur__naam": "Bestuur",
            "kring__naam": "Kring",
            "actief": "Actief",
        }
    )
    telling = pd.DataFrame(tellingen)
    if not telling.empty:
        telling["aantal"] = telling.apply(lambda r: "<5" if r["minder_dan_vijf"] else r["aantal"], axis=1)
        telling = telling.pivot(index="school__vestigingscode", columns="teldatum", values="aantal")
        telling.columns = [d.isoformat() for d in telling.columns]
        telling.index.name = "Vestigingscode"
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        register.to_excel(writer, sheet_name="Scholen", index=False)
        if not telling.empty:
            telling.to_excel(writer, sheet_name="Leerlingtellingen")
    voortgang(95, "Opslaan")
    return f"scholenregister-{timezone.localdate():%Y%m%d}.xlsx", buffer.getvalue()
