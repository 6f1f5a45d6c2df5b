"""`ficlint report PATH... -o report.html`: the manuscript with its findings marked in place."""

from __future__ import annotations

from pathlib import Path

import click

from ficlint.cli.errors import EXIT_CLEAN, EXIT_ERROR, fail
from ficlint.config import DIALECTS, Config, ConfigError, load_config
from ficlint.engine import Selection
from ficlint.packs import PackError
from ficlint.registry import Registry
from ficlint.reporters import html
from ficlint.run import ManuscriptRun, RunOptions


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("ficlint-report.html"),
    show_default=True,
    help="The HTML file to write.",
)
@click.option("--title", help="The report's title (default: the folder or file name).")
@click.option(
    "--select", multiple=True, metavar="RULES", help="Only these rules (ids, prefixes, names, categories)."
)
@click.option("--ignore", multiple=True, metavar="RULES", help="Leave out these rules.")
@click.option("--config", "config_file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--dialect", type=click.Choice(DIALECTS))
def report(
    paths: tuple[Path, ...],
    output: Path,
    title: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_file: Path | None,
    dialect: str | None,
) -> None:
    """Write a self-contained HTML report of manuscripts: every finding marked in the text,
    an overview chart, filters, keyboard navigation and each rule's explanation."""
    options = RunOptions(
        config_file=config_file,
        selection=Selection.from_options(select, ignore=ignore),
        overrides={"dialect": dialect},
        warn=lambda message: click.echo(f"ficlint: warning: {message}", err=True),
    )
    try:
        config = load_config(config_file) if config_file else Config()
        registry = Registry.for_config(config)
        with ManuscriptRun(options) as run:
            results = run.lint_paths(list(paths))
    except (ConfigError, PackError) as err:
        fail(str(err))
        return
    page = html.render(
        results, {"rules": registry.rules, "title": title or f"ficlint: {paths[0].resolve().name}"}
    )
    try:
        output.write_text(page, encoding="utf-8")
    except OSError as err:
        fail(f"{output}: cannot write the report: {err.strerror or err}")
    count = sum(len(r.diagnostics) for r in results)
    click.echo(f"wrote {output}: {count} findings in {len(results)} file(s)", err=True)
    raise SystemExit(EXIT_ERROR if any(r.error for r in results) else EXIT_CLEAN)
