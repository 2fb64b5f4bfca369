"""Services for the budget: lines (with seed 002's standard layout), budgets per year and their
amounts, and filling the computed lines from the year's parameters."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from financien.berekening import bedragen_uit_parameters, parameters_voor
from financien.choices import Blok, Grondslag
from financien.models import Begroting, Begrotingsbedrag, Begrotingspost
from financien.services import FinancienFout
from swv.historie import met_historie

#: Seed 002's meerjarenbegroting (9.3), in today's terms: (code, name, block, basis).
STANDAARD_POSTEN = [
    ("1.01", "Lichte ondersteuning, personeel", Blok.BATEN, Grondslag.LICHTE_PERSONEEL),
    ("1.02", "Lichte ondersteuning, materieel", Blok.BATEN, Grondslag.LICHTE_MATERIEEL),
    ("1.03", "Zware ondersteuning, normatief budget", Blok.BATEN, Grondslag.ZWARE_NORMATIEF),
    ("1.04", "Correctie door verevening", Blok.BATEN, Grondslag.VEREVENING),
    ("1.05", "Impulsregeling schoolmaatschappelijk werk", Blok.BATEN, Grondslag.HANDMATIG),
    ("1.06", "Gemeentelijke en projectsubsidies", Blok.BATEN, Grondslag.HANDMATIG),
    ("1.07", "Grensverkeer (baten)", Blok.BATEN, Grondslag.HANDMATIG),
    ("2.01", "Directie", Blok.CENTRALE_ORGANISATIE, Grondslag.HANDMATIG),
    ("2.02", "Secretariaat", Blok.CENTRALE_ORGANISATIE, Grondslag.HANDMATIG),
    (
        "2.03",
        "Personeel in dienst (consulenten, gedragswetenschappers)",
        Blok.CENTRALE_ORGANISATIE,
        Grondslag.HANDMATIG,
    ),
    ("2.04", "Huisvesting", Blok.CENTRALE_ORGANISATIE, Grondslag.HANDMATIG),
    ("2.05", "Materiële kosten en kantoorkosten", Blok.CENTRALE_ORGANISATIE, Grondslag.HANDMATIG),
    ("2.06", "Faciliteren kringen", Blok.CENTRALE_ORGANISATIE, Grondslag.HANDMATIG),
    ("2.07", "OPR-faciliteiten", Blok.CENTRALE_ORGANISATIE, Grondslag.HANDMATIG),
    ("2.08", "ICT", Blok.CENTRALE_ORGANISATIE, Grondslag.HANDMATIG),
    ("2.09", "Administratie, accountancy en controller", Blok.CENTRALE_ORGANISATIE, Grondslag.HANDMATIG),
    ("2.10", "Professionalisering en studiedagen", Blok.CENTRALE_ORGANISATIE, Grondslag.HANDMATIG),
    ("2.11", "Bestuurskosten, verzekeringen en abonnementen", Blok.CENTRALE_ORGANISATIE, Grondslag.HANDMATIG),
    ("2.12", "Onvoorzien centraal", Blok.CENTRALE_ORGANISATIE, Grondslag.HANDMATIG),
    ("3.01", "Basisondersteuning per school en per leerling", Blok.ONDERSTEUNING_SCHOLEN, Grondslag.BASISONDERSTEUNING),
    ("3.02", "Schoolmaatschappelijk werk", Blok.ONDERSTEUNING_SCHOLEN, Grondslag.HANDMATIG),
    ("3.03", "Expertiseteams (SAD, AED)", Blok.ONDERSTEUNING_SCHOLEN, Grondslag.HANDMATIG),
    ("3.04", "Onvoorzien (doorzettingsmacht, thuiszitters)", Blok.ONDERSTEUNING_SCHOLEN, Grondslag.HANDMATIG),
    ("4.01", "Beschikbaar voor arrangementen", Blok.ARRANGEMENTEN, Grondslag.ARRANGEMENTENBUDGET),
    ("4.02", "Regionale arrangementen", Blok.ARRANGEMENTEN, Grondslag.HANDMATIG),
    ("5.01", "Overdracht SO (DUO)", Blok.GESPECIALISEERD_ONDERWIJS, Grondslag.SO_AFDRACHT),
    ("5.02", "Overdracht SBO", Blok.GESPECIALISEERD_ONDERWIJS, Grondslag.SBO_AFDRACHT),
    ("5.03", "Peildatum SO en SBO", Blok.GESPECIALISEERD_ONDERWIJS, Grondslag.HANDMATIG),
    ("5.04", "Grensverkeer (lasten)", Blok.GESPECIALISEERD_ONDERWIJS, Grondslag.HANDMATIG),
    ("5.05", "Expertiseteam SO en Orionklas", Blok.GESPECIALISEERD_ONDERWIJS, Grondslag.HANDMATIG),
    ("6.01", "Dotatie algemene reserve", Blok.RESERVE, Grondslag.HANDMATIG),
]


@transaction.atomic
def standaard_posten_aanmaken(*, door) -> int:
    """Create seed 002's layout of budget lines when there are none yet; returns how many."""
    if Begrotingspost.objects.exists():
        raise FinancienFout(_("There are budget lines already; add or change them one by one."))
    for volgorde, (code, naam, blok, grondslag) in enumerate(STANDAARD_POSTEN, start=1):
        met_historie(
            Begrotingspost(code=code, naam=naam, blok=blok, grondslag=grondslag, volgorde=volgorde * 10), door=door
        ).save()
    return len(STANDAARD_POSTEN)


@transaction.atomic
def begrotingspost_opslaan(
    *,
    door,
    post: Begrotingspost | None = None,
    code: str,
    naam: str,
    blok: str,
    grondslag: str = Grondslag.HANDMATIG,
    beleidsthema=None,
    volgorde: int = 0,
    actief: bool = True,
) -> Begrotingspost:
    """Create or change a budget line; a computed basis belongs to at most one line."""
    if grondslag != Grondslag.HANDMATIG:
        andere = Begrotingspost.objects.filter(grondslag=grondslag)
        if post is not None:
            andere = andere.exclude(pk=post.pk)
        if andere.exists():
            raise FinancienFout(_("Another budget line already uses this basis."))
    if post is not None and post.blok != blok and (post.bedragen.exists() or post.realisatieregels.exists()):
        if (post.blok == Blok.BATEN) != (blok == Blok.BATEN):
            raise FinancienFout(_("A line with amounts cannot move between income and costs."))
    post = post or Begrotingspost()
    post.code, post.naam, post.blok, post.grondslag = code.strip(), naam.strip(), blok, grondslag
    post.beleidsthema, post.volgorde, post.actief = beleidsthema, volgorde, actief
    try:
        with transaction.atomic():
            met_historie(post, door=door).save()
    except IntegrityError:
        raise FinancienFout(_("There is already a budget line with code %(code)s.") % {"code": code})
    return post


@transaction.atomic
def begroting_aanmaken(*, door, jaar: int, kopieer_vorig_jaar: bool = True) -> Begroting:
    """A budget for ``jaar``, starting from the previous year's amounts when asked."""
    if Begroting.objects.filter(jaar=jaar).exists():
        raise FinancienFout(_("There is already a budget for %(jaar)s.") % {"jaar": jaar})
    begroting = met_historie(Begroting(jaar=jaar), door=door, reden=_("Created"))
    try:
        with transaction.atomic():
            begroting.save()
    except IntegrityError:
        raise FinancienFout(_("There is already a budget for %(jaar)s.") % {"jaar": jaar})
    vorig = Begroting.objects.filter(jaar=jaar - 1).first()
    if kopieer_vorig_jaar and vorig is not None:
        Begrotingsbedrag.objects.bulk_create(
            [Begrotingsbedrag(begroting=begroting, post_id=b.post_id, bedrag=b.bedrag) for b in vorig.bedragen.all()]
        )
    return begroting


@transaction.atomic
def begroting_wijzigen(
    *,
    door,
    begroting: Begroting,
    revisie: int,
    bedragen: dict[int, Decimal],
    reserve_begin: Decimal | None,
    toelichting: str = "",
) -> Begroting:
    """Save a year's amounts per line at once; a stale form (saved by someone else) is refused."""
    huidig = Begroting.objects.select_for_update().get(pk=begroting.pk)
    if huidig.revisie != revisie:
        raise FinancienFout(_("Someone else changed this budget in the meantime. Reload the page and try again."))
    bestaand = {b.post_id: b for b in huidig.bedragen.all()}
    geldige_posten = set(Begrotingspost.objects.filter(pk__in=bedragen).values_list("pk", flat=True))
    for post_id, bedrag in bedragen.items():
        if post_id not in geldige_posten:
            raise FinancienFout(_("Unknown budget line."))
        regel = bestaand.get(post_id)
        if regel is None:
            met_historie(Begrotingsbedrag(begroting=huidig, post_id=post_id, bedrag=bedrag), door=door).save()
        elif regel.bedrag != bedrag:
            regel.bedrag = bedrag
            met_historie(regel, door=door).save()
    huidig.reserve_begin, huidig.toelichting = reserve_begin, toelichting
    huidig.revisie += 1
    met_historie(huidig, door=door, reden=_("Amounts changed")).save()
    return huidig


@transaction.atomic
def begroting_uit_parameters_vullen(*, door, begroting: Begroting, vandaag: date | None = None) -> dict:
    """Fill the computed lines (income from pupils x rates, SO/SBO deductions from the TLV
    register, allocation, arrangement budgets) from the year's parameters. Lines whose source is
    absent (no counts, no TLV register) keep their amount and are reported as skipped."""
    parameters = parameters_voor(begroting.jaar)
    if parameters is None:
        raise FinancienFout(_("There are no parameters for %(jaar)s yet.") % {"jaar": begroting.jaar})
    huidig = Begroting.objects.select_for_update().get(pk=begroting.pk)
    waarden = bedragen_uit_parameters(parameters, vandaag=vandaag or timezone.localdate())
    posten = {p.grondslag: p for p in Begrotingspost.objects.exclude(grondslag=Grondslag.HANDMATIG)}
    bestaand = {b.post_id: b for b in huidig.bedragen.all()}
    gevuld, overgeslagen = [], []
    for grondslag, post in posten.items():
        bedrag = waarden.get(grondslag)
        if bedrag is None:
            overgeslagen.append(post)
            continue
        regel = bestaand.get(post.pk) or Begrotingsbedrag(begroting=huidig, post=post, bedrag=bedrag)
        regel.bedrag = bedrag
        met_historie(regel, door=door, reden=_("Computed from the parameters")).save()
        gevuld.append(post)
    huidig.revisie += 1
    met_historie(huidig, door=door, reden=_("Computed lines filled from the parameters")).save()
    return {"gevuld": gevuld, "overgeslagen": overgeslagen}
