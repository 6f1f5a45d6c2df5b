"""Session 30: lines that are not narration (M006, the document's headings and notes), one owner
after "the" (M010), foreign titles and common-noun holidays (C001, C002), "quiet enough" (H002),
nouns of a demand (G004) and words never offered as a fix (S001), each beside the slip the rule
must still flag with its fix, through the real CLI on a chapter file."""

from __future__ import annotations

from conftest import rule_findings

from ficlint.document import Document, RegionKind
from ficlint.rules.spelling._suggest import never_offered, suggestions
from ficlint.source import Source

BOOK = (
    "CONTENTS.\n\nCHAPTER XVI.\n\nA Sortie and its Consequences\n\nCHAPTER XVII.\n\nRest after Labor\n\n"
    "CHAPTER XXI. SHOWING HOW DIFFICULT IT IS TO STEAL THAT WHICH SEEMS\n             VERY EASILY STOLEN\n\n"
    "The abbe left the altar and walked home through the rain\n\n"
    "He sat down at once and wrote to her. Perhaps I shall owe to your curiosity the happiness of taking "
    "you by the hand. Always yours,\n\nBouvard.\n\n"
    "Tell me that I may call myself\n\nYour Savinien.\n\n"
    "She sat staring at the dying embers for a long time,\n\nSighing, she stood up.\n")


def test_titles_under_chapter_labels_and_wrapped_capital_headings_are_headings():
    doc = Document(Source("book.txt", BOOK))
    kinds = {doc.text[p.start:p.end].split("\n")[0]: p.kind for p in doc.paragraphs}
    assert kinds["A Sortie and its Consequences"] is RegionKind.HEADING
    assert kinds["Rest after Labor"] is RegionKind.HEADING
    assert kinds["CHAPTER XXI. SHOWING HOW DIFFICULT IT IS TO STEAL THAT WHICH SEEMS"] is RegionKind.HEADING
    assert kinds["The abbe left the altar and walked home through the rain"] is RegionKind.NARRATION


def test_m006_leaves_headings_and_letter_closings_but_flags_unfinished_narration(tmp_path):
    found = rule_findings(tmp_path, BOOK, "M006")
    assert found == [("M006", "rain", "."), ("M006", ",", ".")]


def test_credit_lines_at_the_edges_are_notes_and_verse_is_left_alone(tmp_path):
    text = ("Alpha love goes to Naomi Wagner, Beta love goes to Janette Thursby-Scott\n\n"
            "Teddy was sitting on the rug playing with his siblings.\n\n"
            "Over grass and over huts the night whispers as it flies\nand pale stars are looking sadly\n"
            "From the moor and from the west a poor light it lonely shines,\ntells a song to the lake\n"
            "And the storm sings wild and bold and in froth around the shores\nfor a flower is dead\n\n"
            "He headed out the door without a word\n\n"
            "He came back an hour later.\n\nAs presented by Moss \"Mordewis\" Bliss\n")
    assert rule_findings(tmp_path, text, "M006") == [("M006", "word", ".")]


def test_disclaimers_sign_offs_and_epigraph_sources(tmp_path):
    text = ("Don't own Harry Potter\n\nTrees fall in the forest and make sounds\n\n"
            "~Amal El-Mohtar, This Is How You Lose the Time War\n\n"
            "*The Potters were his final victims. We're all meeting at the Leaky Cauldron, you should join. "
            "Best,* *Dedalus*\n\nRemus read the note twice and then put it down on the table by the door\n\n"
            "– I know, he said.\n\nHe left.\n")
    assert rule_findings(tmp_path, text, "M006") == [("M006", "door", ".")]


def test_datelines_time_skips_signatures_and_publishing_records(tmp_path):
    text = ("**July 4** **th** **1928, New York City**\n\nNewt appeared in the flat.\n\n"
            "____________\n\n3 Hours earlier\n\nShe packed her trunk.\n\n"
            "‘*Stop poking the map.*’\n*– Mr. Padfoot*\n\nHarry stared at the map.\n\n"
            "_Wessex Edition_ (_8vo_) 1912\n\nHe left.\n\n"
            "She laughed at the thought of it all, and at him, and at the whole sorry business of the day\n\n"
            "He left.\n")
    assert rule_findings(tmp_path, text, "M006") == [("M006", "day", ".")]


def test_m010_one_owner_after_the_beside_a_family(tmp_path):
    text = ("Draco Malfoy walked into Malfoy Manor. The Manor's dining room was cold. The CareBot's eyes "
            "watched him. The Magizoologist's death was news. Harry hated Vernon Dursley. They went back "
            "to the Dursley's for the summer.\n")
    assert rule_findings(tmp_path, text, "M010") == [("M010", "Dursley's", "Dursleys")]


def test_foreign_titles_in_address_and_thanksgiving_as_a_common_noun(tmp_path):
    text = ("The Vicomte de Portenduere came in. The Vicomte bowed. The Vicomte sat. The Vicomte left. "
            "“Monsieur le vicomte,” she said. The miracle wrung psalms of thanksgiving from the priests. "
            "We flew home for thanksgiving.\n")
    assert rule_findings(tmp_path, text, "C001,C002") == [("C002", "thanksgiving", "Thanksgiving")]


def test_quiet_enough_is_the_adjective_but_quiet_sure_is_quite(tmp_path):
    text = ("She whispered, quiet enough that only Harry heard. The house was quiet enough to sleep. "
            "I am quiet sure of it. I have had quiet enough of this.\n")
    assert rule_findings(tmp_path, text, "H002") == [("H002", "quiet", "quite"), ("H002", "quiet", "quite")]


def test_a_noun_of_a_demand_opens_a_subjunctive(tmp_path):
    text = "He made it a rule, should he choose to leave, that he never have to beg. Then he walk home.\n"
    assert rule_findings(tmp_path, text, "G004") == [("G004", "walk", "walks")]


def test_a_slur_is_never_offered_as_a_fix(tmp_path):
    assert "dago" in never_offered()
    assert not never_offered() & set(suggestions("drago", limit=10))
    text = "Harry met Draco. Draco smiled and left. Drago gaped at him.\n"
    found = rule_findings(tmp_path, text, "S001")
    assert found and all(fix.lower() not in never_offered() for _, _, fix in found)


def test_a_disclaimer_line_does_not_carry_the_story_after_it_into_a_note():
    text = ("Don't own Harry Potter\n\n**The Invisible man - Part 1**\n\n"
            "\"Bored so bloody bored\" Harry moaned to himself as he lay on the bed.\n\nXXX\n\nHe slept.\n")
    doc = Document(Source("chapter.txt", text))
    kinds = [p.kind for p in doc.paragraphs]
    assert kinds[0] is RegionKind.AUTHOR_NOTE
    assert kinds[2] is RegionKind.NARRATION
