"""Capitalization (C001–C005): what the story itself capitalises, learned across its chapters,
and the words English capitalises by kind, run through the real CLI on real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import flagged, folder_findings, lint, run_cli


def _check_folder(folder: Path, *files: tuple[str, str]) -> list[tuple[str, str, str]]:
    """(file, rule, flagged text) for every C finding when the files are checked as one manuscript."""
    return folder_findings(folder, "C", *files)


# -- names learned from the manuscript, across its chapters -----------------------------------------


def test_a_name_the_story_capitalises_in_one_chapter_is_flagged_in_lowercase_in_another(tmp_path):
    one = ("Mira walked to Glimmerwick at dawn. The road to Glimmerwick was long, and the walls of "
           "Glimmerwick shone.\n")
    two = "By noon she could see glimmerwick below her.\n"
    assert _check_folder(tmp_path, ("ch1.md", one), ("ch2.md", two)) == [("ch2.md", "C001", "glimmerwick")]


def test_a_two_word_name_learned_from_the_story(tmp_path):
    one = "They moved to Varrow Place in May. Life at Varrow Place was quiet.\n"
    two = "Back at Varrow place, nothing had changed.\n"
    assert _check_folder(tmp_path, ("ch1.md", one), ("ch2.md", two)) == [("ch2.md", "C001", "Varrow place")]


def test_a_word_the_story_writes_both_ways_is_left_alone(tmp_path):
    one = "The Wizarding world was strange to him.\n"
    two = "All that wizarding nonsense bored him, and the wizarding papers more.\n"
    assert _check_folder(tmp_path, ("ch1.md", one), ("ch2.md", two)) == []


def test_an_ordinary_word_that_is_also_a_name_needs_strong_evidence():
    name = "He met Sue there. Then Sue laughed, and Sue left, and Sue came back, and sue smiled."
    assert flagged(name, "C001") == ["sue"]
    verb = "He met Sue there. Then Sue laughed, and Sue left, and Sue came back. He will sue them."
    assert flagged(verb, "C001") == []


def test_a_name_before_a_verb_that_is_also_a_noun():
    met = "He met Harry there. Then Harry laughed, and Harry left, and Harry came back."
    story = met + " She turned and harry saw it."
    assert flagged(story, "C001") == ["harry"]
    noun = met + " Dogs harry saw mills."
    assert flagged(noun, "C001") == []


@pytest.mark.parametrize("text", [
    "Back at hogwarts, she slept.",  # the dictionary knows it only with a capital
    "They went to hogsmeade on Saturday.",  # fan fiction writes it with a capital
])
def test_names_known_without_the_story(text):
    assert len(flagged(text, "C001")) == 1


@pytest.mark.parametrize("text", [
    "# glimmerwick\n\nThe town of Glimmerwick waited.",  # a heading
    "**Mira:** omw to glimmerwick\n**Dani:** ok\n\nIn Glimmerwick, Glimmerwick waited.",  # a chat log
    "GLIMMERWICK WAS BURNING. In Glimmerwick they ran.",  # shouting
    "_Vivent les anglais!_ he yelled.",  # italics: another language
    "She bought a muggle-born cat.",  # inside a compound
])
def test_no_name_findings_on_headings_chat_shouting_or_compounds(text):
    assert flagged(text, "C001") == []


# -- calendar words, titles, family words, seasons ---------------------------------------------------


@pytest.mark.parametrize("text, word", [
    ("It was halloween in Gotham.", "halloween"),
    ("We met on a sunday.", "sunday"),
    ("It was october already.", "october"),
    ("It was the best christmas Eve ever.", "christmas Eve"),
    ("They argued about Valentine's day.", "Valentine's day"),
    ("The ball was on may 3rd.", "may"),
])
def test_months_days_and_holidays(text, word):
    assert flagged(text, "C002") == [word]


@pytest.mark.parametrize("text", ["It may rain.", "They march at dawn.", "An august gathering.",
                                  "Every day was the same.", "It was a new year for them."])
def test_ordinary_words_that_look_like_months(text):
    assert flagged(text, "C002") == []


@pytest.mark.parametrize("text, word", [
    ("They had Potions with professor Snape.", "professor"),
    ("\"Hi, miss Potts!\" he said.", "miss"),
    ("She asked mrs. Okafor for the key.", "mrs"),
    ("They rode out with sir Leon.", "sir"),
    # after "to" a title that is no verb is still a title
    ("She dressed similarly to professor McGonagall.", "professor"),
])
def test_titles_before_names(text, word):
    assert flagged(text, "C003") == [word]


@pytest.mark.parametrize("text", ["The professor smiled.", "His aunt Petunia shrieked.",
                                  "I shall miss Jackson.", "I had to doctor Watson's notes.",
                                  "\"Yes, sir,\" he said.", "Your old aunt Eliza waved."])
def test_titles_that_describe(text):
    assert flagged(text, "C003") == []


@pytest.mark.parametrize("text, word", [
    ("I don't want mum to know.", "mum"),
    ("\"I love you too, daddy.\"", "daddy"),
    ("She heard her Dad's footsteps.", "Dad's"),
    ("He had not seen his Godson in years.", "Godson"),
])
def test_family_words(text, word):
    assert flagged(text, "C004") == [word]


@pytest.mark.parametrize("text", ["She told her mum.", "I told Mum.", "Her Aunt Petunia shrieked.",
                                  "My dad jokes were bad.", "He hated his mum and dad.", "\"Oh! my Daddy!\""])
def test_family_words_used_rightly(text):
    assert flagged(text, "C004") == []


def test_seasons_and_titles_used_as_nouns():
    assert flagged("They met the Summer before.", "C005") == ["Summer"]
    assert flagged("The professor left. She worked as a Professor for years.", "C005") == ["Professor"]
    assert flagged("They danced at the Winter Ball. Summer smiled.", "C005") == []
    assert flagged("We sow in Spring. They wed in Spring. Spring passes.", "C005") == []  # the story's choice
    listed = "In the summer we swam. The year turns: Spring, Summer and Winter, each in its place."
    assert flagged(listed, "C005") == []  # seasons named together with capitals are personified


def test_capitalization_fixes_change_only_the_first_letter():
    text = "They had Potions with professor Snape."
    [finding] = lint(text, "C003")
    [fix] = finding.fixes
    assert text[:fix.start] + fix.replacement + text[fix.end:] == "They had Potions with Professor Snape."
    assert "title" in finding.message and "Professor" in finding.message


# -- the manuscript's own capitals, learned from a folder of chapters (issue 18) ---------------------


def _fix_folder(folder: Path, select: str) -> dict[str, str]:
    """Apply every fix (safe and unsafe) of the selected rules to the folder's chapters, as a user would."""
    result = run_cli("check", "--fix", "--unsafe-fixes", "--no-cache", "--select", select, str(folder))
    assert result.code in (0, 1), result.err
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))}


def test_an_address_noun_after_a_name_keeps_its_capital(tmp_path):
    one = "Mira walked to Varrow at dawn. The road to Varrow was long.\n"
    two = "She took rooms at Varrow lane. The Varrow manor stood empty, and a dirty London alley led on.\n"
    assert _check_folder(tmp_path, ("ch1.md", one), ("ch2.md", two)) == [("ch2.md", "C001", "Varrow lane")]
    assert "at Varrow Lane." in _fix_folder(tmp_path, "C001")["ch2.md"]


def test_a_fan_fiction_place_needs_no_evidence_from_the_story(tmp_path):
    assert flagged("He would go back to Grimmauld place. Harry's place was there.", "C001") == \
        ["Grimmauld place"]
    assert flagged("Let Draco close the door.", "C001") == []


def test_a_lowercase_family_name_the_manuscript_repeats_is_its_house_style(tmp_path):
    one = "\"Wait for mummy,\" she said. He cried, \"Stay, mummy!\"\n"
    two = "\"Will you forgive mummy?\" she whispered.\n"
    assert _check_folder(tmp_path, ("ch1.md", one), ("ch2.md", two)) == []


def test_a_lowercase_family_name_is_flagged_where_the_story_also_capitalises_it(tmp_path):
    one = "\"Thanks, Daddy,\" she said. \"Bye, daddy.\"\n"
    two = "\"I love you too, daddy.\"\n"
    found = _check_folder(tmp_path, ("ch1.md", one), ("ch2.md", two))
    assert found == [("ch1.md", "C004", "daddy"), ("ch2.md", "C004", "daddy")]
    assert "too, Daddy." in _fix_folder(tmp_path, "C004")["ch2.md"]


def test_a_kin_title_after_a_possessive_follows_the_manuscripts_majority(tmp_path):
    house = ("She looked at her Aunt.\n", "\"Go,\" said her Aunt. Then she kissed her Aunt.\n",
             "Then her aunt left.\n")
    assert _check_folder(tmp_path, *(( f"ch{n}.md", t) for n, t in enumerate(house, 1))) == []


def test_a_kin_title_after_a_possessive_against_the_manuscripts_majority(tmp_path):
    one = "She looked at her aunt. Then her aunt smiled, and her aunt left.\n"
    two = "\"Go,\" said her Aunt.\n"
    assert _check_folder(tmp_path, ("ch1.md", one), ("ch2.md", two)) == [("ch2.md", "C004", "Aunt")]
    assert "said her aunt." in _fix_folder(tmp_path, "C004")["ch2.md"]


def test_a_pair_the_chapter_writes_in_lowercase_capitalised_once(tmp_path):
    one = ("He sat in the common room. The common room was empty, the common room fire out. He left the "
           "Common Room at noon.\n")
    two = "They met in the Gryffindor Common Room.\n"
    assert _check_folder(tmp_path, ("ch1.md", one), ("ch2.md", two)) == [("ch1.md", "C005", "Common Room")]
    assert "left the common room at noon" in _fix_folder(tmp_path, "C005")["ch1.md"]


def test_a_pair_capitalised_in_speech_or_in_a_longer_name_is_left_alone(tmp_path):
    one = ("He sat in the common room. The common room was empty. \"That's the Common Room!\" she cried. "
           "They met in the Gryffindor Common Room.\n")
    assert _check_folder(tmp_path, ("ch1.md", one)) == []


@pytest.mark.parametrize(("text", "word"), [
    ("They built a nursery for Professors.", "Professors"),
    ("You'll be Godfathers, right?", "Godfathers"),
    ("They had been friends since University.", "University"),
    ("She went to the same University in Dublin.", "University"),
    ("He had worked as a Professor for years.", "Professor"),
])
def test_common_nouns_capitalised_with_no_name(text, word):
    assert flagged(text, "C005") == [word]


@pytest.mark.parametrize("text", [
    "She studied at the University.", "He went through Stanford⏎University.".replace("⏎", "\n"),
    "She was fond of the Aunties.", "The Board of Governors met.", "Days at Lords' were long.",
    "She shall be made a Dame!", "He told a story about a Princess with green eyes.",
])
def test_capitals_that_name_one_place_or_a_person(text):
    assert flagged(text, "C005") == []


def test_a_stammered_name_keeps_its_capital_on_the_first_try(tmp_path):
    one = "Frieda came. Then Frieda left, and Frieda laughed.\n"
    two = "\"Fr--frieda!\" he called. \"F-frieda, wait!\"\n"
    assert _check_folder(tmp_path, ("ch1.md", one), ("ch2.md", two)) == []


def test_a_novel_with_no_fan_fiction_names_gets_no_fan_fiction_name_findings(tmp_path):
    plain = "The road ran on past the farm, and the day was warm and still. " * 1700
    novel = plain + "\n\nShe said it was a fine night for a ride, as it is moony, and warm.\n"
    assert _check_folder(tmp_path, ("book.md", novel)) == []
    assert flagged("She said it was a fine night for a ride, as it is moony.", "C001") == ["moony"]


# -- stop 35: a rank said to someone; a name after an article -----------------------------------------


@pytest.mark.parametrize(("text", "word"), [
    ("\"You either, commander,\" he said softly.", "commander"),
    ("\"Thank you, professor.\" She smiled.", "professor"),
    ("\"I'm sorry, professor, but I don't know.\"", "professor"),
    ("“You are sure she is safe, headmaster?” she said.", "headmaster"),
    ("\"With all due respect, minister,\" he answered.", "minister"),
])
def test_a_rank_said_to_someone_takes_a_capital(text, word):
    assert flagged(text, "C003") == [word]


@pytest.mark.parametrize("text", [
    "\"Yes, sir,\" he said. \"Thanks, miss.\" \"Right, boss.\"",
    "\"Yes, Professor,\" he said.",
    "He was a soldier, captain, and leader of men.",
    "\"He was a soldier, captain, and leader.\"",
    "\"We need a doctor, quickly!\"",
    "\"Yes, doctor.\" \"No, doctor.\" \"Thank you, doctor.\"",  # three, never capitalised: house style
])
def test_addresses_left_alone(text):
    assert flagged(text, "C003") == []


def test_a_lowercase_address_is_flagged_where_the_story_also_capitalises_it():
    text = "\"Yes, doctor.\" \"No, doctor.\" \"Thank you, doctor.\" \"Well, Doctor, I think so.\""
    assert flagged(text, "C003") == ["doctor", "doctor", "doctor"]


def test_a_novel_of_another_age_keeps_its_lowercase_address(tmp_path):
    plain = "The road ran on past the farm, and the day was warm and still. " * 1700
    novel = plain + "\n\n\"Will you stay to dinner, doctor?\" she asked.\n"
    assert _check_folder(tmp_path, ("book.md", novel)) == []


def test_a_name_after_an_article_is_left_alone_even_in_fan_fiction():
    # "the jedi" was measured in stop 35 and dropped: "in a owen" (a typo of oven) on fresh text
    assert flagged("Just like potion you wait, but in a owen, something Sirius never knew.", "C001") == []


def test_an_address_in_a_manuscript_of_period_style_is_left_alone():
    text = "We go to-morrow, and to-day we rest.\n\n\"Will you stay to dinner, doctor?\" she asked.\n"
    assert flagged(text, "C003") == []


@pytest.mark.parametrize("text", [
    "She's back in Spinner's End, she's my fucking mum, he thought.",
    "I miss my poor old dad.",
])
def test_a_family_word_after_a_possessive_and_an_adjective_is_an_ordinary_noun(text):
    assert flagged(text, "C004") == []


def test_a_family_word_used_as_a_name_after_an_adjective_alone_is_still_flagged():
    assert flagged("I better write mum a letter.", "C004") == ["mum"]
