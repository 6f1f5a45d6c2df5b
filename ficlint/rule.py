"""Rule metadata: what a rule is called, what it catches, and why it matters.

Every rule carries its own documentation (the way ruff documents every rule):
`ficlint explain`, `ficlint rules` and docs/rules.md are generated from it, and
the test suite runs every rule's examples: each `bad` text must be flagged and,
where the example gives the `fixed` text, applying the rule's fixes to `bad`
must give exactly that; each `allows` text must be left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from ficlint.diagnostics import CATEGORIES, Severity

_ID = re.compile(r"^[A-Z]{1,3}\d{3}$|^LT:[A-Z0-9_]+$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Example(NamedTuple):
    """Text the rule must flag, and the text its fixes give (None: it has no fix)."""

    bad: str
    fixed: str | None = None


def examples(*pairs: tuple[str, str | None] | str) -> tuple[Example, ...]:
    """(bad, fixed) pairs as Examples; a bare string is a bad text without a fix."""
    return tuple(Example(p) if isinstance(p, str) else Example(*p) for p in pairs)


@dataclass(frozen=True)
class Rule:
    id: str  # stable: "M001"
    name: str  # kebab-case: "two-dot-ellipsis"
    category: str
    summary: str  # one line: what it flags
    why: str  # why a writer should care
    examples: tuple[Example, ...]  # what the rule must flag, with the fixed text
    allows: tuple[str, ...]  # text the rule must leave alone
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
        if not self.examples or not self.allows:
            problems.append("needs at least one `flags` example (text it must flag) and one `allows` example")
        if problems:
            raise ValueError(f"rule {self.id}: " + "; ".join(problems))

    @property
    def flags(self) -> tuple[str, ...]:
        """The texts the rule must flag."""
        return tuple(e.bad for e in self.examples)

    def matches(self, selector: str) -> bool:
        """Does `--select`/`--ignore` SELECTOR name this rule (id, id prefix,
        name, category, or ALL)?"""
        return selects(selector, self.id, self.name, self.category)


def selects(selector: str, rule_id: str, name: str, category: str) -> bool:
    """Does a selector (id, id prefix, name, category or ALL) name the rule with this id, name
    and category? One answer for ficlint's rules, pack rules, LanguageTool's and inline comments."""
    s = selector.strip()
    return s.upper() == "ALL" or rule_id.startswith(s.upper()) or s.lower() in (name, category)


def specificity(selector: str, rule_id: str, name: str, category: str) -> int:
    """How precisely a selector names a rule: id or name, then the longest id prefix, then the
    category, then ALL (for `severity:`, where the most specific entry wins)."""
    s = selector.strip()
    if s.upper() == rule_id or s.lower() == name:
        return 1000
    if s.upper() == "ALL":
        return 0
    if s.lower() == category:
        return 1
    return 1 + len(s)  # an id prefix: longer is more specific
