"""A change of narrative voice that holds for a stretch (many paragraphs told in the first person
and the present, then many in the third person and the past) is a section of its own with its own tense
(ficlint/analysis/scenes.py), not a drift: T002 leaves the third-person past section alone, and T001 sees
a present-tense slip inside it. A short stretch in another person is still a drift."""

from __future__ import annotations

from ficlint.analysis import AnalyzedDocument
from ficlint.source import Source
from tests.conftest import rule_findings

FIRST_PERSON_PRESENT = (
    "I wake before the alarm and lie still for a minute. The room is cold. I pull the blanket up to "
    "my chin and listen to the rain on the roof. Somewhere downstairs the kettle starts to whistle.\n\n"
    "I get up at last and pad across the floor in my socks. I find my jeans on the chair and pull "
    "them on. My phone blinks on the desk, and I ignore it.\n\n"
    "In the kitchen Mum stands at the stove. She turns when I come in and smiles at me. I take a mug "
    "from the shelf and pour the tea. It is too hot, so I hold it and wait.\n\n"
    "I walk to school in the rain. The bus passes me at the corner and I watch it go. My shoes soak "
    "through before I reach the gate. I shake the water from my hair and go inside.\n\n"
    "The corridor smells of floor polish. I find my locker and open it. A note falls out onto the "
    "floor, and I pick it up. I read it twice and put it in my pocket.\n\n"
    "In the first lesson I sit at the back. I open my book and stare at the page. The teacher talks "
    "about rivers. I draw a boat in the margin and shade its sail.\n\n"
    "At lunch I eat alone on the wall behind the gym. I unwrap my sandwich and look at the field. Two "
    "boys kick a ball against the fence. I finish the sandwich and fold the paper into a square.\n\n"
    "After school I take the long way home. I stop at the bridge and lean on the rail. The river runs "
    "brown and fast under me. I take out the note and read it again, and then I tear it into pieces "
    "and let them go.\n\n"
    "At home I kick off my wet shoes by the door. I hang my coat on the hook and climb the stairs. My "
    "room is dark, and I leave the light off.\n\n"
    "I lie on the bed and look at the ceiling. The rain starts again. I count the drops on the window "
    "until I lose track, and then I count them again.\n\n"
    "Later Mum knocks on the door. I tell her I am not hungry. She waits for a moment and goes back "
    "down, and I hear the television come on.\n\n"
    "I sit up and open my laptop. I write three lines of an email and delete them. I close the lid "
    "and push it under the pillow.\n\n"
)
THIRD_PERSON_PAST = (
    "Tom Harker waited at the station until the last train left. He checked his watch and walked out "
    "to the road. The rain stopped, and the street shone under the lamps.\n\n"
    '"You missed it," said the porter, who was locking the gate.\n\n'
    '"I know," Tom said. He turned up his collar and set off towards the town.\n\n'
    "He crossed the square and went into the Crown. The barman nodded at him and reached for a glass. "
    "Tom sat at the end of the bar and counted the coins in his hand.\n\n"
    "The Crown is the oldest pub in the town. It stands on the corner of the square, and its sign "
    "creaks in every wind that blows.\n\n"
    '"The usual?" the barman asked.\n\n'
    '"Half," Tom said. He pushed the coins across the wood and watched the man pour.\n\n'
    "A woman came in from the street and shook out her umbrella. She looked around the room and saw "
    "him. She walked over and sat on the stool beside his.\n\n"
    '"You\'re Harker," she said. "They told me you would be here."\n\n'
    "Tom looked at her for a long moment. He drank some of his beer and put the glass down. He asked "
    "who sent her, and she laughed and did not answer.\n\n"
    "They talked until the barman called time. She paid for his second drink and stood up. At the "
    "door she turned and waved, and then she was gone into the dark.\n\n"
    "Tom finished his beer and walked home along the river. He stopped on the bridge and leaned on "
    "the rail. Something pale floated past on the water, and he watched it until it was gone.\n\n"
)
BACK_TO_FIRST = (
    "I wake late the next morning. I pull on my jeans and go down to the kitchen. Mum looks up from her "
    "paper and smiles, and I sit down across from her.\n\n"
    "I eat my toast and watch the rain. I wash my plate and put it on the rack. Then I take my coat and go "
    "out.\n"
)


def test_a_change_of_person_and_tense_for_a_stretch_starts_a_section():
    doc = AnalyzedDocument(Source("story.txt", FIRST_PERSON_PRESENT + THIRD_PERSON_PAST))
    assert [s.tense.tense for s in doc.narrative if s.tense] == ["present", "past"]
    assert doc.narrative[1].span.start == len(FIRST_PERSON_PRESENT)


def test_the_third_person_past_section_is_no_drift(tmp_path):
    assert rule_findings(tmp_path, FIRST_PERSON_PRESENT + THIRD_PERSON_PAST, "T002") == []


def test_a_present_slip_in_the_past_section_is_t001s(tmp_path):
    text = FIRST_PERSON_PRESENT + THIRD_PERSON_PAST.replace("He drank some", "He drinks some")
    assert rule_findings(tmp_path, text, "T001,T002") == [("T001", "drinks", "drank")]


def test_a_short_stretch_in_another_person_is_still_a_drift(tmp_path):
    short = "\n\n".join(THIRD_PERSON_PAST.split("\n\n")[:3]) + "\n\n"
    found = rule_findings(tmp_path, FIRST_PERSON_PRESENT + short + BACK_TO_FIRST, "T002")
    assert [verb for _, verb, _ in found][:4] == ["waited", "checked", "walked", "stopped"]
    assert ("T002", "waited", "waits") in found
