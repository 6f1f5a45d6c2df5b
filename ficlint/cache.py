"""The result cache: re-running ficlint on an unchanged manuscript is near-instant.

Entries are keyed by the file's text, everything that decides what ficlint
reports (the configuration, the enabled rules, ficlint's version and its own
code and data), and for diagnostics also the manuscript's combined facts (a
chapter's findings can change when another chapter changes the dialect
majority). It lives in `.ficlint_cache/` next to the config file (or in the
current folder), with a .gitignore of its own, like ruff's cache.
"""

from __future__ import annotations

import dataclasses
import enum
import os
import shutil
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from ficlint import __version__

CACHE_DIR_NAME = ".ficlint_cache"
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# ficlint's result cache: safe to delete.\n"


def stable_digest(value: Any) -> str:
    """A digest that is the same for equal values in any process (sets and
    dict order, hash randomisation and object identity do not matter)."""
    import hashlib  # here, not at the top: a run without the cache never digests (OpenSSL loads in ~3 ms)

    h = hashlib.blake2b(digest_size=20)
    _feed(h, value)
    return h.hexdigest()


def _feed(h: Any, value: Any) -> None:
    if value is None or isinstance(value, (bool, int, float, str, bytes)):
        h.update(f"{type(value).__name__}:{value!r};".encode("utf-8", "surrogatepass"))
    elif isinstance(value, enum.Enum):
        _feed(h, ("enum", type(value).__name__, value.value))
    elif isinstance(value, Path):
        _feed(h, ("path", str(value)))
    elif isinstance(value, dict):
        h.update(b"{")
        for key in sorted(value, key=repr):
            _feed(h, key)
            _feed(h, value[key])
        h.update(b"}")
    elif isinstance(value, (set, frozenset)):
        h.update(b"<")
        for item in sorted(value, key=repr):
            _feed(h, item)
        h.update(b">")
    elif isinstance(value, (list, tuple)):
        h.update(b"[")
        for item in value:
            _feed(h, item)
        h.update(b"]")
    elif dataclasses.is_dataclass(value):
        _feed(h, (type(value).__name__, {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}))
    elif hasattr(value, "__dict__"):
        _feed(h, (type(value).__name__, vars(value)))
    elif hasattr(value, "__slots__"):
        _feed(h, (type(value).__name__, {s: getattr(value, s, None) for s in value.__slots__}))
    else:
        h.update(repr(value).encode("utf-8", "surrogatepass"))


@cache
def code_fingerprint() -> str:
    """ficlint's version plus the size and modification time of its code and data,
    so that an upgrade or an edited rule pack never serves stale results."""
    from ficlint.resources import rules_dir

    package = Path(__file__).resolve().parent
    entries = []
    for root in (package, rules_dir()):
        for path in sorted(root.rglob("*")):
            if (
                path.suffix in (".py", ".yaml", ".json", ".bin", ".gz", ".pkl", ".dic", ".txt", ".npz")
                and "__pycache__" not in path.parts
            ):
                stat = path.stat()
                entries.append((str(path.relative_to(root)), stat.st_size, stat.st_mtime_ns))
    return stable_digest((__version__, entries))


def file_fingerprints(paths: Iterable[Path]) -> list[tuple[str, int, int]]:
    out = []
    for path in paths:
        try:
            stat = path.stat()
            out.append((str(path), stat.st_size, stat.st_mtime_ns))
        except OSError:
            out.append((str(path), -1, -1))
    return out


class ResultCache:
    """Pickled entries under `<root>/.ficlint_cache/<version>/`."""

    def __init__(self, root: Path) -> None:
        self.base = root / CACHE_DIR_NAME
        self.folder = self.base / __version__
        self._ready = False

    @staticmethod
    def key(*parts: Any) -> str:
        return stable_digest((code_fingerprint(), parts))

    def get(self, kind: str, key: str) -> Any | None:
        import pickle  # here, not at the top: a run without the cache never needs it

        path = self.folder / kind / key[:2] / key
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except FileNotFoundError:
            return None
        except Exception:  # a damaged entry is a miss, never an error
            return None

    def put(self, kind: str, key: str, value: Any) -> None:
        import pickle

        try:
            self._prepare()
            folder = self.folder / kind / key[:2]
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, folder / key)
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            pass  # a cache that cannot be written only costs speed

    def _prepare(self) -> None:
        if self._ready:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.base / ".gitignore").write_text("# Created by ficlint.\n*\n", encoding="utf-8")
        (self.base / "CACHEDIR.TAG").write_text(_TAG, encoding="utf-8")
        for other in self.base.iterdir():
            if other.is_dir() and other.name != __version__:
                shutil.rmtree(other, ignore_errors=True)
        self._ready = True


class MemoryCache:
    """The result cache kept in memory, for a long-lived process (the language server's worker):
    the same keys and kinds as ResultCache, the oldest entries dropped past `limit`."""

    def __init__(self, limit: int = 2000) -> None:
        self.limit = limit
        self.entries: dict[tuple[str, str], Any] = {}

    key = staticmethod(ResultCache.key)

    def get(self, kind: str, key: str) -> Any | None:
        return self.entries.get((kind, key))

    def put(self, kind: str, key: str, value: Any) -> None:
        self.entries.pop((kind, key), None)
        self.entries[(kind, key)] = value
        while len(self.entries) > self.limit:
            del self.entries[next(iter(self.entries))]


def cache_root(config_path: Path | None) -> Path:
    """Where a manuscript's cache lives: $FICLINT_CACHE_DIR, the config's folder, or the current folder."""
    override = os.environ.get("FICLINT_CACHE_DIR")
    if override:
        return Path(override)
    return config_path.parent if config_path else Path.cwd()
