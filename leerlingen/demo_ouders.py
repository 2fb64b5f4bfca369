"""Demo of the parents' portal (issue 14): ``ouder@demo.swv.nl`` (mother with gezag of a pupil of
ib@'s school, with a dossier with shared sections, an OPP version waiting for consent, an MDO she
was invited to and, where the demo has one, an arrangement or TLV request waiting for her view) and
``ouder2@demo.swv.nl`` (a parent of a pupil of ib2@'s school). Runs after the arrangement and TLV
demo steps, and reads those apps through the parents' portal registry."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Max
from django.utils import timezone

from leerlingen.choices import Deelnemersrol, DossierStatus, MDOStatus, OPPStatus, Ouderrelatie, Sectie, Uitstroomniveau
from leerlingen.models import OPP, Dossier, DossierSectie, Inschrijving, MDODeelnemer, OPPVersie, OuderKoppeling
from leerlingen.ouders.bronnen import verzoeken_van
from swv.choices import Rol
from swv.demo import DEMO_EXTERNE_ACCOUNTS, DEMO_WACHTWOORD, DemoContext, demo_stap
from swv.models import Gebruiker, School

DEMO_OUDERS = [
    ("ouder@demo.swv.nl", "Mira", "Jansen", "a"),
    ("ouder2@demo.swv.nl", "Eva", "Bakker", "b"),
]
DEMO_EXTERNE_ACCOUNTS.extend(
    [
        ("ouder@demo.swv.nl", "ouder met gezag van een leerling van school A (ouderportaal)"),
        ("ouder2@demo.swv.nl", "ouder met gezag van een leerling van school B (ouderportaal)"),
    ]
)


def _kies_kind(school: School, vandaag):
    """A pupil of ``school`` with an open dossier; preferably one with a request that waits for the
    parents' view (so the demo shows the zienswijze), else the first."""
    ingeschreven = Inschrijving.objects.actief_op(vandaag).filter(school=school).values("leerling_id")
    dossiers = list(
        Dossier.objects.filter(school=school, leerling_id__in=ingeschreven)
        .exclude(status=DossierStatus.AFGESLOTEN)
        .exclude(leerling__ouderkoppelingen__isnull=False)
        .select_related("leerling", "regievoerder")
        .order_by("pk")[:300]
    )
    for d in dossiers:
        if any(v.zienswijze_open for v in verzoeken_van(d.leerling)):
            return d
    return dossiers[0] if dossiers else None


def _ouder(email: str, voornaam: str, achternaam: str) -> Gebruiker:
    user, _ = Gebruiker.objects.get_or_create(email=email, defaults={"voornaam": voornaam, "achternaam": achternaam})
    user.is_demo = True
    user.set_password(DEMO_WACHTWOORD)
    user.save()
    return user


@demo_stap(volgorde=90)
def demo_ouders(ctx: DemoContext) -> str | None:
    if OuderKoppeling.objects.filter(ouder__email="ouder@demo.swv.nl").exists():
        return None
    vandaag = ctx.vandaag
    gemaakt = []
    for email, voornaam, achternaam, scope in DEMO_OUDERS:
        school = ctx.school_a if scope == "a" else ctx.school_b
        dossier = _kies_kind(school, vandaag)
        if dossier is None:
            continue
        ib = ctx.gebruikers.get(Rol.IB_ER) if scope == "a" else dossier.regievoerder
        ib = ib or dossier.regievoerder
        ouder = _ouder(email, voornaam, achternaam)
        OuderKoppeling.objects.create(
            ouder=ouder,
            leerling=dossier.leerling,
            relatie=Ouderrelatie.MOEDER,
            gezag=True,
            begin=vandaag - timedelta(days=30),
            uitgenodigd_door=ib,
        )
        # The school shares the support needs and the parents' own view; the analysis stays internal.
        for sectie, tekst in (
            (Sectie.ONDERSTEUNINGSBEHOEFTEN, "Korte instructie, vaste plek in de klas en een dagplanning."),
            (Sectie.VISIE_OUDERS, "Ouders zien thuis dezelfde leesproblemen en oefenen elke dag tien minuten."),
        ):
            DossierSectie.objects.update_or_create(
                dossier=dossier,
                sectie=sectie,
                defaults={
                    "tekst": tekst,
                    "school": dossier.school,
                    "bijgewerkt_door": dossier.regievoerder,
                    "gedeeld_met_ouders": True,
                },
            )
        # An OPP version waiting for the parents' consent (a concept the school put forward).
        opp, _ = OPP.objects.get_or_create(dossier=dossier)
        if not opp.versies.filter(status=OPPStatus.CONCEPT).exists():
            OPPVersie.objects.create(
                opp=opp,
                versienummer=(opp.versies.aggregate(n=Max("versienummer"))["n"] or 0) + 1,
                status=OPPStatus.CONCEPT,
                school=dossier.school,
                uitstroomniveau=Uitstroomniveau.VMBO_KADER,
                doelen="Technisch lezen op AVI M5 aan het eind van het schooljaar.",
                handelingsdeel="Twee keer per week twintig minuten leesbegeleiding door de onderwijsassistent.",
                opgesteld_door=dossier.regievoerder,
            )
        # An MDO to which the parents were invited.
        mdo = dossier.mdos.exclude(status=MDOStatus.GEANNULEERD).first()
        if mdo is not None and not mdo.deelnemers.filter(rol=Deelnemersrol.OUDER).exists():
            MDODeelnemer.objects.create(
                mdo=mdo, naam=f"{voornaam} {achternaam}", rol=Deelnemersrol.OUDER, uitgenodigd_op=timezone.now()
            )
        gemaakt.append(email)
    return f"ouderportaal: {len(gemaakt)} demo-ouders gekoppeld"
