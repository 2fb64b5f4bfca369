"""Fixtures of the pupils app's tests: the parents' portal world (issue 14)."""

from tests.leerlingen.factories_ouders import gezin  # noqa: F401
