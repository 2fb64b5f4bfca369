"""Choices of the arrangements app: the request's states (PROCESSES.md 2), the catalogue, decisions,
evaluations and the short questionnaires of parents and child (countable answers)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AanvraagStatus(models.TextChoices):
    """``concept`` -> ``ingediend`` -> ``in_beoordeling`` -> (``aanvulling_gevraagd`` <-> ``ingediend``)
    -> ``toegekend`` | ``afgewezen``; ``toegekend`` -> ``lopend`` -> ``geevalueerd`` -> ``afgesloten``;
    withdrawn: ``ingetrokken``. Transitions only through ``arrangementen.services`` (one per step)."""

    CONCEPT = "concept", _("draft")
    INGEDIEND = "ingediend", _("submitted")
    IN_BEOORDELING = "in_beoordeling", _("being assessed")
    AANVULLING_GEVRAAGD = "aanvulling_gevraagd", _("information requested")
    TOEGEKEND = "toegekend", _("granted")
    AFGEWEZEN = "afgewezen", _("refused")
    LOPEND = "lopend", _("in progress")
    GEEVALUEERD = "geevalueerd", _("evaluated")
    AFGESLOTEN = "afgesloten", _("closed")
    INGETROKKEN = "ingetrokken", _("withdrawn")


#: (Tuples, not sets: constraints built from them must keep one order for migrations.)
#: States in which a request still occupies its period (for the no-overlap rule).
BEZETTENDE_STATUSSEN = (
    AanvraagStatus.CONCEPT,
    AanvraagStatus.INGEDIEND,
    AanvraagStatus.IN_BEOORDELING,
    AanvraagStatus.AANVULLING_GEVRAAGD,
    AanvraagStatus.TOEGEKEND,
    AanvraagStatus.LOPEND,
    AanvraagStatus.GEEVALUEERD,
    AanvraagStatus.AFGESLOTEN,
)
#: States in which the granted amount commits budget.
BESLAG_STATUSSEN = (
    AanvraagStatus.TOEGEKEND,
    AanvraagStatus.LOPEND,
    AanvraagStatus.GEEVALUEERD,
    AanvraagStatus.AFGESLOTEN,
)
#: States an assessor works on (the work queue).
TE_BEOORDELEN_STATUSSEN = (AanvraagStatus.INGEDIEND, AanvraagStatus.IN_BEOORDELING, AanvraagStatus.AANVULLING_GEVRAAGD)
#: States from which the school may withdraw the request.
INTREKBARE_STATUSSEN = (
    AanvraagStatus.CONCEPT,
    AanvraagStatus.INGEDIEND,
    AanvraagStatus.IN_BEOORDELING,
    AanvraagStatus.AANVULLING_GEVRAAGD,
    AanvraagStatus.TOEGEKEND,
)


class Categorie(models.TextChoices):
    """Kinds of arrangement in the catalogue (seed 004 3.2.1/3.2.5; seed 001 regional arrangements)."""

    ONDERWIJS = "onderwijs", _("education arrangement")
    ONDERWIJS_JEUGDHULP = "onderwijs_jeugdhulp", _("education and youth care arrangement")
    JEUGDHULP_ONDERWIJS = "jeugdhulp_onderwijs", _("youth care and education arrangement")
    REGIONAAL = "regionaal", _("regional arrangement (provider)")


class Beoordelaar(models.TextChoices):
    """Who assesses and decides requests of a type (a catalogue setting, default in ``arrangementen.conf``)."""

    CONSULENT = "consulent", _("the school's consultant assesses and decides")
    AC = "ac", _("the arrangements committee assesses and decides")
    CONSULENT_AC = "consulent_ac", _("the consultant assesses, the arrangements committee decides")


class TariefEenheid(models.TextChoices):
    PER_ARRANGEMENT = "arrangement", _("per arrangement")
    PER_WEEK = "week", _("per week")
    PER_UUR = "uur", _("per hour")


class Kostenwijze(models.TextChoices):
    TARIEF = "tarief", _("the catalogue's tariff")
    BEGROTING = "begroting", _("an itemised budget")


class Besluitsoort(models.TextChoices):
    TOEGEKEND = "toegekend", _("granted")
    DEELS_TOEGEKEND = "deels_toegekend", _("granted in part")
    AFGEWEZEN = "afgewezen", _("refused")


class Adviessoort(models.TextChoices):
    """The consultant's proposal to the committee."""

    TOEKENNEN = "toekennen", _("grant")
    DEELS = "deels", _("grant in part")
    AFWIJZEN = "afwijzen", _("refuse")


class DoelenBereikt(models.TextChoices):
    JA = "ja", _("yes")
    DEELS = "deels", _("partly")
    NEE = "nee", _("no")


class Conclusie(models.TextChoices):
    """The school's conclusion at an evaluation moment."""

    VOORTZETTEN = "voortzetten", _("continue the arrangement")
    STOPPEN = "stoppen", _("stop: the arrangement ends")
    VERVOLG = "vervolg", _("follow-up needed (extension or another route)")


class Afsluitresultaat(models.TextChoices):
    DOELEN_BEREIKT = "doelen_bereikt", _("goals reached")
    BASISONDERSTEUNING = "basisondersteuning", _("continued within basic support")
    VERLENGD = "verlengd", _("extended with a follow-up arrangement")
    TLV = "tlv", _("a TLV proposal follows")
    GESTOPT = "gestopt", _("stopped early")
    ANDERS = "anders", _("other")


class Schaal5(models.IntegerChoices):
    """A five-point agreement scale for the parents' questionnaire."""

    HELEMAAL_ONEENS = 1, _("strongly disagree")
    ONEENS = 2, _("disagree")
    NEUTRAAL = 3, _("neither agree nor disagree")
    EENS = 4, _("agree")
    HELEMAAL_EENS = 5, _("strongly agree")


class Smiley(models.IntegerChoices):
    """Three faces for the child's questionnaire."""

    NIET_FIJN = 1, _("not nice (sad face)")
    GING_WEL = 2, _("so-so (neutral face)")
    FIJN = 3, _("nice (happy face)")


class JaNeeWeetNiet(models.TextChoices):
    JA = "ja", _("yes")
    NEE = "nee", _("no")
    WEET_NIET = "weet_niet", _("don't know")


class Meldingsoort(models.TextChoices):
    """The kinds of notification of this app (registered in ``swv.meldingen`` under these keys)."""

    INGEDIEND = "arrangementen.ingediend", _("A request was submitted")
    AANVULLING_GEVRAAGD = "arrangementen.aanvulling_gevraagd", _("More information was requested")
    BESLOTEN = "arrangementen.besloten", _("A decision was taken")
    EVALUATIE = "arrangementen.evaluatie", _("An evaluation is due")


class Realisatiebron(models.TextChoices):
    INGEVOERD = "ingevoerd", _("entered")
    GEIMPORTEERD = "geimporteerd", _("imported")
