"""`ficlint rules` and `ficlint explain RULE`: the rules' own documentation."""

from __future__ import annotations

import json
import re
import shutil
import sys
import textwrap
from pathlib import Path

import click

from ficlint.cli.errors import fail
from ficlint.config import Config, ConfigError, load_config
from ficlint.diagnostics import CATEGORIES
from ficlint.packs import PackError
from ficlint.registry import Registry
from ficlint.reporters.text import Painter, use_color
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
@click.option("--format", "fmt", type=click.Choice(("text", "markdown", "json")), default=None,
              help="text for people (the default on a terminal), markdown (the default when piped, as in "
                   "docs/rules.md) or json for tools.")
@click.option("--color/--no-color", default=None, help="Colour the text (default: on a terminal).")
def explain(rule: str, config_file: Path | None, fmt: str | None, color: bool | None) -> None:
    """Show a rule's documentation: what it flags, why, and examples."""
    found = _registry(config_file).find(rule)
    if found is None:
        fail(f"unknown rule {rule!r} (see `ficlint rules`)")
        return
    if fmt is None:
        fmt = "text" if sys.stdout.isatty() else "markdown"
    if fmt == "json":
        click.echo(json.dumps(rule_json(found), ensure_ascii=False, indent=2))
    elif fmt == "markdown":
        click.echo(render_rule(found))
    else:
        width = min(shutil.get_terminal_size().columns, _TEXT_WIDTH)
        paint = Painter(use_color(sys.stdout, color))
        click.echo(render_rule_text(found, paint, width), nl=False, color=paint.enabled)


_TEXT_WIDTH = 100
_INDENT = "    "
_INLINE_MARKDOWN = re.compile(r"`([^`]+)`|\*\*(\S(?:[^*]*\S)?)\*\*|(?<![\w*])\*(\S(?:[^*]*\S)?)\*(?![\w*])")


def render_rule_text(rule: Rule, paint: Painter, width: int = _TEXT_WIDTH) -> str:
    """A rule's documentation for a terminal: the sections of render_rule as
    plain text, headings flush left and bold, prose wrapped and indented, the
    examples shown verbatim (they are the text the rule reads)."""
    state = "" if rule.enabled_by_default else " · off by default"
    out = [f"{paint(rule.id, 'bold')} {paint(rule.name, 'bold')}",
           f"{rule.category} · default severity: {rule.severity}{state} · defined in: {rule.origin}", ""]
    sections = [("What it does", rule.summary), ("Why it matters", rule.why)]
    if rule.fix_safety:
        sections.append(("Fix safety", rule.fix_safety))
    for heading, prose in sections:
        out += [paint(heading, "bold"), *_prose_lines(prose, paint, width), ""]
    out.append(paint("Flagged (and what the fix gives)", "bold"))
    for example in rule.examples:
        out += _verbatim(example.bad, _INDENT, paint)
        if example.fixed is not None and example.fixed != example.bad:
            out += _verbatim(example.fixed, _FIXED_INDENT, paint)
        out.append("")
    out.append(paint("Not flagged", "bold"))
    for text in rule.allows:
        out += [*_verbatim(text, _INDENT, paint), ""]
    return "\n".join(out).rstrip() + "\n"


_FIXED_INDENT = "  → "


def _verbatim(text: str, first_indent: str, paint: Painter) -> list[str]:
    """An example as it stands (it is the text the rule reads), indented, coloured on a terminal."""
    lines = text.splitlines() or [""]
    return [f"{first_indent if i == 0 else _INDENT}{paint(line, 'cyan')}" if line else ""
            for i, line in enumerate(lines)]


def _prose_lines(prose: str, paint: Painter, width: int) -> list[str]:
    """Wrapped, indented lines with `code`, **bold** and *emphasis* shown as such:
    coloured on a colour terminal; without colour, code keeps its backticks (they
    mark where quoted text starts and ends) and the asterisks go."""
    # Spaces inside a code span become no-break spaces, so wrapping never splits one.
    kept = _INLINE_MARKDOWN.sub(lambda m: m.group(0).replace(" ", _KEPT_SPACE) if m.group(1) else m.group(0),
                                prose)
    lines = textwrap.wrap(kept, max(20, width - len(_INDENT)), break_long_words=False, break_on_hyphens=False)
    return [_INDENT + _INLINE_MARKDOWN.sub(lambda m: _inline(m, paint), line) for line in lines]


_KEPT_SPACE = "\xa0"


def _inline(m: re.Match[str], paint: Painter) -> str:
    code, bold, emphasis = m.groups()
    if code is not None:
        code_span = m.group(0).replace(_KEPT_SPACE, " ")
        return paint(code_span[1:-1], "cyan") if paint.enabled else code_span
    return paint(bold, "bold") if bold is not None else paint(emphasis, "italic")


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
        f"{h}# Examples",
        *_example_pairs(rule),
        "Left alone:",
        "",
        *_examples(rule.allows),
    ]
    if rule.fix_safety:
        lines += [f"{h}# Fix safety", rule.fix_safety, ""]
    return "\n".join(lines).rstrip() + "\n"


def _example_pairs(rule: Rule) -> list[str]:
    """Each text the rule flags, and what its fix makes of it."""
    lines: list[str] = []
    for example in rule.examples:
        lines += ["Flagged:", "", *_examples((example.bad,))]
        if example.fixed is not None and example.fixed != example.bad:
            lines += ["Fixed:", "", *_examples((example.fixed,))]
    return lines


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
