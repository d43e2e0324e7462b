"""Analytics commands: relations, alliance, alerts, report."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import pandas as pd
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from blocwatch.cli.options import db_option, format_choice

OUTPUT_FORMATS = ("table", "json", "csv")

format_option = format_choice(OUTPUT_FORMATS)
FREQ_CHOICES = click.Choice(["week", "month", "quarter", "year"])


def _console() -> Console:
    # Stored text is untrusted: no markup, emoji codes or highlighting applied to it.
    return Console(highlight=False, emoji=False)


def _load(db: str | None, with_text: bool = False) -> tuple[pd.DataFrame, pd.DataFrame | None, pd.DataFrame | None]:
    from blocwatch.store import StoreError, open_store

    try:
        with open_store(db, create=False) as store:
            events = store.events()
            if not with_text:
                return events, None, None
            return events, store.quotes(), store.articles()
    except StoreError as error:
        raise click.ClickException(str(error)) from error


def _run(action: Callable[[], Any]) -> Any:
    from blocwatch.analytics import AnalyticsInputError

    try:
        return action()
    except (AnalyticsInputError, ValueError, KeyError) as error:
        raise click.BadParameter(str(error.args[0] if error.args else error)) from error


def _plain(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if hasattr(value, "item"):
        return value.item()
    return value


def _emit(frame: pd.DataFrame, output_format: str, table: Callable[[pd.DataFrame], Table]) -> None:
    if output_format == "json":
        records = [{key: _plain(value) for key, value in row.items()} for row in frame.to_dict(orient="records")]
        click.echo(json.dumps(records, ensure_ascii=False, indent=1))
    elif output_format == "csv":
        flat = frame.copy()
        for column in flat.columns:
            if flat[column].map(lambda v: isinstance(v, list | dict)).any():
                flat[column] = flat[column].map(lambda v: json.dumps(_plain(v), ensure_ascii=False))
        click.echo(flat.to_csv(index=False), nl=False)
    else:
        _console().print(table(frame))


def _number(value: Any, signed: bool = True) -> Text:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return Text("")
    if isinstance(value, float):
        return Text(f"{value:+.2f}" if signed else f"{value:.2f}")
    return Text(str(value))


def _frame_table(title: str, columns: list[str], headers: dict[str, str] | None = None) -> Callable[[pd.DataFrame], Table]:
    headers = headers or {}

    def build(frame: pd.DataFrame) -> Table:
        table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
        for column in columns:
            numeric = pd.api.types.is_numeric_dtype(frame[column]) if column in frame else False
            widest = int(frame[column].astype("string").str.len().max()) if len(frame) and not numeric else 0
            table.add_column(headers.get(column, column), justify="right" if numeric else "left", no_wrap=True,
                             min_width=max(len(headers.get(column, column)), 5) if numeric else min(widest, 12) or None)
        for row in frame.to_dict(orient="records"):
            table.add_row(*(_number(row[column]) for column in columns))
        return table

    return build


# Short headers keep the tables readable in an 80-column terminal.
SERIES_HEADERS = {"events": "events", "cooperation": "coop", "conflict": "confl", "goldstein_mean": "gold",
                  "conflict_share": "confl%", "volume": "volume", "goldstein_adj": "gold adj", "signal_events": "signal"}
COMPONENT_HEADERS = {"member": "state", "tone_gap": "tone", "attention": "attn", "boycotts": "boyc", "accusations": "accus",
                     "rival_deals": "rival", "exit_talk": "exit", "drift_trend": "trend"}


@click.command("relations")
@click.argument("actor")
@click.argument("recipient")
@click.option("--freq", type=FREQ_CHOICES, default="month", show_default=True)
@click.option("--undirected", is_flag=True, help="sum both directions (A→B and B→A)")
@click.option("--sector", help="only events whose acting person or body is in this sector (GOV, MIL, ...)")
@click.option("--all-periods", is_flag=True, help="table: also list periods without events")
@db_option
@format_option
def relations_command(actor: str, recipient: str, freq: str, undirected: bool, sector: str | None,
                      all_periods: bool, db: str | None, output_format: str) -> None:  # fmt: skip
    """The dyad series ACTOR → RECIPIENT (ISO3 or organisation codes, e.g. ARM CSTO) per period."""
    from blocwatch.analytics import dyad_series

    events, _, _ = _load(db)
    series = _run(lambda: dyad_series(events, actor, recipient, freq=freq, directed=not undirected, sector=sector))
    columns = ["period", "events", "cooperation", "conflict", "goldstein_mean", "conflict_share", "volume",
               "goldstein_adj", "signal_events"]  # fmt: skip
    shown = series.assign(cooperation=series["verbal_coop"] + series["material_coop"],
                          conflict=series["verbal_conflict"] + series["material_conflict"])  # fmt: skip
    if not all_periods:
        shown = shown[(shown["events"] > 0) | (shown["signal_events"] > 0)]
    arrow = "↔" if undirected else "→"
    _emit(shown if output_format == "table" else series.drop(columns=["period_start"]), output_format,
          _frame_table(f"{series['actor'].iat[0] if len(series) else actor} {arrow} "
                       f"{series['recipient'].iat[0] if len(series) else recipient} per {freq} "
                       "(asserted events, each real-world event once; signal = negated/hypothetical/future)",
                       columns, SERIES_HEADERS))  # fmt: skip


@click.command("alliance")
@click.argument("code")
@click.option("--on", "on", help="date of the standing (YYYY-MM-DD) [default: the last article date]")
@click.option("--freq", type=FREQ_CHOICES, default="quarter", show_default=True)
@click.option("--history", is_flag=True, help="json/csv: every member and period instead of the standing on --on")
@db_option
@format_option
def alliance_command(code: str, on: str | None, freq: str, history: bool, db: str | None, output_format: str) -> None:
    """Members' standing in alliance CODE (registry status + drift components) and drift over time."""
    from blocwatch.analytics import COMPONENTS, alliance_standing, member_drift
    from blocwatch.analytics.demo import standing_table

    events, _, _ = _load(db)
    standing = _run(lambda: alliance_standing(events, code, on=on, freq=freq))
    if output_format != "table":
        frame = _run(lambda: member_drift(events, code, on=on, freq=freq)) if history else standing
        _emit(frame, output_format, _frame_table("", list(frame.columns)))
        return
    drift = _run(lambda: member_drift(events, code, on=on, freq=freq))
    console = _console()
    console.print(_frame_table(f"{code.upper()}: standing (registry status, drift components of the last {freq})",
                               ["member", "status", *COMPONENTS, "drift", "drift_trend"],
                               COMPONENT_HEADERS)(standing))
    if not drift.empty:
        console.print(standing_table(drift, code.upper(), f"{code.upper()}: drift per member and {freq}"))


@click.command("alerts")
@click.option("--since", help="only alerts of periods ending on or after this date (YYYY-MM-DD)")
@click.option("--alliance", "alliances", multiple=True, help="alliance whose members' drift is watched "
              "(repeatable) [default: every alliance in the registry]")  # fmt: skip
@click.option("--no-dyads", is_flag=True, help="only drift alerts")
@click.option("--evidence", "max_evidence", type=click.IntRange(0, 50), default=5, show_default=True,
              help="evidence items per alert")  # fmt: skip
@db_option
@format_option
def alerts_command(since: str | None, alliances: tuple[str, ...], no_dyads: bool, max_evidence: int,
                   db: str | None, output_format: str) -> None:  # fmt: skip
    """Changes in dyad series or member drift beyond what their own history explains, with evidence."""
    from blocwatch.analytics import detect_alerts

    events, quotes, articles = _load(db, with_text=True)
    alerts = _run(lambda: detect_alerts(events, quotes, articles, alliances=alliances or None, dyads=not no_dyads,
                                        since=since, max_evidence=max_evidence))  # fmt: skip
    if output_format != "table":
        _emit(alerts, output_format, _frame_table("", []))
        return
    from blocwatch.analytics.demo import print_alert

    console = _console()
    if alerts.empty:
        console.print("No alerts.")
    for alert in alerts.to_dict(orient="records"):
        print_alert(console, alert)
        console.print()


def _dyad_pair(text: str) -> tuple[str, str]:
    actor, separator, recipient = text.partition(":")
    if not separator or not actor.strip() or not recipient.strip():
        raise click.BadParameter(f"--dyad {text!r}: expected ACTOR:RECIPIENT, e.g. ARM:RUS")
    return actor.strip(), recipient.strip()


@click.command("report")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False), required=True, help="HTML file to write")
@click.option("--alliance", "alliances", multiple=True, help="alliance to chart (repeatable) [default: CSTO]")
@click.option("--dyad", "dyads", multiple=True, help="ACTOR:RECIPIENT dyad to chart, e.g. ARM:RUS (repeatable)")
@click.option("--freq", type=FREQ_CHOICES, default="month", show_default=True, help="period of the dyad charts")
@click.option("--on", "on", help="date of the alliance standing (YYYY-MM-DD) [default: the last article date]")
@db_option
def report_command(output: str, alliances: tuple[str, ...], dyads: tuple[str, ...], freq: str, on: str | None,
                   db: str | None) -> None:  # fmt: skip
    """Write a self-contained HTML report (charts and alerts) that opens offline."""
    from blocwatch.web.report import write_report

    pairs = [_dyad_pair(text) for text in dyads]
    events, quotes, articles = _load(db, with_text=True)
    try:
        path = _run(lambda: write_report(output, events, quotes=quotes, articles=articles,
                                         alliances=alliances or ("CSTO",), dyads=pairs, freq=freq, on=on))  # fmt: skip
    except OSError as error:
        raise click.ClickException(f"cannot write {output}: {error}") from error
    click.echo(f"wrote {Path(path)}", err=True)


COMMANDS: list[click.Command] = [relations_command, alliance_command, alerts_command, report_command]
