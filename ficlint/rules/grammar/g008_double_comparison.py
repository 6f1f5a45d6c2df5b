"""G008 double-comparison: "more" or "most" before a word already compared ("more clearer", "most
happiest")."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.lexicon import inflections
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.grammar._frames import lowercase_word
from ficlint.rules.grammar._view import NARRATION, view

RULE = Rule(
    id="G008",
    name="double-comparison",
    category="grammar",
    summary='"more" or "most" before a word that is already compared ("more clearer", "most happiest").',
    why=(
        'An adjective is compared once: with -er and -est ("clearer", "happiest") or with "more" and "most" '
        '("more careful", "most beautiful"), never both. ficlint flags "more", "less" or "most" right before '
        'a comparative or superlative form in narration; in dialogue "more better" may be a child\'s or a '
        'character\'s own way of talking, and is left alone, as is "more" as a noun ("one more stranger").'
    ),
    examples=examples(
        ("He woke with the more clearer mind of the two.", "He woke with the clearer mind of the two."),
        ("It was the most happiest day of her life.", "It was the happiest day of her life."),
    ),
    allows=(
        '"This one is more better," the little girl said.',
        "One more stranger walked in.",
        "I'll tell you more later.",
        "She grew more and more careful.",
        "It rose an octave and more higher than the melody.",
    ),
    fix_safety='Safe: "more" or "most" goes, the compared form stays.',
)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    v = view(doc)
    forms = inflections()
    for i in v.at("more", "most", "less"):
        j = i + 1
        if v.voice[i] != NARRATION or not v.same_sentence(i, j) or not lowercase_word(v, j):
            continue
        word = v.low[j]
        compared = forms.superlatives if v.low[i] == "most" else forms.comparatives
        wanted = "JJS" if v.low[i] == "most" else "JJR"
        if word not in compared or v.xpos[j] not in (wanted, wanted.replace("JJ", "RB")):
            continue
        if i > 0 and v.low[i - 1] in ("and", "or") and v.same_sentence(i - 1, i):
            continue  # "an octave and more higher": "more" is the amount, "(and more) higher"
        yield Diagnostic(
            RULE.id,
            v.start[i],
            v.end[j],
            f'"{v.text[j]}" is already compared: drop "{v.text[i]}".',
            (Fix(v.start[i], v.start[j], ""),),
        )
