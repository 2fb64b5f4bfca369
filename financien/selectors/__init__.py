"""Reads of the finance app; every selector takes ``user`` and returns nothing outside its scope.

For other apps (docs/financien.md): ``definitieve_t_rapportages(user)`` hands final T-rapportages
to the publication flow, ``financieel_overzicht(user, jaar=...)`` gives the finance summary.
"""

from financien.selectors.overzicht import financieel_overzicht
from financien.selectors.rapportage import definitieve_t_rapportages, t_rapportages

__all__ = ["definitieve_t_rapportages", "financieel_overzicht", "t_rapportages"]
