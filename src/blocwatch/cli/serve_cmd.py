"""`blocwatch serve`: the REST API and the dashboard over a store, on this machine."""

from __future__ import annotations

import ipaddress

import click

from blocwatch.cli.options import db_option

LOOPBACK_NAMES = {"localhost"}


def _is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="address to listen on")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--create/--no-create",
    default=False,
    show_default=True,
    help="create an empty database when --db does not exist (to fill it through POST /api/ingest)",
)
def serve_command(db: str | None, host: str, port: int, create: bool) -> None:
    """Serve the REST API (/api/...) and the dashboard (/) with uvicorn."""
    import uvicorn

    from blocwatch.api import create_app
    from blocwatch.store import StoreError

    try:
        app = create_app(db, create=create)
    except StoreError as error:
        raise click.ClickException(f"{error} (use --create to start with an empty database)") from error
    if not _is_loopback(host):
        # The API has no authentication and POST /api/ingest writes to the database.
        click.echo(
            f"warning: listening on {host}, which is not a loopback address; anyone who can reach it can "
            "read the store and add articles",
            err=True,
        )
    shown_host = f"[{host}]" if ":" in host else host  # an IPv6 address needs brackets in a URL
    click.echo(
        f"blocwatch dashboard on http://{shown_host}:{port}/ (database {app.state.store.location})", err=True
    )
    uvicorn.run(app, host=host, port=port, log_level="info")


COMMANDS = [serve_command]
