"""D003 missing-comma-before-tag: no comma before the closing quote when a speech tag follows."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.dialogue._common import (
    PERIOD_FACTS,
    PERIOD_WHY,
    followed,
    is_capitalized_pronoun,
    period_edition,
)

RULE = Rule(
    id="D003",
    name="missing-comma-before-tag",
    category="dialogue",
    summary="No comma before the closing quote when a speech tag follows (`\"Meet you there\" she said`).",
    why="A quotation followed by a speech tag ends with a comma (or ? or !) inside the closing quote: "
        "`\"Meet you there,\" she said.` Without it the words run straight into the tag."
        + PERIOD_WHY.replace("is left", "is left without a comma"),
    examples=examples(
        ("\"Meet you there\" she said.", "\"Meet you there,\" she said."),
        ("\"Meet you there\" She said.", "\"Meet you there,\" she said."),
        ("'Meet you there' said the Mole.", "'Meet you there,' said the Mole."),
        ("\"Where are you going\" he asked.", "\"Where are you going?\" he asked."),
    ),
    allows=("\"Meet you there,\" she said.", "She called it \"nonsense\" and left.",
            "\"Meet you there\" was all she said."),
    fix_safety="Safe: a comma is added before the closing quote (and a capitalized pronoun lowered).",
)

FACTS = PERIOD_FACTS


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    text = doc.text
    period: bool | None = None
    for q in followed(doc):
        after = q.follows
        if q.last_mark != "letter" or after.kind != "tag" or q.quoted_phrase or q.is_label:
            continue
        if not q.asks:  # a question without its mark is a slip in any edition
            if period is None:
                period = period_edition(doc, ctx)
            if period:
                continue  # `"Nothing" said Margaret`: the house style of its time
        close = q.region.end - 1
        first = after.words[0]
        capital = is_capitalized_pronoun(first)
        shown = first.lower() if capital else first
        mark = "?" if q.asks else ","
        replacement = mark + text[close:after.first_start] + shown[0]
        extra = f" and the tag stays lowercase (\"{shown}\")" if capital else ""
        what = "a question mark (it asks something)" if q.asks else "a comma"
        yield Diagnostic(RULE.id, close, after.first_end,
                         f"A speech tag follows, so the speech ends with {what} before the closing "
                         f"quote{extra}: `{mark}{text[close:after.first_start]}{shown}`.",
                         (Fix(close, after.first_start + 1, replacement),))
