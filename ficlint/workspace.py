"""Where the files are: finding manuscript files under paths, each file's
configuration, and which files form one manuscript (ficlint/run.py lints them)."""

from __future__ import annotations

import fnmatch
import itertools
from collections.abc import Iterable, Sequence
from pathlib import Path

from ficlint.config import Config, default_config, find_config, load_config
from ficlint.source import InputError, Source, read_source

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".ficlint_cache"}
# A config file high up (a home folder) would make every text file below it one "manuscript": past this
# many files only the files named are read for the manuscript's facts.
MAX_MANUSCRIPT_FILES = 2000


def discover(paths: Iterable[Path], include: Sequence[str]) -> list[Path]:
    """Files to check: explicit files as given, folders searched recursively for
    files matching `include`, hidden and tool folders skipped."""
    found: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        candidates = sorted(_walk(path, include, set())) if path.is_dir() else [path]
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def _walk(folder: Path, include: Sequence[str], visited: set[Path]) -> Iterable[Path]:
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
            yield from _walk(child, include, visited)
        elif any(fnmatch.fnmatch(child.name, pattern) for pattern in include):
            yield child


class ConfigCache:
    """Configs found by walking up from files, loaded once each."""

    def __init__(self, explicit: Path | None, overrides: dict[str, object], given: Config | None = None) -> None:
        self.overrides = overrides
        # One Config object per config file (or per folder without one): files that
        # get the same object are one manuscript (see manuscript_key).
        if given is not None:
            self.explicit: Config | None = self._override(given)
        else:
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


def manuscript_members(config: Config, path: Path, configs: ConfigCache) -> list[Path] | None:
    """Every file of the manuscript `path` belongs to, in a folder run's order: the files under its
    config file's folder that `include` picks and `exclude` does not (less those of a nested config),
    or, with no config file above it, the files of its folder. None when there are more than
    MAX_MANUSCRIPT_FILES."""
    key = manuscript_key(config, path)
    folder = path.resolve().parent
    if config.path is not None and folder.is_relative_to(config.root.resolve()):
        candidates: Iterable[Path] = _walk(config.root, config.include, set())
    else:  # no config file: the folder is the manuscript (its subfolders are others)
        candidates = _folder_files(folder, config.include)
    belongs = (c for c in candidates
               if not config.excludes(str(c)) and manuscript_key(configs.for_file(c), c) == key)
    members = list(itertools.islice(belongs, MAX_MANUSCRIPT_FILES + 1))
    return members if len(members) <= MAX_MANUSCRIPT_FILES else None


def _folder_files(folder: Path, include: Sequence[str]) -> list[Path]:
    try:
        children = sorted(folder.iterdir())
    except OSError:
        return []
    return [c for c in children if any(fnmatch.fnmatch(c.name, p) for p in include) and c.is_file()]


def rest_of_manuscript(config: Config, named: Sequence[Path],
                       configs: ConfigCache) -> tuple[list[Source], str | None]:
    """The files of the manuscript of `named` that are not named, read for their facts (pre-commit
    names only the staged chapters, but the dialect and the names are the whole story's). Unreadable
    ones are left out: they are not being checked. Returns them, and a warning when the manuscript is
    too large to read."""
    members = manuscript_members(config, named[0], configs) if named else []
    if members is None:
        return [], (f"{config.root}: more than {MAX_MANUSCRIPT_FILES} files share this configuration; "
                    "only the files named were read for the manuscript's dialect and names")
    skip = {f.resolve() for f in named}
    others: list[Source] = []
    for member in members:
        if member.resolve() in skip:
            continue
        try:
            others.append(read_source(member, config.encoding))
        except (InputError, LookupError):
            continue
    return others, None


def manuscript_key(config: Config, path: Path) -> tuple[int, Path | None]:
    """Files checked together form one manuscript when they share a config file;
    files with no config file are grouped by their folder."""
    return (id(config), None if config.path else path.resolve().parent)
