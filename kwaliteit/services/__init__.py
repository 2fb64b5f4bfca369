"""Writes of the quality app, one module per subdomain. Services take keyword-only arguments, run
in a transaction, validate (domain errors in Dutch), write, record history and enqueue jobs or
e-mails with ``transaction.on_commit``."""
