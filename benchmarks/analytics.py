"""Benchmark: dyad series and alliance drift on a million synthetic events.

    python benchmarks/analytics.py                 # 1,000,000 events in memory
    python benchmarks/analytics.py --events 200000 --sqlite   # also time Store.events() from a SQLite store

The frame is generated with numpy (``blocwatch.analytics.synthetic.synthetic_events``): 130 entities (states of
the alliance registry and ten organisations) with Zipf-like activity, ten years of days, 16 CAMEO codes, the four
modalities, and 20% of events repeated by another "article" a day or two later so that de-duplication has work.
Each stage is timed once with time.perf_counter after the frame exists.
"""

from __future__ import annotations

import argparse
import platform
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from blocwatch.actors.alliances import load_registry
from blocwatch.analytics import all_alliance_drift, all_dyad_series, prepare_events
from blocwatch.analytics.synthetic import synthetic_events

TARGET_SECONDS = 10.0


def timed(label: str, action: Callable[[], Any], results: dict[str, float]) -> Any:
    started = time.perf_counter()
    value = action()
    results[label] = time.perf_counter() - started
    size = f"{len(value):>10,} rows" if hasattr(value, "__len__") else ""
    print(f"{label:<42} {results[label]:7.2f} s  {size}")
    return value


def sqlite_round_trip(events: pd.DataFrame, results: dict[str, float]) -> None:
    """Write the events into a blocwatch store's tables, then time Store.events() reading them back."""
    from blocwatch.store import open_store
    from blocwatch.store.schema import ARTICLE_COLUMNS, EVENT_COLUMNS_SQL, quote_identifier

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        open_store(path).close()  # creates the schema
        articles = events.drop_duplicates("article_id")
        article_rows = pd.DataFrame({
            "article_id": articles["article_id"], "title": None, "date": articles["article_date"], "url": None,
            "source": "benchmark", "text": "", "content_hash": articles["article_id"], "ingested_at": "2026-01-01",
        })  # fmt: skip
        event_rows = events.assign(event_index=events.groupby("article_id").cumcount(), trigger=None,
                                   trigger_start=None, trigger_end=None, context=None,
                                   actor_start=None, actor_end=None, actor_role=None, actor_resolved_by=None,
                                   recipient_start=None, recipient_end=None, recipient_role=None,
                                   recipient_resolved_by=None)  # fmt: skip
        event_rows["quad"] = event_rows["quad"].astype(object).where(event_rows["quad"].notna(), None)
        columns = [column.name for column in EVENT_COLUMNS_SQL]

        def write() -> int:
            with sqlite3.connect(path) as connection:
                for table, frame, names in (("articles", article_rows, [c.name for c in ARTICLE_COLUMNS]),
                                            ("events", event_rows, columns)):  # fmt: skip
                    placeholders = ", ".join("?" for _ in names)
                    quoted = ", ".join(quote_identifier(name) for name in names)
                    connection.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({placeholders})",
                                           frame[names].itertuples(index=False, name=None))  # fmt: skip
            return len(event_rows)

        timed("write events into SQLite (setup)", write, results)
        with open_store(path, create=False) as store:
            timed("Store.events() from SQLite", store.events, results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000, help="number of synthetic events")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sqlite", action="store_true", help="also time loading the events from a SQLite store")
    options = parser.parse_args()

    print(f"python {platform.python_version()}, pandas {pd.__version__}, {platform.machine()}, "
          f"{options.events:,} events, {len(load_registry())} alliances")  # fmt: skip
    results: dict[str, float] = {}
    events = timed("generate synthetic events (setup)", lambda: synthetic_events(options.events, options.seed),
                   results)  # fmt: skip
    prepared = timed("prepare: entities, days, duplicate clusters", lambda: prepare_events(events), results)
    print(f"{'':<42} {prepared['representative'].sum():>18,} distinct real-world events")
    timed("all dyad series, monthly", lambda: all_dyad_series(prepared, freq="M"), results)
    timed("all dyad series, weekly", lambda: all_dyad_series(prepared, freq="W"), results)
    timed("drift of every alliance's members, quarterly", lambda: all_alliance_drift(prepared, freq="Q"), results)
    timed("drift of every alliance's members, monthly", lambda: all_alliance_drift(prepared, freq="M"), results)
    core = (results["prepare: entities, days, duplicate clusters"] + results["all dyad series, monthly"]
            + results["drift of every alliance's members, quarterly"])  # fmt: skip
    verdict = "within" if core < TARGET_SECONDS else "OVER"
    print(f"{'prepare + monthly dyads + quarterly drift':<42} {core:7.2f} s  ({verdict} the {TARGET_SECONDS:.0f} s target)")
    if options.sqlite:
        sqlite_round_trip(events, results)


if __name__ == "__main__":
    main()
