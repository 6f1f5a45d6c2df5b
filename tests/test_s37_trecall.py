"""Through the real CLI (stop 37, tense recall): in a present-tense scene a past action that "and" joins
to the same subject's present one in one clause is the slip ("Seojun laughed softly and hands him"), a
thing's too ("my mother kissed my forehead and puts"), but not a clause inside a noun phrase ("the hand
Remus offered and tugs"); a participle with an object after a comma is a verb, no absolute phrase. (The
branch's looser readings of -s verbs and of a thing's action were not merged: on 1,000 fresh works they
added T001 findings of which only 15 of 29 were true.)"""

from __future__ import annotations

import pytest

from tests.conftest import rule_findings
from tests.test_tense_evidence import CLOSING, OPENING

PAST_OPENING = (
    "Nadia carried the radio into the kitchen and set it down. She looked at the clock and sighed. Tobias "
    "followed her in and leaned against the door.\n\n"
    "Nadia turned the dial. The radio crackled. She frowned and turned it again. Nadia laughed at the noise "
    "and Tobias smiled.\n\n"
)
PAST_CLOSING = (
    "They ate in silence. Tobias washed the plates and Nadia dried them. She put the radio back on the "
    "shelf and switched off the light.\n"
)


@pytest.mark.parametrize("sentence, found", [
    ("Ron laughed softly and hands her a cup of tea.", ("T002", "laughed", "laughs")),
    ("When she looks up, her mother kissed her forehead and puts a plate in front of her.",
     ("T002", "kissed", "kisses")),
])
def test_a_past_action_joined_by_and_to_a_present_one_is_a_slip(tmp_path, sentence, found):
    text = OPENING + sentence + " The rain keeps falling.\n\n" + CLOSING
    assert rule_findings(tmp_path, text, "T002") == [found]


@pytest.mark.parametrize("sentence", [
    "Ron reaches up for the hand Hermione offered and tugs on it.",
    "Ron laughed when he heard it, and she hands him the letter.",
    "Ron had laughed at it and hands her the letter now.",
])
def test_no_and_partner_across_clauses_or_a_pluperfect(tmp_path, sentence):
    text = OPENING + sentence + " The rain keeps falling.\n\n" + CLOSING
    assert rule_findings(tmp_path, text, "T002") == []


@pytest.mark.parametrize("sentence", [
    "The evidence against her is evidence which attempts to prove nothing, Tobias said later.",
    "Her green eyes found his and she smiled.",
    "She grabbed the car keys. The car keys were cold in her hand.",
    "Their stances relaxed slightly and tension in their shoulders lessened.",
])
def test_nouns_stay_nouns(tmp_path, sentence):
    assert rule_findings(tmp_path, PAST_OPENING + sentence + "\n\n" + PAST_CLOSING, "T001") == []
