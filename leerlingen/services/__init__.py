"""Writes of the pupils app (``<entity>_<action>``), one module per subdomain."""
