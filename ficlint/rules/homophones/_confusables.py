"""The confusion sets and patterns of rules/data/confusables.yaml, read once."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ficlint.resources import load_data


@dataclass(frozen=True)
class ConfusionSet:
    members: tuple[str, ...]
    glosses: tuple[str, ...]
    rare: frozenset[str] = frozenset()
    margin: float = 0.0
    before_vowel: frozenset[str] = frozenset()  # members only ever suggested before a vowel letter or h

    @property
    def name(self) -> str:
        return "/".join(self.members)


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: re.Pattern[str]
    fix: str
    explanation: str
    confidence: float
    before: re.Pattern[str] | None = None  # must match the text just before the match

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Matches in `text`, which the caller has lowercased (see `_model.normalize`)."""
        for m in self.regex.finditer(text):
            if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "'"):
                continue  # not at the start of a word
            if self.before is None or self.before.search(text, max(0, m.start() - 60), m.start()):
                yield m


@cache
def confusion_sets() -> tuple[ConfusionSet, ...]:
    """The confusion sets of rules/data/confusables.yaml, in file order."""
    sets = []
    for entry in load_data("confusables")["sets"]:
        entry = dict(entry)
        rare = frozenset(entry.pop("rare", ()))
        margin = float(entry.pop("margin", 0.0))
        before_vowel = frozenset(entry.pop("before_vowel", ()))
        members = tuple(str(word) for word in entry)
        sets.append(ConfusionSet(members, tuple(str(entry[w]) for w in entry), rare, margin, before_vowel))
    return tuple(sets)


@cache
def sets_by_name() -> dict[str, ConfusionSet]:
    return {s.name: s for s in confusion_sets()}


@cache
def glosses() -> dict[str, str]:
    """What each member means, by member."""
    return {word: gloss for s in confusion_sets() for word, gloss in zip(s.members, s.glosses, strict=True)}


@cache
def patterns() -> tuple[Pattern, ...]:
    return tuple(Pattern(p["name"], re.compile(p["pattern"]), p["fix"], p["explanation"],
                         float(p["confidence"]), re.compile(p["before"] + r"\Z") if "before" in p else None)
                 for p in load_data("confusables").get("patterns", ()))


@cache
def region_margins() -> dict[str, float]:
    """The extra margin (nats) the model needs in each kind of region (dialogue, notes)."""
    return {str(k): float(v) for k, v in load_data("confusables").get("extra_margin", {}).items()}
