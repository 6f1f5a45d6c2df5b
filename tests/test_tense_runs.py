"""Drifted runs through the real CLI: a paragraph where the scene's characters carry on in the
present after a paragraph told in the past, and a second-person story's drift; and the general
remarks and narrator's asides that look like them but must be left alone."""

from __future__ import annotations

from tests.conftest import run_cli

BEFORE = (
    "Tony smiled at his fiancee and poured the coffee. He carried the cups to the table and sat down "
    "beside her. She thanked him and reached for the sugar.\n\n"
    "Outside, the snow fell on the garden. Tony watched it for a while and finished his toast. She "
    "read the paper and laughed at the cartoons.\n\n"
)
AFTER = (
    "The phone rang in the hall. Tony got up and answered it. He listened for a minute and hung up.\n\n"
    "They left the house at nine. She locked the door and he started the car.\n"
)


def lint_file(tmp_path, text: str) -> list[dict]:
    story = tmp_path / "story.txt"
    story.write_text(text, encoding="utf-8")
    result = run_cli("check", "--select", "T", "--format", "json", "--no-cache", str(story))
    [file] = result.json()["files"]
    return file["diagnostics"]


def flagged_with_fixes(text: str, diagnostics: list[dict]) -> list[tuple[str, str]]:
    spans = [(d["start"]["offset"], d["end"]["offset"], d["fixes"][0]["replacement"]) for d in diagnostics]
    return [(text[start:end], fix) for start, end, fix in spans]


def test_characters_carrying_on_in_the_present_after_a_past_paragraph_are_a_drift(tmp_path):
    drift = ("He is relieved that the storm has passed. They are going to drive to the city, and he "
             "wants to leave early.\n\n")
    text = BEFORE + drift + AFTER
    found = flagged_with_fixes(text, lint_file(tmp_path, text))
    assert found == [("is", "was"), ("has", "had"), ("are", "were"), ("wants", "wanted")]


def test_a_narrators_general_remark_about_kinds_of_people_is_left_alone(tmp_path):
    remark = ("A man is a fool when he is in love, and if he has money he spends it. It is the way of "
              "things.\n\n")
    text = BEFORE + remark + AFTER
    assert lint_file(tmp_path, text) == []


def test_a_generic_they_in_clauses_of_their_own_is_left_alone(tmp_path):
    remark = ("Office boys do not see eye to eye with anyone. When they answer the door, they look "
              "down on every caller.\n\n")
    text = BEFORE + remark + AFTER
    assert lint_file(tmp_path, text) == []


SECOND_PERSON = (
    "You woke early and pulled on your boots. You walked down to the tavern and opened the shutters. "
    "You swept the floor and lit the fire.\n\n"
    "A drunken customer leaned on the counter. You smiled at him and carried on working. You wiped "
    "the tables and filled the jugs.\n\n"
)


def test_a_drift_in_a_second_person_story_is_found_despite_its_you(tmp_path):
    drift = ("You turn away from him and he grabs your arm. He pulls you back and he laughs at your "
             "face.\n\n")
    after = "You thanked Salazar later. He only nodded and walked out into the rain.\n"
    text = SECOND_PERSON + drift + after
    found = flagged_with_fixes(text, lint_file(tmp_path, text))
    assert found == [("grabs", "grabbed"), ("pulls", "pulled"), ("laughs", "laughed")]


def test_a_narrators_you_in_a_third_person_story_still_marks_an_aside(tmp_path):
    aside = ("You know how it is with such men: he smiles at you and he takes your purse. Nobody ever "
             "learns.\n\n")
    text = BEFORE + aside + AFTER
    assert lint_file(tmp_path, text) == []


def test_characters_present_states_between_two_past_paragraphs_are_a_drift(tmp_path):
    drift = ("It is simple, a rose gold band with a round diamond. It is beautiful. He is perfect. "
             "She is happy.\n\n")
    text = BEFORE + drift + AFTER
    found = flagged_with_fixes(text, lint_file(tmp_path, text))
    assert found == [("is", "was"), ("is", "was"), ("is", "was"), ("is", "was")]


def test_a_narrators_present_frame_of_states_is_left_alone(tmp_path):
    frame = ("For some time Tony has run the shop on the corner. He is said to be the kindest man in town, "
             "and his heart is as good as his coffee.\n\n")
    text = BEFORE + frame + AFTER
    assert lint_file(tmp_path, text) == []


def test_a_third_person_storys_narrator_i_is_no_character(tmp_path):
    aside = ("I profess not to know how such hearts are won. To me they have always been a riddle, and "
             "I confess it freely.\n\n")
    text = BEFORE + aside + AFTER
    assert lint_file(tmp_path, text) == []


PRESENT_STORY = (
    "Ginny wakes before the others. She pulls on her robe and pads down to the kitchen. She puts the "
    "kettle on and waits by the window.\n\n"
    "Harry comes down the stairs a little later. He kisses her cheek and takes a mug from the shelf. "
    "They sit together at the table.\n\n"
    "She reads the paper and he eats his toast. She laughs at the cartoons and he smiles at her. They "
    "listen to the rain on the roof.\n\n"
)


def test_characters_carrying_on_in_the_past_in_a_present_story_are_a_drift(tmp_path):
    drift = ("Ginny was tired of the rain. She stood up and looked out at the garden, and Harry was "
             "quiet.\n\n")
    after = "The kettle whistles. Ginny pours the tea and hands him a cup.\n"
    text = PRESENT_STORY + drift + after
    found = flagged_with_fixes(text, lint_file(tmp_path, text))
    assert ("stood", "stands") in found and ("looked", "looks") in found


def test_a_present_storys_look_back_is_left_alone(tmp_path):
    backstory = ("Years ago Ginny was the youngest on the team. She stood on the pitch and looked up at "
                 "the stands, and Harry was there.\n\n")
    after = "The kettle whistles. Ginny pours the tea and hands him a cup.\n"
    text = PRESENT_STORY + backstory + after
    assert lint_file(tmp_path, text) == []


def test_a_present_storys_memory_in_relative_clauses_is_left_alone(tmp_path):
    memory = ("Ginny recalls her father in the winter, bringing home the twigs he found in the snow. She "
              "remembers the wineglass they only ever brought out at Christmas, and the old vase her mother "
              "had.\n\n")
    after = "The kettle whistles. Ginny pours the tea and hands him a cup.\n"
    text = PRESENT_STORY + memory + after
    assert lint_file(tmp_path, text) == []


def test_a_bracketed_aside_told_from_another_moment_is_left_alone(tmp_path):
    aside = ("(Later, Ginny finds out that Harry planned the whole morning. He asked Ron for help, and Ron "
             "told him to buy the good tea.)\n\n")
    after = "The kettle whistles. Ginny pours the tea and hands him a cup.\n"
    text = PRESENT_STORY + aside + after
    assert lint_file(tmp_path, text) == []
