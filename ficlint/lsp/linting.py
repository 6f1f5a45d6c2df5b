"""Checking one document the way `ficlint check` would, with the same ManuscriptRun: the
only part of the language server that runs the pipeline. It runs in the worker process
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

What does not change while the writer types is kept between runs: the run (its
configs and linters, and an in-memory result cache that keeps each unchanged
chapter's manuscript facts), the manuscript's file list (found again when the
server says files were created, saved or deleted, and every FILE_LIST_SECONDS)
and chapters read from disk (read again when their modification time or size
changes).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, fields
from operator import attrgetter
from pathlib import Path
from typing import Any

from ficlint.cache import MemoryCache
from ficlint.config import Config, ConfigError, default_config
from ficlint.diagnostics import Diagnostic, Fix, Severity
from ficlint.engine import FileResult
from ficlint.fixer import apply_fixes, choose_fixes
from ficlint.packs import PackError
from ficlint.run import ManuscriptRun, RunOptions
from ficlint.source import InputError, Source, read_source
from ficlint.workspace import manuscript_key, manuscript_members

MAX_MANUSCRIPT_CHARS = 40 * 1024 * 1024
FILE_LIST_SECONDS = 30.0  # files created outside the editor are found within this time


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
    """The worker's state, kept between runs: one ManuscriptRun (its configs, its linters and an
    in-memory result cache, so an unchanged chapter's facts are gathered once), the manuscripts'
    file lists and the chapters read from disk."""

    def __init__(self) -> None:
        self.settings = -1
        self.files = -1
        self.reset()

    def reset(self) -> None:
        self.run = ManuscriptRun(RunOptions(), store=MemoryCache())
        self.defaults = default_config()
        self.on_disk: dict[Path, tuple[tuple[int, int], Source]] = {}
        self.file_lists: dict[tuple[object, ...], tuple[float, list[tuple[Path, Path]]]] = {}

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
            if request.path is None or not (config.path is not None and config.excludes(request.path)):
                result = self.lint(config, request)
                outcome.diagnostics = result.diagnostics
                outcome.failures.extend(result.failures)
            outcome.fix_all = one_fix_pass(request.text, outcome.diagnostics)
        except (ConfigError, PackError) as err:
            outcome.problem = str(err)
        outcome.seconds = time.perf_counter() - started
        return outcome

    def config_for(self, request: LintRequest) -> Config:
        if request.path is not None:
            return self.run.configs.for_file(Path(request.path))
        if request.root is not None:
            return self.run.configs.for_file(Path(request.root) / "untitled")
        return self.defaults

    def lint(self, config: Config, request: LintRequest) -> FileResult:
        """A file is checked as one chapter of its manuscript; any other document alone."""
        if request.path is None:
            return self.run.lint(config, [Source(request.uri, request.text)], languagetool=False)[0]
        path = Path(request.path)
        return self.run.lint(config, [Source(str(path), request.text)], self.others(config, request, path),
                             languagetool=False)[0]

    # -- the manuscript's other files --------------------------------------------------

    def others(self, config: Config, request: LintRequest, path: Path) -> list[Source]:
        """The manuscript's other files, from the editor's buffers or disk; none when there is
        more than MAX_MANUSCRIPT_CHARS to read on every change (the document is then alone)."""
        buffers = {Path(p).resolve(): text for p, text in request.buffers.items()}
        found: list[Source] = []
        chars = len(request.text)
        for sibling, resolved in self.manuscript_files(config, path):
            text = buffers.get(resolved)
            source = Source(str(sibling), text) if text is not None else self.disk_source(sibling, resolved,
                                                                                          config)
            if source is None:
                continue
            chars += len(source.text)
            if chars > MAX_MANUSCRIPT_CHARS:
                return []
            found.append(source)
        return found

    def manuscript_files(self, config: Config, path: Path) -> list[tuple[Path, Path]]:
        """The other files of the document's manuscript (each with its resolved path)."""
        key = manuscript_key(config, path)
        now = time.monotonic()
        cached = self.file_lists.get(key)
        if cached is None or now - cached[0] > FILE_LIST_SECONDS:
            members = manuscript_members(config, path, self.run.configs) or []
            cached = (now, [(p, p.resolve()) for p in members])
            self.file_lists[key] = cached
        me = path.resolve()
        return [(p, resolved) for p, resolved in cached[1] if resolved != me]

    def disk_source(self, path: Path, resolved: Path, config: Config) -> Source | None:
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
            source = read_source(path, config.encoding)
        except (InputError, LookupError):
            return None
        self.on_disk[resolved] = (stamp, source)
        return source


def one_fix_pass(text: str, diagnostics: list[Diagnostic]) -> list[Fix]:
    """The safe fixes one `ficlint check --fix` pass would apply, none if they would change nothing:
    the fix-all action's, worked out here rather than on the server's event loop."""
    fixes = choose_fixes(diagnostics, unsafe=False)
    return fixes if fixes and apply_fixes(text, fixes) != text else []
