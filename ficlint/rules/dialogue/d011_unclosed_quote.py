"""D011 unclosed-quote: a quotation never closed, or a closing quote that closes nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.speech import Quotation, looks_like_closer, read_clause
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic
from ficlint.document import RegionKind
from ficlint.rule import Rule, examples

RULE = Rule(
    id="D011",
    name="unclosed-quote",
    category="dialogue",
    summary="A quotation that is never closed (and is not a speech that continues into the next paragraph).",
    why="A reader needs to know where speech stops. A speech running over several paragraphs leaves each "
        "paragraph open and reopens the next one; any other open quotation is missing its closing mark.",
    examples=examples("\"Come with me, she said.\n\nHe followed her out.",
                      "She said hi.\" He left."),
    allows=("\"Come with me,\" she said.", "\"It was a long night.\n\n\"In the morning we left.\""),
)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    for q in doc.speech:
        if q.region.unclosed:
            yield _never_closed(q)
    yield from _closes_nothing(doc)


def _tag_inside(q: Quotation) -> str:
    """A speech tag inside what reads as one quotation (`"Wait, she said. "Where?"`): the
    words of the tag, or ""."""
    inner = q.inner
    for m in _TAG_INSIDE.finditer(inner):
        words = m.group(2).split()
        reading = read_clause(words)
        if reading.kind == "tag" and reading.subject in ("pronoun", "I", "name"):
            return m.group(2)
    return ""


_TAG_INSIDE = re.compile(r"([,!?])\s+((?:[A-Za-z]+\s+){1,2}[a-z]+)(?=[.,]\s)")


def _never_closed(q: Quotation) -> Diagnostic:
    first = q
    while first.previous is not None:
        first = first.previous
    tag = _tag_inside(first) or _tag_inside(q)
    if tag:
        start = first.region.start
        message = (f"A speech tag (\"{tag}\") stands inside the quotation: the closing quote before it is "
                   "missing (`\"Wait,\" she said. \"Where?\"`).")
    elif q.region.open_quote == "\"" and looks_like_closer(q.doc.text, q.region.start):
        first = q
        while first.previous is not None:
            first = first.previous
        start = first.region.start
        message = ("The quotation marks of this paragraph don't pair up: a quote is missing between "
                   "here and the paragraph's end.")
    else:
        start = q.region.start
        message = ("This quotation is never closed: add the closing quote where the speech ends. (A speech "
                   "running on into the next paragraph is fine: the next paragraph then opens with a quote.)")
    return Diagnostic(RULE.id, start, start + 1, message)


def _closes_nothing(doc: AnalyzedDocument) -> Iterator[Diagnostic]:
    """A paragraph whose first quote mark closes a speech, when no speech was
    left open before it (`She said hi." He left.`)."""
    left_open = False
    for region in doc.regions:
        if region.kind is not RegionKind.DIALOGUE:
            continue
        opens_paragraph = region.start == doc.paragraphs[region.paragraph].start
        if not region.open_quote and region.close_quote and opens_paragraph and not left_open:
            close = region.end - 1
            yield Diagnostic(RULE.id, close, region.end, _closing_message(doc.text, close))
        left_open = not region.close_quote


def _closing_message(text: str, close: int) -> str:
    """A closing quote glued to the word after it, with a space or a comma before it
    (`he said,”just a whim`), is an opening quote turned the wrong way."""
    before, after = text[close - 1:close], text[close + 1:close + 2]
    if after.isalpha() and (before.isspace() or before in ",:;"):
        space = "" if before.isspace() else " (and a space before it)"
        return f"This quote is turned the wrong way: it opens the speech after it, so use the opening quote{space}."
    return "This closing quote has no opening quote: add the opening quote where the speech begins."
