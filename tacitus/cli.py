"""The command line: the only place in tacitus that prints and exits.

Exit status: 0 when every record was coded (or deliberately skipped), 1 when some failed or the
inputs held no record at all (a summary goes to stderr), 2 for usage errors (bad options, an
unreadable store), 3 when tacitus itself crashed (a bug: please report it), 130 when
interrupted (Ctrl-C; what was coded is stored).
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, cast

import typer
from rich.console import Console

from tacitus.accounting.terminal import for_terminal
from tacitus.errors import TacitusError
from tacitus.model import Article, CodingResult, Failure

if TYPE_CHECKING:
    from tacitus.accounting import RunSummary
    from tacitus.accounting.failures import FailureLog
    from tacitus.ingest import IngestReport
    from tacitus.queries import EventFilter
    from tacitus.store import Store

app = typer.Typer(
    help="tacitus: turn news reports into coded political event data (CAMEO, PLOVER).\n\n"
    "Code articles with `tacitus code`, then query what is stored with `tacitus events`.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)

DEFAULT_DB = "tacitus.duckdb"
# Articles stored per transaction by `tacitus code`.
SAVE_EVERY = 50
Format = Literal["table", "jsonl", "csv"]

DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB file of coded events.")]
AllOpt = Annotated[
    bool,
    typer.Option(
        "--all",
        help="Also candidates: events outside political news, bare statements by parties no "
        "dictionary knows, and uncoded sources (left out of the default output).",
    ),
]
FormatOpt = Annotated[
    str, typer.Option("--format", "-f", help="Output format: table, jsonl or csv.")
]


EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_CRASH = 3
# What a shell reports for a process ended by SIGINT (128 + 2): Ctrl-C is neither success nor
# "some inputs failed".
EXIT_INTERRUPTED = 130


def _fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    err.print(f"[red]error:[/red] {for_terminal(message, limit=2000)}")
    return typer.Exit(code)


def _check_format(fmt: str) -> Format:
    if fmt not in ("table", "jsonl", "csv"):
        raise _fail(f"--format must be table, jsonl or csv, not {fmt!r}")
    return cast(Format, fmt)


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        try:
            return datetime.fromisoformat(value).date()
        except ValueError:
            raise _fail(f"{option} expects a date like 2021-12-12, not {value!r}") from None


@app.callback()
def _main(
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log what each stage does.")
    ] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    from tacitus.ingest.html import quiet_extractors

    quiet_extractors(verbose)


@app.command()
def code(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files or directories of text, HTML, JSONL, feeds, WARC or Reuters SGML "
            "(compressed or not), fsspec URLs of them (s3://, gcs://, memory://, file://), "
            "or - for standard input."
        ),
    ],
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date (YYYY-MM-DD) for articles that do not carry one; "
            "relative dates such as 'on Saturday' resolve against it."
        ),
    ] = None,
    db: DbOpt = Path(DEFAULT_DB),
    no_store: Annotated[
        bool, typer.Option("--no-store", help="Only print; store nothing.")
    ] = False,
    recode: Annotated[
        bool, typer.Option("--recode", help="Code again articles the store already holds.")
    ] = False,
    fmt: FormatOpt = "table",
    model: Annotated[
        str | None, typer.Option(help="Installed English spaCy pipeline to parse with.")
    ] = None,
    processes: Annotated[
        int | None,
        typer.Option(
            help="Worker processes, each running the whole pipeline. Default: the cores this "
            "process may use; never more workers than chunks of 4 articles, and none for 8 "
            "articles or fewer (they are coded in this process).",
            min=1,
            show_default=False,
        ),
    ] = None,
    max_chars: Annotated[
        int, typer.Option(help="Longest article accepted, in characters.", min=1)
    ] = 1_000_000,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print no events.")] = False,
    show_all: AllOpt = False,
    dask: Annotated[
        str | None,
        typer.Option(
            help="Run on a Dask cluster: a scheduler address, or local:N for N local workers. "
            "Results go to the store as a local run stores them (texts already stored are "
            "noted as further sources; --recode replaces them); only a summary is printed. "
            "Interrupted, the same command again codes only the parts not yet stored."
        ),
    ] = None,
    parts_dir: Annotated[
        str | None,
        typer.Option(help="With --dask: where workers write their parts (shared by all)."),
    ] = None,
    time_budget: Annotated[
        float,
        typer.Option(help="Seconds one article may take; a slower one fails alone.", min=1),
    ] = 120.0,  # tacitus.limits.DEFAULT_BUDGET_SECONDS (not imported: it loads spaCy)
) -> None:
    """Code articles into events, store them in DuckDB and print them.

    Re-running over the same input codes nothing twice: articles already in the store are
    skipped (use --recode to code them again, replacing their rows).
    """
    from tacitus.accounting import RunSummary
    from tacitus.accounting.failures import FailureLog
    from tacitus.ingest import IngestReport, read_inputs
    from tacitus.output import write_events
    from tacitus.parallel import WorkerError, code_in_processes, usable_cores
    from tacitus.pipeline import Pipeline
    from tacitus.progress import CodingProgress
    from tacitus.store import Store

    out_fmt = _check_format(fmt)
    pub = _parse_date(published, "--published")
    _check_urls(sources)
    if dask is not None:
        if no_store:
            raise _fail("--dask stores its results; it cannot run with --no-store")
        _code_on_dask(
            sources, db, dask, published=pub, model=model, parts_dir=parts_dir, recode=recode
        )
        return
    try:
        pipeline = Pipeline(model) if model else Pipeline()
        pipeline.time_budget = time_budget
        store = None if no_store else Store(db)
    except TacitusError as exc:
        raise _fail(str(exc)) from exc
    report = IngestReport()
    items: Iterable[Article | Failure] = read_inputs(
        sources, published=pub, stdin=sys.stdin.buffer, max_chars=max_chars, report=report
    )
    skipped: list[tuple[str, str]] = []  # (id, origin) of already coded ones, drained
    if store is not None and not recode:
        items = _not_yet_coded(items, store, skipped)
    summary = RunSummary()
    failures = FailureLog(summary)
    shown: list[dict[str, object]] = []  # table and CSV are written once, at the end
    pending: list[CodingResult] = []
    # Events streamed as JSON lines to the same terminal would tear through the display.
    live = quiet or out_fmt != "jsonl" or not sys.stdout.isatty()
    progress = CodingProgress(err, enabled=live)
    interrupted = False
    try:
        workers = processes or usable_cores()
        for result in progress.track(code_in_processes(pipeline, items, workers)):
            if result.failure is not None:
                failures.add(result.failure)
            else:
                summary.coded += 1
                kept = [e for e in result.events if e.candidate is None]
                summary.events += len(kept)
                summary.candidates += len(result.events) - len(kept)
                chosen = result.events if show_all else kept
                records = [] if quiet else [e.to_dict() for e in chosen]
                if out_fmt == "jsonl":
                    write_events(records, out_fmt, sys.stdout)  # streamed: usable in a pipe
                else:
                    shown.extend(records)
            pending.append(result)
            if len(pending) >= SAVE_EVERY:
                _save(store, pending, pipeline.model, failures)
                _note_sources(store, report, skipped, summary)
    except KeyboardInterrupt:
        # Ctrl-C: what was coded is stored (the store is only ever written a whole batch at a
        # time, so it is consistent either way) and the summary says what was reached.
        interrupted = True
    except WorkerError as exc:  # what was coded is kept; a re-run codes only the rest
        _save(store, pending, pipeline.model, failures)
        _note_sources(store, report, skipped, summary)
        raise _fail(f"{exc}; the articles coded before it are stored: re-run to go on") from exc
    _save(store, pending, pipeline.model, failures)
    _note_sources(store, report, skipped, summary)
    summary.close(report)
    if shown:
        write_events(shown, out_fmt, sys.stdout)
    if store is not None:
        store.close()
    if interrupted:
        raise typer.Exit(_report_interrupt(summary, None if store is None else db))
    raise typer.Exit(_report_run(summary, failures, None if store is None else db))


def _check_urls(sources: list[str]) -> None:
    """A URL whose protocol cannot be read here (fsspec or its back-end missing) is a usage
    error before anything is coded, not one failed record per file."""
    from tacitus.ingest.remote import RemoteError, check

    try:
        check(sources)
    except RemoteError as exc:
        raise _fail(str(exc)) from exc


def _report_run(summary: RunSummary, failures: FailureLog, db: Path | None) -> int:
    """Print the run's summary and failed records to stderr; the exit status."""
    lines = summary.lines()
    where = "" if db is None else f"; stored in {for_terminal(str(db))}"
    err.print(for_terminal(lines[0], limit=1000) + where, soft_wrap=True)
    for line in lines[1:]:
        err.print(for_terminal(line, limit=1000), soft_wrap=True)
    if summary.already_coded:
        err.print("  (already coded articles were skipped: --recode to code them again)")
    if failures.any_failed:
        err.print(f"[yellow]{summary.n_failed} record(s) failed:[/yellow]")
        for path, (first, n) in failures.by_file.items():
            where_from = for_terminal(first.origin or first.article_id)
            more = f" (and {n - 1} more record(s) of {for_terminal(path)})"
            tail = more if n > 1 else ""
            err.print(f"  {where_from}: {for_terminal(first.reason)}{tail}", soft_wrap=True)
        if failures.unlisted:
            more_files = f"  and {failures.unlisted} record(s) of more files"
            err.print(f"{more_files}: tacitus articles --failed")
    if summary.given == 0:
        err.print(
            "[red]error:[/red] the inputs held no article at all "
            f"({summary.unsupported_files} file(s) of unsupported types)"
        )
        return EXIT_FAILED
    return EXIT_FAILED if failures.any_failed else 0


def _note_sources(
    store: Store | None, report: IngestReport, skipped: list[tuple[str, str]], summary: RunSummary
) -> None:
    """Count the records already coded and note, in the store, the sources of every text
    given again (in this run or an earlier one); both lists are emptied, so memory stays flat
    however many copies a corpus holds."""
    summary.already_coded += len(skipped)
    duplicates = report.take_duplicates()
    pairs = [(article_id, origin) for origin, first, article_id in duplicates if origin != first]
    pairs += skipped
    skipped.clear()
    if store is not None and pairs:
        try:
            store.note_sources(pairs)
        except TacitusError as exc:
            raise _fail(str(exc)) from exc


def _report_interrupt(summary: RunSummary, db: Path | None) -> int:
    """The summary of an interrupted run, which does not add up (records were left unread)."""
    line = summary.lines()[0].replace(" record(s) read", " record(s) read before the interrupt")
    err.print(for_terminal(line, limit=1000), soft_wrap=True)
    where = "" if db is None else f" in {for_terminal(str(db))}"
    err.print(
        f"[yellow]interrupted:[/yellow] what was coded is stored{where}; run the same command "
        "again to go on where it stopped"
    )
    return EXIT_INTERRUPTED


def _code_on_dask(
    sources: list[str],
    db: Path,
    address: str,
    *,
    published: date | None,
    model: str | None,
    parts_dir: str | None,
    recode: bool,
) -> None:
    from tacitus.accounting.interrupts import Interrupts
    from tacitus.scale import run
    from tacitus.store import Store

    # Dask's scheduler and nanny log every connection at INFO; --verbose shows them.
    if logging.getLogger().level > logging.INFO:
        logging.getLogger("distributed").setLevel(logging.WARNING)
    try:
        with Interrupts() as interrupts, Store(db) as store:
            summary = run(
                sources, store, address=address, published=published, model=model,
                parts_dir=parts_dir, recode=recode, on_part=lambda _: interrupts.check(),
            )  # fmt: skip
    except TacitusError as exc:
        raise _fail(str(exc)) from exc
    except (KeyboardInterrupt, RuntimeError) as exc:
        if not (isinstance(exc, KeyboardInterrupt) or interrupts.requested):
            raise  # a RuntimeError that no Ctrl-C caused: a crash
        # Ctrl-C, or DuckDB's "Query interrupted" for it. Every part is loaded in one
        # transaction, and noted as loaded, so the store holds whole parts only and a re-run
        # skips them.
        err.print(
            f"[yellow]interrupted:[/yellow] the parts loaded so far are stored in "
            f"{for_terminal(str(db))}; run the same command again to code the rest",
            soft_wrap=True,
        )
        raise typer.Exit(EXIT_INTERRUPTED) from None
    extra = [f"{summary.copies} already stored (noted as sources)"] if summary.copies else []
    if summary.resumed:
        extra.append(f"{summary.resumed} part(s) loaded by an earlier run skipped")
    err.print(
        f"coded {summary.articles} article(s), {summary.events} event(s) in "
        f"{summary.parts} part(s) on {address}, stored in {for_terminal(str(db))}"
        + "".join(f"; {e}" for e in extra)
    )
    if summary.failed:
        err.print(f"[yellow]{summary.failed} article(s) failed[/yellow]: tacitus articles --failed")
        raise typer.Exit(1)


def _not_yet_coded(
    items: Iterable[Article | Failure], store: Store, skipped: list[tuple[str, str]]
) -> Iterator[Article | Failure]:
    """Stream the inputs, dropping articles the store already holds (a re-run, or a run that
    resumes after a crash). Checked in chunks so a large corpus is never held in memory.
    A different text under a stored id is not dropped: it is coded under a derived id."""
    from tacitus.ingest.ids import derived_id

    it = iter(items)
    while chunk := list(islice(it, SAVE_EVERY * 4)):
        done = store.coded_texts(i.id for i in chunk if isinstance(i, Article))
        for item in chunk:
            if not isinstance(item, Article) or item.id not in done:
                yield item
            elif done[item.id] == item.text:
                skipped.append((item.id, item.origin or ""))
            else:
                renamed = replace(item, id=derived_id(item.id, item.text))
                if store.coded_ids([renamed.id]):
                    skipped.append((renamed.id, renamed.origin or ""))
                else:
                    yield renamed


def _save(
    store: Store | None, pending: list[CodingResult], model: str, failures: FailureLog
) -> None:
    """Store a batch in one transaction: a crash loses at most one batch, and a re-run
    resumes after the articles already stored. An article that cannot be stored is a failure
    of its own (no longer counted as coded); the store failing altogether is a usage error."""
    from tacitus.accounting import save_isolated

    if store is not None and pending:
        try:
            unstorable = save_isolated(store, pending, model)
        except TacitusError as exc:
            raise _fail(str(exc)) from exc
        for failure in unstorable:
            coded = next(r for r in pending if r.article.id == failure.article_id)
            if coded.failure is None:  # a failure already counted stays counted once
                failures.summary.coded -= 1
                failures.summary.events -= len(coded.events)
                failures.add(failure)
    pending.clear()


@app.command()
def events(
    db: DbOpt = Path(DEFAULT_DB),
    actor: Annotated[
        str | None, typer.Option(help="Source or target code prefix (ISR, USAGOV).")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Source code prefix.")] = None,
    target: Annotated[str | None, typer.Option(help="Target code prefix.")] = None,
    dyad: Annotated[
        tuple[str, str] | None, typer.Option(help="Source and target prefixes: --dyad ISR USA.")
    ] = None,
    root: Annotated[str | None, typer.Option(help="CAMEO root, 01-20.")] = None,
    cameo: Annotated[
        str | None, typer.Option("--code", help="CAMEO code prefix (190, 0311).")
    ] = None,
    modality: Annotated[
        str | None, typer.Option(help="factual, intent, demand, threat, planned, hypothetical.")
    ] = None,
    polarity: Annotated[str | None, typer.Option(help="asserted or negated.")] = None,
    since: Annotated[str | None, typer.Option(help="Events on or after this date.")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before this date.")] = None,
    article: Annotated[str | None, typer.Option(help="Only this article id.")] = None,
    min_confidence: Annotated[
        float | None, typer.Option(help="Only events at least this confident (0-1).")
    ] = None,
    coded: Annotated[
        bool,
        typer.Option(
            "--coded", help="Only events whose source has an actor code (not a bare name)."
        ),
    ] = False,
    min_killed: Annotated[
        int | None, typer.Option(help="Only events whose text counts at least this many dead.")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    fmt: FormatOpt = "table",
    show_all: AllOpt = False,
    clusters: Annotated[
        bool,
        typer.Option("--clusters", help="One line per happening: events of many reports merged."),
    ] = False,
    plover_type: Annotated[
        str | None, typer.Option(help="PLOVER event type (PROTEST, ASSAULT).")
    ] = None,
    quad_class: Annotated[
        int | None,
        typer.Option(help="1 verbal co-op, 2 material co-op, 3 verbal conflict, 4 material."),
    ] = None,
    attribution: Annotated[str | None, typer.Option(help="direct, reported or hedged.")] = None,
    country: Annotated[
        str | None, typer.Option(help="CAMEO country of the source or the target (IRN).")
    ] = None,
    place_country: Annotated[
        str | None, typer.Option(help="ISO country of the event's place (IL).")
    ] = None,
    bbox: Annotated[
        str | None, typer.Option(help="Places inside west,south,east,north degrees.")
    ] = None,
    text: Annotated[
        str | None, typer.Option(help="Words in the event's sentence, ignoring case.")
    ] = None,
) -> None:
    """Query the events stored in a DuckDB file (the default output; --all adds candidates)."""
    from tacitus.output import write_events
    from tacitus.queries import EventSearch, parse_bbox
    from tacitus.queries import events as query_events

    out_fmt = _check_format(fmt)
    try:
        box = parse_bbox(bbox) if bbox is not None else None
    except TacitusError as exc:
        raise _fail(f"--bbox: {exc}") from exc
    # The API's EventSearch, so the CLI and the HTTP API share one definition of each filter.
    flt = EventSearch(
        plover_type=plover_type,
        quad_class=quad_class,
        attribution=attribution,
        country=country,
        place_country=place_country,
        bbox=box,
        text=text,
        actor=actor,
        source=source,
        target=target,
        dyad=dyad,
        root=root,
        code=cameo,
        modality=modality,
        polarity=polarity,
        since=_parse_date(since, "--since"),
        until=_parse_date(until, "--until"),
        article_id=article,
        min_confidence=min_confidence,
        coded=coded,
        all=show_all,
        min_killed=min_killed,
        limit=limit,
    )
    if clusters:
        _list_clusters(db, flt, out_fmt)
        return
    with _open_store(db) as store:
        try:
            records = query_events(store, flt)
        except (TacitusError, ValueError) as exc:
            raise _fail(str(exc)) from exc
    n = write_events(records, out_fmt, sys.stdout)
    if out_fmt == "table":
        err.print(f"{n} event(s)")


def _list_clusters(db: Path, flt: EventFilter, out_fmt: Format) -> None:
    from tacitus.dedup import cluster_rows
    from tacitus.output import write_clusters

    with _open_store(db) as store:
        try:
            rows = cluster_rows(store, flt)
        except TacitusError as exc:
            raise _fail(str(exc)) from exc
    n = write_clusters(rows, out_fmt, sys.stdout)
    if out_fmt == "table":
        err.print(f"{n} cluster(s) of {sum(len(r.mentions) for r in rows)} event(s)")


# -- filters shared by `export` and `series` (the same ones as `events`) ----------------------

ActorOpt = Annotated[str | None, typer.Option(help="Source or target code prefix (ISR, USAGOV).")]
SourceOpt = Annotated[str | None, typer.Option(help="Source code prefix.")]
TargetOpt = Annotated[str | None, typer.Option(help="Target code prefix.")]
RootOpt = Annotated[str | None, typer.Option(help="CAMEO root, 01-20.")]
CodeOpt = Annotated[str | None, typer.Option("--code", help="CAMEO code prefix (190, 0311).")]
ModalityOpt = Annotated[
    str | None, typer.Option(help="factual, intent, demand, threat, planned, hypothetical.")
]
PolarityOpt = Annotated[str | None, typer.Option(help="asserted or negated.")]
SinceOpt = Annotated[str | None, typer.Option(help="Events on or after this date.")]
UntilOpt = Annotated[str | None, typer.Option(help="Events on or before this date.")]
MinConfidenceOpt = Annotated[
    float | None, typer.Option(help="Only events at least this confident (0-1).")
]
CodedOpt = Annotated[
    bool, typer.Option("--coded", help="Only events whose source has an actor code.")
]


def _dyad(value: str | None) -> tuple[str, str] | None:
    """ "ISR-IRN" (or "ISR IRN") -> ("ISR", "IRN")."""
    if value is None:
        return None
    parts = value.replace("-", " ").split()
    if len(parts) != 2:
        raise _fail(f"--dyad expects SOURCE-TARGET such as ISR-IRN, not {value!r}")
    return parts[0], parts[1]


@app.command()
def export(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="parquet, csv, gdelt, plover or geojson.")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="File, or directory for parquet and gdelt; stdout if omitted."
        ),
    ] = None,
    db: DbOpt = Path(DEFAULT_DB),
    clusters: Annotated[
        bool, typer.Option("--clusters", help="One row per event cluster, not per report.")
    ] = False,
    actor: ActorOpt = None,
    source: SourceOpt = None,
    target: TargetOpt = None,
    dyad: Annotated[
        str | None, typer.Option(help="Source and target prefixes: --dyad ISR-IRN.")
    ] = None,
    root: RootOpt = None,
    cameo: CodeOpt = None,
    modality: ModalityOpt = None,
    polarity: PolarityOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    min_confidence: MinConfidenceOpt = None,
    coded: CodedOpt = False,
    show_all: AllOpt = False,
) -> None:
    """Export stored events: Parquet by month, flat CSV, GDELT 2.0 Events and Mentions
    tables, PLOVER records as POLECAT publishes them, or GeoJSON of located events."""
    from tacitus.export import export as run_export

    flt = _aggregate_filter(
        actor=actor, source=source, target=target, dyad=dyad, root=root, code=cameo,
        modality=modality, polarity=polarity, since=since, until=until,
        min_confidence=min_confidence, coded=coded, show_all=show_all,
    )  # fmt: skip
    with _open_store(db) as store:
        try:
            n = run_export(store, fmt, flt=flt, clusters=clusters, output=output, stream=sys.stdout)
        except (TacitusError, OSError) as exc:
            raise _fail(str(exc)) from exc
    what = "cluster(s)" if clusters else "event(s)"
    err.print(f"exported {n} {what} as {fmt}" + (f" to {output}" if output else ""))


def _aggregate_filter(
    *, dyad: str | None, since: str | None, until: str | None, show_all: bool, **exact: Any
) -> EventFilter:
    """The filter `export` and `series` share: their options, with the dyad, dates and --all
    read as the events command reads them."""
    from tacitus.queries import EventFilter

    return EventFilter(
        dyad=_dyad(dyad),
        since=_parse_date(since, "--since"),
        until=_parse_date(until, "--until"),
        all=show_all,
        **exact,
    )


@app.command()
def series(
    db: DbOpt = Path(DEFAULT_DB),
    by: Annotated[str, typer.Option(help="Period: day, week, month, quarter or year.")] = "week",
    group: Annotated[
        str | None,
        typer.Option("--per", help="Also split by: actor, country, root or quad (class)."),
    ] = None,
    dyad: Annotated[
        str | None, typer.Option(help="Source and target prefixes: --dyad ISR-IRN.")
    ] = None,
    actor: ActorOpt = None,
    source: SourceOpt = None,
    target: TargetOpt = None,
    root: RootOpt = None,
    cameo: CodeOpt = None,
    modality: ModalityOpt = None,
    polarity: PolarityOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    min_confidence: MinConfidenceOpt = None,
    coded: CodedOpt = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
    show_all: AllOpt = False,
) -> None:
    """Counts per period: events, per quad class, Goldstein sum and mean, one row a period."""
    from tacitus.output import write_series
    from tacitus.queries import series as query_series

    if fmt not in ("table", "csv", "json"):
        raise _fail(f"--format must be table, csv or json, not {fmt!r}")
    flt = _aggregate_filter(
        actor=actor, source=source, target=target, dyad=dyad, root=root, code=cameo,
        modality=modality, polarity=polarity, since=since, until=until,
        min_confidence=min_confidence, coded=coded, show_all=show_all,
    )  # fmt: skip
    with _open_store(db) as store:
        try:
            rows = query_series(store, flt, by=by, group=group)
        except TacitusError as exc:
            raise _fail(str(exc)) from exc
    write_series(rows, fmt, sys.stdout)


@app.command()
def quotes(
    db: DbOpt = Path(DEFAULT_DB),
    speaker: Annotated[str | None, typer.Option(help="Speaker code prefix or name.")] = None,
    article: Annotated[str | None, typer.Option(help="Only this article id.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many quotes.")] = None,
    fmt: FormatOpt = "table",
) -> None:
    """Show the direct and indirect quotes stored in a DuckDB file, with their speakers."""
    from tacitus.output import write_quotes
    from tacitus.queries import quotes as query_quotes

    out_fmt = _check_format(fmt)
    with _open_store(db) as store:
        records = query_quotes(store, article_id=article, speaker=speaker, limit=limit)
    write_quotes(records, out_fmt, sys.stdout)


@app.command()
def articles(
    db: DbOpt = Path(DEFAULT_DB),
    failed: Annotated[bool, typer.Option("--failed", help="Only failed articles.")] = False,
    skipped: Annotated[
        bool,
        typer.Option(
            "--skipped", help="Only skipped records (not English, not news); with --failed, both."
        ),
    ] = False,
) -> None:
    """List the stored articles with their status (and the reason for failures and skips).

    An article whose text was given more than once lists its other sources in `also_from`."""
    from tacitus.queries import articles as query_articles
    from tacitus.queries import further_sources

    wanted = [s for s, flag in (("failed", failed), ("skipped", skipped)) if flag]
    statuses: list[str | None] = [*wanted] if wanted else [None]
    with _open_store(db) as store:
        rows = [r for s in statuses for r in query_articles(store, s)]
        also = further_sources(store)
    for row in rows:
        if row["id"] in also:
            row["also_from"] = also[row["id"]]
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


@app.command(name="eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL file.", exists=True, dir_okay=False)],
    task: Annotated[str, typer.Option(help="events, geo or quotes.")] = "events",
    as_json: Annotated[
        bool, typer.Option("--json", help="Print metrics as one JSON object.")
    ] = False,
    errors: Annotated[int, typer.Option("--errors", help="Show the N worst misses.")] = 0,
    limit: Annotated[int | None, typer.Option(help="Only the first N records.")] = None,
    show_all: AllOpt = False,
) -> None:
    """Measure tacitus against gold data: metrics as a table or JSON.

    Events are scored as the default output gives them; --all scores candidates too."""
    from tacitus.evaluate.report import run_evaluation

    if task not in ("events", "geo", "quotes"):
        raise _fail(f"--task must be events, geo or quotes, not {task!r}")
    try:
        report = run_evaluation(
            gold, task=task, limit=limit, errors=errors, with_candidates=show_all
        )
    except TacitusError as exc:
        raise _fail(str(exc)) from exc
    if as_json:
        sys.stdout.write(json.dumps(report.metrics, indent=None) + "\n")
    else:
        report.print(Console())


@app.command()
def serve(
    db: DbOpt = Path(DEFAULT_DB),
    host: Annotated[
        str, typer.Option(help="Address to listen on; only this machine unless told otherwise.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    refresh_every: Annotated[
        float,
        typer.Option(
            help="Seconds between checks for a changed store (on a request); 0: only on "
            "POST /api/refresh."
        ),
    ] = 30.0,
) -> None:
    """Serve the HTTP API and the web dashboard over a store, read-only."""
    try:
        import uvicorn

        from tacitus.web.app import create_app
        from tacitus.web.snapshot import LiveSnapshot
    except ImportError as exc:
        raise _fail(f"serve needs the web extra: pip install 'tacitus[web]' ({exc})") from exc
    try:
        live = LiveSnapshot(db, refresh_every)
    except TacitusError as exc:
        raise _fail(str(exc)) from exc
    err.print(f"serving {live.describe()}")
    err.print(f"dashboard: http://{host}:{port}/   API docs: http://{host}:{port}/docs")
    try:
        uvicorn.run(create_app(live=live, source=str(db)), host=host, port=port)
    finally:
        live.close()


@contextmanager
def _open_store(db: Path) -> Iterator[Store]:
    """The store at `db`, read-only, or a usage error saying how to make one."""
    from tacitus.store import Store

    if not db.exists():
        raise _fail(f"no store at {db}: code some articles first (tacitus code ...)")
    try:
        store = Store(db, read_only=True)
    except TacitusError as exc:
        raise _fail(str(exc)) from exc
    try:
        yield store
    finally:
        store.close()


def main() -> None:
    """The `tacitus` command. A crash (a bug in tacitus, never bad input) exits with its own
    status, so a script can tell it from failed inputs."""
    from tacitus.accounting.processes import die_with_parent

    die_with_parent()
    try:
        app()
    except Exception as exc:
        logging.getLogger("tacitus").debug("crash", exc_info=True)
        err.print(
            f"[red]tacitus crashed:[/red] {for_terminal(f'{type(exc).__name__}: {exc}')}\n"
            "This is a bug in tacitus; please report it with the command (run with -v for "
            "the traceback)."
        )
        sys.exit(EXIT_CRASH)
