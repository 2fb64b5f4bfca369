"""Reads of the quality app, one module per subdomain; every selector takes ``user``."""
