"""OSO intake: a dossier received from a school's pupil administration (Overstap Service Onderwijs).

``OsoOntvangst`` is one received file: ``ontvangen`` (parsed, validated, preview; nothing about the
pupil written yet) -> ``bevestigd`` (written, once). The parsed result (``gegevens``) never holds a
BSN nor a category the parents opted out of. The original XML lives in the private storage (without
its BSN element) as long as the pupil does: the row cascades with the pupil and its file is removed
with it. ``OsoVerzorger`` is the parent/guardian contact data that came with the dossier (ready for
an invitation to the parents' portal, which keeps its own link model).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from leerlingen.querysets_dossier import OsoOntvangstQuerySet, OsoVerzorgerQuerySet
from swv.storage import private_storage


class OsoStatus(models.TextChoices):
    ONTVANGEN = "ontvangen", _("received (preview)")
    BEVESTIGD = "bevestigd", _("imported")


class OsoProfiel(models.TextChoices):
    POSWV = "POSWV", _("support request to the partnership (POSWV)")
    POPO = "POPO", _("transfer between primary schools (POPO)")


def oso_pad(instance: OsoOntvangst, filename: str) -> str:
    return f"oso/{timezone.now():%Y}/{instance.uuid}.xml"


class OsoOntvangst(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    school = models.ForeignKey(
        "swv.School", on_delete=models.PROTECT, related_name="+", verbose_name=_("receiving school")
    )
    van_school = models.ForeignKey(
        "swv.School", on_delete=models.PROTECT, related_name="+", verbose_name=_("sending school")
    )
    profiel = models.CharField(_("profile"), max_length=10, choices=OsoProfiel.choices)
    status = models.CharField(_("status"), max_length=20, choices=OsoStatus.choices, default=OsoStatus.ONTVANGEN)
    sha256 = models.CharField(_("checksum (SHA-256)"), max_length=64)
    grootte = models.PositiveBigIntegerField(_("size (bytes)"))
    bestand = models.FileField(_("original XML"), storage=private_storage, upload_to=oso_pad, max_length=200)
    gegevens = models.JSONField(_("parsed dossier"), default=dict)
    leerling = models.ForeignKey(
        "leerlingen.Leerling",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="oso_ontvangsten",
        verbose_name=_("pupil"),
    )
    overstap = models.ForeignKey(
        "leerlingen.Overstap", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    documenten = models.ManyToManyField("leerlingen.Document", blank=True, related_name="+")
    ontvangen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("received by")
    )
    ontvangen_op = models.DateTimeField(_("received at"), default=timezone.now)
    bevestigd_op = models.DateTimeField(_("imported at"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["gegevens"])

    objects = OsoOntvangstQuerySet.as_manager()

    class Meta:
        verbose_name = _("OSO dossier")
        verbose_name_plural = _("OSO dossiers")
        ordering = ["-ontvangen_op", "-pk"]
        constraints = [
            # The same file for the same school is received once: a second upload finds this row.
            models.UniqueConstraint(fields=["school", "sha256"], name="oso_eenmaal_per_school"),
            models.CheckConstraint(
                condition=Q(status=OsoStatus.ONTVANGEN, bevestigd_op__isnull=True, leerling__isnull=True)
                | Q(status=OsoStatus.BEVESTIGD, bevestigd_op__isnull=False, leerling__isnull=False),
                name="oso_bevestigd_met_leerling",
            ),
            models.CheckConstraint(condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="oso_sha256_formaat"),
        ]

    def __str__(self) -> str:
        return f"OSO {self.profiel} {self.uuid}"


@receiver(post_delete, sender=OsoOntvangst)
def _xml_verwijderen(sender, instance: OsoOntvangst, **kwargs) -> None:
    """Retention: the original XML goes with its row (and so with the pupil)."""
    if instance.bestand.name:
        instance.bestand.storage.delete(instance.bestand.name)


class OsoVerzorger(models.Model):
    """A parent or guardian as the school's administration sent it with an OSO dossier.

    ``gezag``: legal representative (``wettigevertegenwoordiger``). Secret address or contact data
    (``geheim``) is stored for the invitation only and never shown."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    leerling = models.ForeignKey("leerlingen.Leerling", on_delete=models.CASCADE, related_name="oso_verzorgers")
    ontvangst = models.ForeignKey(OsoOntvangst, on_delete=models.CASCADE, related_name="verzorgers")
    volgnummer = models.PositiveSmallIntegerField(_("number"))
    voornaam = models.CharField(_("first name"), max_length=100, blank=True)
    tussenvoegsel = models.CharField(_("infix"), max_length=20, blank=True)
    achternaam = models.CharField(_("last name"), max_length=150)
    relatie = models.CharField(_("relation to the child"), max_length=100, blank=True)
    gezag = models.BooleanField(_("legal representative"), default=False)
    adres = models.CharField(_("address"), max_length=300, blank=True)
    adres_geheim = models.BooleanField(_("address secret"), default=False)
    email = models.EmailField(_("e-mail"), blank=True)
    email_geheim = models.BooleanField(_("e-mail secret"), default=False)
    telefoon = models.CharField(_("telephone"), max_length=30, blank=True)
    telefoon_geheim = models.BooleanField(_("telephone secret"), default=False)
    history = HistoricalRecords()

    objects = OsoVerzorgerQuerySet.as_manager()

    class Meta:
        verbose_name = _("parent/guardian (OSO)")
        verbose_name_plural = _("parents/guardians (OSO)")
        ordering = ["ontvangst", "volgnummer"]
        constraints = [
            models.UniqueConstraint(fields=["ontvangst", "volgnummer"], name="oso_verzorger_eenmaal"),
        ]

    def __str__(self) -> str:
        return " ".join(p for p in [self.voornaam, self.tussenvoegsel, self.achternaam] if p)
