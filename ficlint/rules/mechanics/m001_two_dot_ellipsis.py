"""M001 two-dot-ellipsis: two dots where an ellipsis (three dots) is meant."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.common import WRITING

RULE = Rule(
    id="M001",
    name="two-dot-ellipsis",
    category="punctuation",
    summary="Two dots where an ellipsis (three dots) is meant.",
    why="An ellipsis has three dots. Two dots read as a typo and make the pause look accidental.",
    examples=examples(
        ("\"stop it..stop crying,\" she said.", "\"stop it...stop crying,\" she said."),
        ("You're not alone.. that is what you need.", "You're not alone... that is what you need."),
        ("She waited… and waited.. then left.", "She waited… and waited… then left."),
    ),
    allows=("\"stop it... stop crying,\" she said.", "She waited… and waited.",
            "Go up one folder with cd ../notes.", "Pages 1..10 were torn."),
    fix_safety="Safe: the replacement keeps the manuscript's own ellipsis style (… or ...).",
)

_TWO_DOTS = re.compile(r"\.\.(?![.…/\\])")


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    text = doc.text
    ellipsis = "…" if text.count("…") > text.count("...") else "..."
    for region in doc.regions_of(*WRITING):
        for m in _TWO_DOTS.finditer(text, region.start, region.end):
            if m.start() > 0 and text[m.start() - 1] in ".…" or _is_number_range(text, m.start()):
                continue
            message = f"Two dots: an ellipsis has three (\"{ellipsis}\")."
            yield Diagnostic(RULE.id, m.start(), m.end(), message, (Fix(m.start(), m.end(), ellipsis),))


def _is_number_range(text: str, at: int) -> bool:
    """`1..10`: a range, not an ellipsis."""
    return text[at - 1:at].isdigit() and text[at + 2:at + 3].isdigit()
