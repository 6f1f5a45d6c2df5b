"""Every rule proves its own documentation: each `flags` example must be
flagged by the rule and each `allows` example must not be. A rule without
examples cannot be registered (see ficlint.rule.Rule)."""

from __future__ import annotations

import pytest

from ficlint.config import Config
from ficlint.engine import Linter, Selection
from ficlint.registry import Registry

REGISTRY = Registry.for_config(Config())
RULES = sorted(REGISTRY.rules.values(), key=lambda r: r.id)


def _rule_findings(rule_id: str, text: str) -> list[str]:
    # a rule that only runs under some configuration (D012: dialect en-US) names it in
    # options["examples_config"]
    settings = REGISTRY.rules[rule_id].options.get("examples_config", {})
    linter = Linter(Config(**settings), Selection(select=(rule_id,)), registry=REGISTRY)
    return [text[d.start:d.end] for d in linter.lint_text(text) if d.rule == rule_id]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_flags_examples_are_flagged(rule):
    for example in rule.flags:
        assert _rule_findings(rule.id, example), f"{rule.id} ({rule.name}) should flag: {example!r}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_allows_examples_are_left_alone(rule):
    for example in rule.allows:
        found = _rule_findings(rule.id, example)
        assert not found, f"{rule.id} ({rule.name}) should not flag {found} in: {example!r}"


def test_every_rule_has_a_unique_name():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
