"""G016 missing-know: a negative "do" straight before a question word, its verb lost ("I don't why I
ever thought it", "she didn't where to go"): almost always "know"."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.grammar._frames import word_set
from ficlint.rules.grammar._view import OTHER, View, view

RULE = Rule(
    id="G016",
    name="missing-know",
    category="grammar",
    summary='A verb missing between "don\'t" and a question word ("I don\'t why I thought it"): '
    'usually "know".',
    why=(
        '"Don\'t", "didn\'t" and "doesn\'t" need a verb after them; before "why", "where", "how" or '
        '"whether" the verb a writer drops is nearly always "know": "I don\'t know why I ever thought '
        'it". ficlint flags the frame only after a subject ("I", "she", "Harry") and not when the question '
        'word ends the speech ("Don\'t what?" answers a "Don\'t.").'
    ),
    examples=examples(
        ("I don't why I ever thought this was easy.", "I don't know why I ever thought this was easy."),
        ("She didn't where to look.", "She didn't know where to look."),
    ),
    allows=(
        '"Don\'t." "Don\'t what?"',
        "He didn't, why would he?",
        "They don't. Why should they?",
        "I don't know why.",
    ),
    fix_safety='Unsafe: "know" is the usual verb, not the only one ("didn\'t say why").',
)

_NEGATIVES = ("don't", "didn't", "doesn't", "dont", "didnt", "doesnt")


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    v = view(doc)
    for i in v.at(*_NEGATIVES):
        if v.voice[i] != OTHER and _lost_verb(v, i):
            yield Diagnostic(
                RULE.id,
                v.start[i + 1],
                v.end[i + 1],
                f'A verb is missing after "{v.text[i]}": "{v.text[i]} know {v.text[i + 1]}"?',
                (Fix(v.start[i + 1], v.start[i + 1], "know ", safe=False),),
            )


def _lost_verb(v: View, i: int) -> bool:
    w = i + 1
    if not v.same_sentence(i - 1, w + 1) or not v.text[w].islower():
        return False
    if v.low[w] not in word_set("question_words"):
        return False
    if not v.is_word(w + 1) or v.glued(w):
        return False  # "Don't what?", "didn't why-" : the question word ends the speech
    return v.xpos[i - 1] in ("PRP", "NNP") and v.low[i - 1] not in ("it", "them", "him", "her", "me", "us")
