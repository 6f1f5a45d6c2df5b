"""Every rule proves its own documentation: each example's bad text must be
flagged by the rule and, where the example gives the fixed text, `--fix
--unsafe-fixes` with only that rule selected must turn the bad text into
exactly that; each `allows` example must be left alone. A rule without
examples cannot be registered (see ficlint.rule.Rule)."""

from __future__ import annotations

import pytest

from ficlint.config import Config
from ficlint.engine import Selection
from ficlint.registry import Registry
from ficlint.run import ManuscriptRun, RunOptions
from ficlint.source import Source

REGISTRY = Registry.for_config(Config())
RULES = sorted(REGISTRY.rules.values(), key=lambda r: r.id)


def _run(rule_id: str) -> ManuscriptRun:
    # a rule that only runs under some configuration (D012: dialect en-US) names it in
    # options["examples_config"]
    settings = REGISTRY.rules[rule_id].options.get("examples_config", {})
    return ManuscriptRun(RunOptions(config=Config(**settings), selection=Selection(select=(rule_id,))))


def _rule_findings(rule_id: str, text: str) -> list[str]:
    found = _run(rule_id).lint_text(Source("example.md", text)).diagnostics
    return [text[d.start:d.end] for d in found if d.rule == rule_id]


def _fixed(rule_id: str, text: str) -> str:
    """What `--fix --unsafe-fixes --select RULE` makes of the text."""
    run = _run(rule_id)
    fixes, _ = run.fix([run.lint_text(Source("example.md", text))], unsafe=True)
    return fixes[0].fixed.text


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_bad_examples_are_flagged_and_fixed(rule):
    for example in rule.examples:
        assert _rule_findings(rule.id, example.bad), f"{rule.id} ({rule.name}) should flag: {example.bad!r}"
        if example.fixed is not None:
            assert _fixed(rule.id, example.bad) == example.fixed, f"{rule.id} fix of {example.bad!r}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_allows_examples_are_left_alone(rule):
    for example in rule.allows:
        found = _rule_findings(rule.id, example)
        assert not found, f"{rule.id} ({rule.name}) should not flag {found} in: {example!r}"


def test_every_rule_has_a_unique_name():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))


def test_every_builtin_rule_with_a_fix_shows_its_fixed_text():
    """A rule whose findings carry a fix documents what the fix gives (bad -> fixed)."""
    for rule in RULES:
        if rule.origin.startswith("ficlint/rules/") and rule.fix_safety:
            assert any(e.fixed is not None for e in rule.examples), f"{rule.id}: no (bad, fixed) example"
