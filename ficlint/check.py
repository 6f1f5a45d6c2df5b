"""The contract between the run and the rules.

A check is one rule's judgement: it reads an analysed document and yields
Diagnostics. It never prints, never reads files and never knows the output
format. Built-in rules are modules under ficlint/rules/ (a `RULE` and a
`check` function, wrapped in a ModuleCheck); YAML pack rules are Check
objects too.

A rule that must see the whole manuscript first (the dialect majority, the
names a story uses) names the `Facts` it reads: the run gathers them from every
file of the manuscript, combines them once, and the check finds them in
`ctx.facts(name)`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from types import ModuleType
from typing import TYPE_CHECKING, Any, ClassVar

from ficlint.diagnostics import Diagnostic
from ficlint.rule import Rule

if TYPE_CHECKING:
    from ficlint.analysis import AnalyzedDocument
    from ficlint.config import Config
    from ficlint.reads import ReadLog


@dataclass
class Context:
    """What a check may know beyond its document."""

    config: Config
    enabled: frozenset[str] = frozenset()  # ids of the rules that are on for this file
    manuscript: dict[str, Any] = field(default_factory=dict)  # combined facts, by Facts.name
    reads: ReadLog | None = None  # logs what the checks read of the facts, when the run keeps results

    def is_enabled(self, rule_id: str) -> bool:
        return rule_id in self.enabled

    def facts(self, name: str) -> Any:
        value = self.manuscript.get(name)
        return value if self.reads is None else self.reads.watch(name, value)


class Facts:
    """Manuscript-wide facts some rules read: gathered from each file, combined once."""

    name: ClassVar[str] = ""

    def gather(self, doc: AnalyzedDocument, ctx: Context) -> Any:
        """What one file tells about the manuscript."""
        raise NotImplementedError

    def combine(self, per_file: list[Any], ctx: Context) -> Any:
        """The manuscript's facts from every file's."""
        raise NotImplementedError

    def add(self, total: Any, one: Any) -> Any:
        """Facts that simply sum (combining a sum of some files' facts with the others' gives
        what combining them all gives) add `one` into `total` (None at first) and return it;
        a long run then folds them as they are gathered instead of keeping every part's. Never
        change `one` (the result cache may hold it). Other facts return NotImplemented."""
        return NotImplemented



class SummedFacts(Facts):
    """Facts that simply sum: a subclass says what an empty total is and how one file's facts add
    into a total; combining every file's and folding them as they come (`add`) both follow."""

    def empty(self) -> Any:
        raise NotImplementedError

    def add_into(self, total: Any, one: Any) -> None:
        """Add `one` into `total` (never change `one`: the result cache may hold it)."""
        raise NotImplementedError

    def combine(self, per_file: list[Any], ctx: Context) -> Any:
        total = self.empty()
        for one in per_file:
            self.add_into(total, one)
        return total

    def add(self, total: Any, one: Any) -> Any:
        total = total if total is not None else self.empty()
        self.add_into(total, one)
        return total

class Check:
    """One rule and the code that judges it."""

    rule: Rule
    facts: Facts | None = None  # the manuscript facts the check reads, if any
    also_facts: tuple[Facts, ...] = ()  # more facts it reads (a style another family gathers too)

    def check(self, doc: AnalyzedDocument, ctx: Context) -> Iterable[Diagnostic]:
        raise NotImplementedError


class ModuleCheck(Check):
    """A built-in rule: a module of ficlint/rules/ with `RULE`, `check` and optionally `FACTS` (and
    `ALSO_FACTS`, a tuple of more it reads)."""

    def __init__(self, module: ModuleType) -> None:
        relative = module.__name__.split(".rules.", 1)[1].replace(".", "/")
        self.rule = replace(module.RULE, origin=f"ficlint/rules/{relative}.py")
        self.facts = getattr(module, "FACTS", None)
        self.also_facts = tuple(getattr(module, "ALSO_FACTS", ()))
        self._check: Callable[[AnalyzedDocument, Context], Iterable[Diagnostic]] = module.check

    def check(self, doc: AnalyzedDocument, ctx: Context) -> Iterable[Diagnostic]:
        return self._check(doc, ctx)
