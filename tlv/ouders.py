"""The TLV requests in the parents' portal (issue 14): status and deadlines, and the parent's view
(zienswijze) and consent written into the request's checklist items, registered with
``leerlingen.ouders.bronnen`` (leerlingen cannot import this app)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from leerlingen.choices import OuderBesluit
from leerlingen.ouders.bronnen import (
    OuderBron,
    OuderVerzoek,
    registreer_ouderbron,
    zienswijze_bewaren,
    zienswijze_openen,
)
from tlv import termijnen
from tlv.choices import OudersInstemming, TLVStatus
from tlv.models import TLV
from tlv.services.fouten import TLVFout

#: While the school prepares the request (or completes it on the TLC's question) it takes the view.
ZIENSWIJZE_STATUSSEN = (TLVStatus.CONCEPT, TLVStatus.AANVULLING_GEVRAAGD)


def _termijnen(t: TLV) -> list:
    rij = []
    if t.ingediend_op and t.status in (TLVStatus.INGEDIEND, TLVStatus.PROCEDUREEL_GETOETST):
        rij.append((_("Decision expected by"), termijnen.beslistermijn(t.ingediend_op, t.opgeschort_dagen)))
    if t.ingangsdatum:
        rij.append((_("Valid from"), t.ingangsdatum))
    if t.einddatum:
        rij.append((_("Valid until"), t.einddatum))
    return rij


def verzoeken(leerling) -> list[OuderVerzoek]:
    rijen = TLV.objects.filter(leerling=leerling).exclude(status=TLVStatus.INGETROKKEN).order_by("-aangemaakt")
    return [
        OuderVerzoek(
            bron="tlv",
            uuid=t.uuid,
            titel=_g("TLV request (%(soort)s)") % {"soort": t.get_soort_display()},
            status=t.get_status_display(),
            termijnen=_termijnen(t),
            zienswijze_open=t.status in ZIENSWIJZE_STATUSSEN,
            zienswijze=t.ouders_zienswijze,
            besluit_label=t.get_ouders_portaal_besluit_display(),
            beantwoord_op=t.ouders_portaal_op,
        )
        for t in rijen
    ]


@transaction.atomic
def zienswijze_geven(*, koppeling, uuid, besluit: str, tekst: str) -> TLV:
    """The parent's view and answer on a TLV request, into the checklist's "parents" item: the view
    text; consent sets the consent and its date; a refusal is kept as the portal answer (and clears
    a consent recorded before), so the school must record the exception or talk to the parents."""
    tlv, tekst = zienswijze_openen(
        TLV.objects.all(),
        koppeling=koppeling,
        uuid=uuid,
        statussen=ZIENSWIJZE_STATUSSEN,
        besluit=besluit,
        tekst=tekst,
        fout=TLVFout,
    )
    tlv.ouders_zienswijze = tekst
    if besluit == OuderBesluit.INGESTEMD:
        tlv.ouders_instemming = OudersInstemming.INGESTEMD
        tlv.ouders_instemming_datum = timezone.localdate()
    elif tlv.ouders_instemming == OudersInstemming.INGESTEMD:
        tlv.ouders_instemming = ""
        tlv.ouders_instemming_datum = None
    zienswijze_bewaren(
        tlv,
        koppeling=koppeling,
        besluit=besluit,
        velden=["ouders_zienswijze", "ouders_instemming", "ouders_instemming_datum"],
    )
    return tlv


def besluitbrief_bezorgen(tlv: TLV) -> None:
    """Deliver the decision letter to the parents with legal authority (the objection term counts from
    the delivery, by this app's rule) and notify them; called when the letter job is queued."""
    from django.conf import settings
    from django.utils import translation

    from leerlingen.services.ouders import brieven_bezorgen

    if tlv.besluitbrief is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        titel = _g("Decision on the TLV request")
    brieven_bezorgen(
        leerling=tlv.leerling,
        bron="tlv",
        bron_uuid=tlv.uuid,
        titel=titel,
        taak=tlv.besluitbrief,
        bezwaartermijn=termijnen.bezwaartermijn_einde,
    )


registreer_ouderbron(
    OuderBron(sleutel="tlv", label=_("TLV request"), verzoeken=verzoeken, zienswijze_geven=zienswijze_geven)
)
