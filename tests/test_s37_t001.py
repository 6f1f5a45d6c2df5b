"""Through the real CLI (stop 37, T001 precision): a past-tense text's present stretches that are meant
are left alone: a narrator weighing the evidence with questions in the present, an author's background
note, a quoted block, verse, a source cited in the present, an unquoted thought after its tag, adverbs
after a pronoun, "they're" as a possessive and a kind of people's "when they" clause; a character's
drift and a slip after a speech's tag are still flagged."""

from __future__ import annotations

import pytest

from tests.conftest import rule_findings

# the past-tense story that the drift tests are built on
from tests.test_tense_runs import AFTER, BEFORE

DRIFT = ("Tony looks at her and sets his cup down. She folds the paper and waits. He leans forward and takes "
         "her hand.\n\n")


def test_a_characters_drift_is_still_flagged(tmp_path):
    found = rule_findings(tmp_path, BEFORE + DRIFT + AFTER, "T001")
    assert found == [("T001", "looks", "looked"), ("T001", "sets", "set"), ("T001", "folds", "folded"),
                     ("T001", "leans", "leaned"), ("T001", "takes", "took")]


@pytest.mark.parametrize("inset", [
    # an essay's narrator weighing the evidence, asking the reader in the present
    "A young man arrives at a strange house and gets a seat at the table. He instantly conceives a plan, "
    "and he carries it out in five days. How does the evidence support such a charge? What is it worth? "
    "The witnesses contradict each other, and the letters pass from hand to hand.\n\n",
    "> " + DRIFT,  # a quoted block
    "Tony looks at her and sets\nHis cup down on the old oak board;\nShe folds the paper, waits, and he\n"
    "Leans forward for her hand.\n\n",  # verse
    "The same historian adds that Tony looks at her and sets his cup down. He declares, elsewhere, that she "
    "folds the paper and waits, and he leans forward and takes her hand.\n\n",  # a source cited
])
def test_a_document_verse_a_citation_or_an_argument_is_set_apart(tmp_path, inset):
    assert rule_findings(tmp_path, BEFORE + inset + AFTER, "T001") == []


def test_a_background_note_before_the_story_is_no_narration(tmp_path):
    note = ("Background info: Tony’s magic is very different from others. He can purify dark objects, but he "
            "hides that ability, and he attends a muggle school.\n")
    assert rule_findings(tmp_path, note + BEFORE + AFTER, "T001") == []


@pytest.mark.parametrize("sentence", [
    "Well, he thought grimly, she is going to be mad at him.",
    "Maybe, he thought, she is tired of him?",
    "It had been ages since they last played chess, and Tony wanted a game.",
    "The arguments stopped, because they both well crossed that road long ago.",
    "It was their house, and they were its. They're fate was forever entwined.",
    "The garage held a car of a shape used occasionally by women when they travel.",
])
def test_no_tense_slip(tmp_path, sentence):
    text = BEFORE + "Tony put his cup down. " + sentence + " He finished his toast.\n\n" + AFTER
    assert rule_findings(tmp_path, text, "T001") == []


def test_a_slip_after_a_speechs_tag_is_still_flagged(tmp_path):
    text = (BEFORE + "“So how was your day?” Tony asked, a perfectly innocuous question, but behind it is "
            "something more. She shrugged.\n\n" + AFTER)
    assert rule_findings(tmp_path, text, "T001") == [("T001", "is", "was")]
