"""The homophone family's own data in rules/data/confusables.yaml: the hand-written
patterns of H002 and the extra margin each kind of region needs. (The confusion sets,
their classes and the phrases are shared: ficlint/analysis/confusables.py.)"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ficlint.resources import load_data


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: re.Pattern[str]
    fix: str
    explanation: str
    confidence: float
    before: re.Pattern[str] | None = None  # must match the text just before the match
    unless_before: re.Pattern[str] | None = None  # must not match it

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Matches in `text`, which the caller has lowercased with straight apostrophes."""
        for m in self.regex.finditer(text):
            if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "'"):
                continue  # not at the start of a word
            if self.before is not None and not self.before.search(text, max(0, m.start() - 60), m.start()):
                continue
            if self.unless_before is None or not self.unless_before.search(text, max(0, m.start() - 60),
                                                                           m.start()):
                yield m


@cache
def patterns() -> tuple[Pattern, ...]:
    return tuple(Pattern(p["name"], re.compile(p["pattern"]), p["fix"], p["explanation"],
                         float(p["confidence"]), _before(p, "before"), _before(p, "unless_before"))
                 for p in load_data("confusables").get("patterns", ()))


def _before(pattern: dict, key: str) -> re.Pattern[str] | None:
    return re.compile(pattern[key] + r"\Z") if key in pattern else None


@cache
def region_margins() -> dict[str, float]:
    """The extra margin (nats) the model needs in each kind of region (dialogue, notes)."""
    return {str(k): float(v) for k, v in load_data("confusables").get("extra_margin", {}).items()}
