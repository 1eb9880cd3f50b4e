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

import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from analysis import lexicons, vocabulary
from analysis.textio import read_decoded

ZONES: tuple[str, ...] = vocabulary.ZONES


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
    #: doubtful-input problems found while reading (printed as ``warning: <file>: …``)
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def paragraph_text(self, p: Paragraph) -> str:
        """Return the surface text of paragraph ``p``."""
        return self.text[p.start : p.end]


#: A first paragraph longer than this is body text, not a headline.
HEADLINE_MAX_WORDS: int = 40

#: A block whose lines are all at most this long may be hard-wrapped text.
WRAP_MAX_CHARS: int = 100
#: ... and its widest line at least this long (shorter lines are a list or titles, not wrapped prose).
WRAP_MIN_CHARS: int = 40
#: In a hard-wrapped block, a line at least this share of the widest line was wrapped by width.
WRAP_FILL: float = 0.6

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_LINE = re.compile(r"[^\n]+")


def article_id_from_path(path: str | Path) -> str:
    """Stable article id from a file name: the stem, lower-cased, non-word runs → '-'.

    Non-ASCII runs are transliterated first (:func:`anyascii.anyascii`), syllables of
    a script without case or spaces split at their capitals: ``Zürich`` → ``zurich``,
    ``копия`` → ``kopiya``, ``北约`` → ``bei-yue``.  A non-ASCII name with nothing
    to transliterate gets ``article-`` and a digest of the name, so distinct names
    keep distinct ids.  ASCII names are untouched by this (``My Article (2)`` →
    ``my-article-2``; nothing at all → ``article``).
    """
    stem = Path(path).stem
    if not stem.isascii():
        stem = _NON_ASCII_RUN.sub(_transliterate_run, stem)
    aid = re.sub(r"[^0-9a-z]+", "-", stem.lower()).strip("-")
    if not aid and not Path(path).stem.isascii():
        digest = hashlib.sha1(Path(path).stem.encode("utf-8", "surrogateescape")).hexdigest()[:8]
        return f"article-{digest}"
    return aid or "article"


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def _transliterate_run(m: re.Match) -> str:
    """ASCII for a run of non-ASCII characters; CJK syllables come capitalised and
    unspaced ("BeiYue"), so a lower-to-upper step inside the run becomes a hyphen."""
    from anyascii import anyascii

    return re.sub(r"(?<=[a-z])(?=[A-Z])", "-", anyascii(m.group()))


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into paragraph spans (stripped of outer white space, never empty).

    Blank lines always separate paragraphs.  Inside a block of consecutive
    lines, a line break is a paragraph break too (scraped pages put an image
    title and its caption, or whole paragraphs, on consecutive lines) unless the
    block is *hard-wrapped*: its widest line between :data:`WRAP_MIN_CHARS` and
    :data:`WRAP_MAX_CHARS` characters,
    in which case a line that reaches :data:`WRAP_FILL` of the block's longest
    line was wrapped by width and continues on the next line, unless it ends a
    sentence and the next line starts with a capital.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    blocks: list[tuple[int, int]] = []
    for m in _BLANK_LINE.finditer(text):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, len(text)))
    for bstart, bend in blocks:
        lines = [_strip_span(text, m.start(), m.end()) for m in _LINE.finditer(text, bstart, bend)]
        lines = [(s, e) for s, e in lines if s < e]
        if not lines:
            continue
        widest = max(e - s for s, e in lines)
        wrapped = len(lines) > 1 and WRAP_MIN_CHARS <= widest <= WRAP_MAX_CHARS
        cur_start, cur_end = lines[0]
        for (s, e), (ns, ne) in zip(lines, lines[1:]):
            if wrapped and (e - s) >= WRAP_FILL * widest and _continues(text[s:e], text[ns:ne]):
                cur_end = ne  # soft wrap: the paragraph goes on
                continue
            spans.append((cur_start, cur_end))
            cur_start, cur_end = ns, ne
        spans.append((cur_start, cur_end))
    return spans


def _continues(line: str, next_line: str) -> bool:
    """A wrapped line goes on when the next starts in lower case or the line does not end a sentence."""
    return next_line[:1].islower() or not _ends_like_sentence(line)


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


#: A social-media plug signing a piece: "Follow Jane Doe on Twitter @janedoe", "Follow him on
#: Instagram" — "Follow", at most five words, "on" and a network name or an @handle.
_FOLLOW_PLUG = re.compile(r"follow\s+(?:\S+\s+){1,5}?on\s+(?:twitter|facebook|instagram|x)\b|follow\s+(?:\S+\s+){0,5}@\w+")


def _matches_cue(s: str, kind: str) -> bool:
    """True if the paragraph starts with a cue of ``kind`` (leading symbols such as an
    emoji or a quotation mark skipped), or is short (at most 12 words) and contains one;
    a short paragraph opening with a social-media plug is a notice too."""
    low = s.lower()
    lead = re.sub(r"^\W+", "", low)
    cues = lexicons.zone_cues(kind)
    if any(lead.startswith(c) for c in cues):
        return True
    if kind == "notice" and len(s.split()) <= 12 and _FOLLOW_PLUG.match(lead):
        return True
    return len(s.split()) <= 12 and any(c in low for c in cues)


def _is_bio_header(s: str) -> bool:
    """"About the writer" and the like: a short paragraph starting with a bio-header cue."""
    low = s.lower().strip()
    return len(s.split()) <= 5 and any(low.startswith(c) for c in lexicons.zone_cues("bio_header"))


def assign_zones(paragraph_texts: list[str]) -> list[str]:
    """Assign a zone to each paragraph text (see module docstring).

    Everything from a bio header (or a "Jane Doe is a reporter at …" paragraph in
    the second half) to the end is bio; short cue-led paragraphs are notices;
    short slash-joined name lines are credits; then photo blocks are assembled
    around the credits (:func:`_mark_photo_blocks`).
    """
    n = len(paragraph_texts)
    zones = ["body"] * n
    if n == 0:
        return zones
    # the first paragraph is the headline when it is headline-sized
    zones[0] = "headline" if len(paragraph_texts[0].split()) <= HEADLINE_MAX_WORDS else "body"
    in_bio = False
    for i in range(1, n):
        s = paragraph_texts[i]
        words = len(s.split())
        if in_bio or _is_bio_header(s) or (i >= n // 2 and _looks_like_bio(s)):
            in_bio = True
            zones[i] = "bio"
        elif words <= 25 and _matches_cue(s, "notice"):
            zones[i] = "notice"
        elif (k := credit_split(s)) == 0 and words <= 8:
            zones[i] = "credit"
        elif k is not None and k > 0:
            zones[i] = "caption"  # a caption with its credit inline
    _mark_photo_blocks(paragraph_texts, zones)
    return zones


def _mark_photo_blocks(paragraph_texts: list[str], zones: list[str]) -> None:
    """In place: the body paragraph before a credit is its caption, and a short
    title-case line before a caption is the image title (zone caption too)."""
    for i in range(1, len(zones)):
        if zones[i] == "credit" and zones[i - 1] == "body" and i - 1 > 0:
            zones[i - 1] = "caption"
    for i in range(len(zones) - 1, 1, -1):
        if zones[i] == "caption" and zones[i - 1] == "body" and _is_title_line(paragraph_texts[i - 1]):
            zones[i - 1] = "caption"


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
    """Split ``text`` into paragraphs (credits split off their captions) and zone them."""
    spans = split_credit_paragraphs(text, split_paragraphs(text))
    zones = assign_zones([text[s:e] for s, e in spans])
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

    A saved web page (:func:`analysis.webpage.is_web_page`) is reduced to its
    article first: the text is then the extracted one (``meta["format"]`` is
    ``"html"``), the headline the page title, author and date (``meta["date"]``)
    those of the page when it has them.  Decoding warnings are kept in
    ``Article.warnings``.

    Raises :class:`analysis.textio.InputError` with a one-line message for
    missing, empty, binary, undecodable or oversized files, and web pages
    without article text.
    """
    from analysis import webpage

    decoded = read_decoded(path)
    aid = article_id_from_path(path)
    if not webpage.is_web_page(path, decoded.text):
        return replace(article_from_text(decoded.text, aid, source=str(path)), warnings=decoded.warnings)
    page = webpage.extract(decoded.text, path)
    article = article_from_text(page.text, aid, source=str(path))
    return replace(
        article,
        headline=page.title or article.headline,
        author=page.author or article.author,
        meta={"format": "html", "date": page.date},
        warnings=decoded.warnings,
    )


def extracted_text(article: Article) -> str | None:
    """The article's text when it is not the file's own text (a web page's extracted
    article), to be written next to the tables; ``None`` for a text file."""
    return article.text if article.meta.get("format") == "html" else None
