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
    summary="A sentence ends and the next begins with no space between them (`No!I`).",
    why="Without the space the two sentences run together and the reader stumbles.",
    examples=examples(
        ("\"No!I can't leave you.\"", "\"No! I can't leave you.\""),
        ("She left.Then he cried.", "She left. Then he cried."),
    ),
    allows=("\"No! I can't leave you.\"", "They flew to the U.S. on Monday.", "Visit example.com for more.",
            "It was 3.5 miles away."),
)

# Patterns start with what they look for; context before a match is checked in
# Python on the few candidates (a leading lookbehind makes the scan ~10x slower).
_RUN_ON = re.compile(r"(?P<mark>[!?]{2,3}|[.!?])(?P<next>[A-Z][a-z]+|I\b|I['’])")
_ASCII_LETTERS = re.compile(r"[A-Za-z]{2}")
_WORD_BEFORE = re.compile(r"[\w.]+$")
_DOMAIN = re.compile(r"[A-Z][a-z]+\.(?:com|org|net|io|uk)\b")


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    text = doc.text
    for region in doc.regions_of(*WRITING):
        for m in _RUN_ON.finditer(text, region.start, region.end):
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
