#!/usr/bin/env python3
"""ficlint on one very large file: is a 50 MB manuscript linted in linear time
and bounded memory? Builds files of the given sizes by repeating the prose of a
folder (e.g. the corpus books), then times `ficlint check --no-cache` on each as
a whole process: CPU seconds, MB per second and peak resident memory.

    python benchmarks/large_file.py ../shared/corpus                 # 5, 10, 25, 50 MB
    python benchmarks/large_file.py ../shared/corpus --sizes 1 2 4

Run it from a checkout (it runs `python -m ficlint` with this checkout first on
the path). Linear time shows as a steady MB/s column; memory as peak MB growing
no faster than the size.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def prose(folder: Path) -> str:
    files = sorted(folder.rglob("*.txt")) + sorted(folder.rglob("*.md"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    if not texts:
        sys.exit(f"{folder}: no .txt or .md files to build the large files from")
    return "\n\n".join(t.strip() for t in texts) + "\n\n"


def build(text: str, megabytes: float, where: Path) -> Path:
    """A file of about `megabytes` MB (UTF-8), cut at a paragraph break."""
    want = int(megabytes * 1_000_000)
    data = (text * (want // len(text.encode("utf-8")) + 1)).encode("utf-8")[:want]
    data = data[: data.rfind(b"\n\n") + 1]
    path = where / f"large-{megabytes:g}mb.txt"
    path.write_bytes(data)
    return path


def measure(path: Path) -> tuple[float, float, int]:
    """CPU seconds, peak resident MB and the exit status of one `ficlint check --no-cache`."""
    path_entries = [str(ROOT), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in path_entries if p)}
    proc = subprocess.Popen([sys.executable, "-m", "ficlint", "check", "--no-cache", "-q", str(path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="prose to repeat (e.g. ../shared/corpus)")
    parser.add_argument("--sizes", type=float, nargs="+", default=[5, 10, 25, 50], help="sizes in MB")
    args = parser.parse_args()
    text = prose(args.folder)
    print(f"{'size':>8} {'CPU s':>8} {'MB/s':>6} {'peak MB':>8}")
    with tempfile.TemporaryDirectory(prefix="ficlint-large-") as tmp:
        for size in args.sizes:
            path = build(text, size, Path(tmp))
            seconds, peak, status = measure(path)
            if status not in (0, 1):
                sys.exit(f"ficlint failed on {path.name} (exit {status})")
            real_mb = path.stat().st_size / 1_000_000
            print(f"{real_mb:6.1f}MB {seconds:8.1f} {real_mb / seconds:6.2f} {peak:8.0f}", flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
