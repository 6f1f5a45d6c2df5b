"""Applying fixes: `ficlint check --fix` / `--diff` / `--unsafe-fixes`, and the language server.

Only fixes marked safe are applied unless unsafe fixes are asked for. In one
pass, the first fix of each diagnostic is applied when it does not overlap a
fix already chosen; then the manuscript is linted again and the next pass
applies what the first one had to leave, until nothing changes (at most
MAX_PASSES passes). A fix replaces exactly its span; nothing else in the text
changes, so line endings, the BOM and the encoding stay as they were.

Files are written atomically: a temporary file in the same folder, then
os.replace, so a crash never leaves half a chapter behind.
"""

from __future__ import annotations

import contextlib
import difflib
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ficlint.diagnostics import Diagnostic, Fix
from ficlint.engine import FileResult
from ficlint.source import Source

MAX_PASSES = 10


@dataclass
class FileFix:
    """What fixing did to one file."""

    original: Source
    fixed: Source
    applied: int  # fixes applied over all passes

    @property
    def changed(self) -> bool:
        return self.fixed.text != self.original.text

    def diff(self) -> str:
        """A unified diff of the change, for `--diff`."""
        before = self.original.text.splitlines(keepends=True)
        after = self.fixed.text.splitlines(keepends=True)
        lines = difflib.unified_diff(before, after, f"a/{self.original.path}", f"b/{self.original.path}")
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                       for line in lines)


def usable_fix(diagnostic: Diagnostic, unsafe: bool) -> Fix | None:
    """The fix `--fix` would apply for a diagnostic: its first one, if allowed."""
    for fix in diagnostic.fixes[:1]:
        if fix.safe or unsafe:
            return fix
    return None


def choose_fixes(diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> list[Fix]:
    """Fixes that can be applied together: sorted, none overlapping another.

    Two insertions at the same point, or a fix inside another's span, conflict;
    the later one waits for the next pass (after a re-lint it may no longer apply).
    """
    usable = dict.fromkeys(f for d in diagnostics if (f := usable_fix(d, unsafe)) is not None)
    candidates = sorted(usable, key=lambda f: (f.start, f.end))  # stable: ties keep the findings' order
    chosen: list[Fix] = []
    for fix in candidates:
        if chosen and _conflicts(chosen[-1], fix):
            continue
        chosen.append(fix)
    return chosen


def _conflicts(before: Fix, fix: Fix) -> bool:
    if fix.start < before.end:
        return True
    return fix.start == before.end and before.start == before.end == fix.end  # two insertions at one point


def apply_fixes(text: str, fixes: Sequence[Fix], newline: str = "\n") -> str:
    """`text` with non-overlapping, sorted `fixes` applied; text between spans is copied unchanged."""
    parts: list[str] = []
    at = 0
    for fix in fixes:
        parts.append(text[at:fix.start])
        replacement = fix.replacement
        if newline != "\n" and "\n" in replacement and newline not in replacement:
            replacement = replacement.replace("\n", newline)
        parts.append(replacement)
        at = fix.end
    parts.append(text[at:])
    return "".join(parts)


Relint = Callable[[Sequence[Source]], list[FileResult]]


def fix_manuscript(sources: Sequence[Source], unsafe: bool, relint: Relint,
                   results: Sequence[FileResult] | None = None,
                   max_passes: int = MAX_PASSES) -> tuple[list[FileFix], list[FileResult]]:
    """Fix files that form one manuscript, in memory. Returns what changed and the final lint results.

    `relint` lints texts of the manuscript (ManuscriptRun.lint); `results`, when given, are the
    lint results of `sources` already at hand (saves one lint)."""
    current = list(sources)
    applied = [0] * len(current)
    results = list(results) if results is not None else relint(current)
    for _ in range(max_passes):
        changed = False
        for i, (source, result) in enumerate(zip(current, results, strict=True)):
            fixes = choose_fixes(result.diagnostics, unsafe)
            if not fixes:
                continue
            text = apply_fixes(source.text, fixes, source.newline)
            if text != source.text:
                current[i] = replace(source, text=text)
                applied[i] += len(fixes)
                changed = True
        if not changed:
            break
        results = relint(current)
    changes = zip(sources, current, applied, strict=True)
    return [FileFix(original, fixed, n) for original, fixed, n in changes], results


class ReadOnlyFile(PermissionError):
    """A file `--fix` will not write: it is read-only (for root too: no write permission bit is set)."""


def write_atomically(path: str | Path, data: bytes) -> None:
    """Replace a file's bytes in one step, keeping its mode, owner and group; symlinks are followed.
    A read-only file is refused (ReadOnlyFile): the atomic rename would only need a writable folder."""
    target = Path(path).resolve()
    before = target.stat() if target.exists() else None
    if before is not None and not _writable(target, before):
        raise ReadOnlyFile(errno.EACCES, "the file is read-only", str(path))
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".ficlint-tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if before is not None:
            _keep_owner(tmp_name, before)
            os.chmod(tmp_name, stat.S_IMODE(before.st_mode))  # after chown, which clears setuid/setgid
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def _writable(path: Path, info: os.stat_result) -> bool:
    if _is_root():  # root may write anything; a file nobody may write is still meant to stay as it is
        return bool(info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    return os.access(path, os.W_OK)


def _keep_owner(tmp_name: str, before: os.stat_result) -> None:
    """The new file is created as whoever runs ficlint: give it the old file's owner and group
    (root can; anyone else can at least keep a group they belong to)."""
    if not hasattr(os, "chown"):
        return
    if _is_root():
        os.chown(tmp_name, before.st_uid, before.st_gid)
    elif os.stat(tmp_name).st_gid != before.st_gid:
        with contextlib.suppress(OSError):
            os.chown(tmp_name, -1, before.st_gid)


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def write_fix(fix: FileFix) -> None:
    """Write a fixed file back in its own encoding, with its BOM. Raises UnicodeEncodeError
    when a replacement cannot be written in the file's encoding (nothing is written then)."""
    write_atomically(fix.original.path, fix.fixed.encode(fix.fixed.text))
