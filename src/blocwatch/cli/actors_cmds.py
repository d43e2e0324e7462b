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


COMMANDS: list = [actors_group]
