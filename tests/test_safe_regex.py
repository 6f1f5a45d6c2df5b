"""A catastrophic regular expression in a user's rule pack is rejected with a
clear error instead of hanging the run."""

from __future__ import annotations

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


def test_a_user_pack_with_a_catastrophic_pattern_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / ".ficlint.yaml").write_text("packs: [mine.yaml]\n", encoding="utf-8")
    (tmp_path / "mine.yaml").write_text(
        "rules:\n"
        "  - {id: X001, name: slow, kind: existence, category: style, summary: s, why: w,\n"
        "     patterns: ['(a+)+$'], flags: [aaaa], allows: [b]}\n",
        encoding="utf-8",
    )
    chapter = tmp_path / "c.txt"
    chapter.write_text("a" * 40 + "b\n", encoding="utf-8")
    result = run_cli("check", str(chapter), cwd=tmp_path)
    assert result.code == 2
    assert "mine.yaml" in result.stderr and "X001" in result.stderr
    assert "exponential time" in result.stderr
    assert "Traceback" not in result.stderr
