"""Services of the T-rapportage: start (a new version), build on the worker (lines, key figures,
PDF), explain, make final (then the final PDF is built), and the calendar start by celery beat."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from financien import conf
from financien.berekening import jaarregels, parameters_voor, verwerkte_maanden
from financien.choices import RapportStatus
from financien.models import Begroting, TRapportage, TRapportageRegel
from financien.services import FinancienFout
from swv.historie import met_historie

TAAKSOORT = "financien_t_rapportage"


def periode_van(t_nummer: int) -> int:
    """The last month of actuals in period ``t_nummer``: the month before its reporting month."""
    maanden = conf.t_rapportage_maanden()
    if not 1 <= t_nummer <= len(maanden) or maanden[t_nummer - 1] < 2:
        raise FinancienFout(_("Unknown period."))
    return maanden[t_nummer - 1] - 1


def _start_taak(rapport: TRapportage, *, door, fase: str):
    from swv.taken import taak_starten

    omschrijving = (_("%(titel)s (final)") if fase == "definitief" else _("%(titel)s (draft)")) % {
        "titel": rapport.titel
    }
    taak = taak_starten(
        soort=TAAKSOORT,
        omschrijving=omschrijving,
        aangevraagd_door=door,
        parameters={"rapport": str(rapport.uuid), "fase": fase},
    )
    TRapportage.objects.filter(pk=rapport.pk).update(taak=taak)
    rapport.taak = taak
    return taak


@transaction.atomic
def t_rapportage_starten(*, door, jaar: int, t_nummer: int, op_achtergrond: bool = True) -> TRapportage:
    """Start generating (a new version of) the T-rapportage of a period on the worker.

    Refused when the period already has a final report or the year has no budget. An open concept
    of the period is superseded by the new version (kept, with its explanations carried over).
    ``op_achtergrond=False`` starts no job: the caller (the demo) builds it with ``t_rapportage_opbouwen``."""
    tot_en_met = periode_van(t_nummer)
    if not Begroting.objects.filter(jaar=jaar).exists():
        raise FinancienFout(_("There is no budget for %(jaar)s yet.") % {"jaar": jaar})
    bestaand = list(TRapportage.objects.select_for_update().filter(jaar=jaar, t_nummer=t_nummer))
    if any(r.status == RapportStatus.DEFINITIEF for r in bestaand):
        raise FinancienFout(_("The T-rapportage T%(t)s %(jaar)s is already final.") % {"t": t_nummer, "jaar": jaar})
    for oud in bestaand:
        if oud.status == RapportStatus.CONCEPT:
            oud.status = RapportStatus.VERVANGEN
            met_historie(oud, door=door, reden=_("Superseded by a new version")).save(update_fields=["status"])
    versie = max((r.versie for r in bestaand), default=0) + 1
    rapport = TRapportage(
        jaar=jaar, t_nummer=t_nummer, tot_en_met_maand=tot_en_met, versie=versie, aangemaakt_door=door
    )
    try:
        with transaction.atomic():
            met_historie(rapport, door=door, reden=_("Started")).save()
    except IntegrityError:  # a concurrent start of the same period
        raise FinancienFout(_("This T-rapportage is already being generated."))
    if op_achtergrond:
        _start_taak(rapport, door=door, fase="concept")
    return rapport


@transaction.atomic
def t_rapportage_opnieuw_starten(*, door, rapport: TRapportage):
    """Run the job again after it failed (the failure's reason stays on the old job)."""
    rapport = TRapportage.objects.select_for_update().get(pk=rapport.pk)
    if rapport.status == RapportStatus.VERVANGEN:
        raise FinancienFout(_("This version has been superseded."))
    if rapport.taak is not None and not rapport.taak.is_afgelopen:
        raise FinancienFout(_("The T-rapportage is still being generated."))
    return _start_taak(
        rapport, door=door, fase="definitief" if rapport.status == RapportStatus.DEFINITIEF else "concept"
    )


def _regels_vastleggen(rapport: TRapportage) -> None:
    """Snapshot the lines and key figures of the period (once per version)."""
    from financien.weergave import kengetallen_bepalen

    regels, _m = jaarregels(rapport.jaar, rapport.tot_en_met_maand)
    eerdere = dict(
        TRapportageRegel.objects.filter(
            rapport__jaar=rapport.jaar, rapport__t_nummer=rapport.t_nummer, rapport__versie__lt=rapport.versie
        )
        .exclude(toelichting="")
        .order_by("rapport__versie")
        .values_list("post_id", "toelichting")
    )
    bulk_create_with_history(
        [
            TRapportageRegel(
                rapport=rapport,
                post=r.post,
                code=r.post.code,
                naam=r.post.naam,
                blok=r.post.blok,
                volgorde=r.post.volgorde,
                begroting=r.begroting,
                realisatie=r.realisatie,
                prognose=r.prognose,
                toelichting=eerdere.get(r.post.pk, ""),
            )
            for r in regels
        ],
        TRapportageRegel,
    )
    rapport.parameters = parameters_voor(rapport.jaar)
    rapport.kengetallen = kengetallen_bepalen(rapport, vandaag=timezone.localdate())
    rapport.gegenereerd_op = timezone.now()
    rapport.save(update_fields=["parameters", "kengetallen", "gegenereerd_op"])


def t_rapportage_opbouwen(*, rapport: TRapportage, voortgang=lambda p, t="": None) -> tuple[str, bytes]:
    """The job's work: snapshot the lines (first run), render the PDF, store it on the report.

    Idempotent: a PDF already built for the report's current state is returned as it is. A concept
    PDF finishing after the report was made final does not overwrite the final one."""
    from financien.weergave import rapport_weergave
    from swv.pdf import render_to_pdf

    rapport = TRapportage.objects.get(pk=rapport.pk)
    if rapport.status == RapportStatus.VERVANGEN:
        raise FinancienFout(_("This version has been superseded by a newer one."))
    definitief = rapport.status == RapportStatus.DEFINITIEF
    if rapport.pdf and rapport.pdf_definitief == definitief:
        with rapport.pdf.open("rb") as f:
            return rapport.pdf_bestandsnaam, f.read()
    if rapport.gegenereerd_op is None:
        voortgang(10, _("Computing the lines"))
        with transaction.atomic():
            if not Begroting.objects.filter(jaar=rapport.jaar).exists():
                raise FinancienFout(_("There is no budget for %(jaar)s yet.") % {"jaar": rapport.jaar})
            _regels_vastleggen(rapport)
    voortgang(40, _("Drawing the charts"))
    context = rapport_weergave(rapport, voor_pdf=True)
    voortgang(60, _("Typesetting the PDF"))
    pdf = render_to_pdf("pdf/t_rapportage.html", context)
    voortgang(90, _("Saving"))
    with transaction.atomic():
        huidig = TRapportage.objects.select_for_update().get(pk=rapport.pk)
        if (huidig.status == RapportStatus.DEFINITIEF) == definitief and huidig.status != RapportStatus.VERVANGEN:
            oud = huidig.pdf.name
            huidig.pdf_definitief = definitief
            huidig.pdf.save(huidig.pdf_bestandsnaam, ContentFile(pdf), save=False)
            huidig.save(update_fields=["pdf", "pdf_definitief"])
            if oud and oud != huidig.pdf.name:  # the draft PDF of a version made final
                opslag = huidig.pdf.storage
                transaction.on_commit(lambda: opslag.delete(oud))
            rapport = huidig
    return rapport.pdf_bestandsnaam, pdf


@transaction.atomic
def t_rapportage_toelichten(
    *, door, rapport: TRapportage, revisie: int, toelichtingen: dict[int, str], prognoses: dict[int, Decimal]
) -> TRapportage:
    """Save the controller's explanations (and adjusted forecasts) of a concept's lines at once."""
    rapport = TRapportage.objects.select_for_update().get(pk=rapport.pk)
    if rapport.status != RapportStatus.CONCEPT:
        raise FinancienFout(
            _("Only a draft can be explained; this report is %(status)s.") % {"status": rapport.get_status_display()}
        )
    if rapport.revisie != revisie:
        raise FinancienFout(_("Someone else saved explanations in the meantime. Reload the page and try again."))
    for regel in rapport.regels.all():
        nieuw_tekst = toelichtingen.get(regel.pk, regel.toelichting).strip()
        nieuw_prognose = prognoses.get(regel.pk, regel.prognose)
        if nieuw_tekst != regel.toelichting or nieuw_prognose != regel.prognose:
            regel.toelichting, regel.prognose = nieuw_tekst, nieuw_prognose
            met_historie(regel, door=door).save()
    TRapportage.objects.filter(pk=rapport.pk).update(revisie=F("revisie") + 1)
    rapport.refresh_from_db()
    return rapport


def regels_zonder_toelichting(rapport: TRapportage) -> list[TRapportageRegel]:
    drempel = conf.toelichting_drempel()
    return [r for r in rapport.regels.all() if abs(r.verschil) > drempel and not r.toelichting.strip()]


@transaction.atomic
def t_rapportage_definitief_maken(*, door, rapport: TRapportage, op_achtergrond: bool = True) -> TRapportage:
    """concept -> definitief: every line with a difference must be explained; then the final PDF is
    built on the worker. The year's parameters are frozen from now on (a change makes a new version)."""
    rapport = TRapportage.objects.select_for_update().get(pk=rapport.pk)
    if rapport.status != RapportStatus.CONCEPT:
        raise FinancienFout(
            _("Only a draft can be made final; this report is %(status)s.") % {"status": rapport.get_status_display()}
        )
    if rapport.gegenereerd_op is None:
        raise FinancienFout(_("The lines of this report have not been computed yet; wait for the job to finish."))
    ontbrekend = regels_zonder_toelichting(rapport)
    if ontbrekend:
        raise FinancienFout(
            _("Explain every line with a difference first: %(regels)s.")
            % {"regels": ", ".join(f"{r.code} {r.naam}" for r in ontbrekend)}
        )
    bijgewerkt = TRapportage.objects.filter(pk=rapport.pk, status=RapportStatus.CONCEPT).update(
        status=RapportStatus.DEFINITIEF, definitief_door=door, definitief_op=timezone.now()
    )
    if not bijgewerkt:  # pragma: no cover - guarded by the row lock above
        raise FinancienFout(_("This report was changed in the meantime."))
    rapport.refresh_from_db()
    # The conditional UPDATE bypasses save(): record the transition in the history explicitly.
    met_historie(rapport, door=door, reden=_("Made final")).save(update_fields=["status"])
    if op_achtergrond:
        _start_taak(rapport, door=door, fase="definitief")
    return rapport


def t_rapportage_volgens_kalender(*, vandaag: date) -> TRapportage | None:
    """Celery beat, on the first of each month: in a configured month start that period's report,
    unless it already exists (idempotent: running twice starts nothing twice)."""
    maanden = conf.t_rapportage_maanden()
    if vandaag.month not in maanden or vandaag.month < 2:
        return None
    t_nummer = maanden.index(vandaag.month) + 1
    if TRapportage.objects.lopend().filter(jaar=vandaag.year, t_nummer=t_nummer).exists():
        return None
    if not Begroting.objects.filter(jaar=vandaag.year).exists():
        return None
    try:
        return t_rapportage_starten(door=None, jaar=vandaag.year, t_nummer=t_nummer)
    except FinancienFout:
        return None


def ontbrekende_maanden(jaar: int, tot_en_met_maand: int) -> list[int]:
    verwerkt = set(verwerkte_maanden(jaar))
    return [m for m in range(1, tot_en_met_maand + 1) if m not in verwerkt]
