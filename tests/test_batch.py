"""Many files at once: the result cache and worker processes change the time a
run takes, never what it reports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli

from ficlint import batch
from ficlint.engine import Linter
from ficlint.reporters.json import report
from ficlint.run import RunOptions, lint_paths

PARAGRAPHS = [
    "Karen starred into the mirror.. she was tired and her eyes where red",
    '"stop it," she said. "i know what you did."',
    "The colour of the sky was grey, and the harbour was quiet. She walked to the the door.",
    "He checked his phone again and sighed, then he put it back in his pocket and waited for the bus.",
]


def write_manuscript(folder: Path, files: int, paragraphs_per_file: int) -> list[Path]:
    paths = []
    for i in range(files):
        body = "\n\n".join(PARAGRAPHS[(i + j) % len(PARAGRAPHS)] for j in range(paragraphs_per_file))
        path = folder / f"chapter-{i:02d}.md"
        path.write_text(f"# Chapter {i + 1}\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def findings(results) -> list[tuple[str, str, int, int, str]]:
    return [(Path(r.path).name, d.rule, d.start, d.end, d.message) for r in results for d in r.diagnostics]


def test_parallel_run_reports_exactly_what_a_serial_run_does(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(batch, "PARALLEL_MIN_CHARS", 400_000)  # workers on a small manuscript, to be quick
    write_manuscript(tmp_path, files=6, paragraphs_per_file=1200)  # over that in all
    serial = lint_paths([tmp_path], RunOptions(jobs=1))
    parallel = lint_paths([tmp_path], RunOptions(jobs=2))
    assert findings(serial)
    assert findings(parallel) == findings(serial)
    assert [r.path for r in parallel] == [r.path for r in serial]


def test_a_manuscript_one_process_keeps_whole_is_not_sent_to_workers(tmp_path: Path, monkeypatch) -> None:
    # workers would build every document twice (once per phase); one process builds it once
    write_manuscript(tmp_path, files=6, paragraphs_per_file=1200)  # ~580,000 characters: kept whole
    monkeypatch.setattr(batch, "_map", lambda *a: pytest.fail("forked workers for a kept manuscript"))
    assert findings(lint_paths([tmp_path], RunOptions(jobs=2)))


def test_a_manuscript_too_long_to_keep_whole_reports_every_file_with_its_document(tmp_path: Path,
                                                                                 monkeypatch) -> None:
    # over KEEP_DOCUMENTS_CHARS each part's analysis is freed after each phase; the results still
    # carry a document, or the reporters called every file unreadable (JSON) or crashed (text)
    write_manuscript(tmp_path, files=3, paragraphs_per_file=8)
    kept = lint_paths([tmp_path], RunOptions(jobs=1))
    monkeypatch.setattr(batch, "KEEP_DOCUMENTS_CHARS", 1000)
    freed = lint_paths([tmp_path], RunOptions(jobs=1))
    assert all(r.document is not None for r in freed)
    assert findings(freed) == findings(kept)
    assert report(freed)["summary"]["errors"] == 0


def test_second_run_comes_from_the_cache_and_a_change_is_seen(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("FICLINT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "book").mkdir()
    chapters = write_manuscript(tmp_path / "book", 3, 4)
    first = lint_paths([tmp_path / "book"], RunOptions(cache=True))

    calls = []
    original = Linter.check_document
    monkeypatch.setattr(
        Linter, "check_document", lambda self, *a, **k: calls.append(1) or original(self, *a, **k)
    )
    second = lint_paths([tmp_path / "book"], RunOptions(cache=True))
    assert findings(second) == findings(first)
    assert calls == [], "an unchanged manuscript is not checked again"

    chapters[0].write_text("A new chapter with no problems at all.\n", encoding="utf-8")
    third = lint_paths([tmp_path / "book"], RunOptions(cache=True))
    assert not [f for f in findings(third) if f[0] == chapters[0].name]
    assert calls, "the changed chapter was checked again"


def test_cache_folder_ignores_itself_in_git(tmp_path: Path) -> None:
    write_manuscript(tmp_path, 1, 2)
    (tmp_path / ".ficlint.yaml").write_text("dialect: auto\n", encoding="utf-8")
    result = run_cli("check", str(tmp_path), cwd=tmp_path)
    assert result.code == 1
    assert (tmp_path / ".ficlint_cache" / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")
    again = run_cli("check", str(tmp_path), cwd=tmp_path)
    assert again.stdout == result.stdout
    no_cache = run_cli("check", "--no-cache", str(tmp_path), cwd=tmp_path)
    assert no_cache.stdout == result.stdout


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    write_manuscript(tmp_path, 4, 2)
    piped = run_cli("check", str(tmp_path))
    assert "checking" not in piped.stderr, "no progress bar when stderr is not a terminal"
    primary, replica = os.openpty()
    proc = subprocess.run(
        [sys.executable, "-m", "ficlint", "check", "--no-cache", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=replica,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1"},
    )
    os.close(replica)
    shown = os.read(primary, 65536).decode("utf-8", "replace")
    os.close(primary)
    assert proc.returncode == 1
    assert "checking 4/4 files" in shown
    assert "checking" not in proc.stdout.decode(), "the bar never reaches stdout"
    as_json = run_cli("check", "--format", "json", str(tmp_path))
    assert "checking" not in as_json.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jobs_option_is_accepted(tmp_path: Path, jobs: str) -> None:
    write_manuscript(tmp_path, 2, 2)
    result = run_cli("check", "-j", jobs, "--no-cache", str(tmp_path))
    assert result.code == 1, result.stderr
    assert run_cli("check", "-j", "0", str(tmp_path)).code == 2


def test_huge_binary_and_undecodable_files_do_not_stop_the_run(tmp_path: Path) -> None:
    write_manuscript(tmp_path, 2, 2)
    with (tmp_path / "huge.txt").open("wb") as fh:  # 100 MB, sparse: cheap to make
        fh.truncate(100 * 1024 * 1024)
    (tmp_path / "photo.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "odd.txt").write_bytes("Caf\u00e9 au lait".encode("utf-16-le"))
    result = run_cli("check", "--no-cache", str(tmp_path))
    assert result.code == 2
    assert "huge.txt" in result.stdout + result.stderr and "MB" in result.stdout + result.stderr
    assert "photo.md" in result.stdout + result.stderr
    assert "chapter-00.md:" in result.stdout, "the readable chapters are still checked"
    assert "Traceback" not in result.stderr
