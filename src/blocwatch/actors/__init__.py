"""actors stage: the knowledge base of states, organisations, groups, parties and office holders, and mention resolution.

Typical use (see docs/actors.md)::

    kb = load_kb()
    kb.lookup("Kremlin")                         # -> [Entry(kind="country", key="RUS", matched_field="seats_of_power", ...)]
    kb.office_holder("ARM", "head_of_government", "2019-05-01")
    resolver = ActorResolver(kb, article_date="2023-12-18")   # one per article
    for segment_doc in docs:                                 # body segments in reading order
        actors = resolver.resolve(segment_doc, offset=segment.start)
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from blocwatch.actors.kb import (
    PACKAGE_DATA_DIR,
    ArmedGroup,
    Country,
    Entry,
    KnowledgeBase,
    KnowledgeBaseError,
    Org,
    Party,
    Person,
    Term,
    build_kb,
    load_tables,
    normalize_name,
)
from blocwatch.actors.resolver import ActorResolver
from blocwatch.actors.sectors import sector_for
from blocwatch.config import user_data_dir

_USER_DEFAULT = object()


def load_kb(data_dir: Path | None = None, user_dir: Path | None | object = _USER_DEFAULT) -> KnowledgeBase:
    """The knowledge base from ``data_dir`` (default: the package's tables) plus the user's overrides.

    ``user_dir`` defaults to ``blocwatch.config.user_data_dir()`` (``BLOCWATCH_KB_DIR``); pass None to ignore
    user files. The result is cached per process for each pair of folders.
    """
    folder = Path(data_dir) if data_dir is not None else PACKAGE_DATA_DIR
    user = user_data_dir() if user_dir is _USER_DEFAULT else user_dir
    return _load_kb_cached(folder.resolve(), Path(user).resolve() if user is not None else None)  # type: ignore[arg-type]


@lru_cache(maxsize=8)
def _load_kb_cached(data_dir: Path, user_dir: Path | None) -> KnowledgeBase:
    return build_kb(load_tables(data_dir, user_dir))


__all__ = [
    "ActorResolver",
    "ArmedGroup",
    "Country",
    "Entry",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "Org",
    "Party",
    "Person",
    "Term",
    "load_kb",
    "normalize_name",
    "sector_for",
]
