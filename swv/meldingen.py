"""Notifications: one model (``swv.models.Melding``), one sender (``melden``), one e-mail task
(``swv.tasks.melding_mailen``) for every app.

An app registers its kinds once, at start-up (``AppConfig.ready``)::

    registreer_meldingsoort("tlv.besluit", titel=_("A decision was taken on a TLV request"),
                            model="tlv.TLV", route="tlv:detail")

and notifies in its service, inside the transaction::

    melden(soort="tlv.besluit", doel=tlv, ontvangers=[...], sleutel=f"tlv.besluit:{overgang.pk}")

``melden`` writes one row per recipient and occasion (a unique constraint: the same occasion never
notifies anyone twice, however often a beat run repeats) and queues the e-mail after the commit.
The e-mail holds the title and a link, never pupil details. The task claims the row with a
conditional update (never sent twice), re-checks at send time that the recipient is still active,
may still receive this kind and still sees the object (else it records the skip), and retries only
named transient errors (``is_tijdelijk``), with backoff and a maximum.

The recipient is a user; who may receive a kind is the kind's ``mag_ontvangen`` (staff with a
membership today; a kind for parents registers its own rule).
"""

from __future__ import annotations

import logging
import smtplib
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any
from uuid import UUID

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import Count, F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from swv.models import Gebruiker, Lidmaatschap, Melding

if TYPE_CHECKING:
    from django.http import HttpRequest

logger = logging.getLogger(__name__)


def is_medewerker(gebruiker: Gebruiker) -> bool:
    """Staff: a user with a membership in force today (the recipients of every kind so far)."""
    return Lidmaatschap.objects.actief_op().filter(gebruiker=gebruiker).exists()


@dataclass(frozen=True)
class Meldingsoort:
    """A kind of notification: its title (a Dutch text through the catalogue, optionally with
    ``%(name)s`` placeholders), the model whose public UUID the notification links to (its
    queryset's ``visible_to`` decides whether the recipient still sees it), the route of that
    object's page, and who may receive it."""

    naam: str
    titel: Any
    model: str
    route: str
    mag_ontvangen: Callable[[Gebruiker], bool] = is_medewerker

    @property
    def bron(self) -> str:
        return self.naam.split(".", 1)[0]


_SOORTEN: dict[str, Meldingsoort] = {}
#: The apps whose notifications are counted on the home page (in the order they registered).
_BRONNEN: list[str] = []


def registreer_meldingsoort(
    naam: str, *, titel: Any, model: str, route: str, mag_ontvangen: Callable[[Gebruiker], bool] = is_medewerker
) -> None:
    """Register a kind ``"<app>.<kind>"`` once, at start-up."""
    soort = Meldingsoort(naam=naam, titel=titel, model=model, route=route, mag_ontvangen=mag_ontvangen)
    _SOORTEN.setdefault(naam, soort)
    if soort.bron not in _BRONNEN:
        _BRONNEN.append(soort.bron)


def meldingsoort(naam: str) -> Meldingsoort:
    return _SOORTEN[naam]


def bronnen() -> list[str]:
    """The apps that registered kinds of notification."""
    return list(_BRONNEN)


def portaal_url() -> str:
    """The portal's public base address for the link in e-mails (setting ``SWV_PORTAAL_URL``)."""
    return str(getattr(settings, "SWV_PORTAAL_URL", "http://127.0.0.1:8000")).rstrip("/")


# --- Writing ---------------------------------------------------------------------------------


def melden(
    *,
    soort: str,
    doel: Any,
    ontvangers: Iterable[Gebruiker | int],
    sleutel: str,
    titel: str | None = None,
    behalve: Gebruiker | None = None,
) -> list[Melding]:
    """Notify ``ontvangers`` (users or their ids) once about ``soort`` on ``doel`` (an object with a
    public ``uuid``) for the occasion ``sleutel``. Inactive accounts and ``behalve`` (the actor) are
    left out; recipients already notified of this occasion are left alone. Returns the new rows."""
    return melden_in_bulk(
        ((soort, doel.uuid, ontvanger, sleutel, titel) for ontvanger in ontvangers if ontvanger), behalve=behalve
    )


def melden_in_bulk(
    aanleidingen: Iterable[tuple[str, UUID, Gebruiker | int, str, str | None]], *, behalve: Gebruiker | None = None
) -> list[Melding]:
    """``melden`` for many objects at once (a daily run): ``(soort, object uuid, recipient, occasion,
    title or None)`` per row, in a constant number of queries. The occasion is the app's own key;
    it is stored behind the app's name (``tlv:einddatum:12:2027-07-31``)."""
    rijen: dict[tuple[int, str], tuple[str, UUID, str, str | None]] = {}
    for soort, doel_uuid, ontvanger, sleutel, titel in aanleidingen:
        ontvanger_id = ontvanger if isinstance(ontvanger, int) else ontvanger.pk
        if behalve is not None and ontvanger_id == behalve.pk:
            continue
        sleutel = f"{_SOORTEN[soort].bron}:{sleutel}"  # an app's occasions never clash with another's
        rijen.setdefault((ontvanger_id, sleutel), (soort, doel_uuid, sleutel, titel))
    if not rijen:
        return []
    actief = set(Gebruiker.objects.filter(pk__in={o for o, _s in rijen}, is_active=True).values_list("pk", flat=True))
    sleutels = {s for _o, s in rijen}
    bestaand = set(
        Melding.objects.filter(ontvanger_id__in=actief, sleutel__in=sleutels).values_list("ontvanger_id", "sleutel")
    )
    nu = timezone.now()
    titels: dict[tuple[str, str | None], str] = {}
    nieuw = []
    with translation.override(settings.LANGUAGE_CODE):
        for (ontvanger_id, sleutel), (soort, doel_uuid, _s, titel) in rijen.items():
            if ontvanger_id not in actief or (ontvanger_id, sleutel) in bestaand:
                continue
            registratie = _SOORTEN[soort]
            if (soort, titel) not in titels:
                titels[soort, titel] = str(titel or registratie.titel)[:200]
            nieuw.append(
                Melding(
                    ontvanger_id=ontvanger_id,
                    soort=soort,
                    sleutel=sleutel,
                    titel=titels[soort, titel],
                    route=registratie.route,
                    object_uuid=doel_uuid,
                    aangemaakt=nu,
                )
            )
    if not nieuw:
        return []
    # ignore_conflicts: a concurrent run that just created the same row wins; nothing is duplicated.
    # The rows of this call are the ones stamped ``nu`` (another run has its own moment).
    Melding.objects.bulk_create(nieuw, batch_size=500, ignore_conflicts=True)
    gemaakt = list(
        Melding.objects.filter(aangemaakt=nu, sleutel__in={m.sleutel for m in nieuw}).filter(
            ontvanger_id__in={m.ontvanger_id for m in nieuw}
        )
    )
    ids = [m.pk for m in gemaakt]
    transaction.on_commit(lambda: _mails_inplannen(ids))
    return gemaakt


def _mails_inplannen(ids: list[int]) -> int:
    """Queue the e-mails; when the broker is down the rows stay ``wachtrij`` and the change that
    notified goes through: the sweep (``mails_herplannen``) queues them later. Returns how many went."""
    from swv.taken import brokerfouten
    from swv.tasks import melding_mailen

    for aantal, pk in enumerate(ids):
        try:
            melding_mailen.delay(pk)
        except brokerfouten() as fout:
            logger.warning(
                "%s notification e-mails not queued, broker unreachable: %s", len(ids) - aantal, type(fout).__name__
            )
            return aantal
    return len(ids)


#: A notification e-mail still queued and never tried after this long did not reach the broker.
MAIL_NIET_VERZONDEN_NA = timedelta(minutes=15)


#: An e-mail claimed this long ago and still "bezig" lost its worker (sending takes seconds).
MAIL_ONDERBROKEN_NA = timedelta(hours=1)


def mails_herplannen(*, maximum: int = 1000) -> int:
    """Queue again the e-mails that never reached a worker (the broker was down when they were
    made). A duplicate message sends nothing: the task claims the row. Returns how many went.

    An e-mail whose worker died after the claim is recorded as failed, not sent again: nobody
    knows whether it left, and an e-mail goes out at most once."""
    Melding.objects.filter(
        email_status=Melding.Emailstatus.BEZIG, email_geclaimd_op__lt=timezone.now() - MAIL_ONDERBROKEN_NA
    ).update(email_status=Melding.Emailstatus.MISLUKT, email_fout="onderbroken tijdens verzenden; niet herhaald")
    ids = list(
        Melding.objects.filter(
            email_status=Melding.Emailstatus.WACHTRIJ,
            email_pogingen=0,
            aangemaakt__lt=timezone.now() - MAIL_NIET_VERZONDEN_NA,
        )
        .order_by("aangemaakt")
        .values_list("pk", flat=True)[:maximum]
    )
    return _mails_inplannen(ids)


@transaction.atomic
def melding_gelezen(*, door: Gebruiker, melding: Melding) -> None:
    Melding.objects.visible_to(door, "change").filter(pk=melding.pk, gelezen_op__isnull=True).update(
        gelezen_op=timezone.now()
    )


@transaction.atomic
def meldingen_alle_gelezen(*, door: Gebruiker, bron: str | None = None) -> int:
    meldingen = Melding.objects.visible_to(door, "change").ongelezen()
    if bron:
        meldingen = meldingen.van_bron(bron)
    return meldingen.update(gelezen_op=timezone.now())


# --- Sending ---------------------------------------------------------------------------------

#: SMTP replies that say "not now" rather than "never" (RFC 5321: 4xx codes are transient).
_TIJDELIJKE_SMTP = (smtplib.SMTPConnectError, smtplib.SMTPServerDisconnected)


def is_tijdelijk(fout: BaseException) -> bool:
    """A named transient error worth a retry: the mail server or the network or the database did
    not answer, or the server replied 4xx. Anything else (a refused address, a bug) is final."""
    if isinstance(fout, (*_TIJDELIJKE_SMTP, ConnectionError, TimeoutError, socket.gaierror)):
        return True
    if isinstance(fout, (OperationalError, InterfaceError)):
        return True
    return isinstance(fout, smtplib.SMTPResponseException) and 400 <= fout.smtp_code < 500


def _weigerreden(melding: Melding) -> str:
    """Why the e-mail may not go out (empty when it may): checked at send time, not at creation."""
    ontvanger = melding.ontvanger
    if not ontvanger.is_active:
        return "ontvanger niet actief"
    if not ontvanger.email:
        return "geen e-mailadres"
    soort = _SOORTEN.get(melding.soort)
    if soort is None:
        return "onbekende soort"
    if not soort.mag_ontvangen(ontvanger):
        return "geen ontvanger van deze soort"
    if not apps.get_model(soort.model)._default_manager.visible_to(ontvanger).filter(uuid=melding.object_uuid).exists():
        return "geen toegang meer"
    return ""


def melding_mailen(*, melding_id: int) -> bool:
    """Send the e-mail of one notification (title and a link, never pupil details), at most once.

    The row is claimed with a conditional UPDATE (a duplicate task finds nothing to claim). A
    recipient who is no longer active, no longer allowed or no longer sees the object is skipped
    and the reason recorded. If sending fails the claim is released and the error raised, so that
    the task can retry. Returns whether the e-mail went out.
    """
    S = Melding.Emailstatus
    if not Melding.objects.filter(pk=melding_id, email_status=S.WACHTRIJ).update(
        email_status=S.BEZIG, email_pogingen=F("email_pogingen") + 1, email_geclaimd_op=timezone.now()
    ):
        return False
    melding = Melding.objects.select_related("ontvanger").get(pk=melding_id)
    if reden := _weigerreden(melding):
        Melding.objects.filter(pk=melding_id).update(email_status=S.OVERGESLAGEN, email_fout=reden)
        logger.info("Notification %s not e-mailed: %s", melding_id, reden)
        return False
    context = {
        "melding": melding,
        "url": portaal_url() + melding.link,
        "meldingen_url": portaal_url() + reverse("meldingen"),
    }
    with translation.override(settings.LANGUAGE_CODE):
        onderwerp = " ".join(render_to_string("emails/melding_subject.txt", context).split())
        tekst = render_to_string("emails/melding_text.txt", context)
        html = render_to_string("emails/melding_html.html", context)
    bericht = EmailMultiAlternatives(onderwerp, tekst, settings.DEFAULT_FROM_EMAIL, [melding.ontvanger.email])
    bericht.attach_alternative(html, "text/html")
    try:
        bericht.send()
    except Exception:
        Melding.objects.filter(pk=melding_id, email_status=S.BEZIG).update(email_status=S.WACHTRIJ)
        raise
    Melding.objects.filter(pk=melding_id).update(email_status=S.VERSTUURD, email_verstuurd_op=timezone.now())
    return True


def melding_mail_mislukt(*, melding_id: int, reden: str) -> None:
    """Give up on the e-mail (a final error, or the last retry failed); the in-app row stays."""
    Melding.objects.filter(pk=melding_id).exclude(email_status=Melding.Emailstatus.VERSTUURD).update(
        email_status=Melding.Emailstatus.MISLUKT, email_fout=reden[:200]
    )


# --- Reading ---------------------------------------------------------------------------------


def meldingen_lijst(user, *, bron: str | None = None):
    """The user's own notifications, newest first (optionally of one app)."""
    meldingen = Melding.objects.visible_to(user).order_by("-aangemaakt", "-pk")
    return meldingen.van_bron(bron) if bron else meldingen


def _tellen(user) -> dict[str, int]:
    if not (user and user.is_authenticated and user.is_active) or not _BRONNEN:
        return dict.fromkeys(_BRONNEN, 0)
    # Annotation names of their own, so that no app label can clash with a field name.
    tellers = {f"ongelezen_{bron}": Count("pk", filter=Q(soort__startswith=f"{bron}.")) for bron in _BRONNEN}
    waarden = Melding.objects.visible_to(user).ongelezen().aggregate(totaal=Count("pk"), **tellers)
    return {"": waarden["totaal"], **{bron: waarden[f"ongelezen_{bron}"] for bron in _BRONNEN}}


def ongelezen(request: HttpRequest, bron: str = "") -> int:
    """The number of ``request.user``'s unread notifications of app ``bron`` (all when empty).
    All apps are counted together on first use (one query) and cached on the request."""
    aantallen = getattr(request, "_swv_ongelezen", None)
    if aantallen is None:
        aantallen = _tellen(request.user)
        request._swv_ongelezen = aantallen  # type: ignore[attr-defined]
    return aantallen.get(bron, 0)
