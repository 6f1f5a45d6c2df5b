"""The README's promises that a newcomer copies: exactly two set-up commands,
and CI runs the same test command."""

from __future__ import annotations

import os
import re

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, re.M | re.S)
    assert m, f"README has no section {title!r}"
    return m.group(1)


SET_UP = [
    "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/ficlint check seeds/",
    "python3 -m venv .venv && .venv/bin/pip install '.[test]' && .venv/bin/python -m pytest",
]


def test_exactly_two_set_up_commands_each_in_a_virtual_environment():
    """A venv inside each command: Debian's and Ubuntu's system Python refuse `pip install` (PEP 668)."""
    commands = re.findall(r"```console\n(.*?)\n```", section("Set up"), re.S)
    assert commands == SET_UP


def test_ci_runs_the_readme_test_command_verbatim():
    run = ROOT / ".ci" / "run"
    script = run.read_text(encoding="utf-8")
    assert os.access(run, os.X_OK)
    assert script.startswith("#!/usr/bin/env bash") and "set -euo pipefail" in script
    assert SET_UP[1] in script.splitlines()


def test_pre_commit_snippet_pins_this_version():
    from ficlint import __version__

    assert re.findall(r"^\s+rev: (\S+)", section("pre-commit"), re.M) == [f"v{__version__}"]


def test_readme_documents_every_config_key():
    from ficlint.config import _TOP_LEVEL

    missing = [key for key in _TOP_LEVEL if f"`{key}`" not in README]
    assert missing == [], "add these config keys to the README (the Configuration table)"


def test_readme_documents_the_json_contract_keys():
    text = section("JSON output")
    for key in ("version", "files", "summary", "rule", "name", "category", "severity", "message", "text",
                "start", "end", "fixes", "offset", "line", "column", "character", "replacement"):
        assert f'"{key}"' in text or f"`{key}`" in text, key
