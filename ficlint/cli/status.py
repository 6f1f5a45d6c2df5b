"""The exit status of `ficlint check`: 2 for an error, 1 for findings that fail the check, else 0.

Which findings fail it is each file's `fail-on` level (config key, or `--fail-on` for all): by default
warnings and errors do; info and hint findings are shown but never block a hook unless asked.
"""

from __future__ import annotations

from pathlib import Path

from ficlint.cli.errors import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from ficlint.engine import FileResult
from ficlint.run import ManuscriptRun


def exit_code(results: list[FileResult], failing: int, exit_zero: bool = False) -> int:
    """2 for an error; 1 for `failing` findings (at or above each file's `fail-on` level) unless
    --exit-zero; else 0."""
    if any(r.error is not None or r.failures for r in results):
        return EXIT_ERROR
    return EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN


def failing_findings(results: list[FileResult], run: ManuscriptRun) -> int:
    """How many findings are severe enough to fail the check, by each file's config (or --fail-on)."""
    configs = run.configs
    count = 0
    for result in results:
        if result.diagnostics:
            path = Path.cwd() / "stdin.md" if result.path == "-" else Path(result.path)
            level = configs.for_file(path).fail_on
            count += sum(1 for d in result.diagnostics if d.severity.at_least(level))
    return count
