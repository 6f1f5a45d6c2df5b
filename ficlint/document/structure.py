"""Block structure: paragraphs, headings, scene breaks, chat logs, author's notes, markup.

Manuscripts come as Markdown or as plain text, hard-wrapped (paragraphs
separated by blank lines) or one paragraph per line. None of this knows about
any rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficlint.document.furniture import chat_blocks, is_ornament
from ficlint.document.model import RegionKind, Span

_BLANK_LINE = re.compile(r"\n(?:[ \t]*\r?\n)+")
_LINE = re.compile(r"[^\n]*\n?")
_FRONT_MATTER = re.compile(
    r"\A(?:---|\+\+\+)[ \t]*\r?\n(?:.*?\r?\n)?(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
# A code fence must be closed; a `~~~` fence needs an info string (`~~~text`),
# because a bare `~~~` line in fiction is a scene break.
_FENCE = re.compile(
    r"^[ \t]{0,3}(?:(?P<ticks>`{3,})[^`\n]*|(?P<tildes>~{3,})[ \t]*[A-Za-z][^\n]*)\r?\n.*?"
    r"^[ \t]{0,3}(?:(?P=ticks)|(?P=tildes))[`~]*[ \t]*\r?$",
    re.M | re.S,
)
# Each pattern starts with a literal so the regex engine can skip ahead fast.
# Each pattern with the strings one of which every match contains: a novel has none of most, and
# `in` finds that out many times faster than a scan with a pattern that may start anywhere.
_INLINE_MARKUP = [
    (re.compile(r"<!--.*?-->", re.S), ("<!--",)),  # HTML comment
    (re.compile(r"`[^`\n]+`"), ("`",)),  # inline code
    (re.compile(r"(?<=\])\([^)\s]*(?:\s+\"[^\"]*\")?\)"), ("](",)),  # link target
    (re.compile(r"^\[[^\]\n]+\]:[^\n]*", re.M), ("]:",)),  # link reference definition
    (re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]*)?/?>"), ("<",)),  # HTML tag
    (re.compile(r"(?:https?://|www\.)[^\s<>()\"“”]+[^\s<>()\"“”.,;:!?'’]"), ("http", "www.")),  # URL
]
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+\w")


_SCENE_BREAK = re.compile(r"^[ \t]*(?:(?:[*\-~#=_•·+oOxX0][ \t]*){3,}|<hr\s*/?>|§)[ \t]*$")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]|$)")
_SETEXT = re.compile(r"\r?\n[ \t]*(?:=+|-+)[ \t]*$")
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|first|second|third|fourth|"
    "fifth|sixth|seventh|eighth|ninth|tenth|last|final"
)
_CHAPTER = re.compile(
    r"^[ \t*_]*(?:(?:chapter|part|book|volume|act|scene|ch\.?)[ \t]+(?:\d+|[IVXLCDMivxlcdm]+\b|"
    + _NUMBER_WORDS
    + r")\b|(?:prologue|epilogue|interlude|afterword|foreword|preface|the end)\b)",
    re.I,
)
_NUMERAL_LINE = re.compile(r"^[ \t*_]*(?:[IVXLCDM]+|\d+)\.?[ \t*_]*$")
_AUTHOR_NOTE = re.compile(
    r"^(?:[ \t]*[=~*_#-]{3,}[ \t]*\r?\n)?"  # a rule line above the label ("=====" / "**Author’s Notes:**")
    r"[ \t*_>#]*(?:A/N|A\.N\.|AN:|author['’]?s?['’]?\s*notes?\b|P\.?S\.?(?=[\s:.,-])|P\.P\.S|disclaimer\s*:|"
    r"note\s*:|beta'?d?\s+by|warnings?\s*:)",
    re.I,
)
# Labels a character's letter can carry too ("P.S. Mother sends her regards"):
# a note only at the start or end of the file, or right after another note.
_STORY_LABEL = re.compile(r"^[ \t*_>#]*(?:P\.?S\.?(?=[\s:.,-])|P\.P\.S|note\s*:|warnings?\s*:)", re.I)
# An author's note that carries no "A/N" label still talks to the reader about
# the story as a story; two such cues in a paragraph at the very start or end
# of a file make it a note.
_READER_CUES = re.compile(
    r"\b(?:fan ?fic(?:tion)?s?|fics?|one-?shots?|R ?& ?R|reviews?|reviewing|kudos|favou?rites?|"
    r"updates?|updating|(?:next|this|last|first|new) chapter|(?:thanks?|thank you)(?: \w+)? for reading|"
    r"hope (?:you|u)(?: \w+)? (?:enjoy|like)(?:ed|d)?|(?:do not|don't|dont) own|disclaimer|"
    r"beta(?:'?d| reader)?|"
    r"what (?:did|do) you(?: \w+)? think|read and review)\b"
    r"|(?<![\w:;])(?:[:;=][-']?[)(DPp3]|<3|[xX][dD])(?![\w)(])",
    re.I,
)
_WEAK_READER_CUES = re.compile(r"\b(?:comments?|follows?|let me know|please|plz)\b", re.I)
_HEADER_LABEL = re.compile(
    r"^[ \t*_]*(?:summary|rating|pairings?|ships?|characters|fandom|genre|warnings?|spoilers?|time ?line|"
    r"setting|word ?count|prompt|dedication|disclaimer|beta|author|category|background(?: info(?:rmation)?)?)"
    r"[ \t*_]*(?::|[-–—](?![\w-]))",
    re.I,
)
# A line that credits someone for the work or disclaims it: a note at the file's edge, not the story.
_CREDIT = re.compile(
    r"^[ \t*_]*(?:as )?(?:presented|written|translated|edited|illustrated|beta'?e?d|proofread|inspired|"
    r"produced|prepared|transcribed|e-text prepared) by\b"
    r"|\b(?:love|thanks|credit|kudos)(?: \w+)? (?:goes|go) (?:out )?to\b"
    r"|^[ \t*_]*(?:i )?(?:do not|don't|don’t|dont) own\b",
    re.I,
)
_CREDIT_WORDS = 20
_EDGE_NOTE_REACH = 3  # paragraphs at each end of a file that may be unlabelled notes
_EDGE_NOTE_MAX_CHARS = 600
_SMALL_WORDS = frozenset(("a", "an", "the", "of", "in", "on", "at", "to", "and", "or", "but", "for", "by",
                          "with", "from", "into", "as", "vs", "nor", "is"))
_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_MAX_TITLE_CHARS = 80
# A block whose lines are mostly longer than _LONG_LINE may be a manuscript with
# one paragraph per line and no blank lines between them.
_LONG_LINE = 100
_MAX_WRAP_WIDTH = 160
_ENDS_LIKE_A_PARAGRAPH = re.compile(r"[.!?…:\"”’')\]*_—–-][ \t\r]*$")


def markup_spans(text: str) -> list[Span]:
    """Stretches that are Markdown or HTML machinery rather than prose."""
    spans: list[Span] = []
    front = _FRONT_MATTER.match(text)
    if front and re.search(r"^\w[\w-]*\s*[:=]", front.group(0), re.M):
        spans.append(Span(0, front.end()))
    spans.extend(Span(m.start(), m.end()) for m in _FENCE.finditer(text))
    for pattern, needles in _INLINE_MARKUP:
        if any(needle in text for needle in needles):
            spans.extend(Span(m.start(), m.end()) for m in pattern.finditer(text))
    if "@" in text:
        for at in re.finditer("@", text):
            m = _EMAIL.search(text, max(0, at.start() - 64), at.start() + 256)
            if m and m.start() <= at.start() < m.end():
                spans.append(Span(m.start(), m.end()))
    return _merge(spans)


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start < merged[-1].end:
            if span.end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, span.end)
            continue
        merged.append(span)
    return merged


def blocks(text: str, block_markup: list[Span]) -> Iterator[Span]:
    """Paragraph spans (without their trailing line break).

    Blocks are separated by blank lines; a block of several long lines that do
    not run on as one hard-wrapped paragraph (a manuscript with one paragraph
    per line) is split at every line. Fenced code and front matter stay whole
    even when they contain blank lines.
    """
    pos = 0
    cuts: list[Span] = []
    for span in block_markup:
        cuts.extend(_text_blocks(text, pos, span.start))
        cuts.append(_trim(text, span.start, span.end))
        pos = span.end
    cuts.extend(_text_blocks(text, pos, len(text)))
    return (c for c in cuts if c.end > c.start)


def _text_blocks(text: str, start: int, end: int) -> Iterator[Span]:
    pos = start
    for m in _BLANK_LINE.finditer(text, start, end):
        yield from _split_long_lines(text, pos, m.start())
        pos = m.end()
    yield from _split_long_lines(text, pos, end)


def _split_long_lines(text: str, start: int, end: int) -> Iterator[Span]:
    block = _trim(text, start, end)
    if block.end <= block.start:
        return
    lines = text[block.start:block.end].split("\n")
    # Lines longer than _LONG_LINE with their line breaks, as _LINE finds them (the trimmed block
    # ends without one): counted by C-level maps, a novel has thousands of blocks.
    lengths = list(map(len, lines))
    long_lines = sum(map((_LONG_LINE - 1).__lt__, lengths[:-1])) + (lengths[-1] > _LONG_LINE)
    if (len(lines) > 1 and long_lines * 2 >= len(lines) and not _MD_HEADING.match(text, block.start)
            and not _is_hard_wrapped(lines)):
        for m in _LINE.finditer(text, block.start, block.end):
            piece = _trim(text, m.start(), m.end())
            if piece.end > piece.start:
                yield piece
    else:
        yield block


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Do long lines run on as one paragraph wrapped at a width (Markdown kept at
    100 or 120 columns), rather than stand as paragraphs of their own?

    Wrapping breaks lines mid-sentence, so most lines end without a sentence's
    closing mark or many of the next lines start with a lowercase word; a
    paragraph a line ends like one and the next starts with a capital or a
    quote. Nobody wraps wider than _MAX_WRAP_WIDTH.
    """
    if max(len(line.rstrip()) for line in lines) > _MAX_WRAP_WIDTH:
        return False
    breaks = len(lines) - 1
    ended = sum(1 for line in lines[:-1] if _ENDS_LIKE_A_PARAGRAPH.search(line))
    lowercase_next = sum(1 for line in lines[1:] if line.lstrip(" \t*_")[:1].islower())
    return ended * 2 < breaks or lowercase_next * 3 >= breaks


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in "\r\n":
        start += 1
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return Span(start, end)


def is_scene_break(block: str) -> bool:
    """A scene break: `***`, `---`, `<hr>`, or an ornament (`x.x.x`, `oOo`, `-x-`, `o . o . o`)."""
    stripped = block.strip()
    return "\n" not in stripped and bool(_SCENE_BREAK.match(stripped)) or is_ornament(stripped)


def is_heading(block: str) -> bool:
    """A chapter heading or title: Markdown `#`, `Chapter 3 - …`, a lone
    numeral, an all-capitals line that is not shouted (`BANG!`, `WHERE ARE
    YOU?`), or a short Title-Case line with no sentence punctuation. (A line of
    a text-message exchange is none of these: chat blocks are found first, from
    their neighbours, in furniture.chat_blocks.)"""
    stripped = block.strip()
    underlined = _underlined(stripped)
    if _MD_HEADING.match(block) or underlined:
        return "\n" not in stripped or underlined
    if "\n" in stripped:
        return _is_wrapped_capitals_heading(stripped)
    if len(stripped) > _MAX_TITLE_CHARS or not stripped:
        return False
    chapter = _CHAPTER.match(stripped)
    if chapter and _is_chapter_title_rest(stripped[chapter.end():]) or _NUMERAL_LINE.match(stripped):
        return True
    stripped = stripped.strip("*_ \t") or stripped  # emphasis marks around the line: look inside
    if stripped[0] in "\"“‘'" or stripped[-1] in ",;:":
        return False
    letters = [c for c in stripped if c.isalpha()]
    if len(letters) >= 2 and not any(c.islower() for c in letters):
        return stripped[-1] not in "!?"  # a title in capitals is not shouted
    if stripped[-1] in ".!?…\"”’":
        return False
    return _is_title_case(stripped)


def _is_wrapped_capitals_heading(stripped: str) -> bool:
    """A chapter heading in capitals that runs over a line or two ("CHAPTER XXI. SHOWING HOW
    DIFFICULT IT IS / VERY EASILY STOLEN"): the label starts it and nothing is in lowercase."""
    if stripped.count("\n") > 2 or len(stripped) > 3 * _MAX_TITLE_CHARS or not _CHAPTER.match(stripped):
        return False
    return not any(c.islower() for c in stripped) and stripped[-1] not in "!?"


def _underlined(stripped: str) -> bool:
    """Is the last line of a stripped block a Setext underline (`===`, `---`)? Only the last
    line break can start one: searching from there costs nothing however long the block."""
    last_break = stripped.rfind("\n")
    return last_break >= 0 and bool(_SETEXT.search(stripped, max(0, last_break - 1)))


def _is_chapter_title_rest(rest: str) -> bool:
    """What may follow "Chapter 3" or "Epilogue" in a heading: nothing, a
    separator and a title, or a title in Title Case ("Chapter one was hard"
    and "The end came quickly." are sentences)."""
    rest = rest.strip(" \t*_")
    return not rest or rest[0] in ":.-–—|(~" or _is_title_case(rest)


def _is_title_case(line: str) -> bool:
    words = _TITLE_WORD.findall(line)
    if not 1 <= len(words) <= 12 or not words[0][0].isupper():
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    capitalised = sum(1 for w in content if w[0].isupper())
    return bool(content) and capitalised == len(content)


def is_author_note_start(block: str) -> bool:
    return bool(_AUTHOR_NOTE.match(block))


def classify_blocks(text: str, spans: list[Span], block_markup: list[Span]) -> list[RegionKind]:
    """The kind of each block: markup, scene break, heading, author's note or prose.

    An author's note that opens the manuscript runs until the first heading or
    scene break (when one comes soon); one near the end runs to the end.
    """
    markup_starts = {s.start for s in block_markup}
    kinds: list[RegionKind] = []
    story_labels: list[int] = []
    chat = chat_blocks([text[span.start:span.end] for span in spans])
    for span, in_chat in zip(spans, chat, strict=True):
        block = text[span.start:span.end]
        if span.start in markup_starts:
            kinds.append(RegionKind.MARKUP)
        elif is_scene_break(block):
            kinds.append(RegionKind.SCENE_BREAK)
        elif in_chat and not is_author_note_start(block):
            kinds.append(RegionKind.CHAT)
        elif is_author_note_start(block):
            kinds.append(RegionKind.AUTHOR_NOTE)
            if _STORY_LABEL.match(block):
                story_labels.append(len(kinds) - 1)
        elif is_heading(block):
            kinds.append(RegionKind.HEADING)
        else:
            kinds.append(RegionKind.NARRATION)
    _keep_story_labels_in_the_story(kinds, story_labels)
    _mark_titles_after_labels(text, spans, kinds)
    credits = _mark_unlabelled_notes(text, spans, kinds)
    _extend_author_notes(text, spans, kinds, credits)
    return kinds


def _mark_titles_after_labels(text: str, spans: list[Span], kinds: list[RegionKind]) -> None:
    """The line under a bare chapter label is the chapter's title ("CHAPTER XVI." / "A Sortie and
    its Consequences"): a short line with no sentence's end whose words are mostly capitalised."""
    for i in range(len(kinds) - 1):
        if kinds[i] is not RegionKind.HEADING or kinds[i + 1] is not RegionKind.NARRATION:
            continue
        block = text[spans[i].start:spans[i].end].strip()
        label = _CHAPTER.match(block) or _NUMERAL_LINE.match(block)
        if label and not block[label.end():].strip(" \t*_.:-–—") and _is_title_below_label(
                text[spans[i + 1].start:spans[i + 1].end].strip(" \t*_")):
            kinds[i + 1] = RegionKind.HEADING


def _is_title_below_label(line: str) -> bool:
    words = _TITLE_WORD.findall(line)
    if "\n" in line or not line or len(line) > _MAX_TITLE_CHARS or line[-1] in ".!?…,;\"”’" \
            or not words or not words[0][0].isupper():
        return False
    return 2 * sum(1 for w in words if w[0].isupper()) >= len(words)


def _keep_story_labels_in_the_story(kinds: list[RegionKind], labelled: list[int]) -> None:
    """A "P.S." or "Note:" paragraph with story before and after it belongs to
    the story (a character's letter), unless it follows an author's note."""
    narration = [i for i, k in enumerate(kinds) if k is RegionKind.NARRATION]
    if not narration:
        return
    for i in labelled:
        after_note = i > 0 and kinds[i - 1] is RegionKind.AUTHOR_NOTE and i - 1 not in labelled
        story_before = narration[0] < i
        story_after = sum(1 for j in narration if j > i) > _TRAILING_NOTE_REACH
        if story_before and story_after and not after_note:
            kinds[i] = RegionKind.NARRATION


def looks_like_reader_note(block: str, at_start: bool = False) -> bool:
    """Does a paragraph read as the author talking to readers ("so i hope you
    enjoy:) R&R", "what did you think? please comment ;p"), or credit someone ("As presented
    by Moss Bliss", "Beta love goes to Janette")?"""
    if len(block) > _EDGE_NOTE_MAX_CHARS:
        return False
    if is_credit_line(block):
        return True
    if at_start and _HEADER_LABEL.match(block):
        return True
    if block.lstrip(" \t*_")[:1] in "\"“‘'":
        return False  # a paragraph of speech
    strong = {m.group(0).lower() for m in _READER_CUES.finditer(block)}
    weak = {m.group(0).lower() for m in _WEAK_READER_CUES.finditer(block)}
    return bool(strong) and len(strong) + len(weak) >= 2


def is_credit_line(block: str) -> bool:
    """One short line crediting or disclaiming the work ("As presented by Moss Bliss", "Don't own
    Harry Potter")."""
    return "\n" not in block.strip() and credits_the_work(block)


def credits_the_work(block: str) -> bool:
    """A short block crediting who produced or prepared the text, over a line or two ("Produced by
    Stan Goodman and PG Distributed / Proofreaders", "E-text prepared by ...")."""
    return len(block.split()) <= _CREDIT_WORDS and bool(_CREDIT.search(block))


def _mark_unlabelled_notes(text: str, spans: list[Span], kinds: list[RegionKind]) -> set[int]:
    """Prose paragraphs at the start or end of a file that read as notes to the reader; returns
    those that are one credit line, which stand alone (the story may start right after one)."""
    credits: set[int] = set()
    passable = (RegionKind.HEADING, RegionKind.MARKUP, RegionKind.AUTHOR_NOTE)
    for order, at_start in ((range(len(kinds)), True), (range(len(kinds) - 1, -1, -1), False)):
        seen = 0
        for i in order:
            if kinds[i] in passable or at_start and not seen and _EMPHASISED_LINE.match(
                    text, spans[i].start, spans[i].end):
                continue  # a heading, or a title set in bold or italics above the notes
            if kinds[i] is not RegionKind.NARRATION or seen >= _EDGE_NOTE_REACH:
                break
            block = text[spans[i].start:spans[i].end]
            if not looks_like_reader_note(block, at_start):
                break
            kinds[i] = RegionKind.AUTHOR_NOTE
            if is_credit_line(block):
                credits.add(i)
            seen += 1
    return credits


_EMPHASISED_LINE = re.compile(r"[ \t]*([*_]{1,3})[^\n*_]{1,80}\1[ \t]*$")
_NOTE_REACH = 6  # paragraphs an opening note may run on before a heading ends it
_TRAILING_NOTE_REACH = 3  # paragraphs of prose a closing note may carry after it


def _in_authors_voice(block: str) -> bool:
    """A paragraph of prose in which someone says "I" outside quotation marks and no one speaks: after
    a labelled closing note, the author going on ("I decided to give him a special talent")."""
    return not _QUOTE_MARK.search(block) and _FIRST_PERSON.search(block) is not None


def _closing_note_runs_on(text: str, spans: list[Span], kinds: list[RegionKind], note: int,
                          trailing: list[int]) -> bool:
    """Does a note in the latter half of the story go on to the file's end in the author's voice
    (at most a few paragraphs of it not)? A note at the top of a first-person story does not."""
    story = [i for i, k in enumerate(kinds[:note]) if k is RegionKind.NARRATION]
    voiceless = sum(1 for i in trailing if not _in_authors_voice(text[spans[i].start:spans[i].end]))
    return (len(story) > len(trailing) and voiceless <= _TRAILING_NOTE_REACH
            and not _told_in_the_first_person(text, spans, story))


def _told_in_the_first_person(text: str, spans: list[Span], story: list[int]) -> bool:
    """Does the story itself say "I" outside speech (a first-person narrator, or thoughts)? Then "I"
    after a note is the story going on, not the author."""
    voiced = sum(1 for i in story if _in_authors_voice(text[spans[i].start:spans[i].end]))
    return voiced > _STORY_VOICE_SHARE * len(story)


# double quotes anywhere; a single quote opening a word in capitals is speech too ("‘I think,’ said
# Ron"), while elisions ("'em", "’til") are lowercase
_QUOTE_MARK = re.compile(r"[\"“”]|(?:^|\s)[‘'](?=[A-Z])")
_STORY_VOICE_SHARE = 0.2  # of the story's paragraphs before a note that say "I" outside speech
_FIRST_PERSON = re.compile(r"\bI\b|\bI['’](?:m|ve|ll|d)\b")


def _extend_author_notes(text: str, spans: list[Span], kinds: list[RegionKind], credits: set[int]) -> None:
    breaks = {RegionKind.HEADING, RegionKind.SCENE_BREAK}
    notes = [i for i, k in enumerate(kinds) if k is RegionKind.AUTHOR_NOTE and i not in credits]
    if not notes:
        return
    first = notes[0]
    if all(k is not RegionKind.NARRATION or i >= first for i, k in enumerate(kinds[:first + 1])):
        following = kinds[first + 1:first + 1 + _NOTE_REACH]
        stop = next((j for j, k in enumerate(following) if k in breaks), None)
        if stop is not None:
            for j in range(first + 1, first + 1 + stop):
                kinds[j] = RegionKind.AUTHOR_NOTE
    last = notes[-1]
    trailing = [i for i in range(last + 1, len(kinds)) if kinds[i] is RegionKind.NARRATION]
    no_break_after = not any(kinds[i] in breaks for i in range(last + 1, len(kinds)))
    if no_break_after and _story_before(text, spans, kinds, last) and (len(trailing) <= _TRAILING_NOTE_REACH
                           or _closing_note_runs_on(text, spans, kinds, last, trailing)):
        start = last
        while start - 1 >= 0 and kinds[start - 1] is RegionKind.AUTHOR_NOTE:
            start -= 1
        for i in range(last + 1, len(kinds)):
            if kinds[i] is RegionKind.NARRATION:
                kinds[i] = RegionKind.AUTHOR_NOTE


def _story_before(text: str, spans: list[Span], kinds: list[RegionKind], note: int) -> bool:
    """Is there story before the note (prose other than a title set in bold or italics)? A note with
    none before it opens the file, and the few paragraphs after it are the story, not more note."""
    return any(kinds[i] is RegionKind.NARRATION
               and not _EMPHASISED_LINE.match(text, spans[i].start, spans[i].end) for i in range(note))


def is_indented(block: str) -> bool:
    """Every line of the block starts with two or more spaces or a tab: verse,
    a letter, a sign."""
    indented = False
    for line in block.split("\n"):  # prose fails on its first line
        if line.strip():
            if not line.startswith(("  ", "\t")):
                return False
            indented = True
    return indented


_VERSE_MIN_LINES = 3
_VERSE_MAX_LINE = 72  # characters: a line of verse, not a line of prose wrapped at 72 to 80
_LINE_OPENING = re.compile(r"[ \t]*[\"“‘'(*_]*(\S)")


def is_verse(block: str) -> bool:
    """Is the block verse set line by line, each line opening with a capital ("After solution of my
    doubt, thy Charles, / O fair Clemenza, of the treachery spake / That must befall his seed")? A
    capital there is the line's, not a new sentence's: prose wrapped at a width opens most of its lines
    in lowercase, and ends them unevenly at the width."""
    lines = [line for line in block.split("\n") if line.strip()]
    if len(lines) < _VERSE_MIN_LINES or max(len(line.rstrip()) for line in lines) > _VERSE_MAX_LINE:
        return False
    firsts = [m.group(1) for m in map(_LINE_OPENING.match, lines) if m]
    return sum(1 for c in firsts if c.isupper()) == len(lines)
