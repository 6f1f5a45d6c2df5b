"""Turning expected failures into one clear line and exit status 2."""

from __future__ import annotations

import click

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def fail(message: str) -> None:
    """Print `ficlint: error: MESSAGE` on stderr and exit with status 2."""
    click.echo(f"ficlint: error: {message}", err=True)
    raise SystemExit(EXIT_ERROR)
