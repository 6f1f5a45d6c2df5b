"""Rule metadata: what a rule is called, what it catches, and why it matters.

Every rule carries its own documentation (the way ruff documents every rule):
`ficlint explain`, `ficlint rules` and docs/rules.md are generated from it, and
the test suite runs every rule's `flags` and `allows` examples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ficlint.diagnostics import CATEGORIES, Severity

_ID = re.compile(r"^[A-Z]{1,3}\d{3}$|^LT:[A-Z0-9_]+$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Rule:
    id: str  # stable: "M001"
    name: str  # kebab-case: "two-dot-ellipsis"
    category: str
    summary: str  # one line: what it flags
    why: str  # why a writer should care
    flags: tuple[str, ...]  # text the rule must flag; the first is the "bad" example
    allows: tuple[str, ...]  # text the rule must leave alone; the first is the "good" example
    severity: Severity = Severity.WARNING
    fix_safety: str = ""  # when the fix may change meaning
    enabled_by_default: bool = True
    origin: str = "ficlint"  # module or pack file that defines it
    options: dict[str, object] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        problems = []
        if not _ID.match(self.id):
            problems.append(f"id {self.id!r} is not like 'M001'")
        if not _NAME.match(self.name):
            problems.append(f"name {self.name!r} is not kebab-case")
        if self.category not in CATEGORIES:
            problems.append(f"category {self.category!r} is not one of {', '.join(CATEGORIES)}")
        if not self.flags or not self.allows:
            problems.append("needs at least one `flags` and one `allows` example")
        if problems:
            raise ValueError(f"rule {self.id}: " + "; ".join(problems))

    @property
    def bad(self) -> str:
        return self.flags[0]

    @property
    def good(self) -> str:
        return self.allows[0]

    def matches(self, selector: str) -> bool:
        """Does `--select`/`--ignore` SELECTOR name this rule (id, id prefix,
        name, category, or ALL)?"""
        s = selector.strip()
        return (s.upper() == "ALL" or self.id.startswith(s.upper()) or s.lower() == self.name
                or s.lower() == self.category)
