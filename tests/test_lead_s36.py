"""Stop 35's lead fixes after the merges, through the real CLI: each has text it must flag and text it
must leave alone."""

from __future__ import annotations

import pytest
from conftest import rule_findings

# -- S001: the second word of a spell or foreign name is no slip beside a name ------------------------


@pytest.mark.parametrize("text", [
    "\"Just relax, now. Ossio sanare.\" There was a faint crackle, then Sirius groaned in relief.\n",
    "She raised her wand. \"Lumos maxima,\" she whispered, and the corridor filled with light.\n",
])
def test_a_lowercase_word_right_after_a_strange_capitalised_one_is_their_phrase(tmp_path, text):
    assert [f for f in rule_findings(tmp_path, text, "S001") if f[1] in {"sanare", "maxima"}] == []


@pytest.mark.parametrize(("text", "word", "fix"), [
    ("She had come back from Azeroth with a suprise for him.\n", "suprise", "surprise"),
    ("Azeroth was far away, and the journey was a suprise to them all.\n", "suprise", "surprise"),
])
def test_a_slip_beside_a_name_but_not_joined_to_it_is_still_flagged(tmp_path, text, word, fix):
    assert ("S001", word, fix) in rule_findings(tmp_path, text, "S001")


# -- H001: a past verb right after a relative clause's verb, or with its particle, is the main verb ------


@pytest.mark.parametrize("text", [
    "The dog that ran passed away in its sleep.\n",
    "The old man who used to walk passed away last spring.\n",
    "The boy who jumped passed the ball to his sister.\n",
    "Everyone who ran passed the test.\n",
])
def test_the_verb_after_a_relative_clause_is_the_main_verb(tmp_path, text):
    assert rule_findings(tmp_path, text, "H001") == []


@pytest.mark.parametrize("text", [
    "She walked passed them without a word.\n",
    "He ran passed the guards and out of the gate.\n",
])
def test_passed_after_a_verb_of_going_is_still_flagged(tmp_path, text):
    assert rule_findings(tmp_path, text, "H001") == [("H001", "passed", "past")]
