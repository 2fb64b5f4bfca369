"""Choices of the finance app: budget blocks (seed 002), computed bases, the SBO rule, states."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Blok(models.TextChoices):
    """The blocks of seed 002's meerjarenbegroting: income, then the five blocks of costs."""

    BATEN = "baten", _("Income")
    CENTRALE_ORGANISATIE = "centrale_organisatie", _("Central organisation")
    ONDERSTEUNING_SCHOLEN = "ondersteuning_scholen", _("Support to schools")
    ARRANGEMENTEN = "arrangementen", _("Arrangements")
    GESPECIALISEERD_ONDERWIJS = "gespecialiseerd_onderwijs", _("Special education")
    RESERVE = "reserve", _("Reserve")


#: Blocks of costs (lasten); everything but income. The reserve block holds the dotatie.
LASTEN_BLOKKEN = tuple(b for b in Blok if b != Blok.BATEN)


class Grondslag(models.TextChoices):
    """How a budget line's amount can be computed from the year's parameters (or entered by hand)."""

    HANDMATIG = "handmatig", _("Entered by hand")
    LICHTE_PERSONEEL = "lichte_personeel", _("Light support, personnel: pupils x rate")
    LICHTE_MATERIEEL = "lichte_materieel", _("Light support, material: pupils x rate")
    ZWARE_NORMATIEF = "zware_normatief", _("Heavy support, normative budget: pupils x rate")
    VEREVENING = "verevening", _("Equalisation correction (verevening)")
    SO_AFDRACHT = "so_afdracht", _("SO deduction: active TLVs x category rates")
    SBO_AFDRACHT = "sbo_afdracht", _("SBO deduction: the SBO rule of the year")
    BASISONDERSTEUNING = "basisondersteuning", _("Allocation to schools: base + pupils x amount")
    ARRANGEMENTENBUDGET = "arrangementenbudget", _("Arrangement budgets per school or cluster")


class SboRegel(models.TextChoices):
    """The SBO rule of a year (FINANCE.md): a strategy, because the law changed in 2023."""

    GEEN = "geen", _("No SBO deduction")
    DREMPEL = "drempel", _("Deduction for SBO participation above a threshold percentage")
    PER_TLV = "per_tlv", _("Deduction for every SBO TLV of this SWV")


class SoCategorie(models.TextChoices):
    LAAG = "laag", _("low")
    MIDDEN = "midden", _("medium")
    HOOG = "hoog", _("high")


class ParametersStatus(models.TextChoices):
    ACTUEEL = "actueel", _("current")
    VERVANGEN = "vervangen", _("superseded")


class ImportStatus(models.TextChoices):
    VOORBEELD = "voorbeeld", _("preview")
    VERWERKT = "verwerkt", _("imported")
    VERVANGEN = "vervangen", _("replaced")
    GEANNULEERD = "geannuleerd", _("cancelled")


class RapportStatus(models.TextChoices):
    CONCEPT = "concept", _("draft")
    DEFINITIEF = "definitief", _("final")
    VERVANGEN = "vervangen", _("superseded")


class InnovatieStatus(models.TextChoices):
    """An innovation request of a school or board (seed 001): TLC/AC advise, the DB decides."""

    CONCEPT = "concept", _("draft")
    INGEDIEND = "ingediend", _("submitted")
    GEADVISEERD = "geadviseerd", _("advised")
    TOEGEKEND = "toegekend", _("granted")
    AFGEWEZEN = "afgewezen", _("refused")


class InnovatieThema(models.TextChoices):
    BEGAAFDHEID = "begaafdheid", _("gifted pupils")
    GEDRAG = "gedrag", _("behaviour")
    TAAL = "taal", _("language")
    JONGE_KIND = "jonge_kind", _("young children")
    THUISNABIJ = "thuisnabij", _("education close to home")
    OVERIG = "overig", _("other")


class Afwijzingsgrond(models.TextChoices):
    """Why the DB refused an innovation request (seed 001, 2024: language delays belong to the boards
    and municipalities; a multi-year request; a request without a financial justification)."""

    GEEN_SWV_TAAK = "geen_swv_taak", _("not a task of the partnership")
    ONDERBOUWING = "onderbouwing", _("insufficient financial justification")
    MEERJARIG = "meerjarig", _("multi-year funding not possible")
    BUDGET = "budget", _("no budget left")
    OVERIG = "overig", _("other")
