"""M007 doubled-comma: two commas where one is meant (`Lucas,, and Will`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.common import WRITING

RULE = Rule(
    id="M007",
    name="doubled-comma",
    category="punctuation",
    summary="Two commas in a row (`Mike, Lucas,, and Will`).",
    why="A comma is one mark; two in a row are a slip of the finger that a reader trips over.",
    examples=examples(
        ("Mike, Lucas,, and Will came too.", "Mike, Lucas, and Will came too."),
        ("She slept, for once, , until noon.", "She slept, for once, until noon."),
    ),
    allows=("Mike, Lucas, and Will came too.", "The values were 1,,2 in the file."),
    fix_safety="Safe: one comma is kept.",
)

_DOUBLED = re.compile(r",(?:[ \t]*,)+")


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    text = doc.text
    for region in doc.regions_of(*WRITING):
        for m in _DOUBLED.finditer(text, region.start, region.end):
            if text[m.start() - 1:m.start()].isdigit() and text[m.end():m.end() + 1].isdigit():
                continue  # data, not prose
            yield Diagnostic(RULE.id, m.start(), m.end(), "Two commas in a row: one is enough.",
                             (Fix(m.start(), m.end(), ","),))
