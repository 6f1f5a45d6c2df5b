"""Session 34 (the lead's fixes), through the CLI: a bare thought tag after ! or ? is lowercased like a
speech tag (D002), as D001 already takes it after a full stop; and a note at the top of a short file
no longer swallows the story after it."""

from __future__ import annotations

import pytest
from conftest import rule_findings


@pytest.mark.parametrize("text", [
    "\"Where is she?\" He wondered.\n",
    "\"Stop!\" She thought. \"Stop right there.\"\n",
    "'Are you sure?' She mused to herself.\n",
])
def test_bare_thought_tag_after_question_or_exclamation(tmp_path, text):
    [(rule, marked, fix)] = rule_findings(tmp_path, text, "D001,D002")
    assert (rule, fix) == ("D002", marked[0].lower()) and marked in ("He", "She")


@pytest.mark.parametrize("text", [
    "\"Why me?\" He thought about that for a moment.\n",  # a sentence of its own: he considers it
    "\"Why?\" He decided to leave.\n",
    "\"Wait a mo--\" He thought. \"Our motor is here.\"\n",  # broken off to think: a pause, not a tag
    "\"Why?\" She wondered about it.\n",
])
def test_thinking_after_question_that_is_its_own_sentence(tmp_path, text):
    assert rule_findings(tmp_path, text, "D001,D002") == []


SHORT_STORY_UNDER_A_NOTE = (
    "**A quiet harbour**\n\nSummary- A woman walks to the sea.\n\n"
    "\"Meet you there\" She said.\n\nHe said nothing.\n"
)


def test_story_after_an_opening_note_is_checked(tmp_path):
    # the summary is a note; the three paragraphs after it are the story (they were read as more note)
    assert rule_findings(tmp_path, SHORT_STORY_UNDER_A_NOTE, "D003") == [("D003", "\" She", ",\" s")]


def test_closing_note_still_runs_to_the_end(tmp_path):
    text = ("She walked down to the harbour and watched the boats come in.\n\n"
            "He waited by the wall until the light was gone.\n\n"
            "A/N: thanks for reading!\n\n\"Meet you there\" She said. (a line from the next chapter)\n")
    assert rule_findings(tmp_path, text, "D003") == []
