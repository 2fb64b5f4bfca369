"""The arrangement requests in the parents' portal (issue 14): what parents see of their child's
requests, and the parent's view (zienswijze) and consent written into the request, registered with
``leerlingen.ouders.bronnen`` (leerlingen cannot import this app)."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from arrangementen import conf
from arrangementen.choices import AanvraagStatus
from arrangementen.models import Aanvraag, Besluit
from arrangementen.services.fouten import AanvraagFout
from leerlingen.choices import OuderBesluit
from leerlingen.ouders.bronnen import (
    OuderBron,
    OuderVerzoek,
    registreer_ouderbron,
    zienswijze_bewaren,
    zienswijze_openen,
)
from swv.demo import demo_stap

#: While the school prepares the request it waits for the parents' view.
ZIENSWIJZE_STATUSSEN = (AanvraagStatus.CONCEPT,)


def verzoeken(leerling) -> list[OuderVerzoek]:
    rijen = (
        Aanvraag.objects.filter(leerling=leerling).exclude(status=AanvraagStatus.INGETROKKEN).order_by("-aangemaakt")
    )
    return [
        OuderVerzoek(
            bron="arrangement",
            uuid=a.uuid,
            titel=_g("Arrangement request %(nummer)s") % {"nummer": a.nummer},
            status=a.get_status_display(),
            termijnen=[(_("Planned start"), a.begindatum), (_("Planned end"), a.einddatum)],
            zienswijze_open=a.status in ZIENSWIJZE_STATUSSEN,
            zienswijze=a.ouders_visie,
            besluit_label=a.get_ouders_portaal_besluit_display(),
            beantwoord_op=a.ouders_portaal_op,
        )
        for a in rijen
    ]


@transaction.atomic
def zienswijze_geven(*, koppeling, uuid, besluit: str, tekst: str) -> Aanvraag:
    """The parent's view and consent (or refusal) on a draft request, as data in the request: the
    view text, consent yes/no with its date, and who answered when in the portal."""
    aanvraag, tekst = zienswijze_openen(
        Aanvraag.objects.all(),
        koppeling=koppeling,
        uuid=uuid,
        statussen=ZIENSWIJZE_STATUSSEN,
        besluit=besluit,
        tekst=tekst,
        fout=AanvraagFout,
    )
    aanvraag.ouders_visie = tekst
    aanvraag.ouders_toestemming = besluit == OuderBesluit.INGESTEMD
    aanvraag.ouders_toestemming_datum = timezone.localdate() if aanvraag.ouders_toestemming else None
    zienswijze_bewaren(
        aanvraag,
        koppeling=koppeling,
        besluit=besluit,
        velden=["ouders_visie", "ouders_toestemming", "ouders_toestemming_datum"],
    )
    return aanvraag


def _bezwaartermijn(bezorgd: date) -> date:
    return bezorgd + timedelta(weeks=conf.bezwaartermijn_weken())


def besluitbrief_bezorgen(besluit: Besluit) -> None:
    """Deliver the decision letter to the parents with legal authority and notify them (the objection
    term, when the SWV allows objection, counted from the delivery); called when the job is queued."""
    from django.conf import settings
    from django.utils import translation

    from leerlingen.services.ouders import brieven_bezorgen

    if besluit.brief_taak is None:
        return
    aanvraag = besluit.aanvraag
    with translation.override(settings.LANGUAGE_CODE):
        titel = _g("Decision on arrangement request %(nummer)s") % {"nummer": aanvraag.nummer}
    brieven_bezorgen(
        leerling=aanvraag.leerling,
        bron="arrangement",
        bron_uuid=besluit.uuid,
        titel=titel,
        taak=besluit.brief_taak,
        bezwaartermijn=_bezwaartermijn if conf.bezwaar_mogelijk() else None,
    )


registreer_ouderbron(
    OuderBron(
        sleutel="arrangement", label=_("Arrangement request"), verzoeken=verzoeken, zienswijze_geven=zienswijze_geven
    )
)


@demo_stap(volgorde=95)
def demo_ouderbrief(ctx) -> str | None:
    """Demo (issue 14): ``ouder@demo.swv.nl`` also has a second child at school A with a decided
    request, whose decision letter is delivered to the parents' portal."""
    from leerlingen.choices import Ouderrelatie
    from leerlingen.models import Inschrijving, OuderBrief, OuderKoppeling
    from swv.models import Gebruiker

    ouder = Gebruiker.objects.filter(email="ouder@demo.swv.nl").first()
    if ouder is None or OuderBrief.objects.filter(ouder=ouder).exists():
        return None
    ingeschreven = Inschrijving.objects.actief_op(ctx.vandaag).filter(school=ctx.school_a).values("leerling_id")
    besluit = (
        Besluit.objects.filter(
            aanvraag__school=ctx.school_a, aanvraag__leerling_id__in=ingeschreven, brief_taak__isnull=False
        )
        .exclude(aanvraag__leerling__ouderkoppelingen__isnull=False)
        .select_related("aanvraag__leerling", "brief_taak")
        .order_by("-datum")
        .first()
    )
    if besluit is None:
        return None
    koppeling = OuderKoppeling.objects.filter(ouder=ouder).first()
    OuderKoppeling.objects.create(
        ouder=ouder,
        leerling=besluit.aanvraag.leerling,
        relatie=Ouderrelatie.MOEDER,
        gezag=True,
        begin=ctx.vandaag - timedelta(days=30),
        uitgenodigd_door=koppeling.uitgenodigd_door if koppeling else besluit.genomen_door,
    )
    besluitbrief_bezorgen(besluit)
    return "ouderportaal: besluitbrief bezorgd bij ouder@demo.swv.nl"
