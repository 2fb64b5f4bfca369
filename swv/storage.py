"""Storage for private files (uploads, generated reports): outside the web root, served by views only."""

from django.core.files.storage import FileSystemStorage, Storage, storages


class PrivateFileSystemStorage(FileSystemStorage):
    """A file system storage without public URLs: files are streamed by permission-checked views."""

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a permission-checked view.")


def private_storage() -> Storage:
    """The private storage (a callable, so migrations do not freeze its location)."""
    return storages["private"]
