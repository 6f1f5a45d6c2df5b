"""Closed compounds written apart: "the house mates", "his will power", "trouble makers".

The data (ficlint/data/closed-compounds.json, from scripts/build_closed_compounds.py) holds the
dictionary words made of two dictionary words that fan fiction writes closed at least twenty
times and edited books do not print open, with how often fan fiction writes each open. A pair
is a slip here when
- fan fiction writes it open rarely next to its closed form (`MAX_OPEN_SHARE`, chosen on the
  tune split: up to 0.15 open uses per closed one its findings there were all true or debatable;
  the pairs between 0.15 and 0.25 added 6 true and 1 false);
- both words are nouns where they stand (the tagger's word classes): a noun-noun pair whose
  closed form is the word is the compound, while an adjective or a verb before the noun makes
  a phrase ("the dark room", "a mad man", "they hide out", "will power the engine");
- the second word is not capitalised (a name or a title).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.tokens import ascii_words
from ficlint.resources import data_dir
from ficlint.rules.spelling._compounds import _CHECKED, Split, _pattern_for

if TYPE_CHECKING:
    from ficlint.analysis.tagger import Tag

MAX_OPEN_SHARE = 0.15  # the most a pair may be written open, per use closed, in fan fiction (tune)
_NOUNS = frozenset({"NOUN"})
_DETERMINERS = frozenset({"DT", "PRP$", "POS"})  # the, his, Harry's
_VERB_TAGS = frozenset({"VERB", "AUX"})


@dataclass(frozen=True)
class ClosedCompound:
    closed: str
    fan_open: int
    fan_closed: int
    edited_open: int
    edited_uses: int


@cache
def compounds(max_open_share: float = MAX_OPEN_SHARE) -> dict[str, ClosedCompound]:
    data = json.loads((data_dir() / "closed-compounds.json").read_text(encoding="utf-8"))
    found = {form: ClosedCompound(*entry) for form, entry in data["pairs"].items()}
    return {form: c for form, c in found.items() if c.fan_open <= max_open_share * c.fan_closed}


@cache
def _first_words(max_open_share: float) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for form in compounds(max_open_share):
        first, second = form.split(" ")
        found.setdefault(first, []).append(second)
    return {first: tuple(seconds) for first, seconds in found.items()}


def closed_splits(doc: AnalyzedDocument, max_open_share: float = MAX_OPEN_SHARE) -> Iterator[Split]:
    """The closed compounds `doc`'s prose writes as two nouns, in text order (another
    `max_open_share` is for scripts/eval_closed_compounds.py, which chooses it)."""
    table = compounds(max_open_share)
    search = _pattern_for(ascii_words(doc), lambda form: form in table, _first_words(max_open_share))
    if search is None:
        return
    pattern, known = search
    text = doc.text
    found: list[tuple[int, int, str]] = []
    for m in pattern.finditer(text):
        form = f"{m.group(1).lower()} {m.group(2).lower()}"
        region = doc.region_at(m.start())
        if form not in known or region is None or region.kind not in _CHECKED or m.end() > region.end:
            continue
        if m.group(2)[:1].isupper():
            continue  # a name or a title: the Trouble Makers
        found.append((m.start(), m.end(), form))
    if not found:
        return
    indices = {doc.sentence_index_at(start) for start, _, _ in found} - {None}
    tokens, tags = doc.tagged_sentences(i for i in indices if i is not None)
    at = {start: i for i, start in enumerate(tokens.start)}
    for start, end, form in found:
        i = at.get(start)
        if i is None or i + 1 >= len(tokens.lower) or tokens.sentence[i + 1] != tokens.sentence[i]:
            continue
        if not _noun_first(tokens.sentence, tags, i) or tags[i + 1].head.upos not in _NOUNS:
            continue
        compound = table[form]
        share = compound.fan_open / compound.fan_closed
        yield Split(start, end, text[start:end], compound.closed, round(1 - share, 3))


def _noun_first(sentence: list[int], tags: list[Tag], i: int) -> bool:
    """Is the pair's first word (token `i`) a noun? The tagger's word, or a verb form right after
    a determiner, where only a noun can stand ("his will power": the tagger reads "will")."""
    if tags[i].head.upos in _NOUNS:
        return True
    return (tags[i].head.upos in _VERB_TAGS and i > 0 and sentence[i - 1] == sentence[i]
            and tags[i - 1].parts[-1].xpos in _DETERMINERS)

