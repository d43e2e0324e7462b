"""Throughput of `extract` against spaCy parsing alone, in one process, on the same articles.

    python benchmarks/throughput.py [CORPUS.jsonl] [--limit N]

Default corpus: ../shared/data/corpus/reuters-sample.jsonl. The baseline parses every article's text with the
same spaCy pipeline (`nlp.pipe`); the measured run is the whole `extract` path (clean → nlp → actors → events →
quotes) over the same records. Both runs are timed after a warm-up; the ratio is extract speed / parse speed.
Peak memory is the process's maximum resident set size after both runs (it includes the baseline's).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

DEFAULT_CORPUS = Path("../shared/data/corpus/reuters-sample.jsonl")


def load_records(path: Path, limit: int | None) -> list[dict]:
    records = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            records.append({"id": row["id"], "text": row["text"], "title": row.get("title"),
                            "date": (row.get("date") or "")[:10] or None})
            if limit and len(records) >= limit:
                break
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (run from the repository root, next to ../shared)", file=sys.stderr)
        return 2

    from blocwatch import nlp
    from blocwatch.pipeline import extract_records

    records = load_records(args.corpus, args.limit)
    language = nlp.load()
    list(extract_records(records[:5]))  # warm-up: models, lexicons and the knowledge base are loaded once

    started = time.perf_counter()
    sentences = 0
    for doc in language.pipe((r["text"] for r in records), batch_size=64):
        sentences += sum(1 for _ in doc.sents)
    parse_seconds = time.perf_counter() - started

    started = time.perf_counter()
    outputs = list(extract_records(records))
    extract_seconds = time.perf_counter() - started

    # The same run with the quotes stage switched off, to see what quote extraction adds.
    import blocwatch.pipeline as pipeline_module

    real_extract_quotes = pipeline_module.extract_quotes
    pipeline_module.extract_quotes = lambda *args, **kwargs: []
    try:
        started = time.perf_counter()
        list(extract_records(records))
        no_quotes_seconds = time.perf_counter() - started
    finally:
        pipeline_module.extract_quotes = real_extract_quotes

    events = sum(len(o.get("events", [])) for o in outputs)
    quotes = sum(len(o.get("quotes", [])) for o in outputs)
    errors = sum(1 for o in outputs if "error" in o)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(records)
    print(f"corpus: {args.corpus} ({n} articles, {sentences} sentences by spaCy)")
    print(f"spaCy parse alone : {parse_seconds:7.2f} s  {n / parse_seconds:7.1f} articles/s  {sentences / parse_seconds:8.1f} sentences/s")
    print(f"blocwatch extract : {extract_seconds:7.2f} s  {n / extract_seconds:7.1f} articles/s  {sentences / extract_seconds:8.1f} sentences/s")
    print(f"ratio (extract speed / parse speed): {parse_seconds / extract_seconds:.2f}")
    print(f"extract without the quotes stage: {no_quotes_seconds:7.2f} s; quotes add "
          f"{(extract_seconds - no_quotes_seconds) / no_quotes_seconds:+.1%} to extract's time")
    print(f"output: {events} events, {quotes} quotes, {errors} errors")
    print(f"peak memory (max RSS of this process): {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
