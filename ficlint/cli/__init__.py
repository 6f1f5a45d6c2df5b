"""The `ficlint` command. Each subcommand lives in its own module.

Exit codes: 0 no findings, 1 findings, 2 usage, configuration or input error.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import sys

import click

from ficlint import __version__
from ficlint.cli.errors import EXIT_ERROR, EXIT_FINDINGS

# Subcommands are imported only when used, so `ficlint --version` and a
# pre-commit run of `ficlint check` do not pay for the language server or the
# HTML report.
COMMANDS = {
    "check": "ficlint.cli.check:check",
    "rules": "ficlint.cli.rules:rules",
    "explain": "ficlint.cli.rules:explain",
    "init": "ficlint.cli.setup:init",
    "lsp": "ficlint.cli.lsp:lsp",
    "report": "ficlint.cli.report:report",
    "words": "ficlint.cli.words:words",
}
# A command runs for a second and makes few reference cycles, so the cyclic garbage
# collector would only walk the loaded word lists and models again and again (about a
# third of a chapter's run, a tenth of a novel's). The language server runs for hours
# and keeps it.
LONG_RUNNING = frozenset({"lsp"})
# Set when a one-shot command runs: its process then ends without tearing the interpreter down.
_one_shot = False


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module when it is invoked."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attr = target.split(":")
        if cmd_name not in LONG_RUNNING:
            gc.disable()
            global _one_shot
            _one_shot = True
        command: click.Command = getattr(importlib.import_module(module), attr)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="ficlint")
def cli() -> None:
    """ficlint: an editor's eye for fiction manuscripts."""


def main() -> None:
    """Run the command line. A bug never shows a traceback to a writer: it is
    one line on stderr and exit status 2 (set FICLINT_DEBUG=1 for the traceback)."""
    try:
        _main()
    except SystemExit as done:
        if not _one_shot:
            raise
        _exit_now(done.code)


def _exit_now(code: object) -> None:
    """End a one-shot command's process at once, its output flushed. The interpreter's own exit
    frees every object one by one (the loaded models, word lists and a novel's analysis):
    0.2-0.3 CPU-s of a novel's run and a third of a one-line file's. Every file the command
    writes is closed by then, and its worker processes are joined."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # as Python does for `sys.exit("message")`
        sys.stderr.write(f"{code}\n")
        status = 1
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # `ficlint check … | head`
        status = EXIT_FINDINGS
    except (OSError, ValueError):  # a closed stream has nothing to flush
        pass
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    os._exit(status)


def _main() -> None:
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
