"""M006 missing-end-punctuation: a paragraph of narration that ends without a full stop, ? or !."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.document import Paragraph, RegionKind
from ficlint.document.structure import credits_the_work
from ficlint.resources import data_words, load_data
from ficlint.rule import Rule, examples

RULE = Rule(
    id="M006",
    name="missing-end-punctuation",
    category="punctuation",
    summary="A paragraph of narration that ends without a full stop, question or exclamation mark.",
    why="A paragraph that just stops looks unfinished; readers wonder whether text is missing.",
    examples=examples(
        ("He placed a soft kiss on her forehead and then headed out the door",
         "He placed a soft kiss on her forehead and then headed out the door."),
        ("\"Wait,\" she said, and began to cry again", "\"Wait,\" she said, and began to cry again."),
        ("She sat staring at the dying embers,\n\nSighing, she stood up.",
         "She sat staring at the dying embers.\n\nSighing, she stood up."),
    ),
    allows=("He headed out the door.", "Chapter Three", "* * *", "*Meet me at eight*",
            "Thanks for reading ;p", "31st May 1975\nSirius didn't understand.",
            "Because I can't stop crying\n\nThe gas crawls down my throat\n\nAnd leaves.",
            "He packed:\n\n- a torch\n- a rope",
            "With warm regard, I remain your lordship's\n\nMost obedient servant,\n\nMulberry Sellers.",
            "They made a banner bearing the legend\n\n     SHE IS NEARLY WELL THANK YOU\n\nand hung it out.",
            "**July 4** **th** **1928, New York City**\n\nNewt appeared in the flat.",
            "He left.\n\n____________\n\n3 Hours earlier\n\nShe packed.",
            "‘*Stop poking the map.*’\n*– Mr. Padfoot*\n\nHarry stared.",
            "Perhaps I shall owe to your curiosity the happiness of taking you by the hand. Always yours,"
            "\n\nBouvard.",
            "He beg you to consider me a friend; I send you our best wishes, with the respects of\n\n"
            "Your very affectionate servant, Emilie.",
            "From the moor and from the west a poor light it lonely shines,\ntells a song to the black "
            "water\nAnd the storm sings wild and bold and in froth around the shores\nfor a flower and a "
            "Hufflepuff is dead",
            "COPYRIGHT\n\n_First published by Macmillan and Co._, _Crown_ 8_vo,_ 1902\n\n"
            "_Reprinted_ 1907, 1911",
            "Trees fall in the forest and make sounds\n\n~Amal El-Mohtar, This Is How You Lose the Time War",
            "*We're all meeting at the Leaky Cauldron this evening, you should join. Best,* *Dedalus*",
            "See the novel, _The Fortune of the Rougons_.--Translator",
            "And in the syllable _wis_, and syllable _bove_\n\n[Illustration (music): God-like _wis_dom]",
            "Lastly, I think I would impress ****",
            "Produced by Stan Goodman and PG Distributed\nProofreaders",
            "Your obliged and affectionate\n\nLEIGH HUNT.",
            "It was so. With the highest esteem and respect,\n\n"
            "I am, dear Sir, your most obedient humble servant,\n\nB. FRANKLIN."),
    fix_safety="Unsafe: the paragraph may want a question mark or an exclamation mark, not a full stop.",
)

_EMOTICON_END = re.compile(r"(?:[:;=xX8][-']?[)(\]\[dDpPoO3/\\|*]|<3|\^_*\^|[xX][dD]|T_T|[)(]+)\s*$")
# the characters an emoticon can end with: a body whose last one is not has none at its end,
# and the search (which tries every position of the paragraph) can be skipped
_EMOTICON_LAST = frozenset(")(][dDpPoO3/\\|*^T")
_TRAILING_MARKS = " \t*_~"
_LAST_WORD = re.compile(r"[\w'’-]+$")
_VERSE_LINE = 60  # characters: longer lines are prose, not verse
_LETTER_LINE_WORDS = 6
_LIST_ITEM = re.compile(r"^(?:[-*•+]|\d{1,2}[.)]|[a-z][.)])\s")


# asterisks standing as a word at the end: the rest of the sentence left out ("I would impress ****")
_OMITTED = re.compile(r"\s\*{3,}[ \t]*$")
# a note signed after its last sentence by who wrote it ("... the Rougons_.--Translator", "—Ed.")
_ATTRIBUTED = re.compile(r"[.!?][\"”’)_*]*[ \t]*(?:--|—|–)[ \t]*[A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,2}$")


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    text = doc.text
    for para in doc.paragraphs:
        if para.kind is not RegionKind.NARRATION or para.indented or _leads_into_indented_block(doc, para) \
                or _leads_into_figure(doc, para):
            continue
        regions = [r for r in doc.paragraph_regions(para.index) if r.kind is not RegionKind.MARKUP]
        if not regions or regions[-1].kind is not RegionKind.NARRATION:
            continue
        last = regions[-1]
        body = text[last.start:last.end].rstrip(_TRAILING_MARKS)
        if not body or body.rstrip()[-1:] in _EMOTICON_LAST and _EMOTICON_END.search(body):
            continue
        if _OMITTED.search(text, last.start, last.end) or _ATTRIBUTED.search(body):
            continue
        if body[-1] != "," and not body[-1].isalnum():
            continue  # ends in punctuation: asked here, before the costlier tests, as most paragraphs do
        block = text[para.start:para.end]
        if _whole_paragraph_emphasised(doc, para) or _set_out_in_lines(doc, para, block):
            continue
        end = last.start + len(body)
        if body[-1] == ",":
            # "Dear Harry," and "Yours truly," open and close letters
            if len(block.split()) > _LETTER_LINE_WORDS and _next_starts_a_sentence(doc, para) \
                    and not _closes_a_letter(doc, para, body):
                yield Diagnostic(RULE.id, end - 1, end,
                                 "The paragraph ends with a comma, and the next one starts a new sentence: "
                                 "end this one with a full stop (or join the two paragraphs).",
                                 (Fix(end - 1, end, ".", safe=False),))
            continue
        if not body[-1].isalnum() or _before_letter_closing(doc, para):
            continue
        word = _LAST_WORD.search(body)
        start = end - len(word.group(0)) if word else end - 1
        yield Diagnostic(RULE.id, start, end,
                         "The paragraph ends without punctuation: finish the sentence with a full stop "
                         "(or ? or !).",
                         (Fix(end, end, ".", safe=False),))


def _set_out_in_lines(doc: AnalyzedDocument, para: Paragraph, block: str) -> bool:
    """A short label line ("Love, Mum"), a signature ("– Mr. Padfoot"), verse or lyrics (short lines,
    or lines not broken where a wrapped paragraph breaks, in one paragraph or in a run of one-line
    paragraphs), or a list: not prose that should end in a full stop."""
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    if len(lines) == 1 and (_is_short_label(lines[0]) or _is_title_line(lines[0])):
        return True
    if len(lines) == 1 and _SIGNED.match(lines[0]) and len(lines[0].split()) <= _LETTER_LINE_WORDS:
        return True  # a letter's closing over its signature: "Your obliged and affectionate"
    if credits_the_work(block):
        return True  # "Produced by Stan Goodman and PG Distributed / Proofreaders"
    if _SIGNATURE.match(lines[-1].rstrip(_TRAILING_MARKS)) or _is_publishing_record(lines) \
            or _signed_off().search(lines[-1]) or _above_a_signature(doc, para):
        return True
    if len(lines) >= 2 and all(len(line) <= _VERSE_LINE for line in lines):
        return True  # verse, lyrics, a list set out line by line
    if len(lines) >= 3 and _broken_as_verse(lines):
        return True
    if any(_LIST_ITEM.match(line) for line in lines):
        return True
    return len(lines) == 1 and len(lines[0]) <= _VERSE_LINE and any(
        _short_unfinished(doc, other) for other in _neighbours(doc, para))


def _above_a_signature(doc: AnalyzedDocument, para: Paragraph) -> bool:
    """Is the next paragraph a signature or a source ("~Amal El-Mohtar, This Is How You Lose the Time
    War"): this one is a letter or a quoted epigraph, set as its writer set it?"""
    following = [p for p in _neighbours(doc, para) if p.index > para.index]
    if not following:
        return False
    line = doc.text[following[0].start:following[0].end].strip()
    line = line.rstrip(_TRAILING_MARKS)
    return "\n" not in line and (_SIGNATURE.match(line) is not None or _SOURCE.match(line) is not None)


def _is_publishing_record(lines: list[str]) -> bool:
    """Front matter's record of editions ("First published by Macmillan, Crown 8vo, 1902", "Reprinted
    1907, 1911, 1916"): a short block ending in a year, with several years or a word of printing."""
    block = " ".join(lines).replace("_", " ").replace("*", " ")
    if len(lines) > 3 or not _ENDS_IN_YEAR.search(block):
        return False
    return len(_YEAR.findall(block)) >= 2 or _printing().search(block) is not None


def _broken_as_verse(lines: list[str]) -> bool:
    """Lines broken by hand, not wrapped: a wrapper breaks a line only when the next word would not
    fit, so a line that could have taken the next word within the longest line was set out as verse,
    and most of its lines end without a sentence's end."""
    width = max(len(line) for line in lines)
    early = sum(1 for line, nxt in zip(lines, lines[1:], strict=False)
                if len(line) + 1 + len(nxt.split()[0]) <= width)
    unfinished = sum(1 for line in lines[:-1] if line[-1] not in ".!?…\"”’")
    return early >= 1 and 3 * early >= len(lines) - 1 and 2 * unfinished >= len(lines) - 1


def _closes_a_letter(doc: AnalyzedDocument, para: Paragraph, body: str) -> bool:
    """A letter's closing before its signature ("Always yours, // Bouvard.", "I can sign myself, in all
    sincerity, // Your servant, Ursula Mirouet."): a closing word at the end, a short line after."""
    following = [p for p in _neighbours(doc, para) if p.index > para.index]
    if not following or not _closing_words().search(" ".join(body.split()[-_CLOSING_REACH:])):
        return False
    line = doc.text[following[0].start:following[0].end].strip()
    # the closing runs on in a line of its own: "I am, dear Sir, your most obedient humble servant,"
    return "\n" not in line and (len(line.split()) <= _LETTER_LINE_WORDS
                                 or line.endswith(",") and _closing_words().search(line) is not None)


def _short_unfinished(doc: AnalyzedDocument, para: Paragraph) -> bool:
    """A one-line narration paragraph, short, that ends without a sentence's end: a line of verse."""
    block = doc.text[para.start:para.end].strip()
    return para.kind is RegionKind.NARRATION and "\n" not in block and len(block) <= _VERSE_LINE \
        and block[-1:].isalnum()


def _neighbours(doc: AnalyzedDocument, para: Paragraph) -> list[Paragraph]:
    paragraphs = doc.paragraphs
    found = []
    for step in (-1, 1):
        i = para.index + step
        while 0 <= i < len(paragraphs) and paragraphs[i].kind is RegionKind.MARKUP:
            i += step
        if 0 <= i < len(paragraphs):
            found.append(paragraphs[i])
    return found


def _next_starts_a_sentence(doc: AnalyzedDocument, para: Paragraph) -> bool:
    """Is the next paragraph narration that opens with a capital (`Sighing, she left.`)?"""
    following = [p for p in _neighbours(doc, para) if p.index > para.index]
    if not following or following[0].kind is not RegionKind.NARRATION or following[0].indented:
        return False
    first = doc.text[following[0].start:following[0].end].lstrip(" \t*_")[:1]
    return first.isupper()


def _before_letter_closing(doc: AnalyzedDocument, para: Paragraph) -> bool:
    """Does a letter's closing follow, a short line ending in a comma (`I remain your lordship's //
    Most obedient servant, // Mulberry Sellers`)? The sentence runs on through it to the signature."""
    following = [p for p in _neighbours(doc, para) if p.index > para.index]
    if not following or following[0].kind is not RegionKind.NARRATION:
        return False
    line = doc.text[following[0].start:following[0].end].strip()
    words = len(line.split())
    return "\n" not in line and (words <= _LETTER_LINE_WORDS and line.endswith(",")
                                 or words <= _SIGNED_LINE_WORDS and _SIGNED.match(line) is not None)


def _leads_into_indented_block(doc: AnalyzedDocument, para: Paragraph) -> bool:
    """Does the paragraph run on into an indented block: verse, a sign, a
    letter ("a banner bearing the legend / SHE IS NEARLY WELL")?"""
    paragraphs = doc.paragraphs
    for i in range(para.index + 1, len(paragraphs)):
        if paragraphs[i].kind is not RegionKind.MARKUP:
            return paragraphs[i].indented and paragraphs[i].kind is not RegionKind.SCENE_BREAK
    return False


def _leads_into_figure(doc: AnalyzedDocument, para: Paragraph) -> bool:
    """Does the sentence run on into a figure, a table or music set in brackets by the edition
    ("and the word _from_, and syllable _bove_ // [Illustration (music): ...]")? An edition labels it,
    a word and a colon; a story's "[Flashback]" or "[A/N: ...]" after a paragraph is no figure."""
    following = [p for p in _neighbours(doc, para) if p.index > para.index]
    return bool(following) and _FIGURE_LABEL.match(doc.text, following[0].start, following[0].end) is not None


# an edition's label opening a figure in brackets: "[Illustration:", "[Illustration (music):", "[Table 2:"
_FIGURE_LABEL = re.compile(r"\[[A-Z][a-z]+(?:[ \t]+\w+)?(?:[ \t]*\([^)\n]*\))?:")


def _whole_paragraph_emphasised(doc: AnalyzedDocument, para: Paragraph) -> bool:
    return any(s.start <= para.start + 1 and s.end >= para.end - 1 for s in doc.emphasis)


def _is_title_line(line: str) -> bool:
    """A short line set like a title, a dateline or a place above the text ("31st May 1975",
    "July 4th 1928, New York City", "Grimmauld Place, London", "The Day of the Match"): its words are
    capitalised or numbers, bar the small words of titles; or a time skip over a scene ("3 Hours
    earlier", "Two weeks later")."""
    if _time_skip().match(line):
        return True
    words = [w for w in _TITLE_WORD.findall(line) if w.lower() not in _ORDINAL_ENDINGS]
    small = data_words("letters", "title_small_words")
    return 0 < len(words) <= _TITLE_LINE_WORDS and words[0][0].isalnum() and all(
        w[0].isupper() or w[0].isdigit() or w.lower() in small for w in words)


_TITLE_WORD = re.compile(r"[\w'’]+")
_ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})  # "July 4**th**" set apart by emphasis
_TITLE_LINE_WORDS = 6
# a signature under a letter or a note, or the source under an epigraph: a dash and a name ("– Mr.
# Padfoot", "-- Love, Mum", "~Amal El-Mohtar, This Is How")
_SIGNATURE = re.compile(r"^[*_]*\s*(?:-{1,2}|–|—|~)\s*[*_]*[A-Z][\w.'’]*(?:,? [A-Z][\w.'’]*){0,3}[*_]*$")
# the complimentary close that a letter's last sentence runs into ("... call myself // Your Savinien.")
# an epigraph's source: a dash, a name, a comma and a title in capitals ("~Amal El-Mohtar, This Is How
# You Lose the Time War"), not dash-set speech ("– I know, he said.")
_SOURCE = re.compile(
    r"^[*_]*\s*(?:-{1,2}|–|—|~)\s*[*_]*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3},\s*[*_]*[A-Z][\w'’-]*"
    r"(?: (?:[A-Z][\w'’-]*|of|the|a|an|and|in|on|to|for|at|by))*[*_]*$")
_SIGNED = re.compile(r"^[*_]*(?:Your|Yours)\b")
# a sign-off that ends the paragraph it closes ("... you should join. Best,* *Dedalus*")
_CLOSING_REACH = 4
_SIGNED_LINE_WORDS = 10
_YEAR = re.compile(r"\b1[5-9]\d\d\b|\b20\d\d\b")
_ENDS_IN_YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\W*$")


def _alternation(key: str) -> str:
    return "|".join(re.escape(str(w)) for w in load_data("letters")[key])


# what may stand around a time skip: emphasis and ornaments (`~`, `---`, `(`), never a quotation mark
_SKIP_ORNAMENT = r"[*_~()\[\]\s\-–—:…•=+#]*"


@cache
def _time_skip() -> re.Pattern[str]:
    return re.compile(rf"^{_SKIP_ORNAMENT}(?:(?:{_alternation('time_skip_leads')}){_SKIP_ORNAMENT}\s)?"
                      rf"(?:\d+|{_alternation('time_skip_counts')})\s+(?:\w+\s+)?"
                      rf"(?:{_alternation('time_skip_units')})\s+(?:{_alternation('time_skip_directions')})"
                      rf"{_SKIP_ORNAMENT}$", re.I)


@cache
def _signed_off() -> re.Pattern[str]:
    return re.compile(rf"(?:^|[.!?]\W*\s)[*_]*(?i:{_alternation('sign_offs')})[,.][*_\s]+"
                      r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}[*_\s]*$")


@cache
def _closing_words() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alternation('closing_words')})\W*$", re.I)


@cache
def _printing() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alternation('printing_words')})\b", re.I)


def _is_short_label(line: str) -> bool:
    """A one- or two-word line such as a sign-off or a text message name ("Love, Mum")."""
    return len(line.split()) <= 2
