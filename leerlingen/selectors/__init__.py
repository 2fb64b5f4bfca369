"""Reads of the pupils app, one module per subdomain; every selector takes ``user``."""
