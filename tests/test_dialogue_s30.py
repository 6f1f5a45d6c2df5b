"""Session 30 dialogue mechanisms through the real CLI: a comma after a verb of the voice before
new speech, judged by the chapter's own habit; a tag with the person told; low opening quotes."""

from __future__ import annotations

import pytest
from conftest import dialogue_findings, run_cli


@pytest.mark.parametrize("open_, close", [('"', '"'), ("“", "”"), ("‘", "’")])
def test_a_voice_comma_is_a_slip_where_the_chapter_writes_a_full_stop(tmp_path, open_, close):
    text = (f"Remus laughed. {open_}You came.{close}\n\nAnn sighed. {open_}I did.{close}\n\n"
            f"Keith chuckled again, {open_}And you stayed.{close}\n")
    found = dialogue_findings(tmp_path, text)
    assert [(rule, marked) for rule, marked, _ in found] == [("D013", ",")]
    assert f"Keith chuckled again. {open_}And you stayed." in found[0][2]


@pytest.mark.parametrize("open_, close", [('"', '"'), ("“", "”"), ("‘", "’")])
def test_a_voice_comma_is_a_slip_where_action_commas_are_the_chapters_habit(tmp_path, open_, close):
    text = (f"Ann nodded, {open_}You came.{close}\n\nTom shrugged, {open_}I did.{close}\n\n"
            f"Keith chuckled again, {open_}And you stayed.{close}\n")
    found = dialogue_findings(tmp_path, text)
    assert [(rule, marked) for rule, marked, _ in found] == [("D013", ",")] * 3


@pytest.mark.parametrize("open_, close", [('"', '"'), ("“", "”"), ("‘", "’")])
def test_a_voice_comma_is_the_style_where_the_chapter_writes_it_throughout(tmp_path, open_, close):
    text = (f"Remus laughed, {open_}You came.{close}\n\nAnn sighed, {open_}I did.{close}\n\n"
            f"Keith chuckled. {open_}And you stayed.{close}\n\n"
            f"Carol whistled. {open_}So did I.{close}\n\nTom chuckled, {open_}We all did.{close}\n")
    assert dialogue_findings(tmp_path, text) == []


@pytest.mark.parametrize("open_, close", [('"', '"'), ("“", "”"), ("‘", "’")])
def test_one_voice_comma_with_nothing_to_compare_is_left_alone(tmp_path, open_, close):
    text = f"Keith chuckled again, {open_}And you stayed.{close}\n\nShe nodded. {open_}Yes.{close}\n"
    assert dialogue_findings(tmp_path, text) == []


@pytest.mark.parametrize("open_, close", [('"', '"'), ("“", "”"), ("‘", "’")])
def test_a_voice_verb_and_where_the_sound_went_follow_the_voice_habit(tmp_path, open_, close):
    sobbing = f"She was sobbing against his overcoat, {open_}How can you shame me so?{close}\n"
    older = f"He sighed, {open_}Oh.{close}\n\nShe laughed. {open_}Well.{close}\n\n"
    assert dialogue_findings(tmp_path, older + sobbing) == []
    gestures = f"Ann nodded, {open_}Wait.{close}\n\nTom shrugged, {open_}Fine.{close}\n\n"
    found = dialogue_findings(tmp_path, gestures + sobbing)
    assert [(rule, marked) for rule, marked, _ in found] == [("D013", ",")] * 3
    assert f"against his overcoat. {open_}How can" in found[-1][2]


@pytest.mark.parametrize("open_, close", [('"', '"'), ("“", "”"), ("‘", "’")])
def test_a_tag_with_the_person_told_is_fixed_with_a_comma(tmp_path, open_, close):
    text = f"{open_}Fire or not.{close} Ed lectured his amused husband.\n"
    found = dialogue_findings(tmp_path, text)
    assert [rule for rule, _, _ in found] == ["D001"]
    assert f"{open_}Fire or not,{close} Ed lectured his amused husband." in found[0][2]


def test_low_opening_quotes_pair_with_high_closing_ones(tmp_path):
    text = ("„What contract?“ she asked.\n\n„The one you signed.“ He left.\n\n"
            "„I do.“\n\n„I'm going to kill him.“ She growled.\n")
    found = dialogue_findings(tmp_path, text)
    assert [(rule, marked) for rule, marked, _ in found] == [("D001", ".“ She")]
    assert "„I'm going to kill him,“ she growled." in found[0][2]


def test_an_italic_thought_between_speeches_ending_on_a_place_does_not_crash_d013(tmp_path):
    # The thought's last word sits inside its emphasis marks, so the tagger's tokens do not line
    # up with D013's words; D013 read a word class that was not there (IndexError on held-out text).
    text = ("“Why would I go back? I have a home now.” *Not since I left my brother in the tower*. "
            "“What is left?”\n")
    (tmp_path / "c.md").write_text(text, encoding="utf-8")
    result = run_cli("check", "--no-cache", "--select", "D013", "c.md", cwd=tmp_path)
    assert "internal error" not in result.stderr
    assert result.code == 0


@pytest.mark.parametrize("speech, mark", [
    ("Can't wait to meet them", ","),  # the subject left out: a statement
    ("Don't worry about it", ","),  # an order
    ("Don't you see", "?"),  # the subject after the negative: a question
    ("Isn't it late", "?"),
    ("Didn't Harry say so", "?"),
])
def test_a_negative_opener_asks_only_with_its_subject_after_it(tmp_path, speech, mark):
    found = dialogue_findings(tmp_path, f'"{speech}" Tony said.\n')
    assert [(rule, fixed) for rule, _, fixed in found] == [("D003", f'"{speech}{mark}" Tony said.\n')]
