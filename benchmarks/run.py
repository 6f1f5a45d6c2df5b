#!/usr/bin/env python3
"""ficlint's speed, measured: start-up, a 3,000-word chapter, the largest
corpus book, and a synthetic 300,000-word manuscript of 60 chapters, as whole
processes and in-process, with words per second and peak memory; harper-py on
the same texts in the same run for the ratio.

    python benchmarks/run.py ../shared/corpus            # everything
    python benchmarks/run.py ../shared/corpus --quick    # harper-py on the chapter only

harper-py is installed only for the benchmark: pip install -r benchmarks/requirements.txt
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

TARGETS = {
    "novel_seconds": 1.0,  # a 100,000-word novel, all default checks
    "chapter_seconds": 0.3,  # a chapter, start-up included
    "peak_mb": 300,
    "harper_ratio": 2.0,  # ficlint words/s over harper-py's
}


@dataclass
class Timing:
    label: str
    words: int
    seconds: float
    peak_mb: float | None = None

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else float("inf")

    def row(self) -> str:
        peak = f"{self.peak_mb:7.0f} MB" if self.peak_mb is not None else "        –"
        return f"{self.label:<58}{self.words:>9,}{self.seconds:>9.3f} s{self.words_per_second:>12,.0f}{peak}"


def run_process(args: list[str], repeat: int) -> tuple[float, float]:
    """Median wall time and peak memory (MB) of a whole process."""
    times, peaks = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss / 1024)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"benchmark: {' '.join(args)} failed")
    return statistics.median(times), max(peaks)


def in_process(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm: data loads once per process, as in an editor or a long-running server
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def word_count(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8-sig").split()) for p in paths)


def make_chapter(book: Path, folder: Path, words: int = 3000) -> Path:
    paragraphs = book.read_text(encoding="utf-8-sig").split("\n\n")
    out, count = [], 0
    for para in paragraphs[len(paragraphs) // 3 :]:
        out.append(para)
        count += len(para.split())
        if count >= words:
            break
    chapter = folder / "chapter.md"
    chapter.write_text("\n\n".join(out) + "\n", encoding="utf-8")
    return chapter


def make_manuscript(books: list[Path], folder: Path, files: int = 60, words: int = 300_000) -> list[Path]:
    """60 chapters of about 5,000 words each, cut from the corpus books in turn."""
    paragraphs = [
        p for book in books for p in book.read_text(encoding="utf-8-sig").split("\n\n") if p.strip()
    ]
    per_file = words // files
    out: list[Path] = []
    it = iter(paragraphs * 3)
    for i in range(files):
        chunk, count = [], 0
        while count < per_file:
            para = next(it)
            chunk.append(para)
            count += len(para.split())
        path = folder / f"chapter-{i + 1:02d}.md"
        path.write_text("\n\n".join(chunk) + "\n", encoding="utf-8")
        out.append(path)
    return out


def ficlint_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "ficlint", *args]


def harper_seconds(paths: list[Path]) -> float | None:
    try:
        import harper
    except ImportError:
        return None
    linter = harper.Linter()
    start = time.perf_counter()
    for path in paths:
        linter.lint(path.read_text(encoding="utf-8-sig"))
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="folder of .txt novels (../shared/corpus)")
    ap.add_argument("--quick", action="store_true", help="run harper-py on the chapter only")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from ficlint.config import Config
    from ficlint.run import ManuscriptRun, RunOptions
    from ficlint.source import read_source

    books = sorted(args.corpus.rglob("*.txt"), key=lambda p: p.stat().st_size, reverse=True)
    if not books:
        raise SystemExit(f"benchmark: no .txt files under {args.corpus}")
    largest = books[0]
    work = Path(tempfile.mkdtemp(prefix="ficlint-bench-"))
    rows: list[Timing] = []
    try:
        chapter = make_chapter(largest, work)
        manuscript_dir = work / "manuscript"
        manuscript_dir.mkdir()
        manuscript = make_manuscript(books, manuscript_dir)
        chapter_words, book_words, ms_words = (
            word_count([chapter]),
            word_count([largest]),
            word_count(manuscript),
        )

        seconds, peak = run_process(ficlint_cmd("--version"), args.repeat * 3)
        rows.append(Timing("start-up: ficlint --version (process)", 0, seconds, peak))
        seconds, peak = run_process(
            ficlint_cmd("check", "--no-cache", "--format", "json", str(chapter)), args.repeat * 2
        )
        rows.append(Timing("3,000-word chapter (process, start-up included)", chapter_words, seconds, peak))
        rows.append(
            Timing(
                "3,000-word chapter (in-process, warm)",
                chapter_words,
                in_process(lambda: ManuscriptRun(RunOptions(config=Config())).lint_text(read_source(chapter)), args.repeat * 3),
            )
        )
        seconds, peak = run_process(
            ficlint_cmd("check", "--no-cache", "--format", "json", str(largest)), args.repeat
        )
        rows.append(Timing(f"largest book, {largest.name} (process)", book_words, seconds, peak))
        rows.append(
            Timing(
                f"largest book, {largest.name} (in-process, warm)",
                book_words,
                in_process(lambda: ManuscriptRun(RunOptions(config=Config())).lint_text(read_source(largest)), args.repeat),
            )
        )
        seconds, peak = run_process(
            ficlint_cmd("check", "--no-cache", "--format", "json", str(manuscript_dir)), 1
        )
        rows.append(Timing("300,000 words in 60 files (process, no cache)", ms_words, seconds, peak))
        run_process(ficlint_cmd("check", "--format", "json", str(manuscript_dir)), 1)  # fill the cache
        seconds, peak = run_process(
            ficlint_cmd("check", "--format", "json", str(manuscript_dir)), args.repeat
        )
        rows.append(Timing("300,000 words in 60 files (process, cache warm)", ms_words, seconds, peak))
        rows.append(
            Timing(
                "300,000 words in 60 files (in-process, warm, no cache)",
                ms_words,
                in_process(lambda: ManuscriptRun().lint_paths([manuscript_dir]), 1),
            )
        )

        harper_rows = [("harper-py: 3,000-word chapter", [chapter], chapter_words)]
        if not args.quick:
            harper_rows += [
                (f"harper-py: largest book, {largest.name}", [largest], book_words),
                ("harper-py: 300,000 words in 60 files", manuscript, ms_words),
            ]
        for label, paths, words in harper_rows:
            seconds_h = harper_seconds(paths)
            if seconds_h is None:
                print(
                    "harper-py is not installed: pip install -r benchmarks/requirements.txt", file=sys.stderr
                )
                break
            rows.append(Timing(label + " (in-process, warm)", words, seconds_h))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )
    print(f"{'what':<58}{'words':>9}{'time':>11}{'words/s':>12}{'peak':>10}")
    for row in rows:
        print(row.row())
    _targets(rows, book_words)
    return 0


def _targets(rows: list[Timing], book_words: int) -> None:
    def find(prefix: str) -> Timing | None:
        return next((r for r in rows if r.label.startswith(prefix)), None)

    book_process = find("largest book")
    chapter = find("3,000-word chapter (process")
    assert book_process and chapter
    per_100k = book_process.seconds * 100_000 / max(book_words, 1)
    print("\ntargets:")
    print(f"  100,000-word novel, whole process: {per_100k:.3f} s (target < {TARGETS['novel_seconds']} s)")
    print(f"  chapter incl. start-up: {chapter.seconds:.3f} s (target < {TARGETS['chapter_seconds']} s)")
    peak = max((r.peak_mb or 0) for r in rows)
    print(f"  peak memory: {peak:.0f} MB (target < {TARGETS['peak_mb']} MB)")
    harper = find("harper-py: largest") or find("harper-py: 3,000")
    if harper:
        mine = find("largest book, ") if "largest" in harper.label else find("3,000-word chapter (in")
        assert mine
        ratio = mine.words_per_second / harper.words_per_second
        print(f"  ficlint / harper-py words per second: {ratio:.1f}x (target >= {TARGETS['harper_ratio']}x)")


if __name__ == "__main__":
    sys.exit(main())
