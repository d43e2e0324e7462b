"""HTML to CleanArticle: trafilatura finds the main text, title and date; the paragraphs of that text
then go through the same title/heading/boilerplate rules as plain text.

CleanArticle.text for HTML is the extracted text (one paragraph per line), so offsets point into it,
not into the markup.
"""

from __future__ import annotations

import re

import lxml.html
import trafilatura
from lxml import etree

from blocwatch.clean.boilerplate import is_boilerplate, is_headline_like
from blocwatch.clean.errors import CleanError
from blocwatch.clean.paragraphs import ends_sentence
from blocwatch.clean.text import segment_text
from blocwatch.ingest import parse_date
from blocwatch.records import CleanArticle

# Publication-date metadata, most specific first.
_DATE_XPATHS = [
    "//meta[@property='article:published_time' or @name='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//meta[@name='pubdate' or @name='publishdate' or @name='publish-date' or @name='date'"
    " or @name='dc.date' or @name='DC.date.issued' or @property='og:published_time']/@content",
    "//article//time[@datetime]/@datetime",
]
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_BLOCK_TAGS = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "br", "tr",
    "section", "article", "header", "footer", "pre", "dd", "dt", "figcaption", "table",
}  # fmt: skip
_INVISIBLE_TAGS = ["script", "style", "noscript", "template", "svg", "iframe", "head"]
# A prose paragraph in a page: a sentence of some length, not a link label or a banner.
_PROSE_MIN_WORDS = 8


def _parse(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (etree.ParserError, ValueError):
        return None


def published_date_from_meta(tree: lxml.html.HtmlElement) -> str | None:
    for xpath in _DATE_XPATHS:
        for value in tree.xpath(xpath):
            parsed = parse_date(str(value))
            if parsed:
                return parsed
    return None


def _is_sentence(line: str) -> bool:
    """A line of article prose: a real sentence, not a link label or a 'please enable JavaScript' notice."""
    return _is_prose(line) or (len(line.split()) >= 4 and ends_sentence(line) and not is_boilerplate(line))


def _is_fragment(html: str) -> bool:
    """A snippet of markup (a feed entry summary), not a whole page."""
    return re.search(r"<(?:html|body|head)[\s>]", html[:4096], re.IGNORECASE) is None


def visible_paragraphs(tree: lxml.html.HtmlElement) -> list[str]:
    """The visible text of `tree`, one entry per block element, whitespace collapsed."""
    tree = _copy(tree)
    for element in list(tree.iter(*_INVISIBLE_TAGS)):
        element.drop_tree()
    for element in tree.iter():
        # Line breaks in the markup's source are not paragraph breaks; only block elements are.
        element.text = _collapse(element.text)
        element.tail = _collapse(element.tail)
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
            if element.tag.lower() != "br":
                element.text = "\n" + (element.text or "")
    lines = (" ".join(line.split()) for line in tree.text_content().split("\n"))
    return [line for line in lines if line]


def _collapse(text: str | None) -> str | None:
    return None if text is None else re.sub(r"\s+", " ", text)


def _copy(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(lxml.html.tostring(tree, encoding="unicode"))


def _is_prose(line: str) -> bool:
    return (
        len(line.split()) >= _PROSE_MIN_WORDS
        and ends_sentence(line)
        and not is_boilerplate(line)
        and not is_headline_like(line)
    )


def _count_prose_paragraphs(tree: lxml.html.HtmlElement) -> int:
    return sum(1 for paragraph in tree.iter("p") if _is_prose(" ".join(paragraph.text_content().split())))


def _extract_main_text(html: str, url: str | None) -> str | None:
    options = {"url": url, "include_comments": False, "include_tables": False, "output_format": "txt"}
    # Precision first: it leaves out more navigation; the balanced mode rescues pages it empties.
    for precision in (True, False):
        extracted = trafilatura.extract(html, favor_precision=precision, **options)
        if extracted and extracted.strip():
            return extracted.strip()
    return None


def clean_html(
    html: str, title: str | None = None, date: str | None = None, url: str | None = None
) -> CleanArticle:
    if not html.strip():
        raise CleanError("HTML is empty")
    tree = _parse(html)
    if tree is None:
        raise CleanError("HTML could not be parsed (no elements found)")
    text = _extract_main_text(html, url)
    if text is None and _is_fragment(html):
        lines = visible_paragraphs(tree)
        if any(_is_prose(line) or (ends_sentence(line) and not is_boilerplate(line)) for line in lines):
            text = "\n".join(lines)
    if text is None or not any(_is_sentence(line) for line in text.splitlines()):
        # Navigation labels or a "please enable JavaScript" notice are not an article.
        raise CleanError(
            f"HTML page has no article text (found {_count_prose_paragraphs(tree)} paragraphs of prose)"
        )

    page_title = title
    page_date = date or published_date_from_meta(tree)
    if page_title is None or page_date is None:
        metadata = trafilatura.extract_metadata(html, default_url=url, extensive=False)
        if metadata is not None:
            page_title = page_title or (metadata.title or None)
            page_date = page_date or parse_date(metadata.date or "")
    try:
        return segment_text(text, title=page_title, date=page_date, url=url)
    except CleanError:
        raise CleanError(
            f"HTML page has no article text (found {_count_prose_paragraphs(tree)} paragraphs of prose; "
            f"what was extracted is boilerplate, e.g. {text.splitlines()[0][:60]!r})"
        ) from None
