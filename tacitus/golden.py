"""A compact, reviewable view of coded events, used for the golden-output tests."""

from __future__ import annotations

from pathlib import Path

from tacitus.ingest import read_inputs

SAMPLES = Path(__file__).resolve().parent / "data" / "samples"


def golden_rows(source: Path) -> list[tuple[str, ...]]:
    """One row per event: article, sentence, source code, CAMEO code, target code, polarity,
    modality, place and date value."""
    from tacitus import load

    rows: list[tuple[str, ...]] = []
    for result in load().code(read_inputs([str(source)])):
        for e in result.events:
            rows.append(
                (
                    e.article_id,
                    str(e.sentence),
                    e.source.code or "" if e.source else "",
                    e.cameo,
                    e.target.code or "" if e.target else "",
                    e.polarity,
                    e.modality,
                    e.location.name if e.location else "",
                    e.date.value if e.date else "",
                )
            )
    return rows
