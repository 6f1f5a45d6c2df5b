"""The contract between the engine and the checks.

A check reads a Document and yields Diagnostics. It never prints, never reads
files and never knows the output format. A check that needs to see the whole
manuscript first (the dialect majority, the names a story uses) gathers facts
from every file in `gather`, the engine `combine`s them, and `check` finds
them in `ctx.facts(self.family)`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from ficlint.diagnostics import Diagnostic
from ficlint.rule import Rule

if TYPE_CHECKING:
    from ficlint.config import Config
    from ficlint.document import Document


@dataclass
class Context:
    """What a check may know beyond its document."""

    config: Config
    enabled: frozenset[str] = frozenset()  # ids of the rules that are on for this file
    manuscript: dict[str, Any] = field(default_factory=dict)  # combined facts, by check family

    def is_enabled(self, rule_id: str) -> bool:
        return rule_id in self.enabled

    def facts(self, family: str) -> Any:
        return self.manuscript.get(family)


class Check:
    """Base class of every check. Subclasses set `family` and `rules`."""

    family: ClassVar[str] = ""
    rules: ClassVar[tuple[Rule, ...]] = ()
    needs_manuscript: ClassVar[bool] = False  # True: gather/combine are used

    def gather(self, doc: Document, ctx: Context) -> Any:
        """Facts from one file for the whole manuscript (only if needs_manuscript)."""
        return None

    def combine(self, facts: list[Any], ctx: Context) -> Any:
        return facts

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        raise NotImplementedError

    def rule_ids(self) -> frozenset[str]:
        return frozenset(r.id for r in self.rules)
