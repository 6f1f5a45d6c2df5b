"""Small pieces several families share."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ficlint.check import Context, Facts
from ficlint.document import RegionKind

if TYPE_CHECKING:
    from ficlint.analysis import AnalyzedDocument

WRITING = (RegionKind.NARRATION, RegionKind.DIALOGUE, RegionKind.AUTHOR_NOTE)  # what a writer wrote as prose
PRONOUN_I = re.compile(r"i(?:['’](?:m|ll|ve|d))?")  # the pronoun i, alone or contracted


def capitalized(word: str) -> str:
    return word[:1].upper() + word[1:]


PERIOD_STYLE = 2  # uses of period hyphenations (to-day, to-morrow) that make a manuscript's style


class PeriodStyle(Facts):
    """How often the manuscript hyphenates compounds as edited books of a century ago did
    (to-day, bed-room): such a manuscript is an edition of that time, which writes compounds
    apart on purpose (any thing, up stairs) and punctuates and capitalises as its time did."""

    name = "period-style"

    def gather(self, doc: AnalyzedDocument, ctx: Context) -> int:
        return doc.period_signs

    def combine(self, per_file: list[int], ctx: Context) -> int:
        return sum(n for n in per_file if isinstance(n, int))


# A rule that reads `in_period_style` declares this as its FACTS, so a chapter is judged by its book.
PERIOD_STYLE_FACTS = PeriodStyle()


def in_period_style(doc: AnalyzedDocument, ctx: Context) -> bool:
    """Is the manuscript an edition of a century ago, by its period hyphenations (the whole
    manuscript's when gathered, else this file's)?"""
    signs = ctx.facts(PERIOD_STYLE_FACTS.name)
    if not isinstance(signs, int):
        signs = doc.period_signs
    return signs >= PERIOD_STYLE
