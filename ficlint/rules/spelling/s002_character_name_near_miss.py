"""S002 character-name-near-miss: a one-off spelling of a name the story spells another way elsewhere."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.spelling._common import is_capitalised, judged, near_name
from ficlint.rules.spelling._facts import VOCABULARY

RULE = Rule(
    id="S002",
    name="character-name-near-miss",
    category="spelling",
    summary="A one-off spelling of a name the story spells another way elsewhere (`Dereck` for `Derek`).",
    why="Readers notice a character's name spelt two ways at once, and a search for the name misses it.",
    examples=examples(
        ("Derek knocked. Karen let Derek in, and Derek sat down. She gave Derek tea; Derek drank it. "
         "Then Dereck left.",
         "Derek knocked. Karen let Derek in, and Derek sat down. She gave Derek tea; Derek drank it. "
         "Then Derek left."),
    ),
    allows=("Derek knocked. Karen let Derek in, and Derek sat down. She gave Derek tea; Derek drank it. "
            "Then Derek left.",
            "Hullo, said Tom. Hullo, said Ann. Hullo, said Bob. Hullo, said Jim. Hullo, said Sue. Hulloa!"),
    fix_safety="Unsafe: a second character may really have the similar name.",
)
FACTS = VOCABULARY


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    for occ, manuscript in judged(doc, ctx):
        if not is_capitalised(occ.word):
            continue
        name = near_name(occ.word, manuscript)
        if name:
            yield Diagnostic(RULE.id, occ.start, occ.end,
                             f"\"{occ.word}\": everywhere else the story spells this name \"{name}\""
                             f" ({manuscript.capitalised[name]} times).",
                             (Fix(occ.start, occ.end, name, safe=False),), confidence=0.7)
