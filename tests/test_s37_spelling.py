"""Stop 37, spelling and dialect (issue 19): books. A period edition's own spellings, verse's elided
pasts, today's spelling of a place beside the edition's, another language's passage, and a stuttered
name are no slips; a modern text's typos still are. Through the real CLI."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import rule_findings

# Two period hyphenations (to-day, to-morrow): an edition of a century ago (rules/common.py).
PERIOD = "I shall see him to-day, and again to-morrow, at the house of my friend. "
BRITISH = ("The colour of the harbour and the flavour of the honour done to the neighbour were "
           "recognised by the whole centre of the town, and the favour was realised. ")


def test_a_period_editions_old_spellings_are_not_typos(tmp_path: Path):
    text = PERIOD + "Dr. Boerhaave, in his chymistry, thinks the water reached his ancles.\n"
    assert rule_findings(tmp_path, text, "S001") == []


def test_the_same_old_spelling_in_a_modern_text_is_a_typo(tmp_path: Path):
    text = "She read about chymistry all night before the exam.\n"
    assert rule_findings(tmp_path, text, "S001") == [("S001", "chymistry", "chemistry")]


def test_two_swapped_letters_are_a_slip_even_in_a_period_edition(tmp_path: Path):
    text = PERIOD + "He presisted with an obstinacy that belonged to his pride.\n"
    assert rule_findings(tmp_path, text, "S001") == [("S001", "presisted", "persisted")]


def test_verse_elided_pasts_are_pasts(tmp_path: Path):
    text = ("That, virtue sinking in me overpower'd, I turn'd, and downward bent confus'd my sight, "
            "And measur'd, and inflam'd, and convinc'd, and spurr'd, as one who heareth not.\n")
    assert rule_findings(tmp_path, text, "S001") == []


def test_a_period_editions_place_is_not_corrected_to_an_old_spelling(tmp_path: Path):
    place = "The air of Pensylvania is dry. " * 6
    text = PERIOD + place + "I found France as dry as Pennsylvania that year.\n"
    assert rule_findings(tmp_path, text, "S002") == []


def test_a_variant_spelling_in_a_latin_passage_is_latin(tmp_path: Path):
    text = BRITISH + "Credo ut iam gravis acquiescat ardor: tecum ludere sicut ipsa possem.\n"
    assert rule_findings(tmp_path, text, "V001") == []


def test_a_variant_spelling_in_an_italic_french_phrase_is_french(tmp_path: Path):
    text = BRITISH + "He made her the _amende honorable;_ and a much smaller gift.\n"
    assert rule_findings(tmp_path, text, "V001") == []


def test_the_same_variant_spelling_in_english_is_still_flagged(tmp_path: Path):
    text = BRITISH + "He spoke with great ardor and left.\n"
    assert rule_findings(tmp_path, text, "V001") == [("V001", "ardor", "ardour")]


def test_an_elided_fulfilld_is_no_american_spelling(tmp_path: Path):
    text = BRITISH + "The song fulfill'd its measure, and the lights attended.\n"
    assert rule_findings(tmp_path, text, "V001") == []


def test_a_canon_name_stuttered_before_a_hyphen_is_no_near_miss(tmp_path: Path):
    text = ("Harry walked into the Gryffindor common room, where Hermione and Ron sat by the fire. "
            "Hagrid had sent an owl from Hogsmeade. \"P-Peter Pettigr-grew,\" the man stuttered.\n")
    assert rule_findings(tmp_path, text, "S001,S002") == []
