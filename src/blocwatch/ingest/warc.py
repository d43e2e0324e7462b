"""WARC web archives: each HTML or text `response` (or `resource`) record becomes a document.

The size limit applies to each record, not to the archive, since archives are large by nature.
The WARC-Date is when the page was captured, not published; it is kept as the document date with
meta["date_source"] = "capture" so the clean stage can prefer a publication date found in the page.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from blocwatch import config
from blocwatch.ingest.dates import parse_date
from blocwatch.ingest.decoding import DecodeProblem, declared_charset, decode_bytes
from blocwatch.ingest.documents import RawDocument, Rejection
from blocwatch.ingest.limits import describe_oversize

_READABLE_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}


def _content_type(record: Any) -> tuple[str | None, str | None]:
    """(mime type, charset) of the record's payload."""
    if record.http_headers is not None:
        header = record.http_headers.get_header("Content-Type") or ""
    else:
        header = record.rec_headers.get_header("Content-Type") or ""
    parts = [part.strip() for part in header.split(";")]
    charset = None
    for part in parts[1:]:
        if part.lower().startswith("charset="):
            charset = part.split("=", 1)[1].strip("\"' ").lower() or None
    return (parts[0].lower() or None), charset


def _archive_header_problem(path: Path) -> str | None:
    """Why the file cannot be a WARC (or ARC) archive, judged from its first bytes."""
    with path.open("rb") as stream:
        head = stream.read(64)
    if not head:
        return "file is empty"
    if head.startswith(b"\x1f\x8b"):
        try:
            with gzip.open(path, "rb") as unzipped:
                head = unzipped.read(16)
        except (OSError, EOFError) as error:
            return f"not a readable WARC archive: {error}"
    if head.lstrip(b"\r\n").startswith((b"WARC/", b"filedesc://")):
        return None
    return "not a readable WARC archive: it does not start with a WARC/ (or ARC) header"


def read_warc(path: Path) -> Iterator[RawDocument | Rejection]:
    source = str(path)
    try:
        problem = _archive_header_problem(path)
    except OSError as error:
        problem = f"cannot read: {error.strerror or error}"
    if problem:
        yield Rejection(source, problem)
        return
    limit = config.MAX_INPUT_BYTES
    records = documents = rejected = 0
    try:
        with path.open("rb") as stream:
            iterator = ArchiveIterator(stream)
            for record in iterator:
                records += 1
                if record.rec_type not in {"response", "resource"}:
                    continue
                mime, charset = _content_type(record)
                kind = _READABLE_TYPES.get(mime or "")
                if kind is None:
                    # Images, scripts and stylesheets are part of any capture; they are not articles.
                    continue
                # The payload is read before the offset is asked for: warcio finds the offset by
                # reading the record to its end, after which the payload stream is empty.
                payload = b"" if record.length > limit else record.content_stream().read(limit + 1)
                where = f"{source}@{iterator.get_record_offset()}"
                record_id = (record.rec_headers.get_header("WARC-Record-ID") or where).strip("<>")
                url = record.rec_headers.get_header("WARC-Target-URI")
                status = record.http_headers.get_statuscode() if record.http_headers is not None else None
                problem = None
                if status and not status.startswith("2"):
                    problem = f"HTTP status {status} for {url}"
                elif record.length > limit or len(payload) > limit:
                    problem = f"record is {describe_oversize(max(record.length, len(payload)), limit)}"
                elif not payload.strip():
                    problem = f"record for {url} has an empty payload"
                if problem:
                    rejected += 1
                    yield Rejection(where, problem, id=record_id)
                    continue
                try:
                    text, encoding = decode_bytes(payload, charset or declared_charset(payload))
                except (DecodeProblem, LookupError) as error:
                    rejected += 1
                    yield Rejection(where, str(error), id=record_id)
                    continue
                documents += 1
                yield RawDocument(
                    id=record_id,
                    source=where,
                    content=text,
                    content_type=kind,  # type: ignore[arg-type]
                    date=parse_date(record.rec_headers.get_header("WARC-Date") or ""),
                    url=url,
                    meta={"date_source": "capture", "encoding": encoding, "http_status": status},
                )
    except (ArchiveLoadFailed, OSError, ValueError) as error:
        yield Rejection(source, f"not a readable WARC archive: {error}")
        return
    if documents == 0 and rejected == 0 and records > 0:
        yield Rejection(source, f"WARC archive has no HTML or text responses ({records} records)")
    elif records == 0:
        yield Rejection(source, "WARC archive holds no records")
