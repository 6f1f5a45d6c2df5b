"""`ficlint lsp`: run the language server on stdin/stdout (see ficlint/lsp.py)."""

from __future__ import annotations

import logging

import click


@click.command()
@click.option("--stdio", is_flag=True, help="Talk over stdin/stdout (the default and only transport).")
@click.option("--log-file", type=click.Path(dir_okay=False), help="Write the server's log to this file.")
def lsp(stdio: bool, log_file: str | None) -> None:
    """Run the language server for editors (diagnostics, fixes, word list)."""
    if log_file:
        logging.basicConfig(filename=log_file, level=logging.INFO,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        logging.getLogger("pygls").setLevel(logging.WARNING)  # at INFO it writes every message whole
    from ficlint.lsp import main

    main()
