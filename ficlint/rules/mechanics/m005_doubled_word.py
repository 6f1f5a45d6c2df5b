"""M005 doubled-word: the same small word twice in a row (`the the`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.resources import load_data
from ficlint.rule import Rule, examples
from ficlint.rules.common import WRITING

RULE = Rule(
    id="M005",
    name="doubled-word",
    category="grammar",
    summary="The same small word twice in a row (`the the`).",
    why="A doubled word is a classic slip the eye skips over when rereading your own text.",
    examples=examples(
        ("She walked to the the door.", "She walked to the door."),
        ("He gave it to to her.", "He gave it to her."),
    ),
    allows=("\"No, no, no,\" she said.", "What he had had was enough.", "She knew that that was wrong."),
)

_DOUBLED = re.compile(r"\b(?P<first>\w+)(?P<gap>\s+)(?i:(?P=first))\b")


@cache
def doubled_words() -> frozenset[str]:
    """The small words that are never right twice in a row (rules/data/doubled-words.yaml)."""
    return frozenset(str(w).lower() for w in load_data("doubled-words")["words"])


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    words = doubled_words()
    for region in doc.regions_of(*WRITING):
        for m in _DOUBLED.finditer(doc.text, region.start, region.end):
            if m.group("first").lower() not in words:
                continue
            second = m.end("gap")
            yield Diagnostic(RULE.id, m.start(), m.end(), f"\"{m.group('first')}\" twice in a row.",
                             (Fix(m.end("first"), second + len(m.group("first")), ""),))
