"""Reads of the pupil's case: dossier contents, MDOs, worklists, overviews, counts and history.

Every selector takes ``user`` and starts from the models' ``visible_to``; an old school that keeps
read access after a transfer sees only the items it wrote (the querysets see to that).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from django.db.models import Count, Exists, F, Field, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from leerlingen.choices import AfspraakStatus, DossierStatus, Instemmingsbesluit, MDOStatus, OPPStatus, Sectie
from leerlingen.conf import afspraak_binnenkort_dagen, dossier_inactief_dagen
from leerlingen.models import (
    MDO,
    OPP,
    Afspraak,
    Document,
    Dossier,
    DossierSectie,
    DossierStatusovergang,
    Interventie,
    Leerling,
    MDOAdvies,
    MDODeelnemer,
    MDOUitkomst,
    OPPInstemming,
    OPPVersie,
    Signaal,
    StemVanHetKind,
)
from leerlingen.selectors.thuiszitters import mag_tellen
from swv.access import bestuur_ids, heeft_rol, school_ids
from swv.choices import Rol

if TYPE_CHECKING:
    from swv.models import Gebruiker


def dossiers_van_leerling(user, leerling: Leerling):
    """The pupil's dossiers the user may see, the active one first."""
    return (
        Dossier.objects.visible_to(user)
        .filter(leerling=leerling)
        .select_related("school", "regievoerder")
        .order_by("-geopend_op", "-pk")
    )


def mag_wijzigen(user, dossier: Dossier) -> bool:
    return Dossier.objects.visible_to(user, "change").filter(pk=dossier.pk).exists()


def heeft_volledige_toegang(user, dossier: Dossier) -> bool:
    return Dossier.objects.volledig_zichtbaar(user).filter(pk=dossier.pk).exists()


def dossier_inhoud(user, dossier: Dossier) -> dict:
    """Everything in one dossier the user may see, in a bounded number of queries.

    ``dossier`` comes from ``Dossier.objects.visible_to(user)``. With full access every item of the
    dossier is visible, so the items are read by dossier alone (cheap); an old school with read
    access after a transfer goes through each item's ``visible_to`` (only what it wrote).
    """
    volledig = heeft_volledige_toegang(user, dossier)

    def items(model, **filters):
        qs = model.objects.all() if volledig else model.objects.visible_to(user)
        return qs.filter(**filters)

    secties = {s.sectie: s for s in items(DossierSectie, dossier=dossier).select_related("bijgewerkt_door")}
    opp = OPP.objects.filter(dossier=dossier).first()
    versies = []
    if opp is not None:
        versies = list(
            items(OPPVersie, opp=opp)
            .select_related("opgesteld_door", "vastgesteld_door")
            .prefetch_related(Prefetch("instemmingen", queryset=OPPInstemming.objects.order_by("datum", "pk")))
        )
        for v in versies:
            instemmingen = list(v.instemmingen.all())
            v.laatste_instemming = instemmingen[-1] if instemmingen else None
    mdos = (MDO.objects.all() if volledig else MDO.objects.visible_to(user)).filter(dossier=dossier)
    return {
        "volledig": volledig,
        "secties": [(code, label, secties.get(code)) for code, label in Sectie.choices],
        "signalen": list(items(Signaal, dossier=dossier).select_related("vastgelegd_door")),
        "interventies": list(items(Interventie, dossier=dossier)),
        "opp": opp,
        "opp_versies": versies,
        "mdos": list(
            mdos.prefetch_related(Prefetch("uitkomsten", queryset=MDOUitkomst.objects.all())).select_related(
                "stem_van_het_kind"
            )
        ),
        "afspraken": list(
            items(Afspraak, dossier=dossier).select_related("uitvoerder", "mdo").order_by("status", "uiterlijk")
        ),
        "documenten": list(items(Document, dossier=dossier).select_related("geupload_door")),
        "statusovergangen": list(items(DossierStatusovergang, dossier=dossier).select_related("door")),
    }


def mdo_inhoud(user, mdo: MDO) -> dict:
    return {
        "deelnemers": list(mdo.deelnemers.select_related("gebruiker")),
        "uitkomsten": list(mdo.uitkomsten.all()),
        "afspraken": list(mdo.afspraken.select_related("uitvoerder")),
        "adviezen": list(MDOAdvies.objects.visible_to(user).filter(mdo=mdo).select_related("auteur")),
        "stem": getattr(mdo, "stem_van_het_kind", None),
    }


@dataclass
class Werklijst:
    mdos: list
    afspraken_verlopen: list
    afspraken_binnenkort: list
    stille_dossiers: list

    @property
    def leeg(self) -> bool:
        return not (self.mdos or self.afspraken_verlopen or self.afspraken_binnenkort or self.stille_dossiers)


def werklijst(user, *, limiet: int = 10) -> Werklijst:
    """My upcoming MDOs, agreements due soon or overdue, and dossiers without activity for long.

    "Mine": MDOs I take part in; agreements I carry out, or in dossiers I am regievoerder of;
    quiet dossiers I am regievoerder of (the ib-er) or of my schools (directeur).
    """
    vandaag = timezone.localdate()
    nu = timezone.now()
    mdos = list(
        MDO.objects.visible_to(user)
        .filter(status=MDOStatus.GEPLAND, begint_om__gte=nu - timedelta(hours=12))
        .filter(Q(pk__in=MDODeelnemer.objects.filter(gebruiker=user).values("mdo_id")) | Q(gepland_door=user))
        .select_related("dossier__leerling", "school")
        .order_by("begint_om")[:limiet]
    )
    mijn_afspraken = (
        Afspraak.objects.visible_to(user)
        .filter(status=AfspraakStatus.OPEN)
        .filter(Q(uitvoerder=user) | Q(dossier__regievoerder=user))
        .select_related("dossier__leerling", "uitvoerder")
        .order_by("uiterlijk", "pk")
    )
    verlopen = list(mijn_afspraken.filter(uiterlijk__lt=vandaag)[:limiet])
    binnenkort = list(
        mijn_afspraken.filter(
            uiterlijk__gte=vandaag, uiterlijk__lte=vandaag + timedelta(days=afspraak_binnenkort_dagen())
        )[:limiet]
    )
    grens = nu - timedelta(days=dossier_inactief_dagen())
    stil = Dossier.objects.visible_to(user).actief().filter(laatste_activiteit__lt=grens)
    directie = school_ids(user, [Rol.DIRECTEUR])
    stil = stil.filter(Q(regievoerder=user) | Q(school_id__in=directie))
    stille = list(stil.select_related("leerling", "school").order_by("laatste_activiteit")[:limiet])
    return Werklijst(mdos=mdos, afspraken_verlopen=verlopen, afspraken_binnenkort=binnenkort, stille_dossiers=stille)


def dossier_lijst(user, *, status: str = "", school=None, zoek: str = ""):
    """The school overview: dossiers with pupil, status, last activity and counts (bounded queries)."""
    gepland = MDO.objects.filter(dossier=OuterRef("pk"), status=MDOStatus.GEPLAND)
    # Counts as correlated subqueries (not joins + COUNT DISTINCT): the paginator's COUNT(*) then
    # drops them, and each page computes them for its 50 rows only.

    def telling(model, **filters):
        rijen = model.objects.filter(dossier=OuterRef("pk"), **filters).order_by().values("dossier")
        return Coalesce(Subquery(rijen.annotate(n=Count("pk")).values("n")), 0)

    qs = (
        Dossier.objects.visible_to(user)
        .select_related("leerling", "school", "regievoerder")
        .annotate(
            aantal_mdos=telling(MDO, status=MDOStatus.GEHOUDEN),
            open_afspraken=telling(Afspraak, status=AfspraakStatus.OPEN),
            mdo_gepland=Exists(gepland),
        )
    )
    if status in DossierStatus.values:
        qs = qs.filter(status=status)
    elif status != "alle":
        qs = qs.actief()
    if school is not None:
        qs = qs.filter(school=school)
    if zoek:
        qs = qs.filter(leerling__in=Leerling.objects.zoek(zoek))
    return qs.order_by("leerling__achternaam", "leerling__voornaam", "pk")


def kengetallen(user, *, school=None, sinds: date | None = None) -> dict:
    """Counts for the overview (directeur, ib-er, consulent): consent and the child's voice are data."""
    dossiers = Dossier.objects.volledig_zichtbaar(user)
    if school is not None:
        dossiers = dossiers.filter(school=school)
    sinds = sinds or _schooljaar_begin(timezone.localdate())
    gehouden = MDO.objects.filter(dossier__in=dossiers, status=MDOStatus.GEHOUDEN, gehouden_op__gte=sinds)
    vastgesteld = OPPVersie.objects.filter(opp__dossier__in=dossiers, status=OPPStatus.VASTGESTELD)
    instemming = OPPInstemming.objects.filter(versie=OuterRef("pk"), besluit=Instemmingsbesluit.INGESTEMD)
    mdo_cijfers = gehouden.aggregate(
        totaal=Count("pk"), met_stem=Count("pk", filter=Q(stem_van_het_kind__gehoord=True))
    )
    opp_cijfers = vastgesteld.annotate(ok=Exists(instemming)).aggregate(
        totaal=Count("pk"), met_instemming=Count("pk", filter=Q(ok=True))
    )
    return {
        "sinds": sinds,
        "open_dossiers": dossiers.actief().count(),
        "mdos_gehouden": mdo_cijfers["totaal"],
        "mdos_met_stem": mdo_cijfers["met_stem"],
        "opps_vastgesteld": opp_cijfers["totaal"],
        "opps_met_instemming": opp_cijfers["met_instemming"],
    }


def mdo_hoorrecht_tellingen(user, *, scholen, begin: date, einde: date) -> list[dict]:
    """Held MDOs (``gehouden_op`` from ``begin`` to ``einde``) at ``scholen``, counted per kind of
    meeting and per how the child's voice was recorded (hoorrecht), for aggregate tiles: one GROUP BY
    query, counts only, no pupil.

    Counting follows the thuiszitter tiles (``mag_tellen``): the DB and beleidsmedewerker count the
    whole SWV, a bestuurder the board's schools (REPORTING.md: aggregates), others nothing. An MDO
    counts at the school that held it. Rows: ``{"soort", "gehoord" (None: no voice recorded),
    "wijze", "reden_niet_gehoord", "aantal"}``.
    """
    if not mag_tellen(user):
        return []
    qs = MDO.objects.gehouden().filter(school__in=scholen, gehouden_op__gte=begin, gehouden_op__lte=einde)
    if not heeft_rol(user, Rol.DB, Rol.BELEIDSMEDEWERKER):
        qs = qs.filter(school__bestuur_id__in=bestuur_ids(user, [Rol.BESTUURDER]))
    return list(
        qs.values(
            "soort",
            gehoord=F("stem_van_het_kind__gehoord"),
            wijze=F("stem_van_het_kind__wijze"),
            reden_niet_gehoord=F("stem_van_het_kind__reden_niet_gehoord"),
        )
        .annotate(aantal=Count("pk"))
        .order_by()
    )


def _schooljaar_begin(d: date) -> date:
    return date(d.year if d.month >= 8 else d.year - 1, 8, 1)


# --- history (simple_history diffs) for the ib-er -------------------------------------------------

_GESCHIEDENIS_MODELLEN = (
    (Dossier, "id"),
    (DossierSectie, "dossier_id"),
    (Interventie, "dossier_id"),
    (Signaal, "dossier_id"),
    (MDO, "dossier_id"),
    (MDOUitkomst, "mdo__dossier_id"),
    (StemVanHetKind, "mdo__dossier_id"),
    (Afspraak, "dossier_id"),
    (OPPVersie, "opp__dossier_id"),
    (OPPInstemming, "versie__opp__dossier_id"),
    (Document, "dossier_id"),
)
_VERBORGEN = {"versie", "laatste_activiteit", "bestand", "sha256", "bsn", "regels"}


@dataclass
class Wijziging:
    wanneer: datetime
    wie: Gebruiker | None
    model: str
    object_label: str
    soort: str  # "+", "~", "-"
    velden: list  # (label, old, new)


def geschiedenis(user, dossier: Dossier, *, limiet: int = 200) -> list[Wijziging]:
    """Who changed what in the dossier, when, with before/after per field (for users who may change it)."""
    if not Dossier.objects.visible_to(user, "change").filter(pk=dossier.pk).exists():
        return []
    wijzigingen: list[Wijziging] = []
    for model, veld in _GESCHIEDENIS_MODELLEN:
        rijen = list(
            model.history.filter(**{veld: dossier.pk})
            .select_related("history_user")
            .order_by("id", "history_date", "history_id")
        )
        vorige_per_object: dict = {}
        for rij in rijen:
            vorige = vorige_per_object.get(rij.id)
            velden = []
            if vorige is not None:
                delta = rij.diff_against(vorige)
                for c in delta.changes:
                    if c.field in _VERBORGEN:
                        continue
                    kolom = model._meta.get_field(c.field)
                    if not isinstance(kolom, Field):  # a history diff holds the model's own columns only
                        raise TypeError(f"{model.__name__}.{c.field} is not a column")
                    label = str(kolom.verbose_name)
                    velden.append((label, _weergave(model, c.field, c.old), _weergave(model, c.field, c.new)))
                if not velden:
                    vorige_per_object[rij.id] = rij
                    continue
            vorige_per_object[rij.id] = rij
            wijzigingen.append(
                Wijziging(
                    wanneer=rij.history_date,
                    wie=rij.history_user,
                    model=str(model._meta.verbose_name),
                    object_label=_label(model, rij),
                    soort=rij.history_type,
                    velden=velden,
                )
            )
    wijzigingen.sort(key=lambda w: w.wanneer, reverse=True)
    return wijzigingen[:limiet]


def _label(model, rij) -> str:
    if model is DossierSectie:
        return str(dict(Sectie.choices).get(rij.sectie, rij.sectie))
    if model is OPPVersie:
        return f"v{rij.versienummer}"
    return ""


def _weergave(model, veld: str, waarde) -> str:
    f = model._meta.get_field(veld)
    if f.choices and waarde not in (None, ""):
        return str(dict(f.flatchoices).get(waarde, waarde))
    if f.is_relation:
        return "" if waarde is None else "#"
    if waarde is None or waarde == "":
        return "–"
    tekst = str(waarde)
    return tekst if len(tekst) <= 400 else tekst[:400] + "…"
