"""National figures: import the national pupil totals from DUO's historical file, and enter or
correct a year's figures by hand."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from kwaliteit.models import LandelijkCijfer, SwvCijfer
from kwaliteit.services.fouten import KwaliteitFout
from swv.access import heeft_rol
from swv.choices import Rol
from swv.duo import HISTORISCH, DuoImportFout, swv_per_vestiging, teldatum_voor_kolom

#: DUO's SOORT_VESTIGING -> the national total it counts towards (VSO belongs to secondary education).
GROEPEN = {"BO": "leerlingen_bo", "SBO": "leerlingen_sbo", "SO": "leerlingen_so", "SO/VSO": "leerlingen_so"}
BEWERKEN = (Rol.DB, Rol.BELEIDSMEDEWERKER)


@dataclass
class ImportVerslag:
    nieuw: list[date] = field(default_factory=list)
    gewijzigd: list[date] = field(default_factory=list)
    ongewijzigd: int = 0

    def regels(self) -> list[str]:
        return [
            f"Landelijke cijfers: nieuw {len(self.nieuw)}, gewijzigd {len(self.gewijzigd)}, ongewijzigd {self.ongewijzigd}."
        ]


def _lees_historisch(pad: Path):
    """DUO's historical file as (rows of BO/SBO/SO/SO-VSO, {count date: integer counts}). DUO's
    masked "<5" cells count as 0 (13 cells in 2025: at most 4 pupils each); any other non-number
    stops the import, naming file, line and column."""
    import pandas as pd

    try:
        df = pd.read_csv(pad, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    except FileNotFoundError:
        raise KwaliteitFout(_("File not found: %(pad)s") % {"pad": pad})
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise KwaliteitFout(_("Not a readable DUO file: %(fout)s") % {"fout": exc})
    jaarkolommen = sorted(k for k in df.columns if re.fullmatch(r"LEERLINGEN_[0-9]{4}", k))
    if "SOORT_VESTIGING" not in df.columns or not jaarkolommen:
        raise KwaliteitFout(_("The file lacks the columns SOORT_VESTIGING and LEERLINGEN_<year>."))
    df = df[df["SOORT_VESTIGING"].isin(GROEPEN)]
    tellingen = {}
    for kolom in jaarkolommen:
        waarden = df[kolom].str.strip().replace({"<5": "0", "": "0"})
        ongeldig = waarden[~waarden.str.fullmatch(r"[0-9]+")]
        if not ongeldig.empty:
            regel = int(ongeldig.index[0]) + 2
            raise KwaliteitFout(
                _("%(bestand)s, line %(regel)s, column %(kolom)s: invalid number %(waarde)r.")
                % {"bestand": Path(pad).name, "regel": regel, "kolom": kolom, "waarde": ongeldig.iloc[0]}
            )
        tellingen[teldatum_voor_kolom(int(kolom.split("_")[1]))] = waarden.astype(int)
    return df, tellingen


def lees_landelijke_totalen(pad: Path) -> dict[date, dict[str, int]]:
    """Per count date the national totals of BO, SBO and SO (incl. SO/VSO)."""
    df, tellingen = _lees_historisch(pad)
    totalen: dict[date, dict[str, int]] = {}
    for teldatum, waarden in tellingen.items():
        per_groep = waarden.groupby(df["SOORT_VESTIGING"].map(GROEPEN)).sum()
        totalen[teldatum] = {veld: int(per_groep.get(veld, 0)) for veld in set(GROEPEN.values())}
    return totalen


def lees_swv_totalen(map_: Path) -> dict[tuple[str, date], dict[str, int]]:
    """Per (PO SWV, count date) the totals of BO, SBO and SO and the number of vestigingen with
    pupils, for all 76 SWVs (``swv.duo.swv_per_vestiging`` assigns each vestiging)."""
    df, tellingen = _lees_historisch(Path(map_) / HISTORISCH)
    if not {"VESTIGINGSCODE", "GEMEENTENAAM_VESTIGING"} <= set(df.columns):
        raise KwaliteitFout(_("The file lacks the columns VESTIGINGSCODE and GEMEENTENAAM_VESTIGING."))
    try:
        per_vestiging = swv_per_vestiging(
            Path(map_), dict(zip(df["VESTIGINGSCODE"], df["GEMEENTENAAM_VESTIGING"], strict=True))
        )
    except DuoImportFout as fout:
        raise KwaliteitFout(str(fout)) from None
    swv = df["VESTIGINGSCODE"].map(per_vestiging)
    groep = df["SOORT_VESTIGING"].map(GROEPEN)
    totalen: dict[tuple[str, date], dict[str, int]] = {}
    for teldatum, waarden in tellingen.items():
        bekend = swv.notna() & (waarden > 0)
        if not bekend.any():
            continue
        per_swv = waarden[bekend].groupby([swv[bekend], groep[bekend]]).sum()
        aantal = waarden[bekend].groupby(swv[bekend]).size()
        for code, n in aantal.items():
            totalen[(str(code), teldatum)] = {
                **{veld: int(per_swv.get((code, veld), 0)) for veld in set(GROEPEN.values())},
                "vestigingen": int(n),
            }
    return totalen


@transaction.atomic
def swv_cijfers_importeren(*, map_: Path) -> int:
    """Create or update every SWV's totals per count date (idempotent: one row per SWV and count
    date, updated in place). Returns the number of rows."""
    totalen = lees_swv_totalen(Path(map_))
    rijen = [SwvCijfer(swv_code=code, teldatum=teldatum, **waarden) for (code, teldatum), waarden in totalen.items()]
    SwvCijfer.objects.bulk_create(
        rijen,
        batch_size=1000,
        update_conflicts=True,
        unique_fields=["swv_code", "teldatum"],
        update_fields=["leerlingen_bo", "leerlingen_sbo", "leerlingen_so", "vestigingen", "bijgewerkt"],
    )
    return len(rijen)


@transaction.atomic
def landelijke_cijfers_importeren(*, map_: Path) -> ImportVerslag:
    """Create or update the national totals per count date from DUO's file (idempotent). Rates
    entered by hand are kept; a year entered by hand keeps its source label."""
    totalen = lees_landelijke_totalen(Path(map_) / HISTORISCH)
    verslag = ImportVerslag()
    bestaand = {c.teldatum: c for c in LandelijkCijfer.objects.filter(teldatum__in=list(totalen))}
    for teldatum, waarden in sorted(totalen.items()):
        cijfer = bestaand.get(teldatum)
        if cijfer is None:
            LandelijkCijfer.objects.create(teldatum=teldatum, bron=LandelijkCijfer.Bron.DUO, **waarden)
            verslag.nieuw.append(teldatum)
        elif any(getattr(cijfer, k) != v for k, v in waarden.items()):
            for k, v in waarden.items():
                setattr(cijfer, k, v)
            cijfer.save()
            verslag.gewijzigd.append(teldatum)
        else:
            verslag.ongewijzigd += 1
    return verslag


@transaction.atomic
def landelijk_cijfer_opslaan(
    *,
    teldatum: date,
    leerlingen_bo: int | None,
    leerlingen_sbo: int | None,
    leerlingen_so: int | None,
    deelname_sbo: Decimal | None,
    deelname_so: Decimal | None,
    opmerking: str = "",
    cijfer: LandelijkCijfer | None = None,
    door,
) -> LandelijkCijfer:
    """Enter or correct the national figures of one count date (DB or beleidsmedewerker)."""
    if not heeft_rol(door, *BEWERKEN):
        raise PermissionDenied
    for pct in (deelname_sbo, deelname_so):
        if pct is not None and not (0 <= pct <= 100):
            raise KwaliteitFout(_("A percentage lies between 0 and 100."))
    zelfde = LandelijkCijfer.objects.filter(teldatum=teldatum)
    if (zelfde.exclude(pk=cijfer.pk) if cijfer else zelfde).exists():
        raise KwaliteitFout(_("There are already national figures for this count date."))
    cijfer = cijfer or LandelijkCijfer()
    cijfer.teldatum, cijfer.opmerking = teldatum, opmerking
    cijfer.leerlingen_bo, cijfer.leerlingen_sbo, cijfer.leerlingen_so = leerlingen_bo, leerlingen_sbo, leerlingen_so
    cijfer.deelname_sbo, cijfer.deelname_so = deelname_sbo, deelname_so
    cijfer.bron = LandelijkCijfer.Bron.HANDMATIG
    cijfer.save()
    return cijfer
