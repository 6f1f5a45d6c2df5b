"""Session 28's dialogue mechanisms, each beside the slip the same rule must still flag (with its
fix), through the real CLI: narration that joins speech with a comma in older edited prose and is
no new sentence (a gesture in -ing alone, a voice verb and where the sound went, the speech as the
object of a verb of meaning, hearing or a sound someone makes, the scolding verbs), a verb's
noun after an article (`a sneer`) and a bare verb after `did`, which make the narration an
action; a voice that "was" something (a beat); a phrase opened by a preposition before a
quotation; a question word that opens a subject clause."""

from __future__ import annotations

import pytest
from conftest import dialogue_findings

# the chapter's habit: new speech joined with a comma to an action, to other narration and to
# the tag of a finished exclamation (as in test_dialogue_period_prose.py)
HABIT = ('Harry shrugged, "I get that a lot."\n\nRon nodded, "Me too."\n\n'
         'Hermione sat down on the couch, "I\'m tired of this."\n\n'
         'She was furious, "Get out!"\n\nThe room was quiet, "Is anyone here?"\n\n'
         '"Wow!" he said, "That\'s great."\n\n"No!" she cried, "Leave me alone."\n\n')
HABIT_FOUND = [("D013", ",")] * 7


def _rules_and_marks(found: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    return [(rule, marked) for rule, marked, _ in found]


@pytest.mark.parametrize("line", [
    '"I\'m sure you are!" she snapped. Then, smiling excessively, "Don\'t you think Carol fails?"',
    'The elders sneaked back to their chairs, with crystallized smiles which meant, "Don\'t mind us."',
    'She was astounded to hear from Uncle Whittier, "I see your sister is doing fine."',
    'It was better than having a logical woman teacher or librarian sniff, "Well, if you\'re scared, go."',
    'She berated herself, "Stop this fever of reforming everything!"',
])
def test_narration_the_speech_completes_or_that_is_no_sentence_is_left_alone(tmp_path, line):
    found = dialogue_findings(tmp_path, HABIT + line + "\n")
    assert _rules_and_marks(found) == HABIT_FOUND


@pytest.mark.parametrize(("line", "fixed"), [
    ('He offered a smirk that bordered on a sneer, "Something like that."',
     'bordered on a sneer. "Something like that."'),
    ('There was no disguising his sneer now, "I am not going to be your pet."',
     'his sneer now. "I am not going'),
    ('Dumbledore was less than pleased, but did offer a carrot instead of a stick, "If you are willing."',
     'instead of a stick. "If you are'),
    ('She smiled against his overcoat, "How can you shame me so?"',
     'against his overcoat. "How can'),
    ('Ron glanced at the clock, which he meant to fix, "We are late."',
     'meant to fix. "We are late."'),
])
def test_an_action_before_new_speech_is_still_flagged(tmp_path, line, fixed):
    found = dialogue_findings(tmp_path, HABIT + line + "\n")
    assert _rules_and_marks(found) == HABIT_FOUND + [("D013", ",")]
    assert fixed in found[-1][2]


@pytest.mark.parametrize(("text", "fixed"), [
    ('"It\'s too early for this," Harry\'s voice was muffled by his pillow.\n',
     '"It\'s too early for this." Harry\'s voice was muffled'),
    ('"I am in good hands now," her voice was getting slurry again.\n',
     '"I am in good hands now." Her voice was getting'),
])
def test_a_voice_that_was_something_is_a_beat(tmp_path, text, fixed):
    found = dialogue_findings(tmp_path, text)
    assert [rule for rule, _, _ in found] == ["D005"]
    assert fixed in found[0][2]


@pytest.mark.parametrize("text", [
    '"I\'ve got it!" a voice that was not his called out.\n',
    '"Tom?" a sleepy voice sounds from the bed.\n',
    '"Come here," her voice whispered.\n',
])
def test_a_voice_that_speaks_is_a_tag(tmp_path, text):
    assert dialogue_findings(tmp_path, text) == []


def test_a_phrase_before_the_quotations_is_followed_by_the_main_clause(tmp_path):
    text = ('He understood. In his queries, "Changing the whole room?" "Putting your books in there?" '
            'she caught his dismay.\n\n"Wait!" she grabbed his arm.\n\n'
            'In the hall he shouted, "Stop!" she grabbed his arm.\n')
    found = dialogue_findings(tmp_path, text)
    assert _rules_and_marks(found) == [("D004", "\" she"), ("D004", "\" she")]
    assert '"Wait!" She grabbed' in found[0][2]
    assert '"Stop!" She grabbed' in found[1][2]


def test_a_subject_clause_asks_nothing(tmp_path):
    text = ('"Who would control\nothers must first control himself," remarked the wall.\n\n'
            '"Who would think he could do that," she said.\n\n"Who did this," he growled.\n')
    found = dialogue_findings(tmp_path, text)
    assert _rules_and_marks(found) == [("D015", ","), ("D015", ",")]
    assert '"Who would think he could do that?" she said.' in found[0][2]
    assert '"Who did this?" he growled.' in found[1][2]


def test_a_question_goes_on_after_its_tag_only_in_lowercase_a_name_or_i_after_think(tmp_path):
    text = ('Tom sat by the fire with Harry, restless.\n\n'
            '“Who are they then,” Tom pleads a little desperately, “I need to know.”\n\n'
            '"Do you think," she asked, "I could go?"\n\n'
            '"Where are you going," he asked, "Harry?"\n\n'
            '"What would happen," she asked, "if I left?"\n')
    found = dialogue_findings(tmp_path, text)
    assert _rules_and_marks(found) == [("D015", ",")]
    assert '“Who are they then?” Tom pleads' in found[0][2]


@pytest.mark.parametrize(("text", "fixed"), [
    ('“Not sure about this one,” he elbowed Blaise in the ribs.\n', '“Not sure about this one.” He elbowed'),
    ('"Over and out," Dustin clicked off the walkie.\n', '"Over and out." Dustin clicked off'),
])
def test_a_verb_with_someone_and_where_or_a_particle_and_an_object_is_an_action(tmp_path, text, fixed):
    found = dialogue_findings(tmp_path, text)
    assert [rule for rule, _, _ in found] == ["D005"]
    assert fixed in found[0][2]


@pytest.mark.parametrize("text", [
    '"Sure," he told Harry in a whisper.\n',
    '"Sure," Dick concurred.\n',
    '"Come on," she called out the window.\n',
])
def test_a_tag_with_someone_and_where_is_left_alone(tmp_path, text):
    assert dialogue_findings(tmp_path, text) == []


def test_a_tag_whose_comma_before_a_voice_cracking_is_missing_is_no_beat(tmp_path):
    text = ('"I didn\'t ask for it," he explained his voice cracking.\n\n'
            '"Fine," she said his name softly.\n')
    found = dialogue_findings(tmp_path, text)
    assert [rule for rule, _, _ in found] == ["D005"]
    assert '"Fine." She said his name' in found[0][2]
