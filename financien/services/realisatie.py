"""Services for actuals: account mapping, reading an export into a preview, processing it whole
(replacing an earlier import of the same month), cancelling a preview."""

from __future__ import annotations

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from financien import conf
from financien.choices import ImportStatus
from financien.importeren import KOLOMMEN, VERPLICHT, controleer
from financien.models import RealisatieImport, Realisatieregel, Rekeningkoppeling
from financien.services import FinancienFout
from swv.historie import met_historie
from swv.tabellen import TabelFout, lees_tabel


@transaction.atomic
def rekeningkoppeling_opslaan(*, door, rekening: str, post, omschrijving: str = "") -> Rekeningkoppeling:
    """Map a ledger account to a budget line (changing the line of an account already mapped)."""
    rekening = rekening.strip()
    if not rekening:
        raise FinancienFout(_("The ledger account is missing."))
    koppeling = Rekeningkoppeling.objects.select_for_update().filter(rekening=rekening).first() or Rekeningkoppeling(
        rekening=rekening
    )
    koppeling.post, koppeling.omschrijving = post, omschrijving.strip()
    try:
        with transaction.atomic():
            met_historie(koppeling, door=door).save()
    except IntegrityError:
        raise FinancienFout(_("Ledger account %(rekening)s is already mapped.") % {"rekening": rekening})
    return koppeling


@transaction.atomic
def rekeningkoppeling_verwijderen(*, door, koppeling: Rekeningkoppeling) -> None:
    met_historie(koppeling, door=door, reden=_("Removed")).delete()


def realisatie_inlezen(*, door, jaar: int, maand: int, bestand) -> RealisatieImport:
    """Read an uploaded export into a preview: every row checked, nothing booked yet.

    A file that cannot be read at all raises ``FinancienFout``; row errors are kept in the preview.
    """
    try:
        rijen = lees_tabel(bestand, kolommen=KOLOMMEN, verplicht=VERPLICHT, max_regels=conf.import_max_regels())
    except TabelFout as fout:
        raise FinancienFout(str(fout)) from None
    koppelingen = {
        k.rekening: (k.post_id, f"{k.post.code} {k.post.naam}")
        for k in Rekeningkoppeling.objects.select_related("post")
    }
    regels = controleer(rijen, jaar=jaar, maand=maand, koppelingen=koppelingen)
    totaal = sum((Decimal(r.bedrag) for r in regels if r.bedrag is not None), Decimal("0.00"))
    with transaction.atomic():
        invoer = RealisatieImport(
            jaar=jaar,
            maand=maand,
            bestandsnaam=bestand.name[:200],
            ingelezen_door=door,
            voorbeeld=[r.als_dict() for r in regels],
            aantal_regels=len(regels),
            aantal_fouten=sum(1 for r in regels if r.fouten),
            totaal=totaal,
        )
        met_historie(invoer, door=door, reden=_("Read for preview")).save()
    return invoer


@transaction.atomic
def realisatie_verwerken(*, door, invoer: RealisatieImport) -> RealisatieImport:
    """Book a previewed import as a whole. An earlier import of the same month is replaced (kept,
    marked replaced), so actuals never count twice; a second submit of the same preview is refused."""
    invoer = RealisatieImport.objects.select_for_update().get(pk=invoer.pk)
    if invoer.status != ImportStatus.VOORBEELD:
        raise FinancienFout(_("This import has already been processed or cancelled."))
    if invoer.aantal_fouten:
        raise FinancienFout(_("The file has rows with errors; correct the file and upload it again."))
    # The mapping may have changed since the preview: check every account again.
    koppelingen = dict(Rekeningkoppeling.objects.values_list("rekening", "post_id"))
    for rij in invoer.voorbeeld:
        if koppelingen.get(rij["rekening"]) != rij["post_id"]:
            raise FinancienFout(_("The account mapping changed after the preview; upload the file again."))
    vorige = (
        RealisatieImport.objects.select_for_update()
        .filter(jaar=invoer.jaar, maand=invoer.maand, status=ImportStatus.VERWERKT)
        .first()
    )
    if vorige is not None:
        vorige.status, vorige.vervangen_door = ImportStatus.VERVANGEN, invoer
        # The replaced import must leave the "one processed import per month" constraint first.
        met_historie(vorige, door=door, reden=_("Replaced by a new import of this month")).save()
    invoer.status, invoer.verwerkt_op = ImportStatus.VERWERKT, timezone.now()
    met_historie(invoer, door=door, reden=_("Processed")).save()
    bulk_create_with_history(
        [
            Realisatieregel(
                realisatie_import=invoer,
                regelnummer=rij["regelnummer"],
                post_id=rij["post_id"],
                rekening=rij["rekening"],
                omschrijving=rij["omschrijving"],
                bedrag=Decimal(rij["bedrag"]),
            )
            for rij in invoer.voorbeeld
        ],
        Realisatieregel,
        batch_size=1000,
        default_user=door,
    )
    return invoer


@transaction.atomic
def realisatie_annuleren(*, door, invoer: RealisatieImport) -> RealisatieImport:
    invoer = RealisatieImport.objects.select_for_update().get(pk=invoer.pk)
    if invoer.status != ImportStatus.VOORBEELD:
        raise FinancienFout(_("This import has already been processed or cancelled."))
    invoer.status = ImportStatus.GEANNULEERD
    met_historie(invoer, door=door, reden=_("Cancelled")).save()
    return invoer
