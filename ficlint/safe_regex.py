"""Regular expressions from rule packs, compiled so that none can hang a run.

Python's `re` backtracks: `(a|aa)+$` or `(a+)+$` on a line of a's takes exponential time, and a
match cannot be interrupted. So the patterns of a writer's own packs run on RE2 (`google-re2`,
the engine Vale's Go regexp is modelled on), which takes time linear in the text, whatever the
pattern. RE2 has no lookarounds and no backreferences: a user pattern that uses one is refused
when the pack loads, naming the construct (context goes in `before` / `after`).

The packs that ship with ficlint keep Python's `re`: they are reviewed and tested with the code,
and their patterns rely on Python's Unicode `\\w` and `\\b` (RE2's are ASCII-only).

Where no google-re2 wheel exists for the platform, user patterns run on Python's `re` in a helper
process, and a search that takes longer than MATCH_TIME_LIMIT seconds is stopped by killing that
process (PatternTimeout), so even then nothing hangs.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any, Protocol

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_BACKTRACKING_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}
_LARGE = 16  # a repeat allowing more than this many matches counts as unbounded
MAX_PATTERN_LENGTH = 2000
MATCH_TIME_LIMIT = 2.0  # seconds one search of one document may take without RE2


class UnsafePattern(ValueError):
    """A pattern that could take exponential time, or that RE2 cannot run."""


class PatternTimeout(RuntimeError):
    """A user pattern searched one document for longer than MATCH_TIME_LIMIT (only without RE2)."""


class Match(Protocol):
    def span(self, group: int | str = 0) -> tuple[int, int]: ...
    def start(self, group: int | str = 0) -> int: ...
    def end(self, group: int | str = 0) -> int: ...
    def group(self, group: int | str = 0) -> str | Any: ...
    def expand(self, template: str) -> str: ...


class Pattern(Protocol):
    """What rule packs need of a compiled pattern: Python's re.Pattern, or a user pattern's engine."""

    @property
    def groupindex(self) -> Mapping[str, int]: ...
    def finditer(self, text: str) -> Iterator[Match]: ...


# -- shipped packs: Python's re -------------------------------------------------------------


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a shipped pack's pattern, or raise re.error / UnsafePattern with a clear reason."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise UnsafePattern(f"pattern is longer than {MAX_PATTERN_LENGTH} characters")
    parsed = _sre_parse.parse(pattern, flags)
    if _nested_repeat(parsed, inside_repeat=False):
        raise UnsafePattern(
            f"pattern {pattern!r} repeats something that itself repeats (like `(a+)+`); it can take "
            "exponential time on some text. Rewrite it without a repeat inside a repeat, or make the "
            "inner one possessive (`a++`) or atomic (`(?>a+)`)"
        )
    return re.compile(pattern, flags)


def _nested_repeat(parsed: Any, inside_repeat: bool) -> bool:
    for op, arg in parsed:
        if op in _BACKTRACKING_REPEATS:
            low, high, sub = arg
            unbounded = high == _c.MAXREPEAT or high > _LARGE
            if unbounded and inside_repeat:
                return True
            if _nested_repeat(sub, inside_repeat or unbounded):
                return True
        elif op == _c.SUBPATTERN:
            if _nested_repeat(arg[-1], inside_repeat):
                return True
        elif op == _c.BRANCH:
            if any(_nested_repeat(branch, inside_repeat) for branch in arg[1]):
                return True
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            if _nested_repeat(arg[1], inside_repeat):
                return True
        elif op == getattr(_c, "ATOMIC_GROUP", None) or op == getattr(_c, "POSSESSIVE_REPEAT", None):
            continue  # no backtracking into these
    return False


# -- user packs: RE2, or Python's re under a time limit -------------------------------------------


def compile_user_pattern(pattern: str, ignorecase: bool, word_edges: bool = False) -> Pattern:
    """Compile a pattern from a writer's pack to run in linear time (or under a time limit).

    `word_edges`: the pattern's `hit` group (or the whole match) is wrapped in `\\b…\\b` by ficlint;
    its edges are then held to Python's Unicode word boundaries (RE2's `\\b` is ASCII-only, so
    `\\bsum\\b` would match in "résumé"). Raises re.error or UnsafePattern with the reason."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise UnsafePattern(f"pattern is longer than {MAX_PATTERN_LENGTH} characters")
    flags = re.IGNORECASE if ignorecase else 0
    construct = _unsupported(_sre_parse.parse(pattern, flags))  # re.error for a pattern that is not one
    if construct:
        raise UnsafePattern(
            f"pattern {pattern!r} uses {construct}, which patterns in your own packs cannot: they run on "
            "RE2, which never takes more than linear time but has no lookarounds, backreferences, "
            "conditionals, atomic groups or possessive repeats (put context in `before` / `after`)")
    engine = _re2()
    if engine is None:
        return _LimitedPattern(pattern, flags, word_edges)
    return _Re2Pattern(engine, pattern, ignorecase, word_edges)


def _unsupported(parsed: Any) -> str | None:
    """The first construct RE2 lacks, described for a writer, or None."""
    for op, arg in parsed:
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            behind, negative = arg[0] < 0, op == _c.ASSERT_NOT
            syntax = "(?" + ("<" if behind else "") + ("!" if negative else "=") + "…)"
            return f"a look{'behind' if behind else 'ahead'} `{syntax}`"
        if op == _c.GROUPREF:
            return "a backreference (`\\1`, `(?P=name)`)"
        if op == _c.GROUPREF_EXISTS:
            return "a conditional `(?(1)…|…)`"
        if op == getattr(_c, "ATOMIC_GROUP", None):
            return "an atomic group `(?>…)` (write `(?:…)`: RE2 never backtracks)"
        if op == getattr(_c, "POSSESSIVE_REPEAT", None):
            return "a possessive repeat like `a++` (write `a+`: RE2 never backtracks)"
        for sub in _subpatterns(op, arg):
            found = _unsupported(sub)
            if found:
                return found
    return None


def _subpatterns(op: Any, arg: Any) -> list[Any]:
    if op in _BACKTRACKING_REPEATS or op == getattr(_c, "POSSESSIVE_REPEAT", None):
        return [arg[2]]
    if op == _c.SUBPATTERN:
        return [arg[-1]]
    if op == _c.BRANCH:
        return list(arg[1])
    return []


@functools.cache
def _re2() -> Any | None:
    try:
        import re2
    except ImportError:
        return None
    return re2


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _word_boundary(text: str, at: int) -> bool:
    """Python's Unicode `\\b` at `at`."""
    before = at > 0 and _is_word(text[at - 1])
    after = at < len(text) and _is_word(text[at])
    return before != after


class _Found:
    """A match found by a user pattern: spans of every group, in code points of the searched text."""

    __slots__ = ("_groupindex", "_spans", "_text")

    def __init__(self, text: str, spans: list[tuple[int, int]], groupindex: Mapping[str, int]) -> None:
        self._text = text
        self._spans = spans
        self._groupindex = groupindex

    def _index(self, group: int | str) -> int:
        return self._groupindex[group] if isinstance(group, str) else group

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self._spans[self._index(group)]

    def start(self, group: int | str = 0) -> int:
        return self.span(group)[0]

    def end(self, group: int | str = 0) -> int:
        return self.span(group)[1]

    def group(self, group: int | str = 0) -> str | None:
        start, end = self.span(group)
        return None if start < 0 else self._text[start:end]

    def expand(self, template: str) -> str:
        """Python's `\\1` / `\\g<name>` replacement templates."""
        def group_text(m: re.Match[str]) -> str:
            name = m.group(1) or m.group(2)
            return self.group(int(name) if name.isdigit() else name) or ""

        return _TEMPLATE_GROUP.sub(group_text, template)


_TEMPLATE_GROUP = re.compile(r"\\g<(\w+)>|\\(\d{1,2})")


class _Re2Pattern:
    """A user pattern on RE2. The text is searched as UTF-8 bytes, encoded once per search of a
    document; byte offsets are turned into code points as the matches come, in one pass."""

    def __init__(self, re2: Any, pattern: str, ignorecase: bool, word_edges: bool) -> None:
        options = re2.Options()
        options.case_sensitive = not ignorecase
        options.log_errors = False  # RE2 would print its own message for a bad pattern
        try:
            self._regexp = re2.compile(pattern, options)
        except re2.error as err:
            message = err.args[0].decode("utf-8", "replace") if err.args and isinstance(err.args[0], bytes) \
                else str(err)
            raise UnsafePattern(f"pattern {pattern!r}: RE2 cannot compile it: {message}") from None
        self.groupindex: Mapping[str, int] = self._regexp.groupindex
        self._hit = self.groupindex.get("hit", 0)
        self._word_edges = word_edges

    def finditer(self, text: str) -> Iterator[_Found]:
        data = text.encode("utf-8", "surrogatepass")
        to_char = _ByteOffsets(data, ascii_only=len(data) == len(text))
        pos = 0
        while pos <= len(data):
            match = self._regexp.search(data, pos)
            if match is None:
                return
            spans = [to_char(match.span(i)) for i in range(self._regexp.groups + 1)]
            found = _Found(text, spans, self.groupindex)
            start, end = found.span(self._hit)
            if not self._word_edges or (_word_boundary(text, start) and _word_boundary(text, end)):
                yield found
            # the next search starts after the reported span: context matched after it (a substitution's
            # `after`) may hold the next finding, as it could with a lookahead
            hit_end = match.span(self._hit)[1]
            pos = hit_end if hit_end > match.start() else match.start() + _char_len(data, match.start())


def _char_len(data: bytes, at: int) -> int:
    """Bytes of the UTF-8 character at `at` (1 at the end)."""
    if at >= len(data):
        return 1
    lead = data[at]
    return 1 if lead < 0x80 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4


class _ByteOffsets:
    """UTF-8 byte offsets → code point offsets, for offsets that mostly increase."""

    def __init__(self, data: bytes, ascii_only: bool) -> None:
        self.data = data
        self.ascii_only = ascii_only
        self.byte, self.char = 0, 0

    def __call__(self, span: tuple[int, int]) -> tuple[int, int]:
        if span[0] < 0 or self.ascii_only:
            return span
        return self.at(span[0]), self.at(span[1])

    def at(self, offset: int) -> int:
        """Counted from the last offset asked for, forwards or (a group's start, context after a
        hit) backwards: the matches' offsets move forward, so this is one pass over the text."""
        if offset >= self.byte:
            self.char += len(self.data[self.byte:offset].decode("utf-8", "surrogatepass"))
        else:
            self.char -= len(self.data[offset:self.byte].decode("utf-8", "surrogatepass"))
        self.byte = offset
        return self.char


class _LimitedPattern:
    """A user pattern on Python's `re` in a helper process, for platforms without RE2: a search
    that runs longer than MATCH_TIME_LIMIT is stopped by killing the helper (PatternTimeout)."""

    def __init__(self, pattern: str, flags: int, word_edges: bool) -> None:
        self.pattern, self.flags = pattern, flags
        self.groupindex: Mapping[str, int] = re.compile(pattern, flags).groupindex
        self._hit = self.groupindex.get("hit", 0)
        self._word_edges = word_edges

    def finditer(self, text: str) -> Iterator[_Found]:
        from ficlint.regex_helper import search_all

        try:
            matches = search_all(self.pattern, self.flags, text, self._hit, MATCH_TIME_LIMIT)
        except TimeoutError:
            raise PatternTimeout(
                f"pattern {self.pattern!r} took longer than {MATCH_TIME_LIMIT:g} s on one file and was "
                "stopped (without the google-re2 package, user patterns run under a time limit; "
                "`pip install google-re2` where it is available, or simplify the pattern)") from None
        for spans in matches:
            found = _Found(text, [tuple(s) for s in spans], self.groupindex)  # type: ignore[misc]
            start, end = found.span(self._hit)
            if not self._word_edges or (_word_boundary(text, start) and _word_boundary(text, end)):
                yield found
