"""`ficlint check PATH...`"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ficlint.batch import default_jobs
from ficlint.cli.errors import EXIT_CLEAN, EXIT_ERROR, fail
from ficlint.cli.progress import progress_bar
from ficlint.cli.status import exit_code, failing_findings
from ficlint.config import DIALECTS, MANUSCRIPTS, FAIL_ON, ConfigError
from ficlint.engine import FileResult, Selection
from ficlint.packs import PackError
from ficlint.registry import Registry, RegistryError, load_failures
from ficlint.reporters import FORMATS, reporter
from ficlint.reporters.text import use_color
from ficlint.run import ManuscriptRun, RunOptions
from ficlint.source import InputError, decode


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format.")
@click.option("--select", multiple=True, metavar="RULES",
              help="Only these rules: ids, id prefixes, names or categories (comma-separated).")
@click.option("--extend-select", multiple=True, metavar="RULES", help="Add rules to the selection.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Leave out these rules.")
@click.option("--config", "config_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Use this config file instead of looking for .ficlint.yaml.")
@click.option("--dialect", type=click.Choice(DIALECTS),
              help="Spelling dialect (default: from config, or auto).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, metavar="0-1",
              help="Leave out findings whose confidence is lower (homophones, tense, spelling, dialect).")
@click.option("--stdin-filename", type=click.Path(path_type=Path),
              help="With `-`: the path the text on stdin stands for (config and output).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for large manuscripts (default: one per core).")
@click.option("-q", "--quiet", is_flag=True, help="One line per finding; no summary when clean.")
@click.option("--statistics", is_flag=True, help="Only count findings per rule (no finding is shown).")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: on a terminal).")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files, then report what is left.")
@click.option("--diff", "show_diff", is_flag=True,
              help="Show the fixes --fix would make as a diff; change nothing.")
@click.option("--unsafe-fixes", is_flag=True,
              help="With --fix or --diff: also apply fixes marked unsafe (alone: count them as fixable).")
@click.option("--force-exclude", is_flag=True,
              help="Apply the config's `exclude` to files named on the command line too (pre-commit).")
@click.option("--languagetool/--no-languagetool", "languagetool", default=None,
              help="Also check with LanguageTool (server or local Java, as `languagetool` in the config "
                   "says).")
@click.option("--strict", is_flag=True,
              help="Exit with status 2 when LanguageTool was asked for but could not run.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="The least severe finding that makes the exit status 1 (default: the config's "
                   "`fail-on`, or warning).")
@click.option("--manuscript", type=click.Choice(MANUSCRIPTS), default=None,
              help="Which files are one manuscript: auto (default), config, folder or file.")
@click.option("--exit-zero", is_flag=True,
              help="Exit with status 0 even when there are findings (errors still give 2).")
def check(paths: tuple[Path, ...], fmt: str, select: tuple[str, ...], extend_select: tuple[str, ...],
          ignore: tuple[str, ...], config_file: Path | None, dialect: str | None,
          min_confidence: float | None, stdin_filename: Path | None, no_cache: bool, quiet: bool,
          statistics: bool, color: bool | None,
          fix: bool = False, show_diff: bool = False, unsafe_fixes: bool = False, force_exclude: bool = False,
          languagetool: bool | None = None, strict: bool = False, jobs: int | None = None,
          fail_on: str | None = None, exit_zero: bool = False, manuscript: str | None = None) -> None:
    """Check manuscripts: files, folders (searched for *.md, *.markdown, *.txt), or - for stdin."""
    if not paths:
        paths = (Path("."),)
    if config_file is not None and not config_file.is_file():
        fail(f"{config_file}: no such config file")
    options = RunOptions(
        config_file=config_file,
        selection=Selection.from_options(select, extend_select, ignore),
        overrides={"dialect": dialect, "min_confidence": min_confidence, "fail_on": fail_on,
                   "manuscript": manuscript},
        languagetool=languagetool,
        cache=not no_cache,
        jobs=jobs or default_jobs(),
        progress=progress_bar(fmt, quiet),
        warn=lambda message: click.echo(f"ficlint: warning: {message}", err=True),
    )
    try:
        _check_selectors(options, _config_anchor(paths, stdin_filename))
        with ManuscriptRun(options) as run:
            if force_exclude:
                from ficlint.cli.fixing import without_excluded

                paths = without_excluded(paths, run)
                if not paths:
                    raise SystemExit(EXIT_CLEAN)
            results = _run(paths, run, stdin_filename)
            unwritten = False
            if fix or show_diff:
                from ficlint.cli import fixing

                results, unwritten = fixing.apply(
                    results, run, stdin=any(str(p) == "-" for p in paths), stdin_filename=stdin_filename,
                    unsafe=unsafe_fixes, diff_only=show_diff, exit_zero=exit_zero)
            failing = failing_findings(results, run)
    except (ConfigError, PackError, RegistryError) as err:
        fail(str(err))
        return
    if options.progress is not None:
        options.progress.clear()
    if not results:
        _warn_nothing_found(paths)
    extra = {"color": use_color(sys.stdout, color), "quiet": quiet, "statistics": statistics,
             "failing": failing, "unsafe_fixes": unsafe_fixes}
    write_output(reporter(fmt)(results, extra), machine=fmt != "text")
    broken = _report_failures(results)
    skipped = _report_warnings(results)
    if broken or (strict and skipped) or unwritten:
        raise SystemExit(EXIT_ERROR)
    raise SystemExit(exit_code(results, failing, exit_zero))


def _report_warnings(results: list[FileResult]) -> bool:
    """Optional backends that could not run (no server, no Java): one line each, not bugs."""
    warnings = dict.fromkeys(w for r in results for w in r.warnings)
    for warning in warnings:
        click.echo(f"ficlint: warning: {warning}", err=True)
    return bool(warnings)


def write_output(output: str, machine: bool) -> None:
    """Machine formats are always UTF-8; text for people never fails on a
    terminal that cannot show a character (it shows a replacement instead)."""
    sys.stdout.flush()
    if machine:
        sys.stdout.buffer.write(output.encode("utf-8"))
    else:
        encoding = sys.stdout.encoding or "utf-8"
        sys.stdout.buffer.write(output.encode(encoding, "replace"))
    sys.stdout.flush()


def _warn_nothing_found(paths: tuple[Path, ...]) -> None:
    where = ", ".join(str(p) for p in paths)
    click.echo(f"ficlint: warning: no manuscripts (*.md, *.markdown, *.txt) found in {where}", err=True)


def _report_failures(results: list[FileResult]) -> bool:
    """Checks that crashed or could not be loaded are bugs in ficlint: say so
    on stderr, once each. Returns whether there were any."""
    seen: set[str] = set()
    for failure in load_failures():
        seen.add(failure)
        click.echo(f"ficlint: internal error: {failure} (please report this)", err=True)
    for result in results:
        for failure in result.failures:
            if failure not in seen:
                seen.add(failure)
                click.echo(f"ficlint: internal error on {result.path}: {failure} (please report this)",
                           err=True)
    return bool(seen)


def _config_anchor(paths: tuple[Path, ...], stdin_filename: Path | None) -> Path:
    """Where to look for the config that defines the rules --select may name."""
    if stdin_filename is not None:
        return stdin_filename
    return next((p for p in paths if str(p) != "-"), Path.cwd())


def _check_selectors(options: RunOptions, anchor: Path) -> None:
    """Every --select/--ignore names a rule (the config's own packs included)."""
    from ficlint.config import Config, find_config, load_config

    config_path = options.config_file or find_config(anchor.resolve())
    config = load_config(config_path) if config_path else Config()
    registry = Registry.for_config(config)
    sel = options.selection
    for selector in sel.select + sel.extend_select + sel.ignore:
        if not registry.is_selector(selector):
            fail(f"unknown rule {selector!r}: not a rule id, id prefix, name or category "
                 "(see `ficlint rules`)")
    languagetool_on = config.languagetool.enabled if options.languagetool is None else options.languagetool
    if not languagetool_on:
        _languagetool_selectors_while_off(registry, sel)


def _languagetool_selectors_while_off(registry: Registry, sel: Selection) -> None:
    """`--select LT:…` with LanguageTool off selects nothing: an error when nothing
    at all would be checked, else a warning (an `--ignore` of LT rules is harmless)."""
    asked = [s for s in sel.select + sel.extend_select if registry.selects_only_languagetool(s)]
    if not asked:
        return
    names = ", ".join(asked)
    hint = "turn it on with --languagetool, or `languagetool: true` in .ficlint.yaml"
    ficlint_rules = [s for s in sel.select + sel.extend_select if s not in asked]
    if sel.select and not ficlint_rules:
        fail(f"--select {names}: these are LanguageTool rules and LanguageTool is off, so nothing "
             f"would be checked ({hint})")
    click.echo(f"ficlint: warning: {names}: LanguageTool rules select nothing while LanguageTool is off "
               f"({hint})", err=True)


def _run(paths: tuple[Path, ...], run: ManuscriptRun, stdin_filename: Path | None) -> list[FileResult]:
    if any(str(p) == "-" for p in paths):
        if len(paths) > 1:
            fail("`-` (stdin) cannot be combined with other paths")
        data = sys.stdin.buffer.read()
        name = str(stdin_filename) if stdin_filename else "-"
        context = stdin_filename.resolve() if stdin_filename else None
        encoding = run.configs.for_file(context or Path.cwd() / "stdin.md").encoding
        try:
            source = decode(name, data, encoding)
        except InputError as err:
            return [FileResult(name, error=err)]
        except LookupError:
            fail(f"'encoding': unknown encoding {encoding!r}")
            raise
        return [run.lint_text(source, context)]
    return run.lint_paths(list(paths))
