"""The engine: sources -> documents -> checks -> diagnostics.

Files checked together are one manuscript: checks that need the whole
manuscript (dialect majority, learned names) gather facts from every file
before any file is checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ficlint.analysis import AnalyzedDocument as Document
from ficlint.check import Check, Context, Facts
from ficlint.config import Config
from ficlint.diagnostics import Diagnostic, Severity
from ficlint.reads import ReadLog
from ficlint.registry import Registry
from ficlint.rule import selects, specificity
from ficlint.source import InputError


@dataclass
class FileResult:
    """What one file gave: its document and diagnostics, or the error that stopped it."""

    path: str
    document: Document | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: InputError | None = None
    failures: list[str] = field(default_factory=list)  # checks that crashed on this file (bugs)
    warnings: list[str] = field(default_factory=list)  # optional backends that could not run (not bugs)
    facts: dict[str, object] = field(default_factory=dict)  # the manuscript's combined facts, by family


@dataclass(frozen=True)
class Selection:
    """Which rules run, from the config and the command line."""

    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    @classmethod
    def from_options(cls, select: Iterable[str] = (), extend_select: Iterable[str] = (),
                     ignore: Iterable[str] = ()) -> Selection:
        """From repeatable, comma-separated command-line options (--select D,M001 --select H)."""
        return cls(_split(select), _split(extend_select), _split(ignore))


def _split(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(s.strip() for v in values for s in v.split(",") if s.strip())


class Linter:
    def __init__(self, config: Config, selection: Selection | None = None,
                 registry: Registry | None = None) -> None:
        self.config = config
        self.registry = registry or Registry.for_config(config)
        self.failures: list[str] = []  # manuscript-level check failures
        self._severity_cache: dict[str, str | None] = {}
        self._enabled_for: dict[str, frozenset[str]] = {}
        sel = selection or Selection()
        self.select = sel.select or config.select
        self.extend = config.extend_select + sel.extend_select
        self.ignore = config.ignore + sel.ignore
        self.base_enabled = self.registry.enabled_rules(self.select, self.extend, self.ignore)

    def enabled_for(self, path: str) -> frozenset[str]:
        """The rules on for one file (`per-file-ignores` resolves its path: once per path is enough)."""
        if path not in self._enabled_for:
            ignored = self.config.ignored_for(path)
            drop = {r.id for r in self.registry.rules.values() if any(r.matches(s) for s in ignored)}
            self._enabled_for[path] = self.base_enabled - drop
        return self._enabled_for[path]

    def active_checks(self, enabled: frozenset[str]) -> list[Check]:
        return [c for c in self.registry.checks if c.rule.id in enabled]

    def active_facts(self, enabled: frozenset[str]) -> list[Facts]:
        """The manuscript facts the active checks read, each once."""
        found: dict[str, Facts] = {}
        for check in self.active_checks(enabled):
            for facts in (check.facts, *check.also_facts):
                if facts is not None:
                    found.setdefault(facts.name, facts)
        return list(found.values())

    def gather(self, documents: Iterable[tuple[Document, frozenset[str]]]) -> dict[str, object]:
        docs = list(documents)
        return self.combine([self.gather_one(doc, enabled) for doc, enabled in docs],
                            [enabled for _, enabled in docs])

    def gather_one(self, doc: Document, enabled: frozenset[str]) -> dict[str, object]:
        """One file's facts for the manuscript, by check family."""
        facts: dict[str, object] = {}
        for provider in self.active_facts(enabled):
            name = provider.name
            try:
                facts[name] = provider.gather(doc, Context(self.config, enabled, {}))
            except Exception as err:  # a bug in one check must not stop the others
                self.failures.append(f"{name!r} failed while reading the manuscript: "
                                     f"{type(err).__name__}: {err}")
        return facts

    def combine(self, per_file: Sequence[dict[str, object]],
                enabled: Sequence[frozenset[str]]) -> dict[str, object]:
        """The manuscript's facts from every file's, by check family."""
        all_enabled = frozenset().union(*enabled) if enabled else self.base_enabled
        manuscript: dict[str, object] = {}
        for provider in self.active_facts(all_enabled):
            name = provider.name
            facts = [f[name] for f in per_file if name in f]
            try:
                manuscript[name] = provider.combine(facts, Context(self.config, all_enabled, manuscript))
            except Exception as err:  # a bug in one check must not stop the others
                self.failures.append(f"{name!r} failed while reading the manuscript: "
                                     f"{type(err).__name__}: {err}")
        return manuscript

    def check_document(self, doc: Document, enabled: frozenset[str], manuscript: dict[str, object],
                       failures: list[str] | None = None, reads: ReadLog | None = None) -> list[Diagnostic]:
        """The document's findings; `reads`, when given, logs what its checks read of the facts."""
        ctx = Context(self.config, enabled, manuscript, reads)
        found: list[Diagnostic] = []
        for check in self.active_checks(enabled):
            try:
                found.extend(self._finish(d) for d in check.check(doc, ctx) if d.rule in enabled)
            except Exception as err:  # a bug in one check must not stop the others
                message = f"rule {check.rule.id} failed: {type(err).__name__}: {err}"
                (failures if failures is not None else self.failures).append(message)
        found = [d for d in found if d.severity is not None and self._confident_enough(d)]
        return sorted(suppress(doc, found), key=lambda d: d.sort_key)

    def _confident_enough(self, diag: Diagnostic) -> bool:
        """Findings that report a confidence (the statistical ones) below `min-confidence` are dropped."""
        return diag.confidence is None or diag.confidence >= self.config.min_confidence

    def _finish(self, diag: Diagnostic) -> Diagnostic:
        rule = self.registry.rules[diag.rule]
        diag.name = rule.name
        diag.category = rule.category
        configured = self._configured_severity(rule.id, rule.name, rule.category)
        if configured == "off":
            diag.severity = None  # type: ignore[assignment]
        else:
            diag.severity = Severity(configured) if configured else rule.severity
        return diag

    def admit(self, diag: Diagnostic, path: str) -> bool:
        """Does a finding of a rule ficlint does not define (LanguageTool's, named, categorised
        and with its own default severity) pass this run's selection? Its severity is then set
        by `severity:` exactly as for ficlint's own rules."""
        def named(selectors: Iterable[str]) -> bool:
            return any(selects(s, diag.rule, diag.name, diag.category) for s in selectors)

        ignored = self.ignore + self.config.ignored_for(path)
        if self.select and not named(self.select + self.extend) or named(ignored):
            return False
        configured = self._configured_severity(diag.rule, diag.name, diag.category)
        if configured == "off":
            return False
        if configured:
            diag.severity = Severity(configured)
        return True

    def _configured_severity(self, rule_id: str, name: str, category: str) -> str | None:
        """The `severity:` entry for a rule; the most specific selector wins
        (id or name, then the longest id prefix, then the category, then ALL)."""
        if rule_id not in self._severity_cache:
            levels = [(sel, level) for sel, level in self.config.severity.items()
                      if selects(sel, rule_id, name, category)]
            ranked = sorted(((specificity(sel, rule_id, name, category), level) for sel, level in levels),
                            reverse=True)
            self._severity_cache[rule_id] = ranked[0][1] if ranked else None
        return self._severity_cache[rule_id]



# -- inline suppression -----------------------------------------------------------

_DIRECTIVE = re.compile(
    r"<!--\s*ficlint-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->", re.I)


def suppress(doc: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Drop diagnostics silenced by `<!-- ficlint-disable … -->` comments.

    `disable [RULES]` / `enable [RULES]` open and close a silenced stretch;
    `disable-next-line [RULES]` silences the next non-blank line,
    `disable-line [RULES]` the line it stands on. RULES are selectors (ids,
    prefixes, names, categories), separated by spaces or commas; none means all.
    """
    if "ficlint-" not in doc.text:
        return diagnostics
    windows = _silenced_windows(doc)
    if not windows:
        return diagnostics
    return [d for d in diagnostics if not any(_silences(w, d) for w in windows)]


@dataclass(frozen=True)
class _Window:
    start: int
    end: int
    selectors: tuple[str, ...]


def _silences(window: _Window, diag: Diagnostic) -> bool:
    if not window.start <= diag.start < window.end:
        return False
    if not window.selectors:
        return True
    return any(_selector_matches(s, diag) for s in window.selectors)


def _selector_matches(selector: str, diag: Diagnostic) -> bool:
    return selects(selector, diag.rule, diag.name, diag.category)


def _silenced_windows(doc: Document) -> list[_Window]:
    windows: list[_Window] = []
    open_blocks: dict[tuple[str, ...], int] = {}
    text = doc.text
    for m in _DIRECTIVE.finditer(text):
        verb = m.group(1).lower()
        selectors = tuple(s for s in re.split(r"[\s,]+", m.group(2).strip()) if s)
        if verb == "disable":
            open_blocks.setdefault(selectors, m.start())
        elif verb == "enable":
            windows.extend(_enable(open_blocks, selectors, m.start()))
        elif verb == "disable-line":
            line, _ = doc.position(m.start())
            windows.append(_Window(doc.line_starts[line - 1], doc.lines.line_end(line), selectors))
        else:
            line = _next_nonblank_line(doc, doc.position(m.end())[0])
            if line:
                windows.append(_Window(doc.line_starts[line - 1], doc.lines.line_end(line), selectors))
    windows.extend(_Window(start, len(text), key) for key, start in open_blocks.items())
    return windows


def _enable(open_blocks: dict[tuple[str, ...], int], selectors: tuple[str, ...], at: int) -> list[_Window]:
    """Close what `enable [RULES]` names: everything, or those rules in every
    open block (a block that silenced more rules goes on for the others)."""
    closed: list[_Window] = []
    named = {s.upper() for s in selectors}
    for key, start in list(open_blocks.items()):
        if selectors and not any(s.upper() in named for s in key):
            continue  # `disable` of everything is only ended by a plain `enable`
        closed.append(_Window(start, at, key))
        del open_blocks[key]
        rest = tuple(s for s in key if s.upper() not in named) if selectors else ()
        if rest:
            open_blocks.setdefault(rest, at)
    return closed


def _next_nonblank_line(doc: Document, after: int) -> int | None:
    for line in range(after + 1, len(doc.line_starts) + 1):
        if doc.line_text(line).strip():
            return line
    return None
