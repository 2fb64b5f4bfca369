"""Celery tasks of the arrangements app: thin wrappers that take ids and call a service."""

from __future__ import annotations

from celery import shared_task


@shared_task
def evaluatieherinneringen_versturen() -> int:
    """Daily (Celery beat): notify ib-ers of evaluation moments that are due or overdue."""
    from arrangementen.services.meldingen import evaluatieherinneringen_maken

    return evaluatieherinneringen_maken()
