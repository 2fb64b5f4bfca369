"""Forms of the pupils app, one module per subdomain."""
