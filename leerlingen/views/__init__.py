"""Views of the pupils app, one module per subdomain (leerling, dossier, thuiszitters, ...)."""
