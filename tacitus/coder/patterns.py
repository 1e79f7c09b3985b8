"""The event pattern dictionary: verb and noun patterns that map English predicates to CAMEO codes.

Data: tacitus/data/verbs.txt (patterns and light verbs) and tacitus/data/modality.tsv (verbs
whose complement event is wanted, demanded, threatened, planned, considered or refused rather
than reported as a fact). The format is described in tacitus/data/README.md; in short, one
pattern a line, ``CODE PATTERN  # comment``:

    040  consult with            verb lemma + preposition whose object is the target
    0874 pull +out of            +particle must be present
    163  impose =sanction on     =object lemma(s) required; the verb alone does not fire
    084  return =* to            =* any direct object is required ("returned the relics to X"
                                 but not "returned to Cairo"); it ranks below named objects
    195  ~airstrike on|against   ~noun: a nominal event; prepositions introduce the target
    190  ~war !with|against      ~noun with `!`: the noun codes only with one of the prepositions
    1831 ~suicide_bombing        a_b: head lemma b with a modifier (compound/amod) lemma a
    020  suggest <@party         <@class: the verb's subject must be of the class ("figures
                                 suggest" is none); a verb with no subject passes
    LIGHT launch|conduct|stage   verbs that hand their subject to a nominal-event object

How a pattern matches (`Pattern.matches`, used by `PatternIndex.match_verb`/`match_noun`):
the particle, the required objects and the modifier must all be present. A verb pattern with
prepositions only matches when one of them has an object ("call on" is an appeal, bare "call"
a phone call), so it ranks above the bare verb. A noun pattern's prepositions only say where
the target is: the noun fires on its own too ("the strikes killed ten"). Candidates are kept
most specific first, so the first pattern that matches is the one to use.

Users extend the dictionary by pointing ``TACITUS_DICTIONARIES`` at a folder holding their own
verbs.txt and/or modality.tsv: these are read after the package files and win on conflicts
(the same pattern with another code, the same lemma with another modality).
"""

from __future__ import annotations

import csv
import logging
import os
import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Final

from tacitus.coder.codebook import cameo_codes
from tacitus.errors import DictionaryError

__all__ = [
    "ANY_OBJECT",
    "MODALITIES",
    "Pattern",
    "PatternIndex",
    "compound_keys",
    "load_patterns",
]

log = logging.getLogger(__name__)

DATA_DIR: Final = Path(__file__).resolve().parent.parent / "data"
ENV_DIRECTORY: Final = "TACITUS_DICTIONARIES"

# "negated" is a polarity rather than a modality of the event record: the event coder maps it.
MODALITIES: Final = frozenset({"intent", "demand", "threat", "planned", "hypothetical", "negated"})

# Lemmas are lowercase words as spaCy writes them; "_" joins a modifier to its head
# ("suicide_bombing"), "-" and "'" occur inside real lemmas ("cease-fire" is split, "o'clock").
_WORD: Final = re.compile(r"[a-z][a-z'-]*")
_COMPOUND: Final = re.compile(r"[a-z][a-z'-]*(?:_[a-z][a-z'-]*)?")
# An object is a lemma (or modifier_head) or a semantic class, "@party" (tacitus/coder/classes.py).
_OBJECT: Final = re.compile(r"@[a-z]+|[a-z][a-z'-]*(?:_[a-z][a-z'-]*)?")

# Weights behind Pattern.specificity: a required object or particle narrows a verb most
# ("strike =deal" against "strike"), a modifier next ("suicide bombing" against "bombing"),
# and a required preposition least ("call on" against "call").
_OBJECT_WEIGHT: Final = 4
_PARTICLE_WEIGHT: Final = 4
_MODIFIER_WEIGHT: Final = 2
_PREP_WEIGHT: Final = 1
# A subject class narrows like a preposition: "suggest <@party" against "suggest".
_SUBJECT_WEIGHT: Final = 1
# "=*" (any object) narrows less than a named object: "return =prisoner" (0841) must beat
# "return =* to" (084) even though the latter also names a preposition (2 + 1 < 4).
ANY_OBJECT: Final = "*"
_ANY_OBJECT_WEIGHT: Final = 2
# A class of objects ("=@party") narrows less than named lemmas and more than any object:
# "welcome =decision" (051) beats "welcome =@party" (043), which beats "welcome =*".
_CLASS_OBJECT_WEIGHT: Final = 3
NO_OBJECT_KEY: Final = "@none"  # the object key of a verb with no direct object (classes.py)
# The object key of a verb with a clausal complement ("questioned whether ...", "claimed that
# ..."), beside @none when it has no direct object: what is questioned is the clause.
CLAUSE_KEY: Final = "@clause"


@dataclass(frozen=True, slots=True)
class Pattern:
    """One line of verbs.txt: a predicate with its constraints and the CAMEO code it codes."""

    code: str
    lemma: str
    nominal: bool
    particle: str | None
    objects: frozenset[str]
    preps: tuple[str, ...]
    line: int
    modifier: str | None = None
    file: str = "verbs.txt"
    # A noun pattern written `~war !with|against`: the noun codes only with one of its
    # prepositions ("war on drugs" and "the Iraq war" are mentions, "war with Iran" an event).
    required_preps: bool = False
    # `<@party`: the classes the verb's subject must belong to (empty: any subject).
    subjects: frozenset[str] = frozenset()

    def specificity(self) -> int:
        """More constraints give a higher number; objects and particles count most."""
        if self.objects == {ANY_OBJECT}:
            objects = _ANY_OBJECT_WEIGHT
        elif all(o.startswith("@") for o in self.objects):
            objects = _CLASS_OBJECT_WEIGHT
        else:
            objects = _OBJECT_WEIGHT
        return (
            objects * bool(self.objects)
            + _PARTICLE_WEIGHT * bool(self.particle)
            + _MODIFIER_WEIGHT * bool(self.modifier)
            + _PREP_WEIGHT * bool(self.preps)
            + _SUBJECT_WEIGHT * bool(self.subjects)
        )

    def text(self) -> str:
        """The pattern as written in the file (objects sorted): "impose =embargo|sanction on"."""
        head = f"{self.modifier}_{self.lemma}" if self.modifier else self.lemma
        parts = [("~" if self.nominal else "") + head]
        if self.particle:
            parts.append("+" + self.particle)
        if self.objects:
            parts.append("=" + "|".join(sorted(self.objects)))
        if self.preps:
            parts.append(("!" if self.required_preps else "") + "|".join(self.preps))
        if self.subjects:
            parts.append("<" + "|".join(sorted(self.subjects)))
        return " ".join(parts)

    def describe(self) -> str:
        """A `why` string: "verbs.txt:123 impose =sanction on -> 163"."""
        return f"{self.file}:{self.line} {self.text()} -> {self.code}"

    def signature(self) -> tuple[object, ...]:
        """Everything but the code and the place: two lines with one signature conflict."""
        return (
            self.nominal,
            self.modifier,
            self.lemma,
            self.particle,
            self.objects,
            self.preps,
            self.required_preps,
            self.subjects,
        )

    def matches(
        self,
        *,
        particles: Collection[str] = (),
        objects: Collection[str] = (),
        preps: Collection[str] = (),
        modifiers: Collection[str] = (),
        strict_preps: bool = False,
        subjects: Collection[str] = (),
    ) -> bool:
        """Whether a predicate with these dependents satisfies the pattern.

        `particles`: lemmas of particle-like children (spaCy tags "out" in "pulled out of" as
        prep, so pass prt, prep and advmod children alike); `objects`: direct-object keys, see
        `compound_keys`; `preps`: prepositions that have an object; `modifiers`: compound and
        adjective modifier lemmas of a noun. `strict_preps` makes a noun's prepositions
        required too (`PatternIndex.match_noun` tries that first, so "calls for" prefers
        `~call for` to `~call with`). `subjects`: the classes of the verb's subject; empty
        when the verb has none the parse shows, which no subject restriction rules out.
        """
        if self.particle is not None and self.particle not in particles:
            return False
        if self.subjects and subjects and self.subjects.isdisjoint(subjects):
            return False
        if self.objects == {ANY_OBJECT}:
            if not any(o not in (NO_OBJECT_KEY, CLAUSE_KEY) for o in objects):
                return False
        elif self.objects and self.objects.isdisjoint(objects):
            return False
        if self.modifier is not None and self.modifier not in modifiers:
            return False
        # Prepositions constrain verbs only; for nouns they just locate the target, unless
        # the pattern requires them (`!`).
        if self.nominal and not strict_preps and not self.required_preps:
            return True
        return not self.preps or not set(self.preps).isdisjoint(preps)


def compound_keys(head: str, modifiers: Iterable[str] = ()) -> frozenset[str]:
    """The object keys of a noun: its lemma and "modifier_lemma" for each modifier.

    `=chemical_weapon` in verbs.txt matches a direct object "weapon" with a "chemical" child.
    """
    return frozenset({head, *(f"{mod}_{head}" for mod in modifiers)})


@dataclass(frozen=True)
class PatternIndex:
    """All patterns by lemma, most specific first, plus light verbs and modal verbs."""

    verbs: Mapping[str, tuple[Pattern, ...]]
    nouns: Mapping[str, tuple[Pattern, ...]]
    light_verbs: frozenset[str]
    modal_verbs: Mapping[str, str]
    sources: tuple[str, ...] = field(default=())

    def match_verb(
        self,
        lemma: str,
        *,
        particles: Collection[str] = (),
        objects: Collection[str] = (),
        preps: Collection[str] = (),
        subjects: Collection[str] = (),
    ) -> Pattern | None:
        """The most specific verb pattern the predicate satisfies, or None."""
        return _first(
            self.verbs.get(lemma, ()),
            particles=particles,
            objects=objects,
            preps=preps,
            subjects=subjects,
        )

    def match_noun(
        self,
        lemma: str,
        *,
        modifiers: Collection[str] = (),
        preps: Collection[str] = (),
    ) -> Pattern | None:
        """The most specific nominal-event pattern for the noun, or None.

        Patterns whose preposition is present come first; then the noun matches on its own.
        """
        candidates = self.nouns.get(lemma, ())
        strict = _first(candidates, modifiers=modifiers, preps=preps, strict_preps=True)
        return strict or _first(candidates, modifiers=modifiers, preps=preps)

    def __len__(self) -> int:
        return sum(map(len, self.verbs.values())) + sum(map(len, self.nouns.values()))


def _first(
    candidates: Iterable[Pattern],
    *,
    particles: Collection[str] = (),
    objects: Collection[str] = (),
    preps: Collection[str] = (),
    modifiers: Collection[str] = (),
    strict_preps: bool = False,
    subjects: Collection[str] = (),
) -> Pattern | None:
    dependents = {"particles": particles, "objects": objects, "preps": preps}
    return next(
        (
            p
            for p in candidates
            if p.matches(
                **dependents, modifiers=modifiers, strict_preps=strict_preps, subjects=subjects
            )
        ),
        None,
    )


def load_patterns(path: Path | None = None, modality_path: Path | None = None) -> PatternIndex:
    """Load (once per set of files) the pattern dictionary and the modality table.

    By default the package's verbs.txt and modality.tsv, followed by those in the folder named
    by $TACITUS_DICTIONARIES when it holds them. Raises DictionaryError naming file:line for a
    malformed line, an unknown CAMEO code or a conflicting duplicate.
    """
    verb_files = (path,) if path is not None else _default_files("verbs.txt")
    modality_files = (
        (modality_path,) if modality_path is not None else _default_files("modality.tsv")
    )
    return _load(verb_files, modality_files)


def _default_files(name: str) -> tuple[Path, ...]:
    files = [DATA_DIR / name]
    override = os.environ.get(ENV_DIRECTORY)
    if override and (Path(override) / name).is_file():
        files.append(Path(override) / name)
    return tuple(files)


@cache
def _load(verb_files: tuple[Path, ...], modality_files: tuple[Path, ...]) -> PatternIndex:
    by_signature: dict[tuple[object, ...], Pattern] = {}
    light: set[str] = set()
    for file in verb_files:
        patterns, file_light = _read_verbs(file)
        by_signature.update((p.signature(), p) for p in patterns)  # later files win
        light |= file_light
    modal: dict[str, str] = {}
    for file in modality_files:
        modal.update(_read_modality(file))
    patterns = list(by_signature.values())
    index = PatternIndex(
        verbs=_group(p for p in patterns if not p.nominal),
        nouns=_group(p for p in patterns if p.nominal),
        light_verbs=frozenset(light),
        modal_verbs=MappingProxyType(modal),
        sources=tuple(str(f) for f in (*verb_files, *modality_files)),
    )
    log.info("loaded %d event patterns from %s", len(index), ", ".join(map(str, verb_files)))
    return index


def _group(patterns: Iterable[Pattern]) -> Mapping[str, tuple[Pattern, ...]]:
    groups: dict[str, list[Pattern]] = {}
    for pattern in patterns:
        groups.setdefault(pattern.lemma, []).append(pattern)
    return MappingProxyType(
        {
            lemma: tuple(sorted(group, key=lambda p: (-p.specificity(), p.file, p.line)))
            for lemma, group in groups.items()
        }
    )


# ---------------------------------------------------------------- verbs.txt


def _read_verbs(path: Path) -> tuple[list[Pattern], set[str]]:
    patterns: dict[tuple[object, ...], Pattern] = {}
    light: set[str] = set()
    for number, body in _lines(path):
        where = f"{path}:{number}"
        code, _, rest = body.partition(" ")
        if code == "LIGHT":
            light |= set(_alternatives(rest.strip(), _WORD, where, "light verb"))
            continue
        pattern = parse_pattern(code, rest, number, where, file=path.name)
        earlier = patterns.get(pattern.signature())
        if earlier is not None and earlier.code != pattern.code:
            raise DictionaryError(
                f"{where}: {pattern.text()!r} -> {pattern.code} conflicts with line "
                f"{earlier.line} -> {earlier.code}; keep one"
            )
        patterns[pattern.signature()] = pattern
    return list(patterns.values()), light


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Non-blank lines without comments, with their 1-based numbers."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(f"{path}: cannot read the pattern file ({exc})") from exc
    for number, raw in enumerate(text.splitlines(), start=1):
        body = " ".join(raw.split("#", 1)[0].split())
        if body:
            yield number, body


def parse_pattern(code: str, rest: str, line: int, where: str, *, file: str) -> Pattern:
    """One pattern line after its code; `where` ("file:line") prefixes every error."""
    if code not in cameo_codes():
        raise DictionaryError(f"{where}: {code!r} is not a CAMEO code (see tacitus/data/cameo.tsv)")
    tokens = rest.split()
    if not tokens:
        raise DictionaryError(f"{where}: code {code} has no pattern after it")
    nominal = tokens[0].startswith("~")
    modifier, lemma = _head(tokens[0].removeprefix("~"), nominal, where)
    particle: str | None = None
    objects: frozenset[str] = frozenset()
    preps: tuple[str, ...] = ()
    required = False
    subjects: frozenset[str] = frozenset()
    for token in tokens[1:]:
        if token.startswith("+") and particle is None and not nominal:
            particle = _word(token[1:], _WORD, where, "particle")
        elif token == "=" + ANY_OBJECT and not objects and not nominal:
            objects = frozenset({ANY_OBJECT})
        elif token.startswith("=") and not objects and not nominal:
            objects = frozenset(_alternatives(token[1:], _OBJECT, where, "object"))
            _check_classes(objects, where)
        elif token.startswith("<@") and not subjects and not nominal:
            subjects = frozenset(_alternatives(token[1:], _OBJECT, where, "subject class"))
            _check_classes(subjects, where)
        elif not preps and token.startswith("!") and nominal:
            preps, required = _alternatives(token[1:], _WORD, where, "preposition"), True
        elif not preps and token[0] not in "+=~!<":
            preps = _alternatives(token, _WORD, where, "preposition")
        else:
            raise DictionaryError(f"{where}: unexpected {token!r} in {rest!r}; {_SYNTAX}")
    return Pattern(
        code, lemma, nominal, particle, objects, preps, line, modifier, file, required, subjects
    )


def _check_classes(objects: frozenset[str], where: str) -> None:
    from tacitus.coder.classes import class_names

    unknown = {o for o in objects if o.startswith("@")} - class_names()
    if unknown:
        known = ", ".join(sorted(class_names()))
        raise DictionaryError(f"{where}: unknown object class {sorted(unknown)}; known: {known}")


_SYNTAX: Final = (
    "a pattern is `[~]lemma [+particle] [=obj|obj] [prep|prep]` "
    "(nouns take neither + nor =, and may require their prepositions with `!prep|prep`; "
    "see tacitus/data/README.md)"
)


def _head(token: str, nominal: bool, where: str) -> tuple[str | None, str]:
    """(modifier, head lemma) of the pattern's first word; only nouns may be compounds."""
    word = _word(token, _COMPOUND if nominal else _WORD, where, "lemma")
    modifier, _, head = word.rpartition("_")
    return modifier or None, head


def _alternatives(cell: str, shape: re.Pattern[str], where: str, what: str) -> tuple[str, ...]:
    return tuple(_word(part, shape, where, what) for part in cell.split("|"))


def _word(word: str, shape: re.Pattern[str], where: str, what: str) -> str:
    if not shape.fullmatch(word):
        raise DictionaryError(
            f"{where}: bad {what} {word!r}: write lowercase spaCy lemmas; {_SYNTAX}"
        )
    return word


# ---------------------------------------------------------------- modality.tsv


def _read_modality(path: Path) -> dict[str, str]:
    try:
        rows = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(f"{path}: cannot read the modality table ({exc})") from exc
    numbered = [(n, row) for n, row in enumerate(rows, start=1) if not row.startswith("#")]
    numbered = [(n, row) for n, row in numbered if row.strip()]
    if not numbered or numbered[0][1].split("\t")[:2] != ["lemma", "modality"]:
        raise DictionaryError(f"{path}:1: the header must start with `lemma<TAB>modality`")
    table: dict[str, str] = {}
    reader = csv.reader([row for _, row in numbered[1:]], delimiter="\t", quoting=csv.QUOTE_NONE)
    for (number, _), cells in zip(numbered[1:], reader, strict=True):
        lemma, modality = _modality_row(cells, f"{path}:{number}")
        if lemma in table:
            raise DictionaryError(f"{path}:{number}: {lemma!r} is listed twice")
        table[lemma] = modality
    return table


def _modality_row(cells: list[str], where: str) -> tuple[str, str]:
    if len(cells) < 2:
        raise DictionaryError(f"{where}: expected `lemma<TAB>modality<TAB>note`, got {cells!r}")
    lemma = _word(cells[0].strip(), _WORD, where, "lemma")
    modality = cells[1].strip()
    if modality not in MODALITIES:
        raise DictionaryError(
            f"{where}: modality {modality!r} is not one of {', '.join(sorted(MODALITIES))}"
        )
    return lemma, modality
