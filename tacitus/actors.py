"""The actors stage: find actor mentions in a parsed text and code them in CAMEO.

A CAMEO actor code is a country (ISR, USA, or a region such as WST, or IGO for international
organisations) followed by sector codes (GOV, MIL, SPY, ...): ISRGOV, USAMIL, ISRSPY.

Mentions come from the project's dictionaries (tacitus/data/actors): countries with their
names, demonyms and capitals used as metonyms, regions and blocs, organisations, role nouns
("officials", "defense minister") and well-known office holders. People the dictionaries do
not know are taken from the parser's PERSON entities and coded from their context: a title
("Defense Minister Benny Gantz"), an organisation ("Mossad chief David Barnea"), an appositive
("Benny Gantz, Israel's defense minister"). Later mentions of a surname resolve to the same
person within the article (ArticleActors).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from tacitus.coder.classes import class_words
from tacitus.coder.grammar import prep_objects, subjects
from tacitus.dictionaries import Dictionaries, PersonEntry, load_dictionaries
from tacitus.divisions import division_forms
from tacitus.model import Actor

log = logging.getLogger(__name__)

# Mention kinds that name a state (or bloc) by itself.
STATE_KINDS = frozenset({"country", "adjective", "capital", "region"})
COUNTRY_KINDS = frozenset({"country", "adjective", "capital"})
# Sectors of a state's organs and politics, trade unions included (national bodies, as
# parties are): a role of these takes the country of the parties named around it
# (_context_country).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "SPY", "ELI", "LAB"})
CIVILIAN = "CVL"
PARTY = "PTY"
# Offices whose former holders are CAMEO's elites (ELI, "former government officials").
OFFICE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "SPY"})
# Code prefixes of bodies that belong to no one country: IGOs, NGOs, movements, the UN.
NON_NATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM", "UIS", "INT", "---"})
# Pronouns that stand for one person; "they", "it" and "we" name groups and states, which
# the grammar resolves from the governing clause where it can (grammar.py).
PERSONAL_PRONOUNS = frozenset({"he", "him", "she", "her"})
# A year a news text names: 1900-2099, alone as a token ("in 2005", "December 2004").
YEAR = re.compile(r"(19|20)\d\d")
# How far around an undated article's reference year a listed term may lie and still hold,
# in years: the year an article names most is usually its own or the one before.
YEAR_SLACK = 1
# Entity types of a named body or thing that a country's name can sit inside.
NAMED_BODIES = frozenset({"ORG", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
# Words before a name that are not part of it: "Mr Conte" gives no first name.
HONORIFICS = frozenset(
    {"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Sir", "Dame", "Lord", "Lady", "Prof"}
)
# Dependency relations that stay inside a noun phrase when we collect its modifiers.
NP_DEPS = frozenset(
    {"compound", "amod", "poss", "nmod", "det", "case", "nummod", "appos", "flat", "npadvmod"}
)
# Prepositions whose object says whose an agent is: "officials from Iran", "troops of Mali",
# "officials in Biden's administration".
NP_PREPS = frozenset({"of", "from", "in"})
# Prepositions whose object says whose a role is only when it names an organisation: "a
# spokesman for the Taliban", "rebels with the FARC". Their object is more often the
# counterpart when it names a state or a region ("the envoy for Syria", "the minister for
# Europe"), so a state there is not the role's country.
EMPLOYER_PREPS = frozenset({"for", "with"})
# Prepositions whose object is the role's counterpart, never its employer: "the ambassador
# to Iran" is not Iranian, "the envoy for Yemen" not Yemeni.
COUNTERPART_PREPS = frozenset({"to", "for"})
# The dependents of a verb that name what its subject acts on (aimed_at); the by-phrase of a
# passive ("agent") names the doer and is left out.
AIMED_DEPS = frozenset({"dobj", "dative", "iobj", "prep", "obj"})
# How a role's country found from its context is explained (stages._place_roles lets a
# place in the role's own phrase overrule it: "the Houston court" is American).
CONTEXT_COUNTRY = "the only country"
DATELINE_COUNTRY = "country of the article's dateline"
# Prepositions of place: before a place's name they say where an act happens (aimed_at).
LOCATIVE_PREPS = frozenset({"in", "at", "inside", "near", "outside", "across", "throughout"})
# Organs of a state that act only within it, its police and its courts: the places they
# act in are theirs.
DOMESTIC_ORGANS = frozenset({"COP", "JUD"})
# The possessive clitic: not part of a name ("Sri Lanka's police chief"). A bare apostrophe
# is left alone: after a name it is as often a closing quotation mark.
POSSESSIVE_CLITICS = frozenset({"'s", "’s"})


@dataclass(slots=True)
class Mention:
    """A dictionary or entity match over tokens [start, end) of one Doc."""

    start: int
    end: int
    kind: str  # country, adjective, capital, region, organisation, agent, person
    code: str | None  # country or full organisation code; None for agents
    sectors: tuple[str, ...] = ()
    name: str | None = None
    why: str = ""
    starts_with_the: bool = False
    qualified: bool = False  # "pro-Iranian", "anti-American": a stance, not a membership
    ethnic: bool = False  # "ethnic Albanians": a people, who may live in another state
    position: bool = False  # a generic position ("president", "spokesman"): see _combine
    role: str | None = None  # an agent's canonical role word ("foreign minister")
    office: bool = False  # a listed person holding a listed office on the article's date


@dataclass(slots=True)
class PersonInfo:
    name: str
    country: str | None
    sectors: tuple[str, ...]
    why: str


@dataclass(frozen=True, slots=True)
class Body:
    """A party the text names that a later bare spokesman could speak for: an organisation
    known to the dictionaries (`code`) or not (None), or a state or an organ with no name
    (`named` False), after which the spokesman keeps the usual reading."""

    start: int
    head: int  # the token heading its name
    code: str | None
    name: str
    named: bool = True


@dataclass(slots=True)
class ArticleActors:
    """Article-level memory: people seen so far (for later surname mentions) and countries."""

    published: date | None = None
    people: dict[str, PersonInfo] = field(default_factory=dict)  # full name and surname keys
    dateline: str | None = None  # the country of the dateline place, when it names one
    # From a survey of the whole article before coding (ActorCoder.survey): the full names
    # its PERSON entities give, by surname, and the years its text names.
    full_names: dict[str, set[str]] = field(default_factory=dict)
    years: Counter[int] = field(default_factory=Counter)
    # The people named in the last sentence of the paragraph before the one being coded, and
    # of the one being coded: a pronoun opening a paragraph ("He added ...") refers back to
    # the sentence before it, which news prints as a paragraph of its own.
    before: list[Mention] = field(default_factory=list)
    last: list[Mention] = field(default_factory=list)
    # Who holds which role in this article ("Chancellor Gordon Brown", or a listed holder's
    # office): "the chancellor" later is that person, if only one person holds it.
    roles: dict[str, set[str]] = field(default_factory=dict)
    # For an undated article that names no year: the years the offices it names fit
    # (ActorCoder.survey), against which a listed person's other terms are checked.
    era: tuple[date, date] | None = None
    # The countries the article names (by name, adjective or capital), for an alias two
    # bodies share ("CBI": the Confederation of British Industry, India's police bureau).
    countries: set[str] = field(default_factory=set)
    # The role words the article uses anywhere ("prime minister", "chancellor"): of a listed
    # person's offices that could hold, the one the article names is meant.
    office_roles: set[str] = field(default_factory=set)
    # The sex an honorific gave a person ("Mr Blair": m): "Mrs Blair" is then someone else.
    sexes: dict[str, str] = field(default_factory=dict)
    # The bodies named in the paragraph being coded, and the last one named in the two
    # paragraphs before it: a bare spokesman ("a spokesman said") speaks for the body the
    # text named last.
    bodies: list[Body] = field(default_factory=list)
    body_before: Body | None = None
    paragraphs_since_body: int = 0

    def role_holder(self, role: str) -> PersonInfo | None:
        names = self.roles.get(role, set())
        return self.people.get(next(iter(names))) if len(names) == 1 else None

    def fullest_name(self, name: str) -> str:
        """The one full name the article gives a bare surname anywhere ("Conte" in a story
        that names "Victor Conte" is Victor Conte, whichever comes first); the name itself
        where the article gives none, or two different people share the surname."""
        if len(name.split()) != 1:
            return name
        names = self.full_names.get(name, set())
        return next(iter(names)) if len(names) == 1 else name

    def reference_year(self, *, tie_ok: bool = False) -> int | None:
        """For an undated article, the year it most often names: news names its own year
        more than any other, so a listed holder's term can be checked roughly rather than
        not at all. None when the text names no year, or no year more often than another
        ("pressing for cuts by 2010 during the UK's G8 presidency in 2005": plans name
        future years, background past ones); the terms of the offices the text names
        (`era`) decide then, and where they cannot, the latest of the years tied
        (`tie_ok`)."""
        if not self.years:
            return None
        ranked = sorted(self.years.items(), key=lambda item: item[1], reverse=True)
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1] and not tie_ok:
            return None
        return max(self.years, key=lambda y: (self.years[y], y))

    def remember(self, info: PersonInfo) -> None:
        self.people[info.name] = info
        surname = info.name.split()[-1]
        held = self.people.get(surname)
        if held is None or held.name == info.name:
            self.people[surname] = info

    def recall(self, text: str) -> PersonInfo | None:
        text = _strip_possessive(text)
        return self.people.get(text) or self.people.get(text.split()[-1] if text else "")


# Honorifics that say a person's sex.
MALE_HONORIFICS = frozenset({"Mr", "Sir", "Lord"})
FEMALE_HONORIFICS = frozenset({"Mrs", "Ms", "Miss", "Dame", "Lady"})


def _honorific_sex(doc: Doc, m: Mention) -> str | None:
    """'m' or 'f' for a name after (or starting with) a gendered honorific, else None."""
    words = [doc[m.start - 1]] if m.start > 0 else []
    words.append(doc[m.start])
    for w in words:
        title = w.text.rstrip(".")
        if title in MALE_HONORIFICS:
            return "m"
        if title in FEMALE_HONORIFICS:
            return "f"
    return None


def _house_styles(forms: list[str]) -> list[str]:
    """An acronym's forms as newsrooms write it: many (the BBC, the Guardian, the Economist)
    write an acronym said as a word in title case ("Nato", "Farc", "Unesco"). Only acronyms of
    four letters or more: a shorter one in title case is usually a word or a name ("Ira")."""
    styled = [f.title() for f in forms if f.isalpha() and f.isupper() and len(f) >= 4]
    return [f for f in styled if f not in forms]


def _named_alone(doc: Doc, start: int, end: int) -> bool:
    """Whether the recogniser reads exactly these words as one name, not a person's: the test
    a title-case acronym must pass, since it is also spelt like a word or a first name
    ("Model", "Pace", "Olaf Scholz")."""
    ents = {(e.start, e.end): e.label_ for e in doc.ents}
    return ents.get((start, end)) not in (None, "PERSON")


def _strip_possessive(text: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def compose(country: str | None, sectors: tuple[str, ...]) -> str | None:
    """CAMEO code from its parts; an unknown country is written '---' as in CAMEO."""
    if not country and not sectors:
        return None
    return (country or "---") + "".join(sectors)


class ActorCoder:
    """Matches the actor dictionaries against parsed text. Build once; call per document."""

    def __init__(self, nlp: Language, dictionaries: Dictionaries | None = None) -> None:
        self.dicts = dictionaries or load_dictionaries()
        self._names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._roles = PhraseMatcher(nlp.vocab, attr="LOWER")
        # Listed people's names of two words or more, found whatever the entity recogniser
        # makes of them: it reads "Theresa May" without a title as a month.
        self._listed_names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._payload: dict[int, Mention] = {}
        self._styled: set[int] = set()  # keys of acronyms in title case (_house_styles)
        self._people: dict[str, list[PersonEntry]] = {}
        self._country_names: dict[str, str] = {}
        self._office_roles: dict[str, frozenset[str]] = {}  # _role_words, by office
        self.regions: frozenset[str] = frozenset()  # CAMEO region and bloc codes
        self._make_doc = nlp.make_doc
        self._build(nlp)

    # -- building the matchers -------------------------------------------------------------

    def _add(
        self, matcher: PhraseMatcher, nlp: Language, key: str, forms: list[str], proto: Mention
    ) -> None:
        forms = [f for f in dict.fromkeys(forms) if f.strip()]
        if not forms:
            return
        docs = [nlp.make_doc(f) for f in forms]
        if matcher is self._roles:
            # The tokenizer keeps a capitalised abbreviation whole ("Gov.", "Sen.") and splits
            # the lower-case one ("gov", "."): a role is matched as running text writes it.
            docs += [
                d
                for f in forms
                if len(d := nlp.make_doc(f[:1].upper() + f[1:])) != len(nlp.make_doc(f))
            ]
        matcher.add(key, docs)
        self._payload[nlp.vocab.strings[key]] = proto

    def _build(self, nlp: Language) -> None:
        d = self.dicts
        states = [
            (c.code, c.name, (c.name, *c.names), c.adjectives, c.capitals, "country")
            for c in d.countries
        ]
        states += [
            (r.code, r.name, (r.name, *r.names), r.adjectives, (), "region") for r in d.regions
        ]
        self.regions = frozenset(r.code for r in d.regions)
        for code, name, names, adjectives, capitals, kind in states:
            self._country_names[code] = name
            for mention_kind, forms, how in (
                (kind, names, f"{kind} name"),
                ("adjective", adjectives, "demonym"),
                ("capital", capitals, "capital as metonym"),
            ):
                proto = Mention(0, 0, mention_kind, code, name=name, why=f"{how} -> {code}")
                self._add(self._names, nlp, f"{mention_kind}:{kind}:{code}", list(forms), proto)
        for i, o in enumerate(d.organisations):
            self._add(
                self._names,
                nlp,
                f"org:{i}:{o.code}",
                [o.name, *o.names],
                Mention(
                    0,
                    0,
                    "organisation",
                    o.code,
                    name=o.name,
                    why=f"organisation {o.name} -> {o.code}",
                ),
            )
            styled = _house_styles([o.name, *o.names])
            if styled:
                key = f"styled:{i}:{o.code}"
                self._add(
                    self._names,
                    nlp,
                    key,
                    styled,
                    self._payload[nlp.vocab.strings[f"org:{i}:{o.code}"]],
                )
                self._styled.add(nlp.vocab.strings[key])
        positions = class_words("position")
        for i, a in enumerate(d.agents):
            self._add(
                self._roles,
                nlp,
                f"agent:{i}",
                list(a.words),
                Mention(
                    0,
                    0,
                    "agent",
                    None,
                    sectors=a.sectors,
                    why=f"role {a.words[0]!r} -> {'/'.join(a.sectors)}",
                    position=a.words[0] in positions,
                    role=a.words[0],
                ),
            )
        for p in d.people:
            for form in (p.name, *p.aliases):
                self._people.setdefault(form, []).append(p)
        multiword = [form for form in self._people if len(form.split()) >= 2]
        self._listed_names.add("listed person", [nlp.make_doc(f) for f in multiword])
        self._add_divisions(nlp)

    def _add_divisions(self, nlp: Language) -> None:
        """First-level divisions (tacitus/divisions.py): they give a role in their phrase its
        country ("the Kaduna State government"), never an actor alone (see _combine)."""
        for form, div in division_forms(self.dicts).items():
            why = f"division {div.name} -> {div.country}"
            proto = Mention(0, 0, "division", div.country, name=div.name, why=why)
            self._add(self._names, nlp, f"division:{form}", [form], proto)

    # -- the article survey -----------------------------------------------------------------

    def survey(self, docs: Iterable[Doc], state: ArticleActors) -> None:
        """Read the whole article once before coding it: the full names its PERSON entities
        and listed people give (so a surname met first still resolves to the full name given
        later) and the years it names (a reference year for undated articles)."""
        listed: set[str] = set()
        for doc in docs:
            names = [e for e in doc.ents if e.label_ == "PERSON"]
            names += [doc[start:end] for _, start, end in self._listed_names(doc)]
            for name in names:
                words = [w for w in _strip_possessive(name.text).split() if w]
                while words and words[0].rstrip(".") in HONORIFICS:
                    words = words[1:]
                if len(words) >= 2 and words[-1][:1].isupper():
                    state.full_names.setdefault(words[-1], set()).add(" ".join(words))
            for ent in doc.ents:
                if ent.label_ == "DATE":
                    state.years.update(int(t.text) for t in ent if YEAR.fullmatch(t.text))
            listed.update(_strip_possessive(n.text) for n in names)
            state.countries.update(
                proto.code
                for key, _, _ in self._matches(doc)
                if (proto := self._payload[key]).kind in COUNTRY_KINDS and proto.code
            )
            state.office_roles.update(
                role for key, _, _ in self._matches(doc) if (role := self._payload[key].role)
            )
        state.era = self._era(listed, state.office_roles)

    def _matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The dictionary names and role words of a paragraph, matched once: the survey reads
        them before coding, and mentions() again while coding."""
        key = f"{MATCHES_KEY}.{id(self)}"
        found: list[tuple[int, int, int]] | None = doc.user_data.get(key)
        if found is None:
            found = [
                (match_id, start, end)
                for match_id, start, end in self._names(doc)
                if match_id not in self._styled or _named_alone(doc, start, end)
            ]
            found += self._roles(doc)
            doc.user_data[key] = found
        return found

    def _era(self, names: set[str], roles: set[str]) -> tuple[date, date] | None:
        """When an undated article was written, as far as the offices it names tell: each
        listed person whose listed office the article also names by its role word ("Tony
        Blair" in a story that says "the prime minister") dates it within that term (the
        span of all such terms of one person); the era is where these spans of all such
        people overlap. None when no office is confirmed so or the spans do not overlap
        (then a listed term is assumed, as before). Liam Fox, Defence Secretary from 2010,
        is then no defence secretary in a story of Blair's premiership."""
        first, last = date.min, date.max
        confirmed = False
        for name in names:
            terms = [
                (p.start or date.min, p.end or date.max)
                for p in self._entries(name)
                if (words := self._role_words(p.role)) and words <= roles
            ]
            if terms:
                confirmed = True
                first = max(first, min(t[0] for t in terms))
                last = min(last, max(t[1] for t in terms))
        return (first, last) if confirmed and first <= last else None

    # -- mentions --------------------------------------------------------------------------

    def mentions(self, doc: Doc, state: ArticleActors) -> list[Mention]:
        """All actor mentions in `doc`, longest first where they overlap."""
        found: list[Mention] = []
        for match_id, start, end in self._matches(doc):
            proto = self._payload[match_id]
            found.append(
                Mention(
                    start,
                    end,
                    proto.kind,
                    proto.code,
                    proto.sectors,
                    proto.name,
                    proto.why,
                    starts_with_the=doc[start].lower_ == "the",
                    qualified=_qualified(doc, start),
                    ethnic=start > 0 and doc[start - 1].lower_ == "ethnic",
                    position=proto.position,
                    role=proto.role,
                )
            )
        found = [
            m
            for m in found
            if not _division_gives_way(doc, m, found)
            and not _ends_another_name(doc, m, found)
            and not _adjective_sense(doc, m, found)
            and not _capital_in_a_name(doc, m, found)
        ]
        found = _one_reading(found, state.countries)
        for m in found:
            # CAMEO's ELI is "former government officials": a former editor or coach is
            # no elite, and keeps the sector of what the phrase says they were.
            if (
                m.kind == "agent"
                and "ELI" not in m.sectors
                and OFFICE_SECTORS.intersection(m.sectors)
                and _called_former(doc, m)
            ):
                m.sectors = ("ELI",)
                m.why += f"; '{doc[m.start].text}' called former: out of office (ELI)"
        found.extend(_after_names(doc, self._person_spans(doc, state), found))
        chosen = _longest_first(found)
        _remember_bodies(doc, chosen, state)
        for m in chosen:
            if m.kind == "person":
                self._code_person(doc, m, chosen, state)
        last = list(doc.sents)[-1] if len(doc) else None
        state.before = state.last
        state.last = [
            m for m in chosen if m.kind == "person" and last is not None and m.start >= last.start
        ]
        return chosen

    def _person_spans(self, doc: Doc, state: ArticleActors) -> list[Mention]:
        spans: list[Mention] = [
            Mention(e.start, end, "person", None, name=doc[e.start : end].text, why="PERSON entity")
            for e in doc.ents
            if e.label_ == "PERSON"
            and not (len(e) == 1 and _in_list_of_bodies(e[0]))
            and (end := _name_end(e)) > e.start
        ]
        covered = {i for m in spans for i in range(m.start, m.end)}
        # A listed name counts where the recogniser found no person in it at all; where it
        # did ("President [Bush]"), its own span keeps the title as context.
        spans += [
            Mention(start, end, "person", None, name=doc[start:end].text, why="listed name")
            for _, start, end in self._listed_names(doc)
            if not covered.intersection(range(start, end))
        ]
        covered = {i for m in spans for i in range(m.start, m.end)}
        # Surnames already known in this article, or known office holders, whatever the
        # entity recogniser made of them ("Biden" is sometimes tagged GPE).
        for tok in doc:
            # The tagger reads a capitalised surname at a sentence's start as a common noun
            # ("Trump has suspended aid"); an entity tag or a proper-noun tag says it is a name.
            if tok.i in covered or not (tok.pos_ == "PROPN" or (tok.ent_type_ and tok.is_title)):
                continue
            if _in_list_of_bodies(tok):
                continue  # "Liggett Group and Brown and Williamson": a firm's name
            text = _strip_possessive(tok.text)
            if text in state.people or text in self._people:
                spans.append(
                    Mention(tok.i, tok.i + 1, "person", None, name=text, why="known surname")
                )
        return spans

    def _code_person(
        self, doc: Doc, m: Mention, mentions: list[Mention], state: ArticleActors
    ) -> None:
        name = _strip_possessive(doc[m.start : m.end].text)
        near = self._context_mentions(doc, m, mentions)
        country, sectors, why = self._person_context(doc, m, near)
        known = state.recall(name)
        # The list is looked up under the fullest name the article gives the person: "Mr
        # Johnson", once named "Jimmy James Johnson", is not the Prime Minister Boris Johnson.
        full = known.name if known and len(known.name.split()) > len(name.split()) else name
        full = state.fullest_name(full)
        sex = _honorific_sex(doc, m)
        ref = known.name if known else full
        other = sex is not None and state.sexes.get(ref, sex) != sex
        if other:
            # "Mrs Howard" in a story about Mr Howard is his wife, not the party leader.
            known, full = None, name
        if known and (not country and not sectors):
            country, sectors, why = known.country, known.sectors, f"same person as {known.name}"
        year = state.reference_year() if state.published is None else None
        if year is not None and state.era is not None and state.years[year] < 2:
            # A year named once ("a vaccine by 2012") says less than an office the text
            # confirms ("the UK chancellor" Gordon Brown): the office's term dates the story.
            year = None
        era = state.era if year is None else None
        if state.published is None and year is None and era is None:
            year = state.reference_year(tie_ok=True)
        entry, in_office = (
            (None, False)
            if other
            else self._known_person(full, state.published, year, era, state.office_roles)
        )
        # Only an office whose term could be checked: with no date, the list's first office
        # of a person is a guess (Liam Fox, defence secretary from 2010, in a 2005 story).
        checked = bool(entry and in_office and (state.published or year or era))
        if entry and checked and (_party_code(country) or sectors == (PARTY,)):
            # "Labour leader Tony Blair", "Labour's election chief Alan Milburn": the office
            # the list has the person hold on this date (Prime Minister, a cabinet post,
            # Leader of the Opposition) says more than the party named beside the name.
            country, sectors = entry.country, entry.sectors
            why = f"{why}; the listed office wins over the party"
        spoken = None if entry else _mouthpiece_body(doc, m, near, state)
        if spoken is not None:
            # "spokesman Jorg Wojahn", after "a spokesman for the European Anti-Fraud Office":
            # a person no list names, titled only as someone's spokesman, speaks for the
            # body named last; one no dictionary knows gives no code.
            country, sectors = spoken.code, ()
            why = f"a spokesman for {spoken.name}, the body named before"
        if entry and in_office:
            country = country or entry.country
            sectors = sectors or entry.sectors
            undated = ""
            if state.published is None:
                undated = (
                    f"; term checked against {year}, the year the text names most"
                    if year
                    else f"; term checked against {era[0].year}-{era[1].year}, the terms of "
                    "the offices the text names"
                    if era
                    else "; term not checked: no publication date"
                )
            why = (why + "; " if why else "") + f"known office holder: {entry.role}{undated}"
        elif entry:
            # Out of office on this date, the office's sector does not hold (PETRARCH's
            # lesson: codes hold for a period), but the nationality does.
            country = country or entry.country
            why = (why + "; " if why else "") + f"known person ({entry.role}, another period)"
        if country in self._country_names and not sectors and entry is None and not other:
            # "Mr Otieno, 41, from Kasarani, Nairobi": no office and no listed one; the text
            # says only where the person is from: a private person, not the state.
            sectors = (CIVILIAN,)
            why = (why + "; " if why else "") + "a person with no office: a civilian"
        if known and len(name.split()) < len(known.name.split()):
            name = known.name
        name = name if other else state.fullest_name(name)
        if sex is not None and not other:
            state.sexes[name] = sex
        m.code, m.sectors, m.name = country, sectors, name
        m.office = checked
        m.why = why or "person with no role in context"
        if country or sectors:
            state.remember(PersonInfo(name, country, sectors, m.why))
            roles = self._titles(doc, m, mentions)
            if entry and in_office and (state.published is not None or year or era):
                # A listed office counts only where its term could be checked: with no date,
                # the list's first office of a person is a guess among several.
                roles |= self._role_words(entry.role)
            for role in roles:
                state.roles.setdefault(role, set()).add(name)

    def _titles(self, doc: Doc, m: Mention, mentions: list[Mention]) -> set[str]:
        """The roles a name's own phrase gives it: "Chancellor Gordon Brown", "Jack Straw,
        the foreign secretary"."""
        context = _name_context(doc, m)
        return {x.role for x in mentions if x.role and x.start in context}

    def _role_words(self, office: str) -> frozenset[str]:
        """The role words of a listed office ("Chancellor of the Exchequer": chancellor), by
        its longest role phrases: a prime minister is not also "the minister". Read once per
        office: every listed person of every article asks."""
        found = self._office_roles.get(office)
        if found is None:
            matches = self._roles(self._make_doc(office))
            found = frozenset(
                role
                for key, start, end in matches
                if (role := self._payload[key].role) is not None
                and not any(s <= start and end <= e and e - s > end - start for _, s, e in matches)
            )
            self._office_roles[office] = found
        return found

    def _known_person(
        self,
        name: str,
        when: date | None,
        year: int | None = None,
        era: tuple[date, date] | None = None,
        named_roles: frozenset[str] | set[str] = frozenset(),
    ) -> tuple[PersonEntry | None, bool]:
        """A listed person by full name or alias, and whether in office on `when` (or, for
        an undated article, around the year its text names most).

        A surname alone matches only where the list gives it as an alias; a full name that
        is not listed is someone else, whatever the surname (the article survey gives a
        surname the full name the article uses: "Conte" where it names "Victor Conte").
        Out of office, the nationality holds. With no date and no year in the text, the term
        is checked against the era of the offices the text names (ArticleActors.era); with
        none, it cannot be checked and the listed holder is assumed (`why` says so). Of two
        offices that could hold, the one whose role word the article uses is meant (Gordon
        Brown, chancellor until 2007 and prime minister from then, in a story that says "the
        chancellor")."""
        entries = self._entries(name)
        holding = [p for p in entries if _holds(p, when, year, era)]
        named = [p for p in holding if (w := self._role_words(p.role)) and w <= named_roles]
        if named or holding:
            return (named or holding)[0], True
        return (entries[0], False) if entries else (None, False)

    def _entries(self, name: str) -> list[PersonEntry]:
        """A listed person's entries, by full name or alias."""
        entries = self._people.get(name, [])
        words = name.split()
        if not entries and len(words) > 2:
            # A middle name or initial is a variant, not another person: "George W Bush".
            entries = self._people.get(f"{words[0]} {words[-1]}", [])
        return entries

    def _context_mentions(self, doc: Doc, m: Mention, mentions: list[Mention]) -> list[Mention]:
        context = _name_context(doc, m)
        return [
            x
            for x in mentions
            if x is not m
            and any(i in context for i in range(x.start, x.end))
            # Another person is no one's title ("End Bush 'denial' Blair tells EU" makes Blair
            # no American), except as the owner of a role: "Bush's spokesman Ari Fleischer".
            and (x.kind != "person" or _owns_a_role(doc, x, mentions))
        ]

    def _person_context(
        self, doc: Doc, m: Mention, near: list[Mention]
    ) -> tuple[str | None, tuple[str, ...], str]:
        """Role and country from the words around a name (`near`: the mentions there):
        title, organisation, appositive."""
        context = _name_context(doc, m)
        if _generic_role(near) and (body := _unknown_body(doc, context, mention_index(near))):
            return None, (), f"a role of {body.text!r}, which no dictionary knows"
        return _combine(near, self.regions)

    # -- actors for argument phrases --------------------------------------------------------

    def actors_for(
        self,
        head: Token,
        index: dict[int, Mention],
        offset: int,
        state: ArticleActors | None = None,
    ) -> list[Actor]:
        """The actors a noun phrase names: one, or one per coordinated state adjective
        ('Hungarian and Romanian officials' are HUNGOV and ROUGOV)."""
        base = self.actor_for(head, index, offset, state)
        if base is None:
            return []
        found = [base]
        for mod in head.children:
            if mod.dep_ not in ("amod", "compound"):
                continue
            for conj in mod.conjuncts:
                m = index.get(conj.i)
                if m is None or m.kind not in STATE_KINDS or not m.code:
                    continue
                if m.code == base.country or base.kind in ("organisation", "person"):
                    continue
                found.append(
                    replace(
                        base,
                        code=compose(m.code, base.sectors),
                        country=m.code,
                        name=self._country_names.get(m.code),
                        why=f"{m.why}; coordinated with '{mod.text}'",
                    )
                )
        return found

    def actor_for(
        self,
        head: Token,
        index: dict[int, Mention],
        offset: int,
        state: ArticleActors | None = None,
    ) -> Actor | None:
        """The actor named by the noun phrase headed by `head`, or None if it names none."""
        if head.pos_ == "PRON" and head.lower_ in PERSONAL_PRONOUNS:
            return self._pronoun_actor(head, index, offset, state)
        if (polled := self._polled(head, index, offset, state)) is not None:
            return polled
        own = index.get(head.i)
        tokens = np_tokens(head)
        tokens -= _kin_of(head.doc, tokens)
        near = list({id(m): m for i in sorted(tokens) if (m := index.get(i))}.values())
        if own is not None and near == [own] and (holder := _role_holder(head, own, state)):
            why = f"'{head.text}' -> {holder.name}, who holds that role in this article"
            main = Mention(own.start, own.end, "person", holder.country, name=holder.name)
            return self._actor(head, holder.country, holder.sectors, main, offset, why, tokens)
        if own is not None and own.kind == "agent":
            # Only a role has an employer: "the report for the X Commission" is no party.
            employer, employer_tokens = _employer_mentions(head, index, self.regions)
            near += [m for m in employer if m not in near]
            tokens |= employer_tokens
        if own and own.kind in ("person", "organisation") and (own.code or own.sectors):
            if own.code is None and (found := _context_country(head, index, state, own.sectors)):
                cc, how = found
                if state is not None and own.kind == "person" and own.name:
                    # One person, one code: the country found for "Finance Minister Dilson
                    # Funaro" holds for "Funaro" in later paragraphs, which would otherwise
                    # each guess again (the dateline's country, or none).
                    _remember_country(state, own.name, cc, own.sectors, how)
                return self._actor(head, cc, own.sectors, own, offset, f"{own.why}; {how}", tokens)
            return self._actor(head, own.code, own.sectors, own, offset, own.why, tokens)
        if not near:
            # "denied his claims", "criticised her remarks": whose the thing is, when the
            # possessive pronoun stands for one person named before it.
            poss = [c for c in head.children if c.dep_ == "poss" and c.lower_ in ("his", "her")]
            return self._pronoun_actor(poss[0], index, offset, state) if poss else None
        branch = _branch_of(head, own, near)
        if branch is not None:
            # "BBC Radio Scotland", "Shell Nigeria": a body's branch in a place is the body.
            near = [branch] + [m for m in near if m.kind == "agent"]
        elif own and own.kind in STATE_KINDS and own.code:
            # "NATO-member Norway", "EU member Hungary": the state the phrase is about, not
            # the bloc that describes it.
            near = [own] + [m for m in near if m.kind == "agent"]
        whose = {
            t.i
            for c in head.children
            if c.dep_ == "prep" and c.lower_ in EMPLOYER_PREPS
            for t in c.subtree
        }
        if _generic_role(near) and (body := _unknown_body(head.doc, tokens | whose, index)):
            log.debug("%r: the role of %r, which no dictionary knows", head.text, body.text)
            return None
        spoken = _body_before(head.i, state) if state is not None and _mouthpiece(head) else None
        if spoken is not None and _generic_role(near) and not whose:
            return self._mouthpiece_actor(head, spoken, offset, tokens)
        country, sectors, why = _combine(near, self.regions)
        if own is None and country and not sectors and _a_person(head):
            # "Mr Mubanga, 32, from Wembley, London": a person no dictionary knows, of whom the
            # text says only where they are from, is a private person of that country, not
            # its state (the audit's rubric).
            sectors = (CIVILIAN,)
            why = f"{why}; a person with no office: a civilian"
        if own and own.kind == "person" and not country and not sectors:
            return None
        if not country and not sectors:
            return None
        if not country and (found_poss := _possessor_country(head, tokens, index)):
            country, how = found_poss
            why = f"{why}; {how}"
        if not country and (found := _context_country(head, index, state, sectors)):
            country, how = found
            why = f"{why}; {how}"
        actor = self._actor(head, country, sectors, own or near[0], offset, why, tokens)
        if not sectors and own is None and head.ent_type_ in NAMED_BODIES:
            # "the United States Anti-Doping Agency", "the Washington-based Economic Policy
            # Institute": a body the dictionaries do not know, of that country but not the
            # state itself. Its country holds; it is no state actor (relevance.is_state).
            actor.kind = "organisation"
            actor.why += f"; '{head.text}' heads a name the dictionaries do not know"
        return actor

    def _pronoun_actor(
        self,
        head: Token,
        index: dict[int, Mention],
        offset: int,
        state: ArticleActors | None = None,
    ) -> Actor | None:
        """'accusing him', 'he said': the one person named before the pronoun in its sentence
        and the one before it (for a paragraph's first sentence, the previous paragraph's
        last), if only one is; never the subject of the pronoun's own clause when the
        pronoun is its object ("Sturgeon wrote to McConnell accusing him": not Sturgeon).
        Where two people could be meant, the pronoun stays uncoded."""
        m = _pronoun_person(head, index, state)
        if m is None or not (m.code or m.sectors):
            return None
        why = f"{head.text!r} -> {m.name}, the only person named before it; {m.why}"
        return self._actor(head, m.code, m.sectors, m, offset, why, {head.i})

    def _polled(
        self, head: Token, index: dict[int, Mention], offset: int, state: ArticleActors | None
    ) -> Actor | None:
        """'a majority of Americans', '44 percent of Britons': a share of a people is the
        people polled, private people of that country (CVL), not its state."""
        shares = class_words("share")
        if head.lemma_.lower() not in shares and head.lower_ not in shares:
            return None
        people = prep_objects(head, ("of",))
        whole = self.actor_for(people[0], index, offset, state) if people else None
        if whole is None or whole.code is None or whole.sectors or len(whole.code) != 3:
            return None
        why = f"a share of {whole.text}: the people polled, private people of {whole.code}"
        return replace(whole, code=whole.code + CIVILIAN, sectors=(CIVILIAN,), why=why)

    def _mouthpiece_actor(
        self, head: Token, body: Body, offset: int, tokens: set[int]
    ) -> Actor | None:
        """'a spokesman said', after 'Transport 2000 said' or 'a spokesman for the Home
        Office': the body named last speaks; one no dictionary knows leaves it uncoded."""
        if body.code is None:
            log.debug("%r: the spokesman of %r, which no dictionary knows", head.text, body.name)
            return None
        main = Mention(head.i, head.i + 1, "organisation", body.code, name=body.name)
        why = f"{head.text!r} speaks for {body.name}, the body named before it"
        return self._actor(head, body.code, (), main, offset, why, tokens)

    def _actor(
        self,
        head: Token,
        country: str | None,
        sectors: tuple[str, ...],
        main: Mention,
        offset: int,
        why: str,
        tokens: set[int],
    ) -> Actor:
        span = _phrase_span(head.doc, tokens)
        if country and len(country) > 3 and country not in self._country_names:
            # A complete organisation code (ISRSPY, IGOUNO) carries its own sectors; a
            # territory's own code (PSEGZA) is a country and takes the role's ("PSEGZACOP").
            code: str | None = country
            sectors = _org_sectors(country)
        else:
            code = compose(country, sectors)
        cc = country[:3] if country else None
        name = main.name if main.kind in ("person", "organisation") else None
        name = name or (self._country_names.get(cc) if cc else None)
        return Actor(
            text=span.text,
            code=code,
            country=cc,
            sectors=sectors,
            name=name,
            why=why,
            start=span.start_char + offset,
            end=span.end_char + offset,
            kind=main.kind,
        )

    def dateline_country(self, text: str) -> str | None:
        """The country a dateline names ("YERUSHALAYIM", "WASHINGTON (Reuters) -")."""
        doc = self._make_doc(text.strip().title())
        for match_id, _, _ in self._names(doc):
            proto = self._payload[match_id]
            if proto.kind in ("country", "capital") and proto.code:
                return proto.code
        return None

    def mention_actor(self, doc: Doc, m: Mention, offset: int) -> Actor | None:
        """The actor a single mention names on its own (None for a bare role noun or a
        division: a place is no actor by itself)."""
        if m.kind in ("agent", "division"):
            return None
        code = m.code if m.code and len(m.code) > 3 else compose(m.code, m.sectors)
        if code is None:
            return None
        span = doc[m.start : m.end]
        sectors = _org_sectors(m.code) if m.code and len(m.code) > 3 else m.sectors
        cc = m.code[:3] if m.code else None
        name = m.name or (self._country_names.get(cc) if cc else None)
        return Actor(
            text=span.text,
            code=code,
            country=cc,
            sectors=sectors,
            name=name,
            why=m.why,
            start=span.start_char + offset,
            end=span.end_char + offset,
            kind=m.kind,
        )


def _name_end(ent: Span) -> int:
    """Where a PERSON entity's name ends: before a possessive clitic the recogniser took in
    ("Sri Lanka's" tagged PERSON), so that a dictionary name of the same words still wins."""
    end = ent.end
    if end - ent.start > 1 and ent[-1].text in POSSESSIVE_CLITICS:
        end -= 1
    return end


def _name_context(doc: Doc, m: Mention) -> set[int]:
    """The tokens around a name that may say who the person is: its phrase and an
    appositive after it ("Benny Gantz, Israel's defense minister")."""
    head = doc[m.end - 1]
    context = np_tokens(head, exclude=set(range(m.start, m.end)))
    for child in head.children:
        if child.dep_ == "appos":
            context |= {t.i for t in child.subtree}
    # An honorific opens a name's phrase: news writes "Tanzanian president Mr X" never, so
    # words before "Mr" belong to something else the parser ran in ("On top of the deal
    # with Tanzania Mr Brown said").
    titled = [i for i in range(max(0, m.start - 1), m.end) if doc[i].text.rstrip(".") in HONORIFICS]
    if titled:
        context = {i for i in context if i > titled[0]}
    return context - _kin_of(doc, context)


def _kin_of(doc: Doc, tokens: set[int]) -> set[int]:
    """The words naming whose relative, friend or fan someone is ("a friend of the Tory
    leader", "Mr Blair's wife", "a Palace fan", classes.tsv `kin`): a relation is no office,
    so the person or body named there gives no role."""
    kin = class_words("kin")
    out: set[int] = set()
    for i in tokens:
        t = doc[i]
        if t.lemma_.lower() not in kin:
            continue
        for c in t.children:
            # "Mr Blair's wife", "a friend of the leader", "a Palace fan"
            if c.dep_ in ("poss", "compound") or (c.dep_ == "prep" and c.lower_ == "of"):
                out |= {s.i for s in c.subtree}
    return out


def _role_holder(head: Token, own: Mention, state: ArticleActors | None) -> PersonInfo | None:
    """ "The chancellor", "the foreign secretary": one person, the one this article names in
    that role, if only one. A plural or an indefinite role ("ministers", "a minister") is
    not one named person."""
    if state is None or own.kind != "agent" or own.role is None or head.tag_ in ("NNS", "NNPS"):
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    holder = state.role_holder(own.role)
    # A holder the article gave no country adds nothing the sentence's own reading lacks.
    return holder if holder is not None and holder.country else None


def _in_list_of_bodies(tok: Token) -> bool:
    """A bare surname coordinated mostly with organisations' names is one of them ("Altria
    Group, Lorillard Tobacco and Brown and Williamson"), whatever the entity recogniser says."""
    bodies = sum(c.ent_type_ in NAMED_BODIES for c in tok.conjuncts)
    people = sum(c.ent_type_ == "PERSON" for c in tok.conjuncts)
    return bodies > people


def _remember_country(
    state: ArticleActors, name: str, country: str, sectors: tuple[str, ...], how: str
) -> None:
    """Keep the country found for a person, unless the article already gave them one."""
    known = state.recall(name)
    if known is None or known.country is None:
        state.remember(PersonInfo(name, country, sectors, f"{how} (first mention)"))


def _holds(
    p: PersonEntry, when: date | None, year: int | None, era: tuple[date, date] | None = None
) -> bool:
    """Whether a listed term holds on `when`, or overlaps the years around `year`, or the
    article's era; with none of them, it is assumed to hold."""
    if when is not None:
        return p.holds_on(when)
    if year is not None:
        first, last = date(year - YEAR_SLACK, 1, 1), date(year + YEAR_SLACK, 12, 31)
    elif era is not None:
        first, last = era
    else:
        return True
    return (p.start is None or p.start <= last) and (p.end is None or first <= p.end)


def _party_code(code: str | None) -> bool:
    """A political party's full code ("GBRPTY"), as a name's context gives it."""
    return code is not None and len(code) > 3 and PARTY in _org_sectors(code)


def _org_sectors(code: str) -> tuple[str, ...]:
    rest = code[3:]
    return tuple(rest[i : i + 3] for i in range(0, len(rest), 3))


def _combine(
    near: list[Mention], regions: frozenset[str] = frozenset()
) -> tuple[str | None, tuple[str, ...], str]:
    """Country and sectors from the mentions of one phrase; organisations give both.

    In text order the first state named wins ("Iranian officials at the UN" is Iranian), but
    a country beats a region ("western Cambodia"), and "pro-Iranian" names no membership."""
    country: str | None = None
    sectors: tuple[str, ...] = ()
    by_position = False
    whys: list[str] = []
    usable = [m for m in sorted(near, key=lambda x: x.start) if not m.qualified]
    # "ethnic Albanians in south Serbia": the state they live in, when the phrase names it.
    usable.sort(key=lambda m: m.ethnic)
    # Region and bloc codes stand where a country would, but a country named in the same
    # phrase is more precise.
    in_regions = [m for m in usable if m.kind == "region" or (m.code and m.code in regions)]
    office = any(m.kind == "person" and m.office for m in usable)
    for m in usable:
        if m in in_regions:
            continue
        if office and (_party_code(m.code) or (m.kind == "agent" and m.sectors == (PARTY,))):
            # A listed office holder's office says more than the party named beside them.
            whys.append(f"{m.why}, but the listed office wins over the party")
            continue
        if m.kind == "organisation" and m.code:
            if country and len(m.code) > 3 and m.code[:3] != country:
                continue  # "Iranian officials at the UN": the state wins over the venue
            country = country or m.code
            whys.append(m.why)
        elif m.kind == "person" and (m.code or m.sectors):
            country = country or m.code
            # "a spokesman for Michael Howard": a generic position speaks for the person.
            sectors = (m.sectors or sectors) if by_position else (sectors or m.sectors)
            by_position = by_position and not m.sectors
            whys.append(m.why)
        elif m.kind in STATE_KINDS and m.code:
            country = country or m.code
            whys.append(m.why)
        elif m.kind == "agent" and (not sectors or (by_position and not m.position)):
            # A generic position takes the sector of the body named beside it: "company
            # president" is BUS, "delegation of European firms" BUS, not GOV.
            sectors, by_position = m.sectors, m.position
            whys.append(m.why)
    if country is None and in_regions and in_regions[0].code:
        country = in_regions[0].code
        whys.append(in_regions[0].why)
    if country is None and sectors and (division := _division(usable)):
        country = division.code
        whys.append(division.why)
    return country, sectors, "; ".join(whys)


def _division(mentions: list[Mention]) -> Mention | None:
    """The first-level division named in a role's phrase ("West Bengal chief minister"): the
    country of last resort, below any state, region or organisation the phrase names, and
    only for a role or organ (the caller has sectors), never for the place alone."""
    return next((m for m in mentions if m.kind == "division" and m.code), None)


def _division_gives_way(doc: Doc, m: Mention, found: list[Mention]) -> bool:
    """Whether a division's name should not be read as one: inside a longer name the
    recogniser found ("Indiana Pacers", "Texas Instruments": a team's or a firm's spokesman is
    not the state's), or around a state's own name of the same country ("Iraqi Kurdistan"
    still names Iraq as a party; "Inner Mongolia" is not Mongolia and stays a division)."""
    if m.kind != "division":
        return False
    if _inside_a_longer_name(doc, m):
        return True
    return any(
        o.kind in STATE_KINDS and o.code == m.code and m.start <= o.start and o.end <= m.end
        for o in found
    )


def _context_country(
    head: Token,
    index: dict[int, Mention],
    state: ArticleActors | None,
    sectors: tuple[str, ...] = (),
) -> tuple[str, str] | None:
    """The country of a role whose own phrase names none ("the minister", "police"): the
    one state its sentence names; else, where it names no state, the one country of the
    parties its sentence or its paragraph names ("the Tories accused the government": the
    British government); else the dateline's where its paragraph names no other state.
    Where two countries are named, none is chosen: a guess would give one party's country
    to the other. A state named only elsewhere in the paragraph is not taken: in "mirrors
    legislation used in Russia. The ruling party says..." the party is not Russian.
    """
    if _called_foreign(head, index):
        return None
    counterpart = _counterpart_tokens(head, index) | aimed_at(head, sectors)
    sentence = _states_named((t for t in head.sent if t.i not in counterpart), index)
    # Only organs of a state or its politics: aid agencies, UN staff, firms, reporters and
    # civilians work or live across borders, and the parties around them do not say whose
    # they are (a firm in a story about a British regulator may be American).
    national = bool(STATE_SECTORS.intersection(sectors))
    if len(sentence) == 1:
        return next(iter(sentence)), f"{CONTEXT_COUNTRY} its sentence names"
    if sentence:
        return None
    for scope, where in ((head.sent, "sentence"), (head.doc, "paragraph")) if national else ():
        parties = _party_countries(scope, index, head, state)
        if len(parties) == 1:
            return next(iter(parties)), f"{CONTEXT_COUNTRY} of the parties its {where} names"
        if parties:
            return None
    if state is None or state.dateline is None:
        return None
    if _states_named(head.doc, index) - {state.dateline}:
        return None
    return state.dateline, DATELINE_COUNTRY


def _pronoun_person(
    head: Token, index: dict[int, Mention], state: ArticleActors | None
) -> Mention | None:
    """The person a personal pronoun refers to: the one person named before it in its
    sentence and the one before it (for a paragraph's first sentence, the previous
    paragraph's last), never the subject of the pronoun's own clause when the pronoun is its
    object. None where two people could be meant."""
    doc, sent = head.doc, head.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    own_subject: set[int] = set()
    if head.dep_ == "nsubj" and head.head.i != head.i:
        # "Mr Blair has failed, he claimed", "He told Mr Brown": a subject pronoun is never
        # a name within its own clause (it c-commands them: binding's principle C).
        own_subject |= {t.i for t in head.head.subtree if t.i not in _subtree(head)}
    if head.dep_ in ("dobj", "pobj", "dative", "iobj"):
        verb = head.head if head.dep_ != "pobj" else head.head.head
        # The clause's subject, or its understood one: in "Sturgeon wrote to McConnell
        # accusing him", the accuser is Sturgeon, so "him" is not.
        for subj in subjects(verb):
            own_subject |= {t.i for t in subj.subtree}
    people: list[Mention] = []
    if sent.start == 0 and state is not None:
        people.extend(state.before)
    quoted = _quoted(doc)
    for i in range(start, head.i):
        m = index.get(i)
        if m and m.kind == "person" and m.start == i and i not in own_subject:
            # '"... President Bush is there for four years," he argued': a name inside a
            # quotation is what the speaker talks about, not the speaker outside it.
            if i in quoted and head.i not in quoted:
                continue
            people.append(m)
    if not people or len({p.name for p in people}) != 1:
        return None
    if _speaking_role_between(doc, index, start, head.i, own_subject):
        # "A Labour spokesman criticised Michael Howard's record ... He said": the
        # spokesman, a person named by role, could be meant as well as Howard.
        return None
    return people[-1]


def _speaking_role_between(
    doc: Doc, index: dict[int, Mention], start: int, end: int, skip: set[int]
) -> bool:
    """Whether a singular speaking position (a spokesman, a chairman) is the subject of a
    clause before a pronoun, in the span where the pronoun looks for its person."""
    for i in range(max(start, 0), end):
        m = index.get(i)
        if m is None or m.kind != "agent" or i in skip:
            continue
        word = doc[m.end - 1]
        if word.tag_ == "NN" and word.dep_ in ("nsubj", "nsubjpass") and _mouthpiece(word):
            return True
    return False


def _a_person(head: Token) -> bool:
    """A person's name: so tagged, or after an honorific ("Mr Mubanga", tagged a place)."""
    return head.ent_type_ == "PERSON" or any(
        c.dep_ == "compound" and c.text.rstrip(".") in HONORIFICS for c in head.children
    )


def _subtree(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def _quoted_span(span: Span) -> set[int]:
    """The tokens inside double quotation marks within one span."""
    inside, out = False, set()
    for t in span:
        if t.text in ('"', "“", "”"):
            inside = not inside if t.text == '"' else t.text == "“"
        elif inside:
            out.add(t.i)
    return out


def _quoted(doc: Doc) -> set[int]:
    """The tokens inside double quotation marks in a paragraph (found once per paragraph:
    every pronoun of it asks)."""
    cached: set[int] | None = doc.user_data.get(QUOTED_KEY)
    if cached is not None:
        return cached
    out = _quoted_span(doc[:])
    doc.user_data[QUOTED_KEY] = out
    return out


QUOTED_KEY = "tacitus.quoted"
# Where a paragraph's dictionary matches are kept between the survey and mentions().
MATCHES_KEY = "tacitus.matches"


def _party_countries(
    tokens: Iterable[Token],
    index: dict[int, Mention],
    head: Token,
    state: ArticleActors | None = None,
) -> set[str]:
    """The countries of the national bodies and people named in `tokens`, other than the
    phrase of `head` itself, a personal pronoun counting as the person it refers to ("he
    told MPs", he being the Prime Minister: British MPs). News outlets are left out: they
    report on every country."""
    own = np_tokens(head)
    found: set[str] = set()
    tokens = list(tokens)
    named = {id(m): m for t in tokens if (m := index.get(t.i))}
    for t in tokens if state is not None else ():
        if t.lower_ not in PERSONAL_PRONOUNS or t.i in own:
            continue
        if (m := _pronoun_person(t, index, state)) is not None:
            named.setdefault(id(m), m)
    for m in named.values():
        if m.start in own or m.kind not in ("organisation", "person") or not m.code:
            continue
        if "MED" in m.sectors or m.code.endswith("MED") or m.qualified:
            continue
        country = m.code[:3]
        if country.isalpha() and country not in NON_NATIONAL:
            found.add(country)
    return found


def _employer_mentions(
    head: Token, index: dict[int, Mention], regions: frozenset[str] = frozenset()
) -> tuple[list[Mention], set[int]]:
    """Whose a role is, from its for/with phrase, and that phrase's tokens: "a spokesman for
    the Taliban" speaks for the Taliban, "rebels with the FARC" belong to it, "a spokesman for
    the Iranian embassy" is Iran's, "a spokesman for Mr Howard" and "an aide to Mr Blair" are
    the listed person's. A state that is the object itself is the counterpart ("the
    envoy for Syria") and is not taken; nor is a state inside a longer name, nor a region or
    bloc, which has no organs of its own ("the European Anti-Fraud Office" is the EU's)."""
    found: list[Mention] = []
    tokens: set[int] = set()
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in EMPLOYER_PREPS | {"to"}:
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if _is_state(index.get(obj.i)):
                continue
            phrase = np_tokens(obj)
            whose = [
                m
                for i in sorted(phrase)
                if (m := index.get(i))
                and m.start == i
                and m.code
                # "an aide to Mr Blair" is his; "the envoy to Iran" (a body) is the counterpart.
                and (prep.lower_ != "to" or m.kind == "person")
                and (
                    m.kind in ("organisation", "person")
                    or (
                        m.kind in STATE_KINDS
                        and m.code not in regions
                        and not _inside_a_longer_name(obj.doc, m)
                    )
                )
            ]
            if whose:
                found += whose
                tokens |= phrase | {prep.i}
    return found, tokens


def _is_state(m: Mention | None) -> bool:
    return m is not None and m.kind in STATE_KINDS and bool(m.code)


def _called_former(doc: Doc, m: Mention) -> bool:
    """Whether a role's own phrase calls it former ("Former welfare minister", "ex-Labour
    chairman"): a modifier of the class `former` among the few words before it, with nothing
    between them but other modifiers and hyphens."""
    words = class_words("former")
    for i in range(m.start - 1, max(-1, m.start - 4), -1):
        t = doc[i]
        if t.lower_ in words:
            return True
        if t.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON", "CCONJ") or (
            t.is_punct and t.text != "-"
        ):
            return False
    return False


def _one_reading(found: list[Mention], countries: set[str]) -> list[Mention]:
    """Of the bodies an alias names ("CBI"), the one of a country the article names; none
    where the article names the countries of both or of neither (nothing guessed)."""
    spans: dict[tuple[int, int], list[Mention]] = {}
    for m in found:
        if m.kind == "organisation" and m.code:
            spans.setdefault((m.start, m.end), []).append(m)
    drop: set[int] = set()
    for same in spans.values():
        if len({m.code for m in same}) < 2:
            continue
        named = [m for m in same if m.code and m.code[:3] in countries]
        keep = named[0] if len(named) == 1 else None
        drop |= {id(m) for m in same if m is not keep}
        if keep is not None:
            keep.why += "; the body of that name in a country the article names"
    return [m for m in found if id(m) not in drop]


def _owns_a_role(doc: Doc, m: Mention, mentions: list[Mention]) -> bool:
    """Whether a name is the possessor of a role ("Bush's spokesman"): its last token is a
    possessive whose head is a role word. "End Bush' denial' Blair" owns no role."""
    last = doc[m.end - 1]
    roles = {i for x in mentions if x.kind == "agent" for i in range(x.start, x.end)}
    return last.dep_ == "poss" and last.head.i in roles


def _branch_of(head: Token, own: Mention | None, near: list[Mention]) -> Mention | None:
    """The known body a place's name is the branch of: an organisation named right before
    the place, as its compound ("BBC Radio Scotland", "Shell Nigeria"). "EU member Hungary"
    names the state: the body modifies "member", not the place."""
    if own is None or own.kind not in STATE_KINDS:
        return None
    doc = head.doc
    for m in near:
        last = doc[m.end - 1]
        chain = {last.i, last.head.i, last.head.head.i}
        if m.kind == "organisation" and m.code and m.end <= own.start and head.i in chain:
            between = doc[m.end : own.start]
            if all(t.pos_ == "PROPN" for t in between):
                return m
    return None


def _adjective_sense(doc: Doc, m: Mention, found: list[Mention]) -> bool:
    """'general election', 'official figures': a role word that is also an adjective of
    another sense (classes.tsv `homograph`), modifying a noun that no mention covers, is the
    adjective; so is one opening a body's name ('General Motors'). Before a role or a name
    ('official spokesman', 'General Petraeus') it stays a role."""
    tok = doc[m.start]
    if m.kind != "agent" or m.end - m.start != 1 or tok.lower_ not in class_words("homograph"):
        return False
    # "General Motors", "General Dynamics": before a plural proper noun it opens a body's name
    # (a person's name is singular).
    body = tok.dep_ == "compound" and tok.head.tag_ == "NNPS"
    if tok.dep_ != "amod" and not body:
        return False
    head = tok.head.i
    return not any(o.start <= head < o.end for o in found if o is not m)


def _capital_in_a_name(doc: Doc, m: Mention, found: list[Mention]) -> bool:
    """'Real Madrid', 'Paris Saint-Germain', 'the Beijing Olympics': a capital inside a
    longer name the recogniser found is part of that name, not its state by metonymy; a
    name that also holds a role word keeps it as the body's place ('Moscow City Court')."""
    if m.kind != "capital":
        return False
    for e in doc.ents:
        if e.label_ == "GPE" or not (e.start <= m.start and m.end <= e.end):
            continue
        if e.end - e.start == m.end - m.start:
            continue
        roles = any(o.kind == "agent" and e.start <= o.start < e.end for o in found)
        return not roles
    return False


def _ends_another_name(doc: Doc, m: Mention, found: list[Mention]) -> bool:
    """Whether a dictionary body begins inside a longer name the recogniser found, whose words
    before it name no state or known body: "the Trade Unions Congress" is not the US Congress,
    and "Salvation Army spokesman" has no army spokesman in it. "Pakistan Army" and "the US
    Congress" name their state, and a name that begins with the body ("Senate Armed Services
    Committee") is the body's own."""
    if m.kind not in ("organisation", "agent"):
        return False
    for e in doc.ents:
        if e.label_ != "ORG" or not e.start < m.start < e.end:
            continue
        if m.kind == "agent" and m.end <= e.end:
            # A role word ends many a body's own name ("Federal Police", "Naroda Police");
            # only a role phrase that runs across the name's end ("Salvation [Army
            # spokesman]") is a misreading.
            return False
        words = [t for t in e[: m.start - e.start] if t.lower_ != "the"]
        named = any(
            o is not m and o.kind not in ("agent", "person") and e.start <= o.start < m.start
            for o in found
        )
        return bool(words) and all(t.is_title and t.pos_ == "PROPN" for t in words) and not named
    return False


def _unknown_body(doc: Doc, tokens: set[int], index: dict[int, Mention]) -> Span | None:
    """A body's name in a role's phrase that no dictionary knows ("Salvation Army
    spokesman"): the role is that body's, whatever its generic word would default to."""
    for e in doc.ents:
        inside = all(t.i in tokens for t in e)
        if e.label_ == "ORG" and inside and not any(t.i in index for t in e):
            return e
    return None


def _mouthpiece_body(
    doc: Doc, m: Mention, near: list[Mention], state: ArticleActors
) -> Body | None:
    """The body a person titled only as a spokesman ("spokesman Jorg Wojahn") speaks for:
    the one named before, unless the title's own phrase names a body no dictionary knows."""
    titles = [doc[x.end - 1] for x in near if x.kind == "agent"]
    if not near or not _generic_role(near) or not all(_mouthpiece(t) for t in titles):
        return None
    if _unknown_body(doc, _name_context(doc, m), mention_index(near)):
        return None
    return _body_before(m.start, state)


def _mouthpiece(tok: Token) -> bool:
    """A position that speaks for a body (classes.tsv `mouthpiece`: spokesman, chairman)."""
    words = class_words("mouthpiece")
    return tok.lemma_.lower() in words or tok.lower_ in words


def _remember_bodies(doc: Doc, chosen: list[Mention], state: ArticleActors) -> None:
    """Note the bodies this paragraph has speak or act, in order: the parties named in a
    clause's subject outside quotations (the dictionaries' organisations and the
    recogniser's organisations they do not know); the last of the paragraph before stays
    for two paragraphs. A spokesman speaks for whoever the story last had speak or act, not
    for a party it only mentioned ("urged Muslims not to vote for Labour")."""
    if state.bodies:
        state.body_before, state.paragraphs_since_body = state.bodies[-1], 0
    else:
        state.paragraphs_since_body += 1
        if state.paragraphs_since_body > 2:
            state.body_before = None
    # Quotation marks counted sentence by sentence: a paragraph that lost its breaks (whole
    # articles in one line) would otherwise put every sentence after an unclosed quotation
    # inside it.
    quoted = {i for sent in doc.sents for i in _quoted_span(sent)}
    subjects = {t.i for t in _doers(doc)} - quoted
    covered = {i for m in chosen for i in range(m.start, m.end)}
    known = [
        _body(doc[m.start : m.end], m.code) for m in chosen if m.kind == "organisation" and m.code
    ]
    unknown = [
        _body(e, None) for e in doc.ents if e.label_ == "ORG" and not any(t.i in covered for t in e)
    ]
    # "Israel said ... A spokesman said", "the ministry said ... a spokesman added": a
    # state or an unnamed organ named last is what the spokesman's usual reading covers.
    others = [
        _body(doc[m.start : m.end], None, named=False)
        for m in chosen
        if m.kind in STATE_KINDS or (m.kind == "agent" and not m.position)
    ]
    found = [b for b in known + unknown + others if b.head in subjects]
    state.bodies = sorted(found, key=lambda b: b.start)


def _body(span: Span, code: str | None, *, named: bool = True) -> Body:
    return Body(span.start, span.root.i, code, span.text, named)


def _doers(doc: Doc) -> list[Token]:
    """The words that name who speaks or acts in a paragraph's clauses: each subject, the
    by-phrase of a passive, and what names the subject's body ("A spokesman for the Home
    Office", "Labour's campaign chief", "the group Transport 2000")."""
    heads = [t for t in doc if t.dep_ in ("nsubj", "nsubjpass")]
    heads += [o for t in doc if t.dep_ == "agent" for o in t.children if o.dep_ == "pobj"]
    found = list(heads)
    for h in heads:
        found += [c for c in h.children if c.dep_ in ("poss", "compound", "appos", "nmod")]
        found += [
            o
            for p in h.children
            if p.dep_ == "prep" and p.lower_ in ("for", "of", "at")
            for o in p.children
            if o.dep_ == "pobj"
        ]
    return found


def _body_before(i: int, state: ArticleActors) -> Body | None:
    """The body named last before token `i` of the paragraph being coded, or before it;
    None when that is a state or an unnamed organ."""
    here = [b for b in state.bodies if b.start < i]
    last = here[-1] if here else state.body_before
    return last if last is not None and last.named else None


def _generic_role(near: list[Mention]) -> bool:
    """Whether the only thing a phrase names is a generic position ("spokesman",
    "president"), whose sector is a default rather than read."""
    agents = [m for m in near if m.kind == "agent"]
    # A person the dictionaries and the text give no code is no evidence of the body.
    others = [m for m in near if m.kind != "agent" and (m.code or m.sectors)]
    return bool(agents) and all(m.position for m in agents) and not others


def _inside_a_longer_name(doc: Doc, m: Mention) -> bool:
    """Whether the recogniser found a named body, or a person, around the mention."""
    named = NAMED_BODIES | {"PERSON"}
    return any(
        e.label_ in named and e.start <= m.start < e.end and len(e) > m.end - m.start
        for e in doc.ents
    )


def _counterpart_tokens(head: Token, index: dict[int, Mention]) -> set[int]:
    """Tokens that are no evidence of a role's own country: its for phrase (what it names,
    _employer_mentions has taken directly) and a to phrase whose object is a state ("the
    ambassador to Iran": the state the role deals with). "An adviser to the Iranian
    president" still counts: the adviser works for Iran's president."""
    out: set[int] = set()
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in COUNTERPART_PREPS:
            continue
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.lower_ == "for" or any(_is_state(index.get(o.i)) for o in objects):
            out |= {t.i for t in prep.subtree}
    return out


def _called_foreign(head: Token, index: dict[int, Mention]) -> bool:
    """'foreign courts', 'injunctions in foreign courts': a role called foreign (classes.tsv
    `foreign`) is of another country than the one around it. Not where the word belongs to
    the role's name ('the shadow foreign secretary')."""
    doc, words = head.doc, class_words("foreign")
    return any(
        doc[i].lower_ in words and doc[i].dep_ == "amod" and i not in index for i in np_tokens(head)
    )


def aimed_at(head: Token, sectors: tuple[str, ...]) -> set[int]:
    """Tokens naming what a role's own act is aimed at: the objects and prepositional
    phrases of the verb it is the subject of ("the foreign minister criticised the United
    States", "protested to the French embassy"). A party acts on others more often than on its own
    state, so these are no evidence of its country. Police and courts are the exception:
    they act where they are ("police arrested 20 people in Pakistan"), and where an act
    happens ("rioted at a jail in Dili") stays evidence for any party."""
    if head.dep_ != "nsubj" or DOMESTIC_ORGANS.intersection(sectors):
        return set()
    verb = head.head
    # "agreed to provide Sri Lanka with ...": the act agreed to is aimed the same way.
    verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    aimed = {
        t.i
        for v in verbs
        for c in v.children
        if c.dep_ in AIMED_DEPS and not _locative(c)
        for t in c.subtree
    }
    # "to institute a curfew in Algiers": where the act happens stays evidence.
    placed = {t.i for i in aimed if _locative(head.doc[i]) for t in head.doc[i].subtree}
    return aimed - placed


def _locative(tok: Token) -> bool:
    """'in Algiers', 'at a jail in Dili': a phrase of place ('in protest' is none)."""
    return (
        tok.dep_ == "prep"
        and tok.lower_ in LOCATIVE_PREPS
        and any(o.dep_ == "pobj" and o.ent_type_ in ("GPE", "LOC", "FAC") for o in tok.children)
    )


def _states_named(tokens: Iterable[Token], index: dict[int, Mention]) -> set[str]:
    return {
        m.code
        for t in tokens
        if (m := index.get(t.i))
        and m.kind in COUNTRY_KINDS
        and m.code
        and not m.qualified
        # "the Indian Ocean", "the South China Sea": a place's name, not a state named
        and t.ent_type_ != "LOC"
        and not _names_a_topic(t, index)
    }


def _names_a_topic(tok: Token, index: dict[int, Mention]) -> bool:
    """ "the Iraq war", "the Kosovo crisis": a state's name modifying a thing no dictionary
    names as a party is the topic, not a party the sentence names. (An adjective is left
    alone: read so, "the European constitution" and its like lowered the development
    figures by 0.001-0.006.)"""
    head = tok.head
    return (
        tok.dep_ in ("compound", "nmod")
        and head.pos_ == "NOUN"
        and head.i != tok.i
        and head.i not in index
    )


def _possessor_country(
    head: Token, tokens: set[int], index: dict[int, Mention]
) -> tuple[str, str] | None:
    """'their forces', 'its troops': the possessive pronoun refers to the nearest actor named
    before it in the sentence that has a country."""
    pron = next(
        (head.doc[i] for i in tokens if head.doc[i].dep_ == "poss" and head.doc[i].pos_ == "PRON"),
        None,
    )
    if pron is None or pron.lower_ not in ("its", "their", "his", "her"):
        return None
    for i in range(pron.i - 1, pron.sent.start - 1, -1):
        m = index.get(i)
        if m is not None and m.code and m.kind != "agent":
            return m.code[:3], f"'{pron.text}' refers to {head.doc[m.start : m.end].text}"
    return None


def _qualified(doc: Doc, start: int) -> bool:
    """'pro-Iranian', 'anti-American', 'ex-Soviet': the name qualifies, it does not belong."""
    return (
        start >= 2
        and doc[start - 1].text == "-"
        and doc[start - 2].lower_ in ("pro", "anti", "ex", "non", "post", "pre")
    )


def _after_names(doc: Doc, people: list[Mention], names: list[Mention]) -> list[Mention]:
    """Person entities that begin with a party's or a state's dictionary name start after it:
    the recogniser reads "Lib Dem Treasury spokesman" as a person's name, which would
    otherwise outrank the party's shorter name."""
    out: list[Mention] = []
    for m in people:
        first = [
            n
            for n in names
            if n.start == m.start and n.end < m.end and n.kind in ("organisation", "country")
        ]
        if first and m.why == "PERSON entity":
            m.start = max(n.end for n in first)
            m.name = doc[m.start : m.end].text
        out.append(m)
    return out


def _longest_first(found: list[Mention]) -> list[Mention]:
    """Drop mentions overlapping a longer one (dictionary names beat entity spans on ties)."""
    rank = {
        "organisation": 0,
        "country": 1,
        "capital": 1,
        "region": 1,
        "adjective": 2,
        "division": 2,
        "agent": 3,
        "person": 4,
    }
    # Longest first; on a tie, a match that does not start with "the" ("West Bank" over
    # "the West" in "the West Bank"), then by kind.
    found.sort(key=lambda m: (-(m.end - m.start), m.starts_with_the, rank.get(m.kind, 9), m.start))
    taken: set[int] = set()
    out: list[Mention] = []
    for m in found:
        if any(i in taken for i in range(m.start, m.end)):
            continue
        taken.update(range(m.start, m.end))
        out.append(m)
    out.sort(key=lambda m: m.start)
    return out


def mention_index(mentions: list[Mention]) -> dict[int, Mention]:
    return {i: m for m in mentions for i in range(m.start, m.end)}


def np_tokens(head: Token, exclude: set[int] | None = None) -> set[int]:
    """Token indices of the noun phrase of `head`: its modifiers, not its clauses or conjuncts."""
    out = {head.i}
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            keep = (
                child.dep_ in NP_DEPS
                or (child.dep_ == "prep" and child.lower_ in NP_PREPS and tok is head)
                or (child.dep_ == "pobj" and tok.dep_ == "prep")
            )
            if keep and child.i not in out:
                out.add(child.i)
                stack.append(child)
    if exclude:
        out -= exclude
    return out


def _phrase_span(doc: Doc, tokens: set[int]) -> Span:
    lo, hi = min(tokens), max(tokens) + 1
    while lo < hi - 1 and doc[lo].dep_ in ("det", "punct", "case"):
        lo += 1
    while hi - 1 > lo and doc[hi - 1].dep_ in ("punct", "case"):
        hi -= 1
    return doc[lo:hi]
