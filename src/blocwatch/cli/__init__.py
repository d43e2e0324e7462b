"""The `blocwatch` command line. Each stage contributes its commands from its own module."""

from __future__ import annotations

import importlib

import click

from blocwatch import __version__

# Modules that define COMMANDS: a list of click commands added to the top-level group.
COMMAND_MODULES = (
    "blocwatch.cli.extract_cmd",
    "blocwatch.cli.store_cmds",
    "blocwatch.cli.eval_cmd",
    "blocwatch.cli.actors_cmds",
    "blocwatch.cli.analytics_cmds",
    "blocwatch.cli.demo_cmd",
    "blocwatch.cli.serve_cmd",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="blocwatch")
def main() -> None:
    """blocwatch: events, actors, quotes and alliance cohesion from geopolitical news."""


for _module_name in COMMAND_MODULES:
    for _command in importlib.import_module(_module_name).COMMANDS:
        main.add_command(_command)
