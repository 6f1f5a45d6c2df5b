"""The `ficlint` command. Each subcommand lives in its own module.

Exit codes: 0 no findings, 1 findings, 2 usage, configuration or input error.
"""

from __future__ import annotations

import os
import sys

import click

from ficlint import __version__
from ficlint.cli import check as check_cmd
from ficlint.cli import lsp as lsp_cmd
from ficlint.cli import report as report_cmd
from ficlint.cli import rules as rules_cmd
from ficlint.cli import setup as setup_cmd
from ficlint.cli import words as words_cmd
from ficlint.cli.errors import EXIT_ERROR, EXIT_FINDINGS


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="ficlint")
def cli() -> None:
    """ficlint: an editor's eye for fiction manuscripts."""


cli.add_command(check_cmd.check)
cli.add_command(rules_cmd.rules)
cli.add_command(rules_cmd.explain)
cli.add_command(setup_cmd.init)
cli.add_command(lsp_cmd.lsp)
cli.add_command(report_cmd.report)
cli.add_command(words_cmd.words)


def main() -> None:
    """Run the command line. A bug never shows a traceback to a writer: it is
    one line on stderr and exit status 2 (set FICLINT_DEBUG=1 for the traceback)."""
    try:
        cli(prog_name="ficlint", standalone_mode=True)
    except BrokenPipeError:  # `ficlint check … | head`
        sys.stderr.close()
        raise SystemExit(EXIT_FINDINGS) from None
    except Exception as err:  # noqa: BLE001 - last line of defence
        if os.environ.get("FICLINT_DEBUG"):
            raise
        click.echo(f"ficlint: internal error: {type(err).__name__}: {err} (please report this; "
                   "FICLINT_DEBUG=1 shows the details)", err=True)
        raise SystemExit(EXIT_ERROR) from None
