"""Writes of the arrangements app: one service per transition of PROCESSES.md 2 (``<entity>_<action>``),
keyword-only arguments, each in a transaction: validate -> write -> history -> jobs/notifications on commit."""

from arrangementen.services.aanvraag import (
    Aanvraaginhoud,
    aanvraag_aanmaken,
    aanvraag_indienen,
    aanvraag_instemmen,
    aanvraag_intrekken,
    aanvraag_wijzigen,
    bereken_kosten,
    ontbrekend_voor_indienen,
)
from arrangementen.services.beoordeling import (
    aanvraag_aanvullen,
    aanvraag_aanvulling_vragen,
    aanvraag_advies_geven,
    aanvraag_afwijzen,
    aanvraag_in_beoordeling_nemen,
    aanvraag_toekennen,
    besluitbrief_opnieuw_maken,
)
from arrangementen.services.fouten import AanvraagFout, GelijktijdigeWijziging
from arrangementen.services.geld import budget_vastleggen, realisatie_vastleggen, realisaties_importeren
from arrangementen.services.meldingen import evaluatieherinneringen_maken
from arrangementen.services.uitvoering import (
    Evaluatiegegevens,
    arrangement_afsluiten,
    arrangement_starten,
    arrangement_verlengen,
    evaluatie_vastleggen,
)

__all__ = [
    "AanvraagFout",
    "Aanvraaginhoud",
    "Evaluatiegegevens",
    "GelijktijdigeWijziging",
    "aanvraag_aanmaken",
    "aanvraag_aanvullen",
    "aanvraag_aanvulling_vragen",
    "aanvraag_advies_geven",
    "aanvraag_afwijzen",
    "aanvraag_in_beoordeling_nemen",
    "aanvraag_indienen",
    "aanvraag_instemmen",
    "aanvraag_intrekken",
    "aanvraag_toekennen",
    "aanvraag_wijzigen",
    "arrangement_afsluiten",
    "arrangement_starten",
    "arrangement_verlengen",
    "bereken_kosten",
    "besluitbrief_opnieuw_maken",
    "budget_vastleggen",
    "evaluatie_vastleggen",
    "evaluatieherinneringen_maken",
    "ontbrekend_voor_indienen",
    "realisatie_vastleggen",
    "realisaties_importeren",
]
