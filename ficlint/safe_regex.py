"""Regular expressions from rule packs, checked before they run.

Python's `re` cannot be interrupted once a match starts, so a pattern that
backtracks catastrophically (`(a+)+$`, `(\\w+\\s?)*x`) would hang a pre-commit
hook or an editor. Such patterns are rejected when the pack is loaded, with a
message that says why: a repetition that contains another unbounded
repetition ("star height" above one). Possessive repeats and atomic groups
(`(?>…)`, `a++`), which never backtrack, are allowed.
"""

from __future__ import annotations

import re
from typing import Any

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_BACKTRACKING_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}
_LARGE = 16  # a repeat allowing more than this many matches counts as unbounded
MAX_PATTERN_LENGTH = 2000


class UnsafePattern(ValueError):
    """A pattern that could take exponential time."""


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a user's pattern, or raise re.error / UnsafePattern with a clear reason."""
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
