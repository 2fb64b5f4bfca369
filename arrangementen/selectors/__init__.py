"""Reads of the arrangements app; every selector takes ``user`` (except the finance contract
``arrangementen_budgetbeslag``, whose caller applies its own role check)."""

from arrangementen.selectors.aanvragen import (
    aanvraag_pagina,
    aanvragen_lijst,
    mdo_uitkomsten_zonder_aanvraag,
    van_leerling,
    werklijst_beoordelaar,
    werklijst_directeur,
    werklijst_school,
    werkvoorraad,
)
from arrangementen.selectors.geld import arrangementen_budgetbeslag, budgetoverzicht, budgetsignalen
from arrangementen.selectors.jaarverslag import (
    jaarverslag_aantallen,
    jaarverslag_evaluaties,
    jaarverslag_geld,
    jaarverslag_uitvoering,
)

__all__ = [
    "aanvraag_pagina",
    "aanvragen_lijst",
    "arrangementen_budgetbeslag",
    "budgetoverzicht",
    "budgetsignalen",
    "jaarverslag_aantallen",
    "jaarverslag_evaluaties",
    "jaarverslag_geld",
    "jaarverslag_uitvoering",
    "mdo_uitkomsten_zonder_aanvraag",
    "van_leerling",
    "werklijst_beoordelaar",
    "werklijst_directeur",
    "werklijst_school",
    "werkvoorraad",
]
