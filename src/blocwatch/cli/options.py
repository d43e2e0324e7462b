"""Options shared by the commands that read or write the store."""

from __future__ import annotations

import click

db_option = click.option(
    "--db",
    "db",
    envvar="BLOCWATCH_DB",
    default=None,
    metavar="PATH",
    help="SQLite file or postgresql:// URL [default: $BLOCWATCH_DB or ~/.local/share/blocwatch/blocwatch.db]",
)


def format_choice(formats: tuple[str, ...]):  # noqa: ANN201 - a click decorator
    """`--format` with the given choices, "table" first and the default."""
    return click.option("--format", "output_format", type=click.Choice(formats), default="table", show_default=True)
