"""Calendar periods (week, month, quarter, year) computed on whole columns of days."""

from __future__ import annotations

import numpy as np
import pandas as pd

FREQ_ALIASES: dict[str, str] = {
    "w": "W", "week": "W", "weekly": "W",
    "m": "M", "me": "M", "month": "M", "monthly": "M",
    "q": "Q", "qe": "Q", "quarter": "Q", "quarterly": "Q",
    "y": "Y", "a": "Y", "ye": "Y", "year": "Y", "yearly": "Y",
}  # fmt: skip


def normalise_freq(freq: str) -> str:
    """"W", "M", "Q" or "Y" for any accepted spelling; ValueError naming the choices otherwise."""
    key = str(freq).strip().lower()
    if key not in FREQ_ALIASES:
        raise ValueError(f"freq: expected week, month, quarter or year (W, M, Q, Y), got {freq!r}")
    return FREQ_ALIASES[key]


def period_starts(days: pd.Series | np.ndarray, freq: str) -> np.ndarray:
    """The first day (datetime64[D]) of the period each day falls in; NaT stays NaT. Weeks start on Monday."""
    code = normalise_freq(freq)
    values = np.asarray(days, dtype="datetime64[ns]").astype("datetime64[D]")
    if code == "W":
        numbers = values.astype("int64")
        # 1970-01-01 was a Thursday: (n + 3) % 7 is 0 on Mondays.
        starts = values - ((numbers + 3) % 7).astype("timedelta64[D]")
    elif code == "M":
        starts = values.astype("datetime64[M]").astype("datetime64[D]")
    elif code == "Q":
        months = values.astype("datetime64[M]").astype("int64")
        starts = (months - months % 3).astype("datetime64[M]").astype("datetime64[D]")
    else:
        starts = values.astype("datetime64[Y]").astype("datetime64[D]")
    starts[np.isnat(values)] = np.datetime64("NaT")
    return starts


def period_range(first: np.datetime64, last: np.datetime64, freq: str) -> np.ndarray:
    """Every period start from the period of `first` to the period of `last`, inclusive."""
    code = normalise_freq(freq)
    start, end = period_starts(np.array([first, last]), code)
    if code == "W":
        return np.arange(start, end + np.timedelta64(1, "D"), np.timedelta64(7, "D"))
    unit = {"M": "M", "Q": "M", "Y": "Y"}[code]
    step = 3 if code == "Q" else 1
    coarse = np.arange(start.astype(f"datetime64[{unit}]"), end.astype(f"datetime64[{unit}]") + 1, step)
    return coarse.astype("datetime64[D]")


def period_end(start: pd.Timestamp, freq: str) -> pd.Timestamp:
    """The last day of the period that begins on `start`."""
    code = normalise_freq(freq)
    offsets = {"W": pd.DateOffset(days=7), "M": pd.DateOffset(months=1), "Q": pd.DateOffset(months=3),
               "Y": pd.DateOffset(years=1)}  # fmt: skip
    return pd.Timestamp(start) + offsets[code] - pd.Timedelta(days=1)


def period_label(start: pd.Timestamp, freq: str) -> str:
    stamp = pd.Timestamp(start)
    code = normalise_freq(freq)
    if code == "W":
        year, week, _ = stamp.isocalendar()
        return f"{year}-W{week:02d}"
    if code == "M":
        return f"{stamp.year}-{stamp.month:02d}"
    if code == "Q":
        return f"{stamp.year}-Q{(stamp.month - 1) // 3 + 1}"
    return f"{stamp.year}"


def period_labels(starts: pd.Series | np.ndarray, freq: str) -> np.ndarray:
    """Labels such as "2023-11", "2023-Q4" or "2023-W47"; each distinct period is formatted once."""
    codes, uniques = pd.factorize(np.asarray(starts, dtype="datetime64[ns]"))
    names = np.array([period_label(value, freq) for value in uniques] + [""], dtype=object)
    return names[codes]
