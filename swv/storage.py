"""Storage for private files (uploads, generated reports): outside the web root, served by views only."""

from django.core.files.storage import Storage, storages


def private_storage() -> Storage:
    """The private storage (a callable, so migrations do not freeze its location)."""
    return storages["private"]
