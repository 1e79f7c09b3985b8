"""The events stage: who did what to whom, read off the dependency parse.

For every sentence the coder looks for triggers: verbs whose lemma has a pattern in
tacitus/data/verbs.txt, and event nouns ("strikes", "talks", "sanctions") either standing
alone or as the object of a light verb ("launched strikes"). For each trigger it finds

- the source: the subject, the agent of a passive ("by X"), the subject inherited through
  control and coordination ("tried to persuade", "arrived ... to share"), or for nouns a
  possessor or demonym ("Israeli strikes", "Iran's talks");
- the target: the object the pattern names (direct object, the object of "with", "on", ...),
  the subject of a passive, or for reciprocal nouns the other party ("talks between A and B");
- polarity and modality from negation, auxiliaries, governing verbs (modality.tsv) and
  conditional clauses.

Coordinated actors give one event per pair. An event needs an identifiable source; an
unidentifiable target stays None rather than being guessed. A protest or a curfew-like
measure is aimed at the state of the place the sentence names for it ("rioted in Serbia").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from tacitus.actors import (
    CONTEXT_COUNTRY,
    ActorCoder,
    ArticleActors,
    Mention,
    compose,
    np_tokens,
)
from tacitus.coder import aims, readings
from tacitus.coder.classes import CLASS_MARK, class_words, object_classes, subject_classes
from tacitus.coder.codebook import lookup, read_as, state_organ
from tacitus.coder.grammar import (
    CONDITIONAL_MARKS,
    OBJ,
    PASS_SUBJ,
    REPORTING,
    SPEECH_NOUNS,
    SUBJ,
    background,
    clause_verb,
    definite,
    expand,
    governing_chain,
    is_passive,
    negated,
    object_keys,
    objects,
    prep_objects,
    preps_with_objects,
    stative,
    subjects,
)
from tacitus.coder.mood import (
    REQUEST_NOUNS,
    addressees,
    advised,
    announces_own_act,
    appealing_verb,
    asserted_clause,
    blamed_in_clause,
    condemned_owners,
    criticised_clause,
    criticism_words,
    demanding_speaker,
    for_clause,
    imperative_clause,
    mood,
    obliged_clause,
    praised_clause,
    reaction_targets,
)
from tacitus.coder.patterns import ANY_OBJECT, CLAUSE_KEY, NO_OBJECT_KEY, Pattern, PatternIndex
from tacitus.coder.trigger import Trigger
from tacitus.model import Actor, Event, Polarity
from tacitus.provenance import cue_lexicon

log = logging.getLogger(__name__)

WARNING_VERBS = frozenset({"warn", "caution"})
ELLIPTICAL_HEADS = frozenset({"another", "other", "one", "second", "third", "others"})
# Auxiliaries of a past or perfect act ("did not", "had not", "has not") and of an activity
# going on ("are not calling"): negated, they report what did not happen (_past_inaction).
PAST_AUX = frozenset({"did", "had", "has", "have", "was", "were"})
PROGRESSIVE_AUX = frozenset({"is", "are", "am", "'s", "'re", "'m"})
# Verbs of talking: with no one talked with, talk about a topic is a statement.
CONVERSATION_VERBS = frozenset({"talk", "speak", "chat"})
# Roots of verbal acts whose direct object is the party addressed (_addressed_organs).
ADDRESSING_ROOTS = frozenset({"01", "02", "04", "05", "09", "10", "11", "12", "13"})
# Possessive pronouns that make a phrase the speaker's or doer's own ("its troops").
OWN_POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "my"})
# Sectors of a state's own organs: named by the state's own possessive, no counterpart.
STATE_ORGANS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# Governing verbs that make coordinated subjects parties to one joint act.
JOINT_VERBS = frozenset({"agree", "decide", "pledge", "promise", "vow", "resolve", "plan"})
# Of these, the verb whose own act is between its coordinated subjects: "A and B agreed".
RECIPROCAL_VERBS = frozenset({"agree"})
# Verbs whose prepositional object is an event they take part in: "engaged in ethnic
# cleansing", "took part in the talks", "involved in the attack", "resorted to a baton charge".
PREP_LIGHT_VERBS = {
    **dict.fromkeys(("engage", "involve", "participate", "take", "join", "enter"), ("in", "into")),
    "resort": ("to",),
}
# Rounds and contests of sport: "beat Brazil in the final" is no assault (see _sporting).
# Not "round", "race" or "quarter": "killed in a round of shelling", "in the Christian
# quarter" are war.
SPORT_WORDS = frozenset(
    {
        "final",
        "semifinal",
        "quarterfinal",
        "match",
        "game",
        "tournament",
        "championship",
        "cup",
        "league",
        "derby",
        "friendly",
        "qualifier",
        "playoff",
        "olympics",
    }
)
SCORE = re.compile(r"^\d{1,2}[-–]\d{1,2}$")  # "3-1"; a date range like "1990-1995" is longer
# Verbs of coming together whose "for"-object is an event their subject takes part in.
GATHERING_VERBS = frozenset(
    {"gather", "converge", "assemble", "arrive", "come", "meet", "travel", "head", "return", "join"}
)
# An event noun governed by these verbs is read as CAMEO reads the act asked for, promised
# or refused: "called for the withdrawal of troops" is an appeal (0256), "demanded the
# release of prisoners" a demand (1053), "agreed to a ceasefire" an intent (0356),
# "rejected the ceasefire" a refusal (1246). Keys: (verb lemma, preposition or "obj").
NOUN_READINGS = {
    **{(v, "for"): "appeal" for v in ("call", "appeal", "ask", "press", "push", "plead", "lobby")},
    **{(v, "obj"): "appeal" for v in ("seek", "request", "urge")},
    ("demand", "obj"): "demand",
    **{(v, "obj"): "intent" for v in ("promise", "pledge", "offer", "propose")},
    **{("agree", p): "intent" for p in ("to", "on", "upon")},
    ("commit", "to"): "intent",
    **{(v, "obj"): "refusal" for v in ("reject", "refuse", "rebuff", "spurn", "veto")},
}
# Verbs that deny an act as a fact, and CAMEO's code for denying one's own: 016.
DENIAL_VERBS = frozenset({"deny"})
DENIAL_CODE = "016"
# Prepositions after a verb's object that introduce the party the act is aimed at.
OBJECT_PREPS = ("on", "to", "against", "with", "for", "from", "over")
# Measures on the population of a place (curfews, states of emergency, martial law, imposed
# or lifted): like protests, aimed at the state where they apply.
PLACED_CODES = frozenset({"0813", "0814", "1723", "1724"})
# Prepositions of a complement clause's verb that name the party its act is aimed at.
COMPLEMENT_PREPS = ("to", "with", "against", "on", "into")
# "X is responsible for the killings", "X is guilty of violating the truce": X did it.
CULPABLE = frozenset({("responsible", "for"), ("guilty", "of"), ("culpable", "for")})
# Verbs that put their subject or object in a state: "remained on alert", "put X on alert".
STATE_VERBS = frozenset({"remain", "stay", "put", "place", "keep", "be", "go"})
# Verbs whose object is put to a use named after "as": "used civilians as human shields".
USING_VERBS = frozenset({"use", "hold", "keep", "employ", "exploit", "take", "treat"})
# "died of/after/as a result of torture": the subject suffered the violence the noun names.
DYING_VERBS = frozenset({"die", "succumb", "perish"})
# Verbs whose passive subject suffers the harm: "were killed in an air strike".
HARM_VERBS = frozenset({"kill", "wound", "injure", "hurt", "maim"})
# Prepositions that make an act of force the occasion of a harm: "killed in / during a raid"
# ("killed by shelling" names the shelling as the doer, grammar.subjects).
OCCASION_PREPS = frozenset({"in", "during"})
# Where a show of force (15) is made: its place names the party it is aimed at.
SHOWN_AT = ("in", "into", "to", "near", "along", "on", "at", "towards")
# Roots of force that harm people: assault, fight, mass violence.
MATERIAL_FORCE = frozenset({"18", "19", "20"})
# Verbs in re- that do not mean "<base> again" in news: revisiting an issue is no visit,
# reclaiming land no claim, a refund no funding (checked against the parser's vocabulary).
NOT_AGAIN = frozenset(
    {"revisit", "reclaim", "refund", "recharge", "reside", "reflex", "redoubt", "remake"}
)
# Military exercise nouns: joint (062) when coordinated parties hold them.
# Adjectives that name the state a verb puts its object in ("set free", "made available"):
# only these two, since any other amod of an object describes it ("set new rules").
RESULTATIVES = frozenset({"free", "available"})
EXERCISES = frozenset({"exercise", "drill", "game", "maneuver", "manoeuvre", "manoeuver"})
STATEMENT_PENALTY = 0.3
# Roots whose events are coded even when the perpetrator is not named: violence and coercion
# are news with an unknown hand; cooperation without a known party is not.
UNNAMED_SOURCE_ROOTS = frozenset({"14", "17", "18", "19", "20"})
# A subject the dictionaries do not know but that is a proper name is a party of any event,
# coded without a country: news names the actor, we just cannot code it. Common-noun subjects
# ('the company', 'residents') are not: allowing them too cost 0.02 root precision on the
# CAMEO examples for 0.01 recall, while proper names alone are precision-neutral.
NAMED_ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
CONTEXT_MARK = "the article"  # in an actor's `why` when its country came from context
# Adjectives that predicate an event of their subject ("Israel is opposed to mediation",
# "Iran is critical of the deal") are looked up in verbs.txt under their own lemma.
PREDICATIVE = frozenset({"acomp", "attr", "oprd"})
# Control verbs that are not events themselves when they govern an event (see
# EventCoder._defers_to_complement); demand verbs ("urge X to") are appeals in their own right.
DEFERRING_MODALITIES = frozenset({"intent", "planned", "hypothetical", "negated"})
# Where to look for a target when a pattern names none and the verb has no object: the
# prepositions that introduce the other party for each kind of event ("reach a deal with",
# "tighten sanctions on", "send aid to").
DEFAULT_TARGET_PREPS = {
    "03": ("with", "to"),
    "04": ("with",),
    "05": ("with", "to"),
    "06": ("with",),
    "07": ("to", "for"),
    "08": ("to", "for"),
    "10": ("on", "from"),
    "11": ("against", "on"),
    "12": ("from",),
    "13": ("against", "on"),
    "14": ("against", "at"),  # "protested against the reform", "threw stones at police"
    "16": ("on", "against", "with"),
    "17": ("on", "against"),
    "18": ("on", "against"),
    "19": ("on", "against"),
    "20": ("on", "against"),
}
# Codes for which "A and B <verb>" with no object means they did it with each other.
RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06", "19"})
# Acts that parties deciding together ("agreed to", "pledged to") do to each other.
JOINT_ROOTS = frozenset({"03", "04", "05", "06", "07", "08", "09"})

# Confidence: a start value per way the trigger was found, adjusted per missing piece.
# Tuned by reading coded samples: a verb with explicit subject and object is usually right,
# a noun standing alone least often.
BASE_CONFIDENCE = {"verb": 0.8, "light": 0.75, "noun": 0.6}


@dataclass(slots=True)
class SentenceContext:
    sent: Span
    index: dict[int, Mention]
    offset: int  # character offset of the doc in the article text
    sentence_no: int
    article_id: str
    segment: str
    history: list[Event] = field(default_factory=list)  # the article's events so far
    state: ArticleActors | None = None  # the article's people and countries


def _title_case(sent: Span) -> bool:
    """A headline set in title case ("Blair Says Iraq War Was Right"): most words capitalised."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.is_title for t in words) > 0.6 * len(words)


def _inside_a_name(tok: Token) -> bool:
    """A capitalised word between capitalised names in running text is part of a name ("a
    spokesman for North East Says No"), not a verb reporting an act."""
    doc, i = tok.doc, tok.i
    if not tok.is_title or i == tok.sent.start or i + 1 >= len(doc):
        return False
    before, after = doc[i - 1], doc[i + 1]
    return before.is_title and before.pos_ == "PROPN" and after.is_title


class EventCoder:
    def __init__(self, actors: ActorCoder, patterns: PatternIndex) -> None:
        self.actors = actors
        self.patterns = patterns

    # -- triggers ---------------------------------------------------------------------------

    def triggers(self, sent: Span) -> Iterator[Trigger]:
        consumed: set[int] = set()  # complements a verb's own pattern already codes
        title_case = _title_case(sent)
        for tok in sent:
            if tok.i in consumed or self._defers_to_complement(tok):
                continue
            if not title_case and _inside_a_name(tok):
                continue
            if (
                tok.pos_ in ("VERB", "AUX")
                or (tok.pos_ == "ADJ" and tok.dep_ in PREDICATIVE)  # "is opposed to"
            ) and self._lemma(tok) in self.patterns.verbs:
                pat = self._verb_pattern(tok)
                if pat:
                    consumed.update(
                        c.i
                        for c in tok.children
                        if c.dep_ in ("xcomp", "oprd") and c.lemma_.lower() in pat.objects
                    )
                    verb_trig = _read_warning(Trigger(tok, pat, "verb", tok))
                    verb_trig = _read_naming(_read_assertion(verb_trig))
                    verb_trig = _read_denial(_read_refused(verb_trig))
                    verb_trig = _read_obligation(_read_spoken_protest(verb_trig))
                    verb_trig = _read_imperative(verb_trig)
                    yield _read_praise(_read_criticism(verb_trig))
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in self.patterns.nouns:
                trig = self._noun_trigger(tok)
                if trig:
                    yield trig

    def _defers_to_complement(self, verb: Token) -> bool:
        """'wants to meet', 'tried to persuade', 'refused to attend': a control verb of intent,
        plan, refusal or conjecture is not an event itself; its complement is, with the
        modality or polarity the control verb gives it."""
        kind = self.patterns.modal_verbs.get(verb.lemma_)
        if kind not in DEFERRING_MODALITIES:
            return False
        xcomps = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
        if not xcomps:
            return False
        # Unless the pair has a pattern of its own: "refused to meet" (125), "agreed to meet".
        own = self.patterns.match_verb(verb.lemma_, objects={c.lemma_.lower() for c in xcomps})
        if own is not None and own.objects:
            return False
        # "agreed to re-open its borders", "refused to respond": when the complement codes
        # nothing, the control verb's own reading (agree to 030, refuse 120) is the event.
        return any(self._complement_codes(c) for c in xcomps)

    def _complement_codes(self, verb: Token, depth: int = 0) -> bool:
        """Whether a verb, its event-noun object or a complement or conjunct under it has a
        pattern: what a control verb defers to."""
        if self._lemma(verb) in self.patterns.verbs and self._verb_pattern(verb) is not None:
            return True
        if any(o.lemma_.lower() in self.patterns.nouns for o in objects(verb)):
            return True
        return depth < 3 and any(
            self._complement_codes(c, depth + 1)
            for c in verb.children
            if c.dep_ in ("xcomp", "conj") and c.pos_ in ("VERB", "AUX")
        )

    def _lemma(self, verb: Token) -> str:
        """The lemma patterns are looked up under: a verb's own, or for a re- verb with no
        patterns of its own the base verb's ('reimposed' -> impose, 'redeployed' -> deploy).
        Bases shorter than four letters are too often not a base at all (react, relay)."""
        lemma = verb.lemma_
        if lemma in self.patterns.verbs or not lemma.startswith("re") or len(lemma) < 6:
            return lemma
        if lemma in NOT_AGAIN:
            return lemma
        base = lemma[2:].lstrip("-")
        return base if base in self.patterns.verbs else lemma

    def _verb_pattern(self, verb: Token) -> Pattern | None:
        kids = list(verb.children)
        objs = [c for c in kids if c.dep_ in OBJ or c.dep_ in PASS_SUBJ]
        if not objs and verb.dep_ == "acl" and verb.tag_ == "VBN":
            # A reduced relative's noun is what the participle was done to: "posters withdrawn
            # from the website", "sanctions imposed on Iran".
            objs = [verb.head]
        pat = self.patterns.match_verb(
            self._lemma(verb),
            # spaCy tags "out" in "pulled out of" as prep or advmod as often as prt.
            particles={c.lower_ for c in kids if c.dep_ in ("prt", "prep", "advmod")},
            # "declined to comment", "threatened to strike": an open complement is read as
            # the object of the verb's object patterns.
            objects=set().union(*(object_keys(o) for o in expand(objs)))
            | {c.lemma_.lower() for c in kids if c.dep_ in ("xcomp", "oprd")}
            | _resultatives(kids, objs)
            # What kind of thing the object is: "@party", "@money", "@none" (classes.tsv),
            # and "@clause" for a clausal complement ("questioned whether ...", "offered to
            # mediate"): a verb whose only complement is a clause has no @none.
            | _object_classes(objs, kids),
            preps=preps_with_objects(verb)
            | {p for o in objs for p in preps_with_objects(o)}
            # "called for Israel to withdraw" is "call for", whose object is a clause.
            | ({"for"} if any(for_clause(c) for c in kids) else set())
            | _infinitive_to(verb, self.patterns.modal_verbs),
            # "figures suggest that ..." is no proposal: `suggest <@party` (classes.tsv).
            subjects=subject_classes(verb),
        )
        if pat is not None and not pat.objects and self._object_is_event(objs, pat):
            return None
        return pat

    def _object_is_event(self, objs: list[Token], pat: Pattern) -> bool:
        """A light verb with an event noun as object leaves coding to the noun."""
        return pat.lemma in self.patterns.light_verbs and any(
            o.lemma_.lower() in self.patterns.nouns for o in objs
        )

    def _noun_trigger(self, noun: Token) -> Trigger | None:
        modifiers = {
            c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod", "nmod")
        }
        lemma = noun.lemma_.lower()
        pat = self.patterns.match_noun(lemma, modifiers=modifiers, preps=preps_with_objects(noun))
        verb = _governing_verb(noun)
        if pat is None and verb is not None:
            # A noun that requires its preposition (`~war !on`) finds it on the verb it is
            # the object of as often as on itself: "declared war on X", "went to war with X".
            preps = preps_with_objects(noun) | preps_with_objects(verb)
            pat = self.patterns.match_noun(lemma, modifiers=modifiers, preps=preps)
        if pat is None:
            return None
        pat = self._modifier_act(noun, pat)
        read = self._read_noun(noun, pat)
        if read is not None:
            return read
        head = noun.head
        if noun.dep_ in OBJ and head.pos_ in ("VERB", "AUX"):
            own = self._verb_pattern(head) if self._lemma(head) in self.patterns.verbs else None
            if own is not None and own.objects:
                return None  # the verb's own object pattern codes it ("impose sanctions")
            if head.lemma_ in self.patterns.light_verbs:
                return Trigger(noun, pat, "light", head)
            if own is not None:
                return None  # "condemned the strikes": the verb is the event
        if (
            noun.dep_ == "pobj"
            and head.dep_ == "prep"
            and (
                head.lower_ in PREP_LIGHT_VERBS.get(head.head.lemma_, ())
                # "converged on Lagos for a rally", "arrived for talks": they take part.
                or (head.head.lemma_ in GATHERING_VERBS and head.lower_ == "for")
            )
        ):
            return Trigger(noun, pat, "light", head.head)  # "engaged in ethnic cleansing"
        if noun.dep_ == "pobj" and (head.head.lemma_, head.lower_) in CULPABLE:
            adjective = head.head
            if adjective.dep_ in PREDICATIVE and adjective.head.pos_ in ("VERB", "AUX"):
                return Trigger(noun, pat, "light", adjective.head)  # "is responsible for"
        user = _as_verb(noun)
        if user is not None and _as_role(noun):
            return Trigger(noun, pat, "light", user)  # "held civilians as human shields"
        if _posture(noun, pat) or readings.on_strike(noun):
            # "troops remained on alert", "teachers went on strike"
            return Trigger(noun, pat, "light", head.head)
        measure = head.head if noun.dep_ == "pobj" and head.lower_ == "of" else None
        if (
            measure is not None
            and measure.dep_ in OBJ
            and measure.lemma_.lower() not in self.patterns.nouns  # "a suspension of aid"
            and measure.head.lemma_ in self.patterns.light_verbs
        ):
            return Trigger(noun, pat, "light", measure.head)  # "began ten days of war games"
        return Trigger(noun, pat, "noun", clause_verb(noun))

    def _modifier_act(self, noun: Token, pat: Pattern) -> Pattern:
        """A modifier that is itself a more specific act of the same root names the act: a
        "car bomb explosion" is a car bombing (1832), not any bombing (183)."""
        for c in noun.children:
            if c.dep_ != "compound" or c.lemma_.lower() not in self.patterns.nouns:
                continue
            mods = {g.lemma_.lower() for g in c.children if g.dep_ in ("compound", "amod", "nmod")}
            inner = self.patterns.match_noun(c.lemma_.lower(), modifiers=mods, preps=frozenset())
            if (
                inner is not None
                and inner.code[:2] == pat.code[:2]
                and _specificity(inner.code) > _specificity(pat.code)
            ):
                pat = inner
        return pat

    def _read_noun(self, noun: Token, pat: Pattern) -> Trigger | None:
        """An event noun asked for, promised or refused (see NOUN_READINGS)."""
        # Only with the party named: "pushed for tougher sanctions" stays an appeal.
        hostile = pat.code[:2] == "16" and bool(prep_objects(noun, ("against", "on")))
        if not ("03" <= pat.code[:2] <= "08" or hostile):
            return None
        governor, reading = _noun_governor(noun)
        if governor is None or reading is None:
            return None
        if hostile:
            # "called for sanctions against X": CAMEO has no appeal for a hostile measure;
            # asking others to punish X is disapproval of X (110).
            if reading not in ("appeal", "demand"):
                return None
            why = f"{reading} for '{noun.text}' against a party: disapproval (110)"
            return Trigger(noun, pat, "light", governor, "110", why)
        code = read_as(reading, pat.code)
        if code is None:
            return None
        why = f"{reading} of '{noun.text}': {pat.code} read as {code}"
        return Trigger(noun, pat, "light", governor, code, why)

    # -- arguments --------------------------------------------------------------------------

    def sources(self, trig: Trigger, ctx: SentenceContext) -> list[Token]:
        if trig.kind == "noun":
            return self._noun_sources(trig.token)
        return subjects(trig.governor)

    def targets(self, trig: Trigger, ctx: SentenceContext) -> list[list[Token]]:
        """Candidate targets in tiers, most explicit first; the coder takes the first tier
        that names an actor."""
        preps = trig.pattern.preps
        if trig.kind in ("noun", "light"):
            found = prep_objects(trig.token, preps)
            if trig.kind == "light" or trig.governor.lemma_ == "be":
                # "launched strikes on X" / "the attack was against X"
                found += prep_objects(trig.governor, preps)
            if trig.kind == "light" and (_as_role(trig.token) or _gathered_for(trig)):
                # "used civilians as shields", "joined Canadian officials for talks"
                found += expand(objects(trig.governor))
            return [found, self._default_targets(trig), _victims(trig)]
        verb = trig.token
        tiers: list[list[Token]] = []
        if preps:
            tiers.append(
                prep_objects(verb, preps)
                + [t for obj in objects(verb) for t in prep_objects(obj, preps)]
            )
        if is_passive(verb):
            if verb.dep_ == "acl":
                tiers.append(expand([verb.head]))  # "officials briefed on ...": the noun undergoes
            elif verb.dep_ == "advcl" and not any(c.dep_ in PASS_SUBJ for c in verb.children):
                tiers.append(subjects(verb.head))  # "Criticised by X, the minister ..."
            else:
                tiers.append(expand([c for c in verb.children if c.dep_ in PASS_SUBJ]))
        if stative(verb):
            tiers.append(prep_objects(verb, ("to",)))  # "opposed to French mediation"
        objs = objects(verb)
        if _says_its_object(trig):
            # What is said is no target; a party named as the object still is ("called
            # Labour a machine for talking").
            objs = [o for o in objs if "@party" in object_classes([o])]
        plain = [o for o in objs if o.lemma_.lower() not in trig.pattern.objects]
        tiers.append(expand(plain))
        # "agreed to meet French officials": the object of the complement the pattern names.
        comps = [c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ in trig.pattern.objects]
        tiers.append(expand([o for c in comps for o in objects(c)]))
        tiers.append(self._default_targets(trig))
        tiers.append(_complement_targets(verb, trig.code[:2]))
        if _placed(trig.code):
            # "demonstrated in Serbia", "lifted the curfew in Montenegro": a protest or a
            # measure on a population is aimed at the state of the place it happens in.
            tiers.append(
                prep_objects(verb, ("in",)) + [t for o in objs for t in prep_objects(o, ("in",))]
            )
        # "lifted the ban on US poultry", "cut aid to Yemen": the party behind the object.
        behind = objs + [
            o
            for p in verb.children
            if p.dep_ == "prep" and p.lower_ in trig.pattern.preps
            for o in p.children
            if o.dep_ == "pobj"
        ]
        tiers.append([t for obj in behind for t in prep_objects(obj, OBJECT_PREPS)])
        # "expelled two Russian diplomats": the pattern's own object can be the target; the
        # forces a show of force deploys or reinforces (15) are the doer's own, not its aim.
        if trig.code[:2] != "15":
            tiers.append(expand([o for o in objs if o.lemma_.lower() in trig.pattern.objects]))
        else:
            tiers.append(_deployed_to(verb, objs))
        if trig.code[:2] == "13":
            tiers.append(_condition_targets(verb))
        tiers.append(_victims(trig))  # "killed in police firing": the dead
        return tiers

    def _default_targets(self, trig: Trigger) -> list[Token]:
        preps = DEFAULT_TARGET_PREPS.get(trig.pattern.code[:2], ())
        found = prep_objects(trig.token, preps)
        for obj in objects(trig.governor):
            found += prep_objects(obj, preps)
        return found

    def _noun_sources(self, noun: Token) -> list[Token]:
        """'Israel's strikes', 'Israeli strikes', 'U.S. strikes', 'strikes by Israel'. A
        by-phrase names the doers outright, and then a modifier only describes the act:
        'military exercises by South Korea and the United States' are theirs."""
        agents = prep_objects(noun, ("by",))
        if agents:
            return agents
        out = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
        return expand(out)

    def reciprocal_parties(self, trig: Trigger, ctx: SentenceContext) -> list[Actor]:
        """'talks between A and B' / 'talks among A, B and C': each named party once."""
        if trig.kind == "verb":
            return []
        heads = [
            o
            for p in trig.token.children
            if p.dep_ == "prep" and p.lower_ in ("between", "among", "amongst")
            for o in expand([c for c in p.children if c.dep_ == "pobj"])
        ]
        seen: dict[int, Mention] = {}
        for h in heads:
            for i in sorted(np_tokens(h)):
                m = ctx.index.get(i)
                if m is not None and m.kind != "agent":
                    seen.setdefault(m.start, m)
        doc = trig.token.doc
        return [a for m in seen.values() if (a := self.actors.mention_actor(doc, m, ctx.offset))]

    # -- coding -----------------------------------------------------------------------------

    def code_sentence(self, ctx: SentenceContext) -> list[Event]:
        trigs = list(self.triggers(ctx.sent))
        # "called for sanctions against X" is coded once, as the disapproval the noun reading
        # makes of it, not also as an appeal by the verb.
        asked = {t.governor.i for t in trigs if t.kind == "light" and t.code == "110"}
        # "were killed in an Israeli air strike": the strike is the event, the killing what
        # it did; coded once, as the strike, with the dead as its target (targets()).
        asked |= {
            v.i
            for t in trigs
            if t.code[:2] in MATERIAL_FORCE
            and (o := _occasion(t)) is not None
            and (v := _harmed_in(o)) is not None
        }
        trigs = [t for t in trigs if not (t.kind == "verb" and t.token.i in asked)]
        coded = [
            (
                trig,
                [
                    e
                    for e in self._events_for(trig, ctx)
                    if readings.plausible_force(e, nominal=_specific_force(trig))
                    and not (e.root in ("18", "19", "20") and _sporting(trig.governor))
                    and not _won(trig, e)
                ],
            )
            for trig in trigs
        ]
        # Elided clauses are distinct events by construction (another place, another target),
        # so they are added after one-event-per-dyad deduplication.
        elided = [e for _, events in self._elliptical(coded, ctx) for e in events]
        kept = _dedupe(_drop_covered_statements(coded))
        # Sub-codes by aim after deduplication: a pattern's specific reading (125 for a
        # rejected invitation) must not lose to a generic one (120) the aim words refined.
        trigger_of = {id(e): trig for trig, evs in coded for e in evs}
        for e in kept:
            trig = trigger_of[id(e)]
            aims.refine(e, trig.token, trig.governor)
        events = readings.protest_aims(kept) + elided
        for trig, evs in coded:
            aim = readings.accusation_aim(trig.token) if trig.code == "112" else None
            if aim is None:
                continue
            for e in evs:
                readings.recode(e, aim, f"accused of '{trig.token.text} ... {aim}'")
        return events

    def _elliptical(
        self, coded: list[tuple[Trigger, list[Event]]], ctx: SentenceContext
    ) -> list[tuple[Trigger, list[Event]]]:
        """'one of the attacks was against X, and another against Y': the elided second
        clause is a second event of the same kind with the same actors."""
        out = []
        for trig, events in coded:
            if trig.kind != "noun" or not events or trig.governor.lemma_ != "be":
                continue
            for conj in trig.governor.children:
                if conj.dep_ == "conj" and conj.lower_ in ELLIPTICAL_HEADS:
                    again = Trigger(
                        conj,
                        trig.pattern,
                        "noun",
                        conj,
                        trig.code,
                        f"ellipsis: '{conj.text}' repeats '{trig.token.text}'",
                    )
                    first = events[0]
                    out.append(
                        (
                            again,
                            [self._event(again, first.source, first.target, ctx, "elided clause")],
                        )
                    )
        return out

    def _events_for(self, trig: Trigger, ctx: SentenceContext) -> list[Event]:
        actor = self._actor_fn(ctx)
        parties = self.reciprocal_parties(trig, ctx)
        sources = [a for t in self.sources(trig, ctx) if not _inert(t) for a in actor(t)]
        if len(parties) >= 2 and trig.kind == "light" and sources:
            # "Qatar launched a mediation effort between A and B": Qatar acts on both.
            return [
                self._event(trig, s, p, ctx, "between-phrase parties as targets")
                for s in sources
                for p in parties
                if not _same_party(s, p)
            ]
        if len(parties) >= 2:
            pairs = [(a, b) for a in parties for b in parties if a is not b]
            return [self._event(trig, s, t, ctx, "between-phrase") for s, t in pairs]
        if not sources:
            # "reminded Iraq that it must cooperate": the demand stands without a doer.
            demanded = self._demand(trig, [], ctx) if trig.kind == "verb" else []
            return demanded or self._anaphoric(trig, ctx) or self._unnamed_source(trig, ctx)
        if trig.token.lemma_ in REPORTING and all(s.sectors == ("MED",) for s in sources):
            return []  # "the newspaper reported": the reporter is not an actor of the event
        demanded = self._demand(trig, sources, ctx)
        if demanded:
            return demanded
        addressed = _addressed_organs(trig)
        targets = self._first_actors(self.targets(trig, ctx), ctx, sources, addressed)
        out: list[Event] = []
        for s in sources:
            tgts: list[Actor | None] = [
                _addressed_press(trig, s, t) for t in targets if not _same_party(s, t)
            ]
            for t in tgts or [None]:
                out.append(self._event(trig, s, t, ctx, "arguments"))
        if not targets and len(sources) == 1 and _talked_about(trig):
            # "Mr Blair talked about the manifesto": talk with no one is a statement (010);
            # "A and B talked about X" stays their consultation (below).
            trig.code, trig.reading = "010", "talk about a topic, with no one: a statement"
            out = [self._event(trig, sources[0], None, ctx, "arguments")]
        if not targets and len(sources) > 1 and trig.token.lemma_.lower() in EXERCISES:
            # "French and Egyptian warships held war games": held together, military
            # cooperation (062); one side's exercises are a show of force (150).
            trig.code, trig.reading = "062", "exercises held together"
        elif trig.token.lemma_.lower() in EXERCISES and _held_together(trig.token):
            trig.code, trig.reading = "062", "joint exercises: held together"
            out = [self._event(trig, e.source, e.target, ctx, "arguments") for e in out]
        if not targets and len(sources) > 1 and self._joint(trig):
            out = [
                self._event(trig, a, b, ctx, "coordinated subjects act together")
                for a in sources
                for b in sources
                if a is not b
            ]
        return out

    def _unnamed_source(self, trig: Trigger, ctx: SentenceContext) -> list[Event]:
        """Violence and coercion by someone the sentence does not name ('a car bomb killed
        two soldiers', 'a journalist was arrested'): the event is coded with the subject's
        words as an uncoded source, or no source, when its target is an actor. Any act of
        a subject named by a proper name the dictionaries lack ('Gov. Phil Murphy declined
        to comment') is coded the same way, target or not."""
        if trig.kind == "noun":
            return self._died_of(trig, ctx)
        if (expeller := self._expelled_from(trig, ctx)) is not None:
            targets = self._first_actors(self.targets(trig, ctx), ctx, doers=[expeller])
            found_t: list[Actor | None] = [
                _unguessed(t, expeller) for t in targets if not _same_party(expeller, t)
            ]
            how = "the state it was removed from"
            return [self._event(trig, expeller, t, ctx, how) for t in found_t or [None]]
        subject = next((t for t in self.sources(trig, ctx) if t.pos_ in ("NOUN", "PROPN")), None)
        if trig.code[:2] not in UNNAMED_SOURCE_ROOTS and not _named(subject):
            return []
        targets = self._first_actors(self.targets(trig, ctx), ctx)
        if not targets and trig.code[:2] != "14" and not _named(subject):
            return []  # protests by an unnamed crowd are news without a target
        source = _unknown_actor(subject, ctx) if subject is not None else None
        if source is None and not targets:
            return []
        found: list[Actor | None] = list(targets) or [None]
        events = [self._event(trig, source, t, ctx, "unnamed perpetrator") for t in found]
        for e in events:
            e.confidence = max(e.confidence - 0.2, 0.1)
        return events

    def _expelled_from(self, trig: Trigger, ctx: SentenceContext) -> Actor | None:
        """'two diplomats were expelled from Russia', 'was deported from Egypt': with no doer
        named, a removal from a state's territory (classes.tsv `expulsion`) is that state's,
        by the organ that alone does the act (state_acts.tsv), else its government."""
        verb = trig.token
        if trig.kind != "verb" or verb.lemma_.lower() not in class_words("expulsion"):
            return None
        if not any(c.dep_ == "nsubjpass" for c in verb.children):
            return None  # "his fear of being extradited" reports no removal
        actor = self._actor_fn(ctx)
        for obj in prep_objects(verb, ("from",)):
            states = [a for a in actor(obj) if a.country and a.code == a.country]
            if len(states) == 1 and (country := states[0].country):
                organ = state_organ(trig.code) or "GOV"
                why = f"{states[0].why}; removed from its territory: its {organ} acts"
                return replace(states[0], code=country + organ, sectors=(organ,), why=why)
        return None

    def _died_of(self, trig: Trigger, ctx: SentenceContext) -> list[Event]:
        """'a prisoner died as a result of torture', 'died after beatings in custody': the
        one who died is the target of the violence; its hand is not named."""
        verb = clause_verb(trig.token)
        if trig.code[:2] not in MATERIAL_FORCE:
            return []
        if verb.lemma_ not in DYING_VERBS and _harmed_in(trig.token) is None:
            return []
        actor = self._actor_fn(ctx)
        victims = [a for t in _victims(trig) or subjects(verb) for a in actor(t)]
        events = [self._event(trig, None, v, ctx, "the one who died suffered it") for v in victims]
        for e in events:
            e.confidence = max(e.confidence - 0.1, 0.1)
        return events

    def _anaphoric(self, trig: Trigger, ctx: SentenceContext) -> list[Event]:
        """'the attacks', 'one of the strikes': a definite event noun with no actors of its
        own refers back to the article's latest event of the same root, and takes its
        actors (a target named here wins)."""
        if trig.kind != "noun" or not definite(trig.token):
            return []
        root = trig.code[:2]
        antecedent = next((e for e in reversed(ctx.history) if e.root == root), None)
        if antecedent is None or antecedent.source is None:
            return []
        targets = self._first_actors(self.targets(trig, ctx), ctx)
        target = targets[0] if targets else antecedent.target
        why = f"refers back to '{antecedent.trigger}' in sentence {antecedent.sentence}"
        event = self._event(trig, antecedent.source, target, ctx, why)
        event.confidence = min(event.confidence, antecedent.confidence) - 0.1
        return [event]

    def _demand(self, trig: Trigger, doers: list[Actor], ctx: SentenceContext) -> list[Event]:
        """'Britain said Libya must hand over the suspects': Britain demands (10x) of Libya
        the act the clause names; the act itself has not happened. 'Israel wants Germany to
        pay compensation' is likewise an appeal (02x) to Germany, and 'challenged the Tories
        to publish the report' one to the Tories: a statement asked for has not been made."""
        if not ("01" <= trig.code[:2] <= "08"):
            return []
        speaker, reading = demanding_speaker(trig.governor), "demand"
        if speaker is not None and advised(trig.governor):
            reading = "appeal"  # "said Japan needs to enact reforms": advice, not a demand
        if speaker is None:
            speaker, reading = appealing_verb(trig.governor), "appeal"
        if speaker is None:
            return []
        actor = self._actor_fn(ctx)
        demanders = [a for t in subjects(speaker) for a in actor(t)]
        if not demanders and speaker.dep_ == "acl" and speaker.head.head.pos_ in ("VERB", "AUX"):
            # "issued a declaration demanding that ...": the issuer demands.
            demanders = [a for t in subjects(speaker.head.head) for a in actor(t)]
        if not demanders:
            # "the Water Forum concluded that X must ...": a named party the dictionaries
            # lack still makes the demand (coded without a country, at lower confidence).
            named = next((t for t in subjects(speaker) if _named(t)), None)
            demanders = [_unknown_actor(named, ctx)] if named is not None else []
        if not demanders:
            return []
        fallback = "100" if reading == "demand" else "020"
        trig.code = read_as(reading, trig.code) or fallback
        trig.reading = f"{reading}: '{speaker.text}' ... {trig.token.text}"
        trig.anchor = speaker
        if reading == "appeal":
            # The addressee is asked to act, whoever the parser made the subject.
            doers = [a for t in addressees(speaker) for a in actor(t)] or doers
        # "reminded Iraq that it must ...": whom the demand is addressed to, if no doer.
        doers = doers or [
            a for t in addressees(speaker) + prep_objects(speaker, ("to",)) for a in actor(t)
        ]
        out = []
        for d in demanders:
            others: list[Actor | None] = [t for t in doers if not _same_party(d, t)]
            for target in others or [None]:
                e = self._event(trig, d, target, ctx, f"{reading} of the act")
                e.modality = "factual"  # the demand was made; what it asks for is in its code
                # "demanded that X refuse to ...": the refusal is asked for, not the demand.
                e.polarity = "negated" if negated(speaker) else "asserted"
                out.append(e)
        return out

    def _joint(self, trig: Trigger) -> bool:
        """'A and B met', 'A and B agreed to reopen the border': they act on each other. A
        joint decision to coerce ("Intel, Samsung and the Foreign Office decided to ban camera
        phones") is aimed at a third party, not at each other: only acts of cooperation
        (roots 03-09) agreed together are read as between the deciders."""
        acted_on = [o for o in objects(trig.token) if o.lemma_.lower() not in trig.pattern.objects]
        if trig.kind == "verb" and object_classes(acted_on) & {"@party", "@people"}:
            # "Labour and the Tories are telephoning millions of voters": a verb whose object
            # is someone acts on that someone, not on the fellow subject ("signed an
            # agreement" still joins the signers).
            return False
        if trig.kind == "verb" and trig.token.lemma_ in JOINT_VERBS - RECIPROCAL_VERBS:
            # "France and Germany vowed to cut their deficits": a pledge is made to whoever
            # hears it, not to the fellow pledger; only an act pledged together (below) or
            # an agreement is between them.
            return False
        if trig.code[:2] in RECIPROCAL_ROOTS:
            return True
        if trig.code[:2] not in JOINT_ROOTS:
            return False
        return any(g.lemma_ in JOINT_VERBS for g in governing_chain(trig.governor))

    def _first_actors(
        self,
        tiers: list[list[Token]],
        ctx: SentenceContext,
        doers: Sequence[Actor] = (),
        addressed: frozenset[int] = frozenset(),
    ) -> list[Actor]:
        """The actors of the first tier that names any, leaving out the doers' own organs
        ('reneged on his commitment to the Zambian people': not his own government, so the
        next tier's people) unless the act addresses them (`addressed`: 'praised his
        chancellor')."""
        actor = self._actor_fn(ctx)
        for tier in tiers:
            found = [
                a
                for t in tier
                for d in self._doers(t)
                for a in actor(d)
                if (t.i in addressed and a.kind == "agent")
                or not any(_own_organ(s, a) for s in doers)
            ]
            if found:
                return found
        return []

    def _doers(self, tok: Token) -> list[Token]:
        """'a response to exercises by South Korea and the United States': an act aimed at
        an event is aimed at those who carry it out, when the event names them."""
        # Any act or product a by-phrase names the makers of: "investigating war crimes by
        # Chilean soldiers", "welcomed the decision by Iran".
        if tok.pos_ == "NOUN":
            agents = prep_objects(tok, ("by",))
            if agents:
                return agents
        return [tok]

    def _actor_fn(self, ctx: SentenceContext) -> Callable[[Token], list[Actor]]:
        def actor(tok: Token) -> list[Actor]:
            return self.actors.actors_for(tok, ctx.index, ctx.offset, ctx.state)

        return actor

    def _event(
        self,
        trig: Trigger,
        source: Actor | None,
        target: Actor | None,
        ctx: SentenceContext,
        how: str,
    ) -> Event:
        source, target = _apart(source, target)
        pat = trig.pattern
        polarity, modality, mood_why = mood(trig, self.patterns.modal_verbs)
        stance = polarity if not _past_inaction(trig) else "asserted"
        code, reading_why = readings.reading(trig.code, stance, modality)
        if polarity == "negated" and _denied(trig):
            code, polarity, reading_why = _denial_reading(trig)
        code, labour_why = readings.labour_strike(code, source, trig.token)
        code, violence_why = readings.unconventional(code, source, trig.token)
        code, peace_why = readings.peacekeeping(code, source, trig.token)
        code, contest_why = readings.political_contest(code, source, target)
        code, pledge_why = readings.campaign_pledge(code, source, target)
        whys = (reading_why, labour_why, violence_why, peace_why, contest_why, pledge_why)
        reading_why = "; ".join(w for w in whys if w)
        if reading_why:
            mood_why = f"{mood_why}; {reading_why}" if mood_why else reading_why
        cb = lookup(code)
        conf = BASE_CONFIDENCE[trig.kind]
        if target is None:
            conf -= 0.1
        if source is not None and source.country is None:
            conf -= 0.1
        if trig.governor.i != trig.token.i and trig.kind == "verb":
            conf -= 0.05
        conf -= _rank_penalty(trig)
        if cb.code == "010" and trig.kind == "verb":
            # A plain statement is coded only when nothing else is: it ranks below any
            # other event of the sentence (0.3 takes 'said' with a target, 0.8, below a
            # noun event without a target, 0.5).
            conf -= STATEMENT_PENALTY
        sent = ctx.sent
        tok = trig.token
        why = f"{pat.describe()} ({trig.kind} '{tok.text}', {how})"
        if trig.reading:
            why += f"; {trig.reading}"
        if mood_why:
            why += f"; {mood_why}"
        return Event(
            article_id=ctx.article_id,
            sentence=ctx.sentence_no,
            span=(sent.start_char + ctx.offset, sent.end_char + ctx.offset),
            text=sent.text.strip(),
            source=source,
            target=target,
            cameo=cb.code,
            cameo_name=cb.name,
            plover_type=cb.plover_type,
            plover_mode=cb.plover_mode,
            goldstein=cb.goldstein,
            quad_class=cb.quad_class,
            polarity=polarity,
            modality=modality,
            confidence=max(conf, 0.1),
            why=why,
            trigger=tok.text,
            trigger_span=(tok.idx + ctx.offset, tok.idx + len(tok.text) + ctx.offset),
            segment=ctx.segment,
            nominal=trig.kind == "noun",
        )


def _apart(source: Actor | None, target: Actor | None) -> tuple[Actor | None, Actor | None]:
    """No party acts on the words that name it: where the target's phrase holds the
    source's ("a G8 aid package": the G8 and the package it gives), the target is the act's
    own phrase, not a party; where both are the same words ("the arms deal with Iran" read
    twice), the source is the misreading (a with-phrase names the other side)."""
    if source is None or target is None or min(source.start, target.start) < 0:
        return source, target  # a span unknown (an actor given, not read from the text)
    if source.code != target.code:
        return source, target  # "French and Egyptian warships": two parties of one phrase
    if (source.start, source.end) == (target.start, target.end):
        return None, target
    if target.start <= source.start and source.end <= target.end:
        return source, None
    return source, target


# -- readings, ranking and deduplication ------------------------------------------------------


def _won(trig: Trigger, e: Event) -> bool:
    """'Kentucky Democrats beat the incumbent governor': a word of winning (classes.tsv
    `winning`) between unarmed political bodies reports an election or a vote, which is no
    CAMEO event, not the criticism (111) the political-contest reading makes of force."""
    contest = trig.code[:2] in ("18", "19") and e.root == "11"
    return contest and trig.token.lemma_.lower() in class_words("winning")


def _held_together(noun: Token) -> bool:
    """'joint war games', 'combined exercises': a modifier (classes.tsv `together`) says the
    exercise is held by several parties, which CAMEO codes as military cooperation (062)."""
    together = class_words("together")
    return any(c.dep_ == "amod" and c.lower_ in together for c in noun.children)


def _harmed_in(noun: Token) -> Token | None:
    """The verb of harm an act of force is the occasion of: "were killed in an Israeli air
    strike", "died during a Taliban raid" (not "killed in Gaza": the noun must be the act)."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in OCCASION_PREPS:
        return None
    verb = noun.head.head
    if verb.lemma_ in DYING_VERBS and not is_passive(verb):
        return verb
    if verb.lemma_ in HARM_VERBS and is_passive(verb):
        return verb
    return None


def _occasion(trig: Trigger) -> Token | None:
    """The phrase that names an act as the occasion of a harm: the event noun itself ("in an
    air strike"), or the doer a participle describes ("in police firing": police firing)."""
    if trig.kind == "noun":
        return trig.token
    if trig.kind == "verb" and trig.token.dep_ == "acl" and trig.token.tag_ == "VBG":
        return trig.token.head
    return None


def _victims(trig: Trigger) -> list[Token]:
    """Those an act of force killed or hurt, named as the subject of the harm it occasioned."""
    occasion = _occasion(trig)
    if occasion is None or trig.code[:2] not in MATERIAL_FORCE:
        return []
    verb = _harmed_in(occasion)
    if verb is None:
        return []
    return expand([c for c in verb.children if c.dep_ in SUBJ | PASS_SUBJ])


def _denied(trig: Trigger) -> bool:
    """'Iran denied sending drones', 'denied that China supplied arms': the act is denied as
    a fact, which is not a refusal to do it (12x)."""
    return any(g.lemma_ in DENIAL_VERBS and not negated(g) for g in governing_chain(trig.governor))


def _past_inaction(trig: Trigger) -> bool:
    """'had not implemented reforms', 'did not attend', 'are not calling': an act reported as
    not done or not going on. It stays negated but is no refusal (12): only a stance ('will
    not', 'does not accept', 'refused to') rejects; that something did not happen says
    nothing of why."""
    verb = clause_verb(trig.governor)
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    # "are not calling people": an activity described as not going on is no stance either.
    progressive = verb.tag_ == "VBG" and bool(auxes & PROGRESSIVE_AUX)
    return (bool(auxes & PAST_AUX) or progressive) and negated(verb)


def _denial_reading(trig: Trigger) -> tuple[str, Polarity, str]:
    """A party denying its own act denies responsibility (016, asserted); an act of another
    party that someone denies keeps its code, negated."""
    if any(c.dep_ in SUBJ for c in trig.governor.children):
        return trig.code, "negated", "a denied act of another party: negated, not refused"
    return DENIAL_CODE, "asserted", f"its own act denied: deny responsibility ({DENIAL_CODE})"


def _rank_penalty(trig: Trigger) -> float:
    """How far an event's clause sits from the sentence's news: the main clause ranks
    first; participle and purpose clauses, modifiers and background clauses below it."""
    tok = trig.anchor if trig.anchor is not None else trig.token
    # "a statement condemning ...": what a statement says is its news, not a modifier.
    said = tok.dep_ == "acl" and tok.head.lemma_ in SPEECH_NOUNS
    if tok.dep_ in ("relcl", "amod") or (tok.dep_ == "acl" and trig.anchor is None and not said):
        return 0.15  # "forces backed by Russia pounded ...": the modifier is not the news
    if background(tok):
        return 0.15
    if tok.dep_ in ("advcl", "pcomp") and (
        tok.tag_ == "VBG" or any(c.lower_ == "to" for c in tok.children)
    ):
        # "demonstrated in Kirkuk, calling for independence", "blocked roads to press
        # demands": a participle or purpose clause adds detail to the main event. 0.15
        # puts it level with a main verb that lacks only a target when it has one, and
        # level with modifiers (0.15 too, tuned: 0.1 let 'to demand reforms by X' outrank
        # the demonstrations it explains).
        return 0.15
    return 0.0


def _sporting(verb: Token) -> bool:
    """'beat Brazil in the final', 'defeated Chile 3-1': a contest on a pitch, not force.
    A score or a round of a competition beside the verb tells sport from war."""
    for child in verb.children:
        if SCORE.match(child.text):
            return True
        if child.dep_ == "prep" and child.lower_ in ("in", "at"):
            rounds = [o for o in child.children if o.dep_ == "pobj"]
            if any(o.lemma_.lower() in SPORT_WORDS for o in rounds):
                return True
    return False


def _gathered_for(trig: Trigger) -> bool:
    """'joined X for talks', 'met X for talks': the event noun is what the gathering is for."""
    tok = trig.token
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "for"
        and tok.head.head.i == trig.governor.i
        and trig.governor.lemma_ in GATHERING_VERBS
    )


def _specific_force(trig: Trigger) -> bool:
    """A use of force named by an event noun ('strikes', 'mass killings') or by a verb with
    the object word its pattern requires ('imposed a blockade'): words that sport and
    markets do not use, unlike bare 'hit', 'target', 'battle' or 'beat'."""
    # A class of objects ("beat =@party|@none") is no word of war: a team beats a team.
    required = {o for o in trig.pattern.objects if not o.startswith(CLASS_MARK)}
    return trig.kind != "verb" or (bool(required) and ANY_OBJECT not in required)


def _infinitive_to(verb: Token, modal_verbs: Mapping[str, str]) -> set[str]:
    """'agreed to allow ...' reads as the pattern 'agree to' ('agreed to a truce'): a control
    verb's infinitive stands where the prepositional object would."""
    if verb.lemma_ not in modal_verbs:
        return set()
    infinitive = any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )
    return {"to"} if infinitive else set()


def _resultatives(kids: list[Token], objs: list[Token]) -> set[str]:
    """'set 30 prisoners free', 'let free 52 dissidents', 'made available tents': the
    state the verb puts its object in is read as a required object (set =free), though the
    parser hangs it on the object (amod) or on the verb (ccomp, advcl)."""
    states = [c for c in kids if c.dep_ in ("ccomp", "acomp", "advcl", "oprd") and c.pos_ == "ADJ"]
    # "free" right before a noun describes it ("set free trade rules"): only one followed
    # by a number, determiner or nothing nominal is a resulting state ("set free 30
    # students", "set the prisoners free"). "available" never describes ("made available
    # tents"), wherever it stands.
    states += [
        a
        for o in objs
        for a in o.children
        if a.dep_ == "amod"
        and a.pos_ == "ADJ"
        and (
            a.lemma_.lower() == "available"
            or a.i + 1 >= len(a.doc)
            or a.nbor(1).pos_ not in ("NOUN", "PROPN", "ADJ")
        )
    ]
    return {a.lemma_.lower() for a in states if a.lemma_.lower() in RESULTATIVES}


def _deployed_to(verb: Token, objs: list[Token]) -> list[Token]:
    """Where forces are shown: "deployed troops in Syria", "moved tanks to the border with
    Ukraine", "massed troops near Lebanon": the state whose ground or border the forces are
    sent to is the one the show of force is aimed at (the coder takes the first phrase that
    names a party)."""
    places = [t for h in [verb, *objs] for t in prep_objects(h, SHOWN_AT)]
    # The state a place belongs to before the place: "the border with Ukraine", "the UN
    # mission in Mali".
    return [t for p in places for t in prep_objects(p, ("with", "of", "in"))] + places


def _placed(code: str) -> bool:
    return code[:2] == "14" or code[:4] in PLACED_CODES


def _says_its_object(trig: Trigger) -> bool:
    """'announced a reorganisation of the Army', 'unveiled proposals for the G8': a plain
    statement whose verb's object is what is said (cues.tsv: its content includes the
    object) is aimed at whom it is said to, never at what it is about; 'told MPs', 'warned
    Iran' keep their object, the person addressed."""
    if trig.code != "010":
        return False  # a denial is aimed at the denied claim's owner, confidence at its object
    cue = cue_lexicon().verb(trig.token)
    return cue is not None and "dobj" in cue.content


def _complement_targets(verb: Token, root: str) -> list[Token]:
    """'threatened to cut off electricity to X', 'offered to negotiate with X', 'refused to
    allow X to land': an act announced, offered or refused through a complement clause is
    aimed at the party that clause names. 'demanded that X cancel the sale': a demand or an
    appeal is aimed at whoever is to act; 'protested that X fails to ...' at the one blamed."""
    found: list[Token] = []
    for c in verb.children:
        if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
            found += prep_objects(c, COMPLEMENT_PREPS)
            found += expand(objects(c))
            found += [t for o in objects(c) for t in prep_objects(o, OBJECT_PREPS)]
        elif c.dep_ == "ccomp" and root in ("02", "05", "10", "11") and c.pos_ in ("VERB", "AUX"):
            found += blamed_in_clause(c) if root == "11" else []
            found += condemned_owners(c) + reaction_targets(c) if root in ("05", "11") else []
            found += subjects(c)
            # "said the way the government handled the bill was a shambles": the one whose
            # doing the subject describes.
            found += [
                t
                for subj in subjects(c)
                for rel in subj.children
                if rel.dep_ in ("relcl", "acl") and rel.pos_ == "VERB"
                for t in subjects(rel)
                if t.i != subj.i and t.pos_ != "PRON"
            ]
    return found


def _condition_targets(verb: Token) -> list[Token]:
    """'threatened to strike unless Israel rescinded the annexation': a threat is aimed at
    the party its condition asks to act, the subject of the unless- or if-clause on the
    threatening verb or on the act it threatens."""
    heads = [verb] + [c for c in verb.children if c.dep_ == "xcomp"]
    return [
        s
        for h in heads
        for c in h.children
        if c.dep_ == "advcl" and any(m.lower_ in CONDITIONAL_MARKS for m in c.children)
        for s in subjects(c)
    ]


def _as_role(noun: Token) -> bool:
    """'held civilians as human shields', 'used children as soldiers': an event noun after
    'as' under a verb of using or keeping names what the verb's subject does to the verb's
    object ('rejected the warning as an attempt to ...' is a description, not an act)."""
    verb = _as_verb(noun)
    return verb is not None and verb.lemma_ in USING_VERBS and bool(objects(verb))


def _as_verb(noun: Token) -> Token | None:
    """The verb of 'used X as <noun>', with 'as' on the verb or (as parsed) on its object."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ != "as":
        return None
    holder = head.head
    if holder.dep_ in OBJ:
        holder = holder.head
    return holder if holder.pos_ == "VERB" else None


def _posture(noun: Token, pat: Pattern) -> bool:
    """'remained on alert', 'put its army on high alert': a military posture (15) that the
    verb's subject takes."""
    head = noun.head
    return (
        pat.code[:2] == "15"
        and noun.dep_ == "pobj"
        and head.lower_ == "on"
        and head.head.lemma_ in STATE_VERBS
    )


def _read_obligation(trig: Trigger) -> Trigger:
    """'said Indonesia must ensure security': saying that another party must act is a
    demand of it (100), advice ('should', 'needs to') an appeal (020), even when the act
    demanded names no event; the clause's subject is the target."""
    if trig.code != "010":
        return trig
    clause = obliged_clause(trig.token)
    if clause is None:
        return trig
    code = "020" if advised(clause) else "100"
    trig.reading = f"an obligation put on another party: 010 read as {code}"
    trig.code = code
    return trig


def _read_imperative(trig: Trigger) -> Trigger:
    """'"Help me to get through the year," he told Mr Brown', 'Protect whistleblowers, TUC
    says': reporting a party's words in the imperative reports an appeal (020) to whom
    they were said."""
    return _reread_statement(trig, imperative_clause, "020", "a reported imperative")


def _read_criticism(trig: Trigger) -> Trigger:
    """'said the government's plans were a shambles': a statement that condemns another
    party is a criticism of it (111), aimed at the party the condemned clause names."""
    return _reread_statement(
        trig, criticised_clause, "111", "a statement that condemns another party"
    )


def _read_praise(trig: Trigger) -> Trigger:
    """'said Mr Jackson was a decent public servant': a statement that praises another party
    is praise of it (051), aimed at the party the praised clause names."""
    return _reread_statement(trig, praised_clause, "051", "a statement that praises another party")


def _reread_statement(
    trig: Trigger, clause_of: Callable[[Token], Token | None], code: str, what: str
) -> Trigger:
    """A plain statement (010) whose reported clause `clause_of` finds is read as `code`."""
    if trig.code != "010" or clause_of(trig.token) is None:
        return trig
    trig.reading = f"{what}: 010 read as {code}"
    trig.code = code
    return trig


def _read_spoken_protest(trig: Trigger) -> Trigger:
    """'protested that the authorities fail to ...', '..., the group protested': a protest
    that says something is a verbal one, a criticism (111), not a demonstration (14)."""
    verb = trig.token
    if trig.code[:2] != "14" or verb.lemma_ != "protest":
        return trig
    if not any(c.dep_ == "ccomp" for c in verb.children):
        return trig
    trig.reading = f"a spoken protest: {trig.code} read as 111"
    trig.code = "111"
    return trig


def _read_refused(trig: Trigger) -> Trigger:
    """'rejected a U.S. request to interrogate detainees': the requested act, refused."""
    verb = trig.token
    if verb.dep_ not in ("acl", "xcomp", "relcl") or not ("03" <= trig.code[:2] <= "08"):
        return trig
    refuser = _refused_request(verb.head)
    code = read_as("refusal", trig.code) if refuser is not None else None
    if refuser is None or code is None:
        return trig
    trig.reading = f"refusal of the request: {trig.code} read as {code}"
    trig.code = code
    trig.governor = refuser
    return trig


def _read_denial(trig: Trigger) -> Trigger:
    """'denied entry', 'denied a land allocation': a denied thing that is not a charge or a
    report (those have patterns of their own, 016) is withheld, a refusal (120)."""
    verb = trig.token
    if trig.pattern.lemma != "deny" or trig.pattern.objects or trig.code != "016":
        return trig
    if not any(c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN" for c in verb.children):
        return trig
    if _object_opens_a_clause(verb):
        return trig
    trig.code = "120"
    trig.reading = "a denied thing, not a charge: a refusal"
    return trig


def _object_opens_a_clause(verb: Token) -> bool:
    """'denied global warming is taking place': the parser made the clause's subject the
    verb's object and hung the rest on the verb; a finite clause with no subject of its own
    right after the object says the object is its subject (what is denied is a claim)."""
    ends = {o.right_edge.i + 1 for o in verb.children if o.dep_ in ("dobj", "obj")}
    finite = ("VBZ", "VBD", "VBP")
    for c in verb.children:
        if c.dep_ not in ("advcl", "ccomp") or c.left_edge.i not in ends:
            continue
        if any(k.dep_ in SUBJ for k in c.children):
            continue
        if any(k.dep_ in ("aux", "auxpass") and k.tag_ in finite for k in c.children):
            return True
    return False


def _read_naming(trig: Trigger) -> Trigger:
    """'called Labour a brilliant machine', 'called the Tories liars': a verb of calling with
    an object predicate names the party, it does not telephone it (041). The naming is a
    statement about the party (010), or a criticism of it (111) when the name condemns."""
    verb = trig.token
    if trig.code != "041":
        return trig
    names = [c for c in verb.children if c.dep_ == "oprd"]
    if not names:
        return trig
    words = criticism_words()
    # The name and its modifiers, through an apposition the parser may hang it by ("called
    # the ambassador a very stupid guy"); not its prepositional phrases, which are topics.
    heads = names + [a for n in names for a in n.children if a.dep_ == "appos"]
    said = heads + [m for h in heads for m in h.children if m.dep_ in ("amod", "compound")]
    code = "111" if any(w.lemma_.lower() in words for w in said) else "010"
    trig.reading = f"a party named something, not telephoned: 041 read as {code}"
    trig.code = code
    return trig


def _read_assertion(trig: Trigger) -> Trigger:
    """'has suggested it is unlikely to be held until 2006': an appeal verb whose clause
    states a fact, not an act asked for, reports a view (010)."""
    if trig.code[:2] != "02" or trig.kind != "verb" or asserted_clause(trig.token) is None:
        return trig
    trig.reading = f"a proposal that states a fact: {trig.code} read as 010"
    trig.code = "010"
    return trig


def _read_warning(trig: Trigger) -> Trigger:
    """'warned that the advances bring it to the threshold' or 'warned that profits would
    fall' states a danger (010); a warning is a threat (13x) when it tells the target to act
    ('warned X not to') or announces what the warner itself will do ('warned that it would
    retaliate')."""
    verb = trig.token
    if verb.lemma_ not in WARNING_VERBS or not trig.code.startswith("13"):
        return trig
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses or any(c.dep_ == "xcomp" for c in verb.children):
        return trig
    if any(announces_own_act(c) for c in clauses):
        return trig
    trig.code = "010"
    trig.reading = "a warning that states a danger, not a threat"
    return trig


def _noun_governor(noun: Token) -> tuple[Token | None, str | None]:
    """The verb that asks for, promises or refuses the act a noun names, and how."""
    head = noun.head
    if noun.dep_ in ("dobj", "obj") and head.pos_ in ("VERB", "AUX"):
        return head, NOUN_READINGS.get((head.lemma_, "obj"))
    if noun.dep_ != "pobj" or head.dep_ != "prep":
        return None, None
    verb = head.head
    if verb.pos_ in ("VERB", "AUX", "ADJ"):
        return verb, NOUN_READINGS.get((verb.lemma_, head.lower_))
    # "rejected calls for immediate economic aid"
    refused = _refused_request(verb) if head.lower_ == "for" else None
    return (refused, "refusal") if refused is not None else (None, None)


def _refused_request(noun: Token) -> Token | None:
    """The refusing verb when `noun` is a request it refuses ('rejected a request')."""
    if noun.lemma_ not in REQUEST_NOUNS or noun.dep_ not in ("dobj", "obj"):
        return None
    verb = noun.head
    return verb if NOUN_READINGS.get((verb.lemma_, "obj")) == "refusal" else None


def _object_classes(objs: list[Token], kids: list[Token]) -> frozenset[str]:
    """The @class keys of a verb's objects, with "@clause" for a clausal complement: a
    finite one ("questioned whether ...") or an open one with a verb of its own ("offered
    to mediate", "helped make the election a celebration"), which is then no @none."""
    found = object_classes(expand(objs))
    clause = any(c.dep_ == "ccomp" for c in kids)
    opened = [c for c in kids if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    # "helped establish a government": the complement's own object is the party the verb
    # serves, and the verb keeps its reading with no object of its own.
    served = object_classes(expand([o for c in opened for o in objects(c)]))
    if opened and not objs and not served & {"@party", "@people"}:
        found -= {NO_OBJECT_KEY}
    return found | ({CLAUSE_KEY} if clause or opened else frozenset())


def _addressed_press(trig: Trigger, speaker: Actor, target: Actor) -> Actor:
    """'the prime minister told reporters', 'told journalists': the press a party speaks to,
    named by a role with no country, is the speaker's country's (the audit's readers code it
    so); a press placed elsewhere by its own phrase keeps that country."""
    press = target.sectors == ("MED",) and not target.country and target.kind == "agent"
    if trig.code[:2] != "01" or not press or not speaker.country:
        return target
    why = f"{target.why}; the press its speaker ({speaker.code}) addressed"
    return replace(target, code=speaker.country + "MED", country=speaker.country, why=why)


def _unguessed(target: Actor, expeller: Actor) -> Actor:
    """Those removed from a state are not shown to be its people: a country the actor coder
    took from the sentence ('the journalist was deported from Egypt') is the expeller's."""
    if target.country != expeller.country or CONTEXT_COUNTRY not in target.why:
        return target
    code = compose(None, target.sectors)
    why = f"{target.why}; not the state that removed them"
    return replace(target, code=code, country=None, name=None, why=why)


def _same_party(source: Actor, target: Actor) -> bool:
    """The same mention, or the same code where either side's country was only inferred
    from the article ("met his counterpart"): an event needs two parties."""
    if source.code != target.code:
        return False
    return source.text == target.text or CONTEXT_MARK in source.why + target.why


def _talked_about(trig: Trigger) -> bool:
    """'talked about the manifesto', 'spoke of reform': a verb of talking (a consultation,
    04, in verbs.txt) with a topic and no one talked with."""
    verb = trig.token
    if trig.kind != "verb" or trig.code[:2] != "04" or verb.lemma_ not in CONVERSATION_VERBS:
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("about", "of", "on") for c in verb.children)


def _addressed_organs(trig: Trigger) -> frozenset[int]:
    """'praised his chancellor', 'met his ministers', 'told his generals': the direct objects
    of a verbal act (statements, appeals, consultations, praise, investigations, demands,
    criticism, rejections, threats: roots 01, 02, 04, 05 and 09-13), which address even the
    doer's own organs. A material act on one's own organs ('reinforced its troops') acts
    through them, and an intent's object is what is offered ('offered its troops to the
    Lebanese government')."""
    if trig.kind != "verb" or trig.code[:2] not in ADDRESSING_ROOTS:
        return frozenset()
    return frozenset(c.i for c in trig.token.children if c.dep_ in ("dobj", "dative"))


def _own_organ(source: Actor, target: Actor) -> bool:
    """'Russia reinforced its troops', 'the chief constable questioned how his officers
    would ...', 'the judge made his remarks': a state organ the source's own possessive names
    is part of the source, not a party it acts on. Its own citizens or prisoners still are
    ('Iran arrested its citizens')."""
    words = target.text.split()
    if not words or words[0].lower() not in OWN_POSSESSIVES:
        return False
    if target.country is not None and target.country != source.country:
        return False
    return set(target.sectors) <= STATE_ORGANS


def _unknown_actor(subject: Token, ctx: SentenceContext) -> Actor:
    """A subject the dictionaries do not know, kept with its words and no code."""
    span = ctx.sent.doc[subject.left_edge.i : subject.i + 1]
    return Actor(
        text=span.text,
        code=None,
        country=None,
        why="the subject names no known actor",
        start=span.start_char + ctx.offset,
        end=span.end_char + ctx.offset,
        kind="unknown",
    )


def _named(tok: Token | None) -> bool:
    """A proper name the dictionaries do not know ('Gov. Phil Murphy', 'the Farm Bureau
    Federation'): a party to the event all the same, coded without a country."""
    return tok is not None and (tok.pos_ == "PROPN" or tok.ent_type_ in NAMED_ENTITY_TYPES)


def _drop_covered_statements(coded: list[tuple[Trigger, list[Event]]]) -> list[Event]:
    """A reporting verb's own statement (01) is not coded when something more specific was
    coded in the same sentence: CAMEO codes statements only when nothing more is said."""
    specific = any(e.root != "01" for _, evs in coded for e in evs)
    return [
        e
        for trig, evs in coded
        for e in evs
        if not (specific and e.root == "01" and trig.token.lemma_ in REPORTING)
    ]


def _specificity(code: str) -> float:
    """Longer codes say more; a code ending in 0 is its root's 'not specified' reading and
    says less than a sibling sub-code (142 hunger strike over 140 protest)."""
    return len(code) - (0.5 if code.endswith("0") else 0.0)


def _same_act(specific: Event, general: Event) -> bool:
    """Whether a targetless specific reading and a general one with a target are one act.
    'threatened (130) to impose restrictions on X (1312, modality threat)': the threat verb
    and the threatened act differ in modality only because one announces the other."""
    if specific.polarity != general.polarity:
        return False
    return specific.modality == general.modality or specific.root == "13"


def _preference(e: Event) -> tuple[float, float, bool]:
    return (_specificity(e.cameo), e.confidence, e.modality == "factual")


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per sentence, dyad, root and polarity: the most specific, most confident
    reading, a factual one before a planned or hypothetical one. Two verbs of one sentence
    describing the same act ("attacked and bombed"; "agreed to resume talks", 036 from
    'agreed' and from 'talks'; a threat verb, 130, and the act it threatens) are one event:
    CAMEO's readings already put intended or threatened acts under roots of their own."""
    best: dict[tuple[str | None, str | None, str, str], Event] = {}
    for e in events:
        key = (
            e.source.code if e.source else None,
            e.target.code if e.target else None,
            e.root,
            e.polarity,
        )
        cur = best.get(key)
        if cur is None or _preference(e) > _preference(cur):
            best[key] = e
    kept = list(best.values())
    # "spoke to X, saying ...": the reading without a target adds nothing to one with it,
    # unless it is the more specific act: "began a hunger strike (142) to protest against
    # X (140)" is a hunger strike against X.
    with_target: dict[tuple[str | None, str], Event] = {}
    for e in kept:
        if e.target is not None:
            with_target.setdefault((e.source.code if e.source else None, e.root), e)
    out: list[Event] = []
    replaced: set[int] = set()
    for e in kept:
        other = with_target.get((e.source.code if e.source else None, e.root))
        if e.target is not None or other is None:
            out.append(e)
        elif _specificity(e.cameo) > _specificity(other.cameo) and _same_act(e, other):
            e.target = other.target
            e.confidence = max(e.confidence, other.confidence)
            replaced.add(id(other))
            out.append(e)
    return [e for e in out if id(e) not in replaced]


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun is the object of, directly or through a preposition ("went to war")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ not in OBJ:
        return None
    return head if head.pos_ in ("VERB", "AUX") and head.i != noun.i else None


def _inert(subject: Token) -> bool:
    """ "Tory attitudes helped ...", "the party's sums do not add up": a subject that names
    what a party thinks or has (the class `inert` of classes.tsv), not the party, does
    nothing itself; the party named in its phrase is not the doer."""
    return subject.pos_ == "NOUN" and CLASS_MARK + "inert" in object_classes([subject])
