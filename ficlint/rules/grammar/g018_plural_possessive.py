"""G018 plural-possessive: a pair's possessive written as one's ("his parent's house", "much to her
parent's dismay"): "parents'"."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.grammar._frames import word_set
from ficlint.rules.grammar._view import View, view

RULE = Rule(
    id="G018",
    name="plural-possessive",
    category="grammar",
    summary='"his parent\'s house" for the house of both parents: "his parents\' house".',
    why=(
        "One's parents come as a pair, and what belongs to both takes the apostrophe after the plural's s: "
        '"his parents\' house", "much to her parents\' dismay". Writing about one of them, fiction says '
        '"his mother\'s" or "his father\'s", so "his parent\'s" after a possessive is nearly always the '
        "pair with its apostrophe misplaced. ficlint leaves alone "
        '"the parent\'s", "a parent\'s", "each parent\'s" (one parent of many) and any word between the '
        'possessive and the noun ("his single parent\'s").'
    ),
    examples=examples(
        ("He went back to his parent's house.", "He went back to his parents' house."),
        ("Much to his parent’s dismay, he stayed.", "Much to his parents’ dismay, he stayed."),
        ("My parent's don't agree with me.", "My parents don't agree with me."),
    ),
    allows=(
        "The parent's most lethal weapon is trust.",
        "Each parent's signature was needed.",
        "A parent's love is endless.",
        "His parents' house was empty.",
    ),
    fix_safety="Unsafe: a story may mean its one parent.",
)

_POSSESSIVES = frozenset(["his", "her", "my", "their", "your", "our"])


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    v = view(doc)
    for i in v.at(*(w + "'s" for w in word_set("pair_owners"))):  # one token, apostrophe straightened
        if _after_possessive(v, i) and v.text[i][:1].islower():
            yield _finding(v, i)


def _after_possessive(v: View, i: int) -> bool:
    return v.same_sentence(i - 1, i) and v.low[i - 1] in _POSSESSIVES


def _finding(v: View, i: int) -> Diagnostic:
    written = v.text[i]
    if _owns_nothing(v, i):  # "My parent's don't agree", "My parent's?": the plural itself
        right = written[:-2] + "s"
        message = f'"{written}" owns nothing here: the plural is "{right}", with no apostrophe.'
    else:
        right = written[:-2] + "s" + written[-2]  # parent's -> parents', with the writer's apostrophe
        message = f'"{written}" is one parent\'s: what belongs to both is "{right}".'
    return Diagnostic(RULE.id, v.start[i], v.end[i], message, (Fix(v.start[i], v.end[i], right, safe=False),))


def _owns_nothing(v: View, i: int) -> bool:
    return not v.same_sentence(i, i + 1) or not v.is_word(i + 1) or v.xpos[i + 1].startswith(("VB", "MD"))
