"""Split compounds: two words written apart whose closed form is the standard spelling.

The data (ficlint/data/split-compounds.json.gz, from scripts/build_split_compounds.py) holds,
for each open pair whose closed form edited books print far more often ("in to", "night
gown", "some thing"; never "per cent", "may be" or "on to", which edited books print), how
often fan fiction writes it open and closed, after and before each neighbour seen often
enough (the neighbours of each pair as JSON text of their own, read when first asked). An
open pair is judged by its two neighbours:

    odds(closed) = prior odds x LR(left neighbour) x LR(right neighbour)

each likelihood ratio from the neighbour's own counts, shrunk towards the prior. It is
reported only when both neighbours were seen with the pair (a context never seen decides
nothing), neither speaks against the closed form (`MIN_SIDE`: "leaned in to meet" keeps its
infinitive, "buy a round" its noun), and the odds reach `THRESHOLD` ("walked in to the room",
"the bright sun light."). A particle after a pronoun ("turned him in to the police") belongs to
the verb before it as often as not, and is left alone; so is "to" before a verb (an infinitive:
"came in to see her") and a pair whose second word is capitalised (a name: the Under World).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from functools import cache, cached_property
from typing import TYPE_CHECKING

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.period import PAIR_FIELDS, is_period_sign, pair_entries
from ficlint.analysis.tokens import ascii_words
from ficlint.analysis.verbforms import verb_forms
from ficlint.document import RegionKind
from ficlint.resources import load_data
from ficlint.rules.common import WRITING
from ficlint.rules.spelling._dictionary import lexicon

if TYPE_CHECKING:
    from ficlint.analysis.tagger import Tag

SENTENCE_START, SENTENCE_END = "<s>", "</s>"
# Chosen on the tune split of the fan fiction (scripts/eval_split_compounds.py): the closed form's
# probability in this context, and the least a neighbour may speak against it (a log odds ratio).
THRESHOLD = 0.99
MIN_SIDE = -0.5
SHRINK = 4.0  # uses of the prior that a neighbour's own counts are mixed with
MAX_EDITED_OPEN = 0.03  # the most of its uses that edited books may print open (and MIN_EDITED uses)
MIN_EDITED = 20
_PARTICLE_AFTER_OBJECT = frozenset({"ADP", "ADV", "PART"})
_OBJECT = frozenset({"PRON", "PROPN", "NOUN", "DET"})  # "called them all in to dinner"
_VERBS = frozenset({"VERB", "AUX"})
_ADVERBS = frozenset({"ADV", "PART"})  # between a phrasal verb and its particle: "logged back in to"
CHECKED = frozenset(WRITING) - {RegionKind.AUTHOR_NOTE}  # the regions split compounds are looked for in
_PHRASAL_REACH = 4  # words back to the verb whose particle this may be: "turned the essay in to me"


@cache
def common_parts() -> frozenset[str]:
    """Words a compound may be split into: the dictionary's commonest, two letters or "a"."""
    return frozenset(w for w in lexicon().rank if w.isalpha() and w.islower() and (len(w) >= 2 or w == "a"))


@dataclass(frozen=True)
class Pair:
    closed: str
    open_uses: int
    closed_uses: int
    left_json: str  # the neighbours (`left`, `right`) as the data stores them: JSON text, read when
    right_json: str  # first asked (reading all 870 pairs' at every start cost ~20 ms; a text asks a few)
    edited_open: int  # uses in edited books, open and closed (or hyphenated: bean-stalk)
    edited_closed: int
    edited_hyphenated: int  # of edited_closed, hyphenated
    fan_hyphenated: int  # uses in fan fiction, hyphenated

    @cached_property
    def left(self) -> dict[str, list[int]]:
        """Word before the pair -> [uses with the open form, uses with the closed form]."""
        return json.loads(self.left_json)

    @cached_property
    def right(self) -> dict[str, list[int]]:
        """Word after the pair -> [uses with the open form, uses with the closed form]."""
        return json.loads(self.right_json)

    @property
    def period_sign(self) -> bool:
        """Is the hyphenated form (to-day, bed-room) what edited books of a century ago print
        and modern writers never do?"""
        return is_period_sign(self.edited_hyphenated, self.fan_hyphenated, self.closed_uses)

    @property
    def printed_open(self) -> bool:
        """Do edited books print it open often enough for it to be a phrase or a period
        spelling ("any way", "so on", "up stairs"), not a slip?"""
        uses = self.edited_open + self.edited_closed
        return uses >= MIN_EDITED and self.edited_open > MAX_EDITED_OPEN * uses


assert tuple(f.name for f in fields(Pair)) == PAIR_FIELDS  # one order for the data's entries


@cache
def pairs() -> dict[str, Pair]:
    return {form: Pair(*entry) for form, entry in pair_entries().items()}


@cache
def judged_pairs() -> dict[str, Pair]:
    """The pairs S003 judges: those edited books do not print open."""
    return {form: pair for form, pair in pairs().items() if not pair.printed_open}


@cache
def _first_words() -> dict[str, tuple[str, ...]]:
    """First word -> the second words it forms a pair with."""
    found: dict[str, list[str]] = {}
    for form in judged_pairs():
        first, second = form.split(" ")
        found.setdefault(first, []).append(second)
    return {first: tuple(seconds) for first, seconds in found.items()}


def probability(pair: Pair, left: str, right: str) -> float | None:
    """The probability that `pair` is meant closed between these neighbours, or None when a
    neighbour was never seen with it or speaks against the closed form."""
    prior = (pair.closed_uses + 0.5) / (pair.open_uses + pair.closed_uses + 1)
    prior_log_odds = math.log(prior / (1 - prior))
    log_odds = prior_log_odds
    for seen, neighbour in ((pair.left, left), (pair.right, right)):
        counts = seen.get(neighbour)
        if counts is None:
            return None
        open_uses, closed_uses = counts
        share = (closed_uses + SHRINK * prior) / (open_uses + closed_uses + SHRINK)
        ratio = math.log(share / (1 - share)) - prior_log_odds
        if ratio < MIN_SIDE:
            return None
        log_odds += ratio
    return 1 / (1 + math.exp(-log_odds))


@dataclass(frozen=True)
class Split:
    start: int
    end: int  # the end of the second word, a possessive 's left out
    written: str
    closed: str
    probability: float


# A preposition split in two ("walked in to the room"): the one pair decided by grammar (a phrasal
# verb's particle, an infinitive's "to") rather than by the words around a noun, so S004 reports it
# by default; S003 (off by default) the rest.
SPLIT_PREPOSITIONS = frozenset({"in to"})


def splits(doc: AnalyzedDocument, threshold: float = THRESHOLD,
           forms: Callable[[str], bool] = lambda form: True) -> Iterator[Split]:
    """The split compounds of `doc`'s prose whose open form is one of `forms`, in text order (a
    lower `threshold` is for scripts/eval_split_compounds.py, which chooses it)."""
    search = _pattern_for(ascii_words(doc), forms)
    if search is None:
        return
    pattern, known = search
    text = doc.text
    found: list[tuple[int, int, str]] = []  # start, end, form
    for m in pattern.finditer(text):
        form = f"{m.group(1).lower()} {m.group(2).lower()}"
        region = doc.region_at(m.start())
        if form not in known or region is None or region.kind not in CHECKED or m.end(2) > region.end:
            continue
        found.append((m.start(), m.end(2), form))
    if not found:
        return
    indices = {doc.sentence_index_at(start) for start, _, _ in found} - {None}
    tokens, tags = doc.tagged_sentences(i for i in indices if i is not None)
    at = {start: i for i, start in enumerate(tokens.start)}
    lower = tokens.lower
    table = judged_pairs()
    for start, end, form in found:
        i = at.get(start)
        if i is None or i + 1 >= len(lower) or tokens.sentence[i + 1] != tokens.sentence[i]:
            continue
        same = tokens.sentence[i]
        left = lower[i - 1] if i > 0 and tokens.sentence[i - 1] == same else SENTENCE_START
        right = lower[i + 2] if i + 2 < len(lower) and tokens.sentence[i + 2] == same else SENTENCE_END
        if i > 0 and tags[i - 1].parts[-1].upos in _OBJECT and tags[i].upos in _PARTICLE_AFTER_OBJECT \
                and left != SENTENCE_START:
            continue  # "turned him in to the police": the particle may be the verb's
        if tokens.text[i + 1][:1].isupper():
            continue  # a name or a title: the Under World
        if form.endswith(" to") and right != SENTENCE_END and tags[i + 2].head.upos in _VERBS:
            continue  # "ran in to warm themselves": "to" marks the infinitive
        if _after_phrasal_verb(form, i, lower, tokens.sentence, tags):
            continue  # "gave in to temptation", "clued in to the plan": the verb's particle, then "to"
        pair = table[form]
        p = probability(pair, left, right)
        if p is not None and p >= threshold:
            yield Split(start, end, text[start:end], pair.closed, p)


@cache
def _phrasal_verbs() -> dict[str, frozenset[str]]:
    """Particle -> the bases of the verbs it follows as their own particle (rules/data)."""
    return {str(particle): frozenset(str(v) for v in verbs)
            for particle, verbs in load_data("split-compound-particles").items()}


def _after_phrasal_verb(form: str, i: int, lower: list[str], sentence: list[int], tags: list[Tag]) -> bool:
    """Is the first word of `form` (the token at `i`) the particle of a phrasal verb just before it
    ("gave in to", "turned the essay in to me")? The verb is the nearest one a few words back
    ("turned and walked in to the room" is walked's, not turned's)."""
    first, _, second = form.partition(" ")
    verbs = _phrasal_verbs().get(first)
    if verbs is None or second != "to":
        return False
    base_of = verb_forms().base_of
    for k in range(i - 1, max(i - 1 - _PHRASAL_REACH, -1), -1):
        if sentence[k] != sentence[i]:
            break
        base = base_of.get(lower[k])
        if base in verbs:
            return True
        if tags[k].head.upos in _ADVERBS:
            continue  # "tuned back in to the talk": back is the verb's adverb, not a verb of its own
        if base is not None or tags[k].head.upos in _VERBS:
            return False  # another verb (the tag knows forms the lexicon lacks: tapping)
    return False


def _pattern_for(words: set[str],
                 wanted: Callable[[str], bool]) -> tuple[re.Pattern[str], frozenset[str]] | None:
    """One search for the pairs whose two words both occur among the text's `words`, and those pairs
    (the search allows any of their first words before any of their second words). The second word
    is matched inside a lookahead, so a match never uses it up: in "more house mates", "more house"
    (two words of the search, not a pair) must leave "house" free to start "house mates"."""
    present = {w.lower() for w in words}
    seconds_of = _first_words()
    forms = [(first, second) for first in present & seconds_of.keys()
             for second in seconds_of[first] if second in present and wanted(f"{first} {second}")]
    if not forms:
        return None
    firsts = sorted({f for f, _ in forms}, key=lambda w: (-len(w), w))
    seconds = sorted({s for _, s in forms}, key=lambda w: (-len(w), w))
    pattern = re.compile(
        rf"(?<![\w'’-])({'|'.join(firsts)})(?=[ \t]+(?:\r?\n[ \t]*)?({'|'.join(seconds)})"
        r"(?=['’]s\b|(?![\w'’-])))",
        re.IGNORECASE)
    return pattern, frozenset(f"{f} {s}" for f, s in forms)
