"""D017 comma-after-question-or-exclamation: a comma after the closing quote of speech that ends with
`?` or `!` (`"Go for a walk!", Ron said`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.speech import read_clause
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.dialogue._common import closed

RULE = Rule(
    id="D017",
    name="comma-after-question-or-exclamation",
    category="dialogue",
    summary="A comma after the closing quote of speech that ends with `?` or `!` (`\"Why?\", he asked`).",
    why="A question mark or an exclamation mark before the closing quote already does the comma's work of "
        "joining the speech to its tag: `\"Why?\" he asked.`, `\"Go for a walk!\" Ron said.` A comma after "
        "the quote as well is one mark too many.",
    examples=examples(
        ("\"Why?\", he asked.", "\"Why?\" he asked."),
        ("\"Go for a walk!\", said Ron.", "\"Go for a walk!\" said Ron."),
    ),
    allows=("\"Why?\" he asked.", "\"Why,\" he asked, \"not?\"", "She shouted \"Fire!\", and everyone ran."),
    fix_safety="Safe: only the comma after the closing quote goes.",
)

_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    text = doc.text
    for q in closed(doc):
        comma = q.region.end
        if q.last_mark not in ("?", "!") or text[comma:comma + 1] != "," or q.quoted_phrase or q.is_label:
            continue
        if not _tag_follows(text, comma + 1, doc.paragraphs[q.region.paragraph].end):
            continue  # `She shouted "Fire!", and everyone ran`: the narration's own comma
        quote = q.region.close_quote
        yield Diagnostic(RULE.id, comma, comma + 1,
                         f"The speech ends with \"{q.last_mark}\", which joins it to the tag: no comma "
                         f"after the closing quote (`{q.last_mark}{quote} `).",
                         (Fix(comma, comma + 1, ""),))


def _tag_follows(text: str, start: int, end: int) -> bool:
    """Is the clause after the comma a speech tag (`he asked`, `said Ron`, `Ron had said`)?"""
    words = _WORDS.findall(text[start:min(end, start + 80)].split(",")[0].split(".")[0])
    return bool(words) and read_clause(words[:8]).kind in ("tag", "inverted")
