"""Through the real CLI: in a present-tense scene a paragraph that looks back from the story's now is
no drift when an adverbial of a period or point in the past comes before its past verbs ("For years",
"that summer", "the day he left", "when she was little"); in a drifted paragraph a past verb reported by
a present verb of thinking, set earlier by an adverb ("once", "just" in a clause of its own) or in a
relative clause opened by a name is no slip; and T002 gives its findings where someone speaks in a drifted
paragraph of a document that slips once per 1,000 words, where a character's past event is told with
the same character's present action, or where the document keeps slipping, the rest going to T004 (off
by default): the scene's characters acting in the past between their present actions with no one
speaking, too."""

from __future__ import annotations

import pytest

from ficlint.rules.tense.t004_past_tense_in_present_narration_weak import RULE as T004
from tests.conftest import rule_findings, run_cli

OPENING = (
    "Hermione sits at the kitchen table. She stirs her tea and watches the rain. Ron comes in and kisses her "
    "cheek. She smiles at him.\n\n"
    "Outside, the owl taps at the window. Hermione opens it and takes the letter. She reads it twice and "
    "frowns.\n\n"
    "Crookshanks jumps onto the table and sniffs the envelope. Hermione strokes his back and sets the letter "
    "down. She picks up her quill and starts a reply.\n\n"
)
CLOSING = (
    "The kettle whistles in the kitchen. Ron gets up and makes the tea. Hermione takes her cup and thanks "
    "him.\n\n"
    "They sit together until the fire burns low. She yawns and he laughs at her. He takes her hand and pulls "
    "her up from the sofa. She follows him to the stairs.\n"
)
DRIFT = "He went to the Ministry. He walked past the guards and climbed the stairs. He knocked and waited."
DRIFT_FIXED = [("T002", "went", "goes"), ("T002", "walked", "walks"), ("T002", "climbed", "climbs"),
               ("T002", "knocked", "knocks"), ("T002", "waited", "waits")]


@pytest.mark.parametrize("opening", [
    "For years, ", "Over the past few months, ", "During those first weeks, ", "That summer, ",
    "The winter he left school, ", "When he was little, ",
])
def test_a_period_or_point_in_the_past_before_the_past_verbs_is_a_look_back(tmp_path, opening):
    text = OPENING + opening + DRIFT[0].lower() + DRIFT[1:] + "\n\n" + CLOSING
    assert rule_findings(tmp_path, text, "T002") == []


@pytest.mark.parametrize("opening", ["For hours, ", "That moment, "])
def test_the_scenes_own_time_is_no_look_back(tmp_path, opening):
    text = OPENING + opening + DRIFT[0].lower() + DRIFT[1:] + "\n\n" + CLOSING
    assert rule_findings(tmp_path, text, "T002") == DRIFT_FIXED


def test_an_adverbial_after_the_past_verbs_dates_the_scenes_own_drift(tmp_path):
    text = OPENING + DRIFT + " He did it every day for years.\n\n" + CLOSING
    assert rule_findings(tmp_path, text, "T002") == [*DRIFT_FIXED, ("T002", "did", "does")]


def test_a_past_verb_reported_by_a_present_verb_of_thinking_is_no_slip(tmp_path):
    text = OPENING + DRIFT + " He wonders why he agreed to come.\n\n" + CLOSING
    assert rule_findings(tmp_path, text, "T002") == DRIFT_FIXED


def test_an_infinitive_of_thinking_takes_the_tense_of_the_drift(tmp_path):
    text = OPENING + DRIFT + " He waited for the clerk to figure out the form he wanted.\n\n" + CLOSING
    assert rule_findings(tmp_path, text, "T002") == [*DRIFT_FIXED, ("T002", "waited", "waits"),
                                                     ("T002", "wanted", "wants")]


def test_a_past_verb_set_earlier_by_an_adverb_is_no_slip(tmp_path):
    text = OPENING + DRIFT + " He smiled at the clerk he once knew.\n\n" + CLOSING
    assert rule_findings(tmp_path, text, "T002") == [*DRIFT_FIXED, ("T002", "smiled", "smiles")]


def test_just_sets_a_past_earlier_only_in_a_clause_of_its_own(tmp_path):
    earlier = OPENING + DRIFT + " He thought about what he just saw.\n\n" + CLOSING
    assert rule_findings(tmp_path, earlier, "T002") == [*DRIFT_FIXED, ("T002", "thought", "thinks")]
    merely = OPENING + DRIFT + " He just stared at the door.\n\n" + CLOSING
    assert rule_findings(tmp_path, merely, "T002") == [*DRIFT_FIXED, ("T002", "stared", "stares")]


def test_a_relative_clause_opened_by_a_name_tells_of_an_earlier_event(tmp_path):
    text = OPENING + DRIFT + " He held out the cake Ginny baked.\n\n" + CLOSING
    assert rule_findings(tmp_path, text, "T002") == [*DRIFT_FIXED, ("T002", "held", "holds")]


WEAK = T004.examples[0].bad


def test_a_drift_of_states_with_no_one_speaking_in_a_document_that_seldom_slips_is_t004s(tmp_path):
    assert rule_findings(tmp_path, WEAK, "T002") == []
    assert [(verb, fix) for _, verb, fix in rule_findings(tmp_path, WEAK, "T004")] == [
        ("was", "is"), ("wanted", "wants"), ("knew", "knows"), ("was", "is")]


# the T004 example with its paragraph of states made a paragraph of the scene's events and of habits
EVENTS = WEAK.replace(
    "Tom was tired of the boxes and the narrow stairs already. He wanted the whole long day to be over "
    "with, and he knew that the worst of it was still to come before the evening.",
    "Tom picked up the heavy crate and carried it to the hall. He lowered it by the stairs and wiped his "
    "hands on his jeans. He pushed the door wide with his foot.")
HABITS = WEAK.replace(
    "Tom was tired of the boxes and the narrow stairs already. He wanted the whole long day to be over "
    "with, and he knew that the worst of it was still to come before the evening.",
    "Tom always picked up the heaviest crate first on moving days. He carried it to the hall every single "
    "time and often lowered it by the stairs before he wiped his hands on his jeans.")


def test_the_scenes_characters_acting_in_the_past_between_their_present_actions_without_speech_is_t004s(
        tmp_path):
    # judged on tune, such stretches were a narrator's look back, never a slip (issue-17-s35-t002.md)
    assert EVENTS != WEAK
    assert rule_findings(tmp_path, EVENTS, "T002") == []
    assert [(verb, fix) for _, verb, fix in rule_findings(tmp_path, EVENTS, "T004")] == [
        ("picked", "picks"), ("carried", "carries"), ("lowered", "lowers"), ("wiped", "wipes"),
        ("pushed", "pushes")]


def test_a_habit_between_present_actions_is_no_event_of_the_scenes_now(tmp_path):
    assert HABITS != WEAK
    assert rule_findings(tmp_path, HABITS, "T002") == []
    # "Tom always picked up" is set over a past period by "always" (stop 36): no candidate at all
    assert [verb for _, verb, _ in rule_findings(tmp_path, HABITS, "T004")] == [
        "carried", "lowered", "wiped"]


def test_t004_is_off_by_default(tmp_path):
    chapter = tmp_path / "chapter.txt"
    chapter.write_text(WEAK, encoding="utf-8")
    result = run_cli("check", "--format", "json", "--no-cache", str(chapter))
    rules = [d["rule"] for f in result.json()["files"] for d in f["diagnostics"]]
    assert [r for r in rules if r.startswith("T")] == []


def test_the_same_drift_with_someone_speaking_in_it_is_t002s(tmp_path):
    spoken = WEAK.replace("still to come before the evening.",
                          'still to come before the evening. "Not done yet," he said.')
    found = rule_findings(tmp_path, spoken, "T002")
    assert [verb for _, verb, _ in found] == ["was", "wanted", "knew", "was", "said"]
    assert rule_findings(tmp_path, spoken, "T004") == []


# T004's example with its paragraph of states made one sentence in which a character's past event and
# present action are told together (ficlint/rules/tense/_judge.py: same_moment)
_STATES = (
    "Tom was tired of the boxes and the narrow stairs already. He wanted the whole long day to be over "
    "with, and he knew that the worst of it was still to come before the evening.")


@pytest.mark.parametrize(("sentence", "slip", "fix"), [
    ("He sat down on the bottom step, rubs his sore neck and counts the boxes.", "sat", "sits"),
    ("When he reached the top of the stairs, he sets the lamp down and looks out at the street.",
     "reached", "reaches"),
    ("He sat down on the bottom step, rubs his sore neck and waits until the rain stops.", "sat", "sits"),
    ("Tom closes the van and when he turned round, he sees his sister on the path.", "turned", "turns"),
])
def test_a_past_event_in_one_sentence_with_its_characters_present_action_is_t002s(
        tmp_path, sentence, slip, fix):
    text = WEAK.replace(_STATES, sentence)
    assert text != WEAK
    assert rule_findings(tmp_path, text, "T002") == [("T002", slip, fix)]
    assert rule_findings(tmp_path, text, "T004") == []


@pytest.mark.parametrize("sentence", [
    "He stares at the spot where he dropped the box when the rain began, and frowns.",
    "He looks for the lamp, the one he bought when he moved, and sets it down.",
    "He worries that he dropped the box when he came in, and picks it up.",
    "Since he left the army, he carries his own boxes and rests after each one.",
    "He grins at his sister, even if he dropped the box before she came, and picks it up.",
    "He just turned thirty, he carries the boxes himself and rests when he likes.",
    "He sat down by the window back then, and now he stands there after every move.",
])
def test_a_past_told_from_the_present_in_its_sentence_is_no_t002_slip(tmp_path, sentence):
    text = WEAK.replace(_STATES, sentence)
    assert text != WEAK
    assert rule_findings(tmp_path, text, "T002") == []


@pytest.mark.parametrize("sentence", [
    "He picks the lamp up from where he dropped it, and carries it in.",
    "He stares at the spot where he dropped it, and frowns.",
    "He is not sure how he got the lamp down the stairs, and sets it on the table.",
    "He feels clumsy and exposed, out on the open road.",
])
def test_a_where_why_or_how_clause_and_a_pair_of_adjectives_are_no_slip(tmp_path, sentence):
    text = WEAK.replace(_STATES, sentence)
    assert text != WEAK
    assert rule_findings(tmp_path, text, "T002,T004") == []


# s35: which evidence stays T002's, and earlier events inside drifted paragraphs
SPOKEN_DRIFT = ('He went to the Ministry. He walked past the guards. "Name?" the clerk asked. '
                'He knocked and waited.')


def test_a_drift_with_speech_in_a_long_story_that_seldom_slips_is_t004s(tmp_path):
    # one drifted paragraph in more than 1,000 words: a remembered conversation as often as a slip
    long = OPENING + SPOKEN_DRIFT + "\n\n" + CLOSING + (OPENING + CLOSING) * 7
    assert len(long.split()) > 1000
    assert rule_findings(tmp_path, long, "T002") == []
    assert [verb for _, verb, _ in rule_findings(tmp_path, long, "T004")] == [
        "went", "walked", "asked", "knocked", "waited"]
    short = OPENING + SPOKEN_DRIFT + "\n\n" + CLOSING
    assert [(verb, fix) for _, verb, fix in rule_findings(tmp_path, short, "T002")] == [
        ("went", "goes"), ("walked", "walks"), ("asked", "asks"), ("knocked", "knocks"), ("waited", "waits")]


@pytest.mark.parametrize("sentence", [
    "He bought the ring yesterday.", "He picked it up earlier.", "He kept it since the war.",
])
def test_a_sentence_dated_earlier_is_no_slip_in_a_drift(tmp_path, sentence):
    text = OPENING + DRIFT + " " + sentence + "\n\n" + CLOSING
    assert rule_findings(tmp_path, text, "T002") == DRIFT_FIXED


@pytest.mark.parametrize(("sentence", "flagged"), [
    ("He looks at the clerk, maybe because he answered too fast.", []),
    ("He nods at the clerk after he signed the form.", []),
    ("He looked at the clerk because he answered too fast.", [("T002", "looked", "looks"),
                                                               ("T002", "answered", "answers")]),
])
def test_a_because_or_after_clause_of_a_present_main_clause_is_an_earlier_event(tmp_path, sentence, flagged):
    text = OPENING + DRIFT + " " + sentence + "\n\n" + CLOSING
    assert rule_findings(tmp_path, text, "T002") == [*DRIFT_FIXED, *flagged]


MEMORY = ("Mary was her friend first. She brought Hermione along to every party and laughed at her jokes. "
          '"You are fine," she told her. She took her home when she cried.')


@pytest.mark.parametrize(("frame", "flagged"), [
    ("Hermione sighs and thinks back.", False),
    ("Her mind drifts back to school.", False),
    ("She remembers the first year.", False),
    ("She looks back at the door.", True),  # a look, no memory
    ("She remembers to lock the door.", True),
])
def test_past_paragraphs_after_a_character_looks_back_in_the_present_are_the_memory(tmp_path, frame, flagged):
    text = OPENING + frame + "\n\n" + MEMORY + "\n\n" + CLOSING
    found = [verb for _, verb, _ in rule_findings(tmp_path, text, "T002")]
    assert bool(found) is flagged
    if flagged:
        assert found[:2] == ["was", "brought"]
