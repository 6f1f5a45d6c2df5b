"""Through the real CLI (stop 36, T002): in a present-tense scene a character's past action in an "as"
clause that hangs on a present action just before it is a same-moment slip, and so is a first-person
narrator's past beside its own present action (fixed to the base form), never beside "I think"; in a
drifted paragraph a past verb after a look-back adverbial of its sentence, after "always", or before a
sentence that comes back to the now is an earlier event; a past paragraph that opens the whole text is
the tense the writer set out in, no drift."""

from __future__ import annotations

import pytest

from tests.conftest import rule_findings

# the present-tense story and its drifted paragraph that T002/T004's own tests are built on
from tests.test_tense_evidence import CLOSING, DRIFT, DRIFT_FIXED, OPENING

FIRST_PERSON = (
    "I sit on the bed and look at the wall. The room is quiet. My phone buzzes on the desk and I ignore it. "
    "I pull the blanket over my knees.\n\n"
    "Mum calls from the kitchen. I answer her and stay where I am. The rain drums on the roof. I close my "
    "eyes and listen to it.\n\n"
)
FIRST_PERSON_END = (
    "The street is dark and wet. I walk to the corner and wait for the bus. It comes late and I climb on. "
    "I find a seat at the back and lean my head on the glass.\n"
)


def test_a_past_action_as_a_present_one_happens_is_a_slip(tmp_path):
    text = OPENING + "Ron exclaims, fiddling with the letter as he descended the stairs.\n\n" + CLOSING
    assert rule_findings(tmp_path, text, "T002") == [("T002", "descended", "descends")]


@pytest.mark.parametrize("sentence", [
    "Ron comes in, and the tea smells as good as it looked on the tray.",
    "Ron sets the letter down just as she asked him to.",
])
def test_an_as_of_comparison_is_no_moment(tmp_path, sentence):
    assert rule_findings(tmp_path, OPENING + sentence + "\n\n" + CLOSING, "T002") == []


@pytest.mark.parametrize("sentence, found", [
    ("I grab my bag and walked out of the door.", ("T002", "walked", "walk")),
    ("I sat down by the window, open it and breathe.", ("T002", "sat", "sit")),
])
def test_a_first_person_past_beside_the_narrators_present_action_is_a_slip(tmp_path, sentence, found):
    text = FIRST_PERSON + sentence + " The air smells of rain.\n\n" + FIRST_PERSON_END
    assert rule_findings(tmp_path, text, "T002") == [found]


def test_a_first_person_past_beside_i_think_is_no_slip(tmp_path):
    text = FIRST_PERSON + "I need my bag. I left it outside, I think.\n\n" + FIRST_PERSON_END
    assert rule_findings(tmp_path, text, "T002") == []


def test_a_look_back_adverbial_in_the_sentence_dates_its_past_verbs(tmp_path):
    text = OPENING + DRIFT + " The first time he came here, he waited by the door for an hour.\n\n" + CLOSING
    assert rule_findings(tmp_path, text, "T002") == DRIFT_FIXED


def test_always_sets_a_past_verb_over_a_past_period(tmp_path):
    text = OPENING + DRIFT + " He always hated the place.\n\n" + CLOSING
    assert rule_findings(tmp_path, text, "T002") == DRIFT_FIXED


def test_the_lead_up_to_a_sentence_back_at_the_now_is_no_drift(tmp_path):
    text = OPENING + DRIFT + " And now he sits in the hall, waiting for the minister.\n\n" + CLOSING
    assert rule_findings(tmp_path, text, "T002") == []


def test_a_past_paragraph_that_opens_the_text_is_the_tense_the_writer_set_out_in(tmp_path):
    assert rule_findings(tmp_path, DRIFT + "\n\n" + OPENING + CLOSING, "T002") == []
    assert rule_findings(tmp_path, OPENING + DRIFT + "\n\n" + CLOSING, "T002") == DRIFT_FIXED
