"""Demo content of the quality app: national figures, a jaarplan with goals and a June evaluation,
calendar statuses, and an adopted jaarverslag published to the OPR (idempotent)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import Permission

from kwaliteit.choices import EvaluatieStatus, MomentStatus, Richting
from kwaliteit.models import Inspectiestandaard, Jaarplan, KalenderItem, OspThema, Publicatie, Rapport
from swv.choices import Rol
from swv.demo import DemoContext, demo_stap
from swv.waarden import vereist

_Actie = tuple[str, str, Decimal | None]
_Doel = tuple[str, str, str, str, str, Decimal | None, Decimal | None, str, list[str], list[str], list[_Actie]]

#: Seed 003 (Noord-Kennemerland 2025), shortened: (ambition, [(code, goal, result, indicator, direction, baseline,
#: target, key figure, standards, themes, [(action, by whom, budget)])]).
AMBITIES: list[tuple[str, list[_Doel]]] = [
    (
        "Hoorrecht: kinderen worden gehoord in de beslissingen die hen aangaan",
        [
            (
                "1a",
                "Hoorrecht realiseren (de stem van het kind)",
                "In ieder MDO en bij de inzet van extra ondersteuning wordt de stem van het kind gehoord en vastgelegd.",
                "Aandeel MDO's met de stem van het kind",
                Richting.NIET_LAGER,
                None,
                Decimal("90"),
                "mdo_hoorrecht:aandeel_stem_kind",
                ["BKA1", "RPO1"],
                ["Hoorrecht: de stem van het kind"],
                [
                    (
                        "Masterclass per werkgebied om hoorrecht te agenderen",
                        "Scholen, schoolbesturen, consulent",
                        Decimal("4000"),
                    ),
                    ("De consulent checkt in ieder MDO of het kind gehoord is", "Consulenten", None),
                ],
            ),
        ],
    ),
    (
        "Inclusief en passend onderwijs: kinderen gaan zo thuisnabij mogelijk naar school",
        [
            (
                "2a",
                "Terugdringen van het deelnamepercentage S(B)O",
                "Het aantal verwijzingen naar het SO is kleiner of gelijk aan de landelijke norm; het aantal TLV-aanvragen neemt af.",
                "Deelnamepercentage SO min het landelijk percentage",
                Richting.NIET_HOGER,
                None,
                Decimal("0"),
                "deelnamepercentage:so_min_landelijk",
                ["RPO1", "RPO3"],
                ["Minder leerlingen in SBO en SO; thuisnabij onderwijs"],
                [
                    ("Herijkte TLV-procedure in werking met ingang van schooljaar 2025-2026", "TLC, consulenten", None),
                    (
                        "Voor ieder MDO de logische navolgbaarheid van de ondersteuningsroute belichten",
                        "Scholen, consulenten",
                        None,
                    ),
                ],
            ),
            (
                "2e",
                "Schoolaanwezigheid blijft hoog; het aantal thuiszitters blijft gelijk of daalt",
                "Door de voorzieningen in het SO daalt het aantal leerlingen dat thuis komt te zitten.",
                "Actieve thuiszittersdossiers",
                Richting.NIET_HOGER,
                None,
                Decimal("0"),
                "thuiszitters:actief",
                ["RPO1", "RPO2"],
                ["Geen thuiszitters: een dekkend netwerk"],
                [
                    (
                        "De-escalatieladder hanteren en twee keer per jaar de uitstroom evalueren",
                        "Beleidsmedewerker, leerrecht",
                        Decimal("2500"),
                    )
                ],
            ),
        ],
    ),
    (
        "De norm voor basis- en extra ondersteuning is vertaald naar het SOP van alle scholen",
        [
            (
                "3a",
                "Scholen bieden de ondersteuning zoals beschreven in het SOP",
                "Elke school heeft een geactualiseerd SOP met de landelijke normen voor basisondersteuning.",
                "Aandeel scholen met een geactualiseerd SOP (%)",
                Richting.NIET_LAGER,
                None,
                Decimal("100"),
                "",
                ["BKA2", "BKA3"],
                ["Inclusieve en adaptieve praktijken in de werkgebieden"],
                [
                    (
                        "Twee bijeenkomsten per jaar voor beleidsmedewerkers van besturen en consulenten",
                        "Beleidsmedewerker",
                        Decimal("1500"),
                    )
                ],
            ),
        ],
    ),
]

JUNI_REFLECTIES = {
    "1a": (
        EvaluatieStatus.OP_KOERS,
        "De masterclasses zijn in zes van de acht werkgebieden gegeven; de andere twee volgen in september.",
    ),
    "2a": (
        EvaluatieStatus.AANDACHT,
        "Het SO-percentage ligt boven het landelijke; de herijkte TLV-procedure start na de zomer.",
    ),
    "2e": (
        EvaluatieStatus.AANDACHT,
        "Nog geen registratie in het portaal; de cijfers komen uit de risicolijst van mei.",
    ),
    "3a": (
        EvaluatieStatus.OP_KOERS,
        "Twee derde van de scholen heeft het SOP bijgewerkt; de rest volgt voor augustus.",
    ),
}


def _landelijk() -> str:
    from kwaliteit.services.fouten import KwaliteitFout
    from kwaliteit.services.landelijk import landelijke_cijfers_importeren, swv_cijfers_importeren

    try:
        verslag = landelijke_cijfers_importeren(map_=settings.DUO_DATA_DIR)
        aantal = swv_cijfers_importeren(map_=settings.DUO_DATA_DIR)
    except KwaliteitFout as fout:
        return f"Landelijke cijfers niet ingelezen: {fout}"
    return f"{verslag.regels()[0]} Vergelijking: {aantal} rijen per samenwerkingsverband."


def _jaarplan(ctx: DemoContext) -> Jaarplan:
    from kwaliteit.services import jaarplan as s

    jaar = ctx.vandaag.year
    plan = Jaarplan.objects.filter(jaar=jaar).first()
    if plan is not None:
        return plan
    beleid, db = ctx.gebruikers[Rol.BELEIDSMEDEWERKER], ctx.gebruikers[Rol.DB]
    plan = s.jaarplan_aanmaken(
        jaar=jaar,
        titel=f"Jaarplan {jaar}",
        door=beleid,
        inleiding="Het jaarplan vertaalt het ondersteuningsplan naar doelen voor dit jaar. Twee keer per jaar, in juni en "
        "oktober, reflecteren we op de voortgang.",
    )
    standaarden = {s_.code: s_ for s_ in Inspectiestandaard.objects.all()}
    themas = {t.naam: t for t in OspThema.objects.all()}
    juni = vereist(plan.evaluatiemomenten.order_by("datum").first(), "the June evaluation moment of the plan")
    for nummer, (titel, doelen) in enumerate(AMBITIES, start=1):
        ambitie = s.ambitie_opslaan(jaarplan=plan, nummer=nummer, titel=titel, door=beleid)
        for code, doel_titel, resultaat, indicator, richting, nul, streef, kengetal, stds, thms, acties in doelen:
            doel = s.doel_opslaan(
                ambitie=ambitie,
                code=code,
                titel=doel_titel,
                beoogd_resultaat=resultaat,
                indicator=indicator,
                richting=richting,
                nulmeting=nul,
                streefwaarde=streef,
                kengetal=kengetal,
                inspectiestandaarden=[standaarden[c] for c in stds if c in standaarden],
                osp_themas=[themas[t] for t in thms if t in themas],
                door=beleid,
            )
            for omschrijving, door_wie, budget in acties:
                s.actie_opslaan(doel=doel, omschrijving=omschrijving, door_wie=door_wie, budget=budget, door=beleid)
    s.jaarplan_vaststellen(jaarplan=plan, door=db)
    for doel in plan.doelen.all():
        status, reflectie = JUNI_REFLECTIES[doel.code]
        s.evaluatie_vastleggen(doel=doel, moment=juni, status=status, reflectie=reflectie, door=beleid)
    return plan


def _kalender(ctx: DemoContext) -> int:
    from kwaliteit.services.kalender import kalendermoment_bijwerken

    n = 0
    for item in KalenderItem.objects.filter(actief=True):
        if (
            item.is_verwacht_in(ctx.vandaag.year, ctx.vandaag.month)
            and not item.momenten.filter(jaar=ctx.vandaag.year, maand=ctx.vandaag.month).exists()
        ):
            kalendermoment_bijwerken(
                item=item,
                jaar=ctx.vandaag.year,
                maand=ctx.vandaag.month,
                status=MomentStatus.IN_VOORBEREIDING,
                opmerking="Opzet besproken in het MT.",
                door=ctx.gebruikers[Rol.BELEIDSMEDEWERKER],
            )
            n += 1
    return n


def _jaarverslag(ctx: DemoContext) -> str:
    from kwaliteit.choices import Doelgroep, OprBesluitSoort, RapportSoort, VersieStatus
    from kwaliteit.services import publicaties, verslagen
    from swv.taken import taak_uitvoeren_service

    jaar = ctx.vandaag.year - 1
    db, opr = ctx.gebruikers[Rol.DB], ctx.gebruikers[Rol.OPR_LID]
    rapport = Rapport.objects.filter(soort=RapportSoort.JAARVERSLAG, jaar=jaar).first()
    versie = rapport.versies.filter(status=VersieStatus.VASTGESTELD).first() if rapport else None
    if versie is None:
        versie = verslagen.rapport_genereren(soort=RapportSoort.JAARVERSLAG, jaar=jaar, door=db)
        # The demo renders the PDF here and now; the queued message later finds the job done.
        taak_uitvoeren_service(taak_id=versie.taak_id)
        versie = verslagen.rapportversie_vaststellen(versie=versie, door=db)
    publicatie = Publicatie.objects.filter(bron_versie=versie, voor_opr=True).first()
    if publicatie is None:
        publicatie = publicaties.publiceren_van_versie(
            versie=versie,
            doelgroepen=[Doelgroep.OPR, Doelgroep.ALV_RVT],
            door=db,
            toelichting="Het jaarverslag met infographic, zoals vastgesteld door de directeur-bestuurder.",
        )
    # The demo OPR member is the OPR's secretary and has recorded that the OPR took note of it.
    opr.user_permissions.add(
        Permission.objects.get(codename="oprbesluit_vastleggen", content_type__app_label="kwaliteit")
    )
    opr = type(opr).objects.get(pk=opr.pk)
    if not publicatie.opr_besluiten.exists():
        publicaties.oprbesluit_vastleggen(
            publicatie=publicatie,
            besluit=OprBesluitSoort.KENNISGENOMEN,
            datum=ctx.vandaag,
            opmerkingen="Besproken in de OPR-vergadering; vragen over het SO-percentage zijn beantwoord.",
            door=opr,
        )
    return f"Jaarverslag {jaar}: versie {versie.nummer} vastgesteld en gepubliceerd aan de OPR."


@demo_stap(volgorde=80)
def demo_kwaliteit(ctx: DemoContext) -> str:
    meldingen = [_landelijk()]
    plan = _jaarplan(ctx)
    meldingen.append(f"Jaarplan {plan.jaar}: {plan.doelen.count()} doelen, evaluatie juni vastgelegd.")
    meldingen.append(f"Kwaliteitskalender: {_kalender(ctx)} producten deze maand in voorbereiding.")
    meldingen.append(_jaarverslag(ctx))
    return " ".join(meldingen)


def _klacht(ctx: DemoContext, dagen_geleden: int, onderwerp: str, omschrijving: str, stappen: int) -> None:
    """One complaint, registered ``dagen_geleden`` days ago and taken ``stappen`` steps along."""
    from datetime import timedelta

    from kwaliteit.services import klachten

    db, beleid = ctx.gebruikers[Rol.DB], ctx.gebruikers[Rol.BELEIDSMEDEWERKER]
    ontvangen = ctx.vandaag - timedelta(days=dagen_geleden)
    klacht = klachten.klacht_registreren(
        ontvangen_op=ontvangen,
        onderwerp=onderwerp,
        omschrijving=omschrijving,
        indiener_naam="Ouder (demo)",
        indiener_contact="ouder@example.nl",
        school=ctx.school_a,
        door=beleid,
    )
    if stappen >= 1:
        klachten.klacht_bevestigen(klacht=klacht, bevestigd_op=ontvangen + timedelta(days=2), door=db)
    if stappen >= 2:
        klachten.klacht_in_behandeling_nemen(klacht=klacht, door=db)
        klachten.klacht_derde_inschakelen(
            klacht=klacht, derde="vertrouwenspersoon", ingeschakeld_op=ontvangen + timedelta(days=5), door=db
        )
    if stappen >= 3:
        klachten.klacht_afhandelen(
            klacht=klacht,
            oordeel="deels_gegrond",
            afgehandeld_op=ontvangen + timedelta(days=30),
            toelichting="De ouder is te laat geïnformeerd over het besluit; excuses zijn aangeboden.",
            lessen="Ouders binnen twee werkdagen informeren over een besluit; opgenomen in de werkwijze.",
            door=db,
        )


@demo_stap(volgorde=85)
def demo_klachten(ctx: DemoContext) -> str:
    """Three complaints of parents: closed with a lesson, being handled with a confidential adviser,
    and one just received (idempotent: only when there are none)."""
    from kwaliteit.models import Klacht

    if not Klacht.objects.exists():
        _klacht(ctx, 60, "communicatie", "De ouder is niet op de hoogte gebracht van het besluit van de TLC.", 3)
        _klacht(ctx, 20, "bejegening", "De ouder voelde zich niet gehoord in het gesprek over de aanvraag.", 2)
        _klacht(ctx, 2, "termijnen", "De ouder wacht lang op een plaatsingsvoorstel.", 0)
    return f"Klachten: {Klacht.objects.count()} (afgehandeld, in behandeling, ontvangen)."
