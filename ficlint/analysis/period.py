"""Period style: does the text hyphenate compounds as edited books of a century ago did (to-day,
to-morrow, bed-room), which modern writers never do? Such a text is an edition of that time, and
every family reads it so: its compounds written apart (any thing, up stairs), its dialogue
punctuation (`"Nothing" said Margaret`) and its capitals (`your Uncle and Aunt`) are that time's
house style, not slips.

The forms come from the split-compounds data (ficlint/data/split-compounds.json.gz, built by
scripts/build_split_compounds.py), which the spelling family reads for its pairs too."""

from __future__ import annotations

import gzip
import json
from functools import cache
from typing import Any

from ficlint.resources import data_dir

PERIOD_MIN = 10  # hyphenated uses in edited books of a period sign…
PERIOD_MODERN = 0.01  # …and the most of its closed uses that fan fiction hyphenates
# The fields of each pair's entry in the data, in order (the spelling family's `Pair`).
PAIR_FIELDS = ("closed", "open_uses", "closed_uses", "left_json", "right_json", "edited_open",
               "edited_closed", "edited_hyphenated", "fan_hyphenated")


@cache
def pair_entries() -> dict[str, list[Any]]:
    """The split-compounds data's pairs as stored: open form -> its fields (PAIR_FIELDS)."""
    # inflated in one call, not through a text stream read in chunks (~5% of the load)
    data = json.loads(gzip.decompress((data_dir() / "split-compounds.json.gz").read_bytes()).decode("utf-8"))
    entries: dict[str, list[Any]] = data["pairs"]
    return entries


def is_period_sign(edited_hyphenated: int, fan_hyphenated: int, closed_uses: int) -> bool:
    """Is the hyphenated form (to-day, bed-room) what edited books of a century ago print and
    modern writers never do?"""
    return edited_hyphenated >= PERIOD_MIN and fan_hyphenated <= PERIOD_MODERN * closed_uses


@cache
def _period_forms() -> frozenset[str]:
    found = set()
    for form, entry in pair_entries().items():
        fields = dict(zip(PAIR_FIELDS, entry, strict=True))
        if is_period_sign(fields["edited_hyphenated"], fields["fan_hyphenated"], fields["closed_uses"]):
            found.add(form.replace(" ", "-"))
    return frozenset(found)


def period_signs(text: str) -> int:
    """How often `text` writes a compound as edited books of a century ago did (to-day, to-morrow,
    bed-room): a period style, in which compounds are written apart too (any thing, up stairs).
    Read from the hyphens out (a novel has a few thousand): a regular expression of every form,
    tried at every word, took a tenth of a second per novel."""
    forms = _period_forms()
    found = 0
    end = len(text)
    at = text.find("-")
    while at >= 0:
        start = at
        while start > 0 and _joins(text[start - 1]):
            start -= 1
        stop = at + 1
        while stop < end and _joins(text[stop]):
            stop += 1
        found += text[start:stop].lower() in forms
        at = text.find("-", stop)
    return found


def _joins(c: str) -> bool:
    """Is `c` part of a hyphenated word (a letter, a digit, _ or another hyphen)?"""
    return c.isalnum() or c in "_-"
