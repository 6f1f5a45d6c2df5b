"""Capitalization (C001–C005): what the story itself capitalises, learned across its chapters,
and the words English capitalises by kind, run through the real CLI on real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import flagged, lint, run_cli


def _check_folder(folder: Path, *files: tuple[str, str]) -> list[tuple[str, str, str]]:
    """(file, rule, flagged text) for every C finding when the files are checked as one manuscript."""
    for name, text in files:
        (folder / name).write_text(text, encoding="utf-8")
    result = run_cli("check", "--format", "json", "--no-cache", "--select", "C", str(folder))
    found = []
    for entry in result.json()["files"]:
        text = Path(entry["path"]).read_text(encoding="utf-8")
        for d in entry["diagnostics"]:
            found.append((Path(entry["path"]).name, d["rule"], text[d["start"]["offset"]:d["end"]["offset"]]))
    return sorted(found)


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
])
def test_titles_before_names(text, word):
    assert flagged(text, "C003") == [word]


@pytest.mark.parametrize("text", ["The professor smiled.", "His aunt Petunia shrieked.", "I shall miss Jackson.",
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


def test_capitalization_fixes_change_only_the_first_letter():
    text = "They had Potions with professor Snape."
    [finding] = lint(text, "C003")
    [fix] = finding.fixes
    assert text[:fix.start] + fix.replacement + text[fix.end:] == "They had Potions with Professor Snape."
    assert "title" in finding.message and "Professor" in finding.message
