"""`ficlint rules` and `ficlint explain RULE`: the rules' own documentation."""

from __future__ import annotations

from pathlib import Path

import click

from ficlint.cli.errors import fail
from ficlint.config import Config, ConfigError, load_config
from ficlint.packs import PackError
from ficlint.registry import Registry
from ficlint.rule import Rule


def _registry(config_file: Path | None) -> Registry:
    try:
        config = load_config(config_file) if config_file else Config()
        return Registry.for_config(config)
    except (ConfigError, PackError, ValueError) as err:
        fail(str(err))
        raise


@click.command()
@click.option("--config", "config_file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--category", help="Only rules of this category.")
def rules(config_file: Path | None, category: str | None) -> None:
    """List every rule: id, name, category, default severity and summary."""
    for rule in sorted(_registry(config_file).rules.values(), key=lambda r: r.id):
        if category and rule.category != category:
            continue
        state = "" if rule.enabled_by_default else " (off by default)"
        click.echo(f"{rule.id:<7} {rule.name:<36} {rule.category:<15} {rule.severity!s:<8} {rule.summary}{state}")


@click.command()
@click.argument("rule")
@click.option("--config", "config_file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
def explain(rule: str, config_file: Path | None) -> None:
    """Show a rule's documentation: what it flags, why, and examples."""
    found = _registry(config_file).find(rule)
    if found is None:
        fail(f"unknown rule {rule!r} (see `ficlint rules`)")
        return
    click.echo(render_rule(found))


def render_rule(rule: Rule) -> str:
    """A rule's documentation as Markdown (also used for docs/rules.md)."""
    lines = [
        f"# {rule.id} {rule.name}",
        "",
        f"Category: {rule.category} · default severity: {rule.severity}"
        + ("" if rule.enabled_by_default else " · off by default")
        + f" · defined in: {rule.origin}",
        "",
        "## What it does",
        rule.summary,
        "",
        "## Why it matters",
        rule.why,
        "",
        "## Example",
        *(f"    {text}" for text in rule.flags),
        "",
        "Use instead, or leave as it is:",
        *(f"    {text}" for text in rule.allows),
    ]
    if rule.fix_safety:
        lines += ["", "## Fix safety", rule.fix_safety]
    return "\n".join(lines)
