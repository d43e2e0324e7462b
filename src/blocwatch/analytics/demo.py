"""The CSTO section printed at the end of `blocwatch demo`."""

from __future__ import annotations

from typing import Any

import pandas as pd
from rich.console import Console
from rich.table import Table
from rich.text import Text

from blocwatch.analytics.alerts import detect_alerts
from blocwatch.analytics.drift import cohesion, member_drift

DEMO_ALLIANCE = "CSTO"
DEMO_MEMBER = "ARM"


def drift_style(value: float) -> str:
    if pd.isna(value):
        return "dim"
    if value >= 1.0:
        return "bold red"
    if value >= 0.5:
        return "yellow"
    if value <= -0.25:
        return "green"
    return ""


def standing_table(drift: pd.DataFrame, alliance: str, title: str | None = None) -> Table:
    """Quarters down, members across: drift per quarter, with the registry status whenever it is not 'member'."""
    table = Table(title=title or f"{alliance}: members' standing by quarter (drift > 0 = leaning away)",
                  title_justify="left")  # fmt: skip
    members = sorted(drift["member"].unique())
    table.add_column("quarter")
    for member in members:
        table.add_column(member, justify="right")
    table.add_column("cohesion", justify="right")
    table.add_column("most drifting")
    summary = cohesion(pd.DataFrame(), alliance, drift=drift).set_index("period")
    for period, rows in drift.groupby("period", sort=True):
        by_member = rows.set_index("member")
        cells: list[Text] = [Text(str(period))]
        for member in members:
            if member not in by_member.index:
                cells.append(Text(""))
                continue
            row = by_member.loc[member]
            status = row["status"]
            if status is None or pd.isna(status):
                cells.append(Text("—", style="dim"))
                continue
            label = f"{row['drift']:+.2f}" if pd.notna(row["drift"]) else status
            if status != "member":
                label += f" {status}"
            cells.append(Text(label, style=drift_style(row["drift"])))
        if period in summary.index:
            cells.append(Text(f"{summary.loc[period, 'cohesion']:+.2f}"))
            leader = summary.loc[period, "most_drifting"]
            cells.append(Text("" if pd.isna(leader) else str(leader)))
        else:
            cells.extend([Text(""), Text("")])
        table.add_row(*cells)
    return table


def print_alert(console: Console, alert: dict[str, Any]) -> None:
    console.print(Text(f"ALERT {alert['subject']} {alert['period']}", style="bold red"),
                  Text(f"(z = {alert['z']:+.1f})", style="dim"))  # fmt: skip
    console.print(Text(alert["headline"]))
    for number, item in enumerate(alert["evidence"], start=1):
        source = f"{item['article_id']}" + (f" “{item['title']}”" if item["title"] else "")
        others = [article for article in item["reported_by"] if article != item["article_id"]]
        console.print(Text(f"  {number}. [{item['date']}] {item['reason']} — {source}", style="cyan"))
        console.print(Text(f"     {item['evidence']}"))
        if others:
            console.print(Text(f"     also reported by: {', '.join(others)}", style="dim"))
        for quote in item["quotes"][:1]:
            console.print(Text(f"     quote: “{quote}”", style="italic"))


def demo_section(store: Any, console: Console) -> None:
    """Print the CSTO members' standing over time and the alerts on Armenia's drift, with their sentences."""
    events = store.events()
    if events.empty:
        console.print("No events in the store: nothing to say about alliances.")
        return
    quotes, articles = store.quotes(), store.articles()
    drift = member_drift(events, DEMO_ALLIANCE, freq="Q")
    console.rule(f"[bold]{DEMO_ALLIANCE} cohesion and member drift")
    console.print(standing_table(drift, DEMO_ALLIANCE))
    console.print(Text("drift = tone_gap + attention + boycotts + accusations + rival_deals + exit_talk "
                       "(see docs/analytics.md); `blocwatch alliance CSTO` shows every component.", style="dim"))
    alerts = detect_alerts(events, quotes, articles, alliances=(DEMO_ALLIANCE,), dyads=False)
    mine = alerts[alerts["subject"] == f"{DEMO_ALLIANCE}:{DEMO_MEMBER}"]
    if mine.empty:
        console.print(Text(f"No drift alert for {DEMO_MEMBER} in the {DEMO_ALLIANCE}.", style="yellow"))
    for alert in mine.sort_values("period_start").to_dict(orient="records"):
        console.print()
        print_alert(console, alert)
    console.print()
