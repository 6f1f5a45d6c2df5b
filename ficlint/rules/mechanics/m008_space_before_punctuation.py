"""M008 space-before-punctuation: a space before a comma, full stop, ?, !, ; or : (`Why not ?`)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.document import Region
from ficlint.rule import Rule, examples
from ficlint.rules.common import WRITING

RULE = Rule(
    id="M008",
    name="space-before-punctuation",
    category="punctuation",
    summary="A space before a comma, full stop, question mark, exclamation mark, semicolon or colon "
            "(`Zoro , you stay`, `Why not ?`).",
    why="In English these marks sit right against the word before them. A space before `?`, `!`, `;` or `:` "
        "is French typesetting, and a space before a comma or full stop is a slip; either way a line break "
        "can strand the mark at the start of a line.",
    examples=examples(
        ("Sanji, food. Zoro , you stay.", "Sanji, food. Zoro, you stay."),
        ("Why not ? Why not now ?", "Why not? Why not now?"),
        ("“Tina ! Tina !” he cried.", "“Tina! Tina!” he cried."),
        ("He had one rule : never look back.", "He had one rule: never look back."),
        ("They were ,in fact, late.", "They were, in fact, late."),
    ),
    allows=("Why not? Why not now?", "She waited . . . and left.", "Thanks for reading :) See you!",
            "It cost $3 .50 at the time.", "He said ... nothing.", "So I *said* .", "? ? ?",
            "We need to talk ;)"),
    fix_safety="Safe: the space is removed.",
)

# Spaces then the mark, and after the mark a space or the end (what stands before the spaces, a word,
# a closing bracket or quote, is checked in Python: a leading lookbehind slows the scan tenfold).
# `[ \t][ \t]*`, not `[ \t]+`: a pattern that starts with a class lets the engine skip ahead to it.
_SPACED = re.compile(r"([ \t][ \t]*)([,.?!;:]+)(?=[\s\"'”’)\]*_]|$|(?<=,)[^\W\d_])")
_EMOTICON_AFTER = re.compile(r"[-']?[()\[\]DPpOo3/|\\*]")


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    text = doc.text
    for m in _spaced(text, doc.regions_of(*WRITING)):
        before = text[m.start() - 1:m.start()]
        if not (before.isalnum() or before in ")]’”"):
            continue
        marks = m.group(2)
        if marks.startswith("..") or marks == "." and _spaced_ellipsis(text, m.start(2)):
            continue  # an ellipsis set off with spaces is a style: "He said ... nothing."
        if marks[0] in ":;" and _EMOTICON_AFTER.match(text, m.end(2)):
            continue
        if marks == "." and text[m.end(2):m.end(2) + 1].isdigit():
            continue
        # "were ,in fact": the space belongs after the comma
        moved = marks == "," and text[m.end(2):m.end(2) + 1].isalpha()
        fix = Fix(m.start(1), m.end(2), ", ") if moved else Fix(m.start(1), m.end(1), "")
        yield Diagnostic(RULE.id, m.start(1), m.end(2),
                         f"A space before \"{marks}\": in English the mark sits right against the word "
                         "before it.", (fix,))


_SPACE_MARKS = tuple(space + mark for space in " \t" for mark in ",.?!;:")


def _spaced(text: str, regions: list[Region]) -> Iterator[re.Match[str]]:
    """What `_SPACED.finditer(text, region.start, region.end)` finds in each region, in order: a
    space before a mark is rare, so each pair is found with str.find over the whole text (instead
    of the pattern tried at every space) and the pattern matched at the start of its run of spaces,
    which is where the scan would have found it (no match there, none later in the run)."""
    runs: set[int] = set()
    for pair in _SPACE_MARKS:
        at = text.find(pair)
        while at >= 0:
            runs.add(at)
            at = text.find(pair, at + 1)
    if not runs:
        return
    starts = [r.start for r in regions]
    taken = -1
    for at in sorted(runs):
        i = bisect_right(starts, at) - 1
        if i < 0 or at + 1 >= regions[i].end:  # the mark must lie inside the region
            continue
        region = regions[i]
        run = at
        while run > region.start and text[run - 1] in " \t":
            run -= 1
        if run <= taken:
            continue  # the same run as the last match, or inside it
        m = _SPACED.match(text, run, region.end)
        if m is not None:
            taken = m.end() - 1
            yield m


def _spaced_ellipsis(text: str, dot: int) -> bool:
    """A dot of a spaced ellipsis or of a row of leader dots (`His son .  .  .  Dr. Gould`)."""
    return text[dot + 1:dot + 6].lstrip(" \t")[:1] == "." or text[max(0, dot - 2):dot] in (". ", ".\t")
