"""Small readings several grammar rules share: adverbs between an auxiliary and its verb, where a
clause's subject begins, whether a word is a verb form here. Word lists are rules/data/grammar.yaml."""

from __future__ import annotations

import bisect
from functools import cache
from typing import Any

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.lexicon import PAST
from ficlint.diagnostics import Diagnostic, Fix, keep_case
from ficlint.resources import load_data
from ficlint.rules.grammar._view import View

PERSONAL = frozenset(["i", "you", "he", "she", "it", "we", "they"])
NOMINATIVE = frozenset(["i", "he", "she", "we", "they"])  # never an object
OBJECTS = frozenset(
    [
        "me",
        "him",
        "her",
        "us",
        "them",
        "it",
        "you",
        "myself",
        "himself",
        "herself",
        "itself",
        "ourselves",
        "themselves",
        "yourself",
        "yourselves",
    ]
)
MAX_ADVERBS = 2


@cache
def data() -> dict[str, Any]:
    """rules/data/grammar.yaml."""
    return load_data("grammar")


@cache
def word_set(key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data()[key])


@cache
def word_list(key: str) -> tuple[str, ...]:
    """A list of rules/data/grammar.yaml in its order (for rules that walk it in turn)."""
    return tuple(str(w).lower() for w in data()[key])


def skip_adverbs(v: View, j: int, limit: int = MAX_ADVERBS) -> int:
    """The first token from j on that is not an adverb ("had [just] came", "didn't [really] wanted"),
    at most `limit` adverbs skipped, inside j's sentence."""
    for _ in range(limit):
        if j < len(v) and adverb(v, j):
            j += 1
        else:
            break
    return j


def adverb(v: View, j: int) -> bool:
    tag = v.xpos[j]
    return (tag.startswith("RB") and v.low[j] not in word_set("not_adverbs")) or v.low[j] in ("not", "never")


def verb_tag(v: View, j: int) -> bool:
    """Does the tagger read token j as a verb (or an auxiliary), not a noun or an adjective?"""
    return v.xpos[j].startswith(("VB", "MD"))


def lowercase_word(v: View, j: int) -> bool:
    """A plain lowercase word: not a name, a shout or a title."""
    text = v.text[j]
    return text.islower() and (text.isalpha() or text.replace("'", "").replace("’", "").isalpha())


def replacement(original: str, form: str) -> str:
    return keep_case(original, form)


def word_finding(rule_id: str, v: View, i: int, right: str, message: str, safe: bool = True) -> Diagnostic:
    """A finding on the view's word `i` whose one fix writes `right` in its place, in the word's case."""
    return Diagnostic(rule_id, v.start[i], v.end[i], message,
                      (Fix(v.start[i], v.end[i], replacement(v.text[i], right), safe=safe),))


class SceneTenses:
    """The narrative tense at an offset (ficlint/analysis/scenes.py), worked out only if asked."""

    def __init__(self, doc: AnalyzedDocument) -> None:
        self.doc = doc
        self._starts: list[int] | None = None

    def past(self, offset: int) -> bool:
        scenes = self.doc.narrative
        if self._starts is None:
            self._starts = [s.span.start for s in scenes]
        k = bisect.bisect_right(self._starts, offset) - 1
        return k >= 0 and scenes[k].tense is not None and scenes[k].tense.tense == PAST


def scene_tenses(doc: AnalyzedDocument) -> SceneTenses:
    """The document's scene tenses, one reader shared by the rules that ask (G004, G017)."""
    return doc.memo(SceneTenses)
