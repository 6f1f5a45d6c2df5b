"""Dialect (V001): one manuscript, one spelling dialect.

Texts here are written for the tests; none is read from ../shared."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.config import Config
from ficlint.rules.dialect._facts import DIALECT, DialectFacts
from ficlint.rules.dialect._variants import is_variant_spelling
from tests.conftest import ROOT, lint, run_cli

AMERICAN = """\
Mara had always loved the color of the harbor at dusk. Her favorite spot was the center of the old pier,
where the gray boards creaked and the neighbors' boats rocked in a rhythm she recognized from childhood.

She had traveled a long way to be here. The theater downtown had canceled its last show, and the program
was wrapped in her coat pocket. "I realize it sounds silly," she told Ben, "but I organized the whole trip
around this one evening." He shrugged, analyzed the sky, and offered a defense of the diner's pie.

Behind them a neighbor's kid was labeling jars of paint in every color: a humor she understood. The gray
gulls wheeled over the center of the bay. Later they traveled home, the honor of the evening theirs.
"""

BRITISH = """\
Mara had always loved the colour of the harbour at dusk. Her favourite spot was the centre of the old pier,
where the grey boards creaked and the neighbours' boats rocked in a rhythm she recognised from childhood.

She had travelled a long way to be here. The theatre in town had cancelled its last show, and the programme
was folded in her coat pocket. "I realise it sounds silly," she told Ben, "but I organised the whole trip
around this one evening." He shrugged, analysed the sky, and offered a defence of the café's pie.

Behind them a neighbour's kid was labelling jars of paint in every colour: a humour she understood. The grey
gulls wheeled over the centre of the bay. Later they travelled home, the honour of the evening theirs.
"""

# One word of each pattern, written the other way, appended as a paragraph of narration.
INTO_AMERICAN = ["colour", "theatre", "travelled", "realised", "analysed", "defence", "grey"]
INTO_BRITISH = ["color", "theater", "traveled", "realize", "analyzed", "defense", "gray"]


def _v001(text: str, **config: object) -> list[str]:
    return [text[d.start:d.end] for d in lint(text, "V001", **config) if d.rule == "V001"]


def _injected(passage: str, words: list[str]) -> str:
    return passage + "\nLater still, " + ", ".join(f"the {w} one" for w in words) + ", were all she noted.\n"


# -- auto: the manuscript's majority --------------------------------------------------------------------


def test_consistent_texts_give_nothing():
    assert _v001(AMERICAN) == []
    assert _v001(BRITISH) == []


@pytest.mark.parametrize("word", INTO_AMERICAN + ["favourite", "harbour", "centre", "cancelled", "recognised",
                                  "paralysed", "greyish", "neighbour", "colours"])
def test_a_british_spelling_injected_into_an_american_passage_is_found(word):
    assert _v001(_injected(AMERICAN, [word])) == [word]


@pytest.mark.parametrize("word", INTO_BRITISH + ["favorite", "harbor", "center", "canceled", "recognized",
                                 "paralyzed", "grayish", "colors"])
def test_an_american_spelling_injected_into_a_british_passage_is_found(word):
    assert _v001(_injected(BRITISH, [word])) == [word]


def test_every_british_spelling_injected_into_an_american_chapter_is_found():
    text = _injected(AMERICAN + "\n" + AMERICAN, INTO_AMERICAN)
    assert sorted(_v001(text)) == sorted(INTO_AMERICAN)


def test_every_american_spelling_injected_into_a_british_chapter_is_found():
    text = _injected(BRITISH + "\n" + BRITISH, INTO_BRITISH)
    assert sorted(_v001(text)) == sorted(INTO_BRITISH)


def test_message_says_what_the_manuscript_uses_and_the_fix_keeps_the_case():
    text = AMERICAN + "\nColour drained from her face. The COLOUR was gone.\n"
    found = {text[d.start:d.end]: d for d in lint(text, "V001")}
    assert set(found) == {"Colour", "COLOUR"}
    message = found["Colour"].message
    assert message.startswith('"Colour" is British; this manuscript spells it the American way')
    assert "color" in message and "times" in message
    assert found["Colour"].fixes[0].replacement == "Color"
    assert found["COLOUR"].fixes[0].replacement == "COLOR"
    assert found["Colour"].fixes[0].safe


def test_ise_message_names_the_endings():
    text = _injected(BRITISH, ["realize"])
    (diag,) = [d for d in lint(text, "V001")]
    assert diag.message.startswith('"realize" is spelt with -ize; this manuscript uses -ise')
    assert diag.fixes[0].replacement == "realise"


def test_a_manuscript_that_really_mixes_both_sides_gets_one_finding_naming_both():
    text = "The color of the sea. The colour of the sky. The center and the centre of it all.\n"
    (diag,) = lint(text, "V001")
    assert text[diag.start:diag.end] == "color"
    assert "mixes British spellings (colour, centre) with American ones (color, center)" in diag.message
    assert diag.fixes == ()


def test_oxford_spelling_is_british_with_ize():
    oxford = BRITISH.replace("recognised", "recognized").replace("realise", "realize").replace(
        "organised", "organized")
    assert _v001(oxford) == []
    facts = _facts(oxford)
    assert facts.dialect == "en-GB" and facts.oxford


def test_a_pattern_kept_on_the_other_side_throughout_an_american_chapter_is_one_finding():
    # an American chapter that writes "travelling" and "cancelled" throughout: a habit, not slips
    text = AMERICAN.replace("traveled", "travelled").replace("canceled", "cancelled").replace(
        "labeling", "labelling")
    text += "\nThe travellers marvelled at the travelling players and the labelled crates.\n"
    (diag,) = lint(text, "V001")
    assert text[diag.start:diag.end] == "travelled"
    assert diag.message.startswith('"travelled": this manuscript spells most words the American way')
    assert "keeps these British throughout (travelled, cancelled" in diag.message


def test_a_long_american_file_keeps_its_own_conventions():
    # a period American book: "mould" and "skilful" in a long file that never spells them otherwise
    text = (AMERICAN * 4) + "\nThe mould on the wall was a skilful forgery.\n"
    assert _v001(text) == []
    assert _v001(AMERICAN + "\nThe mould on the wall was a skilful forgery.\n") == ["mould", "skilful"]


def test_a_file_long_enough_to_be_checked_in_parts_keeps_the_conventions_of_the_whole_file():
    # past 120,000 characters a file is checked in parts (ficlint/parts.py); its conventions are
    # still those of the whole file, not of the part that happens to hold "mould"
    filler = "The dog ran along the road, and the boy followed it all the way home.\n\n" * 2000
    text = AMERICAN * 4 + "\n" + filler + "The mould on the wall was a skilful forgery.\n"
    assert len(text) > 140_000
    assert _v001(text) == []
    assert _v001(AMERICAN + "\n" + filler + "The mould on the wall was a skilful forgery.\n") == \
        ["mould", "skilful"]


def test_a_text_that_keeps_two_patterns_on_each_side_is_told_once_that_it_mixes():
    # -ll and -re British throughout, -or and -ize American throughout: consistently inconsistent
    text = AMERICAN.replace("traveled", "travelled").replace("theater", "theatre").replace(
        "canceled", "cancelled").replace("labeling", "labelling").replace("center", "centre")
    found = lint(text, "V001")
    assert len(found) == 1 and "keeps these British throughout (centre, travelled" in found[0].message


# -- words that are different words, proper nouns, speech -------------------------------------------------


@pytest.mark.parametrize("dialect", ["en-GB", "auto"])
def test_words_whose_other_spelling_is_a_different_word_are_not_flagged_on_that_side(dialect):
    text = (BRITISH + "\nShe would practice later; the practice was hers. He was licensed to drive and "
            "licensed to sell. The computer program crashed. Don't tire yourself. Check the meter. The dog "
            "strained at the curb of the lead. It's a long story. I'll draft a letter. Disk or disc, "
            "judgment or judgement, he never minded. The dialogue and the catalogue were fine.\n")
    assert _v001(text, dialect=dialect) == []


@pytest.mark.parametrize("dialect", ["en-US", "auto"])
def test_spellings_standard_in_both_dialects_are_not_british_in_an_american_manuscript(dialect):
    text = (AMERICAN + "\nHe drank the sleeping draught, and the Draught of Peace after it. The judges "
            "were biased, and biasing them further was easy. There were no cancellations.\n")
    assert _v001(text, dialect=dialect) == []
    assert _v001(text + "The old house let in draughts.\n", dialect=dialect) == ["draughts"]


def test_the_unambiguous_side_of_such_pairs_is_flagged_in_an_american_manuscript():
    text = _injected(AMERICAN, ["practise", "tyre", "cheque", "programme", "licence"])
    found = _v001(text, dialect="en-US")
    assert set(found) >= {"practise", "tyre", "cheque", "programme", "licence"}


@pytest.mark.parametrize("dialect", ["en-US", "en-GB", "auto"])
def test_proper_nouns_are_never_flagged(dialect):
    names = ("They sailed from Pearl Harbor to meet the Labour Party, the World Health Organization, "
             "the Rockefeller Center crowd and Mr. Gray of the Harbour Board. In Sydney the Harbour Bridge "
             "glowed. Gray said nothing; Grey Street was quiet.\n")
    for passage in (AMERICAN, BRITISH):
        text = passage + "\n" + names + "Mrs. Grey waved. Mr. Gray nodded.\n"
        flagged = _v001(text, dialect=dialect)
        assert not {"Harbor", "Labour", "Organization", "Center", "Harbour", "Gray", "Grey"} & set(flagged)


def test_a_british_spelling_in_speech_is_flagged_too_because_spelling_does_not_change_the_sound():
    text = AMERICAN + '\nThe visitor smiled. "What a lovely parlour, and such flavour."\n'
    assert _v001(text) == ["parlour", "flavour"]


def test_speech_is_held_to_the_same_word_spelt_the_other_way_in_the_file():
    text = AMERICAN + '\n"That color," she said, "is not the colour I ordered."\n'
    assert _v001(text) == ["colour"]


@pytest.mark.parametrize(("text", "flagged"), [
    ("He pumped up the tire of the car, checked the spare tire and the licence.", ["tire", "tire"]),
    ("Don't tire yourself; he tires easily and was licensed to drive.", []),
    ("She showed her driver's license at the gate.", ["license"]),
])
def test_tire_and_license_mark_american_english_only_as_nouns(text, flagged):
    assert _v001(BRITISH + "\n" + text + "\n") == flagged


def test_words_in_the_users_word_list_are_accepted():
    text = _injected(AMERICAN, ["colour"])
    assert _v001(text, words=("colour",)) == []


def test_headings_and_markup_are_not_spelling():
    text = "# The Colour of Magic\n\n" + AMERICAN + "\nSee <https://example.com/colour-guide> for more.\n"
    assert _v001(text, dialect="en-US") == []


# -- a configured dialect ------------------------------------------------------------------------------


def test_configured_american_flags_every_british_spelling():
    found = _v001(BRITISH, dialect="en-US")
    for word in ("colour", "harbour", "favourite", "centre", "grey", "recognised", "travelled", "theatre",
                 "cancelled", "programme", "realise", "organised", "analysed", "defence", "labelling"):
        assert word in found
    assert _v001(AMERICAN, dialect="en-US") == []


def test_configured_british_flags_american_spellings_and_ize():
    found = _v001(AMERICAN, dialect="en-GB")
    for word in ("color", "harbor", "favorite", "center", "gray", "recognized", "traveled", "theater",
                 "canceled", "realize", "organized", "analyzed", "defense", "labeling"):
        assert word in found
    assert "program" not in found  # a computer program is British too
    assert _v001(BRITISH, dialect="en-GB") == []


def test_oxendict_wants_ize_with_british_our_and_re():
    oxford = _v001(AMERICAN, dialect="en-GB-oxendict")
    assert "realize" not in oxford and "recognized" not in oxford
    assert {"color", "center", "analyzed"} <= set(oxford)  # Oxford spelling keeps -our, -re and -yse
    from_british = _v001(BRITISH, dialect="en-GB-oxendict")
    assert {"realise", "recognised", "organised"} == set(from_british)
    (diag,) = [d for d in lint("I realise it.", "V001", dialect="en-GB-oxendict")]
    assert "Oxford" in diag.message and diag.fixes[0].replacement == "realize"


def test_configured_dialect_in_the_config_file(tmp_path):
    (tmp_path / ".ficlint.yaml").write_text("dialect: en-US\n", encoding="utf-8")
    (tmp_path / "chapter.md").write_text("The colour of the sea was grey.\n", encoding="utf-8")
    result = run_cli("check", "--format", "json", "--no-cache", "--select", "V", str(tmp_path))
    found = [d for f in result.json()["files"] for d in f["diagnostics"]]
    assert {(d["rule"], d["category"]) for d in found} == {("V001", "dialect")}
    assert len(found) == 2


# -- the whole manuscript ----------------------------------------------------------------------------------


def test_the_majority_is_counted_over_every_file_checked_together(tmp_path):
    book = tmp_path / "book"
    book.mkdir()
    (book / "01.md").write_text(AMERICAN, encoding="utf-8")
    (book / "02.md").write_text("Chapter two.\n\nShe painted the door a brighter colour than before.\n",
                                encoding="utf-8")
    together = run_cli("check", "--format", "json", "--no-cache", "--select", "V", str(book))
    by_file = {Path(f["path"]).name: f["diagnostics"] for f in together.json()["files"]}
    assert by_file["01.md"] == []
    (diag,) = by_file["02.md"]
    assert diag["rule"] == "V001" and "American way" in diag["message"]
    named = run_cli("check", "--format", "json", "--no-cache", "--select", "V", str(book / "02.md"))
    assert [d for f in named.json()["files"] for d in f["diagnostics"]] == [diag]  # judged by the folder
    apart = tmp_path / "apart"
    apart.mkdir()
    (apart / "02.md").write_bytes((book / "02.md").read_bytes())
    alone = run_cli("check", "--format", "json", "--no-cache", "--select", "V", str(apart / "02.md"))
    assert [d for f in alone.json()["files"] for d in f["diagnostics"]] == []


def test_fix_replaces_the_minority_spelling_from_the_cli(tmp_path):
    chapter = tmp_path / "chapter.md"
    chapter.write_text(AMERICAN + "\nColour rose in her cheeks, a deeper colour than the sky.\n",
                       encoding="utf-8")
    run_cli("check", "--fix", "--no-cache", "--select", "V", str(chapter))
    fixed = chapter.read_text(encoding="utf-8")
    assert "Color rose in her cheeks, a deeper color than the sky." in fixed and "olour" not in fixed


def _facts(text: str, dialect: str = "auto") -> DialectFacts:
    ctx = Context(Config(dialect=dialect), frozenset({"V001"}))
    return DIALECT.combine([DIALECT.gather(AnalyzedDocument.from_text(text), ctx)], ctx)


def test_facts_for_other_families():
    assert _facts(AMERICAN).dialect == "en-US"
    british = _facts(BRITISH)
    assert british.dialect == "en-GB" and not british.oxford and british.british > 10
    assert _facts("The color of the sea. The colour of the sky.").dialect is None
    assert _facts("No variant spellings here at all.").dialect is None
    configured = _facts("Nothing here.", dialect="en-GB-oxendict")
    assert configured.dialect == "en-GB" and configured.oxford and configured.configured


def test_both_spellings_are_variant_spellings_for_the_spelling_check():
    for word in ("colour", "color", "Colour", "tyre", "tire", "practise", "practice", "realise", "realize"):
        assert is_variant_spelling(word)
    assert not is_variant_spelling("house")


# -- the data ----------------------------------------------------------------------------------------


NO_BREAME = importlib.util.find_spec("breame") is None


@pytest.mark.skipif(NO_BREAME, reason="breame (the data's source) is not installed")
def test_compiled_data_is_current_with_its_source_and_exceptions():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_dialect_data
    finally:
        sys.path.pop(0)
    with gzip.open(ROOT / "ficlint" / "data" / "dialect-variants.json.gz", "rt", encoding="utf-8") as fh:
        shipped = json.load(fh)
    assert shipped == build_dialect_data.build(), "run: python scripts/build_dialect_data.py"


def test_dialect_option_on_the_command_line(tmp_path):
    chapter = tmp_path / "chapter.md"
    chapter.write_text("She realised the colour of the sky had changed. He organized the theater trip.\n",
                       encoding="utf-8")

    def found(dialect: str) -> dict[str, str]:
        result = run_cli("check", "--format", "json", "--no-cache", "--select", "V", "--dialect", dialect,
                         str(chapter))
        return {d["message"].split('"')[1]: d for f in result.json()["files"] for d in f["diagnostics"]}

    assert set(found("en-US")) == {"realised", "colour"}
    assert set(found("en-GB")) == {"organized", "theater"}
    oxford = found("en-GB-oxendict")
    assert set(oxford) == {"realised", "theater"}
    assert "Oxford" in oxford["realised"]["message"]


# -- chapters, one-shots and writers who mix (issue 19) ------------------------------------------------

SHORT_AMERICAN_CHAPTER = (
    "Mom said the color of the old barn was the gray of rain. Dustin walked toward the center of town, past "
    "the theater and his favorite diner, where the neighbor's kid had traveled in from the fall fair. He "
    "realized he had left his flashlight behind, and the colour of the sky told him it was late. The "
    "neighbour's dog barked at the centre of the square.\n")


def test_a_clear_minority_is_flagged_even_in_one_short_chapter():
    assert sorted(_v001(SHORT_AMERICAN_CHAPTER)) == ["centre", "colour", "neighbour"]


def test_weak_signs_support_the_spellings_but_are_never_findings_on_their_own():
    # Mum and single-quoted speech lean British, but nothing here is a variant spelling to flag
    assert _v001("'Mum,' she said, 'I learnt it whilst you were out. Mum, are you listening?'\n") == []


def test_ize_and_weak_signs_alone_make_no_american_manuscript_to_hold_grey_against():
    # -ize is Oxford British too: without one American spelling of another kind, "grey" is no slip
    text = ("My mom learned to apologize. Mom said Mr. Smith had learned it too. She realized it was late, "
            "recognized the road and organized the bags. Mr. Jones emphasized the plan. Her mom smiled. "
            "He looked at the grey sky. It was a long day.\n")
    assert _v001(text) == []
    # (grey is common in American writing: it takes three American spellings, not one, to call it a slip)
    shown = text.replace("It was a long day.", "Her favorite color was the blue at the center.")
    assert _v001(shown) == ["grey"]


def _chapters(folder: Path, texts: list[str], names: list[str]) -> None:
    folder.mkdir()
    for name, text in zip(names, texts, strict=True):
        (folder / name).write_text(text, encoding="utf-8")


def _flagged_by_file(folder: Path) -> dict[str, list[str]]:
    result = run_cli("check", "--format", "json", "--no-cache", "--select", "V", str(folder))
    out = {}
    for f in result.json()["files"]:
        text = Path(f["path"]).read_text(encoding="utf-8")
        out[Path(f["path"]).name] = [text[d["start"]["offset"]:d["end"]["offset"]] for d in f["diagnostics"]]
    return out


CH1 = "Chapter one.\n\nMom painted the porch a brighter color and hung the gray flag by the center door.\n"
CH2 = "Chapter two.\n\nMom said his favorite color was gray; he traveled to the theater at noon.\n"
CH3 = "Chapter three.\n\nThe colour of the sky at the centre of town was grey, and the harbour was quiet.\n"


def test_a_chapter_of_three_written_the_other_way_is_that_chapters_slip(tmp_path: Path):
    book = tmp_path / "book"
    _chapters(book, [CH1, CH2, CH3], ["chapter-1.md", "chapter-2.md", "chapter-3.md"])
    found = _flagged_by_file(book)
    assert found["chapter-1.md"] == [] and found["chapter-2.md"] == []
    assert sorted(found["chapter-3.md"]) == ["centre", "colour", "grey", "harbour"]


def test_a_folder_of_unrelated_one_shots_does_not_pool_their_dialects(tmp_path: Path):
    shots = tmp_path / "one-shots"
    british = "The colour of the harbour was grey; she realised the theatre was shut.\n"
    american = "The color of the harbor was gray; she realized the theater was shut.\n"
    _chapters(shots, [british, british, american], ["rain.md", "tea.md", "night-drive.md"])
    assert _flagged_by_file(shots) == {"rain.md": [], "tea.md": [], "night-drive.md": []}


def test_a_consistently_mixed_manuscript_is_told_once_naming_both_sides(tmp_path: Path):
    book = tmp_path / "mixed"
    chapter = "She realised the colour of the honour guard was gray; the theater at the center was full.\n"
    _chapters(book, [chapter, chapter.replace("She", "He")], ["chapter-1.md", "chapter-2.md"])
    found = _flagged_by_file(book)
    assert found["chapter-2.md"] == [] and len(found["chapter-1.md"]) == 1
    result = run_cli("check", "--no-cache", "--select", "V", str(book))
    assert "mixes British spellings" in result.stdout and "American ones" in result.stdout


# -- spellings the manuscript's own dialect commonly uses (build_dialect_evidence.py: leaks) ------------

_THIN_AMERICAN = ("Her favorite sweater was the color of the sea. She pulled it on and went down to the "
                  "kitchen, where her brother was reading the paper.\n")


def test_grey_in_a_chapter_with_thin_american_evidence_is_a_common_habit_not_a_slip():
    text = _THIN_AMERICAN + "Outside, the sky was grey and low over the roofs.\n"
    assert _v001(text) == []


def test_grey_is_flagged_beside_gray_or_beside_enough_american_spellings():
    beside_gray = _THIN_AMERICAN + "The gray cat slept. Outside, the sky was grey and low.\n"
    assert _v001(beside_gray) == ["grey"]
    shown = _THIN_AMERICAN + "He had traveled to the center of town. Outside, the sky was grey and low.\n"
    assert _v001(shown) == ["grey"]
    assert [d.fixes[0].replacement for d in lint(shown, "V001")] == ["gray"]


def test_a_rarely_leaking_spelling_is_still_flagged_on_thin_evidence():
    assert _v001(_THIN_AMERICAN + "Outside, the colour of the sky was low and dull.\n") == ["colour"]


# grey throughout, never gray: with two American spellings it is V001's common habit (no slip), so it
# is no "kept throughout" mix either; with three it is one, and the manuscript is told so once
_GREY_THROUGHOUT = ("The color of the center of the lake was grey. The grey water lay still; her color rose "
                    "at the center of the grey room. The color of the center was grey again.\n")


def test_grey_kept_throughout_a_thinly_american_manuscript_is_no_mix():
    assert _v001(_GREY_THROUGHOUT) == []


def test_grey_kept_throughout_a_clearly_american_manuscript_is_told_once():
    text = _GREY_THROUGHOUT + "It was her favorite place, her favorite color.\n"
    (diag,) = lint(text, "V001")
    assert text[diag.start:diag.end] == "grey"
    assert "keeps these British throughout (grey)" in diag.message
