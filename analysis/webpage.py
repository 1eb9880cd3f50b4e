"""Saved web pages: recognise HTML and extract the article from it.

A page saved from a browser (``.html``/``.htm``, or HTML saved as ``.txt``) is
not prose: read as text it would give a "direct" claim ``a href=`` and a
speaker ``quot;``.  Such a page is read with trafilatura, which drops the
navigation, scripts and footers and keeps the main text, the title, author and
date.  The article's text is then the title and the main text's paragraphs,
one blank line between them; every offset refers to that text, which the build
writes next to the tables (:func:`analysis.textio.write_article_text`) so that
``text[start:end]`` stays checkable.
"""
from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from analysis.textio import InputError

#: File suffixes always read as web pages.
HTML_SUFFIXES: tuple[str, ...] = (".html", ".htm")

#: Only the start of a file is inspected for HTML markers.
SNIFF_CHARS: int = 65536

#: A text whose tags cover at least this share of its first :data:`SNIFF_CHARS`
#: characters, with at least :data:`MIN_TAGS` tags, is markup (a fragment without
#: ``<html>``), not prose.
TAG_SHARE: float = 0.2
MIN_TAGS: int = 10

#: Main text of fewer words than this is not an article: the extractor fell back on
#: navigation or boiler-plate ("Home | Local | Sport").
MIN_ARTICLE_WORDS: int = 10

#: A document starts with ``<!DOCTYPE html>``, ``<html …>``, ``<head>`` or ``<body …>``,
#: after white space, an XML declaration and comments (``<!-- saved from url=… -->``);
#: prose that mentions "the <body> tag" does not.
_HTML_START = re.compile(
    r"\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<(?:html|head|body)(?:\s[^<>]*)?>)",
    re.IGNORECASE | re.DOTALL,
)
#: An opening, closing or self-closing tag (``<p>``, ``</a>``, ``<img src=x />``).
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>")


@dataclass(frozen=True)
class WebText:
    """The article in a web page: ``text`` (title, blank line, paragraphs) and metadata."""

    text: str
    title: str = ""
    author: str | None = None
    date: str | None = None


def is_web_page(path: str | Path, text: str) -> bool:
    """An ``.html``/``.htm`` file, or a text that :func:`looks_like_html`."""
    return Path(path).suffix.lower() in HTML_SUFFIXES or looks_like_html(text)


def looks_like_html(text: str) -> bool:
    """True for a document (starting with a doctype/html/head/body tag) or markup-dense text.

    Prose mentioning a tag ("the <b> element") stays prose: it neither starts
    with a document tag nor has :data:`MIN_TAGS` tags covering :data:`TAG_SHARE` of it.
    """
    head = text[:SNIFF_CHARS]
    if _HTML_START.match(head):
        return True
    tags = [m.end() - m.start() for m in _TAG.finditer(head)]
    return len(tags) >= MIN_TAGS and sum(tags) >= TAG_SHARE * len(head.strip())


@functools.cache
def _quiet_extractor_logs() -> None:
    """trafilatura and its helpers log problems ("empty HTML tree") at WARNING/ERROR:
    without a handler, Python would print them on stderr; a NullHandler keeps them off."""
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).addHandler(logging.NullHandler())


def extract(html: str, path: str | Path = "<html>") -> WebText:
    """The article in ``html`` (title, author, date, main text); :class:`InputError` if none.

    Each line of trafilatura's main text is a paragraph (white space inside it
    collapsed to single spaces); the title goes first unless the text already
    starts with it.  Fewer than :data:`MIN_ARTICLE_WORDS` words: no article.
    """
    _quiet_extractor_logs()
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, include_images=False
        )
    except Exception:  # noqa: BLE001 - a page the extractor cannot parse has no text for us
        doc = None
    body = getattr(doc, "text", None) or ""
    paragraphs = [" ".join(ln.split()) for ln in body.splitlines() if ln.strip()]
    if sum(len(p.split()) for p in paragraphs) < MIN_ARTICLE_WORDS:
        raise InputError(path, "no article text found in HTML")
    title = " ".join((getattr(doc, "title", None) or "").split())
    if title and paragraphs[0] != title:
        paragraphs.insert(0, title)
    return WebText(
        text="\n\n".join(paragraphs) + "\n",
        title=title or paragraphs[0],
        author=getattr(doc, "author", None) or None,
        date=getattr(doc, "date", None) or None,
    )
