"""D008 space-inside-quote: a space just inside a quotation mark."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.speech import Quotation, looks_like_closer
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
        ("\"I have news,\" the Captain took out a letter,\" Said your wife is home.\"",
         "\"I have news,\" the Captain took out a letter, \"Said your wife is home.\""),
    ),
    allows=("\"I'm not blaming myself!\"", "\"... and then?\"", "\"Go,\" he said, \"now.\" She went.",
            "\"He told me, 'I made a fool of myself.' \""),
    fix_safety="Safe: the space is removed; unsafe for an opening quote set like a closing one, whose "
               "space is moved before it (the quotes' pairing is a guess there).",
)

_SPACE_THEN_WORD = re.compile(r"[ \t]+(?=[^\W_])")


# A quotation inside the speech opens with a single quote after a space or the speech's start (right
# after its opening quote: a search from the speech's inner start never matches "^" there)
_NESTED_OPENER = re.compile(r"‘|(?:^|(?<=[\s\"“]))'(?=[^\W\d_])")


def _nested_closer(text: str, inner: int, mark: int) -> bool:
    """Is the mark before the space the closing single quote of a quotation inside the speech
    (`'...myself.' "`)? Typesetters set a space between two closing quotes, so the reader sees two;
    an apostrophe ending a word (`goin' "`) has no opening quote before it."""
    return text[mark] in "'’" and _NESTED_OPENER.search(text, inner, mark) is not None


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


def _set_as_closer(doc: AnalyzedDocument, q: Quotation) -> Diagnostic | None:
    """An opening straight quote set the way a closing one is, glued to the narration before it and
    with a space after (`his pocket," Said your wife`), in a paragraph whose quotes pair up: the
    quotation it opens ends in a real closing quote, as does the one before it. The space belongs
    outside the quote."""
    text = doc.text
    start = q.region.start
    m = _SPACE_THEN_WORD.match(text, start + 1, q.region.end)
    if m is None or q.region.close_quote != '"' or not looks_like_closer(text, q.region.end - 1) \
            or q.previous is None or not _really_closed(text, q.previous) or text[start - 1] not in ",;:":
        return None
    return Diagnostic(RULE.id, start, m.end(),
                      "The opening quote is set like a closing one, against the narration with a space "
                      "after it: the space goes before the quote, and the quote hugs the speech.",
                      (Fix(start, m.end(), ' "', safe=False),))


def _really_closed(text: str, q: Quotation) -> bool:
    """Does the quotation end in a curly closing quote, or a straight one set as a closer?"""
    close = q.region.close_quote
    return close == "”" or close == '"' and looks_like_closer(text, q.region.end - 1)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    text = doc.text
    found: list[Diagnostic] = []
    found.extend(d for q in doc.speech if q.opening_misplaced and (d := _set_as_closer(doc, q)))
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
                and not _free_standing(doc, end) and not _nested_closer(text, q.region.inner_start, end - 2):
            found.append(Diagnostic(RULE.id, end - 1, end, "A space just inside the closing quote: quotation "
                                    "marks hug the words they enclose.", (Fix(end - 1, end, ""),)))
    yield from sorted(found, key=lambda d: d.start)
