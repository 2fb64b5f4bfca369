"""The SWV portal project package: settings, shared platform pieces and the organisation register."""

from .celery import app as celery_app

__all__ = ("celery_app",)
