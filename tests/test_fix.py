"""`ficlint check --fix / --diff / --unsafe-fixes`, checked byte by byte on real files.

The mechanics rules are the stable fixtures: M001 (two-dot ellipsis) has a safe
fix, M006 (missing end punctuation) an unsafe one.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
from conftest import SEEDS, run_cli

from ficlint.diagnostics import Diagnostic, Fix
from ficlint.fixer import apply_fixes, choose_fixes

SELECT = ("--select", "M001,M006")


def fix(*paths: Path, extra: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    return run_cli("check", *SELECT, "--fix", *extra, *map(str, paths))


# -- bytes on disk -------------------------------------------------------------------

def test_crlf_and_bom_are_kept(tmp_path: Path) -> None:
    chapter = tmp_path / "chapter.txt"
    chapter.write_bytes(b"\xef\xbb\xbfShe waited..then left.\r\n\r\nHe stayed.\r\n")
    result = fix(chapter)
    assert result.code == 0, result.stdout + result.stderr
    assert chapter.read_bytes() == b"\xef\xbb\xbfShe waited...then left.\r\n\r\nHe stayed.\r\n"
    assert "applied 1 fix in 1 file" in result.stderr


def test_utf16_file_stays_utf16(tmp_path: Path) -> None:
    chapter = tmp_path / "chapter.txt"
    chapter.write_bytes(b"\xff\xfe" + "Wait..what?\r\n".encode("utf-16-le"))
    assert fix(chapter).code == 0
    assert chapter.read_bytes() == b"\xff\xfe" + "Wait...what?\r\n".encode("utf-16-le")


def test_utf16_file_without_byte_order_mark_stays_so(tmp_path: Path) -> None:
    chapter = tmp_path / "chapter.txt"
    chapter.write_bytes("Wait..what?\r\n".encode("utf-16-be"))
    assert fix(chapter).code == 0
    assert chapter.read_bytes() == "Wait...what?\r\n".encode("utf-16-be")


def test_cp1252_file_stays_cp1252(tmp_path: Path) -> None:
    chapter = tmp_path / "chapter.txt"
    chapter.write_bytes("At the café..she waited.\n".encode("cp1252"))
    assert fix(chapter).code == 0
    assert chapter.read_bytes() == "At the café...she waited.\n".encode("cp1252")


def test_mixed_line_endings_and_missing_final_newline_are_kept(tmp_path: Path) -> None:
    chapter = tmp_path / "chapter.md"
    original = b"First line..\r\nSecond line.\nThird..line."
    chapter.write_bytes(original)
    assert fix(chapter).code == 0
    assert chapter.read_bytes() == b"First line...\r\nSecond line.\nThird...line."


def test_second_run_changes_nothing(tmp_path: Path) -> None:
    chapter = tmp_path / "chapter.md"
    chapter.write_bytes(b"One..two..three.\n\nShe walked out the door\n")
    first = fix(chapter)
    assert first.code == 1  # M006 is left: its fix is unsafe
    after_first = chapter.read_bytes()
    assert after_first == b"One...two...three.\n\nShe walked out the door\n"
    second = fix(chapter)
    assert chapter.read_bytes() == after_first
    assert "applied" not in second.stderr
    assert "M006" in second.stdout and "M001" not in second.stdout


def test_unsafe_fixes_opt_in(tmp_path: Path) -> None:
    chapter = tmp_path / "chapter.md"
    chapter.write_bytes(b"One..two.\n\nShe walked out the door\n")
    result = fix(chapter, extra=("--unsafe-fixes",))
    assert result.code == 0, result.stdout
    assert chapter.read_bytes() == b"One...two.\n\nShe walked out the door.\n"


def test_diff_shows_and_writes_nothing(tmp_path: Path) -> None:
    chapter = tmp_path / "chapter.md"
    original = b"She waited..then left.\n\nShe walked out the door\n"
    chapter.write_bytes(original)
    result = run_cli("check", *SELECT, "--diff", str(chapter))
    assert result.code == 1
    assert chapter.read_bytes() == original
    assert f"--- a/{chapter}" in result.stdout
    assert "-She waited..then left." in result.stdout and "+She waited...then left." in result.stdout
    assert "door." not in result.stdout  # the unsafe fix is not shown without --unsafe-fixes
    clean = tmp_path / "clean.md"
    clean.write_text("She waited... then left.\n", encoding="utf-8")
    assert run_cli("check", *SELECT, "--diff", str(clean)).code == 0


def test_write_is_atomic_and_keeps_permissions(tmp_path: Path) -> None:
    chapter = tmp_path / "chapter.md"
    chapter.write_bytes(b"Wait..what.\n")
    chapter.chmod(0o640)
    assert fix(chapter).code == 0
    assert stat.S_IMODE(chapter.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chapter.md"]  # no temporary file left


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_symlinked_chapter_is_fixed_through_the_link(tmp_path: Path) -> None:
    real = tmp_path / "drafts" / "chapter.md"
    real.parent.mkdir()
    real.write_bytes(b"Wait..what.\n")
    link = tmp_path / "chapter.md"
    link.symlink_to(real)
    assert fix(link).code == 0
    assert link.is_symlink()
    assert real.read_bytes() == b"Wait...what.\n"


def test_stdin_fix_prints_the_fixed_text(tmp_path: Path) -> None:
    result = run_cli("check", *SELECT, "--fix", "-", "--stdin-filename", str(tmp_path / "chapter.md"),
                     input="Wait..what.\n\nShe walked out the door\n")
    assert result.stdout == "Wait...what.\n\nShe walked out the door\n"
    assert "M006" in result.stderr
    assert result.code == 1


def test_fix_reports_what_is_left_in_json(tmp_path: Path) -> None:
    chapter = tmp_path / "chapter.md"
    chapter.write_bytes(b"Wait..what.\n\nShe walked out the door\n")
    result = fix(chapter, extra=("--format", "json"))
    report = result.json()  # stdout stays pure JSON; the fix count goes to stderr
    assert [d["rule"] for f in report["files"] for d in f["diagnostics"]] == ["M006"]


# -- the seeds ---------------------------------------------------------------------------

def test_fix_on_copies_of_the_seeds(tmp_path: Path) -> None:
    seeds = [p for p in sorted(SEEDS.glob("*.txt"))]
    assert seeds
    for seed in seeds:
        shutil.copy(seed, tmp_path / seed.name)
    select = ("--select", "M")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    findings_before = run_cli("check", *select, "--format", "json", str(tmp_path)).json()
    safe_before = sum(1 for f in findings_before["files"] for d in f["diagnostics"]
                      if d["fixes"] and d["fixes"][0]["safe"])
    assert safe_before > 0

    result = run_cli("check", *select, "--fix", "--format", "json", str(tmp_path))
    assert f"applied {safe_before} fix" in result.stderr
    left = result.json()
    assert not [d for f in left["files"] for d in f["diagnostics"] if d["fixes"] and d["fixes"][0]["safe"]]
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert after != before
    for name, data in after.items():  # the line structure is kept: fixes stay inside lines
        assert data.count(b"\n") == before[name].count(b"\n")
        assert data.count(b"\r") == before[name].count(b"\r")

    again = run_cli("check", *select, "--diff", str(tmp_path))
    assert again.code == 0 and again.stdout == ""
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == after


# -- choosing and applying fixes in memory -----------------------------------------------

def _diag(*fixes: Fix) -> Diagnostic:
    return Diagnostic("M001", fixes[0].start if fixes else 0, fixes[0].end if fixes else 0, "m", fixes)


def test_overlapping_fixes_wait_for_the_next_pass() -> None:
    chosen = choose_fixes([_diag(Fix(0, 5, "x")), _diag(Fix(3, 8, "y")), _diag(Fix(8, 9, "z"))])
    assert chosen == [Fix(0, 5, "x"), Fix(8, 9, "z")]


def test_two_insertions_at_one_point_conflict() -> None:
    assert choose_fixes([_diag(Fix(4, 4, ".")), _diag(Fix(4, 4, "!"))]) == [Fix(4, 4, ".")]


def test_unsafe_fixes_are_left_out_unless_asked() -> None:
    diags = [_diag(Fix(0, 1, "A", safe=False))]
    assert choose_fixes(diags) == []
    assert choose_fixes(diags, unsafe=True) == [Fix(0, 1, "A", safe=False)]


def test_apply_touches_nothing_outside_the_spans() -> None:
    text = "ab..cd\r\nef"
    assert apply_fixes(text, [Fix(2, 4, "...")]) == "ab...cd\r\nef"
    assert apply_fixes("a\r\nb", [Fix(1, 1, "\nx")], newline="\r\n") == "a\r\nx\r\nb"


# -- read-only files, mode and owner --------------------------------------------------------


def test_read_only_file_is_refused_and_the_run_goes_on(tmp_path: Path) -> None:
    locked = tmp_path / "locked.md"
    locked.write_bytes(b"Wait..what.\n")
    locked.chmod(0o444)
    open_ = tmp_path / "open.md"
    open_.write_bytes(b"Wait..what.\n")
    result = fix(locked, open_)
    assert locked.read_bytes() == b"Wait..what.\n"  # as root too: no write bit means "leave it alone"
    assert stat.S_IMODE(locked.stat().st_mode) == 0o444
    assert open_.read_bytes() == b"Wait...what.\n"
    assert result.stderr.splitlines() == [
        f"ficlint: error: {locked}: not fixed: the file is read-only",
        "ficlint: applied 1 fix in 1 file.",
    ]
    assert f"{locked}:1:5: warning[M001]" in result.stdout  # what is left in it is still reported
    assert result.code == 2


def test_fix_keeps_an_unusual_mode(tmp_path: Path) -> None:
    chapter = tmp_path / "chapter.md"
    chapter.write_bytes(b"Wait..what.\n")
    chapter.chmod(0o604)
    assert fix(chapter).code == 0
    assert stat.S_IMODE(chapter.stat().st_mode) == 0o604


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_fix_run_as_root_keeps_the_owner_and_group(tmp_path: Path) -> None:
    chapter = tmp_path / "chapter.md"
    chapter.write_bytes(b"Wait..what.\n")
    os.chown(chapter, 4321, 8765)
    chapter.chmod(0o640)
    assert fix(chapter).code == 0
    after = chapter.stat()
    assert chapter.read_bytes() == b"Wait...what.\n"
    assert (after.st_uid, after.st_gid, stat.S_IMODE(after.st_mode)) == (4321, 8765, 0o640)
