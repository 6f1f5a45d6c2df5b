"""D008 space-inside-quote: a space just inside a quotation mark."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.dialogue._common import closed, opened

RULE = Rule(
    id="D008",
    name="space-inside-quote",
    category="dialogue",
    summary="A space just inside a quotation mark (`\" I'm`).",
    why="Quotation marks hug the words they enclose; a space inside makes the quote look detached, and an "
        "editor or e-book converter may turn it the wrong way round.",
    examples=examples(
        ("\" I'm not blaming myself!\"", "\"I'm not blaming myself!\""),
        ("\"I'm not blaming myself! \" she said.", "\"I'm not blaming myself!\" she said."),
    ),
    allows=("\"I'm not blaming myself!\"", "\"... and then?\""),
    fix_safety="Safe: the space is removed.",
)

_SPACE_THEN_WORD = re.compile(r"[ \t]+(?=[^\W_])")


def _free_standing(doc: AnalyzedDocument, mark: int) -> bool:
    """Does the quotation mark at `mark` stand between spaces in the middle of a line, in a
    paragraph whose double quotes mix straight and curly marks (`works." “ Angelina countered`)?
    There the marks pair up by guess, and which side of this one is inside cannot be told: it
    may close the speech before it as well as open the words after it."""
    text = doc.text
    if not (0 < mark < len(text) - 1 and text[mark - 1] in " \t" and text[mark + 1] in " \t"):
        return False
    para = doc.paragraph_at(mark)
    body = text[para.start:para.end] if para else ""
    return '"' in body and ("“" in body or "”" in body)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    text = doc.text
    found: list[Diagnostic] = []
    for q in opened(doc):
        inner = q.region.inner_start
        m = _SPACE_THEN_WORD.match(text, inner, q.region.end)
        if m and not _free_standing(doc, inner - 1):
            found.append(Diagnostic(RULE.id, inner, m.end(),
                                    "A space just inside the opening quote: quotation "
                                    "marks hug the words they enclose.", (Fix(inner, m.end(), ""),)))
    for q in closed(doc):
        end = q.region.inner_end
        if end - 2 >= q.region.inner_start and text[end - 1] in " \t" and not text[end - 2].isspace() \
                and not _free_standing(doc, end):
            found.append(Diagnostic(RULE.id, end - 1, end, "A space just inside the closing quote: quotation "
                                    "marks hug the words they enclose.", (Fix(end - 1, end, ""),)))
    yield from sorted(found, key=lambda d: d.start)
