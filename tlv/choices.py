"""Choices of the TLV app: the state machine of PROCESSES.md section 3, bezwaar (section 4) and the
fields of a request (soort, bekostigingscategorie, route, deskundigenadvies, parents' consent)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TLVStatus(models.TextChoices):
    """``concept`` -> ``ingediend`` -> ``procedureel_getoetst`` -> (``aanvulling_gevraagd`` -> ``ingediend``)
    -> ``afgegeven`` | ``geweigerd`` -> (``in_bezwaar``) -> ``actief`` (from the start date) ->
    ``verlopen`` | ``ingetrokken`` | ``verlengd``. A request can be withdrawn (``ingetrokken``) before
    the decision. The transitions live in ``tlv.services`` (one service each)."""

    CONCEPT = "concept", _("draft")
    INGEDIEND = "ingediend", _("submitted")
    PROCEDUREEL_GETOETST = "procedureel_getoetst", _("procedurally checked")
    AANVULLING_GEVRAAGD = "aanvulling_gevraagd", _("more information requested")
    AFGEGEVEN = "afgegeven", _("issued")
    GEWEIGERD = "geweigerd", _("refused")
    IN_BEZWAAR = "in_bezwaar", _("under objection")
    ACTIEF = "actief", _("active")
    VERLOPEN = "verlopen", _("expired")
    INGETROKKEN = "ingetrokken", _("withdrawn or ended")
    VERLENGD = "verlengd", _("extended")


#: A request that is still being prepared or assessed (at most one per pupil).
LOPENDE_AANVRAAG = (
    TLVStatus.CONCEPT,
    TLVStatus.INGEDIEND,
    TLVStatus.PROCEDUREEL_GETOETST,
    TLVStatus.AANVULLING_GEVRAAGD,
)
#: Requests in the TLC's work queue.
IN_BEHANDELING = (TLVStatus.INGEDIEND, TLVStatus.PROCEDUREEL_GETOETST, TLVStatus.AANVULLING_GEVRAAGD)
#: Issued TLVs that are (or will become) in force: reminders, placement, terugkeer, extension.
GELDIG = (TLVStatus.AFGEGEVEN, TLVStatus.IN_BEZWAAR, TLVStatus.ACTIEF)


class TLVSoort(models.TextChoices):
    SBO = "SBO", _("special primary school (SBO)")
    SO = "SO", _("special school (SO)")


class Categorie(models.TextChoices):
    """Bekostigingscategorie of an SO TLV (earlier cat. 1/2/3); SBO has none."""

    LAAG = "laag", _("low")
    MIDDEN = "midden", _("medium")
    HOOG = "hoog", _("high")


class Route(models.TextChoices):
    REGULIER = "regulier", _("regular route")
    VERLENGING = "verlenging", _("extension (shortened route)")
    RECHTSTREEKS = "rechtstreeks", _("direct entry (EMB)")


class OudersInstemming(models.TextChoices):
    INGESTEMD = "ingestemd", _("the parents consent")
    UITZONDERING = "uitzondering", _("no consent: documented exception")


class Kwalificatie(models.TextChoices):
    """Qualification of an expert giving deskundigenadvies (expert 1: orthopedagoog or psycholoog)."""

    ORTHOPEDAGOOG = "orthopedagoog", _("orthopedagogue")
    PSYCHOLOOG = "psycholoog", _("(school) psychologist")
    SPECIALIST_SO = "specialist_so", _("expert from special education")
    ARTS = "arts", _("physician or child psychiatrist")
    ANDERS = "anders", _("other expertise")


#: Qualifications that may give the first deskundigenadvies (Wpo; seed 002 L1061).
EERSTE_DESKUNDIGE = (Kwalificatie.ORTHOPEDAGOOG, Kwalificatie.PSYCHOLOOG)


class Adviesconclusie(models.TextChoices):
    POSITIEF = "positief", _("advises a TLV")
    NEGATIEF = "negatief", _("advises against a TLV")


class Beeindigingsreden(models.TextChoices):
    VERLOPEN = "verlopen", _("end date passed")
    VERLENGD = "verlengd", _("followed by an extension")
    INGETROKKEN = "ingetrokken", _("withdrawn by the partnership")
    LEERLING_VERTROKKEN = "leerling_vertrokken", _("pupil left the school or region")
    TERUGGEPLAATST = "teruggeplaatst", _("pupil returned to a regular school")
    AANVRAAG_INGETROKKEN = "aanvraag_ingetrokken", _("request withdrawn by the school")


#: Reasons a user can choose when ending an issued TLV early.
HANDMATIGE_BEEINDIGING = (
    Beeindigingsreden.INGETROKKEN,
    Beeindigingsreden.LEERLING_VERTROKKEN,
    Beeindigingsreden.TERUGGEPLAATST,
)


class Terugkeerconclusie(models.TextChoices):
    VOORTZETTEN = "voortzetten", _("continue at the special school")
    TERUGPLAATSEN = "terugplaatsen", _("prepare a return to a regular school")
    VERLENGEN = "verlengen", _("prepare an extension")
    NADER_ONDERZOEK = "nader_onderzoek", _("further research needed")


class Besluitsoort(models.TextChoices):
    AFGEVEN = "afgeven", _("issue the TLV")
    WEIGEREN = "weigeren", _("refuse the TLV")


class BezwaarStatus(models.TextChoices):
    """``ontvangen`` -> (``advies_gevraagd`` -> ``advies_ontvangen``) -> ``beslist``; or ``ingetrokken``."""

    ONTVANGEN = "ontvangen", _("received")
    ADVIES_GEVRAAGD = "advies_gevraagd", _("advice requested")
    ADVIES_ONTVANGEN = "advies_ontvangen", _("advice received")
    BESLIST = "beslist", _("decided")
    INGETROKKEN = "ingetrokken", _("withdrawn")


OPEN_BEZWAAR = (BezwaarStatus.ONTVANGEN, BezwaarStatus.ADVIES_GEVRAAGD, BezwaarStatus.ADVIES_ONTVANGEN)


class Indiener(models.TextChoices):
    OUDERS = "ouders", _("parents / carers")
    SCHOOL = "school", _("school")
    ANDERS = "anders", _("other interested party")


class Commissie(models.TextChoices):
    EIGEN = "eigen", _("the partnership's advisory committee")
    LBT = "lbt", _("national objections committee TLV (LBT)")


class Bezwaarbeslissing(models.TextChoices):
    GEGROND = "gegrond", _("well-founded")
    ONGEGROND = "ongegrond", _("unfounded")
    NIET_ONTVANKELIJK = "niet_ontvankelijk", _("inadmissible")


class Meldingsoort(models.TextChoices):
    """What an in-app notification (and its e-mail, a link only) is about; never pupil details."""

    INGEDIEND = "tlv.ingediend", _("A TLV request was submitted")
    AANVULLING_GEVRAAGD = "tlv.aanvulling_gevraagd", _("More information is requested for a TLV request")
    BESLUIT = "tlv.besluit", _("A decision was taken on a TLV request")
    BESLISTERMIJN = "tlv.beslistermijn", _("The decision term of a TLV request has passed")
    EINDDATUM = "tlv.einddatum", _("A TLV ends soon: evaluate and decide on extension or return")
    TERUGKEER = "tlv.terugkeer", _("The yearly return review of a TLV is due")
    BEZWAAR = "tlv.bezwaar", _("An objection against a TLV decision was registered")
