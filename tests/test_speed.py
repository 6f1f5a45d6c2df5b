"""What a one-shot run must not pay for: imports no default check needs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_default_check_does_not_import_numpy_ma(tmp_path: Path) -> None:
    # np.isin, np.unique and np.union1d import numpy.ma on their first call (~15 ms of CPU)
    chapter = tmp_path / "chapter.md"
    chapter.write_text("Harry said he could of gone to the shop, but their was no time.\n\n"
                       "\"I would of come,\" she said, and the the door closed.\n", encoding="utf-8")
    code = ("import sys\n"
            "from ficlint.cli import main\n"
            f"sys.argv = ['ficlint', 'check', '--no-cache', '--format', 'json', {str(chapter)!r}]\n"
            "try:\n"
            "    main()\n"
            "except SystemExit:\n"
            "    pass\n"
            "print(sorted(m for m in sys.modules if m == 'numpy.ma' or m.startswith('numpy.ma.')),"
            " file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert '"rule": "H' in done.stdout  # the homophone phrases were looked for, and found
    assert done.stderr.strip().splitlines()[-1] == "[]"
