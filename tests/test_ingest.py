"""ingest: every input becomes documents or a rejection that names it and says what is wrong."""

from __future__ import annotations

import codecs
import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from blocwatch import config
from blocwatch.clean import clean
from blocwatch.ingest import RawDocument, Rejection, normalise_date, read_inputs, read_jsonl_stream, read_path

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_0f902c55c66fdec3.txt"

ARTICLE = "Armenia said on Tuesday it would freeze its participation in the CSTO.\n"


def documents(items: list[RawDocument | Rejection]) -> list[RawDocument]:
    return [item for item in items if isinstance(item, RawDocument)]


def rejections(items: list[RawDocument | Rejection]) -> list[Rejection]:
    return [item for item in items if isinstance(item, Rejection)]


def only_rejection(path: Path) -> Rejection:
    items = list(read_path(path))
    assert len(items) == 1 and isinstance(items[0], Rejection), items
    assert items[0].source == str(path)
    return items[0]


# --- plain text and HTML files -------------------------------------------------------------------


def test_seed_text_is_read_unchanged() -> None:
    if not SEED.exists():
        pytest.skip("shared seed article not available")
    (document,) = list(read_path(SEED))
    assert isinstance(document, RawDocument)
    assert document.id == "000_0f902c55c66fdec3"
    assert document.source == str(SEED)
    assert document.content_type == "text"
    assert document.content == SEED.read_text(encoding="utf-8")


def test_text_and_html_files_by_extension(tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "page.htm").write_text(f"<html><body><p>{ARTICLE}</p></body></html>", encoding="utf-8")
    (tmp_path / "disguised.txt").write_text(
        f"<!DOCTYPE html>\n<html><p>{ARTICLE}</p></html>", encoding="utf-8"
    )
    found = {doc.id: doc for doc in documents(list(read_inputs([str(tmp_path)])))}
    assert found["note"].content_type == "text" and found["note"].content == ARTICLE
    assert found["page"].content_type == "html"
    # The content wins over a .txt extension when it is plainly an HTML page.
    assert found["disguised"].content_type == "html"


def test_file_without_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "README").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "feed").write_bytes((FIXTURES / "feed.atom").read_bytes())
    found = documents(list(read_path(tmp_path)))
    kinds = sorted((doc.source.split("#")[0].rsplit("/", 1)[1], doc.content_type) for doc in found)
    assert kinds == [("README", "text"), ("feed", "html"), ("feed", "text")]


# --- encodings ------------------------------------------------------------------------------------


def test_invalid_utf8_text_is_refused_with_byte_position(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café talks in Yerevan ended.".encode("latin-1"))
    rejection = only_rejection(path)
    assert "not valid UTF-8 at byte 3" in rejection.reason
    assert rejection.id == "latin1"


def test_cp1252_smart_quotes_only_are_decoded(tmp_path: Path) -> None:
    path = tmp_path / "quotes.txt"
    path.write_bytes("Pashinyan said: \u201cWe will not return.\u201d \u2014 and left.".encode("cp1252"))
    (document,) = list(read_path(path))
    assert isinstance(document, RawDocument)
    assert document.content == "Pashinyan said: \u201cWe will not return.\u201d \u2014 and left."
    assert document.meta["encoding"] == "cp1252"


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16"])
def test_text_with_byte_order_mark(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(ARTICLE.encode(codec))
    (document,) = list(read_path(path))
    assert isinstance(document, RawDocument)
    assert document.content == ARTICLE


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1251"></head><body><p>Москва заявила о переговорах.</p></body></html>'
    path = tmp_path / "ru.html"
    path.write_bytes(page.encode("cp1251"))
    (document,) = list(read_path(path))
    assert isinstance(document, RawDocument)
    assert "Москва заявила о переговорах." in document.content
    assert document.meta["encoding"] == codecs.lookup("windows-1251").name


# --- bad files ------------------------------------------------------------------------------------


def test_empty_and_blank_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert only_rejection(empty).reason == "file is empty"
    blank = tmp_path / "blank.html"
    blank.write_text(" \n\t\n", encoding="utf-8")
    assert "only whitespace" in only_rejection(blank).reason
    empty_jsonl = tmp_path / "empty.jsonl"
    empty_jsonl.write_bytes(b"")
    assert only_rejection(empty_jsonl).reason == "file is empty"


def test_binary_files_are_refused(tmp_path: Path) -> None:
    with_nuls = tmp_path / "blob.txt"
    with_nuls.write_bytes(bytes(range(256)) * 4)
    assert "binary file" in only_rejection(with_nuls).reason
    jsonl = tmp_path / "dump.jsonl"
    jsonl.write_bytes(b"\x00\x01\x02\n" * 500)
    assert "binary file" in only_rejection(jsonl).reason
    png = tmp_path / "chart.html"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    assert "PNG image" in only_rejection(png).reason


def test_file_over_the_limit_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(config, "MAX_INPUT_BYTES", 10 * 1024 * 1024)
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        # Sparse: no 50 MB is written, so the test stays quick and the size check is what refuses it.
        handle.truncate(50 * 1024 * 1024 + 420_000)
    assert (
        only_rejection(path).reason == "file is 50.4 MB, over the 10.0 MB limit (BLOCWATCH_MAX_INPUT_BYTES)"
    )


def test_missing_path_glob_and_unsupported_extension(tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7 ...")
    missing = str(tmp_path / "nowhere.txt")
    no_match = str(tmp_path / "*.jsonl")
    items = list(read_inputs([missing, no_match, str(pdf)]))
    assert [(item.source, item.reason) for item in rejections(items)][:2] == [
        (missing, "no such file or directory"),
        (no_match, "glob pattern matched no files"),
    ]
    assert items[2].source == str(pdf) and "unsupported file type '.pdf'" in items[2].reason
    assert len(items) == 3


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "settings.xml"
    path.write_text('<?xml version="1.0"?><settings><theme>dark</theme></settings>', encoding="utf-8")
    rejection = only_rejection(path)
    assert "neither an RSS nor an Atom feed" in rejection.reason
    assert rejection.sample is not None and rejection.sample.startswith("<?xml")


def test_glob_matches_are_read_in_sorted_order(tmp_path: Path) -> None:
    for name in ["b.txt", "a.txt", "c.html"]:
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "*.txt")]))
    assert [doc.id for doc in documents(items)] == ["a", "b"]


# --- folders --------------------------------------------------------------------------------------


def test_folder_with_mixed_files_accounts_for_every_file(tmp_path: Path) -> None:
    (tmp_path / "b_article.txt").write_text(ARTICLE, encoding="utf-8")
    nested = tmp_path / "a_nested"
    nested.mkdir()
    (nested / "page.html").write_bytes((FIXTURES / "news_page.html").read_bytes())
    (nested / "feed.rss").write_bytes((FIXTURES / "feed.rss").read_bytes())
    (tmp_path / "c_empty.txt").write_bytes(b"")
    (tmp_path / "d_photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (tmp_path / "e_records.jsonl").write_text('{"text": "Kyiv said talks resumed."}\n', encoding="utf-8")
    hidden = tmp_path / ".git"
    hidden.mkdir()
    (hidden / "config").write_text("[core]\n", encoding="utf-8")

    items = list(read_inputs([str(tmp_path)]))
    sources = [item.source for item in items]
    assert sources == [
        str(nested / "feed.rss") + "#entry1",
        str(nested / "feed.rss") + "#entry2",
        str(nested / "feed.rss") + "#entry3",
        str(nested / "page.html"),
        str(tmp_path / "b_article.txt"),
        str(tmp_path / "c_empty.txt"),
        str(tmp_path / "d_photo.jpg"),
        str(tmp_path / "e_records.jsonl") + ":1",
    ]
    refused = {Path(item.source).name: item.reason for item in rejections(items)}
    assert refused["c_empty.txt"] == "file is empty"
    assert refused["d_photo.jpg"].startswith("unsupported file type '.jpg'")
    assert refused["feed.rss#entry3"] == "feed entry has no content or summary"


def test_empty_folder_is_reported(tmp_path: Path) -> None:
    assert only_rejection(tmp_path).reason == "folder holds no files"


# --- JSONL and JSON -------------------------------------------------------------------------------


def test_jsonl_bad_lines_are_refused_one_by_one() -> None:
    path = FIXTURES / "articles.jsonl"
    items = list(read_path(path))
    good = documents(items)
    assert [doc.id for doc in good] == ["ledger-001", "articles:3"]
    first, third = good
    assert first.source == f"{path}:1"
    assert first.title == "Serbia and Hungary pledge closer energy ties"
    assert first.date == "2024-05-06" and first.url == "https://ledger.example/energy"
    assert first.content_type == "text"
    assert third.content_type == "html" and third.date == "2024-05-08"
    assert third.meta == {"section": "Balkans"}

    reasons = {item.source.rsplit(":", 1)[1]: item.reason for item in rejections(items)}
    assert reasons["2"].startswith("line 2: invalid JSON at column ")
    assert reasons["4"].startswith("line 4: date '2023-13-45' is not YYYY-MM-DD")
    assert reasons["5"] == "line 5: object has no 'text' or 'html' field (fields: id, title)"
    assert reasons["6"] == "line 6: 'text' must be a string, got array"
    assert len(items) == 6


def test_jsonl_stream_text_and_binary() -> None:
    lines = '{"id": 7, "text": "Baku and Yerevan exchanged prisoners."}\n\n{"text": "Tbilisi protested."}\n'
    from_text = list(read_jsonl_stream(io.StringIO(lines), "<stdin>"))
    from_bytes = list(read_jsonl_stream(io.BytesIO(b"\xef\xbb\xbf" + lines.encode()), "batch.jsonl"))
    assert [(doc.id, doc.source) for doc in documents(from_text)] == [
        ("7", "<stdin>:1"),
        ("stdin:3", "<stdin>:3"),
    ]
    assert [doc.id for doc in documents(from_bytes)] == ["7", "batch:3"]
    assert len(from_text) == len(from_bytes) == 2


def test_jsonl_empty_stream_and_undecodable_line() -> None:
    (empty,) = list(read_jsonl_stream(io.BytesIO(b""), "empty.jsonl"))
    assert isinstance(empty, Rejection) and "empty" in empty.reason
    items = list(read_jsonl_stream(io.BytesIO(b'{"text": "Caf\xe9"}\n{"text": "Fine."}\n'), "mixed.jsonl"))
    assert isinstance(items[0], Rejection) and items[0].reason.startswith("line 1: not valid UTF-8 at byte")
    assert isinstance(items[1], RawDocument) and items[1].content == "Fine."


def test_jsonl_limit_applies_per_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "MAX_INPUT_BYTES", 300)
    long_text = "Ankara and Athens discussed maritime borders. " * 40
    path = tmp_path / "batch.ndjson"
    path.write_text(
        '{"id": "a", "text": "Short one."}\n'
        f'{{"id": "b", "text": "{long_text}"}}\n'
        '{"id": "c", "text": "Another short one."}\n',
        encoding="utf-8",
    )
    items = list(read_path(path))
    assert [doc.id for doc in documents(items)] == ["a", "c"]
    (refused,) = rejections(items)
    assert refused.source == f"{path}:2"
    assert refused.reason.startswith("line 2: record is ") and "over the 300-byte limit" in refused.reason


def test_json_file_with_a_list_of_articles(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(
        '[{"id": "x1", "text": "Riga hosted the summit.", "date": "Sat, 04 May 2024 10:00:00 +0300"},'
        ' {"title": "no body"}]',
        encoding="utf-8",
    )
    first, second = list(read_path(path))
    assert isinstance(first, RawDocument) and first.id == "x1" and first.date == "2024-05-04"
    assert isinstance(second, Rejection) and second.source == f"{path}#item2"
    assert second.reason.startswith("item 2: object has no 'text' or 'html' field")


# --- feeds ----------------------------------------------------------------------------------------


def test_rss_feed_entries() -> None:
    path = FIXTURES / "feed.rss"
    items = list(read_path(path))
    first, second = documents(items)
    assert first.id == "ledger-2024-0311-moldova"
    assert first.source == f"{path}#entry1"
    assert first.title == "Moldova asks EU for border monitoring mission"
    assert first.url == "https://ledger.example/world/moldova-border-mission"
    # The publisher's own day, not the UTC day (22:15 at -05:00 is already the 12th in UTC).
    assert first.date == "2024-03-11"
    assert first.content_type == "html" and "Dorin Recean" in first.content  # full content over summary
    assert second.id == "https://ledger.example/world/georgia-minsk-ambassador"  # no guid: the link
    assert second.date == "2024-03-12"
    (refused,) = rejections(items)
    assert refused.source == f"{path}#entry3"


def test_atom_feed_entries() -> None:
    items = list(read_path(FIXTURES / "feed.atom"))
    water, defence = items
    assert isinstance(water, RawDocument) and isinstance(defence, RawDocument)
    assert water.id == "urn:example:ledger:diplomacy:0402-water"
    assert water.date == "2024-04-01"
    assert water.url == "https://ledger.example/diplomacy/water-accord"
    assert water.content_type == "html" and "Syr Darya" in water.content
    assert defence.date == "2024-03-28"  # only <updated>
    assert defence.content_type == "text"
    assert defence.content.startswith("Armenia and France agreed")


def test_malformed_feed(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>Half a feed", encoding="utf-8")
    assert only_rejection(path).reason.startswith("not a readable RSS/Atom feed: ")
    empty = tmp_path / "empty.atom"
    empty.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Quiet</title></feed>', encoding="utf-8"
    )
    assert only_rejection(empty).reason == "feed has no entries"


# --- WARC -----------------------------------------------------------------------------------------


def write_warc(path: Path, compress: bool) -> None:
    page = (FIXTURES / "news_page.html").read_bytes()
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "blocwatch tests"}))

        def response(url: str, status: str, content_type: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-03-01T12:00:00Z"},
            )
            writer.write_record(record)

        response("https://ledger.example/baltic", "200 OK", "text/html; charset=utf-8", page)
        response("https://ledger.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n")
        response(
            "https://ledger.example/gone", "404 Not Found", "text/html", b"<html><body>Gone</body></html>"
        )


@pytest.mark.parametrize("name", ["capture.warc", "capture.warc.gz"])
def test_warc_responses_become_documents(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path, compress=name.endswith(".gz"))
    items = list(read_path(path))
    (document,) = documents(items)
    assert document.url == "https://ledger.example/baltic"
    assert document.content_type == "html"
    assert document.date == "2024-03-01"  # the WARC-Date
    assert document.source.startswith(f"{path}@")
    assert document.id.startswith("urn:uuid:")
    offset = int(document.source.rsplit("@", 1)[1])
    # The offset is where the record starts, so a reader can seek straight to it.
    with path.open("rb") as handle:
        handle.seek(offset)
        head = gzip.GzipFile(fileobj=handle).read(6) if name.endswith(".gz") else handle.read(6)
    assert head == b"WARC/1"
    (gone,) = rejections(items)
    assert gone.reason == "HTTP status 404 for https://ledger.example/gone"
    # The page states when it was published; that beats the capture date once cleaned.
    assert clean(document).date == "2024-02-14"


def test_broken_warc(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_text("this is not a web archive\n", encoding="utf-8")
    assert "not a readable WARC archive" in only_rejection(path).reason


# --- dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2023-03-03", "2023-03-03"),
        ("2023-03-03T23:30:00-05:00", "2023-03-03"),
        ("2023-03-03T10:00:00Z", "2023-03-03"),
        ("Fri, 03 Mar 2023 23:30:00 +0500", "2023-03-03"),
        ("March 3, 2023", "2023-03-03"),
        ("3rd March 2023", "2023-03-03"),
        (None, None),
        ("", None),
    ],
)
def test_normalise_date_accepts_common_forms(written: str | None, expected: str | None) -> None:
    assert normalise_date(written) == expected


@pytest.mark.parametrize("written", ["2023-13-45", "yesterday", "March 3"])
def test_normalise_date_refuses_non_dates(written: str) -> None:
    with pytest.raises(ValueError, match="is not YYYY-MM-DD"):
        normalise_date(written)
