"""D012 american-punctuation-placement: a full stop or comma outside the closing quote in American English."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.dialect._facts import DIALECT
from ficlint.rules.dialogue._common import followed, is_american

RULE = Rule(
    id="D012",
    name="american-punctuation-placement",
    category="dialogue",
    summary="A full stop or comma outside the closing quote where the dialect is American (`\"Go\".`).",
    why="American English puts full stops and commas inside the closing quote, always: `He said \"Go.\"` "
        "British English puts them where the sense puts them, so this rule only runs for en-US.",
    examples=examples(
        ("He whispered one word: \"Go\".", "He whispered one word: \"Go.\""),
        ("They called it \"the barn\", though it was a house.",
         "They called it \"the barn,\" though it was a house."),
    ),
    allows=("He whispered one word: \"Go.\"", "Was it \"Go\"?", "He said \"Go\"..."),
    fix_safety="Safe: the mark moves inside the quote.",
    options={"examples_config": {"dialect": "en-US"}},
)
FACTS = DIALECT  # the manuscript's dialect, gathered even when the dialect rule is not selected


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    if not is_american(ctx):
        return
    text = doc.text
    for q in followed(doc):
        outside = q.region.end
        if q.last_mark != "letter" or outside >= len(text) or text[outside] not in ".," \
                or text[outside:outside + 2] == "..":
            continue
        mark = text[outside]
        quote = q.region.close_quote
        yield Diagnostic(RULE.id, outside, outside + 1,
                         f"In American English the {'full stop' if mark == '.' else 'comma'} goes inside the "
                         f"closing quote: `{mark}{quote}`.",
                         (Fix(q.region.end - len(quote), outside + 1, mark + quote),))
