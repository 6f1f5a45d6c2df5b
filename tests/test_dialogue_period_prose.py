"""Speech that older edited prose joins to narration with a comma or no mark at all, and that is
no new sentence: the speech completes the narration's phrase (`confine herself to,`, `with a
pitying,`, `trailing pinkish exclamations,`), the narration's last verb introduces it after an
action (`came up, as he complained,`), or one spoken sentence is interrupted and carried on with
"I". Each beside the slip the same rule must still flag, through the real CLI."""

from __future__ import annotations

import pytest
from conftest import dialogue_findings

# the chapter's habit: new speech joined with a comma to an action, to other narration and to
# the tag of a finished exclamation
HABIT = ('Harry shrugged, "I get that a lot."\n\nRon nodded, "Me too."\n\n'
         'Hermione sat down on the couch, "I\'m tired of this."\n\n'
         'She was furious, "Get out!"\n\nThe room was quiet, "Is anyone here?"\n\n'
         '"Wow!" he said, "That\'s great."\n\n"No!" she cried, "Leave me alone."\n\n')
HABIT_FOUND = [("D013", ",")] * 7


def test_the_habit_is_flagged_even_after_a_phrase_of_place(tmp_path):
    found = dialogue_findings(tmp_path, HABIT)
    assert [(rule, marked) for rule, marked, _ in found] == HABIT_FOUND
    assert 'Hermione sat down on the couch. "I\'m tired' in found[2][2]


@pytest.mark.parametrize("line", [
    'He ground his teeth, anger welling in his breast, "We are bound to each other."',
    'Walter clapped him on the shoulder, "I\'ve been telling him that for ages."',
    'That brought him out of his stupor, "For the better, I hope."',
    'He let out a genuine laugh, "Oh, I do miss you."',
])
def test_an_action_and_its_phrases_before_new_speech_are_still_flagged(tmp_path, line):
    found = dialogue_findings(tmp_path, HABIT + line + "\n")
    assert [(rule, marked) for rule, marked, _ in found] == HABIT_FOUND + [("D013", ",")]
    assert ". \"" in found[-1][2].splitlines()[-1]


@pytest.mark.parametrize("line", [
    'She had enough self-control to confine herself to, "Yes. Men! We do have to laugh at them."',
    'She rescued him with a pitying, "It\'s all right. Let\'s forget it."',
    'The widow appeared trailing pinkish exclamations, "And how is our lovely baby today!"',
    'She presented to the committee her theory, "What we want in a play is humor."',
    '"Fear makes us do things." He scratched the cat\'s ear and whispered, "They won\'t hurt you."',
    '"Gosh!" He burrowed beneath the bedclothes and came up shaking his head, as he complained, '
    '"How\'s that? Who?"',
])
def test_speech_that_completes_the_narration_is_no_new_sentence(tmp_path, line):
    found = dialogue_findings(tmp_path, HABIT + line + "\n")
    assert [(rule, marked) for rule, marked, _ in found] == HABIT_FOUND


def test_a_gesture_after_the_tag_before_new_speech_is_still_flagged(tmp_path):
    found = dialogue_findings(tmp_path, HABIT + '"It\'s late," he said, turning away, "We should go."\n')
    assert [(rule, marked) for rule, marked, _ in found] == HABIT_FOUND + [("D013", ",")]
    assert 'he said, turning away. "We should go."' in found[-1][2]


def test_a_subordinate_clause_interrupted_and_carried_on_with_i_is_one_sentence(tmp_path):
    line = ('"Do you suppose there\'s many like her? My! If there are," and her tone settled the fact '
            'that there were not, "I just don\'t know what the world\'s coming to!"\n')
    found = dialogue_findings(tmp_path, HABIT + line)
    assert [(rule, marked) for rule, marked, _ in found] == HABIT_FOUND


def test_a_beat_inside_one_spoken_sentence_carried_on_with_i_is_no_d005(tmp_path):
    found = dialogue_findings(tmp_path,
                              '"But me," he glanced about importantly, "I\'m so busy I never read."\n')
    assert [rule for rule, _, _ in found] == []


def test_a_beat_after_a_whole_answer_is_still_flagged_before_i(tmp_path):
    found = dialogue_findings(tmp_path,
                              '"Okay," he nodded, "I\'ll go."\n\n"Fine," she shrugged, "I\'ll come too."\n')
    d005 = [(marked, fixed) for rule, marked, fixed in found if rule == "D005"]
    assert len(d005) == 2
    assert d005[0][1].startswith('"Okay." He nodded')


def test_speech_standing_for_the_noun_of_an_article_and_adjective_is_no_run_in(tmp_path):
    text = ('He marred his stern resolution by a half audible "Come here--damn you!" He swung it into '
            'the room.\n\nHe sat down next to a woman "Get out!" She ran away.\n')
    found = dialogue_findings(tmp_path, text)
    assert [(rule, marked) for rule, marked, _ in found] == [("D010", ' "')]
    assert 'next to a woman. "Get out!"' in found[0][2]


def test_a_tag_that_goes_on_to_a_clause_of_its_own_ends_the_spoken_sentence(tmp_path):
    line = ('"Hardly," he said at last, but then a bit of helplessness slipped out without his permission, '
            '"I have no idea what is wrong with it."\n\n"Well," she said, and paused, "I don\'t know."\n')
    found = dialogue_findings(tmp_path, HABIT + line)
    assert [(rule, marked) for rule, marked, _ in found] == HABIT_FOUND + [("D013", ",")]
    assert 'without his permission. "I have no idea' in found[-1][2]
