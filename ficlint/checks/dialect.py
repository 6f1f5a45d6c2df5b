"""Dialect: one manuscript, one spelling dialect (British or American English).

A British writer setting a story in New York ends up with "color" beside
"colour"; readers notice, and publishers' style sheets pick one. With
`dialect: auto` (the default) the manuscript's own majority decides, counted
over every file checked together; with `en-US`, `en-GB` or `en-GB-oxendict`
(Oxford spelling: -ize with British -our/-re) the writer decides.

Data: ficlint/data/dialect-variants.json.gz, the British/American spelling
pairs of the `breame` package compiled by scripts/build_dialect_data.py and
corrected by rules/data/dialect-exceptions.yaml (different words such as
practice/practise or tire/tyre are flagged only on their unambiguous side).
Each pair has a pattern (our, ise, yse, re, ll, ce, ogue, ae, oe, other) and
a word family (what differs and where: "colo|u|" for colour/color). In
auto mode a spelling is judged, in this order:

1. by its own file: a file that keeps one side of a pattern at least
   FILE_HABIT_MIN times, one-sidedly, keeps it (a period American book that
   writes "travelling" and "theatre" throughout is not called British);
2. in speech, only against the same word spelt the other way in the same file
   (a character's voice);
3. by the manuscript's pattern (or, for one-off pairs such as grey/gray or
   defence/defense, the word family, which must be spelt both ways), when it has
   GROUP_MIN spellings and GROUP_SHARE of them on one side, never against a
   clear overall dialect;
4. otherwise by the manuscript's overall dialect, if it is clear (three to one).

Never counted or flagged: capitalised words in mid-sentence and capitalised
runs (Pearl Harbor, the Labour Party, World Health Organization, Mrs. Gray),
a capitalised sentence start of a word the manuscript uses as a name, words
the user's word list accepts, headings and markup.

Facts for other check families: `ctx.facts("dialect")` is a `DialectFacts`:

    facts.dialect      "en-US", "en-GB" or None (unclear): the configured dialect,
                       or with auto the manuscript's clear majority
    facts.oxford       True for British spelling with -ize (en-GB-oxendict)
    facts.configured   True when the dialect came from the config or --dialect
    facts.british      British spellings counted in the manuscript
    facts.american     American spellings counted (-ize counts only without
                       other British evidence, since Oxford spelling uses it)
    facts.counts       Counter: lower-case variant spelling -> times used
    facts.names        variant spellings the manuscript uses as names (Gray)

and `is_variant_spelling(word)` says whether a word is a British or American
spelling of a word that has both (the spelling check accepts these as correctly
spelt: consistency is this family's business).
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import NamedTuple

from ficlint.check import Check, Context
from ficlint.diagnostics import Diagnostic, Fix, keep_case
from ficlint.document import ABBREVIATIONS, Document, RegionKind, distinct_tokens
from ficlint.resources import data_dir
from ficlint.rule import Rule

BRITISH = "en-GB"
AMERICAN = "en-US"
OXFORD = "en-GB-oxendict"
_SIDE_NAME = {BRITISH: "British", AMERICAN: "American"}
_OTHER = {BRITISH: AMERICAN, AMERICAN: BRITISH}
_COUNTED = frozenset({RegionKind.NARRATION, RegionKind.DIALOGUE, RegionKind.AUTHOR_NOTE})

DIALECT_SPELLING = Rule(
    id="V001",
    name="dialect-spelling",
    category="dialect",
    summary="A British spelling in an American manuscript, or the reverse (colour among color, favorite).",
    why="Readers notice when one book spells it both ways, and every publisher's style sheet picks one "
        "dialect. With `dialect: auto` the manuscript's own majority decides, counted over every file "
        "checked together and pattern by pattern (-our, -ise/-ize, -re, doubled l…), and only where the "
        "evidence is clear; set `dialect: en-US`, `en-GB` or `en-GB-oxendict` (Oxford -ize) to decide "
        "yourself. Spellings that are different words (practice/practise, tire/tyre, program/programme, "
        "check/cheque) are flagged only on their unambiguous side, names (Pearl Harbor, the Labour Party) "
        "never, and in speech a spelling is held only to the same word spelt the other way in the file.",
    flags=("The color of the sky, the color of the sea, the color of the grass and the colour of her eyes.",
           "She walked to the center of the room, past the center table and the theater posters, to the "
           "centre of the rug.",
           "He realised it, recognised it, apologised, and realized nothing more.",
           "My favorite color is gray, and I traveled to the theater to see the colour."),
    allows=("The colour of the sky and the grey sea; she realised her favourite theatre was shut.",
            "He had color, she had colour: nobody can tell which is the odd one out.",
            "They flew to Pearl Harbor with the Labour Party and the World Health Organization. Her "
            "favourite colour was grey.",
            "I practise every day; practice makes perfect. The program on my laptop crashed. My favourite "
            "tyre was flat. Her colour was good.",
            "Theatre and travelling were his life, said the color guard; his favorite was the theatre in the "
            "centre, and he loved travelling."),
    fix_safety="Safe: the other dialect's spelling of the same word, with the same capitalisation.",
)

_TOKEN = re.compile(r"[A-Za-z]+")
_OPENERS = " \t\r\n\"'“‘(*_[“"
_SENTENCE_MARKS = ".!?…:"


# -- the data ------------------------------------------------------------------------------------------

# Patterns whose pairs are judged together: one writer's habit covers the whole
# pattern (colour, honour, neighbour). The others (grey/gray, defence/defense,
# practise/practice, mould/mold) are judged word family by word family.
_HABIT_PATTERNS = frozenset({"our", "ise", "yse", "re", "ll", "ogue", "ae", "oe"})


class Variant(NamedTuple):
    """One spelling that marks a dialect: `spelling` is `side`'s, `other` the other side's."""

    spelling: str
    other: str
    side: str  # BRITISH or AMERICAN
    pattern: str  # our, ise, yse, re, ll, ce, ogue, ae, oe, other
    family: str  # the word family: what differs and where ("colo|u|" for colour, coloured, colours)
    group: str  # what consistency is judged over: the pattern, or the word family


@dataclass(frozen=True)
class Variants:
    marked: dict[str, Variant]  # lower-case spelling -> variant
    spellings: frozenset[str]  # every spelling of every pair, neutral ones included
    neutral: frozenset[str]  # standard in both dialects: never evidence, never flagged


@cache
def variants() -> Variants:
    """The compiled spelling pairs, loaded once per process."""
    with gzip.open(data_dir() / "dialect-variants.json.gz", "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    neutral = set(data["neutral"])
    marked: dict[str, Variant] = {}
    spellings: set[str] = set()
    for gb, us, pattern, family in data["pairs"]:
        spellings.update((gb, us))
        group = pattern if pattern in _HABIT_PATTERNS else family
        if gb not in neutral:
            marked.setdefault(gb, Variant(gb, us, BRITISH, pattern, family, group))
        if us not in neutral:
            marked.setdefault(us, Variant(us, gb, AMERICAN, pattern, family, group))
    return Variants(marked, frozenset(spellings), frozenset(neutral))


def is_variant_spelling(word: str) -> bool:
    """Is `word` the British or American spelling of a word spelt both ways (colour, color, tyre)?"""
    return word.lower() in variants().spellings


# -- finding variant spellings in a document -------------------------------------------------------------


class Hit(NamedTuple):
    start: int
    end: int
    word: str  # as written
    variant: Variant
    capitalised: bool  # capitalised at a sentence start: a name if the manuscript uses it as one elsewhere
    in_speech: bool


def find_hits(doc: Document) -> tuple[list[Hit], set[str]]:
    """Variant spellings in the prose of `doc`, and the spellings it uses as (part of) names.

    The same text gives the same answer, so it is kept for a few documents: the manuscript's facts are
    gathered from one copy of a file and the file is checked from another.
    """
    key = (doc.path, len(doc.text), hash(doc.text))
    found = _recent_hits.get(key)
    if found is None:
        found = _find_hits(doc)
        _recent_hits[key] = found
        while len(_recent_hits) > _RECENT_MAX:
            del _recent_hits[next(iter(_recent_hits))]
    return found[0], set(found[1])


_RECENT_MAX = 256
_recent_hits: dict[tuple[str, int, int], tuple[list[Hit], frozenset[str]]] = {}


def _find_hits(doc: Document) -> tuple[list[Hit], frozenset[str]]:
    text = doc.text
    marked = variants().marked
    # the few variant spellings this text uses, then one search for just those
    present = {t for t in set(_TOKEN.findall(" ".join(distinct_tokens(text)))) if t.lower() in marked}
    if not present:
        return [], frozenset()
    pattern = re.compile(rf"\b{_trie_regex(present)}\b")
    hits: list[Hit] = []
    names: set[str] = set()
    for m in pattern.finditer(text):
        start, end = m.span()
        region = doc.region_at(start)
        if region is None or region.kind not in _COUNTED:
            continue
        word = m.group(0)
        lower = word.lower()
        all_capitals = word.isupper() and len(word) > 1  # shouting or emphasis, unless a run of them
        capitalised = word[0].isupper() and not all_capitals
        if all_capitals and _caps_run(text, start, end):
            continue  # a sign or a title: THEATRE ROYAL
        if capitalised:
            para_start = doc.paragraphs[region.paragraph].start
            if not _starts_sentence(text, start, para_start) or _next_word_capitalised(text, end):
                names.add(lower)
                continue
        hits.append(Hit(start, end, word, marked[lower], capitalised, region.kind is RegionKind.DIALOGUE))
    return hits, frozenset(names)


def _trie_regex(words: Iterable[str]) -> str:
    """One regular expression for a set of words, factored by common prefixes (fast to search)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict[str, dict]) -> str:
        alternatives = [re.escape(ch) + branch(child) for ch, child in sorted(node.items()) if ch]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        if "" not in node:
            return body
        return body + "?" if len(alternatives) == 1 and len(alternatives[0]) == 1 else "(?:" + body + ")?"

    return branch(root)


def _starts_sentence(text: str, at: int, para_start: int) -> bool:
    i = at - 1
    while i >= para_start and text[i] in _OPENERS:
        i -= 1
    if i < para_start:
        return True
    if text[i] != ".":
        return text[i] in _SENTENCE_MARKS
    before = _WORD_BEFORE.search(text, max(para_start, i - 12), i)
    word = before.group(0).lower() if before else ""
    return word not in ABBREVIATIONS and len(word) != 1  # "Mr. Gray", "J. Grey" are names


_NEXT_CAPITAL = re.compile(r"[ \t]+(?:(?:of|the|and|de|du|la|van|von)[ \t]+){0,2}([A-Z])([A-Za-z]*)")
_WORD_BEFORE = re.compile(r"[A-Za-z]+$")
_CAPITALS_AFTER = re.compile(r"[ \t]+[A-Z]{2,}\b")
_CAPITALS_BEFORE = re.compile(r"\b[A-Z]{2,}[ \t]+$")


def _caps_run(text: str, start: int, end: int) -> bool:
    """Is this all-capitals word next to another (THEATRE ROYAL, WORLD HEALTH ORGANIZATION)?"""
    return bool(_CAPITALS_AFTER.match(text, end, end + 20)
                or _CAPITALS_BEFORE.search(text, max(0, start - 20), start))


def _next_word_capitalised(text: str, at: int) -> bool:
    """Is the word after `at` (on the same line) capitalised, as in "Labour Party", "Centre of Excellence"?"""
    m = _NEXT_CAPITAL.match(text, at, at + 40)
    return bool(m) and (m.group(2) != "" or m.group(1) != "I")


class Tally:
    """Variant spellings counted side by side, per group (pattern or word family) and per word family."""

    def __init__(self, counts: Counter[str] | None = None) -> None:
        self.counts: Counter[str] = Counter(counts or ())
        self._by_key: dict[str, dict[str, Counter[str]]] = {}
        marked = variants().marked
        for word, n in self.counts.items():
            v = marked[word]
            for key in {"g:" + v.group, "f:" + v.family}:
                by_side = self._by_key.setdefault(key, {BRITISH: Counter(), AMERICAN: Counter()})
                by_side[v.side][word] += n

    def group(self, group: str) -> dict[str, Counter[str]]:
        return self._by_key.get("g:" + group) or {BRITISH: Counter(), AMERICAN: Counter()}

    def family(self, family: str) -> dict[str, Counter[str]]:
        return self._by_key.get("f:" + family) or {BRITISH: Counter(), AMERICAN: Counter()}

    def side(self, side: str, skip_pattern: str = "") -> Counter[str]:
        marked = variants().marked
        return Counter({w: n for w, n in self.counts.items()
                        if marked[w].side == side and marked[w].pattern != skip_pattern})


@dataclass
class FileCounts:
    """What one file tells about the manuscript's dialect."""

    counts: Counter[str] = field(default_factory=Counter)
    capitalised: Counter[str] = field(default_factory=Counter)  # of counts: capitalised at a sentence start
    names: set[str] = field(default_factory=set)  # spellings used as (part of) a name


# -- the manuscript's dialect -----------------------------------------------------------------------------


@dataclass
class DialectFacts:
    """The manuscript's spelling dialect, for this check and for other families."""

    dialect: str | None  # "en-US", "en-GB" or None
    oxford: bool = False
    configured: bool = False
    british: int = 0
    american: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    names: frozenset[str] = frozenset()

    @cached_property
    def tally(self) -> Tally:
        return Tally(self.counts)


def _clear_winner(british: int, american: int, minimum: int = 2) -> str | None:
    """The side with at least `minimum` votes and three times the other's, if any."""
    if british >= minimum and british >= 3 * american:
        return BRITISH
    if american >= minimum and american >= 3 * british:
        return AMERICAN
    return None


def decide(counts: Counter[str], names: Iterable[str], configured: str) -> DialectFacts:
    """The manuscript's dialect from the variant spellings it uses (or the configured one)."""
    facts = DialectFacts(None, counts=counts, names=frozenset(names))
    marked = variants().marked
    core = {BRITISH: 0, AMERICAN: 0}
    ise = {BRITISH: 0, AMERICAN: 0}
    for word, n in counts.items():
        v = marked[word]
        (ise if v.pattern == "ise" else core)[v.side] += n
    facts.british = core[BRITISH] + ise[BRITISH]
    # -ize is British too (Oxford spelling): it counts as American only without other British evidence
    facts.american = core[AMERICAN] + (ise[AMERICAN] if core[BRITISH] == 0 else 0)
    if configured != "auto":
        facts.configured = True
        facts.dialect = AMERICAN if configured == AMERICAN else BRITISH
        facts.oxford = configured == OXFORD
        return facts
    facts.dialect = _clear_winner(facts.british, facts.american)
    facts.oxford = facts.dialect == BRITISH and ise[AMERICAN] > ise[BRITISH]
    return facts


# -- the check ------------------------------------------------------------------------------------------

# A file that keeps a convention of its own for a pattern, this many times and
# this one-sidedly, is respected (a period American "travelling" throughout a
# book; letters written by a British character).
FILE_HABIT_MIN = 4
FILE_HABIT_SHARE = 0.8
# The manuscript's preference for a pattern counts when it has this much evidence
# and this share; below that the manuscript's overall dialect decides.
GROUP_MIN = 3
GROUP_SHARE = 0.75


class Dialect(Check):
    family = "dialect"
    rules = (DIALECT_SPELLING,)
    needs_manuscript = True

    def gather(self, doc: Document, ctx: Context) -> FileCounts:
        hits, names = find_hits(doc)
        accepted = _accepted_words(ctx)
        counted = [h for h in hits if h.variant.spelling not in accepted]
        return FileCounts(Counter(h.variant.spelling for h in counted),
                          Counter(h.variant.spelling for h in counted if h.capitalised), names)

    def combine(self, facts: list[FileCounts], ctx: Context) -> DialectFacts:
        counts: Counter[str] = Counter()
        capitalised: Counter[str] = Counter()
        names: set[str] = set()
        for f in facts:
            if f is not None:
                counts.update(f.counts)
                capitalised.update(f.capitalised)
                names.update(f.names)
        # a spelling the manuscript uses as a name ("Mrs. Gray") is no evidence when capitalised ("Gray said")
        counts.subtract({w: n for w, n in capitalised.items() if w in names})
        return decide(+counts, names, ctx.config.dialect)

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        if not ctx.is_enabled(DIALECT_SPELLING.id):
            return
        facts = ctx.facts(self.family)
        if not isinstance(facts, DialectFacts):  # checked on its own: the file is the manuscript
            facts = self.combine([self.gather(doc, ctx)], ctx)
        hits, _ = find_hits(doc)  # kept from gathering when it was this process that gathered
        accepted = _accepted_words(ctx)
        hits = [h for h in hits if h.variant.spelling not in accepted
                and not (h.capitalised and h.variant.spelling in facts.names)]
        judge = _Judge(facts, Tally(Counter(h.variant.spelling for h in hits)))
        for hit in hits:
            message = judge.verdict(hit)
            if message:
                fix = keep_case(hit.word, hit.variant.other)
                yield Diagnostic(DIALECT_SPELLING.id, hit.start, hit.end, message,
                                 (Fix(hit.start, hit.end, fix),), confidence=0.9 if facts.configured else 0.8,
                                 data={"replacement": fix})


class _Judge:
    """Decides, spelling by spelling, whether the manuscript wants the other dialect's spelling."""

    def __init__(self, facts: DialectFacts, this_file: Tally) -> None:
        self.facts = facts
        self.this_file = this_file

    def verdict(self, hit: Hit) -> str | None:
        """The message for a spelling that should be the other dialect's, or None."""
        v = hit.variant
        fix = keep_case(hit.word, v.other)
        if self.facts.configured:
            return self._configured_verdict(v, hit.word, fix)
        if self._file_habit(v) or hit.in_speech and not self._file_spells_it_both_ways(v):
            return None
        wanted, evidence = self._manuscript_preference(v)
        if wanted is None or wanted == v.side:
            return None
        n = sum(evidence.values())
        examples = ", ".join(w for w, _ in evidence.most_common(3)) + (", …" if len(evidence) > 3 else "")
        times = "once" if n == 1 else f"{n} times"
        if v.pattern == "ise":
            mine, theirs = ("-ise", "-ize") if v.side == BRITISH else ("-ize", "-ise")
            return (f"\"{hit.word}\" is spelt with {mine}; this manuscript uses {theirs} {times} "
                    f"({examples}). Write \"{fix}\".")
        return (f"\"{hit.word}\" is {_SIDE_NAME[v.side]}; this manuscript spells it the "
                f"{_SIDE_NAME[wanted]} way {times} ({examples}). Write \"{fix}\".")

    def _configured_verdict(self, v: Variant, shown: str, fix: str) -> str | None:
        f = self.facts
        if f.oxford and v.pattern == "ise":
            if v.side == AMERICAN:
                return None
            return f"\"{shown}\": Oxford spelling (dialect en-GB-oxendict) uses -ize. Write \"{fix}\"."
        if v.side == f.dialect:
            return None
        if v.pattern == "ise" and v.side == AMERICAN:
            return (f"\"{shown}\" is spelt with -ize; the dialect is set to en-GB (-ise). Write \"{fix}\", "
                    f"or set `dialect: en-GB-oxendict` to keep -ize.")
        return (f"\"{shown}\" is {_SIDE_NAME[v.side]}; the dialect is set to {_SIDE_NAME[f.dialect or '']} "
                f"English ({f.dialect}). Write \"{fix}\".")

    def _file_habit(self, v: Variant) -> bool:
        """Does this file keep this spelling's side for its group, often and one-sidedly?"""
        by_side = self.this_file.group(v.group)
        mine, total = sum(by_side[v.side].values()), sum(sum(c.values()) for c in by_side.values())
        return mine >= FILE_HABIT_MIN and mine >= FILE_HABIT_SHARE * total

    def _file_spells_it_both_ways(self, v: Variant) -> bool:
        """Speech may render a character's voice ("honour" from the English visitor in an American
        novel): there a spelling is held only to the same word spelt the other way in the same file."""
        return bool(self.this_file.family(v.family)[_OTHER[v.side]])

    def _manuscript_preference(self, v: Variant) -> tuple[str | None, Counter[str]]:
        """Which side the manuscript prefers for this spelling's group, and the spellings that show it.

        A group with enough one-sided evidence decides; a word family (grey/gray, mould/mold) is judged
        only when the manuscript also spells the word the other way, unless the other spelling is one
        that cannot show it (programme/program). Otherwise the manuscript's overall
        dialect decides. A group never pulls a spelling away from a clear overall dialect (a period
        "practise" habit in an American manuscript does not make "practiced" wrong), except -ise/-ize,
        which are both British.
        """
        by_side = self.facts.tally.group(v.group)
        other = _OTHER[v.side]
        mine, theirs = sum(by_side[v.side].values()), sum(by_side[other].values())
        total = mine + theirs
        overall = self.facts.dialect
        if v.pattern not in _HABIT_PATTERNS and theirs == 0 and v.other not in variants().neutral:
            return None, Counter()  # the word is never spelt the other way: no sign of inconsistency
        if total >= GROUP_MIN and theirs >= GROUP_SHARE * total:
            if overall is not None and overall != other and v.pattern != "ise":
                return None, Counter()
            return other, by_side[other]
        if total >= GROUP_MIN and mine >= GROUP_SHARE * total:
            return None, Counter()
        if overall is None or (v.pattern == "ise" and overall == BRITISH):
            return None, Counter()  # -ise and -ize are both British
        return overall, self.facts.tally.side(overall, skip_pattern="ise" if overall == AMERICAN else "")


def _accepted_words(ctx: Context) -> frozenset[str]:
    return frozenset(w.lower() for w in ctx.config.words)




CHECKS = [Dialect]
