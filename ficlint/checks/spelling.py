"""Spelling that knows the story: typos with ranked suggestions, character names
learned from the manuscript, and fandom glossaries.

The dictionary is the Hunspell English dictionaries (SCOWL en_US, en_CA, en_AU
and LibreOffice en_GB), expanded and ordered by word frequency (the rarer
words, which share one rank, in sorted order) by scripts/build_dictionary.py
into ficlint/data/english-words.txt. Every
variety counts as correct: colour and color are both words here; whether a
manuscript mixes them is the dialect checks' business.

A word is checked only when nothing explains it: not the dictionary, not the
project word list (`words:` / .ficlint-words.txt), not fandom slang
(rules/data/fandom-words.yaml), not a name the story uses (a capitalised word
that recurs, mid-sentence, across the manuscript), not a deliberate stretch
(loooong, Nooo), not speech spelt as spoken (goin', 'em). It is flagged only
when a close dictionary word exists; that word is the (unsafe) fix.

Glossary packs (`kind: glossary` in a rules YAML file) list a fandom's canonical
names and terms; a word one or two typing slips away from one of them is
flagged with the canonical spelling as the fix.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ficlint.check import Check, Context
from ficlint.diagnostics import Diagnostic, Fix, keep_case
from ficlint.document import ABBREVIATIONS, WORD, Document, Region, RegionKind, slices
from ficlint.packs import PackError, parse_regions, rule_from_entry
from ficlint.resources import data_dir, load_data
from ficlint.rule import Rule

_CHECKED = (RegionKind.NARRATION, RegionKind.DIALOGUE, RegionKind.AUTHOR_NOTE)
_CHECKED_SET = frozenset(_CHECKED)
_DICTIONARY_FILE = "english-words.txt"
RANKED = 30000  # the commonest words get their own rank; rarer ones share one (and are stored sorted)
_BLOCK = 1024  # characters of the sorted rare words searched after the bisection
_SET_AFTER = 10000  # words looked up before the whole dictionary becomes a set

POSSIBLE_TYPO = Rule(
    id="S001",
    name="possible-typo",
    category="spelling",
    summary="A word that is in no dictionary and is one slip away from a common word (`tighly`).",
    why="Typos are the most common slip of all and the one readers notice first. Names the story uses, "
        "fandom slang, deliberate stretches (`loooong`) and speech spelt as spoken are left alone.",
    flags=("She pulled her jacket tighly around her.", "Some characters (particulatly Karen) are different.",
           "He walked into the kitchne."),
    allows=("She pulled her jacket tightly around her.", "It took a loooong time.",
            "A/N: my first fanfic, R&R please!", "The colour deepened; the color deepened.",
            "\"I ain't goin' nowhere,\" he said. \"Gonna stay.\""),
    fix_safety="Unsafe: the first suggestion is the likeliest word, not a certainty.",
)
NAME_NEAR_MISS = Rule(
    id="S002",
    name="character-name-near-miss",
    category="spelling",
    summary="A one-off spelling of a name the story spells another way elsewhere (`Dereck` for `Derek`).",
    why="Readers notice a character's name spelt two ways at once, and a search for the name misses it.",
    flags=("Derek knocked. Karen let Derek in, and Derek sat down. She gave Derek tea; Derek drank it. "
           "Then Dereck left.",),
    allows=("Derek knocked. Karen let Derek in, and Derek sat down. She gave Derek tea; Derek drank it. "
            "Then Derek left.",
            "Hullo, said Tom. Hullo, said Ann. Hullo, said Bob. Hullo, said Jim. Hullo, said Sue. Hulloa!"),
    fix_safety="Unsafe: a second character may really have the similar name.",
)


# -- the dictionary ----------------------------------------------------------------


class SortedWords:
    """Membership in a sorted word list kept as one string ("\\nword\\nword…\\n"), without
    splitting it into a set: a bisection over the first word of each block of about
    _BLOCK characters, then a substring search inside that one block."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = self._block_starts(text)
        self.firsts = [text[at + 1:text.find("\n", at + 1)] for at in self.starts[:-1]]

    @staticmethod
    def _block_starts(text: str) -> list[int]:
        """Offsets of the newline before each block's first word, and the final newline."""
        starts = [0]
        at = text.find("\n", _BLOCK)
        while 0 <= at < len(text) - 1:
            starts.append(at)
            at = text.find("\n", at + _BLOCK)
        starts.append(len(text) - 1)
        return starts

    def __contains__(self, word: str) -> bool:
        i = bisect.bisect_right(self.firsts, word) - 1
        return i >= 0 and f"\n{word}\n" in self.text[self.starts[i]:self.starts[i + 1] + 1]

    def __iter__(self) -> Iterator[str]:
        return iter(self.text.split())


class Lexicon:
    """English words (every variety), commonest first: a word's rank is its
    position; words past the first RANKED share one rank.

    A chapter looks up a few thousand words, and hashing all 194,000 into a set
    would cost more than the whole check: the RANKED words are a dict (their
    ranks), the rarer ones, stored in sorted order, are searched by bisection
    (SortedWords). Once a manuscript has asked about _SET_AFTER words the set
    pays for itself and is built."""

    def __init__(self, text: str) -> None:
        head = text.split("\n", RANKED)
        tail = head.pop() if len(head) > RANKED else ""
        self.rank = {word: i for i, word in enumerate(head) if word}
        self._rare = SortedWords("\n" + tail)
        self._all: frozenset[str] | None = None
        self._looked_up = 0

    @property
    def words(self) -> frozenset[str]:
        """Every word, as a set (built on first use)."""
        if self._all is None:
            self._all = frozenset(itertools.chain(self.rank, self._rare))
        return self._all

    def has(self, word: str) -> bool:
        """Is `word`, exactly as written, a dictionary word?"""
        if self._all is not None:
            return word in self._all
        self._looked_up += 1
        if self._looked_up > _SET_AFTER:
            return word in self.words
        return word in self.rank or word in self._rare

    def known(self, words: Iterable[str]) -> set[str]:
        """Those of `words` that are dictionary words, exactly as written."""
        asked = set(words)
        if self._all is not None or self._looked_up + len(asked) > _SET_AFTER:
            return asked & self.words
        self._looked_up += len(asked)
        rank, rare = self.rank, self._rare
        return {w for w in asked if w in rank or w in rare}

    def knows(self, word: str) -> bool:
        """Is `word`, in any usual capitalisation, a dictionary word?"""
        has = self.has
        if has(word):
            return True
        lower = word.lower()
        if has(lower) or has(lower.capitalize()):
            return True
        return word.isupper() and has(word.capitalize())

    def rank_of(self, word: str, capitalised: bool) -> int | None:
        """The rank of a candidate spelling (lowercase), None if it is not a word.
        Proper nouns (Brooklyn) count only for capitalised words."""
        for form in (word, word.capitalize()) if capitalised else (word,):
            if self.has(form):
                return self.rank.get(form, RANKED)
        return None


@cache
def lexicon() -> Lexicon:
    path = data_dir() / _DICTIONARY_FILE
    return Lexicon(path.read_text(encoding="utf-8"))


@cache
def misspellings() -> dict[str, str]:
    """Common misspellings and their corrections (rules/data/common-misspellings.yaml)."""
    return {str(k).lower(): str(v) for k, v in load_data("common-misspellings")["misspellings"].items()}


@cache
def accepted_words() -> frozenset[str]:
    """Fandom conventions, online slang, interjections and speech forms (lowercase)."""
    data = load_data("fandom-words")
    return frozenset(str(w).lower().replace("’", "'") for group in data.values() for w in group)


# -- suggestions -----------------------------------------------------------------------

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def _key_positions() -> dict[str, tuple[float, float]]:
    return {c: (x + 0.5 * y, float(y)) for y, row in enumerate(_ROWS) for x, c in enumerate(row)}


@cache
def _adjacent_keys() -> dict[str, frozenset[str]]:
    pos = _key_positions()
    return {a: frozenset(b for b in pos if b != a and math.dist(pos[a], pos[b]) <= 1.2) for a in pos}


def _adjacent(a: str, b: str) -> bool:
    return b in _adjacent_keys().get(a, ())


def one_edit(word: str) -> set[str]:
    """Every string one deletion, swap, substitution or insertion from `word`."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    swaps = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in _ALPHABET]
    inserts = [a + c + b for a, b in splits for c in _ALPHABET]
    return set(deletes + swaps + replaces + inserts)


def edit_cost(word: str, candidate: str) -> float:
    """The cost of the single slip that turns `candidate` into `word`: a
    neighbouring key, a doubled or dropped letter, or a swap costs least."""
    n = len(word)
    i = next((k for k in range(min(n, len(candidate))) if word[k] != candidate[k]), min(n, len(candidate)))
    if len(candidate) == n:
        if word[i + 1:i + 2] == candidate[i:i + 1] and word[i:i + 1] == candidate[i + 1:i + 2] \
                and word[i + 2:] == candidate[i + 2:]:
            return 0.6  # two letters swapped
        return 0.5 if _adjacent(word[i], candidate[i]) else 1.0  # a wrong key
    if len(candidate) == n - 1:  # an extra letter typed
        c = word[i]
        near = any(0 <= k < n and (word[k] == c or _adjacent(word[k], c)) for k in (i - 1, i + 1) if k != i)
        return 0.5 if near else 0.9
    c = candidate[i]  # a letter left out
    doubled = candidate[i - 1:i] == c or candidate[i + 1:i + 2] == c
    return 0.6 if doubled else 0.8


def suggestions(word: str, limit: int = 3) -> list[str]:
    """Dictionary words one slip from `word`, best first: cheapest slip, then
    commonest word. A changed first letter is not offered: such slips are rare
    and the "suggestions" they give are mostly other words."""
    lex = lexicon()
    lower = word.lower()
    scored = []
    for candidate in lex.known(one_edit(lower)):
        if candidate[:1] != lower[:1] and candidate[:2] != lower[1::-1]:
            continue
        rank = lex.rank.get(candidate, RANKED)
        scored.append((edit_cost(lower, candidate) + 0.08 * math.log2(rank + 2), candidate))
    return [w for _, w in sorted(scored)[:limit]]




# -- reading the manuscript --------------------------------------------------------------

_STRETCH = re.compile(r"([a-z])\1\1", re.I)
_SUFFIXES = ("'s", "'ll", "'ve", "'re", "'d", "'m", "n't", "s'")
_OPENING = "\"“‘'*_([«"
_MID_SENTENCE_BEFORE = ",;:–—-&/"
_TITLE_BEFORE = re.compile(r"(?<![\w.])[A-Za-z]{1,5}$")
_CLUSTER_WINDOW = 50  # characters: another odd word this close means dialect or a foreign phrase
_MIN_TYPO_LENGTH = 5
_MIN_SPOKEN_TYPO_LENGTH = 6
_RUN_TOGETHER_HEAD = 1000  # rank of a short first word (a, in, no, on)
_RUN_TOGETHER_TAIL = 5000  # shorter unknown words are mostly speech (wid, dese), foreign (und) or names
_NAME_MIN_MID_SENTENCE = 2
_NAME_MIN_OCCURRENCES = 3
_RECURRING_MIN = 2
_NAME_MIN_LENGTH = 5
_NAME_MIN_REPEATS = 5

KNOWN, CHECK, ODD = "known", "check", "odd"


@dataclass(frozen=True, slots=True)
class Occurrence:
    word: str  # the part checked: Dereck for Dereck's
    start: int
    end: int
    mid_sentence: bool
    reportable: bool  # False: a compound's part, italics, verse, or a dialect/foreign cluster
    spoken: bool = False  # in dialogue, where characters may speak in dialect


@dataclass
class Scan:
    """The words of one file that the dictionary does not explain."""

    occurrences: list[Occurrence]
    capitalised: Counter[str]  # words the file only ever capitalises (names), with their counts


@dataclass
class Manuscript:
    """What the whole manuscript says about its own vocabulary."""

    names: frozenset[str] = frozenset()  # unknown capitalised words the story keeps using
    counts: Counter[str] = field(default_factory=Counter)  # unknown words, lowercased
    capitalised: Counter[str] = field(default_factory=Counter)  # words only ever capitalised

    @functools.cached_property
    def frequent_names(self) -> dict[str, str]:
        """Capitalised words used again and again that are no ordinary word, by lowercase."""
        has = lexicon().has
        return {w.lower(): w for w, n in self.capitalised.items()
                if n >= _NAME_MIN_REPEATS and (has(w) or not has(w.lower()))}


@cache
def classify(token: str) -> tuple[str, str]:
    """(KNOWN | CHECK | ODD, the part to check). ODD: speech with an elision
    (goin', t'ink) or a foreign word; KNOWN: a dictionary word, slang, a short
    word, an acronym, mixed case (SouthPaw, iPhone), a stretch (loooong)."""
    if token.lower() in misspellings():
        return CHECK, token
    has = lexicon().has
    if has(token) or has(token.lower()):
        return KNOWN, token
    word = token.replace("’", "'")
    if "'" in word:
        for suffix in _SUFFIXES:
            if word.lower().endswith(suffix) and "'" not in word[: -len(suffix)]:
                word = word[: -len(suffix)]
                break
        else:
            return (KNOWN if word.lower() in accepted_words() or lexicon().knows(word) else ODD), word
    if not word.isascii():
        return ODD, word
    if len(word) < 3 or _STRETCH.search(word) or not word[1:].islower() and not word.isupper():
        return KNOWN, word
    if lexicon().knows(word) or word.lower() in accepted_words() or derived(word.lower()) \
            or dialect_variant(word.lower()):
        return KNOWN, word
    if word.isupper() and len(word) <= 5:
        return KNOWN, word  # an acronym
    return CHECK, word


_PREFIXES = ("un", "non", "re", "dis", "mis", "over", "under", "out", "half", "self", "fore", "counter")
_SUFFIXES_AFTER_E_DROP = ("ed", "ing", "er", "ers", "est", "y", "ish")  # choky: choke + y
_DERIVING_SUFFIXES = ("s", "es", "ly", "ness", "less", "ful", "like", "ish", "y", "ey", "ed", "ing", "er",
                      "ers", "est", "ment", "ments")


_VARIETY_SWAPS = (("our", "or"), ("or", "our"), ("ise", "ize"), ("ize", "ise"), ("yse", "yze"),
                  ("yze", "yse"), ("tre", "ter"), ("ter", "tre"), ("ll", "l"), ("l", "ll"), ("ence", "ense"),
                  ("ense", "ence"), ("ogue", "og"), ("ae", "e"), ("oe", "e"), ("ey", "y"), ("y", "ey"))
_VOWELS = frozenset("aeiouy")


def dialect_variant(word: str) -> bool:
    """The British or American form of a dictionary word (humourist, jewelery,
    kidnaped): consistency between the two is the dialect rules' job, not a typo."""
    knows = lexicon().has
    for a, b in _VARIETY_SWAPS:
        at = word.find(a, 1)
        while at >= 0:
            variant = word[:at] + b + word[at + len(a):]
            if _swap_allowed(a, word[at + len(a):]) and (knows(variant) or derived(variant)):
                return True
            at = word.find(a, at + 1)
    return False


def _swap_allowed(swapped: str, rest: str) -> bool:
    """l and ll differ by variety before a vowel (travelling/traveling) and l
    may double at the end (fulfil/fulfill); wonderfull is no variant of wonderful."""
    if swapped == "ll":
        return rest[:1] in _VOWELS
    if swapped == "l":
        return rest == "" or rest[:1] in _VOWELS
    return True


def derived(word: str) -> bool:
    """A regular derivation of a dictionary word (tappings, moony, pantingly,
    glossless, unbathed), which writers coin freely, and not a classic slip of
    the spelling rules (occured, comming, truely, untill)."""
    return _derivation(word) and not _spelling_rule_slip(word)


def _spelling_rule_slip(word: str) -> bool:
    """A dictionary word is this one with a consonant doubled or undoubled, or an e dropped."""
    knows = lexicon().has
    for i in range(1, len(word)):
        c = word[i]
        if c == word[i - 1] and knows(word[:i] + word[i + 1:]):
            return True  # comming -> coming, untill -> until
        if c not in "aeiou" and c != word[i - 1] and knows(word[:i + 1] + c + word[i + 1:]):
            return True  # occured -> occurred, realy -> really
        if c == "e" and knows(word[:i] + word[i + 1:]):
            return True  # truely -> truly
    return False


def _derivation(word: str) -> bool:
    knows = lexicon().has
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4 and knows(word[len(prefix):]):
            return True
    for suffix in _DERIVING_SUFFIXES:
        base = word[: -len(suffix)]
        if not word.endswith(suffix) or len(base) < 3:
            continue
        if knows(base) or suffix in _SUFFIXES_AFTER_E_DROP and knows(base + "e"):
            return True
        if suffix == "ly" and knows(base + "y") is False and base.endswith("i") and knows(base[:-1] + "y"):
            return True  # happily: happy + ly
        if base[-1:] == base[-2:-1] and suffix in _SUFFIXES_AFTER_E_DROP and knows(base[:-1]):
            return True  # scamming: scam + m + ing
    return False


def _mid_sentence(text: str, start: int) -> bool:
    """Does the word at `start` stand inside a sentence (not at its start)?"""
    if start == 0 or text[start - 1] in _OPENING:
        return False
    i = start - 1
    while i >= 0 and text[i] in " \t\r\n":
        if text[i] == "\n" and i > 0 and text[i - 1] == "\n":
            return False
        i -= 1
    if i < 0:
        return False
    c = text[i]
    if c == ".":
        title = _TITLE_BEFORE.search(text, max(0, i - 6), i)
        return title is not None and title.group(0).lower() in ABBREVIATIONS  # Mrs. Hemans
    return c.isalnum() or c in _MID_SENTENCE_BEFORE


def scan(doc: Document, words: frozenset[str]) -> Scan:
    """Find every occurrence of a word the dictionary does not explain."""
    text = doc.text
    runs = _runs(doc)
    findall = WORD.findall
    counts: Counter[str] = Counter()
    tokens_by_run: list[set[str]] = []  # each run's distinct words (every word in a list: 63 bytes each)
    for start, end in runs:
        distinct: set[str] = set()
        for piece in slices(text[start:end]):
            tokens = findall(piece)
            counts.update(tokens)
            distinct.update(tokens)
        tokens_by_run.append(distinct)
    capitalised = Counter({t: n for t, n in counts.items() if t[:1].isupper() and t.lower() not in counts})
    odd: dict[str, str | None] = {}
    spelt_out = misspellings().keys()
    for token in counts.keys() - lexicon().known(counts) | (counts.keys() & spelt_out):
        kind, part = classify(token)
        if kind == CHECK and part.lower() not in words:
            odd[token] = part
        elif kind == ODD:
            odd[token] = None
    if not any(odd.values()):
        return Scan([], capitalised)
    regions = doc.regions_of(*_CHECKED)
    starts = [r.start for r in regions]
    found = []
    for (start, end), tokens in zip(runs, tokens_by_run, strict=True):
        for token in odd.keys() & tokens:
            for at in _find_word(text, token, start, end):
                region = regions[bisect.bisect_right(starts, at) - 1]
                if at + len(token) <= region.end:
                    found.append((at, token, region))
    found.sort(key=lambda hit: hit[0])
    return Scan(_occurrences(doc, found, odd), capitalised)


def _runs(doc: Document) -> list[tuple[int, int]]:
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


def _find_word(text: str, token: str, start: int, end: int) -> Iterator[int]:
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


def _occurrences(doc: Document, found: list[Hit], odd: dict[str, str | None]) -> list[Occurrence]:
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
        reportable = not (_in_compound(text, start, end) or _emphasised(text, start, end)
                          or doc.paragraphs[region.paragraph].indented
                          or _clustered(found, n, strange))
        out.append(Occurrence(part, start, start + len(part), _mid_sentence(text, start), reportable,
                              region.kind is RegionKind.DIALOGUE))
    return out


def _emphasised(text: str, start: int, end: int) -> bool:
    """An italic or bold word (_gorver_, *Vell*): often foreign or deliberate."""
    return text[start - 1:start] in ("_", "*") or text[end:end + 1] in ("_", "*")


def _elided(text: str, start: int, end: int, region_start: int) -> bool:
    """Speech spelt as spoken: goin', 'bout (an apostrophe against the word that
    is not a quotation's opening mark)."""
    after = text[end:end + 1]
    before = text[start - 1:start] if start > region_start + 1 else ""
    return after in ("'", "’") or before in ("'", "’")


def _in_compound(text: str, start: int, end: int) -> bool:
    """Part of a hyphenated compound (harum-scarum, bon-bons)."""
    return (text[start - 1:start] == "-" and text[start - 2:start - 1].isalpha()) or \
        (text[end:end + 1] == "-" and text[end + 1:end + 2].isalpha())


def _clustered(found: list[Hit], n: int, strange: Callable[[int], bool]) -> bool:
    """A strange word close by in the same paragraph: dialect or a foreign phrase, not a slip."""
    start, token, region = found[n]
    for step in (-1, 1):
        k = n + step
        while 0 <= k < len(found) and abs(found[k][0] - start) <= _CLUSTER_WINDOW:
            _other, other_token, other_region = found[k]
            if other_region.paragraph == region.paragraph and other_token != token and strange(k):
                return True
            k += step
    return False


def _strange(part: str | None) -> bool:
    """Speech with an elision, a foreign word, or a short or unguessable unknown
    word: company that makes a neighbour dialect, not a slip. (Two real typos
    side by side each have a close dictionary word.)"""
    return part is None or len(part) < _MIN_TYPO_LENGTH or not _suggest(part.lower())


def learn(scans: Iterable[Scan]) -> Manuscript:
    mid: Counter[str] = Counter()
    capitalised_unknown: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    all_capitalised: Counter[str] = Counter()
    for s in scans:
        all_capitalised.update(s.capitalised)
        for occ in s.occurrences:
            counts[occ.word.lower()] += 1
            if occ.word[:1].isupper():
                capitalised_unknown[occ.word] += 1
                mid[occ.word] += occ.mid_sentence
    names = {w for w, n in mid.items() if n >= _NAME_MIN_MID_SENTENCE}
    names |= {w for w, n in capitalised_unknown.items() if n >= _NAME_MIN_OCCURRENCES}
    return Manuscript(frozenset(names), counts, all_capitalised)


# -- the check -----------------------------------------------------------------------------


class Spelling(Check):
    family = "spelling"
    rules = (POSSIBLE_TYPO, NAME_NEAR_MISS)
    needs_manuscript = True

    def __init__(self) -> None:
        self._scans: weakref.WeakKeyDictionary[Document, tuple[frozenset[str], Scan]] = \
            weakref.WeakKeyDictionary()

    def _scan(self, doc: Document, ctx: Context) -> Scan:
        words = project_words(ctx)
        cached = self._scans.get(doc)
        if cached is not None and cached[0] == words:
            return cached[1]
        result = scan(doc, words)
        self._scans[doc] = (words, result)
        return result

    def gather(self, doc: Document, ctx: Context) -> Scan:
        return self._scan(doc, ctx)

    def combine(self, facts: list[Any], ctx: Context) -> Manuscript:
        return learn(f for f in facts if isinstance(f, Scan))

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        manuscript = ctx.facts(self.family)
        doc_scan = self._scan(doc, ctx)
        if not isinstance(manuscript, Manuscript):
            manuscript = learn([doc_scan])
        glossaries = enabled_glossaries(ctx)
        for occ in doc_scan.occurrences:
            if not occ.reportable or occ.word in manuscript.names:
                continue
            if any(g.covers(occ.word) for g in glossaries):
                continue  # a term of the fandom, or a near-miss its glossary rule reports
            diagnostic = self._judge(occ, manuscript, ctx)
            if diagnostic is not None:
                yield diagnostic

    def _judge(self, occ: Occurrence, manuscript: Manuscript, ctx: Context) -> Diagnostic | None:
        word = occ.word
        capitalised = word[:1].isupper() and not word.isupper()
        if capitalised and ctx.is_enabled(NAME_NEAR_MISS.id):
            name = _near_name(word, manuscript)
            if name:
                return self._name_diagnostic(occ, name, manuscript.capitalised[name])
        if word.lower() in misspellings() and ctx.is_enabled(POSSIBLE_TYPO.id):
            return self._typo_diagnostic(occ, (misspellings()[word.lower()],))
        if capitalised and occ.mid_sentence:
            return None  # a proper noun the dictionary does not know
        if manuscript.counts[word.lower()] >= _RECURRING_MIN or len(word) < _MIN_TYPO_LENGTH:
            return None  # used again and again: deliberate (an invented word, a dialect form)
        if not ctx.is_enabled(POSSIBLE_TYPO.id) or run_together(word.lower()):
            return None
        found = _suggest(word.lower())
        if found and occ.spoken and not _slip_of_the_fingers(word.lower(), found[0]):
            return None  # a character's way of saying it (fixin, thixty, darlint), not a typo
        return self._typo_diagnostic(occ, found) if found else None

    def _typo_diagnostic(self, occ: Occurrence, found: tuple[str, ...]) -> Diagnostic:
        word = occ.word
        shown = ", ".join(f"\"{keep_case(word, s)}\"" for s in found)
        return Diagnostic(POSSIBLE_TYPO.id, occ.start, occ.end,
                          f"\"{word}\" is not in the dictionary: did you mean {shown}?",
                          (Fix(occ.start, occ.end, keep_case(word, found[0]), safe=False),),
                          confidence=0.8, data={"suggestions": [keep_case(word, s) for s in found]})

    def _name_diagnostic(self, occ: Occurrence, name: str, count: int) -> Diagnostic:
        return Diagnostic(NAME_NEAR_MISS.id, occ.start, occ.end,
                          f"\"{occ.word}\": everywhere else the story spells this name \"{name}\""
                          f" ({count} times).",
                          (Fix(occ.start, occ.end, name, safe=False),), confidence=0.7)


@cache
def _suggest(word: str) -> tuple[str, ...]:
    return tuple(suggestions(word))


def _near_name(word: str, manuscript: Manuscript) -> str | None:
    """A name the story uses again and again, one cheap slip away from this
    rarer spelling (not its plural: the two Erwyns; not an ordinary word: Now)."""
    lower = word.lower()
    if len(word) < _NAME_MIN_LENGTH:
        return None
    own = manuscript.capitalised.get(word, 1)
    for candidate in sorted(one_edit(lower) & manuscript.frequent_names.keys()):
        name = manuscript.frequent_names[candidate]
        if candidate[:1] != lower[:1] or _plural_pair(lower, candidate) \
                or edit_cost(lower, candidate) > 0.9:
            continue
        if manuscript.capitalised.get(name, 0) >= 3 * own:
            return name
    return None


def run_together(word: str) -> bool:
    """Two common words typed as one (noone, infact, abit): a missing space,
    which the run-together rules report, not a misspelt word."""
    rank = lexicon().rank
    for i in range(1, min(3, len(word) - 2) + 1):
        head, tail = word[:i], word[i:]
        if rank.get(head, RANKED) < _RUN_TOGETHER_HEAD and rank.get(tail, RANKED) < _RUN_TOGETHER_TAIL:
            return True
    return False


def _slip_of_the_fingers(word: str, suggestion: str) -> bool:
    """In speech, only a long word one mechanical slip from the suggestion
    (a neighbouring key, a doubled, dropped or swapped letter) counts as a typo;
    spellings of speech differ in sound (thixty, hanchet) or are short (offen)."""
    return len(word) >= _MIN_SPOKEN_TYPO_LENGTH and edit_cost(word, suggestion) <= 0.8


def _plural_pair(a: str, b: str) -> bool:
    """One is the other's plural: Erwyn and Erwyns, Growleywog and Growleywogs."""
    return a in (b + "s", b + "es") or b in (a + "s", a + "es")


def project_words(ctx: Context) -> frozenset[str]:
    return _lowercased(ctx.config.words)


@cache
def _lowercased(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.lower().replace("’", "'") for w in words)


# -- glossary packs ----------------------------------------------------------------------------

_GLOSSARY_KEYS = {"id", "name", "kind", "category", "severity", "summary", "why", "flags", "allows",
                  "fix_safety", "enabled", "description", "terms", "variants", "regions", "message"}
_GLOSSARIES: dict[str, GlossaryRule] = {}


class GlossaryRule(Check):
    """`kind: glossary`: canonical names and terms of a fandom; near-misses are flagged.

    Keys: `terms` (a list of canonical spellings; a multi-word term counts word by
    word), optional `variants` (misspelling -> canonical, for slips too far away
    to guess), `regions`, `message` ({match} and {replacement} are filled in).
    """

    family = "glossary"

    def __init__(self, entry: dict[str, Any], path: Path) -> None:
        unknown = set(entry) - _GLOSSARY_KEYS
        if unknown:
            raise PackError(f"{path}: rule {entry.get('id')}: unknown key(s) for kind glossary: "
                            f"{', '.join(sorted(unknown))}")
        self.rule = rule_from_entry(entry, path)
        self.rules = (self.rule,)
        self.regions = parse_regions(entry, path) if "regions" in entry else _CHECKED
        self.message = str(entry.get("message", "\"{match}\": the canonical spelling is \"{replacement}\"."))
        self.terms = _glossary_terms(entry, path)
        self.variants = {str(k).lower(): str(v) for k, v in (entry.get("variants") or {}).items()}
        self.by_lower = {t.lower(): t for t in self.terms}
        _GLOSSARIES[self.rule.id] = self

    def covers(self, word: str) -> bool:
        """Is `word` one of the glossary's terms or a near-miss of one?"""
        return word.lower() in self.by_lower or self.near_miss(word) is not None

    def near_miss(self, word: str) -> str | None:
        """The canonical spelling `word` misses, or None."""
        lower = word.lower()
        if lower in self.variants:
            return self.variants[lower]
        if lower in self.by_lower or len(word) < 4 or not word[:1].isupper():
            return None
        if lexicon().knows(word):
            return None  # an ordinary word (Harry/Hardy): not a slip
        return _within_one_edit(lower, self.by_lower)

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        text = doc.text
        for region in doc.regions_of(*self.regions):
            tokens = set(WORD.findall(text, region.start, region.end))
            misses = {t: miss for t in tokens if (miss := self._miss(t))}
            if not misses:
                continue
            for m in WORD.finditer(text, region.start, region.end):
                if m.group(0) not in misses:
                    continue
                part, canonical = misses[m.group(0)]
                start, end = m.start(), m.start() + len(part)
                yield Diagnostic(self.rule.id, start, end,
                                 self.message.format(match=part, replacement=canonical),
                                 (Fix(start, end, canonical, safe=False),), confidence=0.8)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one per glossary rule, which lives for the run
    def _miss(self, token: str) -> tuple[str, str] | None:
        part = classify(token)[1]
        canonical = self.near_miss(part)
        return (part, canonical) if canonical and canonical != part else None


def _glossary_terms(entry: dict[str, Any], path: Path) -> tuple[str, ...]:
    raw = entry.get("terms")
    if not isinstance(raw, list) or not raw:
        raise PackError(f"{path}: rule {entry.get('id')}: a glossary needs a non-empty `terms:` list")
    words = {w for term in raw for w in WORD.findall(str(term)) if len(w) >= 3}
    return tuple(sorted(words))


def _within_one_edit(word: str, targets: dict[str, str]) -> str | None:
    hits = sorted(one_edit(word) & targets.keys())
    return targets[hits[0]] if hits else None


def enabled_glossaries(ctx: Context) -> list[GlossaryRule]:
    return [g for rid, g in _GLOSSARIES.items() if ctx.is_enabled(rid)]


CHECKS = [Spelling]
PACK_KINDS = {"glossary": GlossaryRule}
