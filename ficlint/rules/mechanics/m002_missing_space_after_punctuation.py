"""M002 missing-space-after-punctuation: a sentence runs into the next with no space (`No!I`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.sentences import ABBREVIATIONS
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.common import WRITING

RULE = Rule(
    id="M002",
    name="missing-space-after-punctuation",
    category="punctuation",
    summary="No space after a sentence's end, a comma or a title's full stop (`No!I`, `books,old`, "
            "`Mr.Potter`).",
    why="Without the space the words run together and the reader stumbles.",
    examples=examples(
        ("\"No!I can't leave you.\"", "\"No! I can't leave you.\""),
        ("She left.Then he cried.", "She left. Then he cried."),
        ("It smelled of polish,old books and rain.", "It smelled of polish, old books and rain."),
        ("Not Mr.Potter, surely.", "Not Mr. Potter, surely."),
        ("They went back to St.Mungo's.", "They went back to St. Mungo's."),
    ),
    allows=("\"No! I can't leave you.\"", "They flew to the U.S. on Monday.", "Visit example.com for more.",
            "It was 3.5 miles away.", "It cost 1,000 pounds.", "He read J.K. Rowling."),
    fix_safety="Safe: a space is added.",
)

# Patterns start with what they look for; context before a match is checked in
# Python on the few candidates (a leading lookbehind makes the scan ~10x slower).
# the mark is "." or one to three of "!?" (longest first); written to start with the one class
# every match starts with, which lets the regex engine skip ahead to the marks
_RUN_ON = re.compile(r"(?P<mark>[.!?](?:(?<=[!?])[!?]{1,2})?)(?P<next>[A-Z][a-z]+|I\b|I['’])")
_ASCII_LETTERS = re.compile(r"[A-Za-z]{2}")
_WORD_BEFORE = re.compile(r"[\w.]+$")
_DOMAIN = re.compile(r"[A-Z][a-z]+\.(?:com|org|net|io|uk)\b")


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    """Each pattern scans the whole text once; its rare hits are kept where the writer's prose is."""
    found = [*_after_comma(doc.text, 0, len(doc.text)), *_after_title(doc.text, 0, len(doc.text)),
             *_run_on(doc.text, 0, len(doc.text))]
    for d in sorted(found, key=lambda d: d.start):
        if doc.kind_at(d.start) in WRITING:
            yield d


def _run_on(text: str, start: int, end: int) -> Iterator[Diagnostic]:
    """`No!I`, `left.Then`: a sentence's end and the next sentence's first word with no space."""
    for m in _RUN_ON.finditer(text, start, end):
        if not _ASCII_LETTERS.fullmatch(text, max(0, m.start() - 2), m.start()):
            continue
        if m.group("mark") == "." and (_after_abbreviation(text, m.start())
                                       or _looks_like_domain(text, m.start(), m.end("next"))):
            continue
        at = m.end("mark")
        yield Diagnostic(RULE.id, m.start(), m.start("next") + 1,
                         f"No space after \"{m.group('mark')}\": the next sentence runs into this one.",
                         (Fix(at, at, " "),))


def _after_abbreviation(text: str, dot: int) -> bool:
    before = _WORD_BEFORE.search(text, max(0, dot - 15), dot)
    return bool(before) and before.group(0).lower().rstrip(".") in ABBREVIATIONS


def _looks_like_domain(text: str, start: int, end: int) -> bool:
    return bool(_DOMAIN.match(text[max(0, start - 20):end + 5]))


_COMMA_THEN_WORD = re.compile(r",(?=[^\W\d_]{2})")
_TITLE_THEN_NAME = re.compile(r"(?:Mr|Mrs|Ms|Mx|Dr|St|Prof|Capt|Sgt|Lt|Rev)\.(?=[A-Z][a-z])")


def _after_comma(text: str, start: int, end: int) -> Iterator[Diagnostic]:
    """`polish,old books`: a word, a comma, and the next word with no space (a space
    before the comma is the space-before-punctuation rule's)."""
    for m in _COMMA_THEN_WORD.finditer(text, start, end):
        before = text[m.start() - 1:m.start()]
        if not (before.isalpha() or before in "*_)’”\"'"):
            continue
        at = m.end()
        yield Diagnostic(RULE.id, m.start(), at + 1, "No space after the comma: the next word runs into it.",
                         (Fix(at, at, " "),))


def _after_title(text: str, start: int, end: int) -> Iterator[Diagnostic]:
    """`Mr.Potter`, `St.Mungo's`: a title's full stop and the name with no space."""
    for m in _TITLE_THEN_NAME.finditer(text, start, end):
        if m.start() > 0 and text[m.start() - 1].isalnum():
            continue  # "Mst.Name" is no title
        at = m.end()
        yield Diagnostic(RULE.id, m.start(), at + 1,
                         f"No space after \"{m.group(0)}\": a title and the name are two words.",
                         (Fix(at, at, " "),))
