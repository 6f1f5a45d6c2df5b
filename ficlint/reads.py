"""What a check of one document read of the manuscript's facts, so that its findings can be
reused when the facts change in ways it never looked at.

A manuscript's facts change with almost every edit: the capitals census counts every word, so
typing "big" in chapter 3 changes the count of "big". Keyed on the whole facts, every part of a
long file (and every chapter) would then be checked again for a one-word edit. Most checks,
though, read a few entries of those counts (the words they judge), and an edit rarely changes
those. So while a document is checked, its reads are logged: a fact that is a dataclass of
mappings and sets (a census of counters, a set of names) is watched key by key (its small
plain fields taken whole), anything else is taken whole. A stored
result is reused when every read gives the same answer under the current facts — exact, not
a guess: what was never read cannot have changed the findings.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator, Mapping, Set
from dataclasses import dataclass, field
from typing import Any

from ficlint.cache import stable_digest

_MISSING = ("<missing>",)  # what a lookup of an absent key gave (a KeyError)

Probe = tuple[str, Hashable]  # ("[]", key) or ("in", key)


@dataclass
class Reads:
    """The reads of one document's check: facts taken whole (by digest), mapping fields taken
    whole (by digest), and single lookups with what they gave."""

    whole: dict[str, str] = field(default_factory=dict)
    fields: dict[tuple[str, str], str] = field(default_factory=dict)
    lookups: dict[tuple[str, str], dict[Probe, object]] = field(default_factory=dict)

    def hold(self, manuscript: Mapping[str, object], digests: Digests) -> bool:
        """Does every read give the same answer under `manuscript`?"""
        if any(digests.of(manuscript.get(name), name) != digest for name, digest in self.whole.items()):
            return False
        for (name, field_name), digest in self.fields.items():
            if digests.of(_field(manuscript.get(name), field_name), name, field_name) != digest:
                return False
        for (name, field_name), probes in self.lookups.items():
            mapping = _field(manuscript.get(name), field_name)
            if not isinstance(mapping, (Mapping, Set)):
                return False
            if any(_probe(mapping, probe) != answer for probe, answer in probes.items()):
                return False
        return True


class Digests:
    """Digests of the current facts, each computed once per run."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, ...], str] = {}

    def of(self, value: object, *where: str) -> str:
        digest = self._known.get(where)
        if digest is None:
            digest = self._known[where] = stable_digest(value)
        return digest


class ReadLog:
    """Hands a check the facts it asks for, watched, and logs what it reads."""

    def __init__(self, digests: Digests | None = None) -> None:
        self.reads = Reads()
        self.digests = digests or Digests()
        self._watched: dict[str, object] = {}

    def watch(self, name: str, value: object) -> object:
        if name not in self._watched:
            self._watched[name] = self._watched_value(name, value)
        return self._watched[name]

    def _watched_value(self, name: str, value: object) -> object:
        fields = _watchable_fields(value)
        if fields is None:
            self.reads.whole[name] = self.digests.of(value, name)
            return value
        watched = dataclasses.replace(value)  # type: ignore[type-var]
        for field_name in fields:
            inner = getattr(value, field_name)
            if isinstance(inner, Mapping):
                object.__setattr__(watched, field_name, _Watched(inner, self._logger(name, field_name)))
            elif isinstance(inner, Set):
                object.__setattr__(watched, field_name, _WatchedSet(inner, self._logger(name, field_name)))
            else:  # a small plain value: read whole, now
                self.reads.fields[(name, field_name)] = self.digests.of(inner, name, field_name)
        return watched

    def _logger(self, name: str, field_name: str) -> Callable[[Probe | None, object], None]:
        lookups = self.reads.lookups.setdefault((name, field_name), {})

        def log(probe: Probe | None, mapping: object) -> None:
            if probe is None:  # read as a whole (iterated, sized, copied)
                self.reads.fields[(name, field_name)] = self.digests.of(mapping, name, field_name)
            else:
                lookups[probe] = _probe(mapping, probe)  # type: ignore[arg-type]

        return log


_PLAIN = (str, int, float, bool, tuple, type(None))


def _watchable_fields(value: object) -> list[str] | None:
    """The fields of a dataclass made of mappings, sets and small plain values (tuples, strings,
    numbers), each of which can be watched; None for any other value."""
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return None
    names = [f.name for f in dataclasses.fields(value)]
    if not names or not all(f.init for f in dataclasses.fields(value)):
        return None
    for v in (getattr(value, n) for n in names):
        if isinstance(v, defaultdict) or not isinstance(v, (Mapping, Set, *_PLAIN)):
            return None
    return names


def _field(value: object, name: str) -> object:
    return getattr(value, name, None)


def _probe(mapping: Mapping[Any, Any] | Set[Any], probe: Probe) -> object:
    kind, key = probe
    if kind == "in" or isinstance(mapping, Set):
        return key in mapping
    try:
        return mapping[key]
    except KeyError:
        return _MISSING


class _WatchedCollection:
    """What a watched mapping and a watched set share: a membership test is logged on its own,
    anything that reads the whole (iteration, size, any other method) as a read of the whole."""

    def __init__(self, inner: Any, log: Callable[[Probe | None, object], None]) -> None:
        self._inner = inner
        self._log = log

    def _whole(self) -> Any:
        self._log(None, self._inner)
        return self._inner

    def __contains__(self, key: object) -> bool:
        self._log(("in", key), self._inner)  # type: ignore[arg-type]
        return key in self._inner

    def __iter__(self) -> Iterator[Any]:
        return iter(self._whole())

    def __len__(self) -> int:
        return len(self._whole())

    def __getattr__(self, name: str) -> Any:  # most_common, union, copy...: the whole is read
        return getattr(self._whole(), name)


class _Watched(_WatchedCollection, Mapping[Any, Any]):
    """A read-only view of a mapping that logs each lookup, or a read of the whole."""

    def __getitem__(self, key: Any) -> Any:
        self._log(("[]", key), self._inner)
        return self._inner[key]

    def get(self, key: Any, default: Any = None) -> Any:
        if key in self:  # logs the membership, then the value
            return self[key]
        return default

    def keys(self) -> Any:
        return self._whole().keys()

    def values(self) -> Any:
        return self._whole().values()

    def items(self) -> Any:
        return self._whole().items()


class _WatchedSet(_WatchedCollection, Set[Any]):
    """A read-only view of a set that logs each membership test, or a read of the whole (the set
    operations of Set are built on iteration, which logs it)."""

    def __hash__(self) -> int:
        return hash(self._whole())
