"""D009 no-space-around-quote: narration glued to a quotation, before or after it."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.speech import Quotation
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.dialogue._common import closed, opened

RULE = Rule(
    id="D009",
    name="no-space-around-quote",
    category="dialogue",
    summary="Narration glued to a quotation: no space before the opening quote (`his arm\"Derek!\"`) or "
            "after the closing one (`\"Hi,\"she said`).",
    why="A quotation is set off from the narration by a space on the outside. Without it the narration "
        "runs into the speech, and usually a full stop is missing too: `She slapped his arm. \"Derek!\"`",
    examples=examples(
        ("Karen playfully slapped his arm\"Derek!\"", "Karen playfully slapped his arm. \"Derek!\""),
        ("\"Hi,\"she said.", "\"Hi,\" she said."),
        ("She smiled.\"Hi.\"", "She smiled. \"Hi.\""),
    ),
    allows=("Karen playfully slapped his arm. \"Derek!\"", "\"Hi,\" she said.",
            "\"Hi\"--she said--\"there.\""),
    fix_safety="Unsafe: a full stop and a space are added before an opening quote; check whether a comma "
               "fits better.",
)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    found = [_glued_before(q) for q in opened(doc) if q.glued_before]
    found.extend(_glued_after(q) for q in closed(doc) if q.follows.kind == "glued")
    yield from sorted(found, key=lambda d: d.start)


def _glued_before(q: Quotation) -> Diagnostic:
    start = q.region.start
    if q.doc.text[start - 1].isalnum():
        message = ("No space before the opening quote: the narration runs into the speech. End the narration "
                   "first, usually with a full stop and a space (`his arm. \"Derek!\"`).")
        fix = Fix(start, start, ". ", safe=False)
    else:
        message = "No space before the opening quote: put a space between the narration and the speech."
        fix = Fix(start, start, " ", safe=True)
    return Diagnostic(RULE.id, start, start + 1, message, (fix,))


def _glued_after(q: Quotation) -> Diagnostic:
    close = q.region.end - 1
    return Diagnostic(RULE.id, close, q.region.end + 1,
                      "No space after the closing quote: put a space between the speech and the narration.",
                      (Fix(q.region.end, q.region.end, " "),))
