"""JSON Lines (one article object per line) and .json files holding a list of such objects.

Each object has `text` (plain text) or `html` (markup), and optionally `id`, `date`, `title`, `url`;
any other fields travel along in `RawDocument.meta`. One bad line is refused on its own and the
following lines are still read. The size limit applies to each line, so a large JSONL corpus is fine.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from blocwatch import config
from blocwatch.ingest.dates import normalise_date
from blocwatch.ingest.documents import RawDocument, Rejection, sample_of
from blocwatch.ingest.limits import describe_oversize

KNOWN_FIELDS = ("id", "text", "html", "date", "title", "url")
_CHUNK = 1 << 16


def _json_type(value: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), "number"
    )


def record_to_document(record: Any, source: str, default_id: str) -> RawDocument | Rejection:
    """Check one decoded JSON value and turn it into a document, or say what is wrong with it."""
    if not isinstance(record, dict):
        return Rejection(source, f"expected a JSON object, got {_json_type(record)}")
    given_id = record.get("id")
    if isinstance(given_id, bool) or (given_id is not None and not isinstance(given_id, str | int)):
        return Rejection(source, f"id must be a string or an integer, got {_json_type(given_id)}")
    doc_id = str(given_id) if given_id is not None and str(given_id).strip() else default_id

    def refuse(reason: str) -> Rejection:
        return Rejection(source, reason, id=doc_id, sample=sample_of(json.dumps(record, ensure_ascii=False)))

    if "text" in record and record["text"] is not None:
        field_name, content_type = "text", "text"
    elif "html" in record and record["html"] is not None:
        field_name, content_type = "html", "html"
    else:
        present = ", ".join(sorted(record)) or "none"
        return refuse(f"object has no 'text' or 'html' field (fields: {present})")
    content = record[field_name]
    if not isinstance(content, str):
        return refuse(f"'{field_name}' must be a string, got {_json_type(content)}")
    if not content.strip():
        return refuse(f"'{field_name}' is empty")
    for optional in ("title", "url"):
        if record.get(optional) is not None and not isinstance(record[optional], str):
            return refuse(f"'{optional}' must be a string, got {_json_type(record[optional])}")
    try:
        date = normalise_date(record.get("date"))
    except ValueError as error:
        return refuse(str(error))
    meta = {key: value for key, value in record.items() if key not in KNOWN_FIELDS}
    if field_name == "text" and record.get("html") is not None:
        meta["html"] = record["html"]
    return RawDocument(
        id=doc_id,
        source=source,
        content=content,
        content_type=content_type,
        title=(record.get("title") or "").strip() or None,
        date=date,
        url=record.get("url") or None,
        meta=meta,
    )


def _read_lines(stream: IO[Any], limit: int) -> Iterator[tuple[int, str | bytes | None, int]]:
    """(line number, line, its length); line is None when it is longer than `limit`, and then
    the rest of it is skipped in chunks rather than held in memory."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        ending = b"\n" if isinstance(line, bytes) else "\n"
        if len(line) > limit and not line.endswith(ending):
            length = len(line)
            while True:
                rest = stream.readline(_CHUNK)
                length += len(rest)
                if not rest or rest.endswith(ending):
                    break
            yield number, None, length
        else:
            yield number, line, len(line)


def _decode_line(line: str | bytes, number: int) -> str:
    if isinstance(line, str):
        return line.lstrip("\ufeff") if number == 1 else line
    if number == 1 and line.startswith(b"\xef\xbb\xbf"):
        line = line[3:]
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"not valid UTF-8 at byte {error.start} of the line") from None


def read_jsonl_stream(stream: IO[Any], source: str) -> Iterator[RawDocument | Rejection]:
    """Documents from a JSON Lines stream (text or binary); `source` names it in ids and rejections."""
    limit = config.MAX_INPUT_BYTES
    stem = Path(source).stem if source not in {"-", "<stdin>"} else "stdin"
    records = 0
    for number, raw_line, length in _read_lines(stream, limit):
        where = f"{source}:{number}"
        records += 1
        if raw_line is None:
            yield Rejection(where, f"line {number}: record is {describe_oversize(length, limit)}")
            continue
        try:
            line = _decode_line(raw_line, number)
        except ValueError as error:
            yield Rejection(where, f"line {number}: {error}")
            continue
        if not line.strip():
            records -= 1
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Rejection(
                where,
                f"line {number}: invalid JSON at column {error.colno}: {error.msg.removesuffix(' at')}",
                sample=sample_of(line.strip()),
            )
            continue
        result = record_to_document(record, where, f"{stem}:{number}")
        if isinstance(result, Rejection):
            result.reason = f"line {number}: {result.reason}"
        yield result
    if records == 0:
        yield Rejection(source, "no records: the input is empty")


def read_json_file(text: str, source: str) -> Iterator[RawDocument | Rejection]:
    """A .json file: one article object, or a list of them."""
    stem = Path(source).stem
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        yield Rejection(source, f"invalid JSON: {error}", sample=sample_of(text))
        return
    if isinstance(value, dict):
        yield record_to_document(value, source, stem)
        return
    if not isinstance(value, list):
        yield Rejection(source, f"expected a JSON object or a list of objects, got {_json_type(value)}")
        return
    if not value:
        yield Rejection(source, "the JSON list is empty: no records")
        return
    for index, item in enumerate(value, start=1):
        result = record_to_document(item, f"{source}#item{index}", f"{stem}:{index}")
        if isinstance(result, Rejection):
            result.reason = f"item {index}: {result.reason}"
        yield result
