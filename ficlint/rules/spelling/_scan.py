"""The words of one document that the dictionary does not explain, where they
stand, and whether a finding there could be reported at all."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.sentences import sentence_start
from ficlint.document import WORD, Region, RegionKind
from ficlint.rules.common import WRITING
from ficlint.rules.spelling._dictionary import lexicon, misspellings
from ficlint.rules.spelling._glossary import Glossary, shipped_glossaries
from ficlint.rules.spelling._suggest import suggest
from ficlint.rules.spelling._words import CHECK, MODERN, ODD, classify, derived

_CHECKED_SET = frozenset(WRITING)
_OPENING = "\"“‘'*_([«"  # a word right after one of these opens a quotation, an aside or emphasis
_CLUSTER_WINDOW = 50  # characters: another odd word this close means dialect or a foreign phrase
MIN_TYPO_LENGTH = 5


@dataclass(frozen=True, slots=True)
class Occurrence:
    word: str  # the part checked: Dereck for Dereck's
    start: int
    end: int
    mid_sentence: bool
    reportable: bool  # False: verse, or a part of a compound whose other parts are no words either
    spoken: bool = False  # in dialogue, where characters may speak in dialect
    neighbours: tuple[str, ...] = ()  # strange words close by: dialect or a foreign phrase, unless names
    emphasised: bool = False  # in italics or bold: often foreign or a word being mentioned
    compound: bool = False  # part of a hyphenated compound: often a coinage
    broken_off: bool = False  # cut short by a dash or an ellipsis: "my missio-", "app…appare…"


@dataclass
class Scan:
    """The words of one file that the dictionary does not explain."""

    occurrences: list[Occurrence]
    capitalised: Counter[str]  # words the file only ever capitalises (names), with their counts
    fandom_names: dict[str, dict[str, int]] = field(default_factory=dict)  # glossary -> signature names used
    fandom_words: dict[str, set[str]] = field(default_factory=dict)  # glossary -> its own words used


def scan_of(doc: AnalyzedDocument, words: frozenset[str]) -> Scan:
    """The document's scan with the project word list `words` (lowercase), worked out once."""
    return doc.memo(_scanner(words))


@cache
def _scanner(words: frozenset[str]) -> Callable[[AnalyzedDocument], Scan]:
    """One scanning function per word list, so that doc.memo keeps one scan per list."""
    return lambda doc: scan(doc, words)


def scan(doc: AnalyzedDocument, words: frozenset[str]) -> Scan:
    """Find every occurrence of a word the dictionary does not explain."""
    text = doc.text
    runs = _runs(doc)
    words_by_run = [_run_words(text, start, end) for start, end in runs]
    counts: Counter[str] = Counter()
    for words_of_run in words_by_run:
        counts.update(words_of_run)
    capitalised = Counter({t: n for t, n in counts.items() if t[:1].isupper() and t.lower() not in counts})
    glossaries = shipped_glossaries()
    signs = {g.rule_id: _uses(g.signature, counts) for g in glossaries}
    fandom_names = {name: uses for name, uses in signs.items() if uses}
    lowered = {t.lower() for t in counts}
    own = {g.rule_id: lowered & g.own_words for g in glossaries}
    fandom_words = {name: used for name, used in own.items() if used}
    odd: dict[str, str | None] = {}
    modern: set[str] = set()  # never reported, but counted as company as before their list shipped
    spelt_out = misspellings().keys()
    for token in counts.keys() - lexicon().known(counts) | (counts.keys() & spelt_out):
        kind, part = classify(token)
        if kind in (CHECK, MODERN) and part.lower() not in words:
            odd[token] = part
            if kind == MODERN:
                modern.add(token)
        elif kind == ODD:
            odd[token] = None
        elif _canon_slip_read_as_compound(token, glossaries) and token.lower() not in words:
            odd[token] = token
    if not any(part for token, part in odd.items() if token not in modern):
        return Scan([], capitalised, fandom_names, fandom_words)
    regions = doc.regions_of(*WRITING)
    starts = [r.start for r in regions]
    found = []
    for (start, end), words_of_run in zip(runs, words_by_run, strict=True):
        for token in odd.keys() & words_of_run.keys():
            for at in find_word(text, token, start, end):
                region = regions[bisect.bisect_right(starts, at) - 1]
                if at + len(token) <= region.end:
                    found.append((at, token, region))
    found.sort(key=lambda hit: hit[0])
    return Scan(_occurrences(doc, found, odd, modern), capitalised, fandom_names, fandom_words)


def _uses(names: frozenset[str], counts: Counter[str]) -> dict[str, int]:
    """How often each of `names` is used, its possessive counted too (Voldemort's): a story names its
    fandom's people in the possessive as often as not."""
    found = {}
    for name in names:
        n = counts.get(name, 0) + counts.get(name + "'s", 0) + counts.get(name + "’s", 0)
        if n:
            found[name] = n
    return found


_COMPOUND_NAME = 7  # letters of a capitalised compound (Flit+witch) checked against canon names


def _canon_slip_read_as_compound(token: str, glossaries: tuple[Glossary, ...]) -> bool:
    """A capitalised word that reads as two dictionary words or a regular derivation (Flitwitch:
    flit + witch) but misses a canon name (Flitwick): a slip in the name, for S002 to judge, not a
    coinage."""
    return len(token) >= _COMPOUND_NAME and token[:1].isupper() and token[1:].islower() \
        and derived(token.lower()) and any(g.near_miss(token) for g in glossaries)


def _run_words(text: str, start: int, end: int) -> dict[str, int]:
    """WORD's words in text[start:end] and how often each occurs, in the order first found.
    No word spans white space, so they are read from each distinct stretch between white
    space once (a chapter has a few thousand distinct ones) instead of from the whole text."""
    found: dict[str, int] = {}
    findall = WORD.findall
    for chunk, n in Counter(text[start:end].split()).items():
        if chunk.isalpha():  # WORD's one word (letters are word characters, never digits): half the chunks
            found[chunk] = found.get(chunk, 0) + n
            continue
        for word in findall(chunk):
            found[word] = found.get(word, 0) + n
    return found


def _runs(doc: AnalyzedDocument) -> list[tuple[int, int]]:
    """Stretches of consecutive checked regions (narration, dialogue, notes), so
    that the words of a whole chapter are found in one pass."""
    runs: list[tuple[int, int]] = []
    start = end = -1
    for region in doc.regions:
        if region.kind in _CHECKED_SET:
            if start < 0:
                start = region.start
            end = region.end
        elif start >= 0:
            runs.append((start, end))
            start = -1
    if start >= 0:
        runs.append((start, end))
    return runs


def find_word(text: str, token: str, start: int, end: int) -> Iterator[int]:
    """Where `token` stands as a whole word (as WORD would find it) in text[start:end]."""
    at = text.find(token, start, end)
    while at >= 0:
        after = at + len(token)
        if not _letter_joined(text, at - 1, -1) and not _letter_joined(text, after, 1):
            yield at
        at = text.find(token, after, end)


def _letter_joined(text: str, i: int, step: int) -> bool:
    """Is text[i] a letter, or an apostrophe with a letter beyond it (don't)?"""
    c = text[i:i + 1] if i >= 0 else ""
    if c.isalpha():
        return True
    j = i + step
    return c in ("'", "’") and j >= 0 and text[j:j + 1].isalpha()


Hit = tuple[int, str, Region]


def _occurrences(doc: AnalyzedDocument, found: list[Hit], odd: dict[str, str | None],
                 modern: set[str]) -> list[Occurrence]:
    text = doc.text
    elided = [_elided(text, start, start + len(token), region.start) for start, token, region in found]

    def strange(k: int) -> bool:
        return elided[k] or _strange(odd[found[k][1]])

    out = []
    for n, (start, token, region) in enumerate(found):
        part = odd[token]
        end = start + len(token)
        if part is None or elided[n]:
            continue
        paragraph = doc.paragraphs[region.paragraph]
        reportable = not (paragraph.indented or token in modern
                          or _in_compound_of_strangers(text, start, end))
        out.append(Occurrence(part, start, start + len(part), _mid_sentence(text, start, paragraph.start),
                              reportable, region.kind is RegionKind.DIALOGUE, _neighbours(found, n, strange),
                              _emphasised(text, start, end), _hyphenated(text, start, end),
                              _BROKEN_OFF.match(text, start + len(part)) is not None))
    return out


# A dash or an ellipsis right after a word, which a letter does not follow as in a compound.
_BROKEN_OFF = re.compile(r"(?:-(?![^\W\d_])|[—–…]|\.\.\.)")


def _mid_sentence(text: str, start: int, paragraph_start: int) -> bool:
    """Could the word at `start` be capitalised only because it is a name? Not at a sentence's
    sure start, nor right after an opening quote, bracket or emphasis mark; after an ellipsis,
    a colon or a dash (where either case is right) it could."""
    if start == 0 or text[start - 1] in _OPENING:
        return False
    return sentence_start(text, start, paragraph_start) != "yes"


def _emphasised(text: str, start: int, end: int) -> bool:
    """An italic or bold word (_gorver_, *Vell*): often foreign or deliberate."""
    return text[start - 1:start] in ("_", "*") or text[end:end + 1] in ("_", "*")


def _elided(text: str, start: int, end: int, region_start: int) -> bool:
    """Speech spelt as spoken: goin', 'bout, fightin´ (an apostrophe against the word that
    is not a quotation's opening mark)."""
    after = text[end:end + 1]
    before = text[start - 1:start] if start > region_start + 1 else ""
    return after in _APOSTROPHES or before in _APOSTROPHES


# Marks writers type for an apostrophe: the ASCII and curly ones, and an acute accent, a backtick or
# a modifier letter on keyboards that offer them beside it ("Fightin´ gives me…").
_APOSTROPHES = frozenset("'’´`ʼ")


_COMPOUND = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)+")


def _hyphenated(text: str, start: int, end: int) -> bool:
    return text[start - 1:start] == "-" or text[end:end + 1] == "-"


def _in_compound_of_strangers(text: str, start: int, end: int) -> bool:
    """Part of a hyphenated compound whose other parts are no dictionary words either (harum-scarum,
    Gid-dap): a coinage or a sound. Beside words (spine-lesss, well-knwon) a part is checked."""
    if not (text[start - 1:start] == "-" or text[end:end + 1] == "-"):
        return False
    left = start
    while left > 0 and (text[left - 1].isalpha() or text[left - 1] in "-'’"):
        left -= 1
    m = _COMPOUND.match(text, left)
    if m is None or m.end() < end:
        return False
    knows = lexicon().knows
    return not all(knows(part) or len(part) < 3 for part in re.split(r"-", m.group(0))
                   if part != text[start:end])


def _neighbours(found: list[Hit], n: int, strange: Callable[[int], bool]) -> tuple[str, ...]:
    """Strange words close by in the same paragraph: dialect or a foreign phrase, not a slip,
    unless they are names the story or its fandom establishes (judged when those are known)."""
    start, token, region = found[n]
    near = []
    for step in (-1, 1):
        k = n + step
        while 0 <= k < len(found) and abs(found[k][0] - start) <= _CLUSTER_WINDOW:
            _other, other_token, other_region = found[k]
            if other_region.paragraph == region.paragraph and other_token != token and strange(k):
                near.append(classify(other_token)[1])
            k += step
    return tuple(near)


def _strange(part: str | None) -> bool:
    """Speech with an elision, a foreign word, or a short or unguessable unknown
    word: company that makes a neighbour dialect, not a slip. (Two real typos
    side by side each have a close dictionary word.)"""
    return part is None or len(part) < MIN_TYPO_LENGTH or not suggest(part.lower())
