"""Load a news article from disk and divide it into paragraphs and zones.

Stage 1 of the pipeline: *file → Article*.

An :class:`Article` holds the text exactly as decoded (after BOM removal and
CRLF → LF normalisation, see :mod:`analysis.textio`), and a tuple of
:class:`Paragraph` spans into it.  Every later offset in the project is an
offset into ``Article.text``.

Zones (one per paragraph):

``headline``  the first non-empty paragraph;
``notice``    boiler-plate notices ("Voice is AI-generated…", "Listen to this
              article", "Sign up for…");
``body``      the article proper;
``caption``   a photo caption (and the short image-title line above it);
``credit``    a photographer / agency credit line ("Name/AFP/Getty");
``bio``       the author bio after "About the writer"-style cues, and any
              repetition of it.

Zoning is rule based: cue-phrase lexicons live in ``data/lexicons/zones.tsv``;
shape rules (slashes between capitalised agency names, short title-case lines
without a final stop) are general, never keyed to one article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from analysis import lexicons
from analysis.textio import read_text

ZONES: tuple[str, ...] = ("headline", "notice", "body", "caption", "credit", "bio")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: ``text[start:end]`` of its article, stripped of outer space."""

    paragraph_id: int
    start: int
    end: int
    zone: str


@dataclass(frozen=True)
class Article:
    """One article: its stable id, decoded text and zoned paragraphs."""

    article_id: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    source: str = ""
    headline: str = ""
    author: str | None = None
    meta: dict = field(default_factory=dict, compare=False)

    def paragraph_text(self, p: Paragraph) -> str:
        """Return the surface text of paragraph ``p``."""
        return self.text[p.start : p.end]


#: A first paragraph longer than this is body text, not a headline.
HEADLINE_MAX_WORDS: int = 40

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_LINE = re.compile(r"[^\n]+")


def article_id_from_path(path: str | Path) -> str:
    """Stable article id from a file name: the stem, lower-cased, non-word runs → '-'."""
    stem = Path(path).stem
    aid = re.sub(r"[^0-9a-z]+", "-", stem.lower()).strip("-")
    return aid or "article"


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into paragraph spans.

    Paragraphs are separated by blank lines.  Inside a block, each line is its
    own paragraph when the block looks like a list of short lines (scraped
    pages often put a photo title and its caption on consecutive lines);
    spans are stripped of surrounding white space and never empty.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    blocks: list[tuple[int, int]] = []
    for m in _BLANK_LINE.finditer(text):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, len(text)))
    for bstart, bend in blocks:
        for lm in _LINE.finditer(text, bstart, bend):
            s, e = _strip_span(text, lm.start(), lm.end())
            if s < e:
                spans.append((s, e))
    return spans


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --- zone rules ---------------------------------------------------------------

_CREDIT_SHAPE = re.compile(
    r"(?:^|\s)(?:[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3})"  # a name
    r"(?:\s*/\s*[A-Z][\w.&'\-]*(?:\s+[A-Z][\w.&'\-]*){0,3}){1,3}\s*$"  # /Agency/Agency
)


def _ends_like_sentence(s: str) -> bool:
    return bool(re.search(r"[.!?:;][\"'\u201d\u2019)\]]?$", s))


def _is_title_line(s: str) -> bool:
    """Short line in title case with no closing punctuation (an image title, a heading)."""
    words = s.split()
    if not words or len(words) > 14 or _ends_like_sentence(s):
        return False
    caps = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return caps / len(words) >= 0.6


def credit_split(s: str) -> int | None:
    """Offset within ``s`` where a trailing photo credit begins, or ``None``.

    A credit is a trailing run of capitalised names joined by slashes
    ("Dimitar Dilkoff/AFP/Getty", "John Doe/Reuters") or a known agency
    phrase ("Getty Images", "AP Photo/…") from the credit lexicon.
    """
    m = _CREDIT_SHAPE.search(s)
    if m and "/" in m.group(0):
        start = m.start() + (1 if s[m.start()].isspace() else 0)
        return start
    for cue in lexicons.zone_cues("credit_tail"):
        if s.endswith(cue) and len(s) - len(cue) < 60:
            # the whole line is a credit only if what precedes is short
            return 0
    return None


def _matches_cue(s: str, kind: str) -> bool:
    """True if the paragraph starts with a cue of ``kind`` (leading symbols such as an
    emoji skipped), or is short (at most 12 words) and contains one."""
    low = s.lower()
    lead = re.sub(r"^\W+", "", low)
    cues = lexicons.zone_cues(kind)
    if any(lead.startswith(c) for c in cues):
        return True
    return len(s.split()) <= 12 and any(c in low for c in cues)


def assign_zones(paragraph_texts: list[str]) -> list[str]:
    """Assign a zone to each paragraph text (see module docstring)."""
    n = len(paragraph_texts)
    zones = ["body"] * n
    if n == 0:
        return zones
    # the first paragraph is the headline when it is headline-sized
    zones[0] = "headline" if len(paragraph_texts[0].split()) <= HEADLINE_MAX_WORDS else "body"
    in_bio = False
    seen_bio: list[str] = []
    for i in range(1, n):
        s = paragraph_texts[i]
        low = s.lower().strip()
        if low in lexicons.zone_cues("bio_header") or any(
            low.startswith(c) for c in lexicons.zone_cues("bio_header")
        ) and len(s.split()) <= 5:
            in_bio = True
            zones[i] = "bio"
            continue
        if in_bio:
            zones[i] = "bio"
            seen_bio.append(s)
            continue
        if i >= n // 2 and _looks_like_bio(s):
            in_bio = True
            zones[i] = "bio"
            continue
        if _matches_cue(s, "notice") and len(s.split()) <= 25:
            zones[i] = "notice"
            continue
        if credit_split(s) == 0 and len(s.split()) <= 8:
            zones[i] = "credit"
            continue
        nxt = paragraph_texts[i + 1] if i + 1 < n else ""
        if credit_split(s) is not None:
            zones[i] = "caption"
            if i > 1 and zones[i - 1] == "body" and _is_title_line(paragraph_texts[i - 1]):
                zones[i - 1] = "caption"
            continue
        if _is_title_line(s) and nxt and credit_split(nxt) is not None:
            zones[i] = "caption"
            continue
    return zones


def _looks_like_bio(s: str) -> bool:
    """"Jane Doe is a senior reporter at …": a name, a copula and a newsroom role early on."""
    m = _BIO_NAME.match(s)
    if not m:
        return False
    head = s[m.end() : m.end() + 60].lower()
    return any(re.search(rf"\b{re.escape(r)}s?\b", head) for r in lexicons.zone_cues("bio_role"))


def split_credit_paragraphs(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split a caption paragraph that ends in a photo credit into caption + credit."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        para = text[s:e]
        k = credit_split(para)
        if k is not None and k > 0 and len(para[:k].split()) >= 4:
            cs, ce = _strip_span(text, s, s + k)
            out.append((cs, ce))
            ks, ke = _strip_span(text, s + k, e)
            out.append((ks, ke))
        else:
            out.append((s, e))
    return out


def zone_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Split ``text`` into paragraphs and give each one a zone.

    After the per-paragraph rules, a photo block is assembled around each
    credit line: the paragraph before a credit is its caption, and a short
    title-case line before that caption is the image title (zone caption too).
    """
    spans = split_credit_paragraphs(text, split_paragraphs(text))
    texts = [text[s:e] for s, e in spans]
    zones = assign_zones(texts)
    for i, t in enumerate(texts):
        if zones[i] in ("body", "caption") and i > 0 and credit_split(t) == 0 and len(t.split()) <= 8:
            zones[i] = "credit"
    for i in range(len(zones)):
        if zones[i] != "credit":
            continue
        j = i - 1
        if j > 0 and zones[j] in ("body", "caption"):
            zones[j] = "caption"
            if j - 1 > 0 and zones[j - 1] == "body" and _is_title_line(texts[j - 1]):
                zones[j - 1] = "caption"
    return tuple(Paragraph(i, s, e, z) for i, ((s, e), z) in enumerate(zip(spans, zones)))


_BYLINE = re.compile(r"^(?:By|BY)\s+([A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){1,3})\b")
_BIO_NAME = re.compile(r"^([A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){1,3})\s+(?:is|was|has been|covers|writes)\b")


def find_author(text: str, paragraphs: tuple[Paragraph, ...]) -> str | None:
    """The author's name from a byline ("By Jane Doe") or the bio ("Jane Doe is a …")."""
    for p in paragraphs:
        s = text[p.start : p.end]
        m = _BYLINE.match(s)
        if m and p.zone in ("body", "notice", "headline"):
            return m.group(1)
    for p in paragraphs:
        if p.zone == "bio":
            m = _BIO_NAME.match(text[p.start : p.end])
            if m:
                return m.group(1)
    return None


def article_from_text(text: str, article_id: str, source: str = "") -> Article:
    """Build an :class:`Article` from already-decoded text."""
    paragraphs = zone_paragraphs(text)
    headline = ""
    for p in paragraphs:
        if p.zone == "headline":
            headline = text[p.start : p.end]
            break
    return Article(
        article_id=article_id,
        text=text,
        paragraphs=paragraphs,
        source=source,
        headline=headline,
        author=find_author(text, paragraphs),
    )


def load_article(path: str | Path) -> Article:
    """Read and zone the article at ``path``.

    Raises :class:`analysis.textio.InputError` with a one-line message for
    missing, empty, binary, undecodable or oversized files.
    """
    text = read_text(path)
    return article_from_text(text, article_id_from_path(path), source=str(path))


@lru_cache(maxsize=None)
def zone_names() -> tuple[str, ...]:
    """The zone vocabulary, in display order."""
    return ZONES
