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


def test_exactly_two_set_up_commands():
    commands = re.findall(r"```console\n(.*?)\n```", section("Set up"), re.S)
    assert commands == ["pip install . && ficlint check seeds/", "pip install '.[test]' && python -m pytest"]


def test_ci_runs_the_readme_test_command():
    run = ROOT / ".ci" / "run"
    script = run.read_text(encoding="utf-8")
    assert os.access(run, os.X_OK)
    assert script.startswith("#!/usr/bin/env bash") and "set -euo pipefail" in script
    assert re.search(r"^python -m pip install .*'\.\[test\]'$", script, re.M)
    assert re.search(r"^python -m pytest\b", script, re.M)


def test_readme_documents_every_config_key():
    from ficlint.config import _TOP_LEVEL

    missing = [key for key in _TOP_LEVEL if f"`{key}`" not in README]
    assert missing == [], "add these config keys to the README (the Configuration table)"


def test_readme_documents_the_json_contract_keys():
    text = section("JSON output")
    for key in ("version", "files", "summary", "rule", "name", "category", "severity", "message", "text",
                "start", "end", "fixes", "offset", "line", "column", "character", "replacement"):
        assert f'"{key}"' in text or f"`{key}`" in text, key
