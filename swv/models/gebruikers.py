"""Personal accounts and their memberships (role + scope + dates)."""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from swv.choices import BESTUUR_ROLLEN, SCHOOL_ROLLEN, SWV_ROLLEN, Rol


class GebruikerManager(BaseUserManager["Gebruiker"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra) -> Gebruiker:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra) -> Gebruiker:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra) -> Gebruiker:
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create_user(email, password, **extra)


class Gebruiker(AbstractBaseUser, PermissionsMixin):
    """A personal account, logging in with e-mail address and password (plus TOTP where required).

    What the account may see follows from its ``Lidmaatschap`` rows, never from fields here.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("e-mail address"), unique=True)
    voornaam = models.CharField(_("first name"), max_length=100, blank=True)
    achternaam = models.CharField(_("last name"), max_length=150, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff status"), default=False, help_text=_("May log in to the admin site."))
    is_demo = models.BooleanField(
        _("demo account"), default=False, help_text=_("Demo accounts may skip two-factor set-up in demo mode only.")
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    objects = GebruikerManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["achternaam", "voornaam", "email"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def get_full_name(self) -> str:
        return f"{self.voornaam} {self.achternaam}".strip()

    def get_short_name(self) -> str:
        return self.voornaam or self.email


class LidmaatschapQuerySet(models.QuerySet):
    def actief_op(self, datum=None):
        """Memberships in force on ``datum`` (default today): begun and not yet ended."""
        datum = datum or timezone.localdate()
        return self.filter(begindatum__lte=datum).filter(Q(einddatum__isnull=True) | Q(einddatum__gte=datum))


def _scope_regel() -> Q:
    # The role sets are frozensets whose iteration order changes per process: sort them, so that the
    # constraint (and ``makemigrations --check``) is the same in every run.
    school = Q(rol__in=sorted(r.value for r in SCHOOL_ROLLEN), school__isnull=False, bestuur__isnull=True)
    bestuur = Q(rol__in=sorted(r.value for r in BESTUUR_ROLLEN), school__isnull=True, bestuur__isnull=False)
    swv = Q(rol__in=sorted(r.value for r in SWV_ROLLEN), school__isnull=True, bestuur__isnull=True)
    return school | bestuur | swv


class Lidmaatschap(models.Model):
    """A user's role with its scope and period: the only source of what a user may see and do.

    School roles (ib-er, leerkracht, directeur, consulent) are scoped to one school, the bestuurder
    to one board, and SWV roles (TLC, AC, DB, beleid, controller, OPR, beheerder) to the whole SWV.
    The database refuses any other combination and an end date before the start date.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gebruiker = models.ForeignKey(Gebruiker, on_delete=models.CASCADE, related_name="lidmaatschappen")
    rol = models.CharField(_("role"), max_length=20, choices=Rol.choices)
    school = models.ForeignKey(
        "swv.School", on_delete=models.PROTECT, null=True, blank=True, related_name="lidmaatschappen"
    )
    bestuur = models.ForeignKey(
        "swv.Bestuur", on_delete=models.PROTECT, null=True, blank=True, related_name="lidmaatschappen"
    )
    begindatum = models.DateField(_("start date"), default=timezone.localdate)
    einddatum = models.DateField(_("end date"), null=True, blank=True)
    history = HistoricalRecords()

    objects = LidmaatschapQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["gebruiker", "rol"]
        constraints = [
            models.CheckConstraint(condition=_scope_regel(), name="lidmaatschap_scope_past_bij_rol"),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=F("begindatum")),
                name="lidmaatschap_einde_na_begin",
            ),
        ]
        indexes = [models.Index(fields=["gebruiker", "rol", "begindatum"])]

    def __str__(self) -> str:
        scope = self.school or self.bestuur or _("whole SWV")
        return f"{self.gebruiker} – {self.get_rol_display()} – {scope}"
