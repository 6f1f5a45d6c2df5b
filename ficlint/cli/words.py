"""`ficlint words add WORD...` and `ficlint words list`: the project word list.

Words go to the `.ficlint-words.txt` the check reads for files in the current
folder (config.word_lists): the one next to the project's `.ficlint.yaml`
(found by walking up from the current folder, or given with --config); with no
config file, the nearest one in the current folder or above it, else a new one
in the current folder. The spelling check (S001, S002) never flags a listed
word, in any capitalisation.
"""

from __future__ import annotations

from pathlib import Path

import click

from ficlint.cli.errors import fail
from ficlint.config import WORDS_FILE, find_config, read_words_file, word_lists


def lists_read_here(config_file: Path | None) -> list[Path]:
    """The word lists the check reads for files in the current folder, nearest first."""
    config = config_file.resolve() if config_file else find_config(Path.cwd())
    return word_lists(Path.cwd(), config)


def words_file(config_file: Path | None) -> Path:
    """The word list `words add` extends: the nearest one the check reads."""
    lists = lists_read_here(config_file)
    return lists[0] if lists else Path.cwd() / WORDS_FILE


@click.group()
def words() -> None:
    """The project's own words: names, places, invented terms."""


@words.command("add")
@click.argument("new_words", metavar="WORD...", nargs=-1, required=True)
@click.option("--config", "config_file", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Add to the word list next to this config file.")
def add(new_words: tuple[str, ...], config_file: Path | None) -> None:
    """Add WORDs to .ficlint-words.txt so spelling never flags them."""
    path = words_file(config_file)
    known = set(read_words_file(path))
    wanted = [w.strip() for w in new_words if w.strip()]
    bad = [w for w in wanted if any(c.isspace() for c in w)]
    if bad:
        fail(f"one word at a time, without spaces: {bad[0]!r}")
    added = [w for w in dict.fromkeys(wanted) if w not in known]
    if added:
        existing = path.read_text(encoding="utf-8-sig") if path.is_file() else ""
        prefix = "" if not existing or existing.endswith("\n") else "\n"
        with path.open("a", encoding="utf-8") as fh:
            fh.write(prefix + "".join(f"{w}\n" for w in added))
    skipped = len(wanted) - len(added)
    note = f" ({skipped} already listed)" if skipped else ""
    click.echo(f"added {len(added)} word{'s' if len(added) != 1 else ''} to {path}{note}")


@words.command("list")
@click.option("--config", "config_file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
def list_words(config_file: Path | None) -> None:
    """Print the words of the .ficlint-words.txt files the check reads here, one a line."""
    listed = (w for path in lists_read_here(config_file) for w in read_words_file(path))
    for word in dict.fromkeys(listed):
        click.echo(word)
