"""Settings of the pupils app, with their defaults (override in the Django settings)."""

from __future__ import annotations

from django.conf import settings


def overstap_leesrecht_dagen() -> int | None:
    """Days the old school may still read what it wrote in a pupil's dossier after a recorded
    transfer; ``None`` (or 0) means no access at all once the pupil has left. Default: 90 days."""
    waarde = getattr(settings, "SWV_OVERSTAP_LEESRECHT_DAGEN", 90)
    return waarde or None


def dossier_inactief_dagen() -> int:
    """After how many days without activity an open dossier appears on the ib-er's worklist."""
    return getattr(settings, "SWV_DOSSIER_INACTIEF_DAGEN", 90)


def afspraak_binnenkort_dagen() -> int:
    """Agreements due within this many days appear on the worklist as "due soon"."""
    return getattr(settings, "SWV_AFSPRAAK_BINNENKORT_DAGEN", 14)


def upload_max_bytes() -> int:
    """Largest allowed upload (``SWV_UPLOAD_MAX_BYTES`` in the environment; 10 MB by default)."""
    return getattr(settings, "UPLOAD_MAX_BYTES", 10 * 1024 * 1024)


def import_max_regels() -> int:
    """Largest pupil import file, in rows."""
    return getattr(settings, "SWV_IMPORT_MAX_REGELS", 2000)
