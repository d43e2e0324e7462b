"""`blocwatch demo`: the main job on the bundled sample corpus, ending in an analyst's summary."""

from __future__ import annotations

import click
import pandas as pd
from rich.console import Console
from rich.markup import escape
from rich.table import Table

console = Console()

COOPERATION_QUADS = (1, 2)
CONFLICT_QUADS = (3, 4)


def _side(frame: pd.DataFrame, prefix: str) -> pd.Series:
    """A readable label per event side: the country (or organisation) an actor belongs to."""
    org = frame[f"{prefix}_org"].where(frame[f"{prefix}_kind"] == "igo")
    country = frame[f"{prefix}_country"].where(frame[f"{prefix}_country"] != "IGO")
    return org.fillna(country).fillna(frame[f"{prefix}_name"])


def dyad_table(events: pd.DataFrame, quads: tuple[int, ...], title: str, top: int = 8) -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("actor", "recipient", "events", "mean Goldstein", "example"):
        table.add_column(column, overflow="fold")
    asserted = events[(events["modality"] == "asserted") & events["quad"].isin(quads)].copy()
    asserted = asserted[asserted["recipient_name"].notna()]
    if asserted.empty:
        return table
    asserted["a"] = _side(asserted, "actor")
    asserted["r"] = _side(asserted, "recipient")
    asserted = asserted[asserted["a"] != asserted["r"]]
    grouped = asserted.groupby(["a", "r"])
    summary = grouped.agg(n=("event_id", "count"), goldstein=("goldstein", "mean")).sort_values("n", ascending=False)
    for (actor, recipient), row in summary.head(top).iterrows():
        example = grouped.get_group((actor, recipient)).sort_values("confidence", ascending=False).iloc[0]
        table.add_row(escape(str(actor)), escape(str(recipient)), str(int(row["n"])), f"{row['goldstein']:+.1f}",
                      escape(_short(example["evidence"])))
    return table


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def actors_table(events: pd.DataFrame, top: int = 10) -> Table:
    table = Table(title="Most active actors (asserted events as actor)", title_justify="left")
    for column in ("actor", "kind", "country", "events", "cooperation", "conflict"):
        table.add_column(column)
    # Events whose actor the coder could not name would otherwise show up as a "nan" actor at the top.
    asserted = events[(events["modality"] == "asserted") & events["actor_name"].notna()]
    counts = asserted.groupby(["actor_id", "actor_name", "actor_kind", "actor_country"], dropna=False).agg(
        n=("event_id", "count"),
        coop=("quad", lambda q: int(q.isin(COOPERATION_QUADS).sum())),
        conflict=("quad", lambda q: int(q.isin(CONFLICT_QUADS).sum())),
    ).sort_values("n", ascending=False)
    for (_, name, kind, country), row in counts.head(top).iterrows():
        table.add_row(escape(str(name)), str(kind), str(country), str(row["n"]), str(row["coop"]), str(row["conflict"]))
    return table


def quotes_table(quotes: pd.DataFrame, top: int = 6) -> Table:
    table = Table(title="Notable quotes", title_justify="left")
    table.add_column("speaker")
    table.add_column("quote", overflow="fold")
    table.add_column("article")
    if quotes.empty:
        return table
    direct = quotes[(quotes["direct"].astype(bool)) & quotes["speaker_name"].notna()].copy()
    direct["length"] = direct["text"].str.len()
    direct = direct[(direct["length"] > 60)].sort_values("length", ascending=False)
    seen: set[str] = set()
    for _, row in direct.iterrows():
        if row["speaker_name"] in seen:
            continue
        seen.add(row["speaker_name"])
        table.add_row(escape(str(row["speaker_name"])), escape(_short(row["text"], 160)), str(row["article_id"]))
        if len(seen) >= top:
            break
    return table


@click.command("demo")
@click.option("--db", envvar="BLOCWATCH_DB", default="blocwatch-demo.db", show_default=True,
              type=click.Path(dir_okay=False), help="store to fill with the sample corpus")
def demo_command(db: str) -> None:
    """Ingest the bundled sample corpus and print an analyst's summary."""
    from blocwatch.cli.extract_cmd import ingest_paths
    from blocwatch.samples import sample_paths
    from blocwatch.store import open_store

    paths = [str(p) for p in sample_paths()]
    console.rule("[bold]blocwatch demo")
    console.print(f"Ingesting the bundled sample corpus ({len(paths)} files) into {escape(db)} …")
    summary = ingest_paths(paths, db)
    console.print(
        f"{summary['stored']} articles stored ({summary['duplicates']} already present), "
        f"{summary['events']} events, {summary['quotes']} quotes, {summary['rejected']} rejected."
    )
    with open_store(db) as store:
        events = store.events()
        quotes = store.quotes()
        console.print(f"The store holds {len(events)} events from {events['article_id'].nunique()} articles.\n")
        console.print(dyad_table(events, COOPERATION_QUADS, "Top cooperative dyads (asserted events)"))
        console.print(dyad_table(events, CONFLICT_QUADS, "Top conflictual dyads (asserted events)"))
        console.print(actors_table(events))
        console.print(quotes_table(quotes))
        _alliance_epilogue(store)
    console.print("\nNext: `blocwatch events --actor ARM --recipient CSTO`, `blocwatch show ARTICLE_ID`, "
                  "`blocwatch export --format csv --output events.csv`.")


def _alliance_epilogue(store: object) -> None:
    """The CSTO section, once the analytics stage provides it."""
    try:
        from blocwatch.analytics import demo_section
    except ImportError:
        return
    demo_section(store, console)


COMMANDS = [demo_command]
