"""Every rule ficlint knows: the Python check families under ficlint/checks/
(found by module, one module per family) and the YAML packs in rules/ plus
those a config adds."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from types import ModuleType

from ficlint.check import Check
from ficlint.config import Config
from ficlint.packs import load_pack
from ficlint.resources import rules_dir
from ficlint.rule import Rule

# The optional LanguageTool backend's rules live on its server: any `LT`,
# `LT:RULE_ID` or `lt-rule-id` selector is accepted (ficlint/backends/languagetool.py).
_LANGUAGETOOL_SELECTOR = re.compile(r"^(?:LT(?::[A-Z0-9_]*)?|lt-[a-z0-9-]+)$", re.I)


class RegistryError(ValueError):
    """The rules cannot be assembled (a rule id defined twice); a bug or a bad pack."""


@cache
def check_modules() -> tuple[tuple[ModuleType, ...], tuple[str, ...]]:
    """Every module of ficlint.checks, and a message for each that failed to import.

    A broken module (a bug, a missing optional dependency) must not take the
    other families down: it is left out and reported as an internal error.
    """
    import ficlint.checks as package

    modules: list[ModuleType] = []
    failures: list[str] = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        try:
            modules.append(importlib.import_module(f"ficlint.checks.{info.name}"))
        except Exception as err:  # noqa: BLE001 - any bug in a check module
            failures.append(f"check module {info.name!r} could not be loaded: {type(err).__name__}: {err}")
    return tuple(modules), tuple(failures)


def load_failures() -> tuple[str, ...]:
    """Check modules and classes that could not be loaded (bugs to report)."""
    return check_modules()[1] + _instantiate()[1]


def builtin_checks() -> tuple[Check, ...]:
    """One instance of every check class that a module of ficlint.checks lists in CHECKS."""
    return _instantiate()[0]


@cache
def _instantiate() -> tuple[tuple[Check, ...], tuple[str, ...]]:
    checks: list[Check] = []
    failures: list[str] = []
    for module in check_modules()[0]:
        for cls in getattr(module, "CHECKS", ()):
            try:
                checks.append(cls())
            except Exception as err:  # noqa: BLE001
                failures.append(f"check {cls.__name__} could not be created: {type(err).__name__}: {err}")
    return tuple(checks), tuple(failures)


def pack_kinds() -> dict[str, Callable[..., Check]]:
    """Extra YAML rule kinds contributed by the check families (`PACK_KINDS`)."""
    kinds: dict[str, Callable[..., Check]] = {}
    for module in check_modules()[0]:
        kinds.update(getattr(module, "PACK_KINDS", {}))
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
            for rule in check.rules:
                if rule.id in self.rules:
                    raise RegistryError(f"rule id {rule.id} is defined twice ({self.rules[rule.id].origin}, "
                                     f"{rule.origin})")
                self.rules[rule.id] = rule

    @classmethod
    def for_config(cls, config: Config) -> Registry:
        pack_paths = tuple(shipped_pack_paths()) + tuple(_expand(config.packs))
        return cls(builtin_checks() + _packs(pack_paths))

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
