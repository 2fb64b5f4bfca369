"""Demo: the register of privacy requests of school A's pupils in every state (received, in
progress and overdue, extended with a reason, answered), so the DB sees deadlines and actions."""

from __future__ import annotations

from datetime import timedelta

from leerlingen.models import Inschrijving, Leerling, Privacyverzoek
from leerlingen.services import privacy as services
from swv.choices import Rol
from swv.demo import DemoContext, demo_stap


@demo_stap(volgorde=90)
def demo_privacyverzoeken(ctx: DemoContext) -> str | None:
    if Privacyverzoek.objects.filter(leerling__inschrijvingen__school__swv=ctx.swv).exists():
        return None
    db = ctx.gebruikers[Rol.DB]
    ids = Inschrijving.objects.filter(school=ctx.school_a).actief_op(ctx.vandaag).values_list("leerling_id", flat=True)
    leerlingen = list(Leerling.objects.filter(pk__in=list(ids[:4])).order_by("pk"))
    if len(leerlingen) < 4:
        return None
    plannen = [
        ("inzage", "moeder", 10, "Ouders willen het hele dossier inzien, ook de verslagen van de MDO's."),
        ("correctie", "beide ouders", 40, "De diagnose in het groeidocument klopt niet meer."),
        ("verwijdering", "vader", 20, "Verwijder de oude signalering uit groep 3."),
        ("bezwaar", "moeder", 35, "Bezwaar tegen het delen van het OPP met de gemeente."),
    ]
    verzoeken = [
        services.privacyverzoek_registreren(
            leerling=leerling,
            soort=soort,
            ingediend_door_omschrijving=door,
            toelichting=tekst,
            ingediend_op=ctx.vandaag - timedelta(days=dagen),
            door=db,
        )
        for leerling, (soort, door, dagen, tekst) in zip(leerlingen, plannen, strict=True)
    ]
    services.privacyverzoek_in_behandeling_nemen(verzoek=verzoeken[1], door=db)
    services.privacyverzoek_verlengen(
        verzoek=verzoeken[1], reden="Het dossier is omvangrijk; de consulent moet gehoord worden.", door=db
    )
    services.privacyverzoek_afhandelen(
        verzoek=verzoeken[2],
        uitkomst=Privacyverzoek.Uitkomst.AFGEWEZEN,
        toelichting="De signalering valt onder de wettelijke bewaartermijn van het dossier.",
        door=db,
    )
    services.privacyverzoek_in_behandeling_nemen(verzoek=verzoeken[3], door=db)  # overdue: 35 days
    return f"{len(verzoeken)} privacyverzoeken"
