"""YAML rule packs: the shipped ones, a writer's own, and broken ones."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import flagged, lint, run_cli

from ficlint.config import Config, ConfigError
from ficlint.diagnostics import Diagnostic
from ficlint.packs import PackError, load_pack
from ficlint.registry import Registry, shipped_pack_paths
from ficlint.run import lint_text


def write_pack(tmp_path: Path, body: str, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def lint_with(pack: Path, text: str) -> list[Diagnostic]:
    return lint_text(text, Config(packs=(pack,), extend_select=("P9",)))


RULE_HEAD = """\
    rules:
      - id: P901
        name: my-rule
        category: style
        summary: Something to avoid.
        why: Because.
"""


# -- shipped packs -------------------------------------------------------------------------------


def test_shipped_packs_cover_the_three_kinds():
    kinds = set()
    for path in shipped_pack_paths():
        for check in load_pack(path):
            kinds.add(check.kind)
            assert check.rule.id.startswith("P"), path
    assert kinds >= {"substitution", "existence", "consistency"}


def test_run_together_words_keep_the_capital():
    text = "Alot of them stared at eachother. Ofcourse."
    fixes = [d.fixes[0].replacement for d in lint(text, "P001")]
    assert fixes == ["A lot", "each other", "Of course"]


def test_run_together_words_leave_names_and_longer_words():
    assert flagged("Alotta and the Noones were atleastish.", "P001") == []


def test_placeholders_in_every_prose_region():
    text = "A/N: TODO thank my beta\n\n# Chapter [title?]\n\nShe met [insert name] at dawn."
    assert flagged(text, "P002") == ["TODO", "[title?]", "[insert name]"]


def test_placeholders_not_in_markup_or_ordinary_brackets():
    text = "She said [sic] it twice. <!-- TODO: fix --> `TODO` [Illustration: a map]"
    assert flagged(text, "P002") == []


def test_placeholder_words_found_only_as_whole_words_in_their_case():
    """P002's word list is searched with str.find (a plain list of words): it must find what the
    pattern finds, whole words only, case as written, none inside a longer word."""
    text = "TODO: TODOS xTODO TODO_x FIXME. TBD-ish _TBD todo Fixme TBDTODO FIXME"
    assert flagged(text, "P002") == ["TODO", "FIXME", "TBD", "FIXME"]


def test_inconsistent_variants_flag_the_minority():
    text = "The café was shut. The café was dark. The cafe was cold."
    (diag,) = lint(text, "P003")
    assert text[diag.start : diag.end] == "cafe" and diag.fixes[0].replacement == "café"
    assert "2 times" in diag.message


def test_case_insensitive_packs_with_characters_that_grow_when_lowered():
    text = "İstanbul had Alot of cafés. The café, the Cafe, the café."
    assert flagged(text, "P001") == ["Alot"]
    assert flagged(text, "P003") == ["Cafe"]


def test_packs_stay_out_of_author_notes_by_default():
    assert flagged("A/N: alot of you asked for this :)\n\nShe left.", "P001") == []


# -- a writer's own pack -------------------------------------------------------------------------


def test_substitution_with_context(tmp_path):
    pack = write_pack(
        tmp_path,
        RULE_HEAD
        + """\
        kind: substitution
        swap: {Jon: John}
        before: '(?:Uncle|Mr\\.?) '
        message: 'Spell it "{replacement}".'
        flags: ["Uncle Jon came."]
        allows: ["Jon Snow came."]
    """,
    )
    found = lint_with(pack, "Uncle Jon met Jon Snow and Mr. Jon.")
    assert [(d.rule, d.message) for d in found if d.rule == "P901"] == [("P901", 'Spell it "John".')] * 2


def test_existence_with_regions_and_case(tmp_path):
    pack = write_pack(
        tmp_path,
        RULE_HEAD
        + """\
        kind: existence
        ignorecase: false
        regions: [dialogue]
        patterns: ['\\bOMG\\b']
        flags: ['"OMG," she said.']
        allows: ["OMG, she thought."]
    """,
    )
    text = 'OMG, she thought. "OMG," she said. "omg."'
    found = [text[d.start : d.end] for d in lint_with(pack, text) if d.rule == "P901"]
    assert found == ["OMG"] and text.index('"OMG') + 1 == text.index("OMG", 5)


@pytest.mark.parametrize(("scope", "expected"), [
    ("[tag]", ["smirked"]),
    ("[beat]", ["smirked"]),
    ("[narration]", ["smirked", "smirked", "smirked"]),
    ("[dialogue]", ["smirked"]),
    ("[emphasis]", ["smirked"]),
])
def test_scope_limits_a_rule_to_tags_beats_or_italics(tmp_path, scope, expected):
    """`scope:` reads the analysis: a speech tag, an action beat, an italic thought."""
    pack = write_pack(
        tmp_path,
        RULE_HEAD
        + f"""\
        kind: existence
        scope: {scope}
        patterns: ['\\bsmirked\\b']
        flags: ["x smirked"]
        allows: ["x"]
    """,
    )
    texts = {
        "[tag]": '"Fine," he smirked. He smirked at nobody.',
        "[beat]": '"Fine." He grabbed her arm and smirked. Later he smirked again.',
        "[narration]": 'He smirked. "He smirked," she said. "Fine," he smirked. *He smirked.*',
        "[dialogue]": 'He smirked. "He smirked," she said.',
        "[emphasis]": 'He smirked. *He smirked,* she thought.',
    }
    text = texts[scope]
    found = [text[d.start : d.end] for d in lint_with(pack, text) if d.rule == "P901"]
    assert found == expected


def test_consistency_of_a_fandoms_names(tmp_path):
    pack = write_pack(
        tmp_path,
        RULE_HEAD
        + """\
        kind: consistency
        either: {Hermione: Hermoine}
        flags: ["Hermione smiled. Hermione left. Hermoine came back."]
        allows: ["Hermione smiled."]
    """,
    )
    found = lint_with(pack, "Hermione smiled. Hermione left. Hermoine came back.")
    assert [d.fixes[0].replacement for d in found if d.rule == "P901"] == ["Hermione"]


def test_a_users_pack_runs_its_own_examples_through_the_cli(tmp_path):
    write_pack(
        tmp_path,
        RULE_HEAD
        + """\
        kind: substitution
        swap: {gonna: going to}
        regions: [narration]
        flags: ["She was gonna go."]
        allows: ['"Gonna go," she said.']
    """,
    )
    (tmp_path / ".ficlint.yaml").write_text("packs: [mine.yaml]\n", encoding="utf-8")
    (tmp_path / "c.md").write_text('She was gonna go. "I\'m gonna stay," he said.\n', encoding="utf-8")
    result = run_cli("check", "--select", "P901", "--format", "json", "c.md", cwd=tmp_path)
    assert [d["text"] for d in result.json()["files"][0]["diagnostics"]] == ["gonna"]
    explained = run_cli("explain", "my-rule", "--config", ".ficlint.yaml", cwd=tmp_path)
    assert explained.code == 0 and "She was gonna go." in explained.stdout


# -- broken packs ---------------------------------------------------------------------------------


def rule_with(extra: str, head: str = RULE_HEAD) -> str:
    """A pack of one rule: the common head plus the given keys."""
    return head + textwrap.indent(extra, " " * 8)


COMPLETE = "kind: existence\npatterns: [x]\nflags: [x]\nallows: [y]\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("rules: [\n", "not valid YAML"),
        ("pack: x\n", "needs a top-level `rules:` list"),
        ("rules: []\nrulez: []\n", "unknown top-level key(s): rulez"),
        (
            rule_with("kind: shout\n"),
            ":2: rule P901: kind must be one of substitution, existence, consistency",
        ),
        (
            rule_with("kind: existence\npatterns: ['(']\nflags: [x]\nallows: [y]\n"),
            ":2: rule P901: bad regular expression",
        ),
        (
            rule_with("kind: existence\npattern: [x]\n"),
            ":2: rule P901: unknown key(s) for kind existence: pattern",
        ),
        (rule_with("kind: existence\npatterns: [x]\n"), ":2: rule P901: needs at least one `flags`"),
        (
            "rules:\n  - id: P902\n    kind: existence\n    patterns: [x]\n",
            ":2: rule P902: missing key 'name'",
        ),
        (rule_with(COMPLETE, RULE_HEAD.replace("P901", "X1")), "id 'X1' is not like 'M001'"),
        (rule_with(COMPLETE, RULE_HEAD.replace("style", "vibes")), "category 'vibes' is not one of"),
        (rule_with(COMPLETE + "fix: maybe\n"), "fix must be safe, unsafe or none"),
        (rule_with(COMPLETE + "regions: [footnotes]\n"), "scope must be among"),
        (rule_with(COMPLETE + "scope: [tags]\n"), "scope must be among narration, dialogue"),
        (rule_with(COMPLETE + "scope: [tag]\nregions: [dialogue]\n"), "give `scope` or `regions`, not both"),
        ("- just a list\n", "needs a top-level `rules:` list"),
        ("rules:\n  - just a string\n", "every item of `rules:` must be a mapping"),
    ],
)
def test_broken_packs_name_the_file_and_the_problem(tmp_path, body, expected):
    path = write_pack(tmp_path, body)
    with pytest.raises(PackError) as info:
        load_pack(path)
    assert str(info.value).startswith(str(path)) and expected in str(info.value)


def test_a_pack_that_reuses_a_rule_id_is_an_error(tmp_path):
    pack = write_pack(
        tmp_path,
        rule_with(COMPLETE, RULE_HEAD.replace("P901", "M001")),
    )
    with pytest.raises(ConfigError, match="rule id M001 is defined twice"):
        Registry.for_config(Config(packs=(pack,)))


@pytest.mark.parametrize("ignorecase", ["true", "false"])
def test_word_lists_are_found_only_as_whole_words_however_they_overlap(tmp_path, ignorecase):
    # a list of plain words is looked for word by word, not by one scan of the text: every
    # occurrence inside a longer word, overlapping another or run on must still be left alone
    pack = write_pack(
        tmp_path,
        RULE_HEAD
        + f"""\
        kind: substitution
        ignorecase: {ignorecase}
        swap: {{alot: a lot, lotta: lot of, alotalot: a lot a lot}}
        flags: ["It was alot."]
        allows: ["A zealot."]
    """,
    )
    text = "A zealot said alotta, alot alotalot. Alot! lotta alott alot"
    found = [(text[d.start:d.end], d.fixes[0].replacement) for d in lint_with(pack, text) if d.rule == "P901"]
    expected = [("alot", "a lot"), ("alotalot", "a lot a lot"), ("lotta", "lot of"), ("alot", "a lot")]
    if ignorecase == "true":
        expected.insert(2, ("Alot", "A lot"))
    assert found == expected


def test_consistency_counts_whole_words_only(tmp_path):
    pack = write_pack(tmp_path, RULE_HEAD + """\
        kind: consistency
        either: {grey: gray}
        flags: ["A grey cat, a grey dog, a gray sky."]
        allows: ["A greyhound."]
    """)
    text = "The grey cat. The grey dog. A gray sky. Greyhounds and grayling swam. Gray."
    found = [(d.start, text[d.start:d.end]) for d in lint_with(pack, text) if d.rule == "P901"]
    assert found == [(text.index("gray"), "gray"), (text.rindex("Gray"), "Gray")]


def test_consistency_pattern_is_the_same_in_every_process():
    """The alternation of a consistency rule is built from a set: its text must not follow the
    set's order, which changes with the hash seed (a pattern that differs per process can be
    neither compared nor cached)."""
    import os
    import subprocess
    import sys

    script = ("from ficlint.packs import load_pack\nfrom ficlint.registry import shipped_pack_paths\n"
              "for path in shipped_pack_paths():\n"
              "    for check in load_pack(path):\n"
              "        if getattr(check, 'kind', '') == 'consistency':\n"
              "            print(check.variants.pattern.pattern)\n")
    seen = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                             check=True).stdout
        seen.add(out)
    assert len(seen) == 1 and "|" in seen.pop()
