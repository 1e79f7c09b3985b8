"""The precision audit: what users get on whole real articles, judged by people.

The development gold holds curated sentences that nearly all report an event, so it never
penalises a false event on an ordinary article. The audit codes a fixed, seeded sample of
real articles from the corpora in ../shared/eval (BBC News by category, Reuters-21578, the
HTML pages of the extraction benchmark), writes every event of the default output to a review
sheet, and scores the output against the project's own judgements in tests/audit/.

A judgement names its event by article id, the hash of its sentence's text (so a change of
character offsets does not orphan it), the trigger and the coded CAMEO code and actor codes;
the character span is kept for people. The article text itself stays in ../shared.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import random
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tacitus.model import Article, CodingResult, Event

# The sample: (corpus, category, number of articles). Politics dominates because the audit
# measures the precision of what a researcher keeps; the other BBC categories measure false
# events on news that has none. Seeded, so the same articles come back on every run.
SAMPLE_SEED = 20261203
SAMPLE_PLAN: tuple[tuple[str, str, int], ...] = (
    ("bbc", "politics", 30),
    ("bbc", "business", 10),
    ("bbc", "sport", 6),
    ("bbc", "entertainment", 6),
    ("bbc", "tech", 6),
    ("reuters", "all", 16),
    ("html", "all", 12),
    # Second round (2026-12-03, after the relevance and word-sense changes): appended, so the
    # draws above stay the same articles.
    ("bbc", "politics", 12),
    ("reuters", "all", 10),
    # Third round (session 4, after the article survey and hypothetical-act changes): articles
    # no rule was changed for, judged only after the changes, as a check of them.
    ("bbc", "politics", 10),
    ("bbc", "business", 6),
    ("reuters", "all", 8),
    ("html", "all", 6),
    # Fourth round (session 6, after the era, honorific and former-role changes): articles no
    # rule was changed for, judged only after the changes, as a check of them.
    ("bbc", "politics", 12),
    ("bbc", "business", 5),
    ("reuters", "all", 6),
    ("html", "all", 5),
    # Fifth round (session 7, after the proposal/obligation readings and title-case acronyms):
    # articles no rule was changed for, judged only after the changes, as a check of them.
    ("bbc", "politics", 12),
    ("bbc", "business", 5),
    ("reuters", "all", 6),
    ("html", "all", 5),
    # Sixth round (session 8, held out until the session's changes were made): articles no
    # rule was changed for, judged only after the changes, as a check of them.
    ("bbc", "politics", 12),
    ("bbc", "business", 5),
    ("reuters", "all", 6),
    ("html", "all", 5),
    # Seventh round (session 9, held out until the session's changes were made): articles no
    # rule was changed for, judged only after the changes, as a check of them.
    ("bbc", "politics", 12),
    ("bbc", "business", 5),
    ("reuters", "all", 6),
    ("html", "all", 5),
    # Eighth round (session 10, held out until the session's changes were made): articles no
    # rule was changed for, judged only after the changes, as a check of them.
    ("bbc", "politics", 12),
    ("bbc", "business", 5),
    ("reuters", "all", 6),
    ("html", "all", 5),
    # Ninth round (session 10, drawn in mid-session and held out until the session's later changes
    # were made): articles no rule was changed for, judged only after the changes, as a check of
    # them.
    ("bbc", "politics", 12),
    ("bbc", "business", 5),
    ("reuters", "all", 6),
    ("html", "all", 5),
    # Tenth round (session 11, drawn at the start and held out until the session's changes
    # were made): articles no rule was changed for, judged only after the changes, as a check of
    # them.
    ("bbc", "politics", 12),
    ("bbc", "business", 5),
    ("reuters", "all", 6),
    ("html", "all", 5),
)
BBC_FILE = "corpora/bbc-news-2225/bbc-news-2225.jsonl"
REUTERS_FILE = "corpora/reuters-21578-sample/reut2-000.sgm"
HTML_DIR = "extraction/article-extraction-benchmark/html"


@dataclass(frozen=True, slots=True)
class SampledArticle:
    corpus: str
    category: str
    article: Article


def sentence_hash(text: str) -> str:
    """12 hex digits naming a sentence by its whitespace-normalised text."""
    norm = " ".join(text.split())
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:12]


def event_key(article_id: str, event: Event) -> str:
    """What a judgement is matched on: the article, sentence, trigger, code and dyad."""
    src = (event.source.code or "?") if event.source else "-"
    tgt = (event.target.code or "?") if event.target else "-"
    parts = [article_id, sentence_hash(event.text), event.trigger, event.cameo, src, tgt]
    return "|".join(parts)


# ---------------------------------------------------------------------------------------------
# Reading the corpora


def bbc_articles(eval_dir: Path) -> Iterator[SampledArticle]:
    """BBC News 2004-05: the headline, a blank line, then the body, as a scraped page reads."""
    with (eval_dir / BBC_FILE).open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            text = f"{rec['title']}\n\n{rec['text']}"
            art = Article(id=f"bbc:{rec['id']}", text=text, origin=BBC_FILE)
            yield SampledArticle("bbc", rec["category"], art)


_REUTERS = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\">(.*?)</REUTERS>", re.S)


def _sgml_field(block: str, tag: str) -> str:
    m = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S)
    return html.unescape(m.group(1)).strip() if m else ""


def reuters_articles(eval_dir: Path) -> Iterator[SampledArticle]:
    """Reuters-21578 stories with a body: title, blank line, dateline and body."""
    raw = (eval_dir / REUTERS_FILE).read_bytes().decode("latin-1")
    for m in _REUTERS.finditer(raw):
        block = m.group(2)
        body = _sgml_field(block, "BODY").replace("\x03", "").strip()
        if not body:
            continue
        body = re.sub(r"\s*Reuter\s*$", "", body)
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s{3,}", body)]
        title = _sgml_field(block, "TITLE").title()
        dateline = " ".join(_sgml_field(block, "DATELINE").split())
        text = f"{title}\n\n{dateline} " + "\n\n".join(p for p in paragraphs if p)
        published = _reuters_date(_sgml_field(block, "DATE"))
        art = Article(
            id=f"reuters:{m.group(1)}", text=text, published=published, origin=REUTERS_FILE
        )
        yield SampledArticle("reuters", "all", art)


def _reuters_date(raw: str) -> date | None:
    try:
        return datetime.strptime(raw.split()[0], "%d-%b-%Y").date()
    except (ValueError, IndexError):
        return None


def html_articles(eval_dir: Path) -> Iterator[SampledArticle]:
    """The extraction benchmark's real pages, read by tacitus's own HTML reader."""
    from tacitus.ingest import read_inputs

    for path in sorted((eval_dir / HTML_DIR).glob("*.html.gz")):
        with tempfile.TemporaryDirectory() as tmp:
            page = Path(tmp) / path.name.removesuffix(".gz")
            page.write_bytes(gzip.decompress(path.read_bytes()))
            for item in read_inputs([str(page)]):
                if isinstance(item, Article):
                    item.id = f"html:{path.name[:16]}"
                    item.origin = f"{HTML_DIR}/{path.name}"
                    yield SampledArticle("html", "all", item)


def sample(eval_dir: Path) -> list[SampledArticle]:
    """The audit's fixed sample, in plan order."""
    rng = random.Random(SAMPLE_SEED)
    pools: dict[tuple[str, str], list[SampledArticle]] = {}
    readers = {"bbc": bbc_articles, "reuters": reuters_articles, "html": html_articles}
    corpora = {corpus for corpus, _, _ in SAMPLE_PLAN}
    for corpus in sorted(corpora):
        for item in readers[corpus](eval_dir):
            pools.setdefault((corpus, item.category), []).append(item)
            pools.setdefault((corpus, "all"), []).append(item)
    chosen: dict[str, SampledArticle] = {}
    for corpus, category, n in SAMPLE_PLAN:
        pool = pools.get((corpus, category), [])
        # A later round may draw an article an earlier one holds: it is audited once. The
        # draws themselves stay as they were, so earlier rounds keep their articles.
        for item in rng.sample(pool, min(n, len(pool))):
            chosen.setdefault(item.article.id, item)
    return list(chosen.values())


# ---------------------------------------------------------------------------------------------
# The review sheet and the judgements


def sheet_rows(
    sampled: list[SampledArticle], results: Iterable[CodingResult]
) -> Iterator[dict[str, Any]]:
    """One row per event, with what a reviewer needs to judge it."""
    by_id = {s.article.id: s for s in sampled}
    for result in results:
        s = by_id[result.article.id]
        headline = result.article.text.split("\n", 1)[0][:200]
        for ev in result.events:
            yield {
                "key": event_key(result.article.id, ev),
                "article": result.article.id,
                "corpus": s.corpus,
                "category": s.category,
                "headline": headline,
                "span": list(ev.span),
                "sentence": ev.text,
                "trigger": ev.trigger,
                "cameo": ev.cameo,
                "cameo_name": ev.cameo_name,
                "source": _actor_cell(ev.source),
                "target": _actor_cell(ev.target),
                "polarity": ev.polarity,
                "modality": ev.modality,
                "candidate": ev.candidate,
                "why": ev.why,
            }


def _actor_cell(actor: Any) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"text": actor.text, "code": actor.code, "why": actor.why}


@dataclass(frozen=True, slots=True)
class Judgement:
    key: str
    article: str
    span: tuple[int, int]
    root_ok: bool
    source_ok: bool
    target_ok: bool
    correct: dict[str, Any]
    note: str = ""

    @property
    def right(self) -> bool:
        """Right at root, source country and target country: what the audit counts."""
        return self.root_ok and self.source_ok and self.target_ok


def read_judgements(path: Path) -> dict[str, Judgement]:
    out: dict[str, Judgement] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        try:
            out[rec["key"]] = Judgement(
                key=rec["key"],
                article=rec["article"],
                span=(int(rec["span"][0]), int(rec["span"][1])),
                root_ok=bool(rec["root_ok"]),
                source_ok=bool(rec["source_ok"]),
                target_ok=bool(rec["target_ok"]),
                correct=dict(rec.get("correct") or {}),
                note=str(rec.get("note", "")),
            )
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise ValueError(f"{path}:{n}: not a judgement: {exc!r}") from exc
    return out


@dataclass(slots=True)
class AuditScore:
    events: int = 0  # events in the default output
    judged: int = 0
    right: int = 0
    candidates: int = 0  # events kept only as candidates (outside the default output)

    @property
    def precision(self) -> float | None:
        return self.right / self.judged if self.judged else None

    @property
    def coverage(self) -> float | None:
        return self.judged / self.events if self.events else None


def score(rows: Iterable[dict[str, Any]], judgements: dict[str, Judgement]) -> AuditScore:
    """Precision of the default output over the events a person has judged."""
    s = AuditScore()
    for row in rows:
        if row["candidate"]:
            s.candidates += 1
            continue
        s.events += 1
        j = judgements.get(row["key"])
        if j is not None:
            s.judged += 1
            s.right += j.right
    return s


# ---------------------------------------------------------------------------------------------
# What make accuracy and scripts/audit.py print

# Articles per BBC category for the false-event proxy: 100 of each, seeded, keep a run of
# `make accuracy` to a few minutes.
PROXY_ARTICLES = 100
PROXY_CATEGORIES = ("sport", "entertainment", "tech", "business", "politics")


def coded_rows(eval_dir: Path) -> list[dict[str, Any]]:
    """The review sheet's rows for the audit sample, coded now."""
    from tacitus import load

    sampled = sample(eval_dir)
    return list(sheet_rows(sampled, load().code([s.article for s in sampled])))


def bbc_pools(eval_dir: Path) -> dict[str, list[Article]]:
    """The BBC articles by category, in the corpus's order: what both proxies draw from."""
    pools: dict[str, list[Article]] = {}
    for item in bbc_articles(eval_dir):
        pools.setdefault(item.category, []).append(item.article)
    return pools


def proxy_rates(eval_dir: Path) -> dict[str, float]:
    """Default-output events per article, by BBC category: a false-event proxy any user can
    reproduce (sport, entertainment and tech news hold almost no political event)."""
    from tacitus import load

    pools = bbc_pools(eval_dir)
    rng = random.Random(7)
    out: dict[str, float] = {}
    for cat in PROXY_CATEGORIES:
        arts = rng.sample(pools[cat], min(PROXY_ARTICLES, len(pools[cat])))
        kept = sum(e.candidate is None for r in load().code(arts) for e in r.events)
        out[cat] = kept / len(arts)
    return out


# The held-out false-event figure is per sentence, each sentence coded on its own.
# 200 sentences per category measure a rate near 0.02 to about +-0.01.
SENTENCE_PROXY_SENTENCES = 200
SENTENCE_PROXY_CATEGORIES = ("sport", "entertainment", "tech")
# Sentences of the body (the first line is the headline): a full stop, question or
# exclamation mark before a space and a capital or an opening quote ends one. Enough for a
# proxy; the coder itself splits with spaCy.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def body_sentences(article: Article) -> list[str]:
    """The body sentences of an article of six words or more, in order."""
    paragraphs = article.text.split("\n")[1:]
    return [s for p in paragraphs for s in _SENTENCE_END.split(p.strip()) if len(s.split()) >= 6]


def sentence_proxy_rates(
    eval_dir: Path, per_category: int = SENTENCE_PROXY_SENTENCES
) -> dict[str, float]:
    """The share of seeded BBC sport, entertainment and tech sentences, each coded on its
    own as a one-sentence text, for which the default output keeps an event: a per-sentence
    false-event proxy (issue 8 measures false events on irrelevant sentences this way; these
    sections hold few political sentences, but some)."""
    from tacitus import load

    pools = {
        cat: [s for a in articles for s in body_sentences(a)]
        for cat, articles in bbc_pools(eval_dir).items()
        if cat in SENTENCE_PROXY_CATEGORIES
    }
    rng = random.Random(11)
    coder = load()
    out: dict[str, float] = {}
    for cat in SENTENCE_PROXY_CATEGORIES:
        picked = rng.sample(pools[cat], min(per_category, len(pools[cat])))
        texts = [Article(id=f"{cat}-{i}", text=s) for i, s in enumerate(picked)]
        kept = sum(any(e.candidate is None for e in r.events) for r in coder.code(texts))
        out[cat] = kept / len(texts)
    return out
