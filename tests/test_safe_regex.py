"""No regular expression in a rule pack can hang a run: shipped packs' patterns are checked for
nested repeats; a writer's own run on RE2 (linear time), or without it under a hard time limit."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import run_cli

from ficlint.safe_regex import UnsafePattern, compile_pattern

CATASTROPHIC = [r"(a+)+$", r"(\w+\s?)*x", r"(a*)*b", r"((ab)+c?)+$", r"(?:x|y+)+z", r"(a|b+){2,}c"]
FINE = [r"\bcould of\b", r"a+b+", r"(?:ab)+", r"(?>a+)+b", r"a++", r"\w{2,3}(?:-\w{2,3}){1,4}", r"(ab){2}"]


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_nested_repetition_is_rejected(pattern: str) -> None:
    with pytest.raises(UnsafePattern, match="repeats something that itself repeats"):
        compile_pattern(pattern)


@pytest.mark.parametrize("pattern", FINE)
def test_ordinary_patterns_compile(pattern: str) -> None:
    assert compile_pattern(pattern).pattern == pattern


# -- a writer's own packs: RE2 ----------------------------------------------------------------

PACK = r"""rules:
  - {id: X001, name: x-one, kind: existence, category: style, summary: s, why: w,
     patterns: ['(a|aa)+$'], flags: [aa], allows: [b]}
  - {id: X002, name: x-two, kind: existence, category: style, summary: s, why: w,
     patterns: ['(a|a)+b$'], flags: [ab], allows: [b]}
  - {id: X003, name: x-three, kind: existence, category: style, summary: s, why: w,
     patterns: ['(a+)+$'], flags: [aa], allows: [b]}
  - {id: X004, name: x-sum, kind: substitution, category: style, summary: s, why: w,
     swap: {'su[m]': total}, flags: [a sum], allows: [résumé]}
  - {id: X005, name: x-alot, kind: substitution, category: spelling, summary: s, why: w,
     swap: {alot: a lot}, after: '\s+(?:of|more)', flags: [alot of], allows: [alot]}
"""
LONG_LINE = "a" * 5000 + "!\n"  # every backtracking engine takes exponential time on it


def pack_story(folder: Path, pack: str = PACK) -> Path:
    (folder / ".ficlint.yaml").write_text("select: [X]\npacks: [mine.yaml]\n", encoding="utf-8")
    (folder / "mine.yaml").write_text(pack, encoding="utf-8")
    (folder / "long.txt").write_text(LONG_LINE, encoding="utf-8")
    (folder / "scream.txt").write_text("She screamed aaaa", encoding="utf-8")
    (folder / "cry.txt").write_text("It went on and on, aaaab", encoding="utf-8")
    (folder / "money.txt").write_text("Her résumé asked for a sum. They had alot alot of them, alot more.\n",
                                      encoding="utf-8")
    return folder


def run_timed(args: list[str], cwd: Path,
              block_re2: bool = False) -> tuple[subprocess.CompletedProcess[str], float]:
    """The real CLI, stopped by the test after 60 s (a hang fails the test instead of the suite)."""
    setup = "import sys; sys.modules['re2'] = None; " if block_re2 else "import sys; "
    script = setup + f"from ficlint.cli import main; sys.argv = ['ficlint', *{args!r}]; main()"
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", script], cwd=cwd, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "NO_COLOR": "1"})
    return proc, time.monotonic() - started


def findings(stdout: str) -> list[tuple[str, str, str]]:
    """(file, rule, flagged text's start) of each -q line."""
    out = []
    for line in stdout.splitlines():
        m = re.match(r"(\S+?):(\d+):(\d+): \w+\[(\w+)\]", line)
        if m:
            out.append((m[1], m[4], f"{m[2]}:{m[3]}"))
    return out


def test_catastrophic_user_patterns_run_in_linear_time(tmp_path: Path) -> None:
    pytest.importorskip("re2", reason="google-re2 is a dependency where PyPI has a wheel")
    pack_story(tmp_path)
    proc, seconds = run_timed(["check", "-q", "--no-cache", "."], tmp_path)
    assert seconds < 20, seconds
    assert proc.stderr == "" and proc.returncode == 1
    assert findings(proc.stdout) == [
        ("cry.txt", "X002", "1:20"),  # aaaab
        ("money.txt", "X004", "1:24"),  # sum, not the "sum" in résumé
        ("money.txt", "X005", "1:43"),  # the second alot (followed by "of")
        ("money.txt", "X005", "1:57"),  # and the third (its "more" right after a match's context)
        ("scream.txt", "X001", "1:14"),
        ("scream.txt", "X003", "1:14"),
    ]


@pytest.mark.parametrize(("pattern", "construct"), [
    (r"(?<=\s)alot", "a lookbehind `(?<=…)`"),
    (r"alot(?!s)", "a lookahead `(?!…)`"),
    (r"(\w+) \1", "a backreference"),
    (r"(?>a+)b", "an atomic group"),
])
def test_a_user_pattern_re2_cannot_run_is_one_error_line(tmp_path: Path, pattern: str,
                                                         construct: str) -> None:
    pack = ("rules:\n  - id: X010\n    name: x-ten\n    kind: existence\n    category: style\n"
            f"    summary: s\n    why: w\n    patterns: ['{pattern}']\n    flags: [x]\n    allows: [y]\n")
    pack_story(tmp_path, pack)
    result = run_cli("check", ".", cwd=tmp_path)
    assert result.code == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("ficlint: error: ")
    assert f"{tmp_path / 'mine.yaml'}:2: rule X010: pattern " in line
    assert construct in line


def test_without_re2_a_catastrophic_pattern_is_stopped_by_the_time_limit(tmp_path: Path) -> None:
    """Where google-re2 has no wheel: Python's re in a helper process, killed after the time limit."""
    pack_story(tmp_path)
    proc, seconds = run_timed(["check", "-q", "--no-cache", "."], tmp_path, block_re2=True)
    assert seconds < 30, seconds
    assert proc.returncode == 2
    stopped = [line for line in proc.stderr.splitlines() if "took longer than" in line]
    assert len(stopped) == 3 and all("long.txt" in line for line in stopped), proc.stderr
    assert "rule X001 (mine.yaml): pattern '(a|aa)+$'" in proc.stderr
    assert "pip install google-re2" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert findings(proc.stdout) == [  # every other file is checked as with RE2
        ("cry.txt", "X002", "1:20"),
        ("money.txt", "X004", "1:24"),
        ("money.txt", "X005", "1:43"),
        ("money.txt", "X005", "1:57"),
        ("scream.txt", "X001", "1:14"),
        ("scream.txt", "X003", "1:14"),
    ]
