"""What a T-rapportage shows, for the web page and the PDF alike: the key-figure snapshot taken
when the lines are computed, and the display context (totals, reserve, charts) built from the
report's own lines, so page, PDF and reconciliation can never disagree."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from financien import bronnen, grafieken
from financien.bekostiging import NUL
from financien.berekening import Reservepositie, afdrachtprognose, leerlingaantallen, reserveposities, totalen
from financien.choices import Blok
from financien.models import Begrotingsbedrag, TRapportage


def _d(waarde) -> str | None:
    return None if waarde is None else str(waarde)


def kengetallen_bepalen(rapport: TRapportage, *, vandaag: date) -> dict:
    """The numbers behind the money at generation time (JSON): pupils at the count date, active
    TLVs and their deductions, arrangement money, and the reserve the year starts from."""
    from financien.services.rapportage import ontbrekende_maanden

    params = rapport.parameters
    data: dict = {
        "ontbrekende_maanden": ontbrekende_maanden(rapport.jaar, rapport.tot_en_met_maand),
        "parameters": None,
        "leerlingen": None,
        "tlv": None,
    }
    if params is not None:
        data["parameters"] = {"versie": params.versie, "teldatum": params.teldatum.isoformat()}
        leerlingen = leerlingaantallen(params.teldatum, params.prognose_groei)
        data["leerlingen"] = {
            "gevraagde_teldatum": leerlingen.gevraagde_teldatum.isoformat(),
            "gebruikte_teldatum": leerlingen.gebruikte_teldatum.isoformat() if leerlingen.gebruikte_teldatum else None,
            "prognosejaren": leerlingen.prognosejaren,
            "bao": _d(leerlingen.bao.quantize(Decimal("1"))),
            "sbo": _d(leerlingen.sbo.quantize(Decimal("1"))),
            "so": _d(leerlingen.so.quantize(Decimal("1"))),
        }
        afdracht = afdrachtprognose(params, vandaag=vandaag, leerlingen=leerlingen)
        data["tlv"] = {
            "aanwezig": afdracht.aanwezig,
            "peildatum": afdracht.peildatum.isoformat(),
            "regels": [
                {
                    "label": str(r.label),
                    "soort": r.soort,
                    "categorie": r.categorie,
                    "aantal": r.aantal,
                    "tarief": _d(r.tarief),
                    "bedrag": _d(r.bedrag),
                }
                for r in afdracht.regels
            ],
            "totaal": _d(afdracht.totaal) if afdracht.aanwezig else None,
        }
    beslag = bronnen.arrangementen_beslag(jaar=rapport.jaar)
    begroot = sum(
        Begrotingsbedrag.objects.filter(begroting__jaar=rapport.jaar, post__blok=Blok.ARRANGEMENTEN).values_list(
            "bedrag", flat=True
        ),
        NUL,
    )
    data["arrangementen"] = {
        "aanwezig": beslag is not None,
        "begroot": _d(begroot),
        "toegekend": _d(beslag["toegekend"]) if beslag else None,
        "gerealiseerd": _d(beslag["gerealiseerd"]) if beslag else None,
        "aantal_toegekend": beslag.get("aantal_toegekend") if beslag else None,
    }
    posities = [p for p in reserveposities() if p.jaar <= rapport.jaar]
    data["reserve"] = [
        {
            "jaar": p.jaar,
            "basis": p.basis,
            "begin": _d(p.begin),
            "baten": _d(p.baten),
            "lasten": _d(p.lasten),
            "dotatie": _d(p.dotatie),
            "signaleringswaarde": _d(p.signaleringswaarde),
            "minimum": _d(p.minimum),
            "begin_bekend": p.begin_bekend,
            "maanden": p.maanden,
        }
        for p in posities
    ]
    return data


def _positie(d: dict) -> Reservepositie:
    return Reservepositie(
        jaar=d["jaar"],
        basis=d["basis"],
        maanden=d["maanden"],
        begin=Decimal(d["begin"]),
        begin_bekend=d["begin_bekend"],
        baten=Decimal(d["baten"]),
        lasten=Decimal(d["lasten"]),
        dotatie=Decimal(d["dotatie"]),
        signaleringswaarde=Decimal(d["signaleringswaarde"]),
        minimum=Decimal(d["minimum"]),
    )


def _met_datums(k: dict) -> dict:
    """The snapshot with its ISO dates as dates again (for display)."""
    import copy

    k = copy.deepcopy(k)
    for deel, velden in (
        ("leerlingen", ("gevraagde_teldatum", "gebruikte_teldatum")),
        ("tlv", ("peildatum",)),
        ("parameters", ("teldatum",)),
    ):
        for veld in velden:
            if k.get(deel) and k[deel].get(veld):
                k[deel][veld] = date.fromisoformat(k[deel][veld])
    return k


def rapport_weergave(rapport: TRapportage, *, voor_pdf: bool = False) -> dict:
    """Lines, totals per block, reserve position and charts of one report (three queries)."""
    regels = list(rapport.regels.all())
    tot = totalen(regels)
    k = _met_datums(rapport.kengetallen or {})
    posities = [_positie(d) for d in k.get("reserve", [])]
    if posities and posities[-1].jaar == rapport.jaar:
        # The report's own year: the reserve on the report's forecast (lines may have been adjusted).
        eigen = posities[-1]
        eigen.baten, eigen.lasten, eigen.dotatie = tot.baten.prognose, tot.lasten.prognose, tot.dotatie.prognose
        eigen.basis = "prognose"
    reserve = posities[-1] if posities and posities[-1].jaar == rapport.jaar else None
    blokken = tot.blokken
    prefix = "pdf-" if voor_pdf else ""
    grafiek_blokken = grafieken.blokgrafiek(tot, f"{prefix}grafiek-blokken")
    grafiek_reserve = grafieken.reserve_tegen_drempels(posities, f"{prefix}grafiek-reserve") if posities else None
    leerlingen = k.get("leerlingen")
    tlv = k.get("tlv")
    grafiek_aantallen = None
    if leerlingen:
        labels_a = [_("Pupils BO"), _("Pupils SBO"), _("Pupils SO")]
        waarden = [leerlingen["bao"], leerlingen["sbo"], leerlingen["so"]]
        grafiek_aantallen = grafieken.aantallen(
            f"{prefix}grafiek-leerlingen",
            _("Pupils behind the money"),
            _("Horizontal bars of the pupils per kind of school at the count date used for funding."),
            labels_a,
            waarden,
            _("Pupils"),
        )
    grafiek_tlv = None
    if tlv and tlv["aanwezig"]:
        grafiek_tlv = grafieken.aantallen(
            f"{prefix}grafiek-tlv",
            _("Active TLVs behind the deductions"),
            _("Horizontal bars of the active TLVs per kind and category on the reference date."),
            [r["label"] for r in tlv["regels"]],
            [r["aantal"] for r in tlv["regels"]],
            _("TLVs"),
        )
    return {
        "rapport": rapport,
        "regels": regels,
        "regels_per_blok": [(b, [r for r in regels if r.blok == b.blok]) for b in blokken],
        "totalen": tot,
        "reserve": reserve,
        "kengetallen": k,
        "grafieken": [g for g in (grafiek_blokken, grafiek_reserve, grafiek_aantallen, grafiek_tlv) if g is not None],
    }
