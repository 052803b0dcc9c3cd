"""English is the second language: every Korean string has an English translation, compiled."""

import gettext
import re
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[1] / "locale" / "en" / "LC_MESSAGES"


def unquote(chunks: list[str]) -> str:
    return "".join(
        bytes(c, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8") for c in chunks
    )


def po_entries() -> dict[str, tuple[str, bool]]:
    """msgid -> (msgstr, fuzzy) from the committed .po file (singular entries)."""
    entries: dict[str, tuple[str, bool]] = {}
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    for block in text.split("\n\n"):
        fuzzy = "#, fuzzy" in block or ", fuzzy" in block
        current, parts = None, {"msgid": [], "msgstr": []}
        for line in block.splitlines():
            if line.startswith("#"):
                continue
            match = re.match(r'^(msgid|msgstr) "(.*)"$', line)
            if match:
                current = match.group(1)
                parts[current].append(match.group(2))
            elif line.startswith('"') and current:
                parts[current].append(line[1:-1])
        msgid = unquote(parts["msgid"])
        if msgid:
            entries[msgid] = (unquote(parts["msgstr"]), fuzzy)
    return entries


def test_every_string_has_an_english_translation():
    entries = po_entries()
    assert len(entries) > 50
    untranslated = [msgid for msgid, (msgstr, fuzzy) in entries.items() if not msgstr or fuzzy]
    assert untranslated == []


def test_compiled_catalogue_matches_the_po_file():
    with open(LOCALE / "django.mo", "rb") as fp:
        catalog = gettext.GNUTranslations(fp)
    for msgid, (msgstr, _fuzzy) in po_entries().items():
        assert catalog.gettext(msgid) == msgstr, f"django.mo is stale for {msgid!r}: run make messages"
