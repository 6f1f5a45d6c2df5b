"""What checks produce: diagnostics with spans and suggested fixes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    HINT = "hint"

    def __str__(self) -> str:
        return self.value

    def at_least(self, level: str) -> bool:
        """Whether this severity is `level` or graver (error > warning > info > hint)."""
        return _RANK[self.value] >= _RANK[level]


_RANK = {"hint": 0, "info": 1, "warning": 2, "error": 3}


CATEGORIES = ("homophone", "dialogue", "dialect", "tense", "spelling", "punctuation", "capitalization",
              "grammar", "style")


def keep_case(original: str, replacement: str) -> str:
    """`replacement` capitalised like `original` (colour -> Color, COLOUR -> COLOR)."""
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace text[start:end] with `replacement`. Only safe fixes are applied
    by `--fix`; the others need `--unsafe-fixes`."""

    start: int
    end: int
    replacement: str
    safe: bool = True


@dataclass(slots=True)
class Diagnostic:
    """One finding. Checks fill in the rule id, span, message and fixes; the
    engine adds the rule's name, category and the configured severity."""

    rule: str
    start: int
    end: int
    message: str
    fixes: tuple[Fix, ...] = ()
    confidence: float | None = None
    name: str = ""
    category: str = ""
    severity: Severity = Severity.WARNING
    data: dict[str, object] = field(default_factory=dict)

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.rule)
