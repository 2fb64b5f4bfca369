"""Parents' links (issue 14): the school invites a parent to a child, ends a link; the parent decides
on an OPP version in the portal. Every write checks the caller's rights itself (a safety net behind
the view's scoping) and runs in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from leerlingen.choices import DossierStatus, Instemmingsbesluit, Instemmingswijze, OPPStatus
from leerlingen.models import (
    Document,
    Dossier,
    Inschrijving,
    Leerling,
    Logboekbericht,
    OPPInstemming,
    OPPVersie,
    OuderBrief,
    OuderKoppeling,
)
from leerlingen.querysets_ouders import KOPPELROLLEN
from leerlingen.services.dossier import activiteit_registreren, eis_open
from leerlingen.services.fouten import DossierFout
from swv.access import school_ids
from swv.historie import met_historie
from swv.meldingen import melden
from swv.models import Gebruiker

#: The notification of a delivered letter (registered in ``leerlingen.panels``).
OUDERBRIEF = "leerlingen.ouderbrief"


def eis_koppelrecht(door, leerling: Leerling) -> None:
    """Only the ib-er or directeur of the child's current school links parents or ends links."""
    ids = school_ids(door, KOPPELROLLEN)
    if not ids or not Inschrijving.objects.actief_op().filter(leerling=leerling, school_id__in=ids).exists():
        raise PermissionDenied


@transaction.atomic
def ouder_uitnodigen(
    *,
    door,
    leerling: Leerling,
    voornaam: str,
    achternaam: str,
    email: str,
    relatie: str,
    gezag: bool,
    reden_zonder_gezag: str = "",
) -> OuderKoppeling:
    """Link a parent to a child and invite them: a new account gets an e-mail with a link to set a
    password (then the second factor is required); an existing parent's account an e-mail that a
    child was added. The e-mail holds links only, no pupil data. A parent without legal authority
    only with a reason; one running link per parent and child."""
    eis_koppelrecht(door, leerling)
    email = Gebruiker.objects.normalize_email(email.strip()).lower()
    reden_zonder_gezag = reden_zonder_gezag.strip()
    if not gezag and not reden_zonder_gezag:
        raise DossierFout(
            {"reden_zonder_gezag": _("A parent without legal authority only gets access for a reason: write it down.")}
        )
    # Serialise invitations of one child (a double click, two staff members at once).
    Leerling.objects.select_for_update().filter(pk=leerling.pk).first()
    ouder = Gebruiker.objects.filter(email__iexact=email).first()
    if ouder is None:
        ouder = Gebruiker.objects.create_user(email=email, voornaam=voornaam.strip(), achternaam=achternaam.strip())
        ouder.set_unusable_password()
        ouder.save(update_fields=["password"])
    elif ouder.lidmaatschappen.exists() or ouder.is_staff:
        raise DossierFout({"email": _("This e-mail address belongs to a staff account. Use the parent's own address.")})
    if OuderKoppeling.objects.filter(ouder=ouder, leerling=leerling, einde__isnull=True).exists():
        raise DossierFout({"email": _("This parent already has access to this pupil.")})
    try:
        with transaction.atomic():
            koppeling = met_historie(
                OuderKoppeling(
                    ouder=ouder,
                    leerling=leerling,
                    relatie=relatie,
                    gezag=gezag,
                    reden_zonder_gezag="" if gezag else reden_zonder_gezag,
                    uitgenodigd_door=door,
                ),
                door=door,
                reden="uitgenodigd",
            )
            koppeling.save()
    except IntegrityError:
        raise DossierFout({"email": _("This parent already has access to this pupil.")}) from None
    koppeling_id = koppeling.pk
    transaction.on_commit(lambda: _uitnodiging_inplannen(koppeling_id))
    return koppeling


def _uitnodiging_inplannen(koppeling_id: int) -> None:
    from leerlingen.tasks import ouder_uitnodiging_mailen

    ouder_uitnodiging_mailen.delay(koppeling_id)


def uitnodiging_mailen(*, koppeling_id: int) -> bool:
    """Send the invitation of one link (links only, no pupil data). A link that has ended meanwhile
    gets no e-mail. Returns whether an e-mail went out."""
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str
    from django.conf import settings
    from django.core.mail import EmailMultiAlternatives
    from django.template.loader import render_to_string
    from django.urls import reverse
    from django.utils import translation

    from swv.meldingen import portaal_url

    koppeling = OuderKoppeling.objects.select_related("ouder").filter(pk=koppeling_id, einde__isnull=True).first()
    if koppeling is None or not koppeling.ouder.is_active:
        return False
    ouder = koppeling.ouder
    if ouder.has_usable_password():
        url = portaal_url() + reverse("account_login")
        nieuw = False
    else:
        sleutel = f"{user_pk_to_url_str(ouder)}-{default_token_generator.make_token(ouder)}"
        url = portaal_url() + reverse("account_reset_password_from_key", kwargs={"uidb36": "x", "key": "y"}).replace(
            "x-y", sleutel
        )
        nieuw = True
    context = {"url": url, "nieuw": nieuw}
    with translation.override(settings.LANGUAGE_CODE):
        onderwerp = " ".join(render_to_string("emails/ouder_uitnodiging_onderwerp.txt", context).split())
        tekst = render_to_string("emails/ouder_uitnodiging.txt", context)
        html = render_to_string("emails/ouder_uitnodiging.html", context)
    bericht = EmailMultiAlternatives(onderwerp, tekst, settings.DEFAULT_FROM_EMAIL, [ouder.email])
    bericht.attach_alternative(html, "text/html")
    bericht.send()
    return True


@transaction.atomic
def koppeling_beeindigen(*, door, koppeling: OuderKoppeling, reden: str) -> OuderKoppeling:
    """End a parent's access to a child (from today); the row stays for the history."""
    eis_koppelrecht(door, koppeling.leerling)
    if not reden.strip():
        raise DossierFout({"reden": _("Write down why the access ends.")})
    rij = OuderKoppeling.objects.select_for_update().get(pk=koppeling.pk)
    if rij.einde is not None:
        raise DossierFout(_("This access has already ended."))
    vandaag = timezone.localdate()
    rij.einde = max(vandaag, rij.begin)
    rij.einde_reden = reden.strip()
    rij.beeindigd_door = door
    met_historie(rij, door=door, reden="beeindigd").save(update_fields=["einde", "einde_reden", "beeindigd_door"])
    return rij


@transaction.atomic
def opp_instemming_door_ouder(
    *, koppeling: OuderKoppeling, oppversie: OPPVersie, besluit: str, toelichting: str = ""
) -> OPPInstemming:
    """The parent's own decision on the action plan of an OPP version, given in the portal: recorded
    like a decision the school records (who, when, how: "in the parents' portal"), consent and
    objection alike. Only a parent with legal authority decides; only on the version the school
    put forward (the concept) or the adopted one."""
    ouder = koppeling.ouder
    if not OuderKoppeling.objects.visible_to(ouder).filter(pk=koppeling.pk).exists():
        raise PermissionDenied
    if oppversie.opp.dossier.leerling_id != koppeling.leerling_id:
        raise PermissionDenied
    if not koppeling.gezag:
        raise DossierFout(_("Only a parent with legal authority can consent or object."))
    dossier = oppversie.opp.dossier
    eis_open(dossier)
    OPPVersie.objects.select_for_update().filter(pk=oppversie.pk).first()
    if oppversie.status == OPPStatus.VERVANGEN:
        raise DossierFout(_("This version has been replaced by a newer one."))
    if besluit not in Instemmingsbesluit.values:
        raise DossierFout({"besluit": _("Choose: I agree, or I do not agree.")})
    if besluit == Instemmingsbesluit.BEZWAAR and not toelichting.strip():
        raise DossierFout({"toelichting": _("Write down why you do not agree. The school will talk to you about it.")})
    laatste = OPPInstemming.objects.filter(versie=oppversie, vastgelegd_door=ouder).order_by("-vastgelegd_op").first()
    if laatste is not None and laatste.besluit == besluit and laatste.toelichting == toelichting.strip():
        return laatste  # a second click on the same answer records nothing new
    instemming = OPPInstemming.objects.create(
        versie=oppversie,
        besluit=besluit,
        ouder_naam=(ouder.get_full_name() or ouder.email)[:200],
        ouder_relatie=koppeling.relatie,
        datum=timezone.localdate(),
        wijze=Instemmingswijze.PORTAAL,
        toelichting=toelichting.strip(),
        vastgelegd_door=ouder,
    )
    activiteit_registreren(dossier)
    return instemming


def brieven_bezorgen(
    *,
    leerling: Leerling,
    bron: str,
    bron_uuid,
    titel: str,
    taak,
    bezwaartermijn: Callable[[date], date] | None = None,
) -> list[OuderBrief]:
    """Deliver a decision letter (the deciding app's PDF job ``taak``) to every parent with legal
    authority and a link in force, record the delivery moment and the objection term counted from
    it (``bezwaartermijn(delivery date)``, the deciding app's rule), and notify each parent: an
    e-mail with a link only. Delivering the same letter again changes nothing. Call it inside the
    decision's transaction."""
    nu = timezone.now()
    einde = bezwaartermijn(timezone.localdate(nu)) if bezwaartermijn else None
    nieuw = []
    for koppeling in OuderKoppeling.objects.actief().filter(leerling=leerling, gezag=True).select_related("ouder"):
        brief, gemaakt = OuderBrief.objects.get_or_create(
            ouder=koppeling.ouder,
            taak=taak,
            defaults={
                "leerling": leerling,
                "bron": bron,
                "bron_uuid": bron_uuid,
                "titel": titel[:200],
                "bezorgd_op": nu,
                "bezwaartermijn_einde": einde,
            },
        )
        if gemaakt:
            nieuw.append(brief)
    for brief in nieuw:
        melden(soort=OUDERBRIEF, doel=brief, ontvangers=[brief.ouder], sleutel=f"brief:{brief.pk}")
    return nieuw


def brief_gedownload(*, brief: OuderBrief) -> None:
    """Record the first download of a letter by its parent (the delivery is proven by then)."""
    OuderBrief.objects.filter(pk=brief.pk, gedownload_op__isnull=True).update(gedownload_op=timezone.now())


@transaction.atomic
def document_van_ouder(*, koppeling: OuderKoppeling, bestand, titel: str) -> Document:
    """A document a parent adds in the portal (a report from youth care, a diagnosis): checked by the
    one upload validator, stored with the child's open dossier (if any) at the current school, and
    marked as from the parent so the school sees where it came from."""
    from leerlingen.choices import Documentsoort
    from leerlingen.selectors.leerling import huidige_inschrijving
    from leerlingen.services.document import document_bewaren

    ouder = koppeling.ouder
    if not OuderKoppeling.objects.visible_to(ouder).filter(pk=koppeling.pk).exists():
        raise PermissionDenied
    if not titel.strip():
        raise DossierFout({"titel": _("Give the document a title, for example: report of the youth care team.")})
    inschrijving = huidige_inschrijving(koppeling.leerling)
    if inschrijving is None:
        raise PermissionDenied
    dossier = (
        Dossier.objects.filter(leerling_id=koppeling.leerling_id, school=inschrijving.school)
        .exclude(status=DossierStatus.AFGESLOTEN)
        .first()
    )
    document = document_bewaren(
        door=ouder,
        leerling=koppeling.leerling,
        dossier=dossier,
        school=inschrijving.school,
        soort=Documentsoort.VERSLAG,
        titel=titel.strip(),
        bestand=bestand,
    )
    document.van_ouder = True
    document.save(update_fields=["van_ouder"])
    if dossier is not None:
        activiteit_registreren(dossier)
    return document


@transaction.atomic
def logboek_schrijven(*, door, leerling: Leerling, tekst: str, alleen_school: bool = False) -> Logboekbericht:
    """A message in the child's logbook: by a parent with a link in force (optionally only for the
    school), or by school staff who see the pupil (always visible to the parents)."""
    if not tekst.strip():
        raise DossierFout({"tekst": _("Write a message.")})
    if OuderKoppeling.objects.visible_to(door).filter(ouder=door, leerling=leerling).exists():
        van_ouder = True
    elif Leerling.objects.visible_to(door, "view").filter(pk=leerling.pk).exists():
        van_ouder, alleen_school = False, False
    else:
        raise PermissionDenied
    return Logboekbericht.objects.create(
        leerling=leerling, auteur=door, van_ouder=van_ouder, tekst=tekst.strip(), alleen_school=alleen_school
    )
