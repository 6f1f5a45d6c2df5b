"""`ficlint rules` and `ficlint explain RULE`: the rules' own documentation."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ficlint.cli.errors import fail
from ficlint.config import Config, ConfigError, load_config
from ficlint.diagnostics import CATEGORIES
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
@click.option("--category", type=click.Choice(CATEGORIES), help="Only rules of this category.")
@click.option("--format", "fmt", type=click.Choice(("text", "markdown", "json")), default="text",
              show_default=True, help="A table, the rules' full documentation as Markdown (docs/rules.md), "
                                      "or JSON for tools.")
def rules(config_file: Path | None, category: str | None, fmt: str) -> None:
    """List every rule: id, name, category, default severity and summary.

    `ficlint rules --format markdown > docs/rules.md` writes the rule reference."""
    chosen = [r for r in sorted(_registry(config_file).rules.values(), key=lambda r: r.id)
              if not category or r.category == category]
    if fmt == "markdown":
        click.echo(render_reference(chosen), nl=False)
    elif fmt == "json":
        click.echo(json.dumps([rule_json(r) for r in chosen], ensure_ascii=False, indent=2))
    else:
        for rule in chosen:
            state = "" if rule.enabled_by_default else " (off by default)"
            click.echo(f"{rule.id:<7} {rule.name:<36} {rule.category:<15} {rule.severity!s:<8} "
                       f"{rule.summary}{state}")


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


def render_rule(rule: Rule, level: int = 1) -> str:
    """A rule's documentation as Markdown: `ficlint explain` and docs/rules.md."""
    h = "#" * level
    lines = [
        f"{h} {rule.id} {rule.name}",
        "",
        f"Category: {rule.category} · default severity: {rule.severity}"
        + ("" if rule.enabled_by_default else " · off by default")
        + f" · defined in: {rule.origin}",
        "",
        f"{h}# What it does",
        rule.summary,
        "",
        f"{h}# Why it matters",
        rule.why,
        "",
        f"{h}# Example",
        *_examples(rule.flags),
        "Use instead, or leave as it is:",
        "",
        *_examples(rule.allows),
    ]
    if rule.fix_safety:
        lines += [f"{h}# Fix safety", rule.fix_safety, ""]
    return "\n".join(lines).rstrip() + "\n"


def _examples(texts: tuple[str, ...]) -> list[str]:
    lines: list[str] = []
    for text in texts:
        lines += ["```text", *text.splitlines(), "```", ""]
    return lines


def render_reference(rules: list[Rule]) -> str:
    """docs/rules.md: a table of every rule, then each rule's documentation."""
    out = [
        "# ficlint rules",
        "",
        "Generated from the rules' own metadata by `ficlint rules --format markdown`; do not edit by hand.",
        "",
        "| id | name | category | severity | what it flags |",
        "| --- | --- | --- | --- | --- |",
    ]
    for rule in rules:
        anchor = f"{rule.id}-{rule.name}".lower().replace(":", "")
        summary = rule.summary.replace("|", "\\|")
        off = " (off by default)" if not rule.enabled_by_default else ""
        out.append(f"| [{rule.id}](#{anchor}) | {rule.name} | {rule.category} | {rule.severity} | "
                   f"{summary}{off} |")
    out.append("")
    for rule in rules:
        out += [render_rule(rule, level=2), ""]
    return "\n".join(out).rstrip() + "\n"


def rule_json(rule: Rule) -> dict[str, object]:
    return {"id": rule.id, "name": rule.name, "category": rule.category, "severity": str(rule.severity),
            "enabled_by_default": rule.enabled_by_default, "summary": rule.summary, "why": rule.why,
            "flags": list(rule.flags), "allows": list(rule.allows), "fix_safety": rule.fix_safety,
            "origin": rule.origin}
