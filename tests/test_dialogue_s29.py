"""Session 29 dialogue mechanisms through the real CLI: speech that completes a sentence another
speaker broke off."""

from __future__ import annotations

import pytest
from conftest import dialogue_findings


@pytest.mark.parametrize("open_, close", [('"', '"'), ("“", "”"), ("‘", "’")])
def test_a_speech_finishing_a_broken_off_sentence_asks_nothing(tmp_path, open_, close):
    text = (f"{open_}And England had to learn it through Milton and Shelley--{close}\n\n"
            f"{open_}Who was a metaphysician.{close} Aaron broke in.\n")
    found = dialogue_findings(tmp_path, text)
    assert [rule for rule, _, _ in found] == ["D001"]  # the tag after a full stop, no question


@pytest.mark.parametrize("open_, close", [('"', '"'), ("“", "”"), ("‘", "’")])
def test_a_question_after_a_finished_speech_still_wants_its_mark(tmp_path, open_, close):
    text = (f"{open_}And England had to learn it through Milton and Shelley.{close}\n\n"
            f"{open_}Who was a metaphysician.{close} Aaron broke in.\n")
    found = dialogue_findings(tmp_path, text)
    assert sorted(rule for rule, _, _ in found) == ["D001", "D015"]
    assert any(rule == "D015" and "metaphysician?" in fixed for rule, _, fixed in found)


@pytest.mark.parametrize("open_, close", [('"', '"'), ("“", "”"), ("‘", "’")])
def test_a_passive_speech_verb_in_the_tag_introduces_no_new_speech(tmp_path, open_, close):
    text = (f"{open_}Did you ask him?{close} Ann asked, eyeing the rug that would not be coaxed flat, "
            f"{open_}You can't live like this.{close}\n\n"
            f"{open_}Did you ask him?{close} Ann asked, looking at the rug, {open_}You can't stay.{close}\n")
    found = dialogue_findings(tmp_path, text)
    assert [(rule, marked) for rule, marked, _ in found] == [("D013", ","), ("D013", ",")]
    assert "coaxed flat. " in found[0][2]


@pytest.mark.parametrize("open_, close", [('"', '"'), ("“", "”"), ("‘", "’")])
def test_a_second_speech_verb_still_introduces_the_new_speech(tmp_path, open_, close):
    text = (f"{open_}Did you ask him?{close} Ann asked, adding as an afterthought, "
            f"{open_}You can't live like this.{close}\n\n"
            f"{open_}Did you ask him?{close} Ann asked, looking at the rug, {open_}You can't stay.{close}\n\n"
            f"{open_}Did you ask him?{close} Ann asked, looking at the door, {open_}You can't go.{close}\n")
    found = dialogue_findings(tmp_path, text)
    assert [(rule, marked) for rule, marked, _ in found] == [("D013", ","), ("D013", ",")]
    assert "the rug. " in found[0][2] and "the door. " in found[1][2]
