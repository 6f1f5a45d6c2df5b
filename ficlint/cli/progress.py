"""A progress bar on stderr for runs over many files, only on a terminal.

Never in JSON, SARIF or piped output: editors and scripts read stdout, and a
bar on a non-terminal stderr would only litter logs.
"""

from __future__ import annotations

import sys
from typing import TextIO

MIN_FILES = 3
WIDTH = 30


class ProgressBar:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if total < MIN_FILES:
            return
        filled = WIDTH * done // total
        bar = "█" * filled + "·" * (WIDTH - filled)
        self.stream.write(f"\rchecking {done}/{total} files {bar}")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.shown = False


def progress_bar(fmt: str, quiet: bool, stream: TextIO | None = None) -> ProgressBar | None:
    """A bar when a person watches a terminal run with text output, else None."""
    stream = stream or sys.stderr
    if fmt != "text" or quiet or not getattr(stream, "isatty", lambda: False)():
        return None
    return ProgressBar(stream)
