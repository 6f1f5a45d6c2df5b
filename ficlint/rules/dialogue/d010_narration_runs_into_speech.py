"""D010 narration-runs-into-speech: narration that runs into a quotation without any punctuation."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.dialogue._common import PERIOD_FACTS, PERIOD_WHY, opened, period_edition

RULE = Rule(
    id="D010",
    name="narration-runs-into-speech",
    category="dialogue",
    summary="Narration that runs into a quotation without any punctuation (`at Derek \"get over it?\"`).",
    why="When narration introduces speech it ends first - with a full stop for an action "
        "(`She glared at Derek. \"Get over it?\"`) or a comma for a tag (`She said, \"Get over it.\"`)."
        + PERIOD_WHY,
    examples=examples(
        ("Karen looked at Derek \"Get over it? Is that all you can say?\" she asked.",
         "Karen looked at Derek. \"Get over it? Is that all you can say?\" she asked."),
        ("She pulled away from his grip \"Why would you say that?\" Her eyes flashed.",
         "She pulled away from his grip. \"Why would you say that?\" Her eyes flashed."),
    ),
    allows=("Karen looked at Derek. \"Get over it?\"", "She called it \"nonsense!\" and left.",
            "He shouted \"Fire!\" and everyone ran.", "The sign read \"Keep Out. Private Land.\""),
    fix_safety="Unsafe: the narration may want a full stop or a comma.",
)

FACTS = PERIOD_FACTS


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    if period_edition(doc, ctx):
        return  # `and say to the world "Well, what about it!"`: the house style of its time
    text = doc.text
    for q in opened(doc):
        if q.glued_before or not q.runs_into:
            continue
        start = q.region.start
        space = start - 1
        fix = ". " if text[q.region.inner_start:q.region.inner_start + 1].isupper() else ", "
        yield Diagnostic(RULE.id, space, start + 1,
                         "The narration runs into the quotation with no punctuation: end it with a full stop "
                         "before the speech (`at Derek. \"Get over it?\"`), or a comma if it introduces the "
                         "speech (`She said, \"Get over it.\"`).",
                         (Fix(space, space + 1, fix, safe=False),))
