#!/usr/bin/env python3
"""Inject tense slips and drifted runs into held-out text and measure how many the tense rules find.

Text: the held-out split of ../shared/training (scripts/training_data.py): Gutenberg books and
AO3 fan fiction, `--split test` for the figures, `--split tune` while choosing thresholds; never
the corpus books (those only count false alarms). Each document is linted as it is first; its
scenes' tenses (the analysis layer's) say which direction it can take:

    past-tense text     -> present-tense slips (T001 should find them)
    present-tense text  -> past-tense slips (T002 should find them)

Two kinds of injection, each into its own copy of the document:

    single  one verb in a paragraph put in the other tense (at most one per paragraph)
    run     a whole paragraph put in the other tense: every verb the patterns below find

Slips are placed by plain patterns over the narration, not by the rules' own verb finder, so
recall is measured against slips the rules did not choose. Each slip is counted by kind:

    subject   pronoun (he, she, they, I, we), name (a capitalised word inside a sentence) or
              noun phrase ("the old radio", "her hands")
    clause    main, or subordinate (after when, as, while, because, who, which, that …)
    injection single or run

and the untouched text's findings per 10,000 words are reported (with `--show-clean N` a fixed
sample of them is printed for judging by hand: real drifts in amateur text are not false alarms).

    python scripts/eval_tense.py [--split test] [--books 8] [--works 200] [--seed 17] [-v]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from training_data import books, works  # noqa: E402

from ficlint.analysis import AnalyzedDocument  # noqa: E402
from ficlint.analysis.lexicon import PAST, PRESENT, lexicon  # noqa: E402
from ficlint.config import Config  # noqa: E402
from ficlint.document import RegionKind  # noqa: E402
from ficlint.run import lint_text  # noqa: E402
from ficlint.source import Source  # noqa: E402

PRONOUNS = r"[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Ii]t|[Tt]here"
DETERMINERS = r"[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Mm]y|[Oo]ur"
# subject then verb; the verb must be followed by a lowercase word or a comma (a clause goes on)
SUBJECT_VERB = re.compile(
    rf"(?:(?P<pron>\b(?:{PRONOUNS}))|(?<=[a-z,;] )(?P<name>[A-Z][a-z]{{2,}})"
    rf"|(?P<np>\b(?:{DETERMINERS})(?: [a-z]+)? [a-z]{{3,}}))"
    r" (?P<verb>[a-z]+)\b(?=,? [a-z]|[.,;:!?])"
)
AND_VERB = re.compile(r"\b(?P<first>[a-z]+),? and (?P<verb>[a-z]+)(?= [a-z]|[.,;:!?])")
SUBORDINATE = re.compile(
    r"\b(?:when|whenever|as|while|because|who|which|that|though|although|if|after|before|"
    r"until|since|once|where)\s+(?:[\w'’-]+\s+){0,3}$",
    re.I,
)
# "as if she were", "if he had known": a subjunctive or a condition, not the tense of narration
SUBJUNCTIVE = re.compile(r"\b(?:if|though|wish|wished|unless|lest)\s+(?:[\w'’-]+\s+){0,3}$", re.I)
BE_HAVE_PAST = {"was": "is", "were": "are", "had": "has"}
BE_HAVE_PRESENT = {"is": "was", "are": "were", "has": "had", "am": "was"}
NOT_SUBJECT_NOUNS = frozenset(
    ["way", "time", "moment", "day", "night", "side", "edge", "end", "top", "front", "back", "rest"]
)


@dataclass
class Slip:
    subject: str  # pronoun, name, noun-phrase, and
    clause: str  # main, subordinate
    injection: str  # single, run
    start: int  # in the changed text
    end: int
    before: str
    after: str


def to_present(verb: str, subject: str) -> str:
    lex = lexicon()
    if verb in BE_HAVE_PAST:
        if verb == "was" and subject.lower() == "i":
            return "am"
        return (
            BE_HAVE_PAST[verb] if not (verb == "had" and subject.lower() in ("i", "we", "they")) else "have"
        )
    if verb not in lex.past_forms or verb in lex.other:
        return ""
    plural = subject.lower() in ("they", "i", "we")
    return lex.present_form(verb, "plural" if plural else "3sg")


def to_past(verb: str, subject: str) -> str:
    lex = lexicon()
    if verb in BE_HAVE_PRESENT:
        return "were" if verb == "are" else BE_HAVE_PRESENT[verb]
    plural = subject.lower() in ("they", "i", "we")
    if plural:
        ok = verb in lex.base_forms and lex.past_of.get(verb, verb) != verb
    else:
        ok = verb in lex.third_forms and verb not in lex.base_forms
    return lex.past_of.get(verb, "") if ok and verb not in lex.other else ""


AUX_PAST = {
    "was": "is",
    "were": "are",
    "had": "has",
    "did": "does",
    "wasn't": "isn't",
    "weren't": "aren't",
    "hadn't": "hasn't",
    "didn't": "doesn't",
}
AUX_PRESENT = {
    "is": "was",
    "are": "were",
    "has": "had",
    "have": "had",
    "does": "did",
    "do": "did",
    "isn't": "wasn't",
    "aren't": "weren't",
    "hasn't": "hadn't",
    "haven't": "hadn't",
    "doesn't": "didn't",
    "don't": "didn't",
    "'s": " was",
    "'re": " were",
    "'m": " was",
}
AUXILIARY = re.compile(
    r"\b(?:was|were|had|did|is|are|has|have|does|do)(?:n['’]t)?\b(?! (?:he|she|it|they|I|we|you)\b)"
    r"|(?:(?<=\b[Hh]e)|(?<=\b[Ss]he)|(?<=\b[Ii]t)|(?<=\b[Tt]hat)|(?<=\b[Tt]here))['’]s\b"
    r"(?! (?:been|got|had)\b)|(?:(?<=\b[Tt]hey)|(?<=\b[Ww]e))['’]re\b|(?<=\bI)['’]m\b"
)


def every_auxiliary(text: str, start: int, end: int, tense: str) -> list[tuple[str, str, int, int, str]]:
    """Forms of be / have / do and their contractions, for converting a whole paragraph."""
    table = AUX_PAST if tense == PAST else AUX_PRESENT
    found = []
    for m in AUXILIARY.finditer(text, start, end):
        word = m.group().replace("’", "'")
        replacement = table.get(word.lower())
        if replacement is None or SUBJUNCTIVE.search(text, max(start, m.start() - 30), m.start()):
            continue
        if word.lower() in ("had", "has", "have") and tense == PRESENT:
            after = text[m.end() : m.end() + 12].split()
            if after and after[0] in lexicon().participles:
                continue
        if m.group()[:1].isupper():
            replacement = replacement[:1].upper() + replacement[1:]
        found.append(
            (
                "be-have-do",
                "main",
                m.start(),
                m.end(),
                replacement.replace("'", "’") if "’" in m.group() else replacement,
            )
        )
    return found


def candidates(text: str, start: int, end: int, tense: str) -> list[tuple[str, str, int, int, str]]:
    """(subject kind, clause kind, start, end, replacement) for every slip text[start:end] allows."""
    lex = lexicon()
    convert = to_present if tense == PAST else to_past
    found = []
    for m in SUBJECT_VERB.finditer(text, start, end):
        verb = m.group("verb")
        if m.group("name") and m.group("name").lower() in lex.not_names:
            continue
        if m.group("np"):
            noun = m.group("np").split()[-1]
            if (
                noun in lex.past_of
                and noun not in lex.noun_like
                or noun in lex.function_words
                or noun in NOT_SUBJECT_NOUNS
                or noun in lex.auxiliaries
            ):
                continue
        subject_text = m.group("pron") or m.group("name") or "it"
        replacement = convert(verb, subject_text)
        after = text[m.end("verb") : m.end("verb") + 12].split()
        if not replacement or after[:1] == ["by"]:
            continue  # "the rooms occupied by": a participle
        if verb in ("has", "have") and after and (after[0] in lex.participles or after[0] == "been"):
            continue  # a present perfect turned pluperfect is still right in present narration
        if SUBJUNCTIVE.search(text, max(start, m.start() - 30), m.start()):
            continue
        kind = (
            "pronoun"
            if m.group("pron") and m.group("pron").lower() not in ("it", "there")
            else "it-there"
            if m.group("pron")
            else "name"
            if m.group("name")
            else "noun-phrase"
        )
        clause = "subordinate" if SUBORDINATE.search(text, max(start, m.start() - 40), m.start()) else "main"
        found.append((kind, clause, m.start("verb"), m.end("verb"), replacement))
    for m in AND_VERB.finditer(text, start, end):
        first, verb = m.group("first"), m.group("verb")
        first_tense = first in lex.past_forms if tense == PAST else first in lex.third_forms
        replacement = (
            (lex.third_of.get(verb, "") if verb in lex.past_forms and verb not in lex.other else "")
            if tense == PAST
            else to_past(verb, "it")
        )
        if first_tense and replacement:
            found.append(("and", "main", m.start("verb"), m.end("verb"), replacement))
    found.sort(key=lambda c: c[2])
    return [c for i, c in enumerate(found) if not i or c[2] >= found[i - 1][3]]


def narration_paragraphs(
    doc: AnalyzedDocument, scene_tense: dict[int, str], tense: str
) -> list[tuple[int, int]]:
    """(start, end) of plain narration paragraphs (no speech, no emphasis) in scenes told in `tense`."""
    out = []
    for para in doc.paragraphs:
        if para.kind is not RegionKind.NARRATION or para.indented or para.end - para.start < 80:
            continue
        regions = doc.paragraph_regions(para.index)
        if any(r.kind is not RegionKind.NARRATION for r in regions) or doc.in_emphasis(para.start):
            continue
        if scene_tense.get(para.index) == tense:
            out.append((para.start, para.end))
    return out


def scene_tense_of_paragraphs(doc: AnalyzedDocument) -> dict[int, str]:
    tenses: dict[int, str] = {}
    for scene in doc.narrative:
        if scene.tense is None or scene.tense.share < 0.85 or scene.tense.opening:
            continue
        for para in doc.paragraphs:
            if scene.span.start <= para.start < scene.span.end:
                tenses[para.index] = scene.tense.tense
    return tenses


def apply(text: str, chosen: list[tuple[str, str, str, int, int, str]]) -> tuple[str, list[Slip]]:
    chosen.sort(key=lambda c: c[3])
    pieces, slips, pos, shift = [], [], 0, 0
    for kind, clause, injection, start, end, replacement in chosen:
        if start < pos:
            continue
        pieces.append(text[pos:start])
        pieces.append(replacement)
        new_start = start + shift
        slips.append(
            Slip(
                kind, clause, injection, new_start, new_start + len(replacement), text[start:end], replacement
            )
        )
        shift += len(replacement) - (end - start)
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces), slips


def inject(
    text: str, paragraphs: list[tuple[int, int]], tense: str, rng: random.Random, singles: int, runs: int
) -> tuple[tuple[str, list[Slip]], tuple[str, list[Slip]]]:
    """Two copies of the text: one with single slips, one with whole paragraphs converted."""
    order = paragraphs[:]
    rng.shuffle(order)
    single: list[tuple[str, str, str, int, int, str]] = []
    run: list[tuple[str, str, str, int, int, str]] = []
    run_paragraphs: list[int] = []
    for start, end in order:
        options = candidates(text, start, end, tense)
        far = all(abs(p - start) > 3000 for p in run_paragraphs)
        if len(run_paragraphs) < runs and len(options) >= 3 and far:
            run_paragraphs.append(start)
            taken = {s for _, _, s, _, _ in options}
            whole = options + [
                a
                for a in every_auxiliary(text, start, end, tense)
                if not any(s <= a[2] < e for _, _, s, e, _ in options) and a[2] not in taken
            ]
            run.extend((k, c, "run", s, e, r) for k, c, s, e, r in whole)
        elif options and len(single) < singles:
            kind = rng.choice(sorted({o[0] for o in options}))
            k, c, s, e, r = rng.choice([o for o in options if o[0] == kind])
            single.append((k, c, "single", s, e, r))
    return apply(text, single), apply(text, run)


CONFIG = Config()
TENSE_RULES = ["T001", "T002"]  # the tense rules on by default (T003 and T004 are opt-in)


def findings(text: str) -> list[tuple[int, int, str]]:
    return [(d.start, d.end, d.rule) for d in lint_text(text, CONFIG, TENSE_RULES)]


def documents(split: str, n_books: int, n_works: int, skip_books: int = 0, skip_works: int = 0):
    """The held-out documents of a slice: books skip_books .. skip_books+n_books of the split, and
    works likewise (a fresh slice is one no earlier choice looked at)."""
    for i, (name, text) in enumerate(books(split, limit=skip_books + n_books)):
        if i >= skip_books:
            yield "book", name, text
    for i, (work_id, text) in enumerate(works(split, limit=skip_works + n_works)):
        if i >= skip_works:
            yield "fanfic", str(work_id), text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="test", choices=("tune", "test"))
    parser.add_argument("--books", type=int, default=8, help="how many held-out books")
    parser.add_argument("--works", type=int, default=200, help="how many held-out fan-fiction works")
    parser.add_argument("--skip-books", type=int, default=0, help="start the slice after this many books")
    parser.add_argument("--skip-works", type=int, default=0, help="start the slice after this many works")
    parser.add_argument("--singles", type=int, default=40, help="single slips per document at most")
    parser.add_argument("--runs", type=int, default=3, help="converted paragraphs per document at most")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument(
        "--show-clean", type=int, default=0, help="print a fixed sample of N clean-text findings"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="show the slips that were missed")
    parser.add_argument(
        "--clean-only",
        action="store_true",
        help="only lint the untouched text (no injection); with --show-clean, sample its findings",
    )
    parser.add_argument("--list-clean", type=Path, help="write every untouched finding to this TSV file")
    args = parser.parse_args()
    found: Counter[tuple[str, ...]] = Counter()
    total: Counter[tuple[str, ...]] = Counter()
    clean_findings: dict[str, int] = Counter()
    clean_words: dict[str, int] = Counter()
    clean_sample: list[str] = []
    extra: Counter[str] = Counter()
    slice_ = documents(args.split, args.books, args.works, args.skip_books, args.skip_works)
    for source_kind, name, text in slice_:
        words = len(text.split())
        diagnostics = lint_text(text, CONFIG, TENSE_RULES)
        base = [(d.start, d.end, d.rule) for d in diagnostics]
        clean_findings[source_kind] += len(base)
        clean_words[source_kind] += words
        for d in diagnostics:
            s, e, how = d.start, d.end, "drift" if d.data.get("drift") else "single"
            clean_sample.append(
                f"{source_kind} {name} {d.rule} {s} {how}: …{text[max(0, s - 100) : s]}[[{text[s:e]}]]"
                f"{text[e : e + 60]}…".replace("\n", " ⏎ ")
            )
        if args.clean_only:
            continue
        doc = AnalyzedDocument(Source(name, text))
        tenses = scene_tense_of_paragraphs(doc)
        for tense in (PAST, PRESENT):
            paragraphs = narration_paragraphs(doc, tenses, tense)
            if not paragraphs:
                continue
            rng = random.Random(f"{args.seed}:{name}:{tense}")
            direction = "T001 past->present" if tense == PAST else "T002 present->past"
            for changed, slips in inject(text, paragraphs, tense, rng, args.singles, args.runs):
                if not slips:
                    continue
                now = findings(changed)
                for slip in slips:
                    key = (direction, source_kind, slip.injection, slip.subject, slip.clause)
                    total[key] += 1
                    if any(s < slip.end + 2 and e > slip.start - 2 for s, e, _ in now):
                        found[key] += 1
                    elif args.verbose:
                        context = changed[max(0, slip.start - 90) : slip.start].replace("\n", " ")
                        after = changed[slip.end : slip.end + 40].replace("\n", " ")
                        print(f"  missed {' '.join(key)}: …{context}[[{slip.after}]]{after}…")
                on_slips = sum(
                    1 for s, e, _ in now if any(s < sl.end + 2 and e > sl.start - 2 for sl in slips)
                )
                extra[direction] += max(0, len(now) - on_slips - len(base))
    _report(found, total)
    for kind in sorted(clean_words):
        rate = clean_findings[kind] / clean_words[kind] * 10000 if clean_words[kind] else 0.0
        found, words = clean_findings[kind], clean_words[kind]
        print(f"clean {kind}: {found} findings in {words:,} words = {rate:.2f} per 10k")
    for direction, n in sorted(extra.items()):
        print(f"new findings away from the injected slips ({direction}): {n}")
    if args.list_clean:
        args.list_clean.write_text("\n".join(clean_sample) + "\n", encoding="utf-8")
    if args.show_clean:
        rng = random.Random(args.seed)
        for line in sorted(rng.sample(clean_sample, min(args.show_clean, len(clean_sample)))):
            print("  ", line)
    return 0


def _report(found: Counter[tuple[str, ...]], total: Counter[tuple[str, ...]]) -> None:
    def line(label: str, keys: list[tuple[str, ...]]) -> None:
        t = sum(total[k] for k in keys)
        f = sum(found[k] for k in keys)
        if t:
            print(f"  {label:48} {f:5}/{t:<5} {f / t:6.1%}")

    for direction in sorted({k[0] for k in total}):
        print(direction)
        for source in sorted({k[1] for k in total if k[0] == direction}):
            keys = [k for k in total if k[:2] == (direction, source)]
            for injection in ("single", "run"):
                inj = [k for k in keys if k[2] == injection]
                line(f"{source} {injection}", inj)
                for subject in ("pronoun", "name", "noun-phrase", "it-there", "and", "be-have-do"):
                    line(f"{source} {injection}  subject={subject}", [k for k in inj if k[3] == subject])
                for clause in ("main", "subordinate"):
                    line(f"{source} {injection}  clause={clause}", [k for k in inj if k[4] == clause])
        for injection in ("single", "run"):
            line(f"ALL {injection}", [k for k in total if k[0] == direction and k[2] == injection])


if __name__ == "__main__":
    sys.exit(main())
