"""Through the real CLI: a present frame the past is remembered from, the past a present-tense narrator
tells from the story's now (what a character can see, did not know, a condition), and the drift that a
thing's state carries beside a character's action (but not a narrator's remark about a kind of person)."""

from __future__ import annotations

from tests.test_tense_runs import AFTER, BEFORE, flagged_with_fixes, lint_file

PRESENT_BEFORE = (
    "Tina stands at the window and watches the rain. Newt sits by the fire and reads his book. She "
    "smiles at him and turns back to the glass.\n\n"
)
PRESENT_AFTER = (
    "The kettle whistles in the kitchen. Newt gets up and makes the tea. Tina takes her cup and thanks "
    "him.\n\n"
    "They sit together until the fire burns low. She yawns and he laughs at her.\n"
)


def test_a_things_state_beside_a_characters_action_carries_the_drift(tmp_path):
    before = "Tony walked into the dark room. He looked around and frowned at the dust.\n\n"
    drift = ("As he edges around the table, he is suddenly hit by a strange feeling. It is a mirror. "
             "The frame is old and heavy.\n\n")
    text = BEFORE + before + drift + AFTER
    found = flagged_with_fixes(text, lint_file(tmp_path, text))
    assert found == [("edges", "edged"), ("is", "was"), ("is", "was"), ("is", "was")]

def test_a_narrators_remark_with_its_own_kind_of_person_is_left_alone(tmp_path):
    remark = ("The settled citizen believes that the rebel is a nuisance, and hearing of one, he gasps. "
              "It is probable that the citizen has a rebel in his own house.\n\n")
    text = BEFORE + remark + AFTER
    assert lint_file(tmp_path, text) == []


def test_a_present_frame_of_remembering_is_left_alone(tmp_path):
    text = (
        "Albus remembers the summer he met Gellert. The days were long and the river was warm, and they "
        "walked for hours along the bank.\n\n"
        "Gellert laughed at everything. He wrote letters every night and sent them with his owl.\n\n"
        "Albus remembers how fond he was of him, even as they face each other now as old men. Gellert is "
        "no longer the young man he met that summer.\n\n"
        "The summer ended. Gellert left the village and never wrote again. Albus stayed and looked "
        "after his sister.\n"
    )
    assert lint_file(tmp_path, text) == []


def test_past_told_from_the_present_moment_is_left_alone(tmp_path):
    text = PRESENT_BEFORE + (
        "Tina laughs at his face. She can see he got the joke. Newt blushes and looks away.\n\n"
        "She pours the tea. He didn't know she could be funny. Newt smiles at her.\n\n"
        "She sits down beside him. She wouldn't mind if he danced around the room. Newt hums a tune.\n\n"
    ) + PRESENT_AFTER
    assert lint_file(tmp_path, text) == []
