"""G015 how-looks-like: "how" asking after a likeness ("forgot how the world looked like", "I know how
it feels like"), where English asks "what … like" or "how … looked"."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic
from ficlint.rule import Rule, examples
from ficlint.rules.grammar._frames import word_finding, word_set
from ficlint.rules.grammar._view import OTHER, View, view

RULE = Rule(
    id="G015",
    name="how-looks-like",
    category="grammar",
    summary='"how" with "look like", "feel like", "sound like" at the end of its clause ("she forgot how the '
    'world looked like"): "what … looked like", or "how … looked".',
    why=(
        '"Like" needs an object, and in "what it looked like" that object is "what". "How" is an adverb and '
        'cannot be one, so "how it looked like" leaves "like" with nothing to hold: say "what it looked '
        'like" or "how it looked". ficlint flags "how" only when "like" ends the clause ("how much he looked '
        'like his father" is right: the father is what he looked like).'
    ),
    examples=examples(
        (
            "She had forgotten how the outside world looked like.",
            "She had forgotten what the outside world looked like.",
        ),
        ("I know how it feels like, mate.", "I know what it feels like, mate."),
    ),
    allows=(
        "She noticed how much he looked like his father.",
        "It was odd how it looked like rain.",
        "She had forgotten how the outside world looked.",
        "How it looked! Like a dream.",
    ),
    fix_safety='Unsafe: "what" for "how" is one of two fixes ("how it looked" is the other).',
)

_MAX_BETWEEN = 6  # words from "how" to the verb: a subject with its modifiers
_CLAUSE_ENDS = frozenset([".", ",", "!", "?", ";", ":", "…", "...", "—", "–", "-", ")", '"', "”", "'", "’"])


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    v = view(doc)
    for i in v.at("how"):
        if v.voice[i] != OTHER and _likeness(v, i):
            yield word_finding(
                RULE.id,
                v,
                i,
                "what",
                f'"{v.text[i]} … like" leaves "like" without an object: "what … like", or "how …" '
                'without "like".',
                safe=False,
            )


def _likeness(v: View, i: int) -> bool:
    """Is "how" at i followed within a few words by a verb of seeming and "like" that ends the clause?"""
    for j in range(i + 2, i + 2 + _MAX_BETWEEN):
        if not v.same_sentence(i, j) or not v.is_word(j) or v.low[j] in ("how", "what", "like"):
            return False
        if v.low[j] in word_set("sense_verbs") and v.word(j + 1) == "like":
            return _clause_ends_after(v, j + 1) and v.low[i + 1] not in ("much", "many", "often")
    return False


def _clause_ends_after(v: View, k: int) -> bool:
    if not v.same_sentence(k, k + 1):
        return True
    return v.low[k + 1] in _CLAUSE_ENDS or v.low[k + 1] in ("and", "but", "or", "when", "because")
