"""A self-contained HTML report: dyad timelines, member drift over time, alerts with their evidence.

The page needs nothing from the network: the charts are SVG drawn here, the style sheet is inline, and there is
no script. Every piece of text that comes from articles or the store goes through ``html.escape``.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from blocwatch.analytics import (
    COMPONENTS,
    alliance_standing,
    cohesion,
    detect_alerts,
    dyad_series,
    member_drift,
    prepare_events,
)
from blocwatch.analytics.prepare import normalise_entity, reporting_window

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
           "#17becf")  # fmt: skip
CHART_WIDTH, CHART_HEIGHT = 760, 240
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 48, 110, 16, 44

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 980px;
       color: #222; line-height: 1.45; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2.2rem; }
table { border-collapse: collapse; font-size: .85rem; margin: .6rem 0; }
th, td { border: 1px solid #ddd; padding: .2rem .45rem; text-align: right; }
th:first-child, td:first-child, td.text { text-align: left; }
.muted { color: #666; font-size: .85rem; }
.alert { border-left: 4px solid #d62728; padding: .3rem .8rem; margin: 1rem 0; background: #fff7f7; }
.alert.cool { border-left-color: #2ca02c; background: #f6fff6; }
.evidence { margin: .3rem 0 .6rem 1rem; font-size: .9rem; }
.evidence blockquote { margin: .2rem 0 .2rem 1rem; color: #444; font-style: italic; }
svg text { font-family: inherit; font-size: 11px; fill: #333; }
"""


def esc(value: Any) -> str:
    """Text for HTML: None/NaN → "", everything else escaped (quotes too, so it is safe in attributes)."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    return html.escape(str(value), quote=True)


def _scale(values: Sequence[float], low: float, high: float) -> tuple[float, float]:
    finite = [v for v in values if v is not None and np.isfinite(v)]
    smallest, largest = (min(finite), max(finite)) if finite else (0.0, 1.0)
    smallest, largest = min(smallest, 0.0), max(largest, 0.0)
    if largest - smallest < 1e-9:
        largest = smallest + 1.0
    return smallest, largest


def line_chart(title: str, labels: Sequence[str], series: dict[str, Sequence[float]], y_label: str = "") -> str:
    """An SVG line chart: one line per named series over the same x labels; NaN breaks a line."""
    plot_w = CHART_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    every = [v for values in series.values() for v in values]
    low, high = _scale(every, 0, 0)
    count = max(len(labels), 1)
    x, y = _frame(count, low, high)
    parts = [_svg_open(title)]
    parts.append(_axes(labels, low, high, x, y, plot_w, y_label))
    for n, (name, values) in enumerate(series.items()):
        colour = PALETTE[n % len(PALETTE)]
        segments: list[list[str]] = [[]]
        for i, value in enumerate(values):
            if value is None or not np.isfinite(value):
                segments.append([])
                continue
            segments[-1].append(f"{x(i):.1f},{y(value):.1f}")
        for points in segments:
            if len(points) > 1:
                parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{" ".join(points)}"/>')
            for point in points:
                cx, cy = point.split(",")
                parts.append(f'<circle cx="{cx}" cy="{cy}" r="2.5" fill="{colour}"/>')
        legend_y = MARGIN_TOP + 14 * n + 8
        parts.append(_legend_entry(legend_y, colour, name))
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(title: str, labels: Sequence[str], up: Sequence[float], down: Sequence[float],
              up_name: str, down_name: str) -> str:  # fmt: skip
    """An SVG chart of two counts per period: `up` drawn above the axis (green), `down` below it (red)."""
    plot_w = CHART_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    low, high = _scale([*up, *(-v for v in down)], 0, 0)
    count = max(len(labels), 1)
    bar = max(plot_w / count * 0.7, 1.0)
    x, y = _frame(count, low, high)
    parts = [_svg_open(title)]
    parts.append(_axes(labels, low, high, x, y, plot_w, "events"))
    for i, (above, below) in enumerate(zip(up, down, strict=True)):
        if above:
            parts.append(f'<rect x="{x(i) - bar / 2:.1f}" y="{y(above):.1f}" width="{bar:.1f}" '
                         f'height="{y(0) - y(above):.1f}" fill="#2ca02c"><title>{esc(labels[i])}: {above:g} '
                         f'{esc(up_name)}</title></rect>')  # fmt: skip
        if below:
            parts.append(f'<rect x="{x(i) - bar / 2:.1f}" y="{y(0):.1f}" width="{bar:.1f}" '
                         f'height="{y(-below) - y(0):.1f}" fill="#d62728"><title>{esc(labels[i])}: {below:g} '
                         f'{esc(down_name)}</title></rect>')  # fmt: skip
    for n, (name, colour) in enumerate(((up_name, "#2ca02c"), (down_name, "#d62728"))):
        legend_y = MARGIN_TOP + 14 * n + 8
        parts.append(_legend_entry(legend_y, colour, name))
    parts.append("</svg>")
    return "".join(parts)


def _frame(count: int, low: float, high: float) -> tuple[Callable[[int], float], Callable[[float], float]]:
    """Screen x of the i-th of `count` periods and screen y of a value on the [low, high] scale."""
    count = max(count, 1)
    plot_w = CHART_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = CHART_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

    def x(i: int) -> float:
        return MARGIN_LEFT + (plot_w * (i + 0.5) / count)

    def y(v: float) -> float:
        return MARGIN_TOP + plot_h * (1 - (v - low) / (high - low))

    return x, y


def _svg_open(title: str) -> str:
    width, height = CHART_WIDTH, CHART_HEIGHT
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img" aria-label="{esc(title)}"><title>{esc(title)}</title>')


def _legend_entry(legend_y: float, colour: str, name: str) -> str:
    left = CHART_WIDTH - MARGIN_RIGHT
    return (f'<rect x="{left + 10}" y="{legend_y - 8}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{left + 24}" y="{legend_y + 1}">{esc(name)}</text>')


def _axes(labels: Sequence[str], low: float, high: float, x: Any, y: Any, plot_w: float, y_label: str) -> str:
    parts = []
    for tick in np.linspace(low, high, 5):
        parts.append(f'<line x1="{MARGIN_LEFT}" x2="{MARGIN_LEFT + plot_w}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
                     f'stroke="#eee"/><text x="{MARGIN_LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">'
                     f"{tick:.2f}</text>")  # fmt: skip
    parts.append(f'<line x1="{MARGIN_LEFT}" x2="{MARGIN_LEFT + plot_w}" y1="{y(0):.1f}" y2="{y(0):.1f}" stroke="#999"/>')
    step = max(1, int(np.ceil(len(labels) / 12)))
    for i in range(0, len(labels), step):
        parts.append(f'<text x="{x(i):.1f}" y="{CHART_HEIGHT - MARGIN_BOTTOM + 16}" text-anchor="middle">'
                     f"{esc(labels[i])}</text>")  # fmt: skip
    if y_label:
        parts.append(f'<text x="{MARGIN_LEFT + 4}" y="{MARGIN_TOP + 10}" text-anchor="start">{esc(y_label)}</text>')
    return "".join(parts)


def _table(frame: pd.DataFrame, columns: Sequence[str], text_columns: Iterable[str] = ()) -> str:
    text_columns = set(text_columns)
    head = "".join(f"<th>{esc(column)}</th>" for column in columns)
    rows = []
    for record in frame.to_dict(orient="records"):
        cells = []
        for column in columns:
            value = record.get(column)
            shown = f"{value:+.2f}" if isinstance(value, float) and np.isfinite(value) else esc(value)
            css = ' class="text"' if column in text_columns else ""
            cells.append(f"<td{css}>{shown if isinstance(value, float) else esc(value)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _alliance_section(events: pd.DataFrame, code: str, on: str | None) -> str:
    drift = member_drift(events, code, freq="Q", on=on)
    if drift.empty:
        return f"<h2>{esc(code)}</h2><p class='muted'>No periods to score.</p>"
    labels = sorted(drift["period"].unique())
    pivot = drift.pivot(index="period", columns="member", values="drift").reindex(labels)
    lines = {member: pivot[member].tolist() for member in pivot.columns}
    summary = cohesion(events, code, drift=drift)
    standing = alliance_standing(events, code, on=on)
    window = reporting_window(events)
    standing_day = on or (window[1].date().isoformat() if window else dt.date.today().isoformat())
    parts = [f"<h2>{esc(code)}: cohesion and member drift</h2>",
             "<p class='muted'>Drift per member and quarter; above 0 the member leans away from the alliance "
             "(see docs/analytics.md for the formula). Empty where the state was not an active member.</p>",
             line_chart(f"{code} member drift by quarter", labels, lines, "drift"),
             line_chart(f"{code} cohesion by quarter", list(summary["period"]),
                        {"cohesion": summary["cohesion"].tolist()}, "cohesion"),
             f"<h3>Standing on {esc(standing_day)}</h3>",
             _table(standing, ["member", "status", "since", "period", *COMPONENTS, "drift", "drift_trend"],
                    ["member", "status", "since", "period"])]  # fmt: skip
    return "".join(parts)


def _dyad_section(events: pd.DataFrame, actor: str, recipient: str, freq: str) -> str:
    series = dyad_series(events, actor, recipient, freq=freq)
    a, b = normalise_entity(actor), normalise_entity(recipient)
    labels = list(series["period"])
    coop = (series["verbal_coop"] + series["material_coop"]).tolist()
    conflict = (series["verbal_conflict"] + series["material_conflict"]).tolist()
    active = series[(series["events"] > 0) | (series["signal_events"] > 0)]
    return "".join([
        f"<h2>{esc(a)} → {esc(b)}</h2>",
        f"<p class='muted'>{int(series['events'].sum())} asserted events (each real-world event once), "
        f"{int(series['signal_events'].sum())} negated, hypothetical or future ones counted apart.</p>",
        bar_chart(f"{a} to {b}: events per period", labels, coop, conflict, "cooperation", "conflict"),
        line_chart(f"{a} to {b}: Goldstein sum, adjusted to news volume", labels,
                   {"Goldstein (adj.)": series["goldstein_adj"].tolist()}, "Goldstein"),
        _table(active, ["period", "events", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
                        "goldstein_mean", "conflict_share", "goldstein_adj", "signal_events"], ["period"]),
    ])  # fmt: skip


def _alerts_section(alerts: pd.DataFrame) -> str:
    if alerts.empty:
        return "<h2>Alerts</h2><p class='muted'>No alerts.</p>"
    parts = ["<h2>Alerts</h2>", "<p class='muted'>A period whose value is beyond what the series' own recent "
             "history explains (z-score against the trailing periods, with a minimum change).</p>"]  # fmt: skip
    for alert in alerts.to_dict(orient="records"):
        cool = alert["change"] < 0 if alert["kind"] == "drift" else alert["change"] > 0
        parts.append(f"<div class='alert{' cool' if cool else ''}'><strong>{esc(alert['subject'])} — "
                     f"{esc(alert['period'])}</strong> <span class='muted'>z = {alert['z']:+.1f}</span>"
                     f"<p>{esc(alert['headline'])}</p>")  # fmt: skip
        for item in alert["evidence"]:
            source = esc(item["article_id"])
            if item.get("url", "").startswith(("http://", "https://")):
                source = f"<a href=\"{esc(item['url'])}\">{source}</a>"
            title = f" “{esc(item['title'])}”" if item.get("title") else ""
            others = [article for article in item["reported_by"] if article != item["article_id"]]
            parts.append(f"<div class='evidence'><span class='muted'>{esc(item['date'])} · {esc(item['reason'] or item['type'])}"
                         f" · {source}{title}</span><br>{esc(item['evidence'])}")  # fmt: skip
            if others:
                parts.append(f"<br><span class='muted'>also reported by {esc(', '.join(others))}</span>")
            for quote in item["quotes"][:2]:
                parts.append(f"<blockquote>“{esc(quote)}”</blockquote>")
            parts.append("</div>")
        parts.append("</div>")
    return "".join(parts)


def build_report(
    events: pd.DataFrame,
    quotes: pd.DataFrame | None = None,
    articles: pd.DataFrame | None = None,
    alliances: Sequence[str] = ("CSTO",),
    dyads: Sequence[tuple[str, str]] = (),
    freq: str = "M",
    on: str | None = None,
    title: str = "blocwatch report",
) -> str:
    """The report as one HTML string (no external resources)."""
    prepared = prepare_events(events)
    window = reporting_window(prepared)
    span = f"reported {window[0].date()} – {window[1].date()}" if window else "no dated events"
    alerts = detect_alerts(prepared, quotes, articles, alliances=tuple(alliances), dyads=bool(dyads))
    if dyads:
        wanted = {f"{normalise_entity(a)}→{normalise_entity(b)}" for a, b in dyads}
        alerts = alerts[(alerts["kind"] == "drift") | alerts["subject"].isin(wanted)]
    body = [
        f"<h1>{esc(title)}</h1>",
        f"<p class='muted'>{len(prepared)} events ({int(prepared['representative'].sum())} distinct real-world events) "
        f"from {prepared['article_id'].nunique()} articles, {esc(span)}. Generated "
        f"{esc(dt.datetime.now().strftime('%Y-%m-%d %H:%M'))}.</p>",
    ]  # fmt: skip
    body += [_alliance_section(prepared, code, on) for code in alliances]
    body += [_dyad_section(prepared, a, b, freq) for a, b in dyads]
    body.append(_alerts_section(alerts))
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{esc(title)}</title>"
        f"<style>{STYLE}</style></head><body>{''.join(body)}</body></html>\n"
    )


def write_report(path: str | Path, events: pd.DataFrame, **options: Any) -> Path:
    """Write build_report(...) to `path` (UTF-8) and return the path."""
    target = Path(path)
    target.write_text(build_report(events, **options), encoding="utf-8")
    return target
