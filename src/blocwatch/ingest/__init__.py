"""ingest stage: files, folders, globs, JSONL, HTML, RSS/Atom and WARC in; raw documents (or the
reasons an input was refused) out. See docs/architecture.md."""

from blocwatch.ingest.dates import normalise_date, parse_date
from blocwatch.ingest.documents import RawDocument, Rejection
from blocwatch.ingest.files import SUPPORTED, read_inputs, read_path
from blocwatch.ingest.jsonl import read_jsonl_stream

__all__ = [
    "SUPPORTED",
    "RawDocument",
    "Rejection",
    "normalise_date",
    "parse_date",
    "read_inputs",
    "read_jsonl_stream",
    "read_path",
]
