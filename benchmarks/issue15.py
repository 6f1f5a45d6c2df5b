#!/usr/bin/env python3
"""Issue 15's speed figures from one command: the whole default run on a novel, its tagging, and
where the run's CPU goes by phase, each in CPU seconds per 100,000 words.

    python benchmarks/issue15.py ../shared/corpus/us/london-the-little-lady-of-the-big-house.txt [--repeat 5]

- whole run: `python -m ficlint check --no-cache -q --jobs 1 BOOK` as a process (start-up
  included), user and user+system CPU, the median of `--repeat` runs;
- start-up: the same command on a one-line file alone in its folder (interpreter, imports, the
  data every run loads);
- tagging: in a fresh process, the book's tokens found first (not timed), then numpy imported, the
  model loaded, every part tagged the first time (word types new: what `ficlint check` pays) and
  again (types known: what an editor pays on the next keystroke);
- by phase: in a fresh process, `rules.py --cold` (each piece's first pass, loads included),
  summed into document, analysis, facts and each rule family.

CPU time, not wall time: the machine may be shared, and CPU is what a run costs; under load it is
still inflated (caches shared with other work), so compare runs taken at the same time.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGETS = {"whole run": 1.0, "tagging, first time": 0.3}  # CPU seconds per 100,000 words (issue 15)


def process_cpu(args: list[str]) -> tuple[float, float]:
    """User and user+system CPU seconds of one process."""
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_utime, usage.ru_utime + usage.ru_stime


def check_cpu(path: Path, repeat: int) -> tuple[float, float]:
    """Median user and user+system CPU of `ficlint check` on `path`."""
    command = [sys.executable, "-m", "ficlint", "check", "--no-cache", "-q", "--jobs", "1", str(path)]
    runs = [process_cpu(command) for _ in range(repeat)]
    return statistics.median(u for u, _ in runs), statistics.median(t for _, t in runs)


def child(mode: str, book: Path) -> dict[str, float]:
    """Run this script's `mode` on the book in a fresh process; its JSON answer."""
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), f"--{mode}", str(book)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def tagging(book: Path) -> dict[str, float]:
    """CPU seconds: numpy imported, the tagger loaded, the book tagged the first time and again."""
    from ficlint.analysis import AnalyzedDocument
    from ficlint.parts import parts_of
    from ficlint.source import Source

    units = [part for _, part in parts_of(Source(str(book), book.read_text(encoding="utf-8")))]

    def tokenized() -> list[AnalyzedDocument]:
        docs = [AnalyzedDocument(unit) for unit in units]
        for doc in docs:
            _ = doc.tokens
        return docs

    first_docs, again_docs = tokenized(), tokenized()
    figures = {"import numpy": cpu(lambda: __import__("numpy"))}
    from ficlint.analysis.tagger import load_tagger

    figures["model load"] = cpu(load_tagger)
    figures["tagging, first time"] = cpu(lambda: [doc.tags for doc in first_docs])
    figures["tagging, again"] = cpu(lambda: [doc.tags for doc in again_docs])
    return figures


def phases(book: Path) -> dict[str, float]:
    """CPU seconds of each phase of a first pass (rules.py --cold), by family for the rules."""
    sys.path.insert(0, str(HERE))
    from rules import measure  # benchmarks/rules.py

    _, _, costs, family = measure(str(book), cold=True)
    figures = {"document (regions)": costs["document (regions)"]}
    figures["analysis"] = sum(s for name, s in costs.items() if name.startswith("analysis:"))
    figures.update((name, s) for name, s in costs.items() if name.startswith("analysis:"))
    figures["facts (gather + combine)"] = costs["facts (gather + combine)"]
    figures.update((f"rules: {name}", s) for name, s in sorted(family.items(), key=lambda kv: -kv[1]))
    return figures


def cpu(fn) -> float:
    started = time.process_time()
    fn()
    return time.process_time() - started


def report(book: Path, repeat: int) -> None:
    words = len(book.read_text(encoding="utf-8").split())
    per = 100_000 / words
    with tempfile.TemporaryDirectory(prefix="ficlint-issue15-") as folder:
        one_line = Path(folder) / "one.txt"
        one_line.write_text("She walked to the shop and bought some bread.\n", encoding="utf-8")
        start_user, start_total = check_cpu(one_line, repeat)
    user, total = check_cpu(book, repeat)
    tags = child("tagging", book)
    phase = child("phases", book)
    load = os.getloadavg()[0]
    print(f"{book.name}: {words:,} words; CPU seconds (load average {load:.1f} on {os.cpu_count()} cores)")
    print(f"whole run, process, median of {repeat}   user {user:6.3f} (user+sys {total:6.3f})"
          f"  = {user * per:.3f} per 100,000 words (target < {TARGETS['whole run']})")
    print(f"  start-up: a one-line file          user {start_user:6.3f} (user+sys {start_total:6.3f})")
    print(f"  the rest (the book's own work)     user {user - start_user:6.3f}"
          f"  = {(user - start_user) * per:.3f} per 100,000 words")
    print("tagging, fresh process (per 100,000 words)")
    for name, seconds in tags.items():
        scaled = seconds * per if name.startswith("tagging") else seconds
        unit = "per 100,000 words" if name.startswith("tagging") else "once per process"
        target = f" (target <= {TARGETS[name]})" if name in TARGETS else ""
        print(f"  {name:34} {scaled:6.3f} {unit}{target}")
    print("by phase, first pass in a fresh process (per 100,000 words; rules.py --cold)")
    for name, seconds in phase.items():
        indent = "    " if name.startswith("analysis:") else "  "
        print(f"{indent}{name:{36 - len(indent)}} {seconds * per:6.3f}")
    counted = sum(s for name, s in phase.items() if not name.startswith("analysis:"))
    print(f"  {'sum of the phases':34} {counted * per:6.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("book", type=Path)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each process (median kept)")
    parser.add_argument("--tagging", action="store_true", help=argparse.SUPPRESS)  # the child processes
    parser.add_argument("--phases", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.tagging or args.phases:
        gc.disable()  # as `ficlint check` runs (cli/__init__.py)
        print(json.dumps(tagging(args.book) if args.tagging else phases(args.book)))
        return
    report(args.book, args.repeat)


if __name__ == "__main__":
    main()
