"""Spelling that knows the story: typos with ranked suggestions, character names
learned from the manuscript, and fandom glossaries.

The dictionary is the Hunspell English dictionaries (SCOWL en_US, en_CA, en_AU
and LibreOffice en_GB), expanded and ordered by word frequency by
scripts/build_dictionary.py into ficlint/data/english-words.txt.gz. Every
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
import gzip
import math
import re
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ficlint.check import Check, Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.document import WORD, Document, RegionKind
from ficlint.packs import PackError, parse_regions, rule_from_entry
from ficlint.resources import data_dir, load_data
from ficlint.rule import Rule

_CHECKED = (RegionKind.NARRATION, RegionKind.DIALOGUE, RegionKind.AUTHOR_NOTE)
_DICTIONARY_FILE = "english-words.txt.gz"

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
    summary="A one-off spelling of a name the story spells another way everywhere else (`Dereck` for `Derek`).",
    why="Readers notice a character's name spelt two ways at once, and a search for the name misses it.",
    flags=("Marguerite smiled. Marguerite waved. Then Marguerite left. Later Margeurite came back.",),
    allows=("Marguerite smiled. Marguerite waved. Then Marguerite left. Later Marguerite came back.",),
    fix_safety="Unsafe: a second character may really have the similar name.",
)


# -- the dictionary ----------------------------------------------------------------


class Lexicon:
    """English words (every variety) with their frequency rank: 0 is the commonest."""

    def __init__(self, words: list[str]) -> None:
        self.rank: dict[str, int] = {}
        for i, word in enumerate(words):
            self.rank.setdefault(word, i)
        self.size = len(words)

    def knows(self, word: str) -> bool:
        """Is `word`, in any usual capitalisation, a dictionary word?"""
        rank = self.rank
        if word in rank:
            return True
        lower = word.lower()
        if lower in rank or lower.capitalize() in rank:
            return True
        return word.isupper() and word.capitalize() in rank

    def rank_of(self, word: str, capitalised: bool) -> int | None:
        """The rank of a candidate spelling (lowercase), None if it is not a word.
        Proper nouns (Brooklyn) count only for capitalised words."""
        found = self.rank.get(word)
        if found is None and capitalised:
            found = self.rank.get(word.capitalize())
        return found


@cache
def lexicon() -> Lexicon:
    path = data_dir() / _DICTIONARY_FILE
    words = gzip.decompress(path.read_bytes()).decode("utf-8").split("\n")
    return Lexicon([w for w in words if w])


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


@dataclass(frozen=True, order=True)
class Suggestion:
    score: float
    word: str = field(compare=False)


def _edits(word: str) -> Iterator[tuple[str, float]]:
    """Every spelling one edit away, with the edit's cost: slips between
    neighbouring keys, doubled or dropped letters and swaps cost least."""
    adjacent = _adjacent
    n = len(word)
    for i in range(n):
        left, right = word[:i], word[i + 1:]
        c = word[i]
        near = (i > 0 and (word[i - 1] == c or adjacent(word[i - 1], c))) or \
               (i + 1 < n and (word[i + 1] == c or adjacent(word[i + 1], c)))
        yield left + right, 0.5 if near else 0.9  # an extra letter typed
        if i + 1 < n and word[i + 1] != c:
            yield left + word[i + 1] + c + word[i + 2:], 0.6  # two letters swapped
        for r in _ALPHABET:
            if r != c:
                yield left + r + right, 0.5 if adjacent(c, r) else 1.0  # a wrong key
    for i in range(n + 1):
        for r in _ALPHABET:
            doubled = (i > 0 and word[i - 1] == r) or (i < n and word[i] == r)
            yield word[:i] + r + word[i:], 0.6 if doubled else 0.8  # a letter left out


def suggestions(word: str, names: Iterable[str] = (), limit: int = 3) -> list[str]:
    """Dictionary words (and the story's names) one edit from `word`, best first:
    cheapest edit, then commonest word; a changed first letter costs extra."""
    lex = lexicon()
    lower = word.lower()
    capitalised = word[:1].isupper()
    name_set = {n.lower() for n in names}
    best: dict[str, float] = {}
    for candidate, cost in _edits(lower):
        if candidate in best and best[candidate] <= cost:
            continue
        rank = lex.rank_of(candidate, capitalised)
        if rank is None and candidate not in name_set:
            continue
        if candidate[:1] != lower[:1]:
            cost += 0.4
        frequency = 0.08 * math.log2((rank if rank is not None else 20000) + 2)
        best[candidate] = cost + frequency
    ranked = sorted(Suggestion(score, w) for w, score in best.items())
    return [s.word for s in ranked[:limit]]


def keep_case(original: str, replacement: str) -> str:
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


# -- reading the manuscript --------------------------------------------------------------

_STRETCH = re.compile(r"([a-z])\1\1", re.I)
_APOSTROPHES = "'’"
_SUFFIXES = ("'s", "'ll", "'ve", "'re", "'d", "'m", "n't", "s'")
_OPENING = "\"“‘'*_([«"
_MID_SENTENCE_BEFORE = ",;:–—-&/"


@dataclass(frozen=True, slots=True)
class Occurrence:
    word: str  # the part checked: Derek for Derek's
    start: int
    end: int
    mid_sentence: bool
    kind: RegionKind


@dataclass
class Scan:
    """The words of one file that the dictionary does not explain."""

    occurrences: list[Occurrence]
    lowercase_seen: set[str]  # unknown words that also occur in lowercase


@dataclass
class Manuscript:
    """What the whole manuscript says about its own vocabulary."""

    names: frozenset[str] = frozenset()
    recurring: frozenset[str] = frozenset()  # unknown lowercase words used again and again
    counts: Counter[str] = field(default_factory=Counter)


_NAME_MIN_MID_SENTENCE = 2
_NAME_MIN_OCCURRENCES = 3
_RECURRING_MIN = 3


def _checked_part(token: str) -> str | None:
    """The part of a token to look up (Derek for Derek's), or None when the
    token is not for the spelling check: short, mixed case (SouthPaw, iPhone),
    a deliberate stretch (loooong), or speech with an elision (goin', 'em)."""
    word = token.replace("’", "'")
    if "'" in word:
        for suffix in _SUFFIXES:
            if word.lower().endswith(suffix) and "'" not in word[: -len(suffix)]:
                word = word[: -len(suffix)]
                break
        else:
            return None
    if len(word) < 3 or _STRETCH.search(word):
        return None
    if any(c.isupper() for c in word[1:]) and not word.isupper():
        return None
    return word


class _VerdictCache:
    """Per distinct token: is it explained without the manuscript (dictionary,
    slang)? A novel has ~15,000 distinct words: each is looked up once."""

    def __init__(self) -> None:
        self.unknown: dict[str, str | None] = {}

    def part_if_unknown(self, token: str) -> str | None:
        try:
            return self.unknown[token]
        except KeyError:
            pass
        part = _checked_part(token)
        if part is not None and (lexicon().knows(part) or part.lower() in accepted_words()):
            part = None
        if part is not None and part.isupper() and len(part) <= 5:
            part = None  # an acronym
        self.unknown[token] = part
        return part


_VERDICTS = _VerdictCache()


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
    return c.isalnum() or c in _MID_SENTENCE_BEFORE


def _token_pattern(tokens: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?<![^\W\d_]['’])(?:{alternatives})(?![^\W\d_])(?!['’][^\W\d_])")


def scan(doc: Document, words: frozenset[str]) -> Scan:
    """Find every occurrence of a word the dictionary does not explain."""
    text = doc.text
    regions = doc.regions_of(*_CHECKED)
    tokens: set[str] = set()
    for region in regions:
        tokens.update(WORD.findall(text, region.start, region.end))
    unknown = {}
    for token in tokens:
        part = _VERDICTS.part_if_unknown(token)
        if part is not None and part.lower() not in words:
            unknown[token] = part
    lowercase_seen = {p.lower() for t, p in unknown.items()} & {t.lower() for t in tokens if t.islower()}
    if not unknown:
        return Scan([], lowercase_seen)
    occurrences = []
    starts = [r.start for r in regions]
    for m in _token_pattern(unknown).finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i < 0 or m.start() >= regions[i].end:
            continue
        region = regions[i]
        if region.kind is RegionKind.DIALOGUE and _elided(text, m.start(), m.end(), region.start):
            continue
        part = unknown[m.group(0)]
        occurrences.append(Occurrence(part, m.start(), m.start() + len(part), _mid_sentence(text, m.start()),
                                      region.kind))
    return Scan(occurrences, lowercase_seen)


def _elided(text: str, start: int, end: int, region_start: int) -> bool:
    """Speech spelt as spoken: goin', 'bout (an apostrophe against the word that
    is not the quotation's own opening mark)."""
    after = text[end:end + 1]
    before = text[start - 1:start] if start > region_start + 1 else ""
    return after in ("'", "’") or before in ("'", "’")


def learn(scans: Iterable[Scan]) -> Manuscript:
    mid: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    lowercase: Counter[str] = Counter()
    seen_lower: set[str] = set()
    for s in scans:
        seen_lower |= s.lowercase_seen
        for occ in s.occurrences:
            if occ.word[:1].isupper():
                capitalised[occ.word] += 1
                mid[occ.word] += occ.mid_sentence
            else:
                lowercase[occ.word] += 1
    names = {w for w, n in mid.items() if n >= _NAME_MIN_MID_SENTENCE}
    names |= {w for w, n in capitalised.items() if n >= _NAME_MIN_OCCURRENCES and w.lower() not in seen_lower}
    recurring = {w for w, n in lowercase.items() if n >= _RECURRING_MIN}
    return Manuscript(frozenset(names), frozenset(recurring), capitalised + lowercase)


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
            if occ.word in manuscript.names or occ.word.lower() in manuscript.recurring:
                continue
            if any(g.near_miss(occ.word) for g in glossaries):
                continue  # the glossary rule reports it, with the canonical spelling
            diagnostic = self._judge(occ, manuscript, ctx)
            if diagnostic is not None:
                yield diagnostic

    def _judge(self, occ: Occurrence, manuscript: Manuscript, ctx: Context) -> Diagnostic | None:
        word = occ.word
        if word[:1].isupper() and ctx.is_enabled(NAME_NEAR_MISS.id):
            name = _near_name(word, manuscript)
            if name:
                count = manuscript.counts[name]
                return Diagnostic(NAME_NEAR_MISS.id, occ.start, occ.end,
                                  f"\"{word}\": everywhere else the story spells this name \"{name}\""
                                  f" ({count} times).", (Fix(occ.start, occ.end, name, safe=False),),
                                  confidence=0.7)
        if not ctx.is_enabled(POSSIBLE_TYPO.id) or word.isupper() and len(word) < 6:
            return None
        found = _suggest(word)
        if not found:
            return None
        shown = ", ".join(f"\"{keep_case(word, s)}\"" for s in found)
        return Diagnostic(POSSIBLE_TYPO.id, occ.start, occ.end,
                          f"\"{word}\" is not in the dictionary: did you mean {shown}?",
                          (Fix(occ.start, occ.end, keep_case(word, found[0]), safe=False),),
                          confidence=0.8, data={"suggestions": [keep_case(word, s) for s in found]})


@cache
def _suggest(word: str) -> tuple[str, ...]:
    return tuple(suggestions(word))


def _near_name(word: str, manuscript: Manuscript) -> str | None:
    """A learned name one edit away from a one-off capitalised word."""
    lower = word.lower()
    by_lower = {n.lower(): n for n in manuscript.names}
    for candidate, _cost in _edits(lower):
        if candidate in by_lower:
            return by_lower[candidate]
    return None


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
        regions = doc.regions_of(*self.regions)
        tokens: set[str] = set()
        for region in regions:
            tokens.update(WORD.findall(text, region.start, region.end))
        misses = {t: c for t in tokens if (c := self._miss(t))}
        if not misses:
            return
        starts = [r.start for r in regions]
        for m in _token_pattern(misses).finditer(text):
            i = bisect.bisect_right(starts, m.start()) - 1
            if i < 0 or m.start() >= regions[i].end:
                continue
            part, canonical = misses[m.group(0)]
            start, end = m.start(), m.start() + len(part)
            yield Diagnostic(self.rule.id, start, end, self.message.format(match=part, replacement=canonical),
                             (Fix(start, end, canonical, safe=False),), confidence=0.8)

    def _miss(self, token: str) -> tuple[str, str] | None:
        part = _checked_part(token) or token
        canonical = self.near_miss(part)
        return (part, canonical) if canonical and canonical != part else None


def _glossary_terms(entry: dict[str, Any], path: Path) -> tuple[str, ...]:
    raw = entry.get("terms")
    if not isinstance(raw, list) or not raw:
        raise PackError(f"{path}: rule {entry.get('id')}: a glossary needs a non-empty `terms:` list")
    words = {w for term in raw for w in WORD.findall(str(term)) if len(w) >= 3}
    return tuple(sorted(words))


def _within_one_edit(word: str, targets: dict[str, str]) -> str | None:
    for candidate, _cost in _edits(word):
        if candidate in targets:
            return targets[candidate]
    return None


def enabled_glossaries(ctx: Context) -> list[GlossaryRule]:
    return [g for rid, g in _GLOSSARIES.items() if ctx.is_enabled(rid)]


CHECKS = [Spelling]
PACK_KINDS = {"glossary": GlossaryRule}
