"""Small pieces several families share."""

from __future__ import annotations

import re

from ficlint.document import RegionKind

WRITING = (RegionKind.NARRATION, RegionKind.DIALOGUE, RegionKind.AUTHOR_NOTE)  # what a writer wrote as prose
PRONOUN_I = re.compile(r"i(?:['’](?:m|ll|ve|d))?")  # the pronoun i, alone or contracted


def capitalized(word: str) -> str:
    return word[:1].upper() + word[1:]
