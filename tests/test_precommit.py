"""The pre-commit hooks, run by the real pre-commit against this checkout (`pre-commit try-repo`).

pre-commit installs ficlint from this repository into an environment of its own
(from PyPI), so this is the slowest test of the suite: the environment is built
once per test session and shared by the tests here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT

INSTALL_TIMEOUT = 1800  # building pre-commit's environment downloads ficlint's dependencies

if not os.environ.get("CI"):
    pytest.importorskip("pre_commit", reason="pre-commit is in the test extra")
if shutil.which("git") is None:
    pytest.skip("git is needed to run pre-commit", allow_module_level=True)

BAD = "She walked to the door.\n\n\"Stop it..stop crying,\" he said.\n"
GOOD = "She walked to the door.\n\n\"Stop it... stop crying,\" he said.\n"


def checkout_commit() -> str:
    """The committed state of this checkout: what a manuscript repo's `rev:` would pin. (Without a
    ref, try-repo also takes uncommitted edits of tracked files but not new files, a mix of half-done
    work.)"""
    proc = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        pytest.skip("this checkout is not a git repository")
    return proc.stdout.strip()


@dataclass
class Hook:
    code: int
    output: str


class ManuscriptRepo:
    """A writer's git repository with chapters, and pre-commit to run ficlint's hooks on it."""

    def __init__(self, path: Path, home: Path) -> None:
        self.path = path
        self.env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never",
                    "GIT_AUTHOR_NAME": "Writer", "GIT_AUTHOR_EMAIL": "writer@example.org",
                    "GIT_COMMITTER_NAME": "Writer", "GIT_COMMITTER_EMAIL": "writer@example.org"}
        self.env.pop("FORCE_COLOR", None)
        self.env.pop("PRE_COMMIT", None)
        path.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q")
        (path / ".ficlint.yaml").write_text("select: [M001]\n", encoding="utf-8")
        (path / "chapters").mkdir(exist_ok=True)

    def git(self, *args: str) -> None:
        subprocess.run(["git", *args], cwd=self.path, env=self.env, check=True, capture_output=True,
                       timeout=120)

    def write(self, name: str, text: str) -> Path:
        target = self.path / name
        target.write_text(text, encoding="utf-8")
        self.git("add", name)
        return target

    def commit(self, message: str) -> None:
        self.git("commit", "-q", "-m", message)

    def try_hook(self, hook_id: str, *files: str) -> Hook:
        command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook_id,
                   "--ref", checkout_commit(), "--files", *files]
        proc = subprocess.run(command, cwd=self.path, env=self.env, capture_output=True,
                              timeout=INSTALL_TIMEOUT)
        output = proc.stdout.decode("utf-8", "replace") + proc.stderr.decode("utf-8", "replace")
        return Hook(proc.returncode, output)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def repo(tmp_path: Path, pre_commit_home: Path) -> ManuscriptRepo:
    return ManuscriptRepo(tmp_path / "story", pre_commit_home)


def test_a_bad_chapter_blocks_with_annotated_output(repo: ManuscriptRepo) -> None:
    repo.write("chapters/01.md", BAD)
    hook = repo.try_hook("ficlint", "chapters/01.md")
    assert hook.code == 1, hook.output
    assert "Failed" in hook.output
    assert "chapters/01.md:3:9: warning[M001] [punctuation]" in hook.output
    assert "^^" in hook.output  # the span is underlined, as in `ficlint check`


def test_a_good_chapter_passes(repo: ManuscriptRepo) -> None:
    repo.write("chapters/01.md", GOOD)
    repo.write("chapters/02.txt", "The end.\n")
    hook = repo.try_hook("ficlint", "chapters/01.md", "chapters/02.txt")
    assert hook.code == 0, hook.output
    assert "Passed" in hook.output


def test_files_the_config_excludes_are_left_alone(repo: ManuscriptRepo) -> None:
    (repo.path / ".ficlint.yaml").write_text("select: [M001]\nexclude: [\"notes/*\"]\n", encoding="utf-8")
    (repo.path / "notes").mkdir()
    repo.write("notes/todo.md", BAD)  # pre-commit names the file; the config's exclude still holds
    repo.write("chapters/01.md", GOOD)
    hook = repo.try_hook("ficlint", "notes/todo.md", "chapters/01.md")
    assert hook.code == 0, hook.output


def test_the_fix_hook_fixes_and_fails_so_the_writer_can_review(repo: ManuscriptRepo) -> None:
    chapter = repo.write("chapters/01.md", BAD)
    hook = repo.try_hook("ficlint-fix", "chapters/01.md")
    assert hook.code == 1, hook.output
    assert "files were modified by this hook" in hook.output
    assert chapter.read_text(encoding="utf-8") == BAD.replace("it..stop", "it...stop")
    repo.git("add", "chapters/01.md")
    assert repo.try_hook("ficlint-fix", "chapters/01.md").code == 0


def test_one_staged_chapter_is_judged_by_the_whole_manuscript(repo: ManuscriptRepo) -> None:
    """pre-commit names only the staged chapter; the dialect the story is written in comes from all."""
    (repo.path / ".ficlint.yaml").write_text("select: [dialect]\n", encoding="utf-8")
    repo.write("chapters/01.md", "The colour of the sky was grey. She realised the centre of town was "
                                 "near.\n\nHer favourite colour was red; the theatre had an honour board.\n")
    repo.write("chapters/02.md", "He recognised the colour. They travelled to the centre, and the neighbour "
                                 "apologised.\n")
    repo.git("add", ".ficlint.yaml")
    repo.commit("Chapters 1 and 2")
    repo.write("chapters/03.md", "The color of the door was blue.\n")
    hook = repo.try_hook("ficlint", "chapters/03.md")
    assert hook.code == 1, hook.output
    assert "chapters/03.md:1:5:" in hook.output and "V001" in hook.output, hook.output
    assert "chapters/01.md:" not in hook.output and "chapters/02.md:" not in hook.output


def test_info_findings_do_not_block_a_commit_unless_asked(repo: ManuscriptRepo) -> None:
    (repo.path / ".ficlint.yaml").write_text("select: [M001]\nseverity: {M001: info}\n", encoding="utf-8")
    repo.write("chapters/01.md", BAD)
    passed = repo.try_hook("ficlint", "chapters/01.md")
    assert passed.code == 0, passed.output
    assert "Passed" in passed.output
    (repo.path / ".ficlint.yaml").write_text("select: [M001]\nseverity: {M001: info}\nfail-on: info\n",
                                             encoding="utf-8")
    blocked = repo.try_hook("ficlint", "chapters/01.md")
    assert blocked.code == 1, blocked.output
    assert "chapters/01.md:3:9: info[M001] [punctuation]" in blocked.output
