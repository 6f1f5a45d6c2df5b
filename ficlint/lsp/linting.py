"""Checking one document the way `ficlint check` would: the only part of the
language server that runs the engine. It runs in the worker process
(ficlint/lsp/worker.py), never on the server's event loop.

- A file (a `file:` URI) is configured by the `.ficlint.yaml` found from its
  folder and checked as part of its manuscript (workspace.manuscript_members,
  as `ficlint check` finds it), the other files read from the editor's open
  buffers or from disk, so names learned and the dialect found across chapters
  count here too. Only the document itself is checked.
- Any other document (`untitled:`, a diff view's `git:`, a notebook cell) is
  checked alone, never as a path on disk: with the config of the workspace
  folder (as a file directly in that folder would be), or the defaults when
  the editor opened no folder. No folder is searched for its manuscript.

What does not change while the writer types is kept between runs: configs and
their linters, the manuscript's file list (found again when the server says
files were created, saved or deleted, and every FILE_LIST_SECONDS), chapters
read from disk (read again when their modification time or size changes) and
each chapter's manuscript facts.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, fields
from operator import attrgetter
from pathlib import Path
from typing import Any

from ficlint.analysis import AnalyzedDocument as Document
from ficlint.config import Config, ConfigError, default_config
from ficlint.diagnostics import Diagnostic, Fix, Severity
from ficlint.engine import Linter
from ficlint.fixer import apply_fixes, choose_fixes
from ficlint.packs import PackError
from ficlint.source import InputError, Source, read_source
from ficlint.workspace import ConfigCache, manuscript_key, manuscript_members

MAX_MANUSCRIPT_CHARS = 40 * 1024 * 1024
FILE_LIST_SECONDS = 30.0  # files created outside the editor are found within this time

Facts = dict[str, object]


@dataclass(frozen=True)
class LintRequest:
    """One version of one document to check, with what the worker needs to know of the editor."""

    uri: str
    version: int
    text: str
    path: str | None  # the file of a `file:` URI; None for any other document
    root: str | None  # the workspace folder, which configures documents that are not files
    buffers: dict[str, str] = field(default_factory=dict)  # other open files: path -> the editor's text
    settings: int = 0  # changes when a config or word list changed: everything kept is dropped
    files: int = 0  # changes when manuscript files may have been created or deleted


@dataclass
class LintOutcome:
    """The findings for one version of a document, or why it could not be checked."""

    uri: str
    version: int
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fix_all: list[Fix] = field(default_factory=list)  # the safe fixes one `--fix` pass would apply
    problem: str | None = None  # for the writer: a broken config or rule pack, a check that took too long
    failures: list[str] = field(default_factory=list)  # checks that crashed (bugs), to report once
    seconds: float = 0.0  # time spent checking, in the worker

    # Pickled as plain tuples: dataclasses and enums pickle ten times slower, and a messy
    # novel has thousands of findings, each sent from the worker to the server.
    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["diagnostics"] = [_packed(d) for d in self.diagnostics]
        state["fix_all"] = [_fix_values(fix) for fix in self.fix_all]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state["diagnostics"] = [_unpacked(row) for row in state["diagnostics"]]
        state["fix_all"] = [Fix(*fix) for fix in state["fix_all"]]
        self.__dict__.update(state)


_DIAGNOSTIC_FIELDS = tuple(f.name for f in fields(Diagnostic))
_FIXES, _SEVERITY = _DIAGNOSTIC_FIELDS.index("fixes"), _DIAGNOSTIC_FIELDS.index("severity")
_diagnostic_values = attrgetter(*_DIAGNOSTIC_FIELDS)
_fix_values = attrgetter(*(f.name for f in fields(Fix)))


def _packed(d: Diagnostic) -> list[object]:
    row = list(_diagnostic_values(d))
    row[_FIXES] = tuple(map(_fix_values, d.fixes))
    row[_SEVERITY] = d.severity.value if d.severity is not None else None
    return row


def _unpacked(row: list[Any]) -> Diagnostic:
    row[_FIXES] = tuple(Fix(*fix) for fix in row[_FIXES])
    row[_SEVERITY] = Severity(row[_SEVERITY]) if row[_SEVERITY] is not None else None
    return Diagnostic(*row)


class LintSession:
    """The worker's state, kept between runs."""

    def __init__(self) -> None:
        self.settings = -1
        self.files = -1
        self.reset()

    def reset(self) -> None:
        self.configs = ConfigCache(None, {})
        self.defaults = default_config()
        self.linters: dict[int, Linter] = {}
        self.on_disk: dict[Path, tuple[tuple[int, int], Document]] = {}
        self.file_lists: dict[tuple[int, Path | None], tuple[float, list[tuple[Path, Path]]]] = {}
        self.enabled: dict[tuple[int, Path], frozenset[str]] = {}
        # each chapter's facts, with the text they were gathered from
        self.facts: dict[tuple[int, Path], tuple[str, Facts]] = {}

    def lint_document(self, request: LintRequest) -> LintOutcome:
        """Check one version of a document. A broken config or pack is the outcome's `problem`."""
        started = time.perf_counter()
        if request.settings != self.settings:
            self.settings, self.files = request.settings, request.files
            self.reset()
        elif request.files != self.files:
            self.files = request.files
            self.file_lists.clear()
        outcome = LintOutcome(request.uri, request.version)
        try:
            config = self.config_for(request)
            linter = self.linter_for(config)
            if request.path is None:
                outcome.diagnostics = self.lint_alone(linter, request, outcome.failures)
            elif not (config.path is not None and config.excludes(request.path)):
                outcome.diagnostics = self.lint_in_manuscript(linter, config, request, outcome.failures)
            outcome.fix_all = one_fix_pass(request.text, outcome.diagnostics)
        except (ConfigError, PackError) as err:
            outcome.problem = str(err)
        outcome.seconds = time.perf_counter() - started
        return outcome

    def config_for(self, request: LintRequest) -> Config:
        if request.path is not None:
            return self.configs.for_file(Path(request.path))
        if request.root is not None:
            return self.configs.for_file(Path(request.root) / "untitled")
        return self.defaults

    def linter_for(self, config: Config) -> Linter:
        key = id(config)
        if key not in self.linters:
            self.linters[key] = Linter(config)
        return self.linters[key]

    # -- the engine ------------------------------------------------------------------

    def lint_alone(self, linter: Linter, request: LintRequest, failures: list[str]) -> list[Diagnostic]:
        return self.check(linter, Document(Source(request.uri, request.text)), [], [], failures)

    def lint_in_manuscript(self, linter: Linter, config: Config, request: LintRequest,
                           failures: list[str]) -> list[Diagnostic]:
        """Check one file as part of its manuscript: the other files' facts count, only it is checked."""
        assert request.path is not None
        path = Path(request.path)
        per_file: list[Facts] = []
        enabled_per_file: list[frozenset[str]] = []
        buffers = {Path(p).resolve(): text for p, text in request.buffers.items()}
        chars = len(request.text)
        for sibling, resolved in self.manuscript_files(config, path):
            doc = self.sibling_document(sibling, resolved, buffers.get(resolved), config)
            if doc is None:
                continue
            chars += len(doc.text)
            if chars > MAX_MANUSCRIPT_CHARS:  # too much to read on every change: the document alone
                per_file, enabled_per_file = [], []
                break
            enabled = self.enabled_for(linter, doc.path, resolved)
            per_file.append(self.facts_of(linter, doc, resolved, enabled))
            enabled_per_file.append(enabled)
        doc = Document(Source(str(path), request.text))
        return self.check(linter, doc, per_file, enabled_per_file, failures)

    def check(self, linter: Linter, doc: Document, per_file: list[Facts],
              enabled_per_file: list[frozenset[str]], failures: list[str]) -> list[Diagnostic]:
        """The document's findings, with the other files' facts added to its own."""
        enabled = linter.enabled_for(doc.path)
        linter.failures = []
        own = linter.gather_one(doc, enabled)
        manuscript = linter.combine([*per_file, own], [*enabled_per_file, enabled])
        diagnostics = linter.check_document(doc, enabled, manuscript, failures)
        failures.extend(linter.failures)
        return diagnostics

    def enabled_for(self, linter: Linter, path: str, resolved: Path) -> frozenset[str]:
        """The rules a chapter is checked with (`per-file-ignores` resolves its path: once is enough)."""
        key = (id(linter), resolved)
        if key not in self.enabled:
            self.enabled[key] = linter.enabled_for(path)
        return self.enabled[key]

    def facts_of(self, linter: Linter, doc: Document, resolved: Path, enabled: frozenset[str]) -> Facts:
        """A chapter's manuscript facts, gathered again only when its text changes."""
        key = (id(linter), resolved)
        cached = self.facts.get(key)
        # a chapter from disk keeps its text object; an open buffer's text comes anew on every run
        if cached is not None and (cached[0] is doc.text or cached[0] == doc.text):
            return cached[1]
        facts = linter.gather_one(doc, enabled)
        self.facts[key] = (doc.text, facts)
        return facts

    # -- the manuscript's other files --------------------------------------------------

    def manuscript_files(self, config: Config, path: Path) -> list[tuple[Path, Path]]:
        """The other files of the document's manuscript (each with its resolved path)."""
        key = manuscript_key(config, path)
        now = time.monotonic()
        cached = self.file_lists.get(key)
        if cached is None or now - cached[0] > FILE_LIST_SECONDS:
            cached = (now, self.find_manuscript_files(config, path))
            self.file_lists[key] = cached
        me = path.resolve()
        return [(p, resolved) for p, resolved in cached[1] if resolved != me]

    def find_manuscript_files(self, config: Config, path: Path) -> list[tuple[Path, Path]]:
        """The files of the document's manuscript, as `ficlint check` finds them; none (the document
        is checked alone) when there are too many."""
        members = manuscript_members(config, path, self.configs) or []
        return [(p, p.resolve()) for p in members]

    def sibling_document(self, path: Path, resolved: Path, buffer: str | None,
                         config: Config) -> Document | None:
        """Another file of the manuscript: the editor's text if it is open, else the file as saved."""
        if buffer is not None:
            return Document(Source(str(path), buffer))
        return self.disk_document(path, resolved, config)

    def disk_document(self, path: Path, resolved: Path, config: Config) -> Document | None:
        """A chapter as saved, read again only when its modification time or size changes."""
        try:
            stat = path.stat()
        except OSError:
            return None
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = self.on_disk.get(resolved)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        try:
            doc = Document(read_source(path, config.encoding))
        except (InputError, LookupError):
            return None
        self.on_disk[resolved] = (stamp, doc)
        return doc


def one_fix_pass(text: str, diagnostics: list[Diagnostic]) -> list[Fix]:
    """The safe fixes one `ficlint check --fix` pass would apply, none if they would change nothing:
    the fix-all action's, worked out here rather than on the server's event loop."""
    fixes = choose_fixes(diagnostics, unsafe=False)
    return fixes if fixes and apply_fixes(text, fixes) != text else []
