"""Through the real CLI: present-tense slips whose subject the tense family's subject finder
(ficlint/rules/tense/_tagged.py) used to miss: a noun phrase or name after a subordinating conjunction
("When the door opens") and a name of two or three words ("Draco Malfoy comes in"). Each has text it
must leave alone: compound nouns in object place or before a verb of their own, a plural noun before
"of" or after a participle ("the matching rings on their fingers"), conditions after "if", sayings."""

from __future__ import annotations

from tests.conftest import rule_findings

PAST = (
    "The kitchen was dark and cold. Harry pushed the door open and stepped inside. He looked for the lamp "
    "and found it on the shelf. Draco Malfoy sat at the table. Malfoy smiled at him. Malfoy shrugged and "
    "Malfoy waited.\n\n"
)
AFTER = "The light flickered on. Harry sat down at the table and waited for Ron.\n"


def test_a_saying_after_a_subordinator_is_left_alone(tmp_path):
    """Review: a noun-like -s form after when/while is as often a saying's timeless present."""
    text = (PAST + "She worked hard. Make hay while the sun shines, her mother used to say. "
            "When the going gets tough, he had told her once, the tough get going. " + AFTER)
    assert rule_findings(tmp_path, text, "T001") == []


def test_a_name_of_two_words_acting_in_the_present_is_a_slip(tmp_path):
    text = PAST + "The door opened, and Draco Malfoy comes in. Everyone turned. " + AFTER
    assert rule_findings(tmp_path, text, "T001") == [("T001", "comes", "came")]


def test_compound_nouns_are_left_alone(tmp_path):
    text = (PAST + "He grabbed the car keys and left. The car keys in his pocket jingled as he ran. "
            "The school grounds were empty. The chiffon ruffles of her dress swayed. He noticed the matching "
            "rings on their fingers and the matching shrieks behind her. " + AFTER)
    assert rule_findings(tmp_path, text, "T001") == []


def test_a_condition_after_if_is_left_alone(tmp_path):
    text = PAST + "He knew the rule. If the door opens, the alarm sounded. " + AFTER
    assert rule_findings(tmp_path, text, "T001") == []
