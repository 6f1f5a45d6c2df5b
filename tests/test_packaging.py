"""The wheel ships the rule packs, and an installed ficlint run from another
folder finds them; a release builds and passes `twine check`; the project's own
pre-commit config is valid."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--quiet",
            "--disable-pip-version-check",
            "-w",
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return next(out.glob("ficlint-*.whl"))


def test_wheel_contains_every_rule_pack_and_data_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = [p.relative_to(ROOT / "rules").as_posix() for p in (ROOT / "rules").rglob("*.yaml")]
    assert shipped
    missing = [s for s in shipped if f"ficlint/_rules/{s}" not in names]
    assert missing == []
    assert any(n.endswith(".dist-info/licenses/LICENSE") or n.endswith("LICENSE") for n in names)


def test_wheel_contains_every_shipped_data_file(wheel):
    """The models and word lists in ficlint/data, every one of them: a file the build leaves out
    is a rule that fails on a writer's machine and nowhere here."""
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = [p.relative_to(ROOT).as_posix() for p in (ROOT / "ficlint" / "data").iterdir()
               if p.is_file() and not p.name.startswith(".")]
    assert "ficlint/data/tagger.bin" in shipped
    assert [s for s in shipped if s not in names] == []


def test_installed_ficlint_finds_its_packs_from_another_folder(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--quiet", "--disable-pip-version-check",
         str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    # ficlint's dependencies (click, yaml...) from the environment running the tests, after the wheel's
    # own folder, so the wheel's ficlint is the one imported
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(site) / "outer-deps.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")
    elsewhere = tmp_path / "story"
    elsewhere.mkdir()
    (elsewhere / "c.md").write_text("She had alot to say.. to them.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"NO_COLOR": "1"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(bin_dir / "ficlint"), *args],
            cwd=elsewhere,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    where = subprocess.run(
        [str(python), "-c", "import ficlint.resources as r; print(r.rules_dir())"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).parts[-2:] == ("ficlint", "_rules") and str(venv) in where
    rules = run("rules")
    assert rules.returncode == 0 and "P001    run-together-words" in rules.stdout
    found = run("check", "--select", "P001,M001", "-q", "c.md")
    assert found.returncode == 1
    assert [line.split()[1] for line in found.stdout.splitlines() if line.startswith("c.md:")] == [
        "warning[P001]",
        "warning[M001]",
    ]


def test_project_pre_commit_config_is_valid():
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_release_builds_and_passes_twine_check(tmp_path):
    """`python -m build` (sdist and wheel, in an isolated environment) and `twine check`, as a PyPI
    release would run them."""
    out = tmp_path / "dist"
    built = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
                           capture_output=True, text=True, timeout=900)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    from ficlint import __version__

    dists = sorted(p.name for p in out.iterdir())
    assert dists == [f"ficlint-{__version__}-py3-none-any.whl", f"ficlint-{__version__}.tar.gz"]
    checked = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *map(str, out.iterdir())],
                             capture_output=True, text=True, timeout=300)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count("PASSED") == 2
