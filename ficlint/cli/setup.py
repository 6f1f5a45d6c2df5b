"""`ficlint init`: a commented starter .ficlint.yaml."""

from __future__ import annotations

from pathlib import Path

import click

from ficlint.cli.errors import fail

STARTER = """\
# ficlint configuration. Every key is optional; delete what you don't need.
# Docs: `ficlint rules`, `ficlint explain RULE`.

# Spelling dialect: auto (the manuscript's own majority), en-US, en-GB, en-GB-oxendict.
dialect: auto

# Rules to run and to leave out: ids (D001), id prefixes (D), names
# (two-dot-ellipsis) or categories (dialogue, homophone, dialect, tense,
# spelling, punctuation, capitalization, grammar, style).
# select: [ALL]
ignore: []

# Change a rule's severity: error, warning, info, hint, or off.
# severity:
#   M006: info

# Rules to leave out for some files (globs relative to this file).
# per-file-ignores:
#   "notes/*.md": [spelling]

# Files to check in folders, and files to skip.
include: ["*.md", "*.markdown", "*.txt"]
exclude: []

# Your story's own words: names, places, invented terms. A .ficlint-words.txt
# next to this file (one word a line) works too: `ficlint words add WORD`.
words: []

# Extra rule packs (YAML files or folders of them), relative to this file.
# packs: [rules/my-fandom.yaml]

# Encoding to try for files that are not UTF-8 (Word exports cp1252).
encoding: cp1252

# Leave out findings the statistical checks (homophones, tense, spelling,
# dialect) are less sure of than this (0-1; JSON output shows each one's).
# min-confidence: 0.75
"""


@click.command()
@click.option("--force", is_flag=True, help="Overwrite an existing .ficlint.yaml.")
@click.argument("folder", required=False, type=click.Path(path_type=Path, file_okay=False), default=".")
def init(force: bool, folder: Path) -> None:
    """Write a commented starter .ficlint.yaml."""
    target = folder / ".ficlint.yaml"
    if target.exists() and not force:
        fail(f"{target} already exists (use --force to overwrite)")
    try:
        target.write_text(STARTER, encoding="utf-8")
    except OSError as err:
        fail(f"{target}: cannot write: {err.strerror or err}")
    click.echo(f"wrote {target}")
