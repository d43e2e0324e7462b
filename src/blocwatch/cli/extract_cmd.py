"""`blocwatch extract` (the JSONL contract) and `blocwatch ingest` (inputs into the store)."""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from blocwatch import config
from blocwatch.ingest.limits import describe_oversize

# soft_wrap: one error per line, even on a narrow terminal or in a log, so it can be grepped.
err_console = Console(stderr=True, soft_wrap=True)

# The id of a line that cannot be parsed, when it is the line's first key: enough to keep "same ids" for bad lines
# without guessing at keys nested deeper in a broken record.
_LEADING_ID = re.compile(rb'^\s*\{\s*"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)\s*[,}]')


def _read_records(path: str) -> Iterator[object]:
    """Input records of `extract`: JSONL lines, or one .txt/.html article. Bad lines become error markers."""
    limit = config.MAX_INPUT_BYTES
    if path == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
        suffix = ".jsonl"
    else:
        file = Path(path)
        if not file.exists():
            raise click.BadParameter(f"{path}: no such file", param_hint="--input")
        if file.is_dir():
            raise click.BadParameter(f"{path}: is a folder; `blocwatch ingest` reads folders", param_hint="--input")
        name = path
        suffix = file.suffix.lower()
        size = file.stat().st_size
        if size > limit and suffix not in (".jsonl", ".ndjson"):
            # One article too big to parse is one bad record: it gets its error line like any other.
            yield {"id": file.stem, "__error__": f"{path}: file is {describe_oversize(size, limit)}"}
            return
        data = file.read_bytes()
    # A byte-order mark must not turn a JSONL stream into a plain-text article.
    starts_like_jsonl = data.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"{"
    if suffix in (".txt", ".text", ".md", ".html", ".htm") or (path == "-" and not starts_like_jsonl):
        yield _single_article(data, name, suffix)
        return
    for line_number, raw_line in enumerate(data.split(b"\n"), start=1):
        if not raw_line.strip():
            continue
        where = f"{name} line {line_number}"
        if len(raw_line) > limit:
            yield _bad_line(raw_line, f"{where}: record is {describe_oversize(len(raw_line), limit)}")
            continue
        try:
            line = raw_line.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield _bad_line(raw_line, f"{where}: not valid UTF-8 at byte {exc.start}")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _bad_line(raw_line, f"{where}: invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield {"__error__": f"{where}: expected a JSON object, got {type(record).__name__}"}
            continue
        yield record


def _bad_line(raw_line: bytes, message: str) -> dict:
    """Error marker for a line that cannot be read, carrying its id when the line starts with one."""
    marker: dict = {"__error__": message}
    match = _LEADING_ID.match(raw_line.removeprefix(b"\xef\xbb\xbf")[:4096])
    if match:
        try:
            marker["id"] = json.loads(match.group(1).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            pass
    return marker


def _single_article(data: bytes, name: str, suffix: str) -> dict:
    record_id = Path(name).stem if name != "<stdin>" else "stdin"
    if not data.strip():
        return {"id": record_id, "__error__": f"{name}: file is empty"}
    if b"\x00" in data[:4096]:
        return {"id": record_id, "__error__": f"{name}: binary file (contains NUL bytes), not an article"}
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return {"id": record_id, "__error__": f"{name}: not valid UTF-8 at byte {exc.start}"}
    if suffix in (".html", ".htm") or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        return {"id": record_id, "html": text}
    return {"id": record_id, "text": text}


@click.command("extract")
@click.option("--input", "-i", "input_paths", required=True, multiple=True,
              help="JSONL (id, text, date, title, url), .txt or .html; - for stdin; repeatable, read in order")
@click.option("--output", "-o", "output_path", default="-", show_default=True, help="JSONL output; - for stdout")
@click.option("--batch-size", default=16, show_default=True, help="articles parsed together")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="worker processes (each loads the pipeline once); output order is kept")
def extract_command(input_paths: tuple[str, ...], output_path: str, batch_size: int, workers: int) -> None:
    """Extract events, actors and quotes: one JSON line out per input record, same ids, same order."""
    from blocwatch.pipeline import extract_records, extract_records_parallel

    for path in input_paths:  # a missing input is a usage error, found before any record is written
        if path != "-" and not Path(path).exists():
            raise click.BadParameter(f"{path}: no such file", param_hint="--input")
    out: IO[str]
    try:
        out = sys.stdout if output_path == "-" else open(output_path, "w", encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        raise click.BadParameter(f"{output_path}: cannot write: {exc.strerror or exc}", param_hint="--output") from None
    errors = 0
    count = 0
    started = time.perf_counter()
    try:
        records = (record for path in input_paths for record in _read_records(path))
        results = (extract_records(records, batch_size=batch_size) if workers == 1
                   else extract_records_parallel(records, workers))
        for result in results:
            if "error" in result:
                errors += 1
                err_console.print(f"[red]error[/red] {result.get('id')}: {_escape(result['error'])}")
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
            count += 1
    finally:
        if out is not sys.stdout:
            out.close()
    elapsed = time.perf_counter() - started
    err_console.print(f"extract: {count} records, {count - errors} processed, {errors} errors, {elapsed:.1f} s")
    if errors:
        sys.exit(1)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", envvar="BLOCWATCH_DB", type=click.Path(dir_okay=False), help="store file (or postgresql:// URL)")
@click.option("--quiet", "-q", is_flag=True, help="no progress bar")
def ingest_command(paths: tuple[str, ...], db: str | None, quiet: bool) -> None:
    """Read files, folders and globs (.txt, .html, .jsonl, RSS/Atom, WARC) into the store."""
    summary = ingest_paths(list(paths), db, show_progress=not quiet)
    err_console.print(
        f"ingest: {summary['documents']} documents read, {summary['stored']} stored, "
        f"{summary['duplicates']} already present, {summary['rejected']} rejected "
        f"({summary['events']} events, {summary['quotes']} quotes) in {summary['seconds']:.1f} s → {summary['db']}"
    )
    if summary["rejected"]:
        err_console.print("rejected inputs are kept in the store: `blocwatch rejects` lists them")
        sys.exit(1 if summary["stored"] == 0 and summary["duplicates"] == 0 else 0)


def ingest_paths(paths: list[str], db: str | None, show_progress: bool = True) -> dict:
    """Ingest inputs into the store; every input ends up stored or rejected with its reason."""
    from blocwatch.clean import CleanError, clean
    from blocwatch.ingest import Rejection, read_inputs
    from blocwatch.pipeline import ArticleFailure, extract_articles
    from blocwatch.store import open_store

    started = time.perf_counter()
    summary = {"documents": 0, "stored": 0, "duplicates": 0, "rejected": 0, "events": 0, "quotes": 0}
    with open_store(db) as store:
        summary["db"] = str(getattr(store, "location", db))
        items = list(read_inputs(paths))
        cleaned = []
        sources: dict[str, str] = {}
        for item in items:
            if isinstance(item, Rejection):
                store.add_rejection(item.source, item.reason, item_id=item.id, sample=item.sample)
                err_console.print(f"[yellow]rejected[/yellow] {_escape(item.source)}: {_escape(item.reason)}")
                summary["rejected"] += 1
                continue
            summary["documents"] += 1
            try:
                article = clean(item)
            except CleanError as exc:
                store.add_rejection(item.source, str(exc), item_id=item.id)
                err_console.print(f"[yellow]rejected[/yellow] {_escape(item.source)}: {_escape(str(exc))}")
                summary["rejected"] += 1
                continue
            if store.has_article(store.content_hash(article.text)):
                summary["duplicates"] += 1
                continue
            sources[item.id] = item.source
            cleaned.append((item.id, article))
        progress = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                            console=err_console, disable=not show_progress or len(cleaned) < 5)
        with progress:
            task = progress.add_task("extract", total=len(cleaned))
            for result in extract_articles(cleaned):
                if isinstance(result, ArticleFailure):
                    store.add_rejection(sources.get(result.id, result.id), result.reason, item_id=result.id)
                    err_console.print(f"[red]failed[/red] {_escape(result.id)}: {_escape(result.reason)}")
                    summary["rejected"] += 1
                    progress.advance(task)
                    continue
                _, inserted = store.add_article(result, source=sources.get(result.id))
                if inserted:
                    summary["stored"] += 1
                    summary["events"] += len(result.events)
                    summary["quotes"] += len(result.quotes)
                else:
                    summary["duplicates"] += 1
                progress.advance(task)
    summary["seconds"] = time.perf_counter() - started
    return summary


COMMANDS = [extract_command, ingest_command]
