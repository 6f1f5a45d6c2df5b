"""Inline suppression with HTML comments, in Markdown and plain text."""

from __future__ import annotations

from conftest import lint, run_cli


def found(text: str, select: str = "M") -> list[tuple[str, str]]:
    return [(d.rule, text[d.start : d.end]) for d in lint(text, select)]


def test_disable_and_enable_a_stretch():
    text = "One.. two.\n\n<!-- ficlint-disable -->\nThree.. four.\n<!-- ficlint-enable -->\n\nFive.. six.\n"
    assert found(text) == [("M001", ".."), ("M001", "..")]
    starts = [d.start for d in lint(text, "M")]
    assert starts == [text.index(".."), text.rindex("..")]


def test_disable_one_rule_by_id_leaves_the_others():
    text = "<!-- ficlint-disable M001 -->\nOne.. he went to the the door.\n"
    assert found(text) == [("M005", "the the")]


def test_disable_several_selectors_by_name_and_category():
    text = "<!-- ficlint-disable doubled-word, punctuation -->\nOne.. he went to the the door. i left.\n"
    assert found(text) == [("M003", "i")]


def test_enable_of_one_rule_closes_only_that_rule():
    text = (
        "<!-- ficlint-disable M001 -->\n<!-- ficlint-disable M005 -->\nOne.. the the.\n"
        "<!-- ficlint-enable M001 -->\nTwo.. the the.\n"
    )
    assert found(text) == [("M001", "..")]


def test_enable_of_one_rule_out_of_a_list_keeps_the_others_silenced():
    text = (
        "<!-- ficlint-disable M001, M005 -->\nOne.. the the.\n<!-- ficlint-enable m001 -->\nTwo.. the the.\n"
    )
    assert found(text) == [("M001", "..")]


def test_enable_of_one_rule_does_not_end_a_disable_of_everything():
    text = "<!-- ficlint-disable -->\nOne.. the the.\n<!-- ficlint-enable M001 -->\nTwo.. the the.\n"
    assert found(text) == []


def test_disable_without_enable_runs_to_the_end():
    text = "One.. two.\n\n<!-- ficlint-disable -->\n\nThree.. four.\n\nFive.. six.\n"
    assert len(found(text)) == 1


def test_disable_next_line_skips_blank_lines():
    text = "<!-- ficlint-disable-next-line -->\n\nOne.. two.\nThree.. four.\n"
    assert [d.start for d in lint(text, "M001")] == [text.index("Three") + 5]


def test_disable_next_line_for_one_rule():
    text = "<!-- ficlint-disable-next-line M005 -->\nOne.. the the.\n"
    assert found(text) == [("M001", "..")]


def test_disable_line_on_the_same_line():
    text = "One.. two. <!-- ficlint-disable-line M001 -->\nThree.. four.\n"
    assert [d.start for d in lint(text, "M001")] == [text.index("Three") + 5]


def test_directives_are_case_insensitive_and_tolerate_spacing():
    text = "<!--ficlint-DISABLE m001-->\nOne.. two.\n"
    assert found(text) == []


def test_the_comment_itself_is_never_checked():
    text = "She left.\n\n<!-- ficlint-disable M005 the the .. i -->\n"
    assert found(text) == []


def test_suppression_through_the_cli_in_plain_text(tmp_path):
    (tmp_path / "c.txt").write_text("<!-- ficlint-disable-next-line -->\nOne.. two.\n", encoding="utf-8")
    assert run_cli("check", "--select", "M", "c.txt", cwd=tmp_path).code == 0
