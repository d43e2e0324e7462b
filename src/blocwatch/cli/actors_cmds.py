"""`blocwatch actors ...`: look names up in the actor knowledge base."""

from __future__ import annotations

import json

import click

from blocwatch.actors import KnowledgeBaseError, load_kb
from blocwatch.actors.kb import parse_date


@click.group(name="actors")
def actors_group() -> None:
    """The actor knowledge base: states, organisations, armed groups and office holders."""


@actors_group.command(name="lookup")
@click.argument("name")
@click.option("--on", "on", default=None, metavar="DATE", help="Date (YYYY-MM-DD) for people's offices.")
@click.option("--office", default=None, help="With a country code as NAME: who held this office on --on.")
def lookup_command(name: str, on: str | None, office: str | None) -> None:
    """What NAME stands for (one JSON object per line): "Kremlin", "CSTO", "Putin".

    With --office (head_of_state, head_of_government, foreign_minister, defence_minister, ...), NAME is a
    country code and the answer is the office holder on --on.
    """
    try:
        when = parse_date(on)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--on") from exc
    try:
        kb = load_kb()
    except KnowledgeBaseError as exc:
        raise click.ClickException(str(exc)) from exc
    if office:
        if when is None:
            raise click.BadParameter("--office needs --on DATE", param_hint="--on")
        holder = kb.office_holder(name, office, when)
        if holder is None:
            raise click.ClickException(
                f"no {office} of {name.upper()} on {when.isoformat()} in the knowledge base"
            )
        click.echo(json.dumps({"person_id": holder.person_id, "name": holder.name}, ensure_ascii=False))
        return
    entries = kb.lookup(name, when)
    if not entries:
        people = kb.people_named(name)
        entries = [e for p in people for e in kb.lookup(p.name, when)]
    if not entries:
        raise click.ClickException(f"{name!r} is not in the knowledge base")
    for entry in entries:
        record = {
            "id": entry.actor_id,
            "kind": entry.kind,
            "name": entry.name,
            "matched": entry.matched_field,
            "country": entry.country,
            "sector": entry.sector,
            "org": entry.org,
            "office": entry.office,
            "title": entry.title,
            "in_office": entry.in_office if entry.kind == "person" else None,
        }
        click.echo(json.dumps(record, ensure_ascii=False))


@click.command("alliances")
@click.argument("code", required=False)
@click.option("--on", "on", default=None, help="date (YYYY-MM-DD); default today")
@click.option("--history", is_flag=True, help="every membership change with its date and source")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def alliances_command(code: str | None, on: str | None, history: bool, fmt: str) -> None:
    """The alliance registry: every alliance, or CODE's members and their standing on a date."""
    import datetime as dt

    import pandas as pd
    from rich.console import Console
    from rich.table import Table

    from blocwatch.actors import alliances as registry

    when = on or dt.date.today().isoformat()
    try:
        if code is None:
            rows = [
                {"code": a.code, "name": a.name, "kind": a.kind, "leader": a.leader, "rivals": ",".join(a.rivals),
                 "members": len(a.members(when)), "all_statuses": len(a.countries())}
                for a in registry.load_registry().values()
            ]
        elif history:
            rows = registry.history_frame(code).astype(str).to_dict("records")
        else:
            entry = registry.alliance(code)
            rows = []
            for country in entry.countries():
                status = entry.status_of(country, when)
                if status is None:
                    continue
                changes = [c for c in entry.history(country) if c.date.isoformat() <= when]
                rows.append({"country": country, "status": status, "since": changes[-1].date.isoformat(),
                             "source": changes[-1].source})
    except (KeyError, ValueError) as exc:
        raise click.ClickException(str(exc.args[0] if exc.args else exc)) from exc
    frame = pd.DataFrame(rows)
    if fmt == "json":
        click.echo(frame.to_json(orient="records", force_ascii=False))
        return
    if fmt == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
        return
    title = f"{code.upper()} on {when}" if code and not history else (f"{code.upper()}: history" if code else f"alliances on {when}")
    table = Table(title=title, title_justify="left")
    for column in frame.columns:
        table.add_column(str(column), overflow="fold")
    for row in frame.itertuples(index=False):
        table.add_row(*(str(v) for v in row))
    Console().print(table)


COMMANDS: list = [actors_group, alliances_command]
