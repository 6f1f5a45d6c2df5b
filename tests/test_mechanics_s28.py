"""Session 28: a chapter set in lowercase on purpose (its sentence starts and names are its style,
for M004 and C001), and an 's before what one person has (M010), each beside the slip the rule
must still flag with its fix, through the real CLI on a chapter file."""

from __future__ import annotations

from conftest import rule_findings

LOWERCASE = (
    "remus was kissing his neck with such a fervor that left sirius breathless. he blinked up at the "
    "ceiling.\n\n'baby,' whispered sirius, running his hands through remus' golden curls.\n\n"
    "remus hummed a reply. he pressed his lips to one of the red spots on sirius' neck.\n\n"
    "sirius was flushed red in the cheeks. his hair fanned across the pillow. he smiled.\n\n"
    "remus pushed his fingers into sirius' hair. he laughed. the room was warm.\n\n"
    "it was late. the moon was up. sirius closed his eyes.\n")
CAPITALISED = (
    "Remus was kissing his neck. He blinked up at the ceiling.\n\n"
    "Sirius laughed. the room was warm. Remus smiled at Sirius and Sirius smiled back.\n\n"
    "Later sirius slept. Remus watched him. Sirius dreamt of Remus.\n")


def test_a_chapter_set_in_lowercase_keeps_its_lowercase_starts_and_names(tmp_path):
    assert rule_findings(tmp_path, LOWERCASE, "M004,C001") == []


def test_a_lowercase_start_and_name_in_a_capitalised_chapter_are_flagged(tmp_path):
    found = rule_findings(tmp_path, CAPITALISED, "M004,C001")
    assert ("M004", "the", "T") in found
    assert ("C001", "sirius", "S") in found


def test_what_one_person_has_is_one_persons(tmp_path):
    text = ("Harry looked at Draco Malfoy across the hall. Severus slammed the door, missing the "
            "crestfallen look on the Malfoy's face.\n\nThey went to the Malfoy's house. The Malfoy's "
            "were rich.\n")
    found = rule_findings(tmp_path, text, "M010")
    assert [(rule, marked) for rule, marked, _ in found] == [("M010", "Malfoy's"), ("M010", "Malfoy's")]
    assert [fix for _, _, fix in found] == ["Malfoys'", "Malfoys"]
