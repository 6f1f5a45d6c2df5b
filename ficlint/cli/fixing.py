"""`ficlint check --fix / --diff / --unsafe-fixes`: what the check command does with fixes.

- `--fix` writes the fixed files (atomically), says on stderr how many fixes it
  applied, and the check command then reports what is left.
- `--diff` prints a unified diff of what `--fix` would change and writes nothing;
  exit status 1 when there is something to fix, 0 when not.
- With `-` (stdin), `--fix` prints the fixed text on stdout and the findings
  that are left on stderr, the way editors' format-on-save expects.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ficlint.cli.errors import EXIT_CLEAN, EXIT_FINDINGS
from ficlint.cli.status import exit_code, failing_findings
from ficlint.engine import FileResult
from ficlint.fixer import FileFix, write_fix
from ficlint.reporters import reporter
from ficlint.run import ManuscriptRun


def without_excluded(paths: tuple[Path, ...], run: ManuscriptRun) -> tuple[Path, ...]:
    """`--force-exclude`: files named on the command line (as pre-commit names them) are left out
    when their config's `exclude` matches them; folders and `-` are kept."""
    configs = run.configs
    return tuple(p for p in paths
                 if str(p) == "-" or p.is_dir() or not configs.for_file(p).excludes(str(p)))


def apply(results: list[FileResult], run: ManuscriptRun, *, stdin: bool, stdin_filename: Path | None,
          unsafe: bool, diff_only: bool, exit_zero: bool = False) -> tuple[list[FileResult], bool]:
    """Fix, or show the diff; returns the results left to report and whether a file could not be
    written (said on stderr, one line each; the other files are still fixed), or exits."""
    context = stdin_filename.resolve() if stdin and stdin_filename else None
    if stdin and context is None:
        context = Path.cwd() / "stdin.md"
    fixes, remaining = run.fix(results, unsafe, context_path=context)
    changed = [f for f in fixes if f.changed]
    if diff_only:
        _show_diff(changed, unsafe, exit_zero)
    if stdin:
        _write_stdin_result(fixes, remaining, results, run, exit_zero)
    failed = _write(changed)
    total = sum(f.applied for f in changed if f not in failed)
    files = len(changed) - len(failed)
    if total:
        click.echo(f"ficlint: applied {total} fix{'es' if total != 1 else ''} in {files} "
                   f"file{'s' if files != 1 else ''}.", err=True)
    if failed:
        failed_paths = {f.original.path for f in failed}
        return [r if r.path not in failed_paths else _original(results, r.path) for r in remaining], True
    return remaining, False


def _original(results: list[FileResult], path: str) -> FileResult:
    return next(r for r in results if r.path == path)


def _show_diff(changed: list[FileFix], unsafe: bool, exit_zero: bool) -> None:
    for fix in changed:
        sys.stdout.write(fix.diff())
    total = sum(f.applied for f in changed)
    if total:
        flags = "--fix --unsafe-fixes" if unsafe else "--fix"  # the diff shows what these flags apply
        click.echo(f"ficlint: {total} fix{'es' if total != 1 else ''} would be applied to {len(changed)} "
                   f"file{'s' if len(changed) != 1 else ''} (run with {flags} to apply).", err=True)
    else:
        click.echo("ficlint: nothing to fix.", err=True)
    sys.stdout.flush()
    raise SystemExit(EXIT_FINDINGS if changed and not exit_zero else EXIT_CLEAN)


def _write_stdin_result(fixes: list[FileFix], remaining: list[FileResult], results: list[FileResult],
                        run: ManuscriptRun, exit_zero: bool) -> None:
    if fixes:
        fixed = fixes[0].fixed
        sys.stdout.buffer.write(fixed.encode(fixed.text))
    elif results and results[0].document is not None:
        source = results[0].document.source
        sys.stdout.buffer.write(source.encode(source.text))
    sys.stdout.flush()
    failing = failing_findings(remaining, run)
    extra = {"quiet": True, "failing": failing}
    sys.stderr.write(reporter("text")(remaining, extra))
    raise SystemExit(exit_code(remaining, failing, exit_zero))


def _write(changed: list[FileFix]) -> list[FileFix]:
    """Write the fixed files; returns those that could not be written (and says why)."""
    failed: list[FileFix] = []
    for fix in changed:
        try:
            write_fix(fix)
        except UnicodeEncodeError as err:
            failed.append(fix)
            needed = err.object[err.start]
            click.echo(f"ficlint: error: {fix.original.path}: not fixed: the fix needs {needed!r}, "
                       f"which {fix.original.encoding} cannot hold", err=True)
        except OSError as err:
            failed.append(fix)
            click.echo(f"ficlint: error: {fix.original.path}: not fixed: {err.strerror or err}", err=True)
    return failed
