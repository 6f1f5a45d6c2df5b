"""Shared test helpers: run the real CLI in a subprocess, or lint a text in-process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from ficlint.config import Config
from ficlint.diagnostics import Diagnostic
from ficlint.run import lint_text

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@dataclass
class CliResult:
    code: int
    stdout: str
    stderr: str

    def json(self) -> dict:
        return json.loads(self.stdout)


def run_cli(*args: str, input: str | bytes | None = None, cwd: Path | None = None,
            env: dict[str, str] | None = None) -> CliResult:
    """Run `python -m ficlint ARGS` as a user would, without colour."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full_env.pop("FORCE_COLOR", None)
    data = input.encode("utf-8") if isinstance(input, str) else input
    proc = subprocess.run([sys.executable, "-m", "ficlint", *args], input=data, capture_output=True,
                          cwd=cwd, env=full_env, timeout=120)
    out, err = proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")
    return CliResult(proc.returncode, out, err)


def modules_at_exit(args: list[str], which: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `ficlint ARGS` in a fresh interpreter (this checkout first on the path) and print, as the
    last line of its stderr, the sorted names of the loaded modules `m` for which the expression
    `which` holds. A one-shot command ends with os._exit, so they are listed just before it."""
    code = ("import os, sys\n"
            "from ficlint.cli import main\n"
            "def listed(status, exit=os._exit):\n"
            f"    print(sorted(m for m in sys.modules if {which}), file=sys.stderr, flush=True)\n"
            "    exit(status)\n"
            "os._exit = listed\n"
            f"sys.argv = ['ficlint', *{args!r}]\n"
            "main()\n")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def rule_findings(tmp_path: Path, text: str, select: str) -> list[tuple[str, str, str]]:
    """What `ficlint check --select SELECT` reports on `text` as a chapter: each finding's rule,
    the text it marks, and its first fix's replacement ("" when it has none)."""
    chapter = tmp_path / "chapter.txt"
    chapter.write_text(text, encoding="utf-8")
    result = run_cli("check", "--format", "json", "--no-cache", "--select", select, str(chapter))
    [file] = result.json()["files"]
    found = []
    for d in file["diagnostics"]:
        start, end = d["start"]["offset"], d["end"]["offset"]
        fixes = [f["replacement"] for f in d["fixes"]]
        found.append((d["rule"], text[start:end], fixes[0] if fixes else ""))
    return found


def folder_findings(folder: Path, select: str, *files: tuple[str, str]) -> list[tuple[str, str, str]]:
    """(file, rule, flagged text) of every finding of `ficlint check --select SELECT` when `files`
    (name, text) are written to `folder` and checked as one manuscript, sorted."""
    for name, text in files:
        (folder / name).write_text(text, encoding="utf-8")
    result = run_cli("check", "--format", "json", "--no-cache", "--select", select, str(folder))
    found = []
    for entry in result.json()["files"]:
        text = Path(entry["path"]).read_text(encoding="utf-8")
        for d in entry["diagnostics"]:
            found.append((Path(entry["path"]).name, d["rule"], text[d["start"]["offset"]:d["end"]["offset"]]))
    return sorted(found)


def dialogue_findings(tmp_path: Path, text: str) -> list[tuple[str, str, str]]:
    """What `ficlint check` reports on `text` as a chapter: each dialogue finding's rule, the text
    it marks, and the text once its fixes are applied."""
    chapter = tmp_path / "chapter.txt"
    chapter.write_text(text, encoding="utf-8")
    result = run_cli("check", "--format", "json", "--no-cache", "--select", "D", str(chapter))
    [file] = result.json()["files"]
    found = []
    for d in file["diagnostics"]:
        start, end = d["start"]["offset"], d["end"]["offset"]
        fixed = text
        for fix in sorted(d["fixes"], key=lambda f: -f["start"]["offset"]):
            fixed = fixed[:fix["start"]["offset"]] + fix["replacement"] + fixed[fix["end"]["offset"]:]
        found.append((d["rule"], text[start:end], fixed))
    return found


def lint(text: str, select: str | tuple[str, ...] = (), **config: object) -> list[Diagnostic]:
    """Lint one text in-process with the given selection and config fields."""
    return lint_text(text, Config(**config), (select,) if isinstance(select, str) else tuple(select))


def flagged(text: str, rule: str, **config: object) -> list[str]:
    """The texts that `rule` flags in `text`."""
    return [text[d.start:d.end] for d in lint(text, rule, **config) if d.rule == rule]


@pytest.fixture
def cli():
    return run_cli
