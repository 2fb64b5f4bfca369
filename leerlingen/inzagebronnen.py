"""The pupils app's parts of the inzage export: the pupil and enrolments, dossier (sections with
every version, signals, interventions, status history), MDOs (with the child's voice), OPPs and
consent, documents (with their files), transfers, thuiszitter and zorgplicht cases, risk signals
and the pupil's access log. Registered in ``LeerlingenConfig.ready``."""

from __future__ import annotations

from django.utils.translation import gettext as _

from leerlingen.inzage import InzageOnderdeel, registreer_inzagebron, vastleggen, versies


@registreer_inzagebron
def leerling(leerling):
    yield InzageOnderdeel(
        "leerling",
        _("Pupil"),
        [vastleggen(leerling, titel=_("Personal details"))]
        + [vastleggen(i) for i in leerling.inschrijvingen.select_related("school").order_by("begindatum")],
    )


@registreer_inzagebron
def dossier(leerling):
    from leerlingen.models import Dossier

    records = []
    for d in Dossier.objects.filter(leerling=leerling).select_related("school", "regievoerder").order_by("pk"):
        records.append(vastleggen(d))
        records += [vastleggen(o) for o in d.statusovergangen.order_by("op")]
        for sectie in d.secties.order_by("sectie"):
            records += versies(sectie)
        records += [vastleggen(s) for s in d.signalen.order_by("pk")]
        records += [vastleggen(i) for i in d.interventies.order_by("pk")]
    from leerlingen.models import Signaal

    records += [vastleggen(s) for s in Signaal.objects.filter(leerling=leerling, dossier__isnull=True)]
    yield InzageOnderdeel("dossier", _("Dossier (groeidocument)"), records)


@registreer_inzagebron
def mdos(leerling):
    from leerlingen.models import MDO, Afspraak

    records = []
    for mdo in MDO.objects.filter(dossier__leerling=leerling).order_by("pk"):
        records.append(vastleggen(mdo))
        records += [vastleggen(d) for d in mdo.deelnemers.order_by("pk")]
        stem = getattr(mdo, "stem_van_het_kind", None)  # absent: the reverse lookup raises AttributeError
        if stem is not None:
            records.append(vastleggen(stem, titel=_("The child's voice")))
        records += [vastleggen(u) for u in mdo.uitkomsten.order_by("pk")]
        records += [vastleggen(a) for a in mdo.adviezen.order_by("pk")]
    records += [vastleggen(a) for a in Afspraak.objects.filter(dossier__leerling=leerling).order_by("pk")]
    yield InzageOnderdeel("mdo", _("MDO meetings"), records)


@registreer_inzagebron
def opps(leerling):
    from leerlingen.models import OPPInstemming, OPPVersie

    records = [
        vastleggen(v) for v in OPPVersie.objects.filter(opp__dossier__leerling=leerling).order_by("opp_id", "pk")
    ]
    records += [
        vastleggen(i) for i in OPPInstemming.objects.filter(versie__opp__dossier__leerling=leerling).order_by("pk")
    ]
    yield InzageOnderdeel("opp", _("Development perspective plans (OPP) and consent"), records)


@registreer_inzagebron
def documenten(leerling):
    from leerlingen.models import Document

    docs = list(Document.objects.filter(leerling=leerling).order_by("pk"))
    yield InzageOnderdeel(
        "documenten",
        _("Documents"),
        [vastleggen(d) for d in docs],
        bestanden=[
            (d.bestand, f"document-{d.uuid}-{(d.bestand.name or '').rsplit('/', 1)[-1]}") for d in docs if d.bestand
        ],
    )


@registreer_inzagebron
def casussen(leerling):
    from leerlingen.models import Overstap, Risicosignalering, Thuiszittercasus, Zorgplichtcasus

    records = [vastleggen(o) for o in Overstap.objects.filter(leerling=leerling).order_by("pk")]
    for casus in Thuiszittercasus.objects.filter(leerling=leerling).order_by("pk"):
        records.append(vastleggen(casus))
        records += [vastleggen(s) for s in casus.statuswijzigingen.order_by("op")]
        records += [vastleggen(s) for s in casus.stapwijzigingen.order_by("pk")]
    for zorgplicht in Zorgplichtcasus.objects.filter(leerling=leerling).order_by("pk"):
        records.append(vastleggen(zorgplicht))
        records += [vastleggen(s) for s in zorgplicht.statuswijzigingen.order_by("op")]
    records += [vastleggen(r) for r in Risicosignalering.objects.filter(leerling=leerling).order_by("pk")]
    yield InzageOnderdeel("casussen", _("Transfers, thuiszitter and duty-of-care cases"), records)


@registreer_inzagebron
def privacyverzoeken(leerling):
    from leerlingen.models import Privacyverzoek

    records = []
    for verzoek in Privacyverzoek.objects.filter(leerling=leerling).order_by("pk"):
        records.append(vastleggen(verzoek, zonder=("export",)))
        records += [vastleggen(o) for o in verzoek.statusovergangen.order_by("op")]
    yield InzageOnderdeel("privacyverzoeken", _("Privacy requests"), records)


@registreer_inzagebron
def toegangslog(leerling):
    """Who viewed, downloaded or exported the pupil's data (PRIVACY.md: parents can ask for it)."""
    from swv.models import Toegangslog

    rijen = Toegangslog.objects.filter(leerling_uuid=leerling.uuid).select_related("gebruiker").order_by("tijdstip")
    yield InzageOnderdeel("toegangslog", _("Access log"), [vastleggen(r) for r in rijen])
