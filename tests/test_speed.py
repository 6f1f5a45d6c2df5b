"""What a one-shot run must not pay for: imports no default check needs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import modules_at_exit

ROOT = Path(__file__).resolve().parent.parent


def test_a_default_check_does_not_import_numpy_ma(tmp_path: Path) -> None:
    # np.isin, np.unique and np.union1d import numpy.ma on their first call (~15 ms of CPU)
    chapter = tmp_path / "chapter.md"
    chapter.write_text("Harry said he could of gone to the shop, but their was no time.\n\n"
                       "\"I would of come,\" she said, and the the door closed.\n", encoding="utf-8")
    done = modules_at_exit(['check', '--no-cache', '--format', 'json', str(chapter)],
                           "m == 'numpy.ma' or m.startswith('numpy.ma.')", tmp_path)
    assert '"rule": "H' in done.stdout  # the homophone phrases were looked for, and found
    assert done.stderr.strip().splitlines()[-1] == "[]"


def test_a_one_shot_command_ends_without_teardown_and_loses_no_output(tmp_path: Path) -> None:
    # os._exit skips the interpreter's teardown (0.2-0.3 CPU-s on a novel): the output must still
    # be flushed whole, past a pipe's buffer, and the exit status kept
    chapter = tmp_path / "chapter.md"
    chapter.write_text("She said the the words.\n\n" * 3000, encoding="utf-8")
    code = ("import atexit, sys\n"
            "atexit.register(lambda: print('teardown', file=sys.stderr))\n"
            "from ficlint.cli import main\n"
            f"sys.argv = ['ficlint', 'check', '--no-cache', '--format', 'json', {str(chapter)!r}]\n"
            "main()\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1
    assert "teardown" not in done.stderr
    findings = json.loads(done.stdout)["files"][0]["diagnostics"]
    assert [d["rule"] for d in findings].count("M005") == 3000


def test_a_clean_run_exits_zero_and_a_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    chapter = tmp_path / "chapter.md"
    chapter.write_text("She left the room.\n", encoding="utf-8")
    clean = subprocess.run([sys.executable, "-m", "ficlint", "check", "--no-cache", str(chapter)],
                           capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert (clean.returncode, clean.stdout.strip()) == (0, "0 findings in 1 file.")
    chapter.write_text("She said the the words.\n\n" * 3000, encoding="utf-8")
    piped = subprocess.run(f"{sys.executable} -m ficlint check --no-cache {chapter} | head -1", shell=True,
                           capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "M005" in piped.stdout
    assert "Traceback" not in piped.stderr and "Exception" not in piped.stderr
