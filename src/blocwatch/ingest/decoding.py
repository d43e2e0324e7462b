"""Bytes to text, refusing what is not text rather than guessing.

Order of trust: a byte-order mark, then UTF-8, then (HTML only) the charset the page declares.
Valid UTF-8 wins over a declared charset because pages mislabelled "iso-8859-1" are common while
non-UTF-8 text that happens to be valid UTF-8 is vanishingly rare.

There is no silent latin-1 fallback, with one documented exception: text whose only non-ASCII bytes are
the Windows-1252 punctuation bytes 0x80-0x9F (smart quotes, dashes, ellipsis) is decoded as cp1252.
Those bytes are control codes in latin-1 and invalid alone in UTF-8, so cp1252 is the only reading
that makes sense of them, and it cannot garble accented letters.
"""

from __future__ import annotations

import codecs
import re

BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

# Magic numbers of formats people are likely to drop into an input folder by mistake.
MAGIC_NUMBERS: list[tuple[bytes, str]] = [
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"SQLite format 3", "an SQLite database"),
]

# The Windows-1252 punctuation bytes that make a "smart quotes only" file recognisable.
CP1252_PUNCTUATION = frozenset(b"\x82\x84\x85\x91\x92\x93\x94\x96\x97")

_SNIFF_BYTES = 8192
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""",
    re.IGNORECASE,
)


class DecodeProblem(ValueError):
    """The bytes are not text this project will read; the message says why."""


def has_bom(data: bytes) -> bool:
    return any(data.startswith(bom) for bom, _ in BOMS)


def binary_problem(data: bytes) -> str | None:
    """Why these bytes look like a binary file, or None when they look like text."""
    head = data[:_SNIFF_BYTES]
    for magic, name in MAGIC_NUMBERS:
        if head.startswith(magic):
            return f"binary file (looks like {name}), not text"
    if has_bom(head):
        return None
    if b"\x00" in head:
        return "binary file (contains NUL bytes), not text; UTF-16 text needs a byte-order mark"
    controls = sum(1 for byte in head if byte < 0x20 and byte not in b"\t\n\r\x0c\x1b")
    if head and controls / len(head) > 0.05:
        return f"binary file ({controls} control bytes in the first {len(head)}), not text"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset named by an HTML <meta> or an XML declaration near the top, if Python knows it."""
    found = _DECLARED_CHARSET.search(data[:_SNIFF_BYTES])
    if not found:
        return None
    name = (found.group(1) or found.group(2)).decode("ascii").lower()
    # As browsers do: pages labelled latin-1 are written in its Windows superset.
    if name in {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"}:
        name = "cp1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _utf8_error_offset(data: bytes) -> tuple[int, int] | None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start, data[error.start]
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding used). `declared` is a charset the container states (HTML meta, HTTP header)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise DecodeProblem(
                    f"not valid {encoding} at byte {error.start} despite its byte-order mark"
                ) from None
    problem = _utf8_error_offset(data)
    if problem is None:
        return data.decode("utf-8"), "utf-8"
    position, byte = problem
    if declared and codecs.lookup(declared).name != "utf-8":
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError as error:
            raise DecodeProblem(
                f"not valid UTF-8 at byte {position}, nor valid {declared} (its declared charset) at byte {error.start}"
            ) from None
    non_ascii = {value for value in data if value >= 0x80}
    if non_ascii <= CP1252_PUNCTUATION:
        return data.decode("cp1252"), "cp1252"
    raise DecodeProblem(
        f"not valid UTF-8 at byte {position} (0x{byte:02x}); save the file as UTF-8"
        + ("" if declared is None else f" (declared charset {declared})")
    )
