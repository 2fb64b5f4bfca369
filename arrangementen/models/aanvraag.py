"""The arrangement request and what happens to it: budget lines, status history, requests for more
information, the consultant's advice and the decision (with its letter)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from arrangementen.choices import (
    BESLAG_STATUSSEN,
    BEZETTENDE_STATUSSEN,
    INTREKBARE_STATUSSEN,
    AanvraagStatus,
    Adviessoort,
    Afsluitresultaat,
    Beoordelaar,
    Besluitsoort,
    Kostenwijze,
)
from arrangementen.querysets import AanvraagOnderdeelQuerySet, AanvraagQuerySet
from leerlingen.choices import OuderBesluit
from swv.models.historie import Statusovergang as StatusovergangBasis
from swv.storage import private_storage


class Aanvraag(models.Model):
    """An arrangement request for one pupil by the school, and afterwards the arrangement itself.

    Filed by the ib-er from the pupil's dossier, usually from an MDO outcome (``mdo_uitkomst``);
    a follow-up request (verlenging) points to the arrangement it extends (``vorige``). The status
    changes only through one service per transition (each writes a ``Statusovergang``); ``versie``
    detects concurrent edits. ``beoordelaar`` is fixed when the request is made, so a later change
    of the catalogue does not move pending requests. Amounts: ``totale_kosten`` minus the school's
    and the municipality's contributions is what the SWV is asked (``gevraagd_bedrag``);
    ``toegekend_bedrag`` is what the decision granted, the amount that commits budget.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    nummer = models.CharField(_("request number"), max_length=20, unique=True)
    idempotentiesleutel = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    leerling = models.ForeignKey("leerlingen.Leerling", on_delete=models.PROTECT, related_name="arrangementaanvragen")
    school = models.ForeignKey("swv.School", on_delete=models.PROTECT, related_name="+", verbose_name=_("school"))
    dossier = models.ForeignKey(
        "leerlingen.Dossier",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dossier"),
    )
    mdo = models.ForeignKey(
        "leerlingen.MDO",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("MDO meeting"),
    )
    mdo_uitkomst = models.ForeignKey(
        "leerlingen.MDOUitkomst",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("MDO outcome"),
    )
    arrangementtype = models.ForeignKey(
        "arrangementen.Arrangementtype",
        on_delete=models.PROTECT,
        related_name="aanvragen",
        verbose_name=_("arrangement type"),
    )
    vorige = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="verlengingen",
        verbose_name=_("extends arrangement"),
    )
    status = models.CharField(
        _("status"), max_length=30, choices=AanvraagStatus.choices, default=AanvraagStatus.CONCEPT
    )
    beoordelaar = models.CharField(_("assessed by"), max_length=20, choices=Beoordelaar.choices)

    ondersteuningsbehoefte = models.TextField(_("support need"), blank=True)
    doelen = models.TextField(_("goals (SMART)"), blank=True)
    inzet_wat = models.TextField(_("what will be done"), blank=True)
    inzet_wie = models.CharField(_("who provides it"), max_length=200, blank=True)
    uren_per_week = models.DecimalField(_("hours per week"), max_digits=5, decimal_places=2, null=True, blank=True)
    begindatum = models.DateField(_("start date"))
    einddatum = models.DateField(_("end date"))

    kostenwijze = models.CharField(
        _("cost based on"), max_length=20, choices=Kostenwijze.choices, default=Kostenwijze.TARIEF
    )
    totale_kosten = models.DecimalField(_("total cost"), max_digits=12, decimal_places=2, default=0)
    bijdrage_school = models.DecimalField(_("school's contribution"), max_digits=12, decimal_places=2, default=0)
    bijdrage_gemeente = models.DecimalField(
        _("municipality's contribution (youth care)"), max_digits=12, decimal_places=2, default=0
    )
    gevraagd_bedrag = models.DecimalField(
        _("amount requested from the SWV"), max_digits=12, decimal_places=2, default=0
    )
    toegekend_bedrag = models.DecimalField(_("amount granted"), max_digits=12, decimal_places=2, null=True, blank=True)

    ouders_visie = models.TextField(_("the parents' view"), blank=True)
    ouders_toestemming = models.BooleanField(_("the parents consent"), default=False)
    ouders_toestemming_datum = models.DateField(_("date of the parents' consent"), null=True, blank=True)
    # The parent's own view and decision, given in the parents' portal (issue 14): who and when.
    ouders_portaal_besluit = models.CharField(
        _("parent's answer in the portal"), max_length=20, choices=OuderBesluit.choices, blank=True
    )
    ouders_portaal_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered in the portal by"),
    )
    ouders_portaal_op = models.DateTimeField(_("answered in the portal at"), null=True, blank=True)
    kind_visie = models.TextField(_("the child's view"), blank=True)
    kind_visie_ontbreekt = models.TextField(_("why the child's view is missing"), blank=True)

    directeur_akkoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agreed by school head"),
    )
    directeur_akkoord_op = models.DateTimeField(_("school head agreed at"), null=True, blank=True)

    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("filed by")
    )
    aangemaakt = models.DateTimeField(_("created"), default=timezone.now)
    ingediend_op = models.DateTimeField(_("first submitted at"), null=True, blank=True)
    laatst_ingediend_op = models.DateTimeField(_("last submitted at"), null=True, blank=True)
    afgesloten_op = models.DateField(_("closed on"), null=True, blank=True)
    afsluitresultaat = models.CharField(_("result"), max_length=30, choices=Afsluitresultaat.choices, blank=True)
    afsluittoelichting = models.TextField(_("explanation of the result"), blank=True)
    versie = models.PositiveIntegerField(_("version"), default=1)
    history = HistoricalRecords()

    objects = AanvraagQuerySet.as_manager()

    class Meta:
        verbose_name = _("arrangement request")
        verbose_name_plural = _("arrangement requests")
        ordering = ["-aangemaakt", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(ouders_portaal_besluit="")
                    & Q(ouders_portaal_door__isnull=True)
                    & Q(ouders_portaal_op__isnull=True)
                )
                | (
                    ~Q(ouders_portaal_besluit="")
                    & Q(ouders_portaal_door__isnull=False)
                    & Q(ouders_portaal_op__isnull=False)
                ),
                name="aanvraag_ouders_portaal_volledig",
            ),
            models.CheckConstraint(condition=Q(einddatum__gt=F("begindatum")), name="aanvraag_einde_na_begin"),
            models.CheckConstraint(
                condition=Q(
                    totale_kosten__gte=0, bijdrage_school__gte=0, bijdrage_gemeente__gte=0, gevraagd_bedrag__gte=0
                ),
                name="aanvraag_bedragen_niet_negatief",
            ),
            models.CheckConstraint(
                condition=Q(toegekend_bedrag__isnull=True) | Q(toegekend_bedrag__gte=0),
                name="aanvraag_toegekend_niet_negatief",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[s.value for s in BESLAG_STATUSSEN]) | Q(toegekend_bedrag__isnull=False),
                name="aanvraag_toegekend_met_bedrag",
            ),
            models.CheckConstraint(
                condition=Q(uren_per_week__isnull=True) | Q(uren_per_week__gte=0, uren_per_week__lte=40),
                name="aanvraag_uren_redelijk",
            ),
            models.CheckConstraint(
                condition=~Q(status=AanvraagStatus.AFGESLOTEN)
                | (Q(afgesloten_op__isnull=False) & ~Q(afsluitresultaat="")),
                name="aanvraag_afgesloten_met_resultaat",
            ),
            models.CheckConstraint(condition=~Q(vorige=F("pk")), name="aanvraag_vorige_niet_zichzelf"),
            # A double submission cannot create two open requests for the same pupil, type and start.
            models.UniqueConstraint(
                fields=["leerling", "arrangementtype", "begindatum"],
                condition=Q(status__in=[s.value for s in BEZETTENDE_STATUSSEN]),
                name="aanvraag_een_open_per_leerling_type_periode",
            ),
            models.UniqueConstraint(
                fields=["vorige"],
                condition=Q(vorige__isnull=False, status__in=[s.value for s in BEZETTENDE_STATUSSEN]),
                name="aanvraag_een_verlenging_per_arrangement",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "school"]),
            models.Index(fields=["school", "status"]),
            models.Index(fields=["beoordelaar", "status"]),
            models.Index(fields=["leerling", "arrangementtype"]),
            models.Index(fields=["begindatum", "einddatum"]),
            models.Index(fields=["-aangemaakt", "-id"], name="aanvraag_nieuwste_eerst"),
        ]

    def __str__(self) -> str:
        return self.nummer

    @property
    def is_verlenging(self) -> bool:
        return self.vorige_id is not None

    @property
    def is_intrekbaar(self) -> bool:
        return self.status in INTREKBARE_STATUSSEN

    @property
    def is_bewerkbaar(self) -> bool:
        return self.status in {AanvraagStatus.CONCEPT, AanvraagStatus.AANVULLING_GEVRAAGD}


class Begrotingsregel(models.Model):
    """One line of an itemised budget (when the cost is not the catalogue's tariff)."""

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="begrotingsregels")
    omschrijving = models.CharField(_("item"), max_length=200)
    bedrag = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    volgorde = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    objects = AanvraagOnderdeelQuerySet.as_manager()

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["aanvraag", "volgorde", "pk"]
        constraints = [models.CheckConstraint(condition=Q(bedrag__gte=0), name="begrotingsregel_niet_negatief")]

    def __str__(self) -> str:
        return self.omschrijving


class Statusovergang(StatusovergangBasis):
    """One status transition of a request: old, new, who (empty: the system), when and why."""

    onderwerp_veld = "aanvraag"
    STATUSSEN = AanvraagStatus

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="statusovergangen")
    history = HistoricalRecords()

    objects = AanvraagOnderdeelQuerySet.as_manager()

    class Meta(StatusovergangBasis.Meta):
        verbose_name = _("request status change")
        verbose_name_plural = _("request status changes")
        constraints = [models.CheckConstraint(condition=~Q(van=F("naar")), name="aanvraagovergang_van_ongelijk_naar")]
        indexes = [models.Index(fields=["naar", "op"])]


class Aanvullingsverzoek(models.Model):
    """The assessor's question for more information, and the school's answer."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="aanvullingsverzoeken")
    vraag = models.TextField(_("question"))
    gevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("asked by")
    )
    gevraagd_op = models.DateTimeField(_("asked at"), default=timezone.now)
    antwoord = models.TextField(_("answer"), blank=True)
    beantwoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    beantwoord_op = models.DateTimeField(_("answered at"), null=True, blank=True)
    history = HistoricalRecords()

    objects = AanvraagOnderdeelQuerySet.as_manager()

    class Meta:
        verbose_name = _("request for more information")
        verbose_name_plural = _("requests for more information")
        ordering = ["gevraagd_op", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(beantwoord_op__isnull=True) & Q(antwoord=""))
                | (Q(beantwoord_op__isnull=False) & ~Q(antwoord="")),
                name="aanvulling_antwoord_met_datum",
            ),
            models.UniqueConstraint(
                fields=["aanvraag"], condition=Q(beantwoord_op__isnull=True), name="aanvulling_een_open_per_aanvraag"
            ),
        ]

    def __str__(self) -> str:
        return self.vraag[:60]


class Advies(models.Model):
    """The consultant's proposal to the committee (when the committee decides)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="adviezen")
    soort = models.CharField(_("proposal"), max_length=20, choices=Adviessoort.choices)
    bedrag = models.DecimalField(_("proposed amount"), max_digits=12, decimal_places=2, null=True, blank=True)
    motivering = models.TextField(_("reasons"))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by"))
    op = models.DateTimeField(_("at"), default=timezone.now)
    history = HistoricalRecords()

    objects = AanvraagOnderdeelQuerySet.as_manager()

    class Meta:
        verbose_name = _("advice")
        verbose_name_plural = _("advice")
        ordering = ["op", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(bedrag__isnull=True) | Q(bedrag__gte=0), name="advies_bedrag_niet_negatief"
            ),
            models.CheckConstraint(condition=~Q(motivering=""), name="advies_met_motivering"),
        ]

    def __str__(self) -> str:
        return self.get_soort_display()


def besluitbrief_pad(instance: Besluit, filename: str) -> str:
    """Storage name without the pupil in it: ``arrangementen/besluiten/<year>/<uuid>.pdf``."""
    return f"arrangementen/besluiten/{timezone.now():%Y}/{instance.uuid}.pdf"


class Besluit(models.Model):
    """The decision on a request: granted (in full or in part: amount or period lower than asked)
    or refused, with reasons; what was asked is kept next to what was decided. The letter (PDF)
    for school and parents is made by a background job and stored privately with the decision.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    aanvraag = models.OneToOneField(Aanvraag, on_delete=models.PROTECT, related_name="besluit")
    soort = models.CharField(_("decision"), max_length=20, choices=Besluitsoort.choices)
    gevraagd_bedrag = models.DecimalField(_("amount requested"), max_digits=12, decimal_places=2)
    gevraagd_begin = models.DateField(_("requested start"))
    gevraagd_eind = models.DateField(_("requested end"))
    bedrag = models.DecimalField(_("amount granted"), max_digits=12, decimal_places=2, null=True, blank=True)
    begindatum = models.DateField(_("granted from"), null=True, blank=True)
    einddatum = models.DateField(_("granted until"), null=True, blank=True)
    voorwaarden = models.TextField(_("conditions"), blank=True)
    motivering = models.TextField(_("reasons"), blank=True)
    datum = models.DateField(_("date of decision"), default=timezone.localdate)
    genomen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("decided by")
    )
    boven_budget = models.BooleanField(_("exceeded the budget when decided"), default=False)
    budgetsignaal = models.TextField(_("budget warning when decided"), blank=True)
    brief = models.FileField(
        _("letter"), storage=private_storage, upload_to=besluitbrief_pad, blank=True, max_length=200
    )
    brief_taak = models.ForeignKey(
        "swv.Taak", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("letter job")
    )
    history = HistoricalRecords()

    objects = AanvraagOnderdeelQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-datum", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(soort=Besluitsoort.AFGEWEZEN) & Q(bedrag__isnull=True) & ~Q(motivering=""))
                | (
                    ~Q(soort=Besluitsoort.AFGEWEZEN)
                    & Q(bedrag__gte=0, begindatum__isnull=False, einddatum__isnull=False)
                    & Q(einddatum__gt=F("begindatum"))
                ),
                name="besluit_toegekend_met_bedrag_of_afgewezen_met_reden",
            ),
            models.CheckConstraint(
                condition=~Q(soort=Besluitsoort.DEELS_TOEGEKEND) | ~Q(motivering=""),
                name="besluit_deels_met_motivering",
            ),
            models.CheckConstraint(
                condition=Q(gevraagd_eind__gt=F("gevraagd_begin")), name="besluit_gevraagd_einde_na_begin"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.datum:%d-%m-%Y}"

    @property
    def is_toekenning(self) -> bool:
        return self.soort != Besluitsoort.AFGEWEZEN
