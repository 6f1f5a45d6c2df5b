"""Session 37: edited books (non-fiction, verse, footnotes, old typography) through the real CLI. Each
test pairs what a book does on purpose, which must stay quiet, with the slip the rule must still
flag (and its fix)."""

from __future__ import annotations

from conftest import rule_findings

from ficlint.parts import PART_CHARS

BRACKETS = (
    "He was become (June 19) \"a writing automaton,\" and suffered much pain (Plate, Figure 4) too.\n\n"
    "It carried up shingles, staves[8], and one small wooden house. Two side plates, (iii iii) hold it.\n\n"
    "\"You are a Sahib Angrezie, [English gentleman;] I have been a Telinga [a private soldier] here.\"\n\n"
    "[8] I suppose shingles, staves, timber, and other lumber.\n\n"
    "[Illustration:\n\n  _Plate VI._      MARITIME OBSERVATIONS.\n\n"
    "_Published as the Act directs, April 1, 1806, by Longman._]\n\n"
    "She smiled (she always did at him. Then she left.\n")


def test_brackets_of_books_pair_and_an_unclosed_aside_is_still_flagged(tmp_path):
    assert rule_findings(tmp_path, BRACKETS, "M009") == [("M009", "(", "")]


def test_a_caption_in_brackets_is_not_cut_by_the_parts_of_a_long_file(tmp_path):
    paragraph = "The wind rose over the water and the spout came on. " * 12 + "\n\n"
    caption = ("[Illustration:\n\n_PROFILE OF THE PENSYLVANIA CHIMNEY._\n\n_STAFFORDSHIRE FIRE-PLACE._\n\n"
               "_Published by Longman, Paternoster Row._]\n\n")
    text = paragraph * (PART_CHARS // 2 // len(paragraph) + 2) + caption * 3 + paragraph * (
        PART_CHARS // len(paragraph))
    assert rule_findings(tmp_path, text, "M009") == []


def test_figure_labels_are_no_doubled_words_but_a_doubled_word_is(tmp_path):
    text = ("The water rises in the column W W, and the groove Z Z receives the plates (iv iv) below.\n\n"
            "We have no sailing-boats equal to the flying proas of of the South Seas.\n")
    assert rule_findings(tmp_path, text, "M005") == [("M005", "of of", "")]


def test_citations_regnal_numerals_and_titles_start_no_sentence(tmp_path):
    text = ("ANNE OF GEIERSTEIN\n\nby\n\nSIR WALTER SCOTT\n\n"
            "The first is from Vol. I. p. 451. In Fig. I. which is a plan, the circle is small.\n\n"
            "It is above (_i. e._) the bigness the same. "
            "At one P.M. the Start bore WNW. distant six leagues.\n\n"
            "This is one way a proof of my hypothesis, viz. as whirlwinds do not come under a cloud.\n\n"
            "Every now and then Francis I. sent for her. \u201cLook,\u201d whispered Mme. du Tillet.\n\n"
            "See the _Decameron, Giorn_. vi. _Nov. 9_, and the Vita Nuova_. p. 343, lib. iii. cap. i.\n\n"
            "She left. he stayed behind.\n")
    assert rule_findings(tmp_path, text, "M004") == [("M004", "he", "H")]


def test_a_title_one_person_goes_by_owns_with_an_apostrophe(tmp_path):
    text = ("He bowed to the Landamman. The Landamman said nothing, and the guest of the Landamman, "
            "silent.\n\nHe had been the Landamman's guest. It was Anastasia, four a's.\n\n"
            "They met Ginny Weasley there. The Weasley's kitchen was warm.\n")
    assert rule_findings(tmp_path, text, "M010") == [("M010", "Weasley's", "Weasleys'")]


def test_notes_omissions_figures_and_letters_end_as_their_edition_set_them(tmp_path):
    text = ("He went home.\n\n[*] See M. Zola's novel, _The Fortune of the Rougons_.--Translator\n\n"
            "Lastly, I think I would impress ****\n\nAnd in the syllable _wis_, and syllable _bove_\n\n"
            "[Illustration (music): God-like _wis_dom _from_ a-_bove_]\n\n"
            "It explains its succeeding in some cases. With the highest esteem and respect,\n\n"
            "I am, dear Sir, your most obedient humble servant,\n\nB. FRANKLIN.\n\n"
            "Produced by Stan Goodman and PG Distributed\nProofreaders\n\n"
            "He placed a soft kiss on her forehead and then headed out the door\n\nShe left.\n")
    assert rule_findings(tmp_path, text, "M006") == [("M006", "door", ".")]


def test_a_possessive_after_a_numeral_is_no_closing_quote(tmp_path):
    text = ("'Come in,' said the queen. 'The king is away.'\n\n"
            "Charles II.'s expedition proved an absolute failure, and once more he took refuge in France.\n\n"
            "Towards the end of Edward III.'s reign there died Humphrey de Bohun.\n\n"
            "'We shall see,' she said. 'Perhaps.'\n")
    assert rule_findings(tmp_path, text, "D011") == []


def test_till_opening_a_single_quoted_speech_is_its_opening_quote(tmp_path):
    text = ("'I must go,' said the visitor.\n\n"
            "'Till we have the pleasure of meeting again, my dear sir,' said Bazarov, "
            "conducting his visitor to the door.\n\nShe waited 'till dawn. 'Sorry,' she said.\n")
    assert rule_findings(tmp_path, text, "D011") == []


VERSE = ("After solution of my doubt, thy Charles,\nO fair Clemenza, of the treachery spake\n"
         "That must befall his seed: but, \"Tell it not,\"\n"
         "Said he, \"and let the destin'd years come round.\"\n"
         "Nor may I tell thee more, save that the meed\nOf sorrow well-deserv'd shall quit your wrongs.\n\n")


def test_verse_capitals_open_lines_not_speech_tags(tmp_path):
    prose = "\"Tell it not,\" Said he, and turned away from the window to the fire.\n"
    assert rule_findings(tmp_path, VERSE + prose, "D002") == [("D002", "Said", "s")]


PERIOD = "He came to-day, and will go to-morrow, as he did to-day.\n\n"


def test_a_period_edition_keeps_its_subjunctive_were_but_not_a_slip(tmp_path):
    text = (PERIOD + "It were therefore to be wished, that commerce were as free as it is.\n\n"
            "It is high time, for the sake of humanity, that a stop were put to this.\n\n"
            "Her eyes were dark. Her brow were a slender black velvet line.\n")
    assert rule_findings(tmp_path, text, "G004") == [("G004", "were", "was")]


def test_as_after_such_is_a_relative_and_a_participle_before_a_plural_is_an_adjective(tmp_path):
    text = ("The kitchen glistened in an atmosphere of comfort such as attends good digestion.\n\n"
            "Such attractions take place in many other known instances.\n\n"
            "It diminished by the substance it afforded to organised bodies.\n\n"
            "I learnt it from one of your sex, who told me.\n\n"
            "He sank into Harry's embrace as begins to drift off.\n")
    assert rule_findings(tmp_path, text, "G002,G011,G013") == [("G011", "begins", "")]
