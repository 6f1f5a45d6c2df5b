"""The British/American spelling pairs, and where a document uses one.

Data: ficlint/data/dialect-variants.json.gz, the British/American spelling
pairs of the `breame` package compiled by scripts/build_dialect_data.py and
corrected by rules/data/dialect-exceptions.yaml (different words such as
practice/practise or tire/tyre are flagged only on their unambiguous side).
Each pair has a pattern (our, ise, yse, re, ll, ce, ogue, ae, oe, other) and
a word family (what differs and where: "colo|u|" for colour/color).

Never counted: capitalised words in mid-sentence and capitalised runs (Pearl
Harbor, the Labour Party, World Health Organization, Mrs. Gray), shouted runs
of capitals (THEATRE ROYAL), headings and markup.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable, Set
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.sentences import sentence_start
from ficlint.analysis.tokens import ascii_words
from ficlint.document import RegionKind
from ficlint.resources import data_dir, load_data

BRITISH = "en-GB"
AMERICAN = "en-US"
OXFORD = "en-GB-oxendict"
SIDE_NAME = {BRITISH: "British", AMERICAN: "American"}
OTHER_SIDE = {BRITISH: AMERICAN, AMERICAN: BRITISH}
_COUNTED = frozenset({RegionKind.NARRATION, RegionKind.DIALOGUE, RegionKind.AUTHOR_NOTE})

# Patterns whose pairs are judged together: one writer's habit covers the whole
# pattern (colour, honour, neighbour). The others (grey/gray, defence/defense,
# practise/practice, mould/mold) are judged word family by word family.
HABIT_PATTERNS = frozenset({"our", "ise", "yse", "re", "ll", "ogue", "ae", "oe"})


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
    data = json.loads(gzip.decompress((data_dir() / "dialect-variants.json.gz").read_bytes()).decode("utf-8"))
    neutral = set(data["neutral"])
    marked: dict[str, Variant] = {}
    spellings: set[str] = set()
    for gb, us, pattern, family in data["pairs"]:
        spellings.update((gb, us))
        group = pattern if pattern in HABIT_PATTERNS else family
        if gb not in neutral:
            marked.setdefault(gb, Variant(gb, us, BRITISH, pattern, family, group))
        if us not in neutral:
            marked.setdefault(us, Variant(us, gb, AMERICAN, pattern, family, group))
    return Variants(marked, frozenset(spellings), frozenset(neutral))


def is_variant_spelling(word: str) -> bool:
    """Is `word` the British or American spelling of a word spelt both ways (colour, color, tyre)?"""
    return word.lower() in variants().spellings


MARKER = "marker"  # the pattern of a weak marker's pair (mum/mom): flagged, never counted as a spelling
NOUN = "noun"  # the pattern of a noun that marks a dialect only as a noun (a flat tire): flagged, not counted


@dataclass(frozen=True)
class Markers:
    """Weak evidence (rules/data/dialect-markers.yaml, weighed in ficlint/data/dialect-evidence.json)."""

    forms: dict[str, str]  # a form as written ("Mum", "Mr.") -> marker name
    weights: dict[str, float]  # marker name -> weight of one occurrence (positive: British)
    spelling_weights: dict[str, float]  # pattern (our, re, …, ise, ize) -> weight of one spelling
    pairs: dict[str, Variant]  # mum -> its Variant (pattern MARKER), mom -> …
    nouns: dict[str, Variant]  # tire -> the American noun's Variant (after a determiner)
    # (side, word family) -> share of that side's fan-fiction works using the family that also
    # use the other side's spelling (grey in American fan fiction: 0.66); only the high ones
    leaks: dict[tuple[str, str], float]


@cache
def markers() -> Markers:
    data = load_data("dialect-markers")
    with (data_dir() / "dialect-evidence.json").open(encoding="utf-8") as fh:
        evidence = json.load(fh)
    forms = {str(form): name for name, entry in data["markers"].items() for form in entry["words"]}
    weights = {k: float(v) for k, v in evidence["markers"].items() if not k.startswith("_")}
    leaks = {(side, family): float(share) for side, shares in evidence.get("leaks", {}).items()
             for family, share in shares.items()}
    return Markers(forms, weights, {k: float(v) for k, v in evidence["spelling"].items()},
                   _paired(data.get("pairs", []), MARKER), _paired(data.get("nouns", []), NOUN), leaks)


def _paired(pairs: list[list[str]], pattern: str) -> dict[str, Variant]:
    out: dict[str, Variant] = {}
    for gb, us in pairs:
        family = f"{gb}|{us}"
        out[gb] = Variant(gb, us, BRITISH, pattern, family, family)
        out[us] = Variant(us, gb, AMERICAN, pattern, family, family)
    return out


@cache
def every_variant() -> dict[str, Variant]:
    """The dictionary's variant spellings, the markers' pairs (mum/mom) and the nouns (tire/tyre)."""
    data = variants()
    marked = dict(data.marked)
    for word, v in {**markers().pairs, **markers().nouns}.items():
        marked.setdefault(word, v)
    for word, v in data.marked.items():  # plurals the source leaves out: draughts beside draught
        plural, other = word + "s", v.other + "s"
        if not word.endswith("s") and plural not in data.spellings and other not in data.spellings:
            marked.setdefault(plural, v._replace(spelling=plural, other=other))
    return marked


@cache
def _marker_words() -> frozenset[str]:
    return frozenset(form.rstrip(".") for form in markers().forms)


@cache
def _marker_pattern() -> re.Pattern[str]:
    """The markers' words as one factored regular expression, with the full stop after them."""
    words = {form.rstrip(".") for form in markers().forms}
    return re.compile(rf"(?<![A-Za-z])(?:{_trie_regex(words)})(?![A-Za-z])\.?")


def marker_counts(text: str, words_in_text: Set[str] | None = None) -> dict[str, int]:
    """How often each weak marker occurs in `text` ("Mr." counts with its full stop, "Mr" without).
    `words_in_text`, the text's runs of ASCII letters (`analysis.tokens.ascii_words`), when the
    caller has them: then only the few markers the text holds are looked for, each with `str.find`."""
    forms = markers().forms
    if words_in_text is None:
        tokens = _marker_pattern().findall(text)
    else:
        held = _marker_words() & words_in_text
        tokens = [text[start:end + 1] if text[end:end + 1] == "." else word
                  for start, end, word in _whole_words(text, held, _ASCII_LETTER)]
    found: dict[str, int] = {}
    for token, n in Counter(tokens).items():
        name = forms.get(token) or (forms.get(token[:-1]) if token.endswith(".") else None)
        if name is not None and not (token.endswith(".") and name == "title-without-stop"):
            found[name] = found.get(name, 0) + n
    return found


def count_markers(doc: AnalyzedDocument) -> dict[str, int]:
    """How often each weak marker occurs in `doc`, and its quotation style ("single-quotes" or
    "double-quotes", once) when it has speech."""
    found = marker_counts(doc.text, ascii_words(doc))
    if doc.regions_of(RegionKind.DIALOGUE):
        found[f"{doc.quote_style}-quotes"] = 1
    return found


# -- finding variant spellings in a document -------------------------------------------------------------


class Hit(NamedTuple):
    start: int
    end: int
    word: str  # as written
    variant: Variant
    capitalised: bool  # capitalised at a sentence start: a name if the manuscript uses it as one elsewhere
    in_speech: bool


def find_hits(doc: AnalyzedDocument) -> tuple[list[Hit], frozenset[str]]:
    """Variant spellings in the prose of `doc`, and the spellings it uses as (part of) names
    (worked out once per document: gathering and checking share it)."""
    return doc.memo(_find_hits)


def _find_hits(doc: AnalyzedDocument) -> tuple[list[Hit], frozenset[str]]:
    text = doc.text
    marked = every_variant()
    nouns = markers().nouns.keys() - variants().marked.keys()
    # the few variant spellings this text uses, then one search for just those
    present = {t for t in ascii_words(doc) if t.lower() in marked}
    if not present:
        return [], frozenset()
    hits: list[Hit] = []
    names: set[str] = set()
    for start, end, word in _whole_words(text, present):
        region = doc.region_at(start)
        if region is None or region.kind not in _COUNTED:
            continue
        lower = word.lower()
        all_capitals = word.isupper() and len(word) > 1  # shouting or emphasis, unless a run of them
        capitalised = word[0].isupper() and not all_capitals
        if all_capitals and _caps_run(text, start, end):
            continue  # a sign or a title: THEATRE ROYAL
        if lower.endswith("l") and text[end:end + 2] in _ELIDED_ED:
            continue  # verse's fulfill'd: fulfilled, spelt so in both dialects
        if _foreign_context(text, start, end):
            continue  # Latin's ardor, French's amende honorable: another language's word
        if lower in nouns and not _DETERMINER_BEFORE.search(text, max(0, start - 30), start):
            continue  # "to tire", "licensed to": the verb, standard in both dialects
        if capitalised:
            para_start = doc.paragraphs[region.paragraph].start
            if sentence_start(text, start, para_start) == "no" or _next_word_capitalised(text, end):
                names.add(lower)
                continue
        hits.append(Hit(start, end, word, marked[lower], capitalised, region.kind is RegionKind.DIALOGUE))
    return hits, frozenset(names)


_ELIDED_ED = ("'d", "’d")  # an -ed printed with its e elided, as period verse does
_FOREIGN_WINDOW = 4  # words read on each side of a variant spelling…
_FOREIGN_MIN = 3  # …of which this many lowercase words in no English dictionary make a foreign passage
_NEAR_WORDS = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")  # you've whole: its "ve" is no foreign word
_ITALIC_SPAN = 40  # characters from a variant spelling to the marks of the italics around it


def _foreign_context(text: str, start: int, end: int) -> bool:
    """Does the variant spelling stand in another language's passage (Latin verse: "acquiescat ardor:
    Tecum ludere") or italic phrase ("the _amende honorable;_")? Its words beside it are no English
    words; names, capitalised, do not count."""
    before = _NEAR_WORDS.findall(text, max(0, start - 80), start)[-_FOREIGN_WINDOW:]
    after = _NEAR_WORDS.findall(text, end, end + 80)[:_FOREIGN_WINDOW]
    if sum(_foreign(w) for w in before + after) >= _FOREIGN_MIN:
        return True
    return any(_foreign(w) for w in _NEAR_WORDS.findall(_italic_span(text, start, end)))


def _italic_span(text: str, start: int, end: int) -> str:
    """The rest of the italic phrase (_…_ or *…*) on one line around text[start:end], or ""."""
    head = text[max(0, start - _ITALIC_SPAN):start].rsplit("\n", 1)[-1]
    tail = text[end:end + _ITALIC_SPAN].split("\n", 1)[0]
    for mark in "_*":
        opened, closed = head.rfind(mark), tail.find(mark)
        if opened >= 0 and closed >= 0:
            return head[opened + 1:] + " " + tail[:closed]
    return ""


def _foreign(word: str) -> bool:
    """A lowercase word that no English dictionary knows (acquiescat, amende)."""
    from ficlint.rules.spelling._dictionary import lexicon  # the spelling family's dictionary

    return word.isalpha() and word.islower() and len(word) > 1 and not lexicon().knows(word)


_WORD_CHAR = re.compile(r"\w")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def _whole_words(text: str, words: Iterable[str], inside: re.Pattern[str] = _WORD_CHAR
                 ) -> list[tuple[int, int, str]]:
    """(start, end, word) of every occurrence of `words` (runs of ASCII letters) with no character
    `inside` matches just before or after it, in text order: what `\\b(?:word|…)\\b` finds (or, with
    `inside` [A-Za-z], `(?<![A-Za-z])(?:word|…)(?![A-Za-z])`), by one C-speed `str.find` scan a word
    instead of an expression tried at every position of the text. Two such occurrences never
    overlap (a word ends where no letter follows), so the union is the same."""
    found: list[tuple[int, int, str]] = []
    is_word_char = inside.match
    for word in words:
        size = len(word)
        at = text.find(word)
        while at >= 0:
            end = at + size
            if not (at and is_word_char(text, at - 1)) and not is_word_char(text, end):
                found.append((at, end, word))
            at = text.find(word, at + 1)
    found.sort()
    return found


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


_DETERMINER_BEFORE = re.compile(
    r"\b(?:a|an|the|his|her|my|your|our|their|its|this|that|these|those|one|two|four|spare|flat|front|"
    r"rear|back|new|old|each|every|no|driver's|driver’s|\w+['’]s)[ \t]+$", re.I)
_NEXT_CAPITAL = re.compile(r"[ \t]+(?:(?:of|the|and|de|du|la|van|von)[ \t]+){0,2}([A-Z])([A-Za-z]*)")
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
