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
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.lexicon import BE, inflections
from ficlint.analysis.lexicon import lexicon as tense_lexicon
from ficlint.analysis.verbforms import verb_forms
from ficlint.resources import data_dir
from ficlint.rules.spelling._compounds import CHECKED, Split

if TYPE_CHECKING:
    from ficlint.analysis.tagger import Tag

MAX_OPEN_SHARE = 0.15  # the most a pair may be written open, per use closed, in fan fiction (tune)
_PRONOUNS_AND_FORMS = frozenset({"him", "them", "me", "us", "was", "were", "is", "are", "am", "not", "don"})
# spaces or tabs, or one line break with any beside it (a hard-wrapped manuscript breaks lines anywhere)
_SPACE = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)"
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
    never_nouns = _never_nouns()
    return {form: c for form, c in found.items() if c.fan_open <= max_open_share * c.fan_closed
            and not never_nouns.intersection(form.split(" "))}


@cache
def _never_nouns() -> frozenset[str]:
    """Words that are never a noun, so never half of a pair S005 reports ("the rapist", "her self",
    "with out"): left out of the search, which they would make slow for nothing."""
    lex = tense_lexicon()
    return lex.function_words | BE | _PRONOUNS_AND_FORMS  # not the modals: "his will power"


def closed_splits(doc: AnalyzedDocument, max_open_share: float = MAX_OPEN_SHARE) -> Iterator[Split]:
    """The closed compounds `doc`'s prose writes as two nouns, in text order (another
    `max_open_share` is for scripts/eval_closed_compounds.py, which chooses it)."""
    table = compounds(max_open_share)
    found = list(_written_open(doc, max_open_share))
    if not found:
        return
    text = doc.text
    indices = {doc.sentence_index_at(start) for start, _, _ in found} - {None}
    tokens, tags = doc.tagged_sentences(i for i in indices if i is not None)
    at = {start: i for i, start in enumerate(tokens.start)}
    for start, end, form in found:
        i = at.get(start)
        if i is None or i + 1 >= len(tokens.lower) or tokens.sentence[i + 1] != tokens.sentence[i]:
            continue
        if not _noun_first(tokens.sentence, tags, i) or tags[i + 1].head.upos not in _NOUNS:
            continue
        if _second_may_be_the_verb(tokens.lower, tokens.sentence, tags, i + 1):
            continue
        if _second_may_modify_the_next(tokens.lower, tokens.sentence, tags, i + 1):
            continue
        compound = table[form]
        share = compound.fan_open / compound.fan_closed
        yield Split(start, end, text[start:end], compound.closed, round(1 - share, 3))


def reported_splits(doc: AnalyzedDocument) -> tuple[Split, ...]:
    """`closed_splits(doc)` at the shipped share, worked out once per document: S005 reports them
    and S003, when it is on too, leaves them to S005."""
    return doc.memo(_reported_splits)


def _reported_splits(doc: AnalyzedDocument) -> tuple[Split, ...]:
    return tuple(closed_splits(doc))


def _written_open(doc: AnalyzedDocument, max_open_share: float) -> Iterator[tuple[int, int, str]]:
    """(start, end, pair) of each pair of `table` the prose writes open, in text order, its second
    word not capitalised (a name or a title: the Trouble Makers).

    Found in two steps, for speed: the text's white-space-separated chunks say which pairs occur
    at all (a set lookup per chunk), and only those pairs are searched for. One search for every
    pair of the table, tried at every letter, cost ~0.05 s per 100,000 words."""
    text = doc.text
    # İ is the one letter whose lowercase is longer ("i" and a combining dot): lowered as "i", so
    # the offsets of `lowered` stay those of the text (a Turkish place name must not turn S005 off)
    lowered = text.replace("\u0130", "i").lower()
    seconds_of = _seconds_of(max_open_share)
    chunks = text.encode("ascii", "replace").translate(_LETTERS_ONLY).split()
    forms = {f"{chunks[i].decode()} {chunks[i + 1].decode()}"
             for i in [i for i, c in enumerate(chunks[:-1]) if c in seconds_of]
             if chunks[i + 1] in seconds_of[chunks[i]]}
    found = []
    for form in forms:
        for m in _search(form).finditer(lowered):
            start, end = m.span()
            if start > 0 and (lowered[start - 1].isalnum() or lowered[start - 1] in "'’-"
                              or lowered[start - 1] == "_" and not _opens_emphasis(lowered, start - 1)):
                continue  # inside a longer word
            if text[end - len(form.split(" ")[1])].isupper():
                continue
            region = doc.region_at(start)
            if region is None or region.kind not in CHECKED or end > region.end:
                continue
            found.append((start, end, form))
    yield from sorted(found)


# Bytes -> the lowercase letter, or a space for anything else: the first step reads the text as
# ASCII bytes cut at every non-letter (a fast C loop), which only says which pairs may occur; the
# search proper then wants white space between the words.
_LETTERS_ONLY = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))


@cache
def _seconds_of(max_open_share: float) -> dict[bytes, frozenset[bytes]]:
    """First word -> the second words it forms a judged pair with (as ASCII bytes)."""
    found: dict[bytes, set[bytes]] = {}
    for form in compounds(max_open_share):
        first, second = form.encode().split(b" ")
        found.setdefault(first, set()).add(second)
    return {first: frozenset(seconds) for first, seconds in found.items()}


@lru_cache(maxsize=512)
def _search(form: str) -> re.Pattern[str]:
    """The search for `form` written open: its two words, any run of spaces or tabs between them
    with at most one line break, and nothing of a word after them (a possessive 's may follow)."""
    first, second = form.split(" ")
    return re.compile(re.escape(first) + _SPACE + re.escape(second)
                      + r"(?=['’]s\b|(?![\w'’-])|_(?![^\W_]))")  # an _emphasis_ may close


def _opens_emphasis(lowered: str, at: int) -> bool:
    """Does the underscore at `at` open `_emphasis_` (nothing of a word before it), rather than
    join a word (snake_case, __init__)?"""
    return at == 0 or not (lowered[at - 1].isalnum() or lowered[at - 1] in "_'’-")


# Penn tags of another verb that may be the sentence's own: finite, or a past the tagger reads as a
# participle ("A fire crackled in the fire place"); not a modal, which needs a verb after it ("Will
# the house hold?")
_FINITE = frozenset({"VBD", "VBZ", "VBP", "VBN"})


def _second_may_be_the_verb(lower: list[str], sentence: list[int], tags: list[Tag], j: int) -> bool:
    """May the pair's second word (token `j`) be its sentence's verb, tagged a noun: a present
    form ("Her foot steps on a twig", "Her head lights up") in a sentence with no other finite
    verb? Then the two words are a subject and its verb, not a compound split."""
    forms = verb_forms()
    if lower[j] not in forms.third and lower[j] not in forms.base:
        return False
    same = sentence[j]  # the sentence's tokens only (token order is sentence order)
    return not any(k not in (j - 1, j) and part.xpos in _FINITE
                   for k in range(bisect_left(sentence, same), bisect_right(sentence, same))
                   for part in tags[k].parts)


def _second_may_modify_the_next(lower: list[str], sentence: list[int], tags: list[Tag], j: int) -> bool:
    """May the pair's second word (token `j`) be an adjective of the noun after it ("On the second
    day light snow fell": day, then light snow)? A word compared with -er and -est, before a noun."""
    k = j + 1
    return (k < len(lower) and sentence[k] == sentence[j] and tags[k].head.upos in _NOUNS
            and lower[j] in _gradable())


@cache
def _gradable() -> frozenset[str]:
    """Adjectives compared with -er and -est (light, dark, hard)."""
    return frozenset(inflections().comparatives.values())


def _noun_first(sentence: list[int], tags: list[Tag], i: int) -> bool:
    """Is the pair's first word (token `i`) a noun? The tagger's word, or a verb form right after
    a determiner, where only a noun can stand ("his will power": the tagger reads "will")."""
    if tags[i].head.upos in _NOUNS:
        return True
    return (tags[i].head.upos in _VERB_TAGS and i > 0 and sentence[i - 1] == sentence[i]
            and tags[i - 1].parts[-1].xpos in _DETERMINERS)

