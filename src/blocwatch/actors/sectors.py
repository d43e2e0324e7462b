"""Role words and the sectors they imply, read from ``data/sectors.yaml``.

A role is a word or short phrase ("minister", "armed forces", "think tank") that tells what kind of actor a
noun phrase names. Roles are looked up by the normalised text of a token run, with the last word also tried by
its lemma, so "officials" finds "official" and "armed forces" finds "armed force".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from blocwatch.actors.kb import KnowledgeBaseError, normalize_name

SECTORS_FILE = Path(__file__).parent / "data" / "sectors.yaml"

# Sectors whose bodies are organs of the state: "Azerbaijan's armed forces" is the state of Azerbaijan (MIL).
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
# Sectors whose members are armed non-state groups rather than organisations.
GROUP_SECTORS = frozenset({"REB", "UAF", "CRM"})


@dataclass(frozen=True)
class Role:
    phrase: str
    sector: str | None
    is_person: bool
    # A generic head ("leader", "spokesman", "side") defers to a more specific role word in its phrase.
    is_generic: bool = False
    office: str | None = None


@dataclass(frozen=True)
class RoleLexicon:
    roles: dict[str, list[Role]]
    max_words: int
    alliance_words: frozenset[str]
    org_words: frozenset[str]
    state_words: frozenset[str]
    former_words: frozenset[str]
    unknown_agents: frozenset[str]
    offices: dict[str, str]
    part_words: frozenset[str] = frozenset()
    ethnic_peoples: frozenset[str] = frozenset()
    relation_words: frozenset[str] = frozenset()

    def get(self, key: str) -> Role | None:
        """The role a normalised phrase names; a person reading wins over a body reading of the same word."""
        found = self.roles.get(key)
        if not found:
            return None
        return found[0]


def _words(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise KnowledgeBaseError(f"{where}: expected a list of words")
    return [normalize_name(str(word)) for word in value if str(word).strip()]


def _word_count(phrase: str) -> int:
    return len(phrase.replace("-", " - ").split())


def read_lexicon(path: Path = SECTORS_FILE) -> RoleLexicon:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"{path}: cannot read the sector table: {exc}") from exc
    if not isinstance(document, dict) or not isinstance(document.get("sectors"), dict):
        raise KnowledgeBaseError(f"{path}: expected a 'sectors' mapping of sector code -> people/bodies")
    offices = {normalize_name(k): str(v) for k, v in (document.get("offices") or {}).items()}
    roles: dict[str, list[Role]] = {}

    def add(role: Role) -> None:
        bucket = roles.setdefault(role.phrase, [])
        bucket.append(role)
        # People first: "broadcaster" the journalist before "broadcaster" the channel.
        bucket.sort(key=lambda r: (not r.is_person, r.is_generic))

    for sector, lists in document["sectors"].items():
        if not isinstance(lists, dict):
            raise KnowledgeBaseError(f"{path}: sector {sector!r} must map to people/bodies lists")
        for kind in ("people", "bodies"):
            for phrase in _words(lists.get(kind), f"{path}: {sector}.{kind}"):
                add(Role(phrase, str(sector), kind == "people", office=offices.get(phrase)))
    generic = document.get("generic") or {}
    for kind in ("people", "bodies"):
        for phrase, default in (generic.get(kind) or {}).items():
            key = normalize_name(str(phrase))
            sector = str(default) if default else None
            add(Role(key, sector, kind == "people", is_generic=True, office=offices.get(key)))
    max_words = max((_word_count(phrase) for phrase in roles), default=1)
    return RoleLexicon(
        roles=roles,
        max_words=max_words,
        alliance_words=frozenset(_words(document.get("alliance_words"), f"{path}: alliance_words")),
        org_words=frozenset(_words(document.get("org_words"), f"{path}: org_words")),
        state_words=frozenset(_words(document.get("state_words"), f"{path}: state_words")),
        former_words=frozenset(_words(document.get("former_words"), f"{path}: former_words")),
        unknown_agents=frozenset(_words(document.get("unknown_agents"), f"{path}: unknown_agents")),
        offices=offices,
        part_words=frozenset(_words(document.get("part_words"), f"{path}: part_words")),
        ethnic_peoples=frozenset(_words(document.get("ethnic_peoples"), f"{path}: ethnic_peoples")),
        relation_words=frozenset(_words(document.get("relation_words"), f"{path}: relation_words")),
    )


@lru_cache(maxsize=1)
def default_lexicon() -> RoleLexicon:
    return read_lexicon()


def sector_for(word: str) -> str | None:
    """The sector a role word or phrase implies ("lawmaker" -> "LEG"), None when it is not a role word."""
    role = default_lexicon().get(normalize_name(word))
    return role.sector if role else None


__all__ = [
    "GROUP_SECTORS",
    "STATE_SECTORS",
    "Role",
    "RoleLexicon",
    "default_lexicon",
    "read_lexicon",
    "sector_for",
]
