"""Stop 36, spelling (issue 19): canon names missed by ear, a would-be name the manuscript outnumbers
with the canon spelling, and slips whose only strange company is names. Through the real CLI."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import rule_findings

HOGWARTS = ("Harry walked into the Gryffindor common room, where Hermione and Ron sat by the fire. "
            "Hagrid had sent an owl from Hogsmeade, and Neville read it aloud. ")


def test_a_canon_name_spelt_by_ear_three_edits_away_is_flagged(tmp_path: Path):
    text = HOGWARTS + "He would have had Kreature do the dirty work.\n"
    assert rule_findings(tmp_path, text, "S001,S002") == [("S002", "Kreature", "Kreacher")]


def test_a_would_be_name_outnumbered_by_the_canon_spelling_is_a_slip(tmp_path: Path):
    text = (HOGWARTS + "They met in Hogsmeade, and again in Hogsmeade. He was back from Hogmedes early. "
            "She walked towards Hogmedes alone.\n")
    assert rule_findings(tmp_path, text, "S001,S002") == [("S002", "Hogmedes", "Hogsmeade"),
                                                          ("S002", "Hogmedes", "Hogsmeade")]


def test_an_invented_name_that_sounds_like_no_canon_name_is_left_alone(tmp_path: Path):
    text = HOGWARTS + "Scaredy cat, said Ginny. Hogmorrow was a village Hermione invented.\n"
    assert rule_findings(tmp_path, text, "S001,S002") == []


def test_a_slip_beside_an_unknown_name_is_still_a_slip(tmp_path: Path):
    text = "In the world of Azeroth a strange being startled slightly in suprise, and left.\n"
    assert rule_findings(tmp_path, text, "S001") == [("S001", "suprise", "surprise")]


def test_a_name_slip_beside_an_unknown_name_is_reported_against_the_storys_name(tmp_path: Path):
    text = ("Kingsley nodded. Kingsley sat. Kingsley spoke to Harry, and Kingsley left. Kingsley came "
            "back. Then Tavrek and Kinglsey rode out.\n")
    assert rule_findings(tmp_path, text, "S001,S002") == [("S002", "Kinglsey", "Kingsley")]


def test_beside_names_a_short_word_or_one_near_only_rare_words_is_left_alone(tmp_path: Path):
    assert rule_findings(tmp_path, "About three Hour after Eating i feel weeak like and Hadig.\n",
                         "S001") == []
    assert rule_findings(tmp_path, "Great-Aunt Cedrella went the way of the other scorchees.\n",
                         "S001") == []


def test_a_foreign_phrase_with_lowercase_strangers_stays_a_foreign_phrase(tmp_path: Path):
    text = "Du bist ein Narr, Gellert, und suchst ihn im Schmutz.\n"
    assert rule_findings(tmp_path, text, "S001") == []
