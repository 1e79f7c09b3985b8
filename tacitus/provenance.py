"""The provenance stage: who says so.

Two questions per article:

- `find_quotes`: where are the direct quotes ("…", “…”, «…», „…“, ‘…’) and the indirect speech
  ("officials said the talks failed", "according to X, …"), what is their content, which verb
  introduces them, and who is the speaker.
- `attribution`: for one sentence, does the article assert it in its own voice ("direct"),
  relay somebody else ("reported"), or hedge it ("hedged"), and through which chain of
  claimants (publishing outlet, reporting outlet, cited sources).

Decisions, in the order the code takes them:

1. Direct quotes are found on the characters, not the tokens, because spaCy's sentence
   splitter cuts quotes apart. A quote never crosses a line break; a quote left open at the end
   of a paragraph whose next paragraph opens with a quote mark is the usual multi-paragraph
   quotation, and the continuation keeps the speaker.
2. A quote split by its speech verb ("“We will,” she said, “act.”") is ONE `QuoteSpan` with
   two `parts`; `content` runs from the first part's start to the last part's end. One speaker
   said one thing, and evaluation data annotates it as one attribution.
3. A short quoted fragment inside reported speech ("she said it was “no illegal disclosure”")
   is part of that indirect quote, not a quote of its own; an indirect clause that lies inside a
   direct quote (the parser makes the quoted clause the verb's complement) is the direct quote.
4. A quote with no cue in its own sentence takes the speaker of the previous quote in the same
   paragraph only when that is unambiguous: it was the immediately preceding quote, it had a
   speaker, and no other person is named (outside quotes) in between. A quote that opens a
   paragraph right after "X continued:" takes X's verb as its cue; "“…” ― Jane Doe" takes the
   name after the dash.
5. Indirect content is the cue's complement, by preference: a clause ("said that …"), an
   infinitive ("vowed to …"), an object ("criticized the plan", "called them “thugs”"), a
   prepositional object ("called for …"); which ones a cue takes is in cues.tsv. Objects and
   infinitives count only when the cue has a holder (a subject). Beyond speech, cues include
   stances and intentions, as news attribution corpora (PolNeAR) annotate them; each quote
   carries `cue_class` so callers can keep speech only.
6. A stance, intention, belief or finding nested inside other reported content ("X said the
   plan would threaten jobs") is part of that content, not a quote of its own; nested speech
   ("X said officials told him …") stays a quote of its own.

Cue words live in tacitus/data/cues.tsv (see its header); a file of the same name in
$TACITUS_DICTIONARIES is read after it and wins.
"""

from __future__ import annotations

import csv
import logging
import os
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from spacy.tokens import Doc, Span, Token

from tacitus.errors import DictionaryError
from tacitus.model import Actor, Attribution, Claimant, Quote

__all__ = [
    "AttributionContext",
    "Cue",
    "QuoteSpan",
    "attribution",
    "cue_lexicon",
    "find_quotes",
]

log = logging.getLogger(__name__)

QuoteKind = Literal["direct", "indirect"]
SpeakerResolver = Callable[[int, int], Actor | None]
CharSpan = tuple[int, int]


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Cue:
    """The word that introduces speech: a token index in the Doc and its character span."""

    token: int
    start: int
    end: int
    lemma: str
    text: str


@dataclass(slots=True)
class QuoteSpan:
    """One quotation: character offsets are into the text the Doc was parsed from, plus `offset`.

    `parts` are the quoted pieces (two when the speech verb splits a quote); `content` spans
    them all. `speaker` is the speaker's noun phrase, `actor` what a resolver made of it.
    """

    kind: QuoteKind
    content: CharSpan
    cue: Cue | None
    speaker: CharSpan | None
    sentence: int
    parts: tuple[CharSpan, ...] = ()
    speaker_text: str | None = None
    actor: Actor | None = None
    why: str = ""
    # The cue's class in cues.tsv (speech, report, cognition, evidence, directive, stance,
    # intent): filter on it to keep only what was said ("speech", "report") when stances
    # ("X criticized Y") are not wanted.
    cue_class: str | None = None

    def to_quote(self, article_id: str, text: str, *, base: int = 0) -> Quote:
        """The `tacitus.model.Quote` record; `text` is the string the offsets index minus `base`."""
        start, end = self.content
        return Quote(
            article_id=article_id,
            kind=self.kind,
            content=text[start - base : end - base],
            content_span=self.content,
            cue=self.cue.text if self.cue else None,
            speaker_text=self.speaker_text,
            speaker=self.actor,
            speaker_span=self.speaker,
            sentence=self.sentence,
        )


# --------------------------------------------------------------------------- cue lexicon


_CLASS_CONTENT: dict[str, frozenset[str]] = {
    "speech": frozenset({"ccomp", "xcomp", "dobj"}),
    "report": frozenset({"ccomp", "dobj"}),
    "cognition": frozenset({"ccomp", "xcomp"}),
    "evidence": frozenset({"ccomp", "dobj"}),
    "directive": frozenset({"ccomp", "xcomp", "prep"}),
    "stance": frozenset({"ccomp", "dobj", "prep"}),
    "intent": frozenset({"xcomp", "ccomp", "dobj"}),
}
_COMPLEMENTS = frozenset({"ccomp", "xcomp", "dobj", "prep"})


@dataclass(frozen=True, slots=True)
class CueWord:
    cls: str
    content: frozenset[str]  # complement relations that carry the content


@dataclass(frozen=True, slots=True)
class CueLexicon:
    verbs: dict[str, CueWord]  # lemma -> entry
    nouns: dict[str, CueWord]

    def verb(self, tok: Token) -> CueWord | None:
        if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBZ", "VBD", "VBP", "VBG"):
            return None
        return self.verbs.get(tok.lemma_.lower())

    def verb_class(self, tok: Token) -> str | None:
        entry = self.verb(tok)
        return entry.cls if entry else None

    def noun(self, tok: Token) -> CueWord | None:
        return self.nouns.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None


def _read_cues(path: Path | resources.abc.Traversable, into: CueLexicon) -> None:
    with path.open(encoding="utf-8") as fh:
        lines = [line.rstrip("\n") for line in fh if line.strip() and not line.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t"))
    if not rows or rows[0] != ["cue", "pos", "class", "content"]:
        raise DictionaryError(f"{path}: the header must be cue, pos, class, content (tabs)")
    for lineno, row in enumerate(rows[1:], start=2):
        if len(row) != 4:
            raise DictionaryError(f"{path}: row {lineno} ({row[0]!r}) needs 4 cells")
        cue, pos, cls, content = (cell.strip() for cell in row)
        if cls not in _CLASS_CONTENT:
            raise DictionaryError(f"{path}: row {lineno}: unknown class {cls!r}")
        rels = frozenset(content.split("|")) if content else _CLASS_CONTENT[cls]
        if not rels <= _COMPLEMENTS:
            raise DictionaryError(f"{path}: row {lineno}: content must be among {_COMPLEMENTS}")
        table = into.nouns if pos == "NOUN" else into.verbs
        table[cue.lower()] = CueWord(cls, rels)


@cache
def cue_lexicon() -> CueLexicon:
    """The cue words: the packaged list, then $TACITUS_DICTIONARIES/cues.tsv if present."""
    lexicon = CueLexicon(verbs={}, nouns={})
    _read_cues(resources.files("tacitus") / "data" / "cues.tsv", lexicon)
    extra = os.environ.get("TACITUS_DICTIONARIES")
    if extra and (Path(extra) / "cues.tsv").exists():
        _read_cues(Path(extra) / "cues.tsv", lexicon)
    return lexicon


# Classes that introduce a direct quote standing next to them. Cognition and evidence verbs
# ("she believes", "polls show") do not introduce verbatim quotes.
_DIRECT_CLASSES = frozenset({"speech", "report", "directive"})


# --------------------------------------------------------------------------- text helpers


@dataclass(slots=True)
class _Layout:
    """Paragraph and sentence boundaries of a Doc, for quick lookups."""

    doc: Doc
    para_starts: list[int]
    sent_starts: list[int]  # token index of each sentence start

    @classmethod
    def of(cls, doc: Doc) -> _Layout:
        text = _doc_text(doc)
        starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        return cls(doc, starts, [s.start for s in doc.sents])

    def paragraph(self, char: int) -> int:
        return bisect_right(self.para_starts, char) - 1

    def paragraph_bounds(self, char: int) -> CharSpan:
        p = self.paragraph(char)
        end = (
            self.para_starts[p + 1] - 1
            if p + 1 < len(self.para_starts)
            else len(_doc_text(self.doc))
        )
        return self.para_starts[p], end

    def sentence_of(self, token: int) -> int:
        return bisect_right(self.sent_starts, token) - 1


def _doc_text(doc: Doc) -> str:
    """Doc.text joins every token on each call; the quote finder reads it often, so the
    string is built once per Doc and kept in its user_data."""
    text = doc.user_data.get("tacitus.text")
    if text is None:
        text = doc.user_data["tacitus.text"] = doc.text
    return str(text)


def _token_at(doc: Doc, char: int) -> int:
    """The index of the token covering (or first after) a character offset."""
    span = doc.char_span(char, min(char + 1, len(_doc_text(doc))), alignment_mode="expand")
    if span is not None and len(span):
        return int(span.start)
    for tok in doc:
        if tok.idx >= char:
            return int(tok.i)
    return len(doc) - 1


# --------------------------------------------------------------------------- quote marks

# Opening mark -> the marks that close it. „ closes with “ (German style) or ” (some English
# sources); ‘ is only an opening quote where it cannot be an apostrophe (see _can_open).
_CLOSERS: dict[str, str] = {
    "“": "”",
    "„": "“”",
    "«": "»",
    "‹": "›",
    '"': '"',
    "‘": "’",
    "‚": "‘’",
}


def _can_open(text: str, i: int) -> bool:
    ch = text[i]
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt.isspace():
        return False
    if ch in "‘‚":
        prev = text[i - 1] if i else " "
        return not prev.isalnum()
    return True


def _can_close(text: str, j: int, opener: str) -> bool:
    if opener not in "‘‚":
        return True
    # ’ between two letters is an apostrophe (it’s, don’t); so is the ’ of "’90s".
    prev = text[j - 1] if j else " "
    nxt = text[j + 1] if j + 1 < len(text) else " "
    return not nxt.isalnum() and not prev.isspace()


@dataclass(slots=True)
class _Marked:
    """A quoted stretch: content is text[start:end]; `closed` is False if a line break ended it."""

    start: int
    end: int
    closed: bool


def _scan_marks(text: str) -> list[_Marked]:
    out: list[_Marked] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch not in _CLOSERS or not _can_open(text, i):
            i += 1
            continue
        closers, j = _CLOSERS[ch], i + 1
        while j < n and text[j] != "\n":
            if text[j] in closers and _can_close(text, j, ch):
                break
            j += 1
        closed = j < n and text[j] != "\n"
        end = j
        while end > i + 1 and text[end - 1].isspace():
            end -= 1
        if end > i + 1:
            out.append(_Marked(i + 1, end, closed))
        i = j + 1
    return out


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


# --------------------------------------------------------------------------- speakers


_CLAUSE_MODIFIERS = frozenset({"relcl", "acl", "advcl"})


def _noun_phrase(tok: Token) -> Span:
    """The noun phrase headed by `tok`, without trailing clauses and without what follows a
    comma ("Colonel Ortega, a spokeswoman for the army" -> "Colonel Ortega"); an apposition
    with no comma stays ("the engineer Tom Reyes")."""
    doc = tok.doc
    end = tok.right_edge.i
    for child in tok.rights:
        after_comma = any(t.text == "," for t in doc[tok.i + 1 : child.left_edge.i + 1])
        if child.dep_ in _CLAUSE_MODIFIERS or (after_comma and child.dep_ not in ("conj", "cc")):
            end = min(end, child.left_edge.i - 1)
    end = max(end, tok.i)
    start = tok.left_edge.i
    while end > start and doc[end].is_punct:
        end -= 1
    return doc[start : end + 1]


def _subject(verb: Token) -> Token | None:
    """The speaker of a speech verb: its subject, or the subject of the verb it hangs from."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.dep_ == "nsubjpass":
                agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                pobj = (
                    next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
                )
                return pobj
            if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return verb.head  # "Smith, who said …": the speaker is Smith
            return child
    # "X walked out, saying that …", "X said … and added that …", "X is expected to say"
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
        head = verb.head
        if head.dep_ == "ccomp" and verb.i < _clause_opening(head):
            # "X reported, citing Y, that …": the parser hangs the participle on the
            # reported clause, but it stands before that clause and belongs to the reporter.
            return _subject(head.head)
        return _subject(head)
    return None


def _clause_opening(clause: Token) -> int:
    """Index of the first of a clause's mark ("that") and subject, or of its verb."""
    firsts = [c.left_edge.i for c in clause.children if c.dep_ in ("mark", "nsubj", "nsubjpass")]
    return min(firsts, default=clause.i)


def _according_to(tok: Token) -> Token | None:
    """For the word "according" of "according to X": X's head noun."""
    if tok.lower_ != "according":
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        to = tok.doc[tok.i + 1]
    if to is None:
        return None
    return next((c for c in to.children if c.dep_ == "pobj"), None)


# --------------------------------------------------------------------------- find_quotes


@dataclass(slots=True)
class _Found:
    """A quote under construction: token-level facts kept until offsets are final."""

    kind: QuoteKind
    parts: list[CharSpan]
    cue: Token | None
    speaker: Span | None
    why: str
    closed: bool = True
    fragments: list[CharSpan] = field(default_factory=list)  # quoted pieces inside (indirect)

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def find_quotes(
    doc: Doc,
    *,
    offset: int = 0,
    resolve_speaker: SpeakerResolver | None = None,
) -> list[QuoteSpan]:
    """Direct and indirect quotes in `doc`, in text order.

    `offset` is added to every character offset (the Doc's position in its article);
    `resolve_speaker(start, end)` gets the speaker span with the offset applied and may return
    the coded actor, which is stored in `QuoteSpan.actor`.
    """
    lexicon = cue_lexicon()
    layout = _Layout.of(doc)
    marks = _scan_marks(_doc_text(doc))
    direct = _direct_quotes(doc, layout, marks, lexicon)
    indirect = _indirect_quotes(doc, marks, lexicon)
    found = _inherit_speakers(doc, layout, _reconcile(direct, indirect))
    return [_finish(doc, layout, q, offset, resolve_speaker) for q in found]


def _inside_marks(marks: list[_Marked]) -> Callable[[int], bool]:
    starts = [m.start for m in marks]

    def inside(char: int) -> bool:
        k = bisect_right(starts, char) - 1
        return k >= 0 and marks[k].start <= char < marks[k].end

    return inside


def _direct_quotes(
    doc: Doc, layout: _Layout, marks: list[_Marked], lexicon: CueLexicon
) -> list[_Found]:
    inside = _inside_marks(marks)
    found: list[_Found] = []
    for k, mark in enumerate(marks):
        if _words(_doc_text(doc)[mark.start : mark.end]) == 0:
            continue
        cue, why = _direct_cue(doc, layout, marks, k, inside, lexicon)
        quote = _Found("direct", [(mark.start, mark.end)], cue, None, why, closed=mark.closed)
        if cue is not None:
            quote.speaker = _speaker_of(cue)
        if found and cue is not None and found[-1].cue is not None and found[-1].cue.i == cue.i:
            found[-1].parts.append((mark.start, mark.end))  # split by its own speech verb
            found[-1].closed = mark.closed
            continue
        found.append(quote)
    return found


def _frame(doc: Doc, layout: _Layout, mark: _Marked) -> range:
    """Token indices that may hold the cue of a quote: the sentences the quote touches, the
    sentence after when the quote ends in a comma ("…,” she said."), clipped to the paragraph."""
    p_start, p_end = layout.paragraph_bounds(mark.start)
    first = layout.sentence_of(_token_at(doc, mark.start))
    last_tok = _token_at(doc, max(mark.end - 1, mark.start))
    last = layout.sentence_of(last_tok)
    after = _doc_text(doc)[mark.end + 1 : mark.end + 4].lstrip()
    if last + 1 < len(layout.sent_starts) and (
        _doc_text(doc)[mark.end - 1] in ",?!" or (after[:1].islower())
    ):
        nxt_start = layout.sent_starts[last + 1]
        if doc[nxt_start].idx - mark.end < 4:
            last += 1
    lo = layout.sent_starts[first]
    hi = layout.sent_starts[last + 1] if last + 1 < len(layout.sent_starts) else len(doc)
    tokens = [t.i for t in doc[lo:hi] if p_start <= t.idx < max(p_end, p_start + 1)]
    return range(tokens[0], tokens[-1] + 1) if tokens else range(0)


def _direct_cue(
    doc: Doc,
    layout: _Layout,
    marks: list[_Marked],
    k: int,
    inside: Callable[[int], bool],
    lexicon: CueLexicon,
) -> tuple[Token | None, str]:
    mark = marks[k]
    candidates: list[Token] = []
    for i in _frame(doc, layout, mark):
        tok = doc[i]
        if inside(tok.idx):
            continue
        cls = lexicon.verb_class(tok)
        if cls in _DIRECT_CLASSES or _according_to(tok) is not None:
            candidates.append(tok)
        elif cls is not None and _reaches(tok, mark):
            candidates.append(tok)  # "condemned the test as “provocative”"
    if candidates:
        return _closest(candidates, mark, inside), "speech verb beside the quote"
    dash = _dash_cue(doc, mark)
    if dash is not None:
        return dash, "name after a dash following the quote"
    colon = _colon_cue(doc, layout, mark)
    if colon is not None:
        return colon, "verb before a colon introducing the quote"
    return None, "no cue"


def _reaches(tok: Token, mark: _Marked) -> bool:
    return any(mark.start <= t.idx < mark.end for t in tok.subtree)


def _closest(candidates: list[Token], mark: _Marked, inside: Callable[[int], bool]) -> Token:
    """Prefer a cue whose parse reaches into the quote; then the one nearest to it."""

    def distance(tok: Token) -> int:
        if tok.idx >= mark.end:
            return tok.idx - mark.end
        return max(0, mark.start - tok.idx)

    return min(candidates, key=lambda t: (not _reaches(t, mark), distance(t)))


_DASHES = "―—–"


def _dash_cue(doc: Doc, mark: _Marked) -> Token | None:
    """ "“…” ― Jane Doe": a dash right after the closing mark, then a name, ends the line."""
    k = mark.end + 1
    while k < len(_doc_text(doc)) and _doc_text(doc)[k] in " \u00a0":
        k += 1
    if k >= len(_doc_text(doc)) or _doc_text(doc)[k] not in _DASHES:
        return None
    dash = _token_at(doc, k)
    name = [t for t in doc[dash + 1 : dash + 8] if "\n" not in t.text]
    name = name[: next((n for n, t in enumerate(name) if t.is_punct), len(name))]
    if not name or not all(t.is_title or t.is_upper for t in name if t.is_alpha):
        return None
    return doc[dash]


def _colon_cue(doc: Doc, layout: _Layout, mark: _Marked) -> Token | None:
    """ "Caddell continued:" at the end of the text just before the quote (same or previous
    paragraph): that clause's verb is the cue when it has a subject."""
    before = _doc_text(doc)[: mark.start - 1].rstrip()
    if not before.endswith(":"):
        return None
    colon = _token_at(doc, len(before) - 1)
    sent = doc[layout.sent_starts[layout.sentence_of(colon)] : colon + 1]
    verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and _subject(t) is not None]
    return verbs[-1] if verbs else None


def _speaker_of(cue: Token) -> Span | None:
    if cue.text[:1] in _DASHES:
        name = [t for t in cue.doc[cue.i + 1 : cue.i + 8] if "\n" not in t.text]
        name = name[: next((n for n, t in enumerate(name) if t.is_punct), len(name))]
        return cue.doc[name[0].i : name[-1].i + 1] if name else None
    target = _according_to(cue)
    if target is not None:
        return _noun_phrase(target)
    subject = _subject(cue)
    return _noun_phrase(subject) if subject is not None else None


def _indirect_quotes(doc: Doc, marks: list[_Marked], lexicon: CueLexicon) -> list[_Found]:
    inside = _inside_marks(marks)
    found: list[_Found] = []
    for tok in doc:
        if inside(tok.idx):
            continue  # speech reported inside a quotation belongs to the quotation
        quote = _indirect_at(tok, lexicon)
        if quote is not None:
            found.append(quote)
    return found


def _indirect_at(tok: Token, lexicon: CueLexicon) -> _Found | None:
    target = _according_to(tok)
    if target is not None:
        content = _according_content(tok)
        if content is None:
            return None
        return _Found("indirect", [content], tok, _noun_phrase(target), "according to X")
    entry = lexicon.verb(tok)
    if entry is not None:
        return _verb_quote(tok, entry)
    noun = lexicon.noun(tok)
    return _noun_quote(tok, noun) if noun is not None else None


# Prepositions whose object is what a stance is about: "called for", "voted against",
# "warned of", "spoke about", "described as", "agreed with", "objected to".
_CONTENT_PREPS = frozenset({"for", "against", "on", "about", "of", "with", "as", "to"})


def _verb_quote(tok: Token, entry: CueWord) -> _Found | None:
    content = _verb_content(tok, entry)
    if content is None:
        return None
    span, rel = content
    subject = _subject(tok)
    if subject is None and rel != "ccomp":
        return None  # an object or infinitive alone is not a claim unless someone holds it
    speaker = _noun_phrase(subject) if subject is not None else None
    return _Found("indirect", [_clip_to_paragraph(tok, span)], tok, speaker, f"{entry.cls} {rel}")


def _verb_content(tok: Token, entry: CueWord) -> tuple[CharSpan, str] | None:
    """The complement that carries what the cue verb reports, by preference of relation."""
    kids = list(tok.children)
    passive = any(c.dep_ == "auxpass" for c in kids)
    for rel in ("ccomp", "xcomp", "dobj", "prep"):
        if rel not in entry.content or (rel == "dobj" and passive):
            continue
        for child in kids:
            span = _complement(tok, child, rel)
            if span is not None:
                return span, rel
    if entry.cls in _DIRECT_CLASSES and tok.dep_ == "parataxis":
        span = _clause_span(tok.head, tok)  # "The talks failed, officials said."
        return (span, "ccomp") if span is not None else None
    return None


def _complement(verb: Token, child: Token, rel: str) -> CharSpan | None:
    if child.dep_ != rel:
        return None
    if rel == "ccomp":
        return _clause_span(child, verb)
    if rel == "prep":
        if child.lower_ not in _CONTENT_PREPS:
            return None
        obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
        return _subtree_span(obj) if obj is not None else None
    if rel == "dobj":
        # "called them “deplorables”": the object and a predicate that follows it.
        tail = [c for c in verb.rights if c.i > child.i and c.dep_ in ("oprd", "ccomp", "xcomp")]
        last = tail[-1] if tail else child
        return _edges(child.left_edge, last.right_edge)
    return _subtree_span(child)


def _subtree_span(tok: Token) -> CharSpan | None:
    return _edges(tok.left_edge, tok.right_edge)


def _edges(first: Token, last: Token) -> CharSpan | None:
    doc = first.doc
    lo, hi = first.i, last.i
    while lo <= hi and doc[lo].is_punct and doc[lo].text not in _CLOSERS:
        lo += 1
    while hi >= lo and doc[hi].is_punct and doc[hi].text not in '”"’?!»':
        hi -= 1
    if hi < lo:
        return None
    return int(doc[lo].idx), int(doc[hi].idx + len(doc[hi]))


def _noun_quote(tok: Token, entry: CueWord) -> _Found | None:
    """ "Trump's claim that …", "a report that …": a cue noun with a that-clause."""
    clause = next(
        (
            c
            for c in tok.children
            if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children)
        ),
        None,
    )
    if clause is None:
        return None
    span = _clause_span(clause, tok)
    if span is None:
        return None
    holder = next((c for c in tok.children if c.dep_ in ("poss", "compound")), None)
    speaker = _noun_phrase(holder) if holder is not None else None
    why = f"{entry.cls} noun with a that-clause"
    return _Found("indirect", [_clip_to_paragraph(tok, span)], tok, speaker, why)


def _clip_to_paragraph(cue: Token, span: CharSpan) -> CharSpan:
    """Sentences run across line breaks in spaCy's parse; reported speech does not."""
    text = _doc_text(cue.doc)
    lo = text.rfind("\n", 0, cue.idx) + 1
    hi = text.find("\n", cue.idx)
    hi = len(text) if hi < 0 else hi
    start, end = max(span[0], lo), min(span[1], hi)
    return (start, end) if end > start else span


def _clause_span(clause: Token, cue: Token) -> CharSpan | None:
    """Characters of a complement clause; for a head clause (parataxis) minus the cue's part."""
    doc = clause.doc
    lo, hi = clause.left_edge.i, clause.right_edge.i
    marks = [c.i for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"]
    opening = min(marks, default=lo)
    if cue.head.i != clause.i and lo < opening:
        lo = opening  # "reported, citing officials, that …": the content starts at "that"
    if cue.head.i == clause.i:  # "The talks failed, officials said": the clause minus the cue
        cue_lo, cue_hi = cue.left_edge.i, cue.right_edge.i
        if cue_lo > clause.i:
            hi = cue_lo - 1
        else:
            lo = cue_hi + 1
    while lo <= hi and (doc[lo].is_punct or (doc[lo].lower_ == "that" and doc[lo].dep_ == "mark")):
        lo += 1
    while hi >= lo and doc[hi].is_punct and doc[hi].text not in '”"’?!':
        hi -= 1
    if hi < lo:
        return None
    return int(doc[lo].idx), int(doc[hi].idx + len(doc[hi]))


def _according_content(tok: Token) -> CharSpan | None:
    """ "According to X, …": the rest of the clause the phrase modifies."""
    doc = tok.doc
    head = tok.head
    phrase_lo, phrase_hi = tok.left_edge.i, tok.right_edge.i
    sent = tok.sent
    lo, hi = head.left_edge.i, head.right_edge.i
    if head.i == tok.i:
        lo, hi = sent.start, sent.end - 1
    if phrase_lo <= lo:
        lo = phrase_hi + 1
    elif phrase_hi >= hi:
        hi = phrase_lo - 1
    while lo <= hi and doc[lo].is_punct:
        lo += 1
    while hi >= lo and doc[hi].is_punct:
        hi -= 1
    if hi < lo:
        return None
    return int(doc[lo].idx), int(doc[hi].idx + len(doc[hi]))


# --------------------------------------------------------------------------- reconciling


def _overlap(a: CharSpan, b: CharSpan) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _reconcile(direct: list[_Found], indirect: list[_Found]) -> list[_Found]:
    """Merge direct and indirect findings so that each piece of speech is reported once."""
    keep_indirect: list[_Found] = []
    for ind in indirect:
        span = (ind.start, ind.end)
        host = next((d for d in direct if _covers(d, span)), None)
        if host is not None:
            # The parser made the quoted clause the verb's complement: it is the direct quote.
            if host.cue is None or host.why == "no cue":
                host.cue, host.speaker, host.why = ind.cue, ind.speaker, ind.why
            continue
        keep_indirect.append(ind)
    keep_indirect = _drop_nested(keep_indirect)
    keep_direct: list[_Found] = []
    for d in direct:
        host = next((i for i in keep_indirect if _within(d, (i.start, i.end))), None)
        if host is not None:
            host.fragments.extend(d.parts)  # a quoted fragment of reported speech
            continue
        keep_direct.append(d)
    return sorted(keep_direct + keep_indirect, key=lambda q: (q.start, q.end))


# Cues that report what someone said stay when nested in other reported content ("X said
# that officials warned that …"); weaker cues nested in reported content are part of it.
_NESTABLE = ("speech", "report", "according")


def _drop_nested(found: list[_Found]) -> list[_Found]:
    def nested(q: _Found) -> bool:
        if q.cue is None or q.why.startswith(_NESTABLE):
            return False
        at = q.cue.idx
        return any(o is not q and o.start <= at < o.end for o in found)

    return [q for q in found if not nested(q)]


def _covers(d: _Found, span: CharSpan) -> bool:
    # Quote marks sit just outside the content; allow the clause to reach them.
    return any(p[0] - 2 <= span[0] and span[1] <= p[1] + 2 for p in d.parts)


def _within(d: _Found, span: CharSpan) -> bool:
    return span[0] - 2 <= d.start and d.end <= span[1] + 2


# --------------------------------------------------------------------------- speakers across quotes


def _inherit_speakers(doc: Doc, layout: _Layout, found: list[_Found]) -> list[_Found]:
    """Cue-less quotes take the previous quote's speaker when nothing makes that ambiguous.

    "“A,” she said. “B.”": B continues A (only A's cue stands between them), so B becomes a
    second part of A's quote. A cue-less quote later in the paragraph is its own quote with
    A's speaker, unless a person is named between them; so is the continuation of a quote
    left open at a paragraph's end (the multi-paragraph convention).
    """
    out: list[_Found] = []
    for quote in found:
        prev = out[-1] if out else None
        if quote.cue is not None or prev is None or prev.speaker is None:
            out.append(quote)
            continue
        same_para = layout.paragraph(prev.end) == layout.paragraph(quote.start)
        if same_para and quote.kind == "direct" and _only_cue_between(prev, quote):
            prev.parts.extend(quote.parts)
            prev.closed = quote.closed
            continue
        continued = not prev.closed and _doc_text(doc)[quote.start - 1] in _CLOSERS
        if continued or (same_para and not _other_person_between(doc, prev, quote)):
            quote.speaker = prev.speaker
            quote.cue = prev.cue
            quote.why = "speaker of the previous quote in the paragraph"
        out.append(quote)
    return out


def _only_cue_between(prev: _Found, quote: _Found) -> bool:
    doc = quote.cue.doc if quote.cue is not None else prev.cue.doc if prev.cue else None
    if doc is None:
        return False
    gap = _doc_text(doc)[prev.end : quote.start]
    if not any(ch.isalnum() for ch in gap):
        return True
    # Only the cue's own sentence may stand between the parts: "“A,” she said. “B.”"
    cue = prev.cue
    if cue is None or not prev.end <= cue.idx < quote.start:
        return False
    sent = cue.sent
    outside = (
        _doc_text(doc)[prev.end : sent.start_char] + _doc_text(doc)[sent.end_char : quote.start]
    )
    return not any(ch.isalnum() for ch in outside)


def _other_person_between(doc: Doc, prev: _Found, quote: _Found) -> bool:
    """A person named between two quotes, other than the previous quote's speaker."""
    skip = (prev.speaker.start_char, prev.speaker.end_char) if prev.speaker else (0, 0)
    return any(
        e.label_ == "PERSON"
        and prev.end <= e.start_char < quote.start
        and not skip[0] <= e.start_char < skip[1]
        for e in doc.ents
    )


def _finish(
    doc: Doc, layout: _Layout, q: _Found, offset: int, resolve: SpeakerResolver | None
) -> QuoteSpan:
    cue = None
    if q.cue is not None:
        tok = q.cue
        lemma = "according to" if _according_to(tok) is not None else tok.lemma_.lower()
        cue = Cue(int(tok.i), offset + tok.idx, offset + tok.idx + len(tok), lemma, tok.text)
    speaker: CharSpan | None = None
    speaker_text = None
    if q.speaker is not None:
        speaker = (offset + q.speaker.start_char, offset + q.speaker.end_char)
        speaker_text = q.speaker.text
    anchor = q.cue.i if q.cue is not None else _token_at(doc, q.start)
    actor = resolve(*speaker) if resolve is not None and speaker is not None else None
    cue_class = _cue_class(q.cue) if q.cue is not None else None
    return QuoteSpan(
        kind=q.kind,
        content=(offset + q.start, offset + q.end),
        cue=cue,
        speaker=speaker,
        sentence=layout.sentence_of(anchor),
        parts=tuple((offset + a, offset + b) for a, b in q.parts),
        speaker_text=speaker_text,
        actor=actor,
        why=q.why,
        cue_class=cue_class,
    )


def _cue_class(tok: Token) -> str:
    lexicon = cue_lexicon()
    entry = lexicon.verb(tok) or lexicon.noun(tok)
    # "according to", a dash before a name, a verb before a colon: all introduce speech.
    return entry.cls if entry is not None else "speech"


# --------------------------------------------------------------------------- attribution


@dataclass(slots=True)
class AttributionContext:
    """Article-level state for `attribution`; call it on the article's sentences in order.

    How long a report persists (decided here, tested in tests/test_provenance.py):

    - `report` is the chain of the last report the article established: a reporting outlet
      the sentence cites ("the Daily Planet reported, citing officials, …") with the sources
      it cited, extended when a later sentence says what the report cited ("The report cited
      two diplomats"). A new reporting outlet replaces it. It lasts the whole article, but is
      applied only to
    - sentences that refer to it ("the report said", "according to the report", "the
      newspaper added"), and
    - hedged sentences with no claimant of their own right after a sentence that carried it
      ("… is believed to …"), for as long as such sentences follow one another.
    - Any other sentence is the article's own voice (or its own claimants) and ends the run.
    """

    report: list[Claimant] = field(default_factory=list)
    carried: bool = False  # the previous sentence carried `report`
    last_person: Claimant | None = None  # for "he said" / "she added"


def _wordlist(words: str) -> list[str]:
    return words.split()


# Adverbs by which the article distances itself from a claim.
_HEDGE_ADVERBS = frozenset(
    _wordlist(
        "reportedly allegedly apparently purportedly supposedly seemingly ostensibly rumoredly"
    )
)
# "X is believed to …", "it is understood that …": these verbs in the passive hedge.
_HEDGE_PASSIVES = frozenset(
    _wordlist(
        "believe understand think say report allege rumor rumour suppose suspect claim "
        "presume consider know"
    )
)
# "X appears to …", "X seems to …".
_HEDGE_RAISING = frozenset({"appear", "seem"})

# Nouns that refer back to a report the article has described ("the report", "the paper").
_REPORT_NOUNS = frozenset(
    _wordlist(
        "report article story newspaper paper outlet broadcaster network channel daily "
        "magazine website site publication investigation dispatch account agency broadcast"
    )
)
# Words that mark a proper name as a news outlet ("The New York Times", "Channel 12", "Reuters").
# Names of outlets are facts; the list favours wire services and outlets often cited in
# international news and is meant to be extended.
_MEDIA_WORDS = frozenset(
    _wordlist(
        "times post journal news herald tribune guardian telegraph gazette daily press "
        "reuters ap afp cnn bbc nbc abc cbs fox msnbc npr bloomberg politico axios haaretz "
        "jazeera monitor observer independent economist mirror chronicle inquirer globe "
        "channel radio tv television agency wire magazine breitbart huffpost tasnim fars "
        "irna xinhua tass interfax yonhap kyodo ynet walla maariv yedioth asharq kan "
        "newsweek vox slate atlantic spiegel monde figaro pravda izvestia dpa efe ansa upi "
        "cnbc sky euronews france24 rt sputnik isna mehr presstv alarabiya arabiya i24news"
    )
)


def attribution(
    sent: Span, *, outlet: str | None, article_context: AttributionContext
) -> Attribution:
    """Who asserts `sent`: status direct, reported or hedged, and the claimant chain.

    The chain is outermost first: the publishing `outlet` (when known), a reporting outlet the
    sentence cites, then the sources cited by name or anonymously. `article_context` carries
    the report an earlier sentence established (see AttributionContext) and is updated.
    """
    ctx = article_context
    hedge = _hedge(sent)
    found = _claimants(sent, ctx)
    chain: list[Claimant] = [Claimant(outlet, "outlet")] if outlet else []
    why: list[str] = []
    used_report = False
    for claimant, reason in found:
        if claimant is None:  # "the report", "according to the report"
            chain.extend(c for c in ctx.report if c not in chain)
            used_report = True
        elif not (outlet and claimant.kind == "outlet" and _same_name(claimant.name, outlet)):
            chain.append(claimant)
        why.append(reason)
    if hedge and not found and ctx.carried and ctx.report:
        chain.extend(c for c in ctx.report if c not in chain)
        used_report = True
        why.append("hedged right after a sentence carrying the report")
    _remember(ctx, found, used_report)
    status = "hedged" if hedge else "reported" if len(chain) > (1 if outlet else 0) else "direct"
    if hedge:
        why.insert(0, f"hedge: {hedge}")
    return Attribution(status=status, by=chain, why="; ".join(why) or "the article's own voice")


def _same_name(a: str, b: str) -> bool:
    def norm(x: str) -> str:
        x = x.lower().strip()
        return x[4:] if x.startswith("the ") else x

    return norm(a) == norm(b) or norm(a) in norm(b).split() or norm(b) in norm(a).split()


def _remember(
    ctx: AttributionContext, found: list[tuple[Claimant | None, str]], used_report: bool
) -> None:
    claimants = [c for c, _ in found if c is not None]
    for k, claimant in enumerate(claimants):
        if claimant.kind == "outlet":
            ctx.report = [claimant, *claimants[k + 1 :]]  # a new report replaces the old
            used_report = True
            break
    else:
        if used_report:
            ctx.report.extend(c for c in claimants if c not in ctx.report)
    named = [c for c in claimants if c.kind == "named"]
    if named:
        ctx.last_person = named[-1]
    ctx.carried = used_report


def _hedge(sent: Span) -> str | None:
    """The hedge of a sentence, if any, in words ("reportedly", "is believed to")."""
    for tok in sent:
        low, lemma = tok.lower_, tok.lemma_.lower()
        if low in _HEDGE_ADVERBS:
            return low
        kids = {c.dep_ for c in tok.children}
        if lemma in _HEDGE_PASSIVES and "auxpass" in kids and kids & {"xcomp", "ccomp"}:
            return f"is {tok.text} to/that"
        if lemma in _HEDGE_RAISING and "xcomp" in kids:
            return f"{tok.text} to"
    return None


def _claimants(sent: Span, ctx: AttributionContext) -> list[tuple[Claimant | None, str]]:
    """Claimants the sentence cites, outermost first; None stands for "the report".

    Each cue contributes its holder ("the Daily Planet reported", "according to X") and, for
    "cite", the sources cited. "…, citing officials" has no subject of its own: its sources
    follow the outermost claimant.
    """
    lexicon = cue_lexicon()
    cues: list[tuple[int, int, Token, list[Token]]] = []  # depth, position, holder, cited
    participles: list[Token] = []
    for tok in sent:
        holder = _according_to(tok)
        if holder is not None:
            cues.append((_depth(tok), tok.i, holder, []))
            continue
        if tok.lemma_ == "cite" and tok.pos_ == "VERB":
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is None:
                # "The report cited officials briefed on ...": the parser often reads the
                # cited sources as the subject of a clause.
                obj = next(
                    (
                        g
                        for c in tok.children
                        if c.dep_ == "ccomp"
                        for g in c.children
                        if g.dep_ == "nsubj"
                    ),
                    None,
                )
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if obj is not None and subject is not None:
                cues.append((_depth(tok), tok.i, subject, [obj]))
            elif obj is not None:
                participles.append(obj)
            continue
        entry = lexicon.verb(tok)
        if entry is None or entry.cls not in ("speech", "report") or _hedge_form(tok):
            continue
        subject = _subject(tok)
        if subject is not None and _relays(tok):
            cues.append((_depth(tok), tok.i, subject, []))
    out: list[tuple[Claimant | None, str]] = []
    for _, _, holder, cited in sorted(cues, key=lambda c: (c[0], c[1])):
        out.append((_claimant(holder, ctx), f"cue with holder {holder.text!r}"))
        out.extend((_claimant(c, ctx), f"cites {c.text!r}") for c in cited)
        out.extend((_claimant(c, ctx), f"citing {c.text!r}") for c in participles)
        participles = []
    out.extend((_claimant(c, ctx), f"citing {c.text!r}") for c in participles)
    return out


def _hedge_form(tok: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in tok.children)


def _relays(tok: Token) -> bool:
    """A speech or report verb relays a claim when it has a clause or is set off from one."""
    if any(c.dep_ == "ccomp" for c in tok.children):
        return True
    # "..., the Daily Planet reported on Saturday.": the parser hangs a trailing reporting
    # frame on the reported verb as parataxis or, as often, as an advcl without a marker.
    return (
        tok.dep_ in ("parataxis", "advcl")
        and tok.i > tok.head.i
        and not any(c.dep_ == "mark" for c in tok.children)
    )


def _depth(tok: Token) -> int:
    return sum(1 for _ in tok.ancestors)


def _claimant(head: Token, ctx: AttributionContext) -> Claimant | None:
    """Classify the noun phrase headed by `head`; None when it is "the report" again."""
    phrase = _claimant_phrase(head)
    words = [t for t in phrase if not t.is_punct]
    name = phrase.text
    proper = [t for t in words if t.pos_ == "PROPN"]
    if head.lemma_.lower() in _REPORT_NOUNS and not proper and ctx.report:
        return None
    if any(t.lower_ in _MEDIA_WORDS for t in proper) or (
        head.lemma_.lower() in _REPORT_NOUNS and proper
    ):
        return Claimant(name, "outlet")
    if head.pos_ == "PRON":
        if head.lower_ in ("he", "she") and ctx.last_person is not None:
            return ctx.last_person
        return Claimant(name, "named")
    labels = {t.ent_type_ for t in words if t.ent_type_}
    if "PERSON" in labels:
        return Claimant(name, "named")
    if proper and labels & {"ORG", "GPE", "NORP", "FAC"} and head.pos_ == "PROPN":
        return Claimant(name, "organisation")
    if head.pos_ == "PROPN":
        return Claimant(name, "named")
    return Claimant(name, "anonymous")


def _claimant_phrase(head: Token) -> Span:
    """The claimant's name: the head noun with what precedes it, and coordinated nouns
    ("Israeli and U.S. officials", "a senior official"), without trailing modifiers
    ("officials briefed on the talks" -> "officials")."""
    last = head
    for conj in head.conjuncts:
        if conj.i > last.i:
            last = conj
    first = head.left_edge
    return head.doc[first.i : last.i + 1]
