"""From paths on the command line to lint results: finding files, finding
each file's configuration, and linting files that share a configuration as
one manuscript."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ficlint.backends.languagetool import LanguageToolRun
from ficlint.batch import Progress, lint_manuscript
from ficlint.cache import ResultCache, cache_root
from ficlint.config import Config, ConfigError, default_config, find_config, load_config
from ficlint.engine import FileResult, Linter, Selection
from ficlint.source import InputError, Source, read_source

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".ficlint_cache"}


@dataclass
class RunOptions:
    config_file: Path | None = None
    selection: Selection = field(default_factory=Selection)
    overrides: dict[str, object] = field(default_factory=dict)  # Config fields set on the command line
    languagetool: bool | None = None  # --languagetool / --no-languagetool; None: each config decides
    cache: bool = False  # read and write the result cache (the CLI turns it on; --no-cache off)
    jobs: int = 1  # worker processes for large manuscripts
    progress: Progress | None = None  # called with (files done, files in all)
    warn: Callable[[str], None] | None = None  # told about files a folder run skips (a broken link)


def discover(paths: Iterable[Path], include: Sequence[str], explicit_ok: bool = True,
             warn: Callable[[str], None] | None = None) -> list[Path]:
    """Files to check: explicit files as given, folders searched recursively for
    files matching `include`, hidden files (`.ficlint-words.txt`) and hidden and
    tool folders skipped. A broken symbolic link in a folder is skipped with a
    warning, as ruff does (named on the command line, it is an error as any
    missing file is)."""
    found: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        candidates = sorted(_walk(path, include, set(), warn)) if path.is_dir() else [path]
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def _walk(folder: Path, include: Sequence[str], visited: set[Path],
          warn: Callable[[str], None] | None) -> Iterable[Path]:
    real = folder.resolve()
    if real in visited:  # a symlink back up the tree
        return
    visited.add(real)
    try:
        children = sorted(folder.iterdir())
    except OSError:  # unreadable folder: nothing to check in it
        return
    for child in children:
        if child.is_dir():
            if child.name in SKIP_DIRS or child.name.startswith("."):
                continue
            yield from _walk(child, include, visited, warn)
        elif not child.name.startswith(".") and any(fnmatch.fnmatch(child.name, p) for p in include):
            if child.is_symlink() and not child.exists():
                if warn is not None:
                    warn(f"{child}: a broken symbolic link (to {os.readlink(child)}), skipped")
                continue
            yield child


class ConfigCache:
    """Configs found by walking up from files, loaded once each."""

    def __init__(self, explicit: Path | None, overrides: dict[str, object]) -> None:
        self.overrides = overrides
        # One Config object per config file (or per folder without one): files that
        # get the same object are one manuscript (see manuscript_key).
        self.explicit = self._override(load_config(explicit)) if explicit else None
        self._by_path: dict[Path, Config] = {}
        self._by_folder: dict[Path, Path | None] = {}

    def for_file(self, path: Path) -> Config:
        if self.explicit is not None:
            return self.explicit
        folder = path.resolve().parent if not path.is_dir() else path.resolve()
        if folder not in self._by_folder:
            self._by_folder[folder] = find_config(folder)
        config_path = self._by_folder[folder]
        key = config_path or folder  # no config file: each folder its own (its own words file too)
        if key not in self._by_path:
            base = load_config(config_path) if config_path else default_config(folder)
            self._by_path[key] = self._override(base)
        return self._by_path[key]

    def _override(self, config: Config) -> Config:
        return config.with_overrides(**self.overrides)


def lint_paths(paths: Sequence[Path], options: RunOptions) -> list[FileResult]:
    """Lint files and folders. Raises ConfigError for a broken configuration."""
    configs = ConfigCache(options.config_file, options.overrides)
    groups: dict[tuple[int, Path | None], tuple[Config, list[Path]]] = {}
    root_config = configs.for_file(paths[0] if paths else Path.cwd())
    explicit_files = {p.resolve() for p in paths if not p.is_dir()}
    for path in discover(paths, root_config.include, warn=options.warn):
        config = configs.for_file(path)
        if path.resolve() not in explicit_files and config.excludes(str(path)):
            continue
        groups.setdefault(manuscript_key(config, path), (config, []))[1].append(path)
    results: dict[str, FileResult] = {}
    order: list[str] = []
    languagetool = LanguageToolRun(options.languagetool)  # servers open once per run, when first needed
    total = sum(len(files) for _, files in groups.values())
    for config, files in groups.values():
        linter = Linter(config, options.selection)
        sources: list[Source | InputError] = []
        for f in files:
            try:
                sources.append(read_source(f, config.encoding))
            except InputError as err:
                sources.append(err)
            except LookupError:
                raise ConfigError(config.path, None,
                                  f"'encoding': unknown encoding {config.encoding!r}") from None
        cache = ResultCache(cache_root(config.path)) if options.cache else None
        progress = _offset_progress(options.progress, len(order), total)
        manuscript = lint_manuscript(linter, sources, cache, options.jobs, progress)
        languagetool.add(manuscript, config, options.selection)
        for result in manuscript:
            results[result.path] = result
        order.extend(str(f) for f in files)
    languagetool.close()
    return [results[p] for p in order]


def _offset_progress(progress: Progress | None, before: int, total: int) -> Progress | None:
    """Progress of one manuscript reported as progress of the whole run."""
    if progress is None:
        return None
    return lambda done, _: progress(before + done, total)


def manuscript_key(config: Config, path: Path) -> tuple[int, Path | None]:
    """Files checked together form one manuscript when they share a config file;
    files with no config file are grouped by their folder."""
    return (id(config), None if config.path else path.resolve().parent)


def lint_source(source: Source, options: RunOptions, context_path: Path | None = None) -> FileResult:
    """Lint one text (stdin, an editor's buffer), configured as if it were at `context_path`."""
    configs = ConfigCache(options.config_file, options.overrides)
    config = configs.for_file(context_path or Path.cwd() / "stdin.md")
    result = Linter(config, options.selection).lint([source])[0]
    languagetool = LanguageToolRun(options.languagetool)
    languagetool.add([result], config, options.selection)
    languagetool.close()
    return result
