"""G019 adverb-for-adjective: an -ly adverb where a noun wants its adjective ("the slightly mention of
him", "with a quickly glance")."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.lexicon import inflections
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic
from ficlint.rule import Rule, examples
from ficlint.rules.grammar._frames import word_finding, word_set
from ficlint.rules.grammar._view import NARRATION, View, view

RULE = Rule(
    id="G019",
    name="adverb-for-adjective",
    category="grammar",
    summary='An -ly adverb between a determiner and its noun ("the slightly mention of him"): the '
    'adjective ("the slight mention").',
    why=(
        'A noun is described by an adjective ("a slight mention", "a quick glance"); an -ly adverb describes '
        'a verb or an adjective ("slightly bent", "glanced quickly"). ficlint flags an adverb made from an '
        'adjective that is compared (slight, slighter) standing between "the" or "a" and a '
        "noun that ends the phrase, in narration. It leaves alone an adverb before an adjective or a "
        'participle ("a slightly bent nail", "the newly built house"), and adjectives in -ly ("a lonely '
        'night", "the elderly man").'
    ),
    examples=examples(
        (
            "He feared the slightly mention of a Slytherin would wake them.",
            "He feared the slight mention of a Slytherin would wake them.",
        ),
    ),
    allows=(
        "He held a slightly bent nail.",
        "It was the newly built house.",
        "It was a lonely night in the elderly man's house.",
        "She gave him a kindly smile. He started as a lowly crewman.",
        '"The slightly mention," he said, "is enough."',
    ),
    fix_safety='Unsafe: the adjective may want comparing too ("the slightest mention").',
)

# the articles only: found word by word, they are cheap; a possessive before an adverb and a noun
# ("his slightly frown") is rarer than the cost of walking every possessive of a book
_DETERMINERS = ("the", "a", "an")
_PHRASE_ENDS = frozenset(["IN", ".", ",", ":", "CC", "TO"])


@cache
def _compared() -> frozenset[str]:
    """Adjectives compared with -er: slight, quick, gentle (their -ly adverbs are no adjectives)."""
    return frozenset(inflections().comparatives.values())


def adjective_of(adverb: str) -> str:
    """The compared adjective an -ly adverb is made from (slightly -> slight, gently -> gentle,
    happily -> happy), or ""."""
    if not adverb.endswith("ly") or len(adverb) < 5 or adverb in word_set("ly_adjectives"):
        return ""
    stem = adverb[:-2]
    compared = _compared()
    for candidate in (stem, stem[:-1] + "y" if stem.endswith("i") else "", adverb[:-1] + "e"):
        if candidate and candidate in compared:
            return candidate
    return ""


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    v = view(doc)
    low, xpos = v.low, v.xpos
    last = len(low) - 3
    for d in v.at(*_DETERMINERS):
        a = d + 1
        if d >= last or low[a][-2:] != "ly" or xpos[a][:2] != "RB":
            continue  # most determiners: no -ly word after them
        if v.voice[d] != NARRATION or not v.same_sentence(d, a + 2):
            continue
        adjective = adjective_of(v.low[a]) if v.text[a].islower() else ""
        if adjective and _noun_ends_phrase(v, a + 1):
            yield word_finding(
                RULE.id,
                v,
                a,
                adjective,
                f'"{v.text[a]}" describes a verb or an adjective; before the noun "{v.text[a + 1]}", use the '
                f'adjective: "{adjective}".',
                safe=False,
            )


def _noun_ends_phrase(v: View, n: int) -> bool:
    return (
        v.xpos[n] == "NN"
        and v.text[n].isalpha()
        and v.text[n].islower()
        and not v.low[n].endswith(("ed", "ing", "ly"))
        and v.xpos[n + 1] in _PHRASE_ENDS
    )
