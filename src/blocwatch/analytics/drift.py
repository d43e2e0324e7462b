"""Alliance cohesion and member drift, with every component in its own column.

For an alliance A with leading state L and rival blocs R (all from the alliance registry), and each state m that
had an active status in A (member, frozen, suspended, withdrawal notice), per period p — counting each
real-world event once:

* bloc side  = A itself and L; rival side = the rival organisations and the states that were their members
  in p (A's own members excluded).
* ``tone_gap``    = W_tone × (tone(m, rival side) − tone(m, bloc side)) / 10, where tone is the sum of the Goldstein
  scores of asserted events between m and that side, in either direction, divided by (n + 2): a mean pulled
  towards 0 when there are few events.
* ``attention``   = W_att × (n_rival − n_bloc) / (n_rival + n_bloc + 2): whom m deals with at all.
* ``boycotts``    = W_boy × number of boycotts and skipped meetings: m → A asserted CAMEO 12x/16x, or m → A negated
  meeting (PLOVER CONSULT, CAMEO 04x or 036: "did not attend").
* ``accusations`` = W_acc × number of m → L asserted CAMEO 11x/12x.
* ``rival_deals`` = W_deal × number of asserted cooperation events (CAMEO 03–08) between m and the rival side.
* ``exit_talk``   = W_exit × number of hypothetical or future CAMEO 16x statements m → A by m's state or officials.
* ``drift``       = the sum of the six; ``drift_trend`` = its exponentially weighted mean over periods (half-life
  two periods). Above 0 m leans away from A; below 0 it is close to A.

Cohesion of A in p is minus the mean drift of the states active in A in p, next to the mean of each component.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from blocwatch.actors.alliances import ACTIVE_STATUSES, Alliance, load_registry
from blocwatch.actors.alliances import alliance as lookup_alliance
from blocwatch.analytics.periods import normalise_freq, period_end, period_labels, period_range, period_starts
from blocwatch.analytics.prepare import AnalyticsInputError, prepare_events, reporting_window

DRIFT_WEIGHTS: dict[str, float] = {
    "tone_gap": 1.0,
    "attention": 0.5,
    "boycotts": 0.5,
    "accusations": 0.3,
    "rival_deals": 0.25,
    "exit_talk": 0.25,
}
COMPONENTS: tuple[str, ...] = tuple(DRIFT_WEIGHTS)
COUNT_COLUMNS: tuple[str, ...] = (
    "n_bloc", "n_rival", "n_boycotts", "n_accusations", "n_rival_deals", "n_exit_talk",
)  # fmt: skip
DRIFT_COLUMNS: tuple[str, ...] = (
    "alliance", "member", "period", "period_start", "status", *COMPONENTS, "drift", "drift_trend",
    "tone_bloc", "tone_rival", *COUNT_COLUMNS,
)  # fmt: skip
# Pseudo-events of Goldstein 0 added to each side before averaging, so one event does not make a trend.
TONE_PRIOR_EVENTS = 2.0
TREND_HALFLIFE_PERIODS = 2.0
OFFICIAL_SECTORS = frozenset({"GOV", "LEG", "MIL", "SPY", "COP", "JUD"})
COOPERATION_ROOTS = (3, 4, 5, 6, 7, 8)
FLAGS = ("bloc", "rival", "boycott", "accusation", "rival_deal", "exit_talk")


def _as_day(value: dt.date | str | None, what: str) -> pd.Timestamp | None:
    if value is None:
        return None
    try:
        return pd.Timestamp(value).normalize()
    except (ValueError, TypeError) as error:
        raise AnalyticsInputError(f"{what}: expected a date as YYYY-MM-DD, got {value!r}") from error


def _window(prepared: pd.DataFrame, freq: str, on: pd.Timestamp | None, since: pd.Timestamp | None) -> np.ndarray:
    window = reporting_window(prepared)
    if window is None:
        return np.array([], dtype="datetime64[D]")
    first = since if since is not None else window[0]
    last = on if on is not None else window[1]
    if last < first:
        return np.array([], dtype="datetime64[D]")
    return period_range(first.to_datetime64(), last.to_datetime64(), freq)


def status_table(entry: Alliance, starts: np.ndarray, freq: str, on: pd.Timestamp | None = None) -> pd.DataFrame:
    """Registry status of every state ever related to the alliance at the end of each period (or at `on`)."""
    rows = []
    for start in starts:
        end = period_end(pd.Timestamp(start), freq)
        when = min(end, on) if on is not None else end
        for country in entry.countries():
            rows.append((country, pd.Timestamp(start), entry.status_of(country, when.date())))
    return pd.DataFrame(rows, columns=["member", "period_start", "status"])


MODALITY_CODES = {"asserted": 0, "negated": 1, "hypothetical": 2, "future": 3}


@dataclass(frozen=True)
class EventArrays:
    """The columns drift needs, as numpy arrays over the dated cluster representatives of a prepared frame.

    Built once and shared by every alliance, so that scoring many alliances does not copy the frame each time.
    """

    event_row: np.ndarray  # position in the prepared frame
    day: np.ndarray  # datetime64[D]
    actor: np.ndarray  # code into `entities`, -1 when missing
    recipient: np.ndarray
    entities: np.ndarray
    modality: np.ndarray  # MODALITY_CODES
    root: np.ndarray  # CAMEO root as a number, -1 when missing
    meeting: np.ndarray  # CONSULT / CAMEO 04x / 036: a meeting or the intent to hold one
    goldstein: np.ndarray
    official: np.ndarray  # the acting side is a state or one of its officials
    sentence: np.ndarray  # one code per (article, sentence): a sentence is one signal however many dyads it has
    _period_cache: dict[str, np.ndarray] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_prepared(cls, prepared: pd.DataFrame) -> EventArrays:
        keep = (prepared["representative"] & prepared["day"].notna()).to_numpy()
        rows = prepared.loc[keep, ["day", "actor_entity", "recipient_entity", "modality", "root", "cameo", "type",
                                   "goldstein", "actor_kind", "actor_sector", "article_id", "sentence_index",
                                   "event_id"]]  # fmt: skip
        # Events without a sentence number are each their own sentence.
        sentence_key = rows["sentence_index"].astype("string").fillna("#" + rows["event_id"].astype("string"))
        sentence = pd.factorize(rows["article_id"].astype("string") + "|" + sentence_key)[0]
        both = pd.concat([rows["actor_entity"], rows["recipient_entity"]], ignore_index=True)
        codes, entities = pd.factorize(both)
        root = pd.to_numeric(rows["root"], errors="coerce").fillna(-1).to_numpy(dtype=np.int64)
        cameo = rows["cameo"].astype("string").fillna("")
        sector = rows["actor_sector"].astype("string").str.upper()
        return cls(
            event_row=np.flatnonzero(keep),
            day=rows["day"].to_numpy(dtype="datetime64[ns]").astype("datetime64[D]"),
            actor=codes[: len(rows)].astype(np.int64),
            recipient=codes[len(rows):].astype(np.int64),
            entities=np.asarray(entities, dtype=object),
            modality=rows["modality"].map(MODALITY_CODES).to_numpy(dtype=np.int8),
            root=root,
            meeting=((rows["type"].astype("string").str.upper() == "CONSULT").fillna(False).to_numpy(dtype=bool)
                     | (root == 4) | cameo.str.startswith("036").fillna(False).to_numpy(dtype=bool)),
            goldstein=rows["goldstein"].fillna(0.0).to_numpy(dtype="float64"),
            official=((rows["actor_kind"] == "state").fillna(False).to_numpy(dtype=bool) | sector.isna().to_numpy()
                      | sector.isin(OFFICIAL_SECTORS).fillna(False).to_numpy(dtype=bool)),
            sentence=sentence.astype(np.int64),
        )  # fmt: skip

    def period_starts(self, freq: str) -> np.ndarray:
        if freq not in self._period_cache:
            self._period_cache[freq] = period_starts(self.day, freq)
        return self._period_cache[freq]


def _presence(arrays: EventArrays, pairs: pd.DataFrame, starts: np.ndarray) -> np.ndarray:
    """Matrix [entity code + 1, period] that is True where (member, period_start) is in `pairs`.

    Row 0 stands for "no entity" (code -1) and is always False.
    """
    matrix = np.zeros((len(arrays.entities) + 1, len(starts)), dtype=bool)
    if pairs.empty:
        return matrix
    lookup = pd.Index(arrays.entities)
    codes = lookup.get_indexer(pairs["member"].to_numpy())
    periods = np.searchsorted(starts, pairs["period_start"].to_numpy(dtype="datetime64[ns]").astype("datetime64[D]"))
    known = codes >= 0
    matrix[codes[known] + 1, periods[known]] = True
    return matrix


def _rival_status(entry: Alliance, starts: np.ndarray, freq: str) -> pd.DataFrame:
    """(member, period_start) of every state active in one of the alliance's rival blocs."""
    registry = load_registry()
    tables = [status_table(registry[code], starts, freq) for code in entry.rivals]
    if not tables:
        return pd.DataFrame(columns=["member", "period_start", "status"])
    table = pd.concat(tables, ignore_index=True)
    return table[table["status"].isin(ACTIVE_STATUSES)]


def member_event_rows(
    arrays: EventArrays,
    entry: Alliance,
    freq: str,
    starts: np.ndarray,
    statuses: pd.DataFrame,
) -> pd.DataFrame:
    """One row per (event, member it concerns), with the flag of each drift component it feeds.

    ``event_row`` is the event's position in the prepared frame, so evidence can be traced back to sentences.
    """
    active = statuses[statuses["status"].isin(ACTIVE_STATUSES)]
    if active.empty or not len(starts):
        return pd.DataFrame(columns=["event_row", "member", "other", "period_start", "goldstein", "sentence", *FLAGS])
    held = _presence(arrays, active, starts)
    # A rival bloc's member that is also in this alliance is not on the rival side.
    rival = _presence(arrays, _rival_status(entry, starts, freq), starts) & ~held
    lookup = pd.Index(arrays.entities)

    def code_of(entity: str | None) -> int:
        return int(lookup.get_indexer([entity])[0]) if entity is not None else -1

    alliance_code, leader_code = code_of(entry.code), code_of(entry.leader)
    rival_orgs = np.array([code_of(code) for code in entry.rivals] or [-1], dtype=np.int64)
    event_starts = arrays.period_starts(freq)
    period = np.searchsorted(starts, event_starts)
    in_window = period < len(starts)
    period = np.minimum(period, len(starts) - 1)
    in_window &= starts[period] == event_starts
    entity_names = pd.Categorical.from_codes(np.arange(len(arrays.entities)), categories=arrays.entities) if len(
        arrays.entities) else None

    views = []
    for outgoing, member, other in ((True, arrays.actor, arrays.recipient), (False, arrays.recipient, arrays.actor)):
        keep = in_window & (member >= 0) & (other >= 0) & (member != other) & held[member + 1, period]
        index = np.flatnonzero(keep)
        m, o, p = member[index], other[index], period[index]
        is_rival = np.isin(o, rival_orgs) | rival[o + 1, p]
        to_alliance = o == alliance_code
        to_leader = (o == leader_code) & (m != leader_code)
        is_bloc = (to_alliance | to_leader) & ~is_rival
        modality = arrays.modality[index]
        asserted = modality == MODALITY_CODES["asserted"]
        root = arrays.root[index]
        flags = {
            "bloc": asserted & is_bloc,
            "rival": asserted & is_rival,
            "boycott": outgoing & to_alliance & ((asserted & ((root == 12) | (root == 16)))
                                                 | ((modality == MODALITY_CODES["negated"]) & arrays.meeting[index])),
            "accusation": outgoing & to_leader & asserted & ((root == 11) | (root == 12)),
            "rival_deal": asserted & is_rival & np.isin(root, COOPERATION_ROOTS),
            "exit_talk": (outgoing & to_alliance & (modality >= MODALITY_CODES["hypothetical"]) & (root == 16)
                          & arrays.official[index]),
        }  # fmt: skip
        any_flag = np.logical_or.reduce(list(flags.values()))
        pick = np.flatnonzero(any_flag)
        views.append(pd.DataFrame({
            "event_row": arrays.event_row[index[pick]],
            "member": entity_names.take(m[pick]) if entity_names is not None else [],
            "other": entity_names.take(o[pick]) if entity_names is not None else [],
            "period_start": starts[p[pick]].astype("datetime64[ns]"),
            "goldstein": arrays.goldstein[index[pick]],
            "sentence": arrays.sentence[index[pick]],
            **{name: flag[pick] for name, flag in flags.items()},
        }))  # fmt: skip
    rows = pd.concat(views, ignore_index=True)
    for column in ("member", "other"):
        rows[column] = rows[column].astype(object)
    return rows


def _one_per_sentence(rows: pd.DataFrame) -> pd.DataFrame:
    """Each flag counted once per member and sentence.

    "Cooperation with China, Turkey and the EU" codes one event per partner; it is still one statement.
    """
    counted = rows.copy()
    for flag in FLAGS:
        repeated = rows[flag] & rows.loc[:, ["member", "sentence"]].assign(flag=rows[flag]).duplicated()
        counted[flag] = rows[flag] & ~repeated
    return counted


def _components(rows: pd.DataFrame, statuses: pd.DataFrame, entry: Alliance, freq: str) -> pd.DataFrame:
    rows = _one_per_sentence(rows) if not rows.empty else rows
    tallies = pd.DataFrame({
        "member": rows["member"],
        "period_start": rows["period_start"],
        "n_bloc": rows["bloc"].astype(np.int64),
        "bloc_sum": np.where(rows["bloc"], rows["goldstein"], 0.0),
        "n_rival": rows["rival"].astype(np.int64),
        "rival_sum": np.where(rows["rival"], rows["goldstein"], 0.0),
        "n_boycotts": rows["boycott"].astype(np.int64),
        "n_accusations": rows["accusation"].astype(np.int64),
        "n_rival_deals": rows["rival_deal"].astype(np.int64),
        "n_exit_talk": rows["exit_talk"].astype(np.int64),
    })  # fmt: skip
    sums = tallies.groupby(["member", "period_start"]).sum()
    members = sorted(set(statuses.loc[statuses["status"].isin(ACTIVE_STATUSES), "member"]))
    grid = statuses[statuses["member"].isin(members)].set_index(["member", "period_start"]).sort_index()
    out = grid.join(sums, how="left").fillna({column: 0 for column in sums.columns}).reset_index()
    for column in COUNT_COLUMNS:
        out[column] = out[column].fillna(0).astype(np.int64) if column in out else 0
    for column in ("bloc_sum", "rival_sum"):
        out[column] = out[column].fillna(0.0) if column in out else 0.0
    out["tone_bloc"] = out.pop("bloc_sum") / (out["n_bloc"] + TONE_PRIOR_EVENTS)
    out["tone_rival"] = out.pop("rival_sum") / (out["n_rival"] + TONE_PRIOR_EVENTS)
    weights = DRIFT_WEIGHTS
    out["tone_gap"] = weights["tone_gap"] * (out["tone_rival"] - out["tone_bloc"]) / 10.0
    out["attention"] = weights["attention"] * (out["n_rival"] - out["n_bloc"]) / (
        out["n_rival"] + out["n_bloc"] + TONE_PRIOR_EVENTS
    )
    out["boycotts"] = weights["boycotts"] * out["n_boycotts"]
    out["accusations"] = weights["accusations"] * out["n_accusations"]
    out["rival_deals"] = weights["rival_deals"] * out["n_rival_deals"]
    out["exit_talk"] = weights["exit_talk"] * out["n_exit_talk"]
    inactive = ~out["status"].isin(ACTIVE_STATUSES)
    out.loc[inactive, list(COMPONENTS)] = np.nan
    out["drift"] = out[list(COMPONENTS)].sum(axis=1, min_count=1)
    out = out.sort_values(["member", "period_start"], ignore_index=True)
    out["drift_trend"] = out.groupby("member")["drift"].transform(
        lambda series: series.ewm(halflife=TREND_HALFLIFE_PERIODS, ignore_na=True).mean()
    )
    out.loc[inactive, "drift_trend"] = np.nan
    out["alliance"] = entry.code
    out["period"] = period_labels(out["period_start"], freq)
    return out.loc[:, list(DRIFT_COLUMNS)]


def _resolve(alliance_code: str) -> Alliance:
    if not isinstance(alliance_code, str) or not alliance_code.strip():
        raise AnalyticsInputError(f"alliance: expected an alliance code such as CSTO, got {alliance_code!r}")
    try:
        return lookup_alliance(alliance_code)
    except KeyError as error:
        raise AnalyticsInputError(str(error.args[0])) from None


def member_drift(
    events: pd.DataFrame,
    alliance: str,
    on: dt.date | str | None = None,
    freq: str = "Q",
    since: dt.date | str | None = None,
    arrays: EventArrays | None = None,
) -> pd.DataFrame:
    """Per member and period, up to `on` (default: the last event): registry status, components and drift.

    Members are the states with an active status (member, frozen, suspended, withdrawal_notice) in some period
    of the window; a period in which a state was not active has empty components. `arrays` (from
    ``EventArrays.from_prepared``) saves rebuilding them when scoring several alliances on one frame.
    """
    return _member_drift_with_rows(events, alliance, on, freq, since, arrays)[0]


def _member_drift_with_rows(
    events: pd.DataFrame,
    alliance: str,
    on: dt.date | str | None,
    freq: str,
    since: dt.date | str | None,
    arrays: EventArrays | None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    code = normalise_freq(freq)
    entry = _resolve(alliance)
    prepared = prepare_events(events)
    on_day, since_day = _as_day(on, "on"), _as_day(since, "since")
    starts = _window(prepared, code, on_day, since_day)
    statuses = status_table(entry, starts, code, on_day)
    if statuses.empty:
        return pd.DataFrame(columns=list(DRIFT_COLUMNS)), pd.DataFrame()
    arrays = arrays if arrays is not None else EventArrays.from_prepared(prepared)
    rows = member_event_rows(arrays, entry, code, starts, statuses)
    if on_day is not None and not rows.empty:
        rows = rows[prepared["day"].to_numpy()[rows["event_row"].to_numpy(dtype=np.int64)] <= on_day.to_datetime64()]
    return _components(rows, statuses, entry, code), rows


def cohesion(
    events: pd.DataFrame,
    alliance: str,
    on: dt.date | str | None = None,
    freq: str = "Q",
    drift: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Per period: how many states were active, the mean of each drift component, the mean and largest drift,
    who drifted most, and ``cohesion`` = −(mean drift). Pass a `drift` frame from member_drift to reuse it."""
    table = drift if drift is not None else member_drift(events, alliance, on=on, freq=freq)
    active = table[table["status"].isin(ACTIVE_STATUSES)]
    columns = ["alliance", "period", "period_start", "members", *COMPONENTS, "drift_mean", "drift_max",
               "most_drifting", "cohesion"]  # fmt: skip
    if active.empty:
        return pd.DataFrame(columns=columns)
    grouped = active.groupby(["alliance", "period", "period_start"], sort=False)
    out = grouped[list(COMPONENTS)].mean()
    out["members"] = grouped.size()
    out["drift_mean"] = grouped["drift"].mean()
    out["drift_max"] = grouped["drift"].max()
    leaders = active.loc[grouped["drift"].idxmax().to_numpy(), ["alliance", "period", "period_start", "member"]]
    out["most_drifting"] = leaders.set_index(["alliance", "period", "period_start"])["member"]
    out["most_drifting"] = out["most_drifting"].where(out["drift_max"] > 0)
    out["cohesion"] = -out["drift_mean"]
    return out.reset_index().sort_values("period_start", ignore_index=True).loc[:, columns]


def alliance_standing(
    events: pd.DataFrame, alliance: str, on: dt.date | str | None = None, freq: str = "Q"
) -> pd.DataFrame:
    """One row per state related to the alliance on `on` (default: the corpus's last article date): registry
    status and since when,
    its drift components in the period containing `on`, the drift trend, and the mean drift of the last four
    periods."""
    entry = _resolve(alliance)
    window = reporting_window(prepare_events(events))
    on_day = _as_day(on, "on") or (window[1] if window else pd.Timestamp(dt.date.today()))
    drift = member_drift(events, alliance, on=on_day, freq=freq)
    rows = []
    for country in entry.countries():
        status = entry.status_of(country, on_day.date())
        if status is None:
            continue
        history = [change for change in entry.history(country) if change.date <= on_day.date()]
        own = drift[drift["member"] == country]
        last = own.iloc[-1] if not own.empty else None
        row = {
            "alliance": entry.code,
            "member": country,
            "status": status,
            "since": history[-1].date.isoformat() if history else None,
            "period": last["period"] if last is not None else None,
            **{name: (float(last[name]) if last is not None else np.nan) for name in (*COMPONENTS, "drift")},
            "drift_trend": float(last["drift_trend"]) if last is not None else np.nan,
            "drift_last4": float(own["drift"].tail(4).mean()) if not own.empty else np.nan,
            "source": history[-1].source if history else "",
        }
        rows.append(row)
    columns = ["alliance", "member", "status", "since", "period", *COMPONENTS, "drift", "drift_trend",
               "drift_last4", "source"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def all_alliance_drift(
    events: pd.DataFrame, freq: str = "Q", alliances: Iterable[str] | None = None
) -> pd.DataFrame:
    """member_drift for every alliance of the registry (or the ones named), stacked."""
    prepared = prepare_events(events)
    arrays = EventArrays.from_prepared(prepared)
    codes = list(alliances) if alliances is not None else sorted(load_registry())
    frames = [member_drift(prepared, code, freq=freq, arrays=arrays) for code in codes]
    frames = [frame for frame in frames if not frame.empty]
    if not frames:
        return pd.DataFrame(columns=list(DRIFT_COLUMNS))
    return pd.concat(frames, ignore_index=True)
