"""Alliance registry: which state stood in which bloc, with what status, on any date.

The registry ships as ``data/alliances.yaml``; users extend or correct it with YAML files of the same shape in
the knowledge-base folder (``BLOCWATCH_KB_DIR``, see ``docs/alliances.md``). Every membership change carries a
date and a source note, so a status on a given day is always "the latest change on or before that day".
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from blocwatch.config import user_data_dir

if TYPE_CHECKING:
    import pandas

DATA_FILE = Path(__file__).parent / "data" / "alliances.yaml"

STATUSES: frozenset[str] = frozenset(
    {"member", "suspended", "frozen", "withdrawal_notice", "withdrawn", "observer", "partner", "candidate"}
)
# A frozen, suspended or departing member is still bound by the treaty until it has actually left, so the
# default member list keeps them; callers interested in active participation pass statuses=("member",).
ACTIVE_STATUSES: tuple[str, ...] = ("member", "frozen", "suspended", "withdrawal_notice")

_COUNTRY_CODE = re.compile(r"^[A-Z]{3}$")
_ALLIANCE_CODE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")

DateLike = dt.date | str


@dataclass(frozen=True)
class MembershipChange:
    """From ``date`` on, ``country`` had ``status`` in ``alliance`` (until its next change)."""

    alliance: str
    country: str
    date: dt.date
    status: str
    source: str


@dataclass(frozen=True)
class Alliance:
    code: str
    name: str
    kind: str
    leader: str | None
    rivals: tuple[str, ...]
    signed: dt.date | None
    in_force: dt.date | None
    source: str
    # Sorted by (country, date).
    changes: tuple[MembershipChange, ...]

    def countries(self) -> list[str]:
        """Every state that ever had any status in this alliance, sorted."""
        return sorted({change.country for change in self.changes})

    def history(self, country: str) -> list[MembershipChange]:
        code = country.upper()
        return [change for change in self.changes if change.country == code]

    def status_of(self, country: str, on: DateLike) -> str | None:
        day = _as_date(on, "on")
        status = None
        for change in self.history(country):
            if change.date > day:
                break
            status = change.status
        return status

    def members(self, on: DateLike | None = None, statuses: Iterable[str] = ACTIVE_STATUSES) -> list[str]:
        day = dt.date.today() if on is None else _as_date(on, "on")
        wanted = _checked_statuses(statuses)
        return [country for country in self.countries() if self.status_of(country, day) in wanted]


def _as_date(value: Any, what: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"{what}: expected a date as YYYY-MM-DD, got {value!r}")


def _checked_statuses(statuses: Iterable[str]) -> frozenset[str]:
    wanted = frozenset([statuses] if isinstance(statuses, str) else statuses)
    unknown = wanted - STATUSES
    if unknown:
        raise ValueError(f"unknown membership status(es) {sorted(unknown)}; known: {sorted(STATUSES)}")
    return wanted


# ---------------------------------------------------------------------------------------------- loading


class _Draft:
    """An alliance while files are being merged; becomes an immutable ``Alliance`` at the end."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.fields: dict[str, Any] = {}
        # country -> date -> (status, source); a later file's change on the same date replaces the earlier one.
        self.memberships: dict[str, dict[dt.date, tuple[str, str]]] = {}
        self.origin = ""

    def freeze(self) -> Alliance:
        changes = [
            MembershipChange(self.code, country, day, status, source)
            for country, by_date in self.memberships.items()
            for day, (status, source) in by_date.items()
        ]
        changes.sort(key=lambda change: (change.country, change.date))
        return Alliance(
            code=self.code,
            name=self.fields["name"],
            kind=self.fields.get("kind", ""),
            leader=self.fields.get("leader"),
            rivals=tuple(self.fields.get("rivals", ())),
            signed=self.fields.get("signed"),
            in_force=self.fields.get("in_force"),
            source=self.fields.get("source", ""),
            changes=tuple(changes),
        )


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except yaml.YAMLError as error:
        raise ValueError(f"{path}: not valid YAML ({error})") from error
    except OSError as error:
        raise ValueError(f"{path}: cannot read alliance file ({error})") from error


def _optional_date(value: Any, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    return _as_date(value, where)


def _merge_file(path: Path, document: Any, drafts: dict[str, _Draft]) -> None:
    if not isinstance(document, Mapping) or not isinstance(document.get("alliances"), Mapping):
        raise ValueError(f"{path}: expected a mapping with an 'alliances:' key")
    for raw_code, body in document["alliances"].items():
        code = str(raw_code).upper()
        where = f"{path}: alliance {raw_code}"
        if not _ALLIANCE_CODE.match(str(raw_code)):
            raise ValueError(f"{where}: alliance codes are letters, digits, '-' or '_'")
        if not isinstance(body, Mapping):
            raise ValueError(f"{where}: expected a mapping of fields")
        draft = drafts.setdefault(code, _Draft(code))
        draft.origin = draft.origin or str(path)
        _merge_fields(body, draft, where)
        memberships = body.get("memberships") or {}
        if not isinstance(memberships, Mapping):
            raise ValueError(f"{where}: 'memberships' must map ISO3 codes to lists of changes")
        for raw_country, changes in memberships.items():
            _merge_country(str(raw_country), changes, draft, where)


def _merge_fields(body: Mapping[str, Any], draft: _Draft, where: str) -> None:
    for key in ("name", "kind", "source"):
        if key in body:
            if not isinstance(body[key], str) or not body[key].strip():
                raise ValueError(f"{where}: '{key}' must be a non-empty string")
            draft.fields[key] = body[key].strip()
    if "leader" in body:
        leader = body["leader"]
        if leader is not None and not (isinstance(leader, str) and _COUNTRY_CODE.match(leader.upper())):
            raise ValueError(f"{where}: 'leader' must be an ISO3 country code or null, got {leader!r}")
        draft.fields["leader"] = leader.upper() if leader else None
    if "rivals" in body:
        rivals = body["rivals"] or []
        if not isinstance(rivals, list) or not all(isinstance(rival, str) for rival in rivals):
            raise ValueError(f"{where}: 'rivals' must be a list of alliance codes")
        draft.fields["rivals"] = tuple(rival.upper() for rival in rivals)
    for key in ("signed", "in_force"):
        if key in body:
            draft.fields[key] = _optional_date(body[key], f"{where}: '{key}'")


def _merge_country(raw_country: str, changes: Any, draft: _Draft, where: str) -> None:
    country = raw_country.upper()
    where = f"{where}, country {raw_country}"
    if not _COUNTRY_CODE.match(country):
        raise ValueError(f"{where}: expected an ISO 3166 alpha-3 country code")
    if not isinstance(changes, list) or not changes:
        raise ValueError(f"{where}: expected a non-empty list of {{date, status, source}} changes")
    seen_in_this_file: set[dt.date] = set()
    by_date = draft.memberships.setdefault(country, {})
    for change in changes:
        if not isinstance(change, Mapping):
            raise ValueError(f"{where}: each change must be a mapping with date, status and source")
        day = _as_date(change.get("date"), f"{where}: 'date'")
        status = change.get("status")
        if status not in STATUSES:
            raise ValueError(f"{where}: unknown status {status!r}; known: {sorted(STATUSES)}")
        source = change.get("source")
        if not isinstance(source, str) or not source.strip():
            raise ValueError(f"{where}: the change of {day} needs a 'source' note")
        if day in seen_in_this_file:
            raise ValueError(f"{where}: two changes on {day}")
        seen_in_this_file.add(day)
        by_date[day] = (status, source.strip())


def _user_files() -> list[Path]:
    folder = user_data_dir()
    if folder is None or not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
        document = _read_yaml(path)
        # The knowledge-base folder also holds other YAML (people, groups): only alliance files are ours.
        if isinstance(document, Mapping) and "alliances" in document:
            found.append(path)
    return found


@functools.lru_cache(maxsize=8)
def _load(paths: tuple[Path, ...]) -> dict[str, Alliance]:
    drafts: dict[str, _Draft] = {}
    for path in paths:
        _merge_file(path, _read_yaml(path), drafts)
    registry: dict[str, Alliance] = {}
    for code, draft in drafts.items():
        if "name" not in draft.fields:
            raise ValueError(f"{draft.origin}: alliance {code} is not in the registry and has no 'name'")
        registry[code] = draft.freeze()
    for entry in registry.values():
        unknown = [rival for rival in entry.rivals if rival not in registry]
        if unknown:
            raise ValueError(f"alliance {entry.code}: rivals {unknown} are not alliances in the registry")
    return registry


def load_registry(extra_paths: Iterable[Path] = ()) -> dict[str, Alliance]:
    """The shipped registry merged with user files, then with ``extra_paths`` (later files win).

    A user entry for a known alliance overrides the fields it names and adds membership changes; a change on
    a date that already has one replaces it. Results are cached; call ``clear_cache()`` after editing files.
    """
    paths = (DATA_FILE, *_user_files(), *(Path(path) for path in extra_paths))
    return _load(paths)


def clear_cache() -> None:
    _load.cache_clear()


# ------------------------------------------------------------------------------------------- public face


def _lookup(code: str) -> Alliance:
    registry = load_registry()
    try:
        return registry[code.strip().upper()]
    except KeyError:
        raise KeyError(f"unknown alliance {code!r}; known: {', '.join(sorted(registry))}") from None


def alliance(code: str) -> Alliance:
    """The alliance with this code (case-insensitive)."""
    return _lookup(code)


def status_of(alliance: str, country: str, on: DateLike) -> str | None:
    """The status in force on ``on`` (the latest change on or before it); None if never related."""
    return _lookup(alliance).status_of(country, on)


def members(
    alliance: str, on: DateLike | None = None, statuses: Iterable[str] = ACTIVE_STATUSES
) -> list[str]:
    """ISO3 codes (sorted) whose status on ``on`` (default: today) is one of ``statuses``."""
    return _lookup(alliance).members(on, statuses)


def alliances_of(country: str, on: DateLike | None = None) -> dict[str, str]:
    """Alliance code -> status on ``on`` (default today), for every alliance the country ever related to.

    Former members appear as ``withdrawn``; filter on the status to keep current ties only.
    """
    day = dt.date.today() if on is None else _as_date(on, "on")
    statuses = {}
    for code, entry in sorted(load_registry().items()):
        status = entry.status_of(country, day)
        if status is not None:
            statuses[code] = status
    return statuses


def history_frame(alliance: str) -> pandas.DataFrame:
    """One row per membership change: alliance, country, date, status, source."""
    import pandas

    rows = [
        {
            "alliance": change.alliance,
            "country": change.country,
            "date": change.date,
            "status": change.status,
            "source": change.source,
        }
        for change in _lookup(alliance).changes
    ]
    return pandas.DataFrame(rows, columns=["alliance", "country", "date", "status", "source"])
