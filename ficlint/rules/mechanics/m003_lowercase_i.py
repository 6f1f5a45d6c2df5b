"""M003 lowercase-i: the pronoun I written as a lowercase `i`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix, Severity
from ficlint.document import Region, RegionKind
from ficlint.rule import Rule, examples
from ficlint.rules.common import WRITING
from ficlint.rules.mechanics._style import written_by_ear, written_in_lowercase

RULE = Rule(
    id="M003",
    name="lowercase-i",
    category="capitalization",
    summary="The pronoun I written as a lowercase `i`.",
    why="The pronoun I is always a capital. A lowercase i looks like a text message, not a story.",
    examples=examples(
        ("This is my second fic, so i hope you enjoy.", "This is my second fic, so I hope you enjoy."),
        ("\"i know it hurts,\" he said.", "\"I know it hurts,\" he said."),
        ("Then i'm leaving.", "Then I'm leaving."),
    ),
    allows=("I hope you enjoy.", "Items (i) and (ii) were missing.", "Bring snacks, i.e. crisps.",
            "Dear sor, dat i wont to tank you. i haf bin sick, so i like to heir wat you tink.",
            "Dear sor, as you haf bin treading mee for a fue weaks, wit mee dat i wont to tank you."),
    severity=Severity.ERROR,
)

# `\bi...` written as `i(?<=\bi)...` (the same matches): a pattern that starts with a letter
# lets the engine skip ahead to the i's instead of trying every position
_LOWER_I = re.compile(r"i(?<=\bi)(?:['’](?:m|ll|ve|d))?(?![\w.)-]|['’](?!m\b|ll\b|ve\b|d\b))")
_NOT_BEFORE_I = re.compile(r"['’(-]|\w\.")
_CAPITAL_I = re.compile(r"\bI\b")
_VOICE_MIN_LOWER_I = 3


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    """Every lowercase pronoun i, except in a paragraph of story text that
    writes i throughout and never I: a character's voice (an unlettered
    letter, a text message), not a slip."""
    for index, found in _lowercase_i_by_paragraph(doc).items():
        voice = len(found) >= _VOICE_MIN_LOWER_I and not _has_capital_i(doc, index)
        if voice or written_in_lowercase(doc, index) or written_by_ear(doc, index):
            found = [(r, m) for r, m in found if r.kind is RegionKind.AUTHOR_NOTE]
        for _, m in found:
            yield Diagnostic(RULE.id, m.start(), m.start() + 1,
                             f"\"{m.group(0)}\": the pronoun I is always a capital.",
                             (Fix(m.start(), m.start() + 1, "I"),))


def _lowercase_i_by_paragraph(doc: AnalyzedDocument) -> dict[int, list[tuple[Region, re.Match[str]]]]:
    text = doc.text
    by_paragraph: dict[int, list[tuple[Region, re.Match[str]]]] = {}
    for region in doc.regions_of(*WRITING):
        for m in _LOWER_I.finditer(text, region.start, region.end):
            if _NOT_BEFORE_I.match(text, max(0, m.start() - 2), m.start()) or \
                    _NOT_BEFORE_I.match(text, max(0, m.start() - 1), m.start()):
                continue
            by_paragraph.setdefault(region.paragraph, []).append((region, m))
    return by_paragraph


def _has_capital_i(doc: AnalyzedDocument, index: int) -> bool:
    para = doc.paragraphs[index]
    return _CAPITAL_I.search(doc.text, para.start, para.end) is not None
