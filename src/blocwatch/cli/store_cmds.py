"""Commands that read the store: events, show, export, rejects, articles."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

import click
import pandas as pd
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from blocwatch.cli.options import db_option, format_choice
from blocwatch.store import EXPORT_FORMATS, Store, StoreError, open_store

OUTPUT_FORMATS = ("table", "jsonl", "csv")
EVIDENCE_WIDTH = 80

format_option = format_choice(OUTPUT_FORMATS)


def _console() -> Console:
    # Stored text is untrusted: no emoji codes or automatic highlighting applied to it.
    return Console(highlight=False, emoji=False, soft_wrap=False)


def _open(db: str | None) -> Store:
    try:
        return open_store(db, create=False)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def _shorten(text: Any, width: int = EVIDENCE_WIDTH) -> str:
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _plain(value: Any) -> Any:
    """A JSON-ready Python value from a pandas cell (NA → None, numpy scalars → Python)."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _emit_frame(
    frame: pd.DataFrame, output_format: str, table_builder: Callable[[pd.DataFrame], Table]
) -> None:
    if output_format == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
    elif output_format == "jsonl":
        for record in frame.to_dict(orient="records"):
            click.echo(json.dumps({k: _plain(v) for k, v in record.items()}, ensure_ascii=False))
    else:
        _console().print(table_builder(frame))


def _cell(value: Any) -> Text:
    # Text objects are never parsed as markup, unlike plain strings in a rich Table.
    return Text(_shorten(value, 10_000))


def _actor_label(row: dict[str, Any], prefix: str) -> str:
    code = _plain(row.get(f"{prefix}_country")) or _plain(row.get(f"{prefix}_org"))
    name = (
        _plain(row.get(f"{prefix}_name"))
        or _plain(row.get(f"{prefix}_text"))
        or _plain(row.get(f"{prefix}_id"))
    )
    if name is None:
        return code or "—"
    kind = _plain(row.get(f"{prefix}_kind"))
    if kind in ("state", "igo") and code:
        return code
    return f"{name} ({code})" if code and code != name else name


def _events_table(frame: pd.DataFrame, title: str = "events", numbered: bool = False) -> Table:
    table = Table(title=title)
    if numbered:
        table.add_column("#", justify="right")
    for column in ("actor → recipient", "type", "cameo", "date", "modality"):
        table.add_column(column, overflow="fold")
    table.add_column("evidence", overflow="fold", ratio=1)
    for n, row in enumerate(frame.to_dict(orient="records")):
        date = _plain(row["date"]) or _plain(row["article_date"])
        cells = [
            Text(f"{_actor_label(row, 'actor')} → {_actor_label(row, 'recipient')}"),
            _cell(row["type"]),
            _cell(row["cameo"]),
            _cell(date),
            _cell(row["modality"]),
            Text(_shorten(row["evidence"])),
        ]
        table.add_row(*([Text(f"e{n}")] if numbered else []), *cells)
    return table


def _simple_table(
    title: str, columns: list[str], shorten: dict[str, int] | None = None
) -> Callable[[pd.DataFrame], Table]:
    shorten = shorten or {}

    def build(frame: pd.DataFrame) -> Table:
        table = Table(title=title)
        for column in columns:
            table.add_column(column, overflow="fold")
        for record in frame.to_dict(orient="records"):
            table.add_row(*(Text(_shorten(_plain(record[c]), shorten.get(c, 10_000))) for c in columns))
        return table

    return build


def _run_query(action: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    try:
        return action()
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command("events")
@db_option
@click.option("--actor", multiple=True, help="ISO3 code, organisation code, actor id or name (repeatable)")
@click.option("--recipient", multiple=True, help="as --actor, for the event's recipient (repeatable)")
@click.option("--type", "event_type", multiple=True, help="PLOVER type (e.g. CONSULT) or CAMEO code prefix")
@click.option("--since", help="first date kept: YYYY, YYYY-MM or YYYY-MM-DD")
@click.option("--until", help="last date kept: YYYY, YYYY-MM or YYYY-MM-DD")
@click.option("--modality", multiple=True, help="asserted, negated, hypothetical or future (repeatable)")
@click.option("--limit", type=click.IntRange(min=0), help="at most this many events")
@format_option
def events_command(
    db: str | None,
    actor: tuple[str, ...],
    recipient: tuple[str, ...],
    event_type: tuple[str, ...],
    since: str | None,
    until: str | None,
    modality: tuple[str, ...],
    limit: int | None,
    output_format: str,
) -> None:
    """List stored events, filtered."""
    with _open(db) as store:
        frame = _run_query(
            lambda: store.events(
                actor=actor or None,
                recipient=recipient or None,
                type=event_type or None,
                since=since,
                until=until,
                modality=modality or None,
                limit=limit,
            )
        )
    _emit_frame(frame, output_format, _events_table)


def highlighted_body(text: str, events: list[dict[str, Any]]) -> tuple[str, int]:
    """Rich markup of `text` with each event's evidence span highlighted and labelled with its number.

    Returns the markup and how many events had spans that do not fit the text (those are not shown).
    """
    spans: list[tuple[int, int, list[int]]] = []
    misplaced = 0
    for n, event in enumerate(events):
        start, end = event.get("start"), event.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
            misplaced += 1
            continue
        spans.append((start, end, [n]))
    spans.sort()
    merged: list[tuple[int, int, list[int]]] = []
    for start, end, numbers in spans:
        if merged and start < merged[-1][1]:
            last_start, last_end, last_numbers = merged[-1]
            merged[-1] = (last_start, max(last_end, end), last_numbers + numbers)
        else:
            merged.append((start, end, numbers))
    pieces: list[str] = []
    position = 0
    for start, end, numbers in merged:
        pieces.append(escape(text[position:start]))
        labels = ",".join(f"e{n}" for n in numbers)
        pieces.append(f"[black on yellow]{escape(text[start:end])}[/][dim]⟨{labels}⟩[/]")
        position = end
    pieces.append(escape(text[position:]))
    return "".join(pieces), misplaced


@click.command("show")
@db_option
@click.argument("article_id")
def show_command(db: str | None, article_id: str) -> None:
    """Show one stored article: its text with event evidence highlighted, then its events, quotes and actors."""
    with _open(db) as store:
        article = store.article(article_id)
        if article is None:
            raise click.ClickException(f"no article with id {article_id!r} in {store.location}")
        events = store.events(article_id=article["id"])
    console = _console()
    console.print(Text(article["title"] or "(untitled)", style="bold"))
    console.print(
        Text(" · ".join(str(v) for v in (article["id"], article["date"], article["url"]) if v), style="dim")
    )
    console.print()
    body, misplaced = highlighted_body(article["text"], article["events"])
    console.print(body)
    if misplaced:
        console.print(
            Text(f"({misplaced} event span(s) lie outside the text and are not highlighted)", style="red")
        )
    console.print()
    console.print(_events_table(events, title=f"events ({len(events)})", numbered=True))

    quotes = Table(title=f"quotes ({len(article['quotes'])})")
    for column in ("#", "speaker", "direct", "cue", "quote"):
        quotes.add_column(column, overflow="fold")
    for n, quote in enumerate(article["quotes"]):
        speaker = quote["speaker"]
        speaker_label = (speaker or {}).get("name") or quote["speaker_text"] or "—"
        quotes.add_row(
            Text(f"q{n}"), Text(speaker_label), Text("yes" if quote["direct"] else "no"),
            _cell(quote["cue"]), Text(_shorten(quote["text"])),
        )  # fmt: skip
    console.print(quotes)

    actors = Table(title=f"actor mentions ({len(article['actors'])})")
    for column in ("text", "id", "kind", "country", "org", "span"):
        actors.add_column(column, overflow="fold")
    for mention in article["actors"]:
        actors.add_row(
            _cell(mention["text"]), _cell(mention["id"]), _cell(mention["kind"]), _cell(mention["country"]),
            _cell(mention["org"]), Text(f"{mention['start']}–{mention['end']}"),
        )  # fmt: skip
    console.print(actors)


@click.command("export")
@db_option
@click.option("--format", "export_format", type=click.Choice(EXPORT_FORMATS), required=True)
@click.option(
    "--output", "-o", "output", type=click.Path(dir_okay=False), required=True, help="file to write"
)
def export_command(db: str | None, export_format: str, output: str) -> None:
    """Write every stored event as PLOVER JSON lines, CSV or Parquet."""
    with _open(db) as store:
        try:
            written = store.export(output, export_format)
        except (ValueError, OSError) as exc:
            raise click.ClickException(f"cannot export to {output}: {exc}") from exc
    click.echo(f"wrote {written} events to {output} ({export_format})", err=True)


@click.command("rejects")
@db_option
@format_option
def rejects_command(db: str | None, output_format: str) -> None:
    """List inputs that were rejected, with the reason."""
    with _open(db) as store:
        frame = store.rejects()
    _emit_frame(
        frame,
        output_format,
        _simple_table(f"rejected inputs ({len(frame)})", ["source", "reason", "item_id", "sample", "rejected_at"],
                      {"sample": 60}),
    )  # fmt: skip


@click.command("articles")
@db_option
@format_option
def articles_command(db: str | None, output_format: str) -> None:
    """List stored articles with their event and quote counts."""
    with _open(db) as store:
        frame = store.articles()
    _emit_frame(
        frame,
        output_format,
        _simple_table(f"articles ({len(frame)})", ["article_id", "title", "date", "source", "n_events", "n_quotes"],
                      {"title": 60}),
    )  # fmt: skip


COMMANDS: list[click.Command] = [
    events_command,
    show_command,
    export_command,
    rejects_command,
    articles_command,
]
