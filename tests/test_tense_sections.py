"""Through the real CLI: a stretch of paragraphs told wholly in the past inside a present-tense scene is a
section in its own tense (backstory, a past part after a present one), not a drift flagged verb by verb;
and a present verb before a perfect infinitive ("seems to have got on", "is said to have challenged") is
the narrator's judgement now about an earlier event, not a slip."""

from __future__ import annotations

from tests.conftest import rule_findings

PRESENT_OPENING = (
    "Hermione sits at the kitchen table. She stirs her tea and watches the rain. Ron comes in and kisses her "
    "cheek. She smiles at him.\n\n"
    "Outside, the owl taps at the window. Hermione opens it and takes the letter. She reads it twice and "
    "frowns.\n\n"
    "Tina stands at the window and watches the rain. Newt sits by the fire and reads his book. She smiles at "
    "him and turns back to the glass.\n\n"
)
PAST_FIRST = (
    "Newt went to the Ministry. He walked past the guards and climbed the stairs. He knocked and waited.\n\n"
)
PAST_SECOND = (
    "Tina followed him inside. She sat down by the desk and opened her case. She smiled at the clerk.\n\n"
)
PRESENT_CLOSING = (
    "The kettle whistles in the kitchen. Newt gets up and makes the tea. Tina takes her cup and thanks "
    "him.\n\n"
    "They sit together until the fire burns low. She yawns and he laughs at her.\n"
)
FIRST_FIXED = [("T002", "went", "goes"), ("T002", "walked", "walks"), ("T002", "climbed", "climbs"),
               ("T002", "knocked", "knocks"), ("T002", "waited", "waits")]
SECOND_FIXED = [("T002", "followed", "follows"), ("T002", "sat", "sits"), ("T002", "opened", "opens"),
                ("T002", "smiled", "smiles")]


def test_paragraphs_wholly_in_the_past_with_no_one_speaking_are_a_section_not_a_drift(tmp_path):
    text = PRESENT_OPENING + PAST_FIRST + PAST_SECOND + PRESENT_CLOSING
    assert rule_findings(tmp_path, text, "T002") == []


def test_one_paragraph_slid_into_the_past_is_still_a_drift_with_its_fixes(tmp_path):
    text = PRESENT_OPENING + PAST_FIRST + PRESENT_CLOSING
    assert rule_findings(tmp_path, text, "T002") == FIRST_FIXED


def test_a_past_stretch_played_out_with_speech_is_still_a_drift(tmp_path):
    text = PRESENT_OPENING + PAST_FIRST + '"Wait here," he said.\n\n' + PAST_SECOND + PRESENT_CLOSING
    assert rule_findings(tmp_path, text, "T002") == [*FIRST_FIXED, ("T002", "said", "says"), *SECOND_FIXED]


def test_a_past_stretch_between_two_speeches_is_still_a_drift(tmp_path):
    speech_before, speech_after = '"Come on," Tina says.\n\n', '"Wait," Newt says.\n\n'
    text = PRESENT_OPENING + speech_before + PAST_FIRST + PAST_SECOND + speech_after + PRESENT_CLOSING
    assert rule_findings(tmp_path, text, "T002") == [*FIRST_FIXED, *SECOND_FIXED]


HISTORY = (
    "Napoleon went to school at Brienne. The rest of the boys stood aloof, though Napoleon seems to have got "
    "on better with the masters. When he had been there a year he wrote home.\n\n"
    "He kept on his way. The old king was proud. He is said to have challenged Henry to fight a duel, but "
    "Henry refused.\n\n"
    "She walked into the room. She looked around and smiled at him by the fire. He smiled back.\n"
)


def test_a_present_verb_before_a_perfect_infinitive_is_left_alone(tmp_path):
    assert rule_findings(tmp_path, HISTORY, "T001") == []


def test_the_same_verbs_before_a_plain_infinitive_or_alone_are_still_slips(tmp_path):
    text = HISTORY.replace("seems to have got on", "seems to get on").replace(
        "is said to have challenged", "challenges")
    assert rule_findings(tmp_path, text, "T001") == [
        ("T001", "seems", "seemed"), ("T001", "challenges", "challenged")]
