"""Every rule ficlint knows under one configuration: the built-in rules listed in
ficlint/rules/codes.py, the YAML packs shipped in rules/ and those the config
adds; selection by id, id prefix, name or category."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from ficlint.check import Check, ModuleCheck
from ficlint.config import Config, ConfigError
from ficlint.packs import load_pack
from ficlint.resources import rules_dir
from ficlint.rule import Rule
from ficlint.rules.codes import PACK_KINDS, RULES

# The optional LanguageTool backend's rules live on its server: any `LT`,
# `LT:RULE_ID` or `lt-rule-id` selector is accepted (ficlint/backends/languagetool.py).
_LANGUAGETOOL_SELECTOR = re.compile(r"^(?:LT(?::[A-Z0-9_]*)?|lt-[a-z0-9-]+)$", re.I)


class RegistryError(ValueError):
    """The rules cannot be assembled (a rule id defined twice); a bug or a bad pack."""


@cache
def _builtin() -> tuple[tuple[Check, ...], tuple[str, ...]]:
    """A check for every rule in the codes table, and a message for each that failed to load.

    A broken rule module (a bug, a missing optional dependency) must not take the
    other rules down: it is left out and reported as an internal error.
    """
    checks: list[Check] = []
    failures: list[str] = []
    for rule_id, module_name in RULES.items():
        try:
            check = ModuleCheck(importlib.import_module(f"ficlint.rules.{module_name}"))
        except Exception as err:  # noqa: BLE001 - any bug in a rule module
            failures.append(f"rule {rule_id} ({module_name}) could not be loaded: "
                            f"{type(err).__name__}: {err}")
            continue
        if check.rule.id != rule_id:
            failures.append(f"rule module {module_name} defines {check.rule.id}, but codes.py says {rule_id}")
            continue
        checks.append(check)
    return tuple(checks), tuple(failures)


def builtin_checks() -> tuple[Check, ...]:
    return _builtin()[0]


def load_failures() -> tuple[str, ...]:
    """Rule modules that could not be loaded (bugs to report)."""
    return _builtin()[1]


@cache
def pack_kinds() -> dict[str, Callable[..., Check]]:
    """Extra YAML rule kinds contributed by the rule families (codes.PACK_KINDS)."""
    kinds: dict[str, Callable[..., Check]] = {}
    for kind, target in PACK_KINDS.items():
        module_name, builder = target.split(":")
        kinds[kind] = getattr(importlib.import_module(f"ficlint.rules.{module_name}"), builder)
    return kinds


def shipped_pack_paths() -> list[Path]:
    return sorted(p for p in rules_dir().glob("*.yaml"))


@cache
def _packs(paths: tuple[Path, ...]) -> tuple[Check, ...]:
    checks: list[Check] = []
    for path in paths:
        checks.extend(load_pack(path, pack_kinds()))
    return tuple(checks)


class Registry:
    """The checks and rules available under one configuration."""

    def __init__(self, checks: Iterable[Check]) -> None:
        self.checks = tuple(checks)
        self.rules: dict[str, Rule] = {}
        for check in self.checks:
            rule = check.rule
            if rule.id in self.rules:
                raise RegistryError(f"rule id {rule.id} is defined twice ({self.rules[rule.id].origin}, "
                                    f"{rule.origin})")
            self.rules[rule.id] = rule

    @classmethod
    def for_config(cls, config: Config) -> Registry:
        """The rules under `config`; a config naming a rule that does not exist is a ConfigError."""
        pack_paths = tuple(shipped_pack_paths()) + tuple(_expand(config.packs))
        try:
            registry = cls(builtin_checks() + _packs(pack_paths))
        except ValueError as err:  # a rule id defined twice, a broken pack
            raise ConfigError(config.path, None, str(err)) from None
        for key, selector, line in config.selectors:
            if not registry.is_selector(selector):
                raise ConfigError(config.path, line,
                                  f"{key!r}: no rule, rule prefix, name or category {selector!r}")
        return registry

    def find(self, key: str) -> Rule | None:
        """A rule by id or name."""
        if key.upper() in self.rules:
            return self.rules[key.upper()]
        return next((r for r in self.rules.values() if r.name == key.lower()), None)

    def is_selector(self, selector: str) -> bool:
        return (any(rule.matches(selector) for rule in self.rules.values())
                or bool(_LANGUAGETOOL_SELECTOR.match(selector.strip())))

    def selects_only_languagetool(self, selector: str) -> bool:
        """A selector (`LT`, `LT:EN_A_VS_AN`, `lt-en-a-vs-an`) that names no ficlint rule, only
        LanguageTool's, so it selects nothing while LanguageTool is off."""
        return (bool(_LANGUAGETOOL_SELECTOR.match(selector.strip()))
                and not any(rule.matches(selector) for rule in self.rules.values()))

    def enabled_rules(self, select: Iterable[str], extend: Iterable[str],
                      ignore: Iterable[str]) -> frozenset[str]:
        select, ignore = list(select), list(ignore)
        if select:
            chosen = {r.id for r in self.rules.values() if any(r.matches(s) for s in select)}
        else:
            chosen = {r.id for r in self.rules.values() if r.enabled_by_default}
        chosen |= {r.id for r in self.rules.values() if any(r.matches(s) for s in extend)}
        chosen -= {r.id for r in self.rules.values() if any(r.matches(s) for s in ignore)}
        return frozenset(chosen)


def _expand(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        out.extend(sorted(path.glob("*.yaml")) if path.is_dir() else [path])
    return out
