"""Where the files are: finding manuscript files under paths, each file's
configuration, and which files form one manuscript (ficlint/run.py lints them)."""

from __future__ import annotations

import fnmatch
import itertools
import os
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ficlint.config import Config, default_config, find_config, load_config
from ficlint.source import InputError, Source, read_source

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".ficlint_cache"}
# A config file high up (a home folder) would make every text file below it one "manuscript": past this
# many files only the files named are read for the manuscript's facts.
MAX_MANUSCRIPT_FILES = 2000


def discover(paths: Iterable[Path], include: Sequence[str],
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
        candidates: Iterable[Path] = _walk(config.root, config.include, set(), None)
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


def manuscript_key(config: Config, path: Path) -> tuple[object, ...]:
    """Which manuscript a file belongs to; files with the same key are checked together, and the
    dialect, the names and the habits one file shows count for the others.

    By the config's `manuscript`:
    - `config`: the files that share a config file; with none, the files of a folder;
    - `folder`: the files of a folder;
    - `file`: every file on its own;
    - `auto` (the default): as `config` where there is a config file; without one, the files of a
      folder whose names number the parts of one work (chapter-1.md, chapter-2.md; 01.txt, 02.txt;
      prologue.md beside them), each other file on its own. A folder of one-shots is not one story
      unless its config file says so.
    """
    mode = config.manuscript
    real = path.resolve()
    if mode == "file":
        return (id(config), real)
    if mode == "folder":
        return (id(config), real.parent)
    if config.path is not None:
        return (id(config), None)
    if mode == "config":
        return (id(config), real.parent)
    return (id(config), real.parent, series_of(path.name))


_CHAPTER_WORD = re.compile(r"(?<![a-z])(?:ch|chap|chapter|part|pt|act|book|vol|volume|scene|prologue|epilogue|"
                           r"interlude|afterword|foreword|preface)(?![a-z])")
_SHORT_NUMBER = re.compile(
    r"(?<!\d)\d{1,3}(?!\d)|(?<![a-z])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|first|second|"
    r"third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|i{1,3}|iv|vi{0,3}|ix|xi{0,2})(?![a-z])")
_LONG_NUMBER = re.compile(r"\d{4,}")


def series_of(name: str) -> str:
    """What a file's name says about the work it is part of: a name with a chapter word (chapter,
    ch, part, prologue, epilogue…) stands for its folder's one story, told apart only by a long
    number it carries (an AO3 work id: 22366303-ch1); any other name with its part number taken
    out ("01.txt" -> "#", "two.txt" -> "#", "notes-2.md" -> "notes-#")."""
    stem = name.rsplit(".", 1)[0].lower()
    if _CHAPTER_WORD.search(stem):
        return "story:" + ",".join(_LONG_NUMBER.findall(stem))
    return _SHORT_NUMBER.sub("#", stem)
