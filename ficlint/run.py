"""One run of ficlint: the single pipeline behind the CLI, `--fix`, the language server and the report.

    paths / texts ──► configs ──► manuscripts ──► facts gathered from every member (cached)
                  ──► each named file checked ──► LanguageTool's findings added ──► FileResults

`ManuscriptRun` owns what a run decides: which config each file has, which files
form one manuscript (`workspace.py`), which rules run and at what severity
(`engine.Linter`, one per config), the result cache and worker processes
(`batch.lint_manuscript`), inline suppression, and the optional LanguageTool
backend, whose findings pass the same selection, severity and suppression as
ficlint's own. A run is opened once and closed once (`with ManuscriptRun(...)`),
so LanguageTool servers start at most once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ficlint.batch import Progress, lint_manuscript
from ficlint.cache import MemoryCache, ResultCache, cache_root
from ficlint.config import Config, ConfigError
from ficlint.diagnostics import Diagnostic
from ficlint.engine import FileResult, Linter, Selection
from ficlint.source import InputError, Source, read_source
from ficlint.workspace import ConfigCache, discover, manuscript_key, rest_of_manuscript

if TYPE_CHECKING:
    from ficlint.backends.languagetool import LanguageToolRun
    from ficlint.fixer import FileFix


@dataclass
class RunOptions:
    config_file: Path | None = None
    config: Config | None = None  # a config given as an object (tests, embedding), instead of files
    selection: Selection = field(default_factory=Selection)
    overrides: dict[str, object] = field(default_factory=dict)  # Config fields set on the command line
    languagetool: bool | None = None  # --languagetool / --no-languagetool; None: each config decides
    cache: bool = False  # read and write the result cache (the CLI turns it on; --no-cache off)
    jobs: int = 1  # worker processes for large manuscripts
    progress: Progress | None = None  # called with (files done, files in all)
    warn: Callable[[str], None] | None = None  # told about files a folder run skips (a broken link)


@dataclass
class Manuscript:
    """Files checked together: the ones named (checked and reported, in order) and the
    manuscript's other files (read only for the manuscript's facts)."""

    config: Config
    named: list[Path]
    others: list[Source] = field(default_factory=list)
    warning: str | None = None


class ManuscriptRun:
    """Everything one invocation of ficlint lints, with the state it shares."""

    def __init__(self, options: RunOptions | None = None, store: MemoryCache | None = None) -> None:
        """`store`: an in-memory result cache for a long-lived process (the language server), used
        when `options.cache` (the on-disk cache) is off."""
        self.options = options or RunOptions()
        self.store = store
        self.configs = ConfigCache(self.options.config_file, self.options.overrides, self.options.config)
        self._linters: dict[int, Linter] = {}

    def __enter__(self) -> ManuscriptRun:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        if "languagetool" in self.__dict__:
            self.languagetool.close()

    @cached_property
    def languagetool(self) -> LanguageToolRun:
        """The LanguageTool backend, imported only by a run that uses it (most runs never do)."""
        from ficlint.backends.languagetool import LanguageToolRun

        return LanguageToolRun(self.options.languagetool)

    def _add_languagetool(self, results: Sequence[FileResult], linter: Linter) -> None:
        requested = self.options.languagetool  # LanguageToolRun.wanted, asked before importing it
        if linter.config.languagetool.enabled if requested is None else requested:
            self.languagetool.add(results, linter)

    def linter(self, config: Config) -> Linter:
        """The rules under one config, selected and ranked once per run."""
        if id(config) not in self._linters:
            self._linters[id(config)] = Linter(config, self.options.selection)
        return self._linters[id(config)]

    # -- what to lint ---------------------------------------------------------------------

    def manuscripts(self, paths: Sequence[Path]) -> list[Manuscript]:
        """The files under `paths` grouped into manuscripts, each with the rest of its manuscript."""
        root_config = self.configs.for_file(paths[0] if paths else Path.cwd())
        explicit = {p.resolve() for p in paths if not p.is_dir()}
        groups: dict[object, Manuscript] = {}
        for path in discover(paths, root_config.include, self.options.warn):
            config = self.configs.for_file(path)
            if path.resolve() not in explicit and config.excludes(str(path)):
                continue
            key = manuscript_key(config, path)
            groups.setdefault(key, Manuscript(config, [])).named.append(path)
        for manuscript in groups.values():
            manuscript.others, manuscript.warning = rest_of_manuscript(manuscript.config, manuscript.named,
                                                                       self.configs)
        return list(groups.values())

    # -- linting ------------------------------------------------------------------------------

    def lint_paths(self, paths: Sequence[Path]) -> list[FileResult]:
        """Lint files and folders, in the order found. Raises ConfigError for a broken configuration."""
        manuscripts = self.manuscripts(paths)
        total = sum(len(m.named) for m in manuscripts)
        results: dict[str, FileResult] = {}
        done = 0
        for manuscript in manuscripts:
            sources = [self._read(path, manuscript.config) for path in manuscript.named]
            progress = _offset_progress(self.options.progress, done, total)
            linted = self.lint(manuscript.config, sources, manuscript.others, progress, manuscript.warning)
            for result in linted:
                results[result.path] = result
            done += len(manuscript.named)
        return [results[str(p)] for m in manuscripts for p in m.named]

    def lint_text(self, source: Source, context_path: Path | None = None) -> FileResult:
        """Lint one text (stdin, an editor's buffer), configured and judged as if it were the file at
        `context_path`: one chapter of that file's manuscript. Without a path it is a manuscript alone."""
        config = self.configs.for_file(context_path or Path.cwd() / "stdin.md")
        others, warning = (rest_of_manuscript(config, [context_path], self.configs) if context_path
                           else ([], None))
        return self.lint(config, [source], others, warning=warning)[0]

    def lint(self, config: Config, sources: Sequence[Source | InputError], others: Sequence[Source] = (),
             progress: Progress | None = None, warning: str | None = None,
             languagetool: bool = True) -> list[FileResult]:
        """The pipeline: one manuscript's named files checked with the facts of all its files."""
        linter = self.linter(config)
        cache = ResultCache(cache_root(config.path)) if self.options.cache else self.store
        results = lint_manuscript(linter, sources, cache, self.options.jobs, progress, context=others)
        if warning and results:
            results[0].warnings.append(warning)
        if languagetool:
            self._add_languagetool(results, linter)
        return results

    def _read(self, path: Path, config: Config) -> Source | InputError:
        try:
            return read_source(path, config.encoding)
        except InputError as err:
            return err
        except LookupError:
            message = f"'encoding': unknown encoding {config.encoding!r}"
            raise ConfigError(config.path, None, message) from None

    # -- fixing --------------------------------------------------------------------------------

    def fix(self, results: Sequence[FileResult], unsafe: bool = False,
            context_path: Path | None = None) -> tuple[list[FileFix], list[FileResult]]:
        """Fix the files of a finished lint, manuscript by manuscript, in memory (nothing is written).

        `results` come from `lint_paths` (or `lint_text` with `context_path`); files are grouped
        into manuscripts the way that lint grouped them. Unreadable files pass through."""
        from ficlint.fixer import fix_manuscript  # only a run that fixes imports the fixer

        groups: dict[object, tuple[Config, list[int]]] = {}
        for index, result in enumerate(results):
            if result.document is None:
                continue
            path = context_path or Path(result.path)
            config = self.configs.for_file(path)
            groups.setdefault(manuscript_key(config, path), (config, []))[1].append(index)
        final: list[FileResult] = list(results)
        file_fixes: list[FileFix] = []
        for config, indexes in groups.values():
            sources = [results[i].document.source for i in indexes]  # type: ignore[union-attr]
            named = [context_path] if context_path else [Path(results[i].path) for i in indexes]
            others, _ = rest_of_manuscript(config, [] if _nameless(results) else named, self.configs)
            # LanguageTool, a slow server round trip, runs once on the final texts, not on every pass
            fixes, fixed = fix_manuscript(sources, unsafe, self._relinter(config, others),
                                          results=[results[i] for i in indexes])
            file_fixes.extend(fixes)
            if any(f.changed for f in fixes):
                self._add_languagetool(fixed, self.linter(config))
            for i, fixed_result in zip(indexes, fixed, strict=True):
                fixed_result.failures = list(dict.fromkeys(results[i].failures + fixed_result.failures))
                final[i] = fixed_result
        return file_fixes, final

    def _relinter(self, config: Config,
                  others: Sequence[Source]) -> Callable[[Sequence[Source]], list[FileResult]]:
        """Lint fixed texts as the run linted the files, LanguageTool left for the final texts."""
        return lambda texts: self.lint(config, texts, others, languagetool=False)


def _nameless(results: Sequence[FileResult]) -> bool:
    """Text on stdin without --stdin-filename: a manuscript of its own."""
    return any(r.path == "-" for r in results)


def _offset_progress(progress: Progress | None, before: int, total: int) -> Progress | None:
    """Progress of one manuscript reported as progress of the whole run."""
    if progress is None:
        return None
    return lambda done, _: progress(before + done, total)



def lint_text(text: str, config: Config | None = None, select: Sequence[str] = (),
              path: str = "<text>") -> list[Diagnostic]:
    """Lint one text as a manuscript of its own, with a config object and an optional selection
    (for tests, scripts and programs embedding ficlint). No cache, no LanguageTool unless the
    config turns it on."""
    options = RunOptions(config=config or Config(), selection=Selection(select=tuple(select)))
    with ManuscriptRun(options) as run:
        return run.lint_text(Source(path, text)).diagnostics


def lint_paths(paths: Sequence[Path], options: RunOptions | None = None) -> list[FileResult]:
    """One run over files and folders, opened and closed (for tests, scripts and embedding)."""
    with ManuscriptRun(options) as run:
        return run.lint_paths(paths)
