"""The parents' portal (issue 14): parents see their own children only, through ``OuderKoppeling``.

- ``toegang``: which children a parent sees (``kinderen``), and who is a parent in the portal
  (``is_portaalouder``, the rule registered with ``swv.access``:
  two-factor, shorter session, start page);
- ``bronnen``: the registry through which arrangementen and tlv show their requests to parents and
  take the parent's view (zienswijze) on them (leerlingen cannot import those apps).
"""
