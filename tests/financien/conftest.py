"""Finance tests keep their files (uploads, PDFs) in a temporary folder, also on the worker."""

from __future__ import annotations

from contextlib import contextmanager

import pytest


@contextmanager
def tijdelijke_private_opslag(tmp_path, monkeypatch):
    """Point the private storage at ``tmp_path``: the storage object the FileFields hold (made once,
    at import) in this process, and ``PRIVATE_MEDIA_ROOT`` for a worker started afterwards."""
    from swv.storage import private_storage

    map_ = tmp_path / "private"
    opslag = private_storage()
    oud = opslag._location
    monkeypatch.setenv("PRIVATE_MEDIA_ROOT", str(map_))
    opslag._location = str(map_)
    for attr in ("base_location", "location"):
        opslag.__dict__.pop(attr, None)
    try:
        yield map_
    finally:
        opslag._location = oud
        for attr in ("base_location", "location"):
            opslag.__dict__.pop(attr, None)


@pytest.fixture(autouse=True)
def private_opslag(tmp_path, monkeypatch):
    with tijdelijke_private_opslag(tmp_path, monkeypatch) as map_:
        yield map_
