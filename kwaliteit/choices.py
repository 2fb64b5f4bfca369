"""Choices of the quality and reporting app (REPORTING.md, seeds 001 and 003)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Domein(models.TextChoices):
    """The domains of the key figures; each has a chapter in the jaarverslag."""

    LEERLINGEN = "leerlingen", _("Pupils and participation")
    TLV = "tlv", _("Admissibility statements (TLV)")
    ARRANGEMENTEN = "arrangementen", _("Arrangements")
    THUISZITTERS = "thuiszitters", _("Children out of school and duty of care")
    MDO = "mdo", _("Multidisciplinary meetings and the child's voice")
    FINANCIEN = "financien", _("Finance")
    PROCEDURES = "procedures", _("Complaints and innovation requests")


class Richting(models.TextChoices):
    """Target direction of a jaarplan indicator (seed 003: "SO referrals <= national norm", ...)."""

    HOGER = "hoger", _("should rise")
    LAGER = "lager", _("should fall")
    NIET_HOGER = "niet_hoger", _("at most the target value")
    NIET_LAGER = "niet_lager", _("at least the target value")


class JaarplanStatus(models.TextChoices):
    CONCEPT = "concept", _("draft")
    VASTGESTELD = "vastgesteld", _("adopted")


class EvaluatieStatus(models.TextChoices):
    """Status of a goal at an evaluation moment (June and October by default, seed 003)."""

    NIET_GESTART = "niet_gestart", _("not started")
    OP_KOERS = "op_koers", _("on track")
    AANDACHT = "aandacht", _("needs attention")
    ACHTER = "achter", _("behind schedule")
    BEHAALD = "behaald", _("achieved")


class PortaalProduct(models.TextChoices):
    """Products of the accountability calendar that the portal itself generates."""

    T_RAPPORTAGE = "t_rapportage", _("T-report (finance)")
    JAARVERSLAG = "jaarverslag", _("Annual report")
    TLC_JAARVERSLAG = "tlc_jaarverslag", _("Annual report of the admissions committee")
    AC_JAARVERSLAG = "ac_jaarverslag", _("Annual report of the arrangements committee")
    JAARPLAN = "jaarplan", _("Annual plan")
    PIJPLIJN = "pijplijn", _("Pipeline data (TLV to placement)")
    RISICOLIJST = "risicolijst", _("Risk list")
    KLACHTEN = "klachten", _("Complaints in figures")
    INNOVATIE = "innovatie", _("Innovation requests")


class MomentStatus(models.TextChoices):
    """Status of one due occurrence of a calendar product."""

    OPEN = "open", _("to do")
    IN_VOORBEREIDING = "in_voorbereiding", _("in preparation")
    GEREED = "gereed", _("ready")
    NVT = "nvt", _("not applicable this time")


class RapportSoort(models.TextChoices):
    """Reports the portal generates as a PDF by a background job."""

    JAARVERSLAG = "jaarverslag", _("Annual report")
    TLC_JAARVERSLAG = "tlc_jaarverslag", _("Annual report of the admissions committee (TLC)")
    AC_JAARVERSLAG = "ac_jaarverslag", _("Annual report of the arrangements committee (AC)")
    JAARPLAN = "jaarplan", _("Annual plan")


class VersieStatus(models.TextChoices):
    """A generated report version: concept -> vastgesteld (frozen); a vastgesteld one may be withdrawn."""

    CONCEPT = "concept", _("draft")
    VASTGESTELD = "vastgesteld", _("adopted")
    INGETROKKEN = "ingetrokken", _("withdrawn")


class DocumentSoort(models.TextChoices):
    JAARVERSLAG = "jaarverslag", _("Annual report")
    TLC_JAARVERSLAG = "tlc_jaarverslag", _("Annual report of the admissions committee (TLC)")
    AC_JAARVERSLAG = "ac_jaarverslag", _("Annual report of the arrangements committee (AC)")
    JAARPLAN = "jaarplan", _("Annual plan")
    T_RAPPORTAGE = "t_rapportage", _("T-report (finance)")
    OSP = "osp", _("Support plan (OSP)")
    OVERIG = "overig", _("Other document")


class Doelgroep(models.TextChoices):
    """Audiences of a publication; each maps to who may read it (see querysets)."""

    OPR = "opr", _("Support plan council (OPR)")
    ALV_RVT = "alv_rvt", _("General meeting and supervisory board (ALV/RvT)")
    OPENBAAR = "openbaar", _("Public")


class PublicatieStatus(models.TextChoices):
    GEPUBLICEERD = "gepubliceerd", _("published")
    INGETROKKEN = "ingetrokken", _("withdrawn")


class OprBesluitSoort(models.TextChoices):
    """What the OPR decided on a document (instemmingsrecht on the OSP, advice on others)."""

    INSTEMMING_VERLEEND = "instemming_verleend", _("consent granted")
    INSTEMMING_ONTHOUDEN = "instemming_onthouden", _("consent withheld")
    POSITIEF_ADVIES = "positief_advies", _("positive advice")
    NEGATIEF_ADVIES = "negatief_advies", _("negative advice")
    KENNISGENOMEN = "kennisgenomen", _("noted")


class KlachtStatus(models.TextChoices):
    """A parent's complaint (seed 002, Klachtenregeling): registered, acknowledged, handled by the
    directeur, closed with a judgement; withdrawn, or taken to the Landelijke Klachtencommissie."""

    ONTVANGEN = "ontvangen", _("received")
    BEVESTIGD = "bevestigd", _("acknowledged")
    IN_BEHANDELING = "in_behandeling", _("being handled")
    AFGEHANDELD = "afgehandeld", _("closed")
    BIJ_LKC = "bij_lkc", _("with the national complaints committee (LKC)")
    INGETROKKEN = "ingetrokken", _("withdrawn")


class KlachtOnderwerp(models.TextChoices):
    """What a complaint is about (counted in the jaarverslag, never with names)."""

    TOEWIJZING = "toewijzing", _("a decision on support or admission")
    COMMUNICATIE = "communicatie", _("communication and information")
    BEJEGENING = "bejegening", _("the way the parent was treated")
    PRIVACY = "privacy", _("privacy and the pupil's data")
    TERMIJNEN = "termijnen", _("time taken or waiting")
    OVERIG = "overig", _("other")


class KlachtOordeel(models.TextChoices):
    GEGROND = "gegrond", _("well-founded")
    DEELS_GEGROND = "deels_gegrond", _("partly well-founded")
    ONGEGROND = "ongegrond", _("unfounded")
    OPGELOST = "opgelost", _("resolved by mutual agreement")


class KlachtDerde(models.TextChoices):
    """Who was engaged next to the directeur (seed 002: an independent third party or a confidential adviser)."""

    ONAFHANKELIJK = "onafhankelijk", _("independent third party")
    VERTROUWENSPERSOON = "vertrouwenspersoon", _("confidential adviser")
