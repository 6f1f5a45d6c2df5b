"""Through the real CLI: stretches told from another moment than the scene's (a present opening before
a past-tense tale, a memory dated by the paragraph after it, what a character remembers or pictures
now), speech in curly single quotes in a manuscript that quotes with double ones, and words that only
look like verbs ("they bid", "James and Peter", a second bare infinitive after "letting")."""

from __future__ import annotations

from tests.conftest import flagged
from tests.test_tense_frames import PRESENT_AFTER, PRESENT_BEFORE
from tests.test_tense_runs import flagged_with_fixes, lint_file

OPENING = (
    "Currently, I'm in my room listening to music. My hair is pulled back and I lie on my bed looking "
    "at old photos. He looks tall in them, and my mom is downstairs getting the party ready.\n\n"
)
PAST_TALE = (
    "My brother called and said he couldn't come. I turned off the music and went downstairs. Mom "
    "smiled at me and handed me the cake knife.\n\n"
    "Nobody came to the party. We ate the cake alone and laughed about it. She hugged me and went to bed.\n"
)


def test_a_present_opening_before_a_past_tale_is_left_alone(tmp_path):
    text = OPENING + PAST_TALE
    assert lint_file(tmp_path, text) == []


def test_the_same_present_paragraph_after_a_past_one_is_still_a_drift(tmp_path):
    text = PAST_TALE + "\n" + OPENING.replace("Currently, ", "") + PAST_TALE
    found = [word for word, _ in flagged_with_fixes(text, lint_file(tmp_path, text))]
    assert found == ["'m", "is", "lie", "looks", "is"]


LUNA = (
    "Luna wakes early. She wipes her eyes and slides out of bed. Luna makes her way down to the common "
    "room and avoids the trick step. She hums to herself.\n\n"
    "The common room is empty. She pats the door knocker and steps into the hall. She walks slowly "
    "and looks at the paintings.\n\n"
    "Luna turned a corner and ran into someone. She landed on the floor and gasped.\n\n"
)


def test_a_memory_dated_by_the_paragraph_after_it_is_left_alone():
    assert flagged(LUNA + "That was years ago. Now she smiles at the memory and thanks him.\n", "T002") == []
    assert flagged(LUNA + "Harry helps her up. She smiles and thanks him.\n", "T002") == [
        "turned", "ran", "landed", "gasped"]


def test_what_a_character_remembers_now_is_told_in_the_past(tmp_path):
    memory = (
        "She can almost see, in the words of his letters, the tears in his eyes as Jacob stepped into the "
        "rain, and she remembers how he ran through the city as she watched.\n\n"
    )
    text = PRESENT_BEFORE + memory + PRESENT_AFTER
    assert lint_file(tmp_path, text) == []


def test_a_past_event_reported_by_an_ing_form_is_no_slip():
    knowing = "His brain goes into overdrive, knowing he messed up the whole plan.\n\n"
    text = PRESENT_BEFORE + knowing + PRESENT_AFTER
    assert flagged(text, "T002") == []
    slipped = PRESENT_BEFORE + "He goes into the kitchen and he messed up the whole plan.\n\n" + PRESENT_AFTER
    assert flagged(slipped, "T002") == ["messed"]


def test_speech_in_curly_single_quotes_is_dialogue_in_a_double_quoted_story():
    story = (
        "\u201cI'll look into it,\u201d Hermione said. She looked at the file and hoped the suspect would be "
        "caught. {} She gasped at the thought.\n"
    )
    speech = story.format("\u2018Come to think of it, it reminds me of my second year.\u2019")
    assert flagged(speech, "T001") == []
    assert flagged(story.format("He walked in and nods."), "T001") == ["nods"]
    scare = story.format("He walked in and nods at the \u2018nonsense\u2019.")
    assert flagged(scare, "T001") == ["nods"]  # a word in scare quotes leaves the sentence narration


def test_words_that_only_look_like_present_verbs_are_left_alone():
    past = "Tony smiled at them and poured the coffee. The night wore on and the fire burned low. "
    for sentence in (
        "They bid their goodnights and went up the stairs.",
        "He had left James and Peter in the common room playing cards.",
        "She sat in silence, letting her gaze drift down and take him in.",
        "He watched them leave and browse the stalls across the road.",
    ):
        assert flagged(past + sentence + " " + past, "T001") == [], sentence
    assert flagged(past + "She looked at him and take his hand. " + past, "T001") == ["take"]


def test_a_past_paragraph_with_a_completed_stretch_of_time_looks_back():
    backstory = ("Luna turned a corner and ran into Neville. She dated him for over a year and laughed at "
                 "his jokes.\n\n")
    after = "Harry helps her up. She smiles and thanks him.\n"
    assert flagged(LUNA.rsplit("Luna turned", 1)[0] + backstory + after, "T002") == []
    drift = backstory.replace("dated him for over a year", "sat with him for an hour")
    found = flagged(LUNA.rsplit("Luna turned", 1)[0] + drift + after, "T002")
    assert found == ["turned", "ran", "sat", "laughed"]
