"""Stop 37, capitals in books: a title that describes (`my baby sister Astoria`, `the false brother
Bartholomew`), kin words that are titles only in religious orders, a book's own style of lowercase
titles weighed over the whole manuscript, dialect clippings, foreign particles, a book's own
lowercase words and its capitalised offices - left alone; the same slips in fan fiction still
flagged. Through the real CLI."""

from __future__ import annotations

import pytest
from conftest import folder_findings, rule_findings

# A long stretch of plain prose naming nothing of fan fiction's: the manuscript is a book.
# an edition of a century ago (its to-day and to-morrow), whose lowercase titles may be its house style
BOOK = ("The rain fell on the quiet town, and the people walked home slowly under the dark trees.\n\n" * 320
        + "It would rain to-day, and again to-morrow.\n\n")


def caps(tmp_path, text: str, select: str = "C") -> list[tuple[str, str, str]]:
    return rule_findings(tmp_path, text, select)


@pytest.mark.parametrize("line", [
    '"Everyone, this is my baby sister Astoria."\n',
    '"Our current DADA professor Andrea Shaldon has resigned," said Albus.\n',
    "He told beads like the false brother Bartholomew.\n",
    '"It is the sword with which thy father Stephen fought."\n',
    "Every one has some idle story of a swaggering sergeant Kite.\n",
    '"Next time I won\'t miss Potter!" she shouted.\n',
    "She sat with papa, mamma, and brother George.\n",
    "There was an older brother Ginny didn't talk about.\n",
])
def test_a_title_that_describes_or_a_verb_is_left_alone(tmp_path, line):
    assert [f for f in caps(tmp_path, line, "C003")] == []


def test_a_title_before_a_name_is_still_flagged(tmp_path):
    found = caps(tmp_path, "They had Potions with professor Snape, and then saw aunt Petunia.\n", "C003")
    assert found == [("C003", "professor", "P"), ("C003", "aunt", "A")]


def test_a_kin_word_the_story_writes_as_a_title_is_one(tmp_path):
    text = "They met Brother Cadfael at the gate. Later they saw brother Cadfael again.\n"
    assert caps(tmp_path, text, "C003") == [("C003", "brother", "B")]


AUNT = ('"You are very like aunt Belinda," she said. "I came to see aunt Belinda," he said. '
        '"Sit down while aunt Belinda talks," she said.\n\n')


def test_fan_fiction_s_repeated_lowercase_title_is_still_a_slip(tmp_path):
    assert [r for r, _, _ in caps(tmp_path, AUNT, "C003")] == ["C003"] * 3


def test_a_book_s_own_lowercase_titles_are_its_house_style(tmp_path):
    assert caps(tmp_path, BOOK + AUNT, "C003") == []


def test_one_fan_fiction_name_does_not_make_a_book_fan_fiction(tmp_path):
    # Scott names a Hermione; fan fiction names its cast
    text = BOOK + "They went with Hermione to the hall.\n\n" + AUNT
    assert caps(tmp_path, text, "C003") == []


def test_a_book_s_house_style_is_counted_over_the_manuscript(tmp_path):
    found = folder_findings(tmp_path, "C003", ("01.txt", BOOK + AUNT),
                            ("02.txt", '"Where is aunt Belinda?" she asked.\n'))
    assert found == []


@pytest.mark.parametrize("line", [
    'Stan came in. "I could stan\' such blows all day," said the old man.\n',
    "He was a dirty little street arab, said Lisa.\n",
    "For Boabdil el Chico fled. El Chico wept, and El Chico rode. Then Boabdil el Chico came back.\n",
])
def test_clippings_phrases_and_particles_are_no_lowercase_names(tmp_path, line):
    assert caps(tmp_path, line, "C001") == []


def test_a_book_s_own_lowercase_word_is_no_name(tmp_path):
    text = BOOK + "They slew without ruth. Take ruth on us! She had no ruth.\n"
    assert caps(tmp_path, text, "C001") == []
    assert caps(tmp_path, "They slew without ruth. Take ruth on us! She had no ruth.\n", "C001") != []


def test_a_wind_is_no_holiday_but_a_prefixed_one_is(tmp_path):
    assert caps(tmp_path, "The tide rose when a strong north-easter blew.\n", "C002") == []
    found = caps(tmp_path, "They hated the pre-christmas rush.\n", "C002")
    assert found == [("C002", "christmas", "Christmas")]


def test_a_nickname_said_to_someone_is_a_name(tmp_path):
    assert caps(tmp_path, '"I\'ll get her back." "Thank you, Kings."\n', "C005") == []


def test_a_book_s_capitalised_offices_are_its_convention(tmp_path):
    line = "If ever you become a Minister, I will give you some hints.\n"
    assert caps(tmp_path, line, "C005") != []
    assert caps(tmp_path, BOOK + line, "C005") == []


def test_a_title_after_a_verb_in_ing_still_goes_with_the_name(tmp_path):
    found = caps(tmp_path, "The class sat watching professor Snape.\n", "C003")
    assert found == [("C003", "professor", "P")]
