"""CLI commands (filled in by its stage)."""

COMMANDS: list = []
