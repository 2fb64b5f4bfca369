"""Choices of the pupil's case: dossier (groeidocument), signals, OPP, MDO/OT meetings, documents.

Other apps (arrangementen, tlv) read these too: an arrangement or TLV request starts from an MDO
whose outcome is ``Uitkomstsoort.ARRANGEMENTAANVRAAG`` or ``Uitkomstsoort.TLV_VOORSTEL``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DossierStatus(models.TextChoices):
    """PROCESSES.md 1: ``open`` -> (``in_behandeling_mdo``) -> ``afgesloten``; a closed dossier can reopen."""

    OPEN = "open", _("open")
    IN_BEHANDELING_MDO = "in_behandeling_mdo", _("in MDO")
    AFGESLOTEN = "afgesloten", _("closed")


class Afsluitreden(models.TextChoices):
    DOELEN_BEREIKT = "doelen_bereikt", _("goals reached, no extra support needed")
    BASISONDERSTEUNING = "basisondersteuning", _("continued within basic support")
    UITGESTROOMD = "uitgestroomd", _("pupil moved on to secondary or special education")
    VERHUISD = "verhuisd", _("pupil left the region")
    ANDERS = "anders", _("other reason")


class Sectie(models.TextChoices):
    """The sections of the groeidocument; each is edited (and versioned) on its own."""

    ANALYSE = "analyse", _("Analysis")
    ONDERWIJSBEHOEFTEN = "onderwijsbehoeften", _("Educational needs")
    ONDERSTEUNINGSBEHOEFTEN = "ondersteuningsbehoeften", _("Support needs")
    BEVORDERENDE_FACTOREN = "bevorderende_factoren", _("Stimulating factors")
    BELEMMERENDE_FACTOREN = "belemmerende_factoren", _("Hindering factors")
    DOELEN = "doelen", _("Goals")
    VISIE_OUDERS = "visie_ouders", _("Views of the parents")
    VISIE_KIND = "visie_kind", _("Views of the child")


class Melder(models.TextChoices):
    """Who signalled the concern."""

    LEERKRACHT = "leerkracht", _("teacher")
    OUDERS = "ouders", _("parents")
    IB_ER = "ib_er", _("ib-er")
    LEERLING = "leerling", _("the pupil")
    KETENPARTNER = "ketenpartner", _("partner organisation")
    ANDERS = "anders", _("other")


class Signaalcategorie(models.TextChoices):
    LEREN = "leren", _("learning")
    GEDRAG = "gedrag", _("behaviour")
    SOCIAAL_EMOTIONEEL = "sociaal_emotioneel", _("social-emotional")
    FYSIEK_MEDISCH = "fysiek_medisch", _("physical or medical")
    THUISSITUATIE = "thuissituatie", _("home situation")
    VERZUIM = "verzuim", _("absence")
    ANDERS = "anders", _("other")


class Interventieresultaat(models.TextChoices):
    LOPEND = "lopend", _("still running")
    BEHAALD = "behaald", _("goal reached")
    DEELS = "deels", _("goal partly reached")
    NIET = "niet", _("goal not reached")


class Uitstroomniveau(models.TextChoices):
    """Expected exit level of an OPP (uitstroomprofiel)."""

    VWO = "vwo", _("pre-university (vwo)")
    HAVO_VWO = "havo_vwo", _("havo/vwo")
    HAVO = "havo", _("senior general secondary (havo)")
    VMBO_GT = "vmbo_gt", _("vmbo gemengde/theoretische leerweg")
    VMBO_KADER = "vmbo_kader", _("vmbo kaderberoepsgerichte leerweg")
    VMBO_BASIS = "vmbo_basis", _("vmbo basisberoepsgerichte leerweg")
    PRAKTIJKONDERWIJS = "praktijkonderwijs", _("practical education (praktijkonderwijs)")
    VSO_VERVOLGONDERWIJS = "vso_vervolgonderwijs", _("VSO: further education")
    VSO_ARBEIDSMARKT = "vso_arbeidsmarkt", _("VSO: labour market")
    VSO_DAGBESTEDING = "vso_dagbesteding", _("VSO: day activities")


class OPPStatus(models.TextChoices):
    """An OPP version: ``concept`` -> ``vastgesteld`` -> ``vervangen`` (by the next version)."""

    CONCEPT = "concept", _("draft")
    VASTGESTELD = "vastgesteld", _("adopted")
    VERVANGEN = "vervangen", _("superseded")


class Instemmingsbesluit(models.TextChoices):
    """The parents' decision on the OPP's handelingsdeel (instemmingsrecht)."""

    INGESTEMD = "ingestemd", _("consent given")
    BEZWAAR = "bezwaar", _("objection")


class Instemmingswijze(models.TextChoices):
    GESPREK = "gesprek", _("in a meeting")
    SCHRIFTELIJK = "schriftelijk", _("in writing (signed)")
    DIGITAAL = "digitaal", _("digitally (e-mail or parent portal)")
    TELEFONISCH = "telefonisch", _("by telephone")
    PORTAAL = "portaal", _("by the parent in the parents' portal")


class Ouderrelatie(models.TextChoices):
    MOEDER = "moeder", _("mother")
    VADER = "vader", _("father")
    VERZORGER = "verzorger", _("carer / guardian")
    VOOGD = "voogd", _("legal guardian (voogd)")


class MDOSoort(models.TextChoices):
    MDO = "mdo", _("MDO")
    OT = "ot", _("OT meeting")


class MDOStatus(models.TextChoices):
    """An MDO: ``gepland`` -> ``gehouden`` (verslag recorded) | ``geannuleerd``."""

    GEPLAND = "gepland", _("planned")
    GEHOUDEN = "gehouden", _("held")
    GEANNULEERD = "geannuleerd", _("cancelled")


class Deelnemersrol(models.TextChoices):
    """The role in which someone takes part in an MDO (portal user or external person)."""

    OUDER = "ouder", _("parent / carer")
    LEERLING = "leerling", _("pupil")
    IB_ER = "ib_er", _("ib-er")
    LEERKRACHT = "leerkracht", _("teacher")
    DIRECTEUR = "directeur", _("school head")
    CONSULENT = "consulent", _("SWV consultant")
    JEUGD_GEZINSWERKER = "jeugd_gezinswerker", _("youth and family worker")
    SBO_SO_SCHOOL = "sbo_so_school", _("S(B)O school")
    LEERPLICHT = "leerplicht", _("compulsory education officer")
    JGZ = "jgz", _("youth health care (JGZ)")
    DESKUNDIGE = "deskundige", _("expert (orthopedagoog / psychologist)")
    ANDERS = "anders", _("other")


class StemWijze(models.TextChoices):
    """How the child was heard (hoorrecht)."""

    IN_OVERLEG = "in_overleg", _("took part in the meeting")
    GESPREK_VOORAF = "gesprek_vooraf", _("conversation beforehand")
    SCHRIFTELIJK = "schriftelijk", _("in writing or a drawing")
    VIA_OUDERS = "via_ouders", _("through the parents")
    VIA_LEERKRACHT = "via_leerkracht", _("through the teacher")


class StemNietGehoordReden(models.TextChoices):
    TE_JONG = "te_jong", _("too young or not able to express a view")
    WIL_NIET = "wil_niet", _("the child did not want to")
    BELASTEND = "belastend", _("too burdensome for the child")
    NIET_BEREIKBAAR = "niet_bereikbaar", _("the child could not be reached")
    ANDERS = "anders", _("other reason")


class Uitkomstsoort(models.TextChoices):
    """Outcome of an MDO (PROCESSES.md 1, step 4); an MDO can have more than one.

    ``ARRANGEMENTAANVRAAG`` starts an arrangement request, ``TLV_VOORSTEL`` a TLV request.
    """

    BASISONDERSTEUNING = "basisondersteuning", _("within basic support")
    ARRANGEMENTAANVRAAG = "arrangementaanvraag", _("arrangement request")
    OPP = "opp", _("OPP drawn up or updated")
    JEUGDHULP = "jeugdhulp", _("referral to youth care")
    TLV_VOORSTEL = "tlv_voorstel", _("TLV proposal")


class AfspraakStatus(models.TextChoices):
    OPEN = "open", _("open")
    AFGEROND = "afgerond", _("done")
    VERVALLEN = "vervallen", _("cancelled")


class Documentsoort(models.TextChoices):
    VERSLAG = "verslag", _("report")
    ONDERZOEK = "onderzoek", _("research / assessment")
    OPP = "opp", _("OPP")
    TOESTEMMING = "toestemming", _("consent form")
    CORRESPONDENTIE = "correspondentie", _("correspondence")
    ANDERS = "anders", _("other")


class ImportStatus(models.TextChoices):
    """A pupil import: ``voorbeeld`` (preview, nothing written) -> ``bevestigd`` | ``geannuleerd``."""

    VOORBEELD = "voorbeeld", _("preview")
    BEVESTIGD = "bevestigd", _("imported")
    GEANNULEERD = "geannuleerd", _("cancelled")


class Importactie(models.TextChoices):
    NIEUW = "nieuw", _("create")
    BIJWERKEN = "bijwerken", _("update")
    ONGEWIJZIGD = "ongewijzigd", _("unchanged")
    AFGEWEZEN = "afgewezen", _("reject")


class OuderBesluit(models.TextChoices):
    """A parent's answer given in the parents' portal on a request about their child (issue 14)."""

    INGESTEMD = "ingestemd", _("agrees")
    GEWEIGERD = "geweigerd", _("does not agree")
