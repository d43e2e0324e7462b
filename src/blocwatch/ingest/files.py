"""From paths (files, folders, glob patterns) to documents and rejections.

The format is chosen by extension, and by sniffing the content when the extension does not say
(no extension, an .xml that may be a feed, a .txt that is really an HTML page). Every input yields
documents or a rejection; one bad input never stops the others. Hidden files and folders (names
starting with ".") are skipped when walking a folder, since they are tool state (.git, .DS_Store),
not articles; named explicitly, they are read like any other file.
"""

from __future__ import annotations

import glob
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from blocwatch import config
from blocwatch.ingest.decoding import DecodeProblem, binary_problem, declared_charset, decode_bytes
from blocwatch.ingest.documents import RawDocument, Rejection, sample_of
from blocwatch.ingest.feeds import looks_like_feed, read_feed
from blocwatch.ingest.jsonl import read_json_file, read_jsonl_stream
from blocwatch.ingest.limits import describe_oversize
from blocwatch.ingest.warc import read_warc

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
WARC_SUFFIXES = {".warc", ".warc.gz", ".arc", ".arc.gz"}
SUPPORTED = sorted(TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES | {".json"})

_GLOB_CHARACTERS = re.compile(r"[*?\[]")
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)


def _suffix(path: Path) -> str:
    """Lower-case extension, keeping the compression part: "a.warc.gz" -> ".warc.gz"."""
    suffixes = [suffix.lower() for suffix in path.suffixes]
    if len(suffixes) >= 2 and suffixes[-1] == ".gz":
        return "".join(suffixes[-2:])
    return suffixes[-1] if suffixes else ""


def _sniff(data: bytes) -> str | None:
    """The format the content itself reveals, for files whose extension does not say."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"WARC/") or (head.startswith(b"\x1f\x8b") and b"WARC/" in _gunzip_head(data)):
        return "warc"
    if looks_like_feed(head):
        return "feed"
    if _HTML_START.match(head.decode("utf-8", "replace")):
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"["):
        return "json"
    return None


def _gunzip_head(data: bytes) -> bytes:
    import zlib

    try:
        return zlib.decompressobj(wbits=31).decompress(data[:4096], 64)
    except zlib.error:
        return b""


def _file_size_problem(path: Path) -> str | None:
    size = path.stat().st_size
    limit = config.MAX_INPUT_BYTES
    if size > limit:
        return f"file is {describe_oversize(size, limit)}"
    if size == 0:
        return "file is empty"
    return None


def _text_document(path: Path, data: bytes, content_type: str) -> RawDocument | Rejection:
    source = str(path)
    declared = declared_charset(data) if content_type == "html" else None
    try:
        text, encoding = decode_bytes(data, declared)
    except DecodeProblem as error:
        return Rejection(source, str(error), id=path.stem)
    if not text.strip():
        return Rejection(source, "file holds only whitespace", id=path.stem)
    if content_type == "text" and _HTML_START.match(text):
        content_type = "html"
    meta = {"encoding": encoding} if encoding not in {"utf-8", "utf-8-sig"} else {}
    return RawDocument(
        id=path.stem,
        source=source,
        content=text,
        content_type=content_type,  # type: ignore[arg-type]
        meta=meta,
    )


def read_path(path: Path) -> Iterator[RawDocument | Rejection]:
    """Documents from one file, or from every file under a folder (recursively, in sorted order)."""
    source = str(path)
    try:
        if not path.exists():
            yield Rejection(source, "no such file or directory")
            return
        if path.is_dir():
            yield from _read_folder(path)
            return
        yield from _read_file(path)
    except OSError as error:
        yield Rejection(source, f"cannot read: {error.strerror or error}")


def _read_folder(folder: Path) -> Iterator[RawDocument | Rejection]:
    files = sorted(
        candidate
        for candidate in folder.rglob("*")
        if candidate.is_file()
        and not any(part.startswith(".") for part in candidate.relative_to(folder).parts)
    )
    if not files:
        yield Rejection(str(folder), "folder holds no files")
        return
    for file in files:
        yield from read_path(file)


def _read_file(path: Path) -> Iterator[RawDocument | Rejection]:
    source = str(path)
    suffix = _suffix(path)
    if suffix in WARC_SUFFIXES:
        yield from read_warc(path)
        return
    if suffix in JSONL_SUFFIXES:
        if path.stat().st_size == 0:
            yield Rejection(source, "file is empty")
            return
        with path.open("rb") as stream:
            # One refusal for a binary file, rather than one "invalid JSON" per line of it.
            problem = binary_problem(stream.read(8192))
            if problem:
                yield Rejection(source, problem, id=path.stem)
                return
            stream.seek(0)
            yield from read_jsonl_stream(stream, source)
        return
    known = suffix in SUPPORTED
    if suffix and not known:
        yield Rejection(source, f"unsupported file type '{suffix}' (supported: {', '.join(SUPPORTED)})")
        return
    problem = _file_size_problem(path)
    if problem:
        yield Rejection(source, problem, id=path.stem)
        return
    data = path.read_bytes()
    problem = binary_problem(data)
    if problem and not (suffix == "" and _sniff(data) == "warc"):
        yield Rejection(source, problem, id=path.stem)
        return
    kind = _kind_for(suffix, data)
    if kind is None:
        yield _unrecognised(path, suffix, data)
        return
    if kind == "warc":
        yield from read_warc(path)
    elif kind == "jsonl":
        with path.open("rb") as stream:
            yield from read_jsonl_stream(stream, source)
    elif kind in {"json", "feed"}:
        try:
            text, _ = decode_bytes(data, declared_charset(data))
        except DecodeProblem as error:
            yield Rejection(source, str(error), id=path.stem)
            return
        yield from read_json_file(text, source) if kind == "json" else read_feed(data, source)
    else:
        yield _text_document(path, data, kind)


def _kind_for(suffix: str, data: bytes) -> str | None:
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix == ".json":
        return "json"
    if suffix in FEED_SUFFIXES:
        return "feed" if looks_like_feed(data) else None
    # No extension: trust the content.
    return _sniff(data) or "text"


def _unrecognised(path: Path, suffix: str, data: bytes) -> Rejection:
    try:
        sample = sample_of(decode_bytes(data)[0])
    except DecodeProblem:
        sample = None
    return Rejection(
        str(path), f"'{suffix}' file is neither an RSS nor an Atom feed", id=path.stem, sample=sample
    )


def read_inputs(paths: Iterable[str | Path]) -> Iterator[RawDocument | Rejection]:
    """Documents from files, folders and glob patterns, in the order given; rejections for the rest."""
    for given in paths:
        path = Path(given)
        if path.exists():
            yield from read_path(path)
            continue
        pattern = str(given)
        if _GLOB_CHARACTERS.search(pattern):
            matches = sorted(glob.glob(pattern, recursive=True))
            if not matches:
                yield Rejection(pattern, "glob pattern matched no files")
            for match in matches:
                yield from read_path(Path(match))
            continue
        yield Rejection(pattern, "no such file or directory")
