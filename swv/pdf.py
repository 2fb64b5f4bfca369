"""The one PDF entry point: ``render_to_pdf(template, context)`` (open-forms).

WeasyPrint is imported lazily (it pulls in Pango) and static files are resolved on disk through the
staticfiles finders, never over HTTP, so a PDF renders identically on a worker with no network.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string


def _lokale_fetcher():
    from weasyprint.urls import URLFetcher

    class LokaleFetcher(URLFetcher):
        """Serves ``/static/...`` from disk and data: URIs; refuses everything else."""

        def __init__(self):
            super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=True)

        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            if parsed.scheme == "file":
                path = unquote(parsed.path)
                if path.startswith(settings.STATIC_URL):
                    found = finders.find(path[len(settings.STATIC_URL) :])
                    if not found:
                        raise ValueError(f"Static file not found for PDF: {path}")
                    url = Path(found).resolve().as_uri()
                else:
                    raise ValueError(f"PDF may only use static files: {url}")
            return super().fetch(url, headers)

    return LokaleFetcher()


def render_to_pdf(template: str, context: dict) -> bytes:
    """Render a Django template (in ``templates/pdf/``) to PDF bytes."""
    from weasyprint import HTML

    html = render_to_string(template, context)
    return HTML(string=html, base_url="file:///", url_fetcher=_lokale_fetcher()).write_pdf()
