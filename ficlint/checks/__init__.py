"""Check families, one module each. A module lists its check classes in CHECKS;
the registry finds them by module, so adding a family touches no other file.

Families that add a kind of YAML rule (beyond substitution, existence and
consistency) register a builder in `pack_kinds`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ficlint.check import Check


def pack_kinds() -> dict[str, Callable[[dict[str, Any], Any], Check]]:
    """Extra YAML rule kinds contributed by check families (e.g. glossary)."""
    import importlib
    import pkgutil

    import ficlint.checks as package

    kinds: dict[str, Callable[[dict[str, Any], Any], Check]] = {}
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"ficlint.checks.{info.name}")
        kinds.update(getattr(module, "PACK_KINDS", {}))
    return kinds
