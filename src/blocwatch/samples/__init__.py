"""The bundled sample corpus: invented news articles that feed the demo and the tests.

The articles follow real events of 2022-2025 in the South Caucasus and around the CSTO, but every word was written
for this project; none of it is real reporting. See README.md in this folder for the storyline.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SAMPLES_DIR: Path = Path(__file__).resolve().parent
ARTICLES_PATH: Path = SAMPLES_DIR / "articles.jsonl"
FILES_DIR: Path = SAMPLES_DIR / "files"

# One real-world event (Armenia staying away from the CSTO summit in Minsk, 2023-11-23) told by three outlets,
# so that analytics can be checked for counting it once.
DUPLICATE_COVERAGE_IDS: tuple[str, ...] = ("sample-025", "sample-026", "sample-027")

REQUIRED_FIELDS: tuple[str, ...] = ("id", "title", "date", "outlet", "url", "text")
_STANDALONE_SUFFIXES = (".txt", ".html")


def sample_paths() -> list[Path]:
    """The JSONL corpus followed by the standalone scraped-page files (.txt, .html), in name order."""
    standalone = sorted(p for p in FILES_DIR.iterdir() if p.suffix in _STANDALONE_SUFFIXES)
    return [ARTICLES_PATH, *standalone]


def load_articles(path: Path | None = None) -> list[dict[str, Any]]:
    """The JSONL articles as dicts with the keys of REQUIRED_FIELDS; the standalone files are not included.

    `path` defaults to the bundled corpus; another file in the same format can be given (tests use this).
    A malformed line raises ValueError naming the file and line rather than being skipped.
    """
    source = path or ARTICLES_PATH
    articles: list[dict[str, Any]] = []
    with source.open(encoding="utf-8") as lines:
        for line_number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            articles.append(_parse_record(line, f"{source.name} line {line_number}"))
    return articles


def _parse_record(line: str, where: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"{where}: not valid JSON ({error.msg})") from error
    if not isinstance(record, dict):
        raise ValueError(f"{where}: expected a JSON object, got {type(record).__name__}")
    missing = [name for name in REQUIRED_FIELDS if not isinstance(record.get(name), str) or not record[name]]
    if missing:
        raise ValueError(f"{where}: missing or empty field(s) {', '.join(missing)}")
    return record


__all__ = [
    "ARTICLES_PATH",
    "DUPLICATE_COVERAGE_IDS",
    "FILES_DIR",
    "REQUIRED_FIELDS",
    "SAMPLES_DIR",
    "load_articles",
    "sample_paths",
]
