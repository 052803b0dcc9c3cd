"""English is the second language: every Korean string has an English translation, compiled."""

import ast
import gettext
import re
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[1] / "locale" / "en" / "LC_MESSAGES"
KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (\".*\")$")


def po_entries() -> list[dict]:
    """The committed .po file as entries: msgctxt, msgid, msgid_plural, msgstr or msgstr[n], fuzzy."""
    entries = []
    for block in (LOCALE / "django.po").read_text(encoding="utf-8").split("\n\n"):
        entry: dict = {"fuzzy": False}
        key = None
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                entry["fuzzy"] = True
            if line.startswith("#"):
                continue
            match = KEYWORD.match(line)
            if match:
                key = match.group(1)
                entry[key] = ast.literal_eval(match.group(2))
            elif line.startswith('"') and key:
                entry[key] += ast.literal_eval(line)
        if entry.get("msgid"):
            entries.append(entry)
    return entries


def translations(entry: dict) -> list[str]:
    if "msgid_plural" in entry:
        return [value for key, value in entry.items() if key.startswith("msgstr[")]
    return [entry.get("msgstr", "")]


def test_every_string_has_an_english_translation():
    entries = po_entries()
    assert len(entries) > 50
    untranslated = [e["msgid"] for e in entries if e["fuzzy"] or not all(translations(e))]
    assert untranslated == []


def test_compiled_catalogue_matches_the_po_file():
    with open(LOCALE / "django.mo", "rb") as fp:
        catalog = gettext.GNUTranslations(fp)
    for entry in po_entries():
        context = entry.get("msgctxt")
        if "msgid_plural" in entry:
            for n, expected in ((1, entry["msgstr[0]"]), (2, entry["msgstr[1]"])):
                got = (
                    catalog.npgettext(context, entry["msgid"], entry["msgid_plural"], n)
                    if context
                    else catalog.ngettext(entry["msgid"], entry["msgid_plural"], n)
                )
                assert got == expected, f"django.mo is stale for {entry['msgid']!r}: run make messages"
        else:
            got = catalog.pgettext(context, entry["msgid"]) if context else catalog.gettext(entry["msgid"])
            assert got == entry["msgstr"], f"django.mo is stale for {entry['msgid']!r}: run make messages"
