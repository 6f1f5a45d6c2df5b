"""Through the real CLI: a character's present state reported after a past verb of knowing ("The day
Remus realized he is bisexual") is a backshift slip in past narration, flagged like the character's
"he is" beside a past verb. Left alone: a timeless fact after "knew" ("She knew the earth is round"),
a statement after a verb of saying that may still hold ("He said he is from Ohio"), an indirect
question ("She wondered whether he is awake"), and a sentence with other present verbs."""

from __future__ import annotations

from tests.conftest import rule_findings

PAST = (
    "The kitchen was dark and cold. Harry pushed the door open and stepped inside. He looked for the lamp "
    "and found it on the shelf.\n\n"
)
AFTER = "The light flickered on. Harry sat down at the table and waited for Ron.\n"


def test_a_characters_state_after_a_past_verb_of_knowing_is_a_slip(tmp_path):
    text = PAST + "The day Remus realized he is bisexual, he ran to the lake. " + AFTER
    assert rule_findings(tmp_path, text, "T001") == [("T001", "is", "was")]


def test_a_timeless_fact_or_a_statement_reported_by_saying_is_left_alone(tmp_path):
    text = PAST + "She knew the earth is round. He said he is from Ohio. " + AFTER
    assert rule_findings(tmp_path, text, "T001") == []


def test_a_reported_clause_among_other_present_verbs_or_an_indirect_question_is_left_alone(tmp_path):
    text = (PAST + "He thought she is kind and that the world is cruel. She wondered whether he is awake. "
            + AFTER)
    assert rule_findings(tmp_path, text, "T001") == []


def test_a_present_verb_with_a_base_form_object_is_a_slip_but_a_mistyped_contraction_is_not(tmp_path):
    """Review: the `he's get` exception (a mistyped "he'd") must not swallow "he needs help"."""
    text = PAST + "She knew he needs help. He never thought he's get that far. " + AFTER
    assert rule_findings(tmp_path, text, "T001") == [("T001", "needs", "needed")]
