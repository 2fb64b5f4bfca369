"""The pupils app's part of the retention job (``leerlingen.bewaartermijn``): every row of the
pupil's case stays countable, its texts, files, history and notifications go. The pupil row
itself is anonymised last, by the service."""

from __future__ import annotations

from leerlingen.bewaartermijn import anonimiseren, meldingen_verwijderen, registreer_opschoning, taken_vernietigen


@registreer_opschoning
def leerlingen(leerling) -> dict[str, int]:
    from leerlingen import models as m
    from swv.models import Taak

    dossiers = m.Dossier.objects.filter(leerling=leerling)
    mdos = m.MDO.objects.filter(dossier__in=dossiers)
    opps = m.OPP.objects.filter(dossier__in=dossiers)
    versies = m.OPPVersie.objects.filter(opp__in=opps)
    thuiszitten = m.Thuiszittercasus.objects.filter(leerling=leerling)
    zorgplicht = m.Zorgplichtcasus.objects.filter(leerling=leerling)
    verzoeken = m.Privacyverzoek.objects.filter(leerling=leerling)
    exports = Taak.objects.filter(soort="leerlingen.inzage", parameters__leerling=str(leerling.uuid))
    aantallen = {
        "meldingen": meldingen_verwijderen([leerling.uuid], over=(dossiers, mdos, thuiszitten, zorgplicht, verzoeken)),
        "dossiers": anonimiseren(dossiers),
        "dossierstatus": anonimiseren(m.DossierStatusovergang.objects.filter(dossier__in=dossiers)),
        "dossiersecties": anonimiseren(m.DossierSectie.objects.filter(dossier__in=dossiers)),
        "signalen": anonimiseren(m.Signaal.objects.filter(leerling=leerling)),
        "interventies": anonimiseren(m.Interventie.objects.filter(dossier__in=dossiers)),
        "mdos": anonimiseren(mdos),
        "mdo_deelnemers": anonimiseren(m.MDODeelnemer.objects.filter(mdo__in=mdos), velden=("naam", "organisatie")),
        "stem_van_het_kind": anonimiseren(m.StemVanHetKind.objects.filter(mdo__in=mdos)),
        "mdo_uitkomsten": anonimiseren(m.MDOUitkomst.objects.filter(mdo__in=mdos)),
        "mdo_adviezen": anonimiseren(m.MDOAdvies.objects.filter(mdo__in=mdos)),
        "afspraken": anonimiseren(m.Afspraak.objects.filter(dossier__in=dossiers)),
        "opps": anonimiseren(opps),
        "opp_versies": anonimiseren(versies),
        "opp_instemmingen": anonimiseren(m.OPPInstemming.objects.filter(versie__in=versies)),
        "documenten": anonimiseren(m.Document.objects.filter(leerling=leerling), velden=("titel",)),
        "overstappen": anonimiseren(m.Overstap.objects.filter(leerling=leerling)),
        "thuiszittercasussen": anonimiseren(thuiszitten),
        "thuiszitterstatus": anonimiseren(m.ThuiszitterStatuswijziging.objects.filter(casus__in=thuiszitten)),
        "ladderstappen": anonimiseren(m.Ladderstapwijziging.objects.filter(casus__in=thuiszitten)),
        "zorgplichtcasussen": anonimiseren(zorgplicht),
        "zorgplichtstatus": anonimiseren(m.ZorgplichtStatuswijziging.objects.filter(casus__in=zorgplicht)),
        "risicosignaleringen": anonimiseren(m.Risicosignalering.objects.filter(leerling=leerling)),
        "risicolijstregels": anonimiseren(m.Risicolijstregel.objects.filter(leerling=leerling)),
        "privacyverzoeken": anonimiseren(verzoeken, velden=("ingediend_door_omschrijving",)),
        "privacyverzoekstatus": anonimiseren(m.PrivacyverzoekStatusovergang.objects.filter(verzoek__in=verzoeken)),
        "exports": taken_vernietigen(list(exports.values_list("pk", flat=True))),
    }
    # The register keeps the request (kind, dates, outcome: the evidence of an answer) without the pupil.
    verzoeken.update(leerling=None)
    m.Inschrijving.history.filter(leerling_id=leerling.pk).delete()
    return aantallen
