"""Storage for private files (uploads, generated reports): outside the web root, served by views only.

Two backends, chosen by the environment (``STORAGES["private"]`` in settings):
- ``PrivateFileSystemStorage`` (the embedded default): a folder on this node (``PRIVATE_MEDIA_ROOT``);
- ``PrivateS3Storage`` when ``SWV_S3_BUCKET`` is set: an S3-compatible object store (MinIO, Ceph,
  a cloud's S3) that every web and worker node reaches, so that the portal scales out without
  shared disks or sticky sessions (docs/platform.md). Objects are private; neither backend hands out
  URLs: every file is streamed by a view that checked the user's right to it.
Code only uses the storage API (``open``, ``save``, ``exists``, ``delete``), never a local path.
"""

from __future__ import annotations

from typing import Any

from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.signals import setting_changed
from django.utils.functional import LazyObject, empty

GEEN_URL = "Private files have no public URL; serve them through a permission-checked view."


class PrivateFileSystemStorage(FileSystemStorage):
    """A file system storage without public URLs: files are streamed by permission-checked views."""

    def url(self, name):
        raise ValueError(GEEN_URL)


def _private_s3_storage() -> type:
    # boto3 is imported only when the S3 backend is configured (it costs start-up time otherwise).
    from storages.backends.s3 import S3Storage

    class PrivateS3Storage(S3Storage):
        """An S3 bucket without public URLs (no presigned links either: the view streams the file)."""

        def url(self, name, parameters=None, expire=None, http_method=None):
            raise ValueError(GEEN_URL)

    PrivateS3Storage.__module__ = __name__
    PrivateS3Storage.__qualname__ = "PrivateS3Storage"
    return PrivateS3Storage


def __getattr__(naam: str) -> Any:
    """``swv.storage.PrivateS3Storage``, created on first use (Django imports the backend by name)."""
    if naam == "PrivateS3Storage":
        klasse = _private_s3_storage()
        globals()[naam] = klasse
        return klasse
    raise AttributeError(naam)


class _PrivateStorage(LazyObject):
    """``storages["private"]``, looked up when first used (like Django's ``default_storage``): a
    ``FileField`` keeps the object it was given when its model is imported, and this proxy lets it
    follow the configured backend (and a test that changes ``STORAGES``)."""

    def _setup(self):
        self._wrapped = storages["private"]


_private = _PrivateStorage()


def private_storage() -> Storage:
    """The private storage (a callable, so migrations do not freeze its location)."""
    return _private  # type: ignore[return-value]


def _storages_changed(*, setting: str, **kwargs) -> None:
    if setting == "STORAGES":
        _private._wrapped = empty  # type: ignore[assignment]  # LazyObject resets with its sentinel


setting_changed.connect(_storages_changed)


def s3_opties(env) -> dict[str, Any]:
    """The S3 backend's options from the environment (``SWV_S3_*``; see docs/platform.md)."""
    return {
        "bucket_name": env.str("SWV_S3_BUCKET"),
        "endpoint_url": env.str("SWV_S3_ENDPOINT_URL", default=None),
        "access_key": env.str("SWV_S3_ACCESS_KEY", default=None),
        "secret_key": env.str("SWV_S3_SECRET_KEY", default=None),
        "region_name": env.str("SWV_S3_REGION", default=None),
        "location": env.str("SWV_S3_PREFIX", default="private"),
        # MinIO and most self-hosted stores want path-style addresses (bucket in the path).
        "addressing_style": env.str("SWV_S3_ADDRESSING_STYLE", default="path"),
        "default_acl": None,  # the bucket's own policy: private
        "file_overwrite": False,  # a name that exists gets a suffix, as on disk
        "querystring_auth": True,
        "object_parameters": {"ServerSideEncryption": "AES256"}
        if env.bool("SWV_S3_VERSLEUTELEN", default=True)
        else {},
    }
