"""The event pattern dictionary (tacitus/data/verbs.txt, modality.tsv) and its loader."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Token

from tacitus.coder.classes import object_classes
from tacitus.coder.codebook import cameo_codes
from tacitus.coder.patterns import (
    DATA_DIR,
    ENV_DIRECTORY,
    MODALITIES,
    Pattern,
    PatternIndex,
    compound_keys,
    load_patterns,
)
from tacitus.errors import DictionaryError

VERBS = DATA_DIR / "verbs.txt"


@pytest.fixture(scope="module")
def index() -> PatternIndex:
    return load_patterns()


def all_patterns(index: PatternIndex) -> list[Pattern]:
    return [p for group in (*index.verbs.values(), *index.nouns.values()) for p in group]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ the shipped dictionary


def test_every_pattern_line_of_the_package_file_becomes_a_pattern(index: PatternIndex) -> None:
    lines = VERBS.read_text(encoding="utf-8").splitlines()
    pattern_lines = {
        n
        for n, line in enumerate(lines, start=1)
        if line.split("#", 1)[0].strip() and not line.startswith("LIGHT")
    }
    assert {p.line for p in all_patterns(index)} == pattern_lines


def test_every_code_is_in_the_cameo_codebook(index: PatternIndex) -> None:
    unknown = [p.describe() for p in all_patterns(index) if p.code not in cameo_codes()]
    assert unknown == []


def test_every_cameo_root_has_at_least_eight_patterns(index: PatternIndex) -> None:
    per_root = Counter(cameo_codes()[p.code].root for p in all_patterns(index))
    thin = {f"{root:02d}": per_root[f"{root:02d}"] for root in range(1, 21)}
    assert {root: n for root, n in thin.items() if n < 8} == {}


def test_lemmas_are_lowercase_heads_and_keys_match(index: PatternIndex) -> None:
    for key, group in (*index.verbs.items(), *index.nouns.items()):
        assert all(p.lemma == key and p.lemma == p.lemma.lower() for p in group)
    assert all(not p.nominal for group in index.verbs.values() for p in group)
    assert all(p.nominal for group in index.nouns.values() for p in group)


def test_candidates_are_ordered_most_specific_first(index: PatternIndex) -> None:
    for group in (*index.verbs.values(), *index.nouns.values()):
        scores = [p.specificity() for p in group]
        assert scores == sorted(scores, reverse=True)
    strike = index.verbs["strike"]
    assert "deal" in strike[0].objects and "@party" in strike[-1].objects
    welcome = [p.code for p in index.verbs["welcome"]]
    # named objects (051 "welcome =decision") before a class (043 "=@party") before any (051)
    assert welcome[0] == "051" and welcome[-2:] == ["043", "051"]


def test_objects_and_particles_count_more_than_prepositions() -> None:
    bare = Pattern("041", "call", False, None, frozenset(), (), 1)
    prep = Pattern("020", "call", False, None, frozenset(), ("on",), 2)
    obj = Pattern("057", "strike", False, None, frozenset({"deal"}), (), 3)
    particle = Pattern("0874", "pull", False, "out", frozenset(), ("of",), 4)
    assert bare.specificity() < prep.specificity() < obj.specificity()
    assert particle.specificity() > obj.specificity()


def test_describe_names_file_line_pattern_and_code(index: PatternIndex) -> None:
    with_on = next(p for p in index.verbs["impose"] if "on" in p.preps)
    assert with_on.describe() == (
        f"verbs.txt:{with_on.line} impose =boycott|embargo|sanction|tariff on|against -> 163"
    )


def test_light_verbs_include_the_common_support_verbs(index: PatternIndex) -> None:
    assert {"launch", "carry", "conduct", "stage", "hold", "wage", "impose"} <= index.light_verbs


def test_modality_table_uses_known_modalities(index: PatternIndex) -> None:
    assert set(index.modal_verbs.values()) <= MODALITIES
    assert len(index.modal_verbs) >= 40
    expected = {"want": "intent", "plan": "planned", "urge": "demand"}
    expected |= {"threaten": "threat", "refuse": "negated", "consider": "hypothetical"}
    assert {lemma: index.modal_verbs[lemma] for lemma in expected} == expected


# ------------------------------------------------------------------ matching


@pytest.mark.parametrize(
    ("lemma", "dependents", "code"),
    [
        ("strike", {"objects": {"@none"}}, "190"),
        ("strike", {"objects": {"base", "@place"}}, "190"),
        ("strike", {"objects": {"deal"}}, "057"),
        ("call", {"objects": {"president", "@party"}}, "041"),
        ("call", {"preps": {"on"}}, "020"),
        ("pull", {"particles": {"out"}, "preps": {"of"}}, "0874"),
        ("impose", {"objects": {"sanction"}, "preps": {"on"}}, "163"),
        ("impose", {"objects": {"curfew"}}, "1723"),
        ("use", {"objects": compound_keys("weapon", ["chemical"])}, "2041"),
        ("decline", {"objects": {"comment"}}, "011"),
        ("release", {"objects": {"hostage"}}, "0841"),
        ("release", {"objects": {"statement"}}, "010"),
    ],
)
def test_match_verb_prefers_the_most_specific_pattern(
    index: PatternIndex, lemma: str, dependents: dict[str, set[str]], code: str
) -> None:
    match = index.match_verb(lemma, **dependents)
    assert match is not None and match.code == code, match


def test_a_verb_pattern_with_objects_does_not_fire_without_them(index: PatternIndex) -> None:
    assert index.match_verb("sign") is None
    assert index.match_verb("impose", objects={"tax"}) is None


@pytest.mark.parametrize(
    ("lemma", "dependents", "code"),
    [
        ("strike", {"preps": {"on"}}, "190"),
        ("strike", {"modifiers": {"hunger"}}, "142"),
        ("strike", {"modifiers": {"general"}}, "143"),
        ("bombing", {}, "183"),
        ("bombing", {"modifiers": {"suicide"}}, "1831"),
        ("call", {"preps": {"for"}}, "020"),
        ("call", {"preps": {"with"}}, "041"),
        ("fire", {"modifiers": {"cease"}}, "0871"),
        ("cleansing", {"modifiers": {"ethnic"}}, "203"),
    ],
)
def test_match_noun_uses_modifiers_and_prefers_present_prepositions(
    index: PatternIndex, lemma: str, dependents: dict[str, set[str]], code: str
) -> None:
    match = index.match_noun(lemma, **dependents)
    assert match is not None and match.code == code, match


def test_a_compound_noun_needs_its_modifier(index: PatternIndex) -> None:
    assert index.match_noun("cleansing") is None


def test_a_noun_with_required_prepositions_codes_only_with_one_of_them(tmp_path: Path) -> None:
    path = write(tmp_path / "verbs.txt", "190  ~war !with|against\n195  ~airstrike on\n")
    index = load_patterns(path, write(tmp_path / "modality.tsv", "lemma\tmodality\n"))
    assert index.match_noun("war") is None  # "the Iraq war": a mention, not an event
    assert index.match_noun("war", preps={"in"}) is None
    war = index.match_noun("war", preps={"against"})
    assert war is not None and war.text() == "~war !with|against"
    assert index.match_noun("airstrike") is not None  # plain prepositions only locate


def test_a_subject_class_rules_out_other_subjects_but_not_a_missing_one(tmp_path: Path) -> None:
    path = write(tmp_path / "verbs.txt", "020  suggest <@party\n010  say\n")
    index = load_patterns(path, write(tmp_path / "modality.tsv", "lemma\tmodality\n"))
    assert index.match_verb("suggest", subjects={"@party"}) is not None
    assert index.match_verb("suggest", subjects={"@other"}) is None  # "figures suggest"
    assert index.match_verb("suggest") is not None  # no subject in the parse: no restriction
    pattern = index.match_verb("suggest")
    assert pattern is not None and pattern.text() == "suggest <@party"
    assert index.match_verb("say", subjects={"@other"}) is not None


def test_only_verbs_take_a_subject_class_and_only_known_ones(tmp_path: Path) -> None:
    for line in ("195  ~strike <@party\n", "020  suggest <@visitorz\n"):
        with pytest.raises(DictionaryError, match=rf"{tmp_path / 'verbs.txt'}:1: "):
            load_patterns(write(tmp_path / "verbs.txt", line))


def test_only_nouns_may_require_their_prepositions(tmp_path: Path) -> None:
    path = write(tmp_path / "verbs.txt", "190  fight !with\n")
    with pytest.raises(DictionaryError, match=rf"{path}:1: unexpected '!with'"):
        load_patterns(path)


# ------------------------------------------------------------------ errors and overrides


def test_an_unknown_code_is_reported_with_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path / "verbs.txt", "# header\n040  consult\n999  frobnicate\n")
    with pytest.raises(DictionaryError, match=rf"{path}:3: '999' is not a CAMEO code"):
        load_patterns(path)


@pytest.mark.parametrize(
    "bad",
    [
        "040",  # no pattern
        "040  Consult",  # not a lemma
        "040  consult with with",  # two preposition groups
        "040  consult =a =b",  # two object groups
        "195  ~strike +up",  # nouns take no particle
        "195  ~air_strike_x",  # one modifier at most
    ],
)
def test_a_malformed_line_is_reported_with_file_and_line(tmp_path: Path, bad: str) -> None:
    path = write(tmp_path / "verbs.txt", f"040  consult\n\n{bad}  # comment\n")
    with pytest.raises(DictionaryError, match=rf"{path}:3: "):
        load_patterns(path)


def test_one_pattern_with_two_codes_in_one_file_is_a_conflict(tmp_path: Path) -> None:
    path = write(tmp_path / "verbs.txt", "040  consult\n041  consult\n")
    with pytest.raises(DictionaryError, match=rf"{path}:2: .*conflicts with line 1"):
        load_patterns(path)


def test_a_bad_modality_row_is_reported_with_file_and_line(tmp_path: Path) -> None:
    verbs = write(tmp_path / "verbs.txt", "040  consult\n")
    table = write(tmp_path / "modality.tsv", "# note\nlemma\tmodality\tnote\nwant\tdesire\t\n")
    with pytest.raises(DictionaryError, match=rf"{table}:3: modality 'desire'"):
        load_patterns(verbs, table)


def test_a_user_folder_extends_and_overrides_the_package_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "verbs.txt", "LIGHT perpetrate\n0874  retreat  # same pattern\n051  fete\n")
    monkeypatch.setenv(ENV_DIRECTORY, str(tmp_path))
    index = load_patterns()
    assert index.verbs["fete"][0].describe().startswith("verbs.txt:3 fete")
    assert "perpetrate" in index.light_verbs
    assert index.match_verb("retreat") == index.verbs["retreat"][0]
    assert index.verbs["retreat"][0].line == 2  # the user's line replaced the package's
    assert index.modal_verbs == load_patterns(VERBS).modal_verbs


def test_loading_is_cached(index: PatternIndex) -> None:
    assert load_patterns() is index


# ------------------------------------------------------------------ against real parses


def lemma_of(nlp: Language, sentence: str, word: str) -> str:
    token = next(t for t in nlp(sentence) if t.text == word)
    return str(token.lemma_)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "word", "table"),
    [
        ("Negotiators held talks in Vienna.", "talks", "nouns"),
        ("Negotiators held talks in Vienna.", "held", "light_verbs"),
        ("Rebels staged a hunger strike.", "staged", "light_verbs"),
        ("The allies imposed sanctions on the regime.", "imposed", "verbs"),
        ("Jets carried out airstrikes near the border.", "airstrikes", "nouns"),
        ("Gunmen kidnapped two engineers.", "kidnapped", "verbs"),
        ("The army shelled the villages overnight.", "shelled", "verbs"),
        ("The envoy sought assurances from Cairo.", "sought", "verbs"),
        ("Militias fought government troops.", "fought", "verbs"),
        ("Critics lambasted the budget.", "lambasted", "verbs"),
        ("The two sides withdrew their forces.", "withdrew", "verbs"),
        ("Observers reported repeated ceasefire violations.", "violations", "nouns"),
    ],
)
def test_spacy_lemmas_of_inflected_forms_are_keys(
    nlp: Language, index: PatternIndex, sentence: str, word: str, table: str
) -> None:
    keys = getattr(index, table)
    assert lemma_of(nlp, sentence, word) in keys


def dependents(token: Token) -> dict[str, set[str]]:
    """What an event coder collects around a verb: a reference reading of the contract."""
    children = list(token.children)
    objects = [c for c in children if c.dep_ == "dobj"]
    return {
        "particles": {c.lemma_ for c in children if c.dep_ in {"prt", "prep", "advmod"}},
        "objects": {
            key
            for c in children
            if c.dep_ in {"dobj", "xcomp", "oprd"}
            for key in compound_keys(
                c.lemma_, [m.lemma_ for m in c.children if m.dep_ in {"compound", "amod"}]
            )
        }
        | object_classes(objects),
        "preps": {c.lemma_ for c in children if c.dep_ == "prep" and any(c.children)},
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "verb", "code"),
    [
        ("The allies imposed new sanctions on the regime.", "imposed", "163"),
        ("Moscow struck a deal with Ankara.", "struck", "057"),
        ("Moscow struck targets near Kharkiv.", "struck", "190"),
        ("The premier called on the rebels to disarm.", "called", "020"),
        ("The ministry declined to comment.", "declined", "011"),
        ("The regime used chemical weapons.", "used", "2041"),
        ("The foreign minister pulled out of the coalition.", "pulled", "0874"),
    ],
)
def test_real_parses_select_the_intended_pattern(
    nlp: Language, index: PatternIndex, sentence: str, verb: str, code: str
) -> None:
    token = next(t for t in nlp(sentence) if t.text == verb)
    match = index.match_verb(token.lemma_, **dependents(token))
    assert match is not None and match.code == code, match
