"""Wording of the size limit, shared by every reader so users see one message."""

from __future__ import annotations

_MEGABYTE = 1024 * 1024


def megabytes(size: int) -> str:
    return f"{size / _MEGABYTE:.1f} MB"


def describe_oversize(size: int, limit: int) -> str:
    """E.g. "52.4 MB, over the 10.0 MB limit (BLOCWATCH_MAX_INPUT_BYTES)"."""
    if size < _MEGABYTE // 10 or limit < _MEGABYTE // 10:
        return f"{size} bytes, over the {limit}-byte limit (BLOCWATCH_MAX_INPUT_BYTES)"
    return f"{megabytes(size)}, over the {megabytes(limit)} limit (BLOCWATCH_MAX_INPUT_BYTES)"
