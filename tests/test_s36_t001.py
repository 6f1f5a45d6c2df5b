"""Through the real CLI (stop 36, T001): words that only look like present slips in past narration (a
participle carrying on a perfect, a bare subjunctive after a verb of demanding, a verb after an
emphasised or a "dare" inversion, half of a hyphenated compound, set phrases, a cited document, the
narrator's "these days"), and slips it now finds ("There is a long silence then." between past
sentences, "It is almost curfew.", a slip beside a sentence with no verb of its own)."""

from __future__ import annotations

from tests.test_tense_runs import flagged_with_fixes, lint_file

PAST = (
    "He walked down the corridor and looked at the portraits. They whispered to each other as he "
    "passed. The castle was cold and quiet that night, and he wished he had brought a cloak.\n\n"
)


def _found(tmp_path, paragraph: str) -> list[tuple[str, str]]:
    text = PAST + paragraph + "\n\n" + PAST
    return flagged_with_fixes(text, lint_file(tmp_path, text))


def test_words_that_only_look_like_present_slips_are_left_alone(tmp_path):
    for paragraph in (
        "Only Ron, who had heard about the fight and come to check on Harry, saved him. Hermione frowned.",
        "She looked at him for a moment. He had stood up and come around the desk. Then he sat down.",
        "Harry looked away. Dudley had demanded he have a room to himself, so Harry slept on the sofa.",
        "Sister Dolores spat before suggesting they move from their spot. Hermione followed her out.",
        "Harriet looked down at the plate. After three years, what *did* she have? She sighed and stood.",
        "His trial ended that day and thanks to the Golden Trio they got off with a warning. Draco sighed.",
        "They walked along the path as they tip-toed past the portrait. Nobody noticed them.",
        "What else the Colonel saw there Heaven only knows! He felt his secrets plucked from him. He left.",
        "Dumbledore scowled at the mess. How dare they ruin his plans?! He would have to start again.",
        "'I looked at myself in the mirror,' she writes in her memoirs, 'and decided it became me.' She "
        "wore it to the ball.",
        "She walked past the shops. Everything seems just alike in these days. She went home early.",
    ):
        assert _found(tmp_path, paragraph) == [], paragraph


def test_there_is_and_it_is_between_past_sentences_are_slips(tmp_path):
    assert _found(tmp_path, "Nobody wanted to talk about it. There is a long silence then. The rest of "
                            "the group stared at the floor.") == [("is", "was")]
    assert _found(tmp_path, "She had a sour look on her face. She turned away. It is almost curfew.") == [
        ("is", "was")]
    assert _found(tmp_path, "The room was filled with laughter. There is the occasional burst of sparks "
                            "as the twins tested a new product. Harry grinned.") == [("is", "was")]


def test_a_narrators_comment_with_there_or_it_stays_alone(tmp_path):
    for paragraph in (
        "He thought about it for a long time. There is no doubt about it. He went to bed.",
        "He left the room. It is a shame that nobody saw him go. She waited.",
        "He left the room. It is a long way to the tower. She waited.",
        "The men sat in silence. There are those who never forget a slight. Nobody spoke.",
    ):
        assert _found(tmp_path, paragraph) == [], paragraph


def test_a_slip_beside_a_sentence_with_no_verb_of_its_own(tmp_path):
    found = _found(tmp_path, "Vernon shut the box and lowered his hand. He stays there in a kneeling "
                             "position. Glaring a hole in the floor.")
    assert found == [("stays", "stayed")]
    found = _found(tmp_path, "He didn’t know which car to get into. He boards the closest car to him.")
    assert found == [("boards", "boarded")]
