"""Where ficlint's shipped data lives: the `rules/` packs and data files.

In a wheel, `rules/` is installed as `ficlint/_rules`; in a source checkout
(and an editable install) it is the top-level `rules/` folder.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

_PACKAGE = Path(__file__).resolve().parent
# libyaml's parser when PyYAML was built with it (the PyPI wheels are): about ten times faster.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def rules_dir() -> Path:
    installed = _PACKAGE / "_rules"
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parent / "rules"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("ficlint's rules/ folder is missing from this installation")


def data_dir() -> Path:
    """Binary data shipped inside the package (trained models, compiled lists)."""
    return _PACKAGE / "data"


@cache
def load_data(name: str) -> Any:
    """A YAML data file from rules/data/, e.g. load_data("speech-verbs")."""
    path = rules_dir() / "data" / f"{name}.yaml"
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=SafeLoader)  # noqa: S506 - a safe loader
