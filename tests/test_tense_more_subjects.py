"""Through the real CLI: present-tense slips in past narration that the judge used to leave alone: "it"
acting as a thing of the story ("It takes him two tries"), the story's own "I" acting in a first-person
past story, a verb in an "as / while" clause after a thought or speech tag ("Sirius thought as he
kicks"), and "it is / there are" in a clause joined to a past one ("It is faint, but it was there").
Each has text it must leave alone: maxims, the teller's now, reported speech, the narrator's comments."""

from __future__ import annotations

from tests.conftest import rule_findings

PAST = (
    "The kitchen was dark and cold. Harry pushed the door open and stepped inside. He looked for the lamp "
    "and found it on the shelf.\n\n"
)
AFTER = "The light flickered on. Harry sat down at the table and waited for Ron.\n"
MINE = (
    "I walked into the hall and hung up my coat. My sister was already asleep, so I crept up the stairs. "
    "I opened my door slowly.\n\n"
)
MINE_AFTER = "I looked at the ring for a long time. Then I put it away and went to bed.\n"


def test_it_acting_in_the_present_beside_past_sentences_is_a_slip(tmp_path):
    text = PAST + "He fumbled with the switch. It takes him two tries to find it. " + AFTER
    assert rule_findings(tmp_path, text, "T001") == [("T001", "takes", "took")]


def test_it_acting_in_a_sentence_with_a_past_verb_is_a_slip(tmp_path):
    text = PAST + "The heat filled his stomach, it seeps between his ribs, and he felt warm. " + AFTER
    assert rule_findings(tmp_path, text, "T001") == [("T001", "seeps", "seeped")]


def test_a_maxim_or_the_narrators_it_seems_is_left_alone(tmp_path):
    text = (PAST + "It takes courage to walk into a dark room. He waited. It seems that he was afraid. "
            + AFTER)
    assert rule_findings(tmp_path, text, "T001") == []


def test_the_stories_own_i_acting_in_the_present_is_a_slip(tmp_path):
    text = MINE + "Sighing, I pull the black box out of my pocket and opened it. " + MINE_AFTER
    assert rule_findings(tmp_path, text, "T001") == [("T001", "pull", "pulled")]


def test_the_tellers_now_in_a_first_person_story_is_left_alone(tmp_path):
    text = MINE + "I still remember the smell of the hall. I love that about the old house. " + MINE_AFTER
    assert rule_findings(tmp_path, text, "T001") == []


def test_i_in_a_story_told_in_the_third_person_is_left_alone(tmp_path):
    text = PAST + "He opened the drawer. I pull the box out in my version of the scene. " + AFTER
    assert rule_findings(tmp_path, text, "T001") == []


def test_an_as_clause_after_a_thought_tag_is_narration(tmp_path):
    text = PAST + "Of course, Sirius thought as he kicks the empty shell, of course he was late. " + AFTER
    assert rule_findings(tmp_path, text, "T001") == [("T001", "kicks", "kicked")]


def test_reported_thought_keeps_its_present(tmp_path):
    text = PAST + "He knew that the earth is round. He said nothing about it and went home. " + AFTER
    assert rule_findings(tmp_path, text, "T001") == []


def test_it_is_joined_to_a_past_clause_is_a_slip(tmp_path):
    text = PAST + "He held up the lamp. It is faint, but it was there. " + AFTER
    assert rule_findings(tmp_path, text, "T001") == [("T001", "is", "was")]


def test_there_are_after_a_semicolon_is_a_slip(tmp_path):
    text = PAST + "The term after Christmas was quiet; there are no attacks for several weeks. " + AFTER
    assert rule_findings(tmp_path, text, "T001") == [("T001", "are", "were")]


def test_it_is_with_a_past_verb_in_a_relative_clause_is_left_alone(tmp_path):
    text = PAST + "It is a house that nobody wanted. He looked around. " + AFTER
    assert rule_findings(tmp_path, text, "T001") == []


def test_a_future_in_a_first_person_story_is_left_alone(tmp_path):
    text = MINE + "Maybe the next time I visit the village, I’ll hear the music again. " + MINE_AFTER
    assert rule_findings(tmp_path, text, "T001") == []


def test_its_misspelt_as_a_possessive_after_a_noun_is_no_verb(tmp_path):
    text = (PAST + "The year of brewing had given his hair it's shiny sheen, but it was anything but "
            "greasy. " + AFTER)
    assert rule_findings(tmp_path, text, "T001") == []


def test_be_or_have_after_a_characters_name_is_a_slip(tmp_path):
    text = (PAST + "Harry waited by the sink. Harry listened to the rain. Harry yawned.\n\n"
            "After an hour of this, however, Harry has half a mind to go to bed, and he turned off the tap. "
            + AFTER)
    assert rule_findings(tmp_path, text, "T001") == [("T001", "has", "had")]


def test_a_place_name_with_is_in_a_timeless_statement_is_left_alone(tmp_path):
    text = PAST + "He thought of London. London is a big city. He sighed. " + AFTER
    assert rule_findings(tmp_path, text, "T001") == []


def test_a_characters_name_in_reported_thought_keeps_its_passing_state(tmp_path):
    text = (PAST + "Harry had been quiet for too long. The boys took off running, obviously believing that "
            "Harry has circled back. " + AFTER)
    assert rule_findings(tmp_path, text, "T001") == [("T001", "has", "had")]


def test_made_its_way_misspelt_is_no_verb(tmp_path):
    text = PAST + "He felt feverish, but a cold sweat made it's way to his brow, and he shivered. " + AFTER
    assert rule_findings(tmp_path, text, "T001") == []


def test_a_present_clause_opened_by_that_is_not_joined_to_the_past(tmp_path):
    text = (PAST + "It bears being said that this was not something he liked, and he never said it. "
            + AFTER)
    assert rule_findings(tmp_path, text, "T001") == []
