"""Fail when the Dutch catalogue has untranslated or fuzzy entries (the house style requires it complete)."""

import sys

import polib

po = polib.pofile(sys.argv[1])
onvertaald = [e.msgid for e in po.untranslated_entries()]
vaag = [e.msgid for e in po.fuzzy_entries()]
for msgid in onvertaald:
    print(f"untranslated: {msgid!r}")
for msgid in vaag:
    print(f"fuzzy: {msgid!r}")
print(f"{sys.argv[1]}: {len(po.translated_entries())} translated, {len(onvertaald)} untranslated, {len(vaag)} fuzzy")
sys.exit(1 if onvertaald or vaag else 0)
