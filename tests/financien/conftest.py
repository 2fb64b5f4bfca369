"""Finance tests keep their files (uploads, PDFs) in a temporary folder, also on the worker."""

from __future__ import annotations

from contextlib import contextmanager

import pytest


@contextmanager
def tijdelijke_private_opslag(tmp_path, monkeypatch):
    """Point the private storage at ``tmp_path``: in this process through ``STORAGES`` (the FileFields
    follow it, ``swv.storage.private_storage`` is a proxy of the configured backend), and through
    ``PRIVATE_MEDIA_ROOT`` in a worker started afterwards."""
    from django.conf import settings
    from django.test import override_settings

    map_ = tmp_path / "private"
    monkeypatch.setenv("PRIVATE_MEDIA_ROOT", str(map_))
    prive = settings.STORAGES["private"]
    prive = {**prive, "OPTIONS": {**prive.get("OPTIONS", {}), "location": str(map_)}}
    with override_settings(STORAGES={**settings.STORAGES, "private": prive}):
        yield map_


@pytest.fixture(autouse=True)
def private_opslag(tmp_path, monkeypatch):
    with tijdelijke_private_opslag(tmp_path, monkeypatch) as map_:
        yield map_
