"""Annotated HTML view of one article: zones, mentions, quotations, claims, analyst notes.

:func:`render_html` is a pure function *(article, tables, annotations) → str*:
same input, same bytes (no timestamps, no random ids, every list sorted with
explicit tie-breakers).  The page is self-contained — inline ``style``
attributes only, no ``<style>`` block, no scripts, no fonts, images or other
files fetched — so it reads offline in any browser and as notebook output
(:class:`ArticleView` has ``_repr_html_``), **also in an untrusted notebook**:
every tag, attribute and CSS property used is one JupyterLab's HTML sanitizer
keeps (see :mod:`analysis.render_style`).

What the page shows
-------------------
* every paragraph in reading order, in a row whose left gutter names its zone
  (headline, notice, body, caption, credit, bio); each zone has its own look;
* entity **mentions** as tinted spans coloured by entity type; hovering shows
  the entity (its display name), its type and the mention kind (``title``); a pronoun
  or role mention ("he", "the NATO chief", "the alliance") shows the entity
  it resolves to in small type after it (a ``<sub class="ar-aside">``: text
  in ``ar-aside`` elements — this and the claim badges — is not article text);
* **quotations** (spans between quotation marks, found by
  :func:`analysis.quotes.find_quotes`) in a serif italic, so quoted fragments
  stand apart from reported speech;
* **claims** underlined (a bottom border) in their speaker's colour, the line
  style telling the attribution (solid = direct quotation, double = mixed,
  dashed = indirect, dotted = narrator);
  a numbered badge opens each claim and the right-hand margin of its first
  paragraph holds the compact label *speaker · attribution · category* plus
  any analyst label and note from ``data/annotations/claims.csv`` (read by
  :func:`analysis.annotations.load_annotations`, re-exported here; joined on
  ``article_id`` and ``claim_id``);
* a legend and a header with counts.

* the claim's **cue** ("said", "told Newsweek") and **speaker slot** (the words
  naming who speaks) in bold, in the speaker's colour, when the claims table
  gives their offsets (``cue_start``/``cue_end``, ``speaker_start``/``speaker_end``);

Nesting: claims ⊃ quotations ⊃ cue and speaker slots ⊃ mentions.  Spans are cut at paragraph
boundaries (no element crosses a ``<p>``) and, should two layers overlap
partially, split so that the markup always nests; every piece of a span
carries the same ``data-claim`` / ``data-mention`` id, so a reader (or a test)
can collect the pieces of one row.

Safety: every piece of article text, table value and annotation goes through
``html.escape(…, quote=True)``, attributes included; class names built from
data values are reduced to ``[a-z0-9-]``; colours and styles come only from
module constants (:mod:`analysis.vocabulary`, :mod:`analysis.render_style`).
The full document also carries a Content-Security-Policy that forbids scripts.

``render_paths`` is the body of ``python -m analysis render``.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import vocabulary
from analysis.annotations import ANNOTATIONS_PATH, AnnotationError, load_annotations, orphans, read_annotations
from analysis.render_style import _badge, _footer, _header, _legend, _row, _str, claim_line, esc, slug, style
from analysis.article import ZONES, Article, load_article
from analysis.quotes import find_quotes
from analysis.textio import InputError, find_articles, write_atomic

# --- palettes and styles (presentation constants, not lexicons) ---------------

#: Background tint of a mention, by entity type (the vocabulary's tints).  A type the
#: vocabulary does not know gets :data:`FALLBACK_ENTITY_COLOURS` in sorted order of names.
ENTITY_COLOURS: dict[str, str] = vocabulary.ENTITY_TYPE_TINTS
FALLBACK_ENTITY_COLOURS: tuple[str, ...] = ("#d8f5a2", "#c5f6fa", "#e5dbff", "#fff3bf", "#dee2e6")

#: Speaker colours (claim underline, badge, margin bar), given to speakers in
#: order of their first claim; cycles after the last one.
SPEAKER_PALETTE: tuple[str, ...] = (
    "#1c7ed6", "#e8590c", "#2f9e44", "#ae3ec9", "#c92a2a", "#0c8599", "#5f3dc4", "#a61e4d", "#5c940d", "#862e9c",
)
#: Colour of narrator claims (the journalist's own voice) and of claims whose speaker is unknown.
NARRATOR_COLOUR: str = "#868e96"
UNRESOLVED_COLOUR: str = "#495057"
#: Attribution value of the journalist's own (unattributed) claims.
NARRATOR: str = vocabulary.NARRATOR
#: Speaker names shown for claims without a speaker (the vocabulary's labels).
NARRATOR_NAME: str = vocabulary.NARRATOR_LABEL
UNRESOLVED_NAME: str = vocabulary.UNRESOLVED_SPEAKER

#: Underline style of a claim by its ``attribution`` value (lower-cased).
ATTRIBUTION_STYLES: dict[str, str] = vocabulary.ATTRIBUTION_LINE_STYLES
#: Underline style for attribution values not in :data:`ATTRIBUTION_STYLES`.
DEFAULT_ATTRIBUTION_STYLE: str = "groove"

#: Zone colour (left bar and gutter label): the same as every chart's zone shading.
ZONE_COLOURS: dict[str, str] = vocabulary.ZONE_COLOURS



# --- small helpers ------------------------------------------------------------

def entity_colours(types: list[str]) -> dict[str, str]:
    """Tint per entity type: :data:`ENTITY_COLOURS`, unknown types from the fallback list (sorted)."""
    out: dict[str, str] = {}
    unknown = sorted({t.upper() for t in types} - set(ENTITY_COLOURS))
    for t in {t.upper() for t in types}:
        out[t] = ENTITY_COLOURS.get(t) or FALLBACK_ENTITY_COLOURS[unknown.index(t) % len(FALLBACK_ENTITY_COLOURS)]
    return out


def attribution_style(attribution: str) -> str:
    """Line style (CSS ``border-bottom-style``) of a claim's attribution."""
    return ATTRIBUTION_STYLES.get(attribution.strip().lower(), DEFAULT_ATTRIBUTION_STYLE)


def speaker_key(row: dict) -> str:
    """Who a claim belongs to: the speaker entity id, else the speaker text; narrator claims
    and claims without a speaker get :data:`NARRATOR_NAME` / :data:`UNRESOLVED_NAME`."""
    if _str(row.get("attribution")).strip().lower() == NARRATOR:
        return NARRATOR_NAME
    return _str(row.get("speaker_entity_id")) or _str(row.get("speaker")).strip() or UNRESOLVED_NAME


def speaker_name(row: dict) -> str:
    """The speaker as shown: the speaker text, or the narrator / unresolved placeholder."""
    key = speaker_key(row)
    if key in (NARRATOR_NAME, UNRESOLVED_NAME):
        return key
    return _str(row.get("speaker")).strip() or key


@dataclass(frozen=True)
class _Span:
    """A marked span: ``layer`` 0 = claim, 1 = quotation, 2 = cue or speaker slot, 3 = mention;
    ``key`` orders ties."""

    start: int
    end: int
    layer: int
    key: str
    open_tag: str
    last_open_tag: str = ""  # tag for the span's last piece (mention resolution), if different
    tail: str = ""  # HTML closing the span's last piece ("he" → the entity it resolves to)


def _offset(v: object) -> int | None:
    """An offset from a table cell (``None`` for missing or negative values)."""
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return None
    try:
        i = int(v)
    except (TypeError, ValueError):
        return None
    return i if i >= 0 else None


def _records(df: pd.DataFrame | None) -> list[dict]:
    if df is None or len(df) == 0:
        return []
    return df.to_dict("records")


# --- the page -----------------------------------------------------------------

def _claim_rows(claims: pd.DataFrame | None, n: int) -> tuple[list[dict], list[dict]]:
    """Valid claim rows sorted by (start, end, claim_id), and rows whose offsets are unusable."""
    good, bad = [], []
    for r in _records(claims):
        s, e = r.get("start"), r.get("end")
        if pd.isna(s) or pd.isna(e) or not (0 <= int(s) < int(e) <= n):
            bad.append(r)
        else:
            good.append(r)
    good.sort(key=lambda r: (int(r["start"]), int(r["end"]), _str(r.get("claim_id"))))
    return good, bad


def _mention_rows(mentions: pd.DataFrame | None, n: int) -> tuple[list[dict], list[dict]]:
    good, bad = [], []
    for r in _records(mentions):
        s, e = r.get("start"), r.get("end")
        if pd.isna(s) or pd.isna(e) or not (0 <= int(s) < int(e) <= n):
            bad.append(r)
        else:
            good.append(r)
    good.sort(key=lambda r: (int(r["start"]), int(r["end"]), _str(r.get("mention_id"))))
    return good, bad


def speaker_colours(claim_rows: list[dict]) -> dict[str, str]:
    """Colour per speaker key, in order of each speaker's first claim (``""`` → unattributed grey)."""
    out: dict[str, str] = {NARRATOR_NAME: NARRATOR_COLOUR, UNRESOLVED_NAME: UNRESOLVED_COLOUR}
    k = 0
    for r in claim_rows:
        key = speaker_key(r)
        if key not in out:
            out[key] = SPEAKER_PALETTE[k % len(SPEAKER_PALETTE)]
            k += 1
    return out


def claim_label(row: dict) -> str:
    """Compact plain-text label of a claim: ``speaker · attribution · category``."""
    parts = [speaker_name(row), _str(row.get("attribution")) or "?", _str(row.get("category")) or "?"]
    return " \u00b7 ".join(parts)


def mention_title(row: dict) -> str:
    """Hover text of a mention: entity, type, kind (and whether it is inside a quotation)."""
    t = f"{_str(row.get('entity')) or _str(row.get('surface'))} ({_str(row.get('entity_type')) or '?'})"
    kind = _str(row.get("mention_kind"))
    if kind:
        t += f" \u00b7 {kind}"
    eid = _str(row.get("entity_id"))
    if eid:
        t += f" \u00b7 {eid}"
    return t


#: Mention kinds whose entity is shown after the mention ("he" → Jens Stoltenberg) / never shown
#: (names and aliases speak for themselves; the entity is in the hover text).
RESOLVED_KINDS: frozenset[str] = frozenset({"pronoun", "role"})
SELF_NAMING_KINDS: frozenset[str] = frozenset({"name", "alias"})


def _resolves(row: dict) -> bool:
    """Show the entity after the mention: pronouns and role mentions always; names and aliases
    never; other kinds when the surface does not contain the entity's name."""
    kind = _str(row.get("mention_kind")).strip().lower()
    if kind in SELF_NAMING_KINDS:
        return False
    if kind in RESOLVED_KINDS:
        return bool(_str(row.get("entity")).strip())
    surface = _str(row.get("surface")).strip().lower()
    entity = _str(row.get("entity")).strip().lower()
    if not entity or not surface:
        return False
    if surface in entity:  # "Stoltenberg" of "Jens Stoltenberg"
        return False
    # every word of the entity name appears in the surface ("NATO Secretary-General Jens Stoltenberg")
    words = re.findall(r"\w+", entity)
    return not all(w in surface for w in words)


def _annotation_map(annotations: pd.DataFrame | None, article_id: str) -> dict[str, list[dict]]:
    """This article's annotation rows by claim id: the join is on ``article_id`` AND ``claim_id``
    (a note of another article, or without an article, never attaches here).  Notes of one claim
    are ordered by label, author, date and text, so the page does not depend on the row order."""
    out: dict[str, list[dict]] = {}
    if annotations is None or len(annotations) == 0:
        return out
    missing = [c for c in ("article_id", "claim_id") if c not in annotations.columns]
    if missing:
        raise AnnotationError("<annotations table>", f"missing column(s) {', '.join(missing)}")
    for r in annotations.to_dict("records"):
        cid = _str(r.get("claim_id"))
        if cid and _str(r.get("article_id")) == article_id:
            out.setdefault(cid, []).append(r)
    order = ("label", "author", "updated", "note")
    return {cid: sorted(rows, key=lambda r: tuple(_str(r.get(c)) for c in order)) for cid, rows in out.items()}


def _claim_spans(article: Article, r: dict, colour: str, number: int) -> list[_Span]:
    """The claim's span (underlined in the speaker's colour, line style = attribution) and,
    when the table gives their offsets, its cue and speaker slot (bold, speaker's colour)."""
    cid = _str(r.get("claim_id"))
    line = attribution_style(_str(r.get("attribution")))
    cls = f"ar-c ar-a-{slug(r.get('attribution'))} ar-k-{slug(r.get('category'))}"
    tag = (
        f'<span class="{cls}" data-claim="{esc(cid)}" data-n="{number}" '
        f'style="{style("claim", claim_line(colour, line))}" '
        f'title="{esc(f"[{number}] " + claim_label(r))}">'
    )
    out = [_Span(int(r["start"]), int(r["end"]), 0, f"{int(r['start']):09d}{cid}", tag)]
    for kind, a, b, what in (("cue", "cue_start", "cue_end", "cue"), ("spk", "speaker_start", "speaker_end", "speaker")):
        cs, ce = _offset(r.get(a)), _offset(r.get(b))
        if cs is not None and ce is not None and 0 <= cs < ce <= len(article.text):
            t = (f'<span class="ar-{kind}" data-{what}-of="{esc(cid)}" style="{style("cue", f"color:{colour}")}" '
                 f'title="{esc(f"{what} of [{number}]")}">')
            out.append(_Span(cs, ce, 2, f"{cs:09d}{kind}{cid}", t))
    return out


def _mention_span(r: dict, tint: str) -> _Span:
    """A mention tinted by entity type; a pronoun or role noun ends with the entity it resolves to."""
    mid = _str(r.get("mention_id"))
    etype = _str(r.get("entity_type")) or "?"
    base = (
        f'class="ar-m ar-t-{slug(etype)}{{res}}" data-mention="{esc(mid)}" '
        f'data-entity="{esc(r.get("entity"))}" data-kind="{esc(r.get("mention_kind"))}" '
        f'style="{style("mention", f"background-color:{tint}")}" title="{esc(mention_title(r))}"'
    )
    plain = "<span " + base.replace("{res}", "") + ">"
    if not _resolves(r):
        return _Span(int(r["start"]), int(r["end"]), 3, f"{int(r['start']):09d}{mid}", plain)
    last = "<span " + base.replace("{res}", " ar-res") + ">"
    tail = f'<sub class="ar-aside" style="{style("resolved")}">\u2192\u00a0{esc(r.get("entity"))}</sub>'
    return _Span(int(r["start"]), int(r["end"]), 3, f"{int(r['start']):09d}{mid}", plain, last, tail)


def _spans(article: Article, mention_rows: list[dict], claim_rows: list[dict], colours: dict[str, str],
           numbers: dict[str, int]) -> list[_Span]:
    spans: list[_Span] = []
    for r in claim_rows:
        spans += _claim_spans(article, r, colours[speaker_key(r)], numbers[_str(r.get("claim_id"))])
    quotes = find_quotes(article.text, [(p.start, p.end) for p in article.paragraphs])
    for k, q in enumerate(quotes):
        spans.append(_Span(q.start, q.end, 1, f"{q.start:09d}", f'<span class="ar-q" data-quote="{k}" style="{style("quote")}">'))
    tints = entity_colours([_str(r.get("entity_type")) or "?" for r in mention_rows])
    for r in mention_rows:
        spans.append(_mention_span(r, tints[(_str(r.get("entity_type")) or "?").upper()]))
    return spans


def _close(spans: list[_Span], at: int, p_end: int) -> str:
    """Close ``spans`` (innermost last in the list) at offset ``at``; a span's last piece gets its tail."""
    return "".join((s.tail if s.tail and s.end == at and s.end <= p_end else "") + "</span>" for s in reversed(spans))


def _paragraph_html(text: str, p_start: int, p_end: int, spans: list[_Span], markers: dict[int, list[str]]) -> str:
    """Inner HTML of one paragraph: text with nested spans, clipped and split so tags always nest.

    ``markers`` maps an offset to HTML inserted there outside every span (claim badges).
    A span split into several pieces gets its ``last_open_tag`` (and ``tail``) on its final piece.
    """
    pieces = [(max(s.start, p_start), min(s.end, p_end), s) for s in spans if s.start < p_end and s.end > p_start]
    points = {p_start, p_end}
    for a, b, _ in pieces:
        points.update((a, b))
    points.update(o for o in markers if p_start <= o < p_end)
    bounds = sorted(points)
    out: list[str | _Span] = []  # a _Span stands for its opening tag, chosen at the end
    stack: list[_Span] = []
    for a, b in zip(bounds, bounds[1:]):
        if a in markers:
            out.append(_close(stack, a, p_end))
            stack = []
            out.extend(markers[a])
        active = sorted((s for x, y, s in pieces if x <= a and y >= b), key=lambda s: (s.layer, s.start, -s.end, s.key))
        k = 0
        while k < len(stack) and k < len(active) and stack[k] is active[k]:
            k += 1
        out.append(_close(stack[k:], a, p_end))
        out.extend(active[k:])
        stack = active
        out.append(esc(text[a:b]))
    out.append(_close(stack, p_end, p_end))
    last_open: dict[int, int] = {}
    for i, item in enumerate(out):
        if isinstance(item, _Span):
            last_open[id(item)] = i
    html_parts = []
    for i, item in enumerate(out):
        if isinstance(item, _Span):
            ends_here = item.end <= p_end and last_open[id(item)] == i
            html_parts.append(item.last_open_tag if ends_here and item.last_open_tag else item.open_tag)
        else:
            html_parts.append(item)
    return "".join(html_parts)


def _note(r: dict, colour: str, num: int, anns: list[dict]) -> str:
    """The margin note of a claim: badge, speaker · attribution · category, cue, analyst notes."""
    cid = _str(r.get("claim_id"))
    note = [
        f'<div class="ar-note" data-claim-note="{esc(cid)}" style="{style("note", f"border-left-color:{colour}")}">'
        f"{_badge(colour, str(num))}<strong>{esc(speaker_name(r))}</strong> \u00b7 "
        f"{esc(_str(r.get('attribution')) or '?')} \u00b7 {esc(_str(r.get('category')) or '?')}"
    ]
    cue = _str(r.get("cue"))
    if cue:
        note.append(f' <span style="{style("cue_note")}">(cue: {esc(cue)})</span>')
    for a in anns:
        label, text_note = _str(a.get("label")), _str(a.get("note"))
        note.append(
            f'<div class="ar-ann" style="{style("ann")}"><span class="ar-ann-label" style="{style("ann_label")}">'
            f'{esc(label or "note")}</span>{esc(text_note)}</div>'
        )
    note.append("</div>")
    return "".join(note)


def _badges_and_notes(article: Article, claim_rows: list[dict], colours: dict[str, str], numbers: dict[str, int],
                      ann: dict[str, list[dict]]) -> tuple[dict[int, list[str]], dict[int, list[str]], set[str]]:
    """Claim badges at the start of each claim's first piece, notes in that paragraph's margin."""
    markers: dict[int, list[str]] = {}
    notes: dict[int, list[str]] = {}
    placed: set[str] = set()
    for p in article.paragraphs:
        for r in claim_rows:
            cid = _str(r.get("claim_id"))
            if cid in placed or not (int(r["start"]) < p.end and int(r["end"]) > p.start):
                continue
            placed.add(cid)
            colour = colours[speaker_key(r)]
            markers.setdefault(max(int(r["start"]), p.start), []).append(_badge(colour, str(numbers[cid]), claim_label(r)))
            notes.setdefault(p.paragraph_id, []).append(_note(r, colour, numbers[cid], ann.get(cid, [])))
    return markers, notes, placed


def _speaker_legend(claim_rows: list[dict], colours: dict[str, str]) -> tuple[list[tuple[str, str, int]], int]:
    """(name, colour, claims) per speaker in colour order, and the number of named speakers."""
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    for r in claim_rows:
        key = speaker_key(r)
        counts[key] = counts.get(key, 0) + 1
        names.setdefault(key, speaker_name(r))
    speakers = [(names[k], colours[k], counts[k]) for k in colours if k in counts]
    return speakers, len([k for k in counts if k not in (NARRATOR_NAME, UNRESOLVED_NAME)])


def render_fragment(article: Article, tables: dict[str, pd.DataFrame], annotations: pd.DataFrame | None = None) -> str:
    """The view as an HTML fragment (one ``<div class="ar-root">``, inline styles only), for notebooks.

    Only tags, attributes and inline CSS properties that JupyterLab's sanitizer keeps are used
    (:mod:`analysis.render_style`), so an untrusted notebook shows the view as it is.
    """
    text = article.text
    n = len(text)
    mention_rows, bad_m = _mention_rows(tables.get("mentions"), n)
    claim_rows, bad_c = _claim_rows(tables.get("claims"), n)
    colours = speaker_colours(claim_rows)
    numbers = {_str(r.get("claim_id")): i + 1 for i, r in enumerate(claim_rows)}
    ann = _annotation_map(annotations, article.article_id)
    spans = _spans(article, mention_rows, claim_rows, colours, numbers)
    markers, notes, placed = _badges_and_notes(article, claim_rows, colours, numbers, ann)

    etypes = sorted({_str(r.get("entity_type")) or "?" for r in mention_rows}, key=lambda t: (t.upper(), t))
    speakers, n_speakers = _speaker_legend(claim_rows, colours)
    attributions = sorted({_str(r.get("attribution")) or "?" for r in claim_rows}) or ["direct", "indirect"]
    zones = [z for z in ZONES if any(p.zone == z for p in article.paragraphs)]

    out = [f'<div class="ar-root" data-article="{esc(article.article_id)}" style="{style("root")}">']
    out += _header(article, mention_rows, len(claim_rows), n_speakers)
    out.append(_legend(etypes, entity_colours(etypes), speakers, attributions, zones))
    for p in article.paragraphs:
        out.append(_row(p, _paragraph_html(text, p.start, p.end, spans, markers), notes.get(p.paragraph_id, [])))
    out += _footer(article, mention_rows, claim_rows, bad_m, bad_c, placed, ann, numbers)
    out.append("</div>")
    return "\n".join(out) + "\n"


def render_html(article: Article, tables: dict[str, pd.DataFrame], annotations: pd.DataFrame | None = None) -> str:
    """A complete, self-contained HTML document showing ``article`` annotated with ``tables``.

    ``tables`` needs ``"mentions"`` and ``"claims"`` (missing → nothing marked); ``annotations``
    is the analyst table (``claim_id``, ``label``, ``note``; optional ``article_id``) or ``None``.
    """
    title = esc(article.headline or article.article_id)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n</head>\n<body style=\"margin:0;background-color:#ffffff\">\n"
        + render_fragment(article, tables, annotations)
        + "</body>\n</html>\n"
    )


class ArticleView:
    """The annotated view, displayable in a notebook (``_repr_html_``) and savable as a page."""

    def __init__(self, article: Article, tables: dict[str, pd.DataFrame], annotations: pd.DataFrame | None = None):
        self.article = article
        self.tables = tables
        self.annotations = annotations

    def _repr_html_(self) -> str:
        return render_fragment(self.article, self.tables, self.annotations)

    def html(self) -> str:
        """The full document (see :func:`render_html`)."""
        return render_html(self.article, self.tables, self.annotations)

    def __repr__(self) -> str:
        m = len(self.tables.get("mentions", [])) if self.tables.get("mentions") is not None else 0
        c = len(self.tables.get("claims", [])) if self.tables.get("claims") is not None else 0
        return f"<ArticleView {self.article.article_id}: {m} mentions, {c} claims>"


class _IdCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: dict[str, set[str]] = {"mention": set(), "claim": set(), "quote": set(), "claim-note": set()}

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k.startswith("data-") and k[5:] in self.ids and v is not None:
                self.ids[k[5:]].add(v)


def marked_ids(page: str) -> dict[str, set[str]]:
    """Ids marked in a rendered page: ``mention``, ``claim``, ``quote`` and ``claim-note`` → set of ids.

    Lets a reader check that the view shows every row of the tables.
    """
    c = _IdCollector()
    c.feed(page)
    c.close()
    return c.ids


# --- annotations and files ----------------------------------------------------

def view_article(path: str | Path, annotations: pd.DataFrame | None | str = "default") -> ArticleView:
    """Load, analyse and wrap the article at ``path`` for display (annotations from the default
    file; a bad annotations file raises :class:`~analysis.annotations.AnnotationError`)."""
    from analysis.pipeline import analyse

    article = load_article(path)
    tables = analyse(article)
    ann = load_annotations() if isinstance(annotations, str) and annotations == "default" else annotations
    return ArticleView(article, tables, ann)


def read_notes(path: str | Path | None) -> pd.DataFrame:
    """The notes for ``render``: ``path`` must exist; ``None`` means :data:`ANNOTATIONS_PATH`,
    which may be missing (no notes).  A bad file raises :class:`AnnotationError`."""
    return load_annotations(ANNOTATIONS_PATH) if path is None else read_annotations(path)


def orphan_warning(notes_path: str | Path, article_id: str, claims: pd.DataFrame, ann: pd.DataFrame) -> str | None:
    """One ``warning:`` line when notes of ``article_id`` match no claim (they are listed at the foot
    of the page, never dropped), else ``None``."""
    lost = orphans(claims, ann, article_ids=[article_id]) if len(ann) else ann
    if len(lost) == 0:
        return None
    ids = ", ".join(sorted(set(lost["claim_id"].astype(str))))
    return f"warning: {notes_path}: {len(lost)} note(s) on {article_id} match no claim (orphans): {ids}"


def render_paths(paths: list[str], out_dir: str = "reports", annotations_path: str | Path | None = None) -> int:
    """Render each article under ``paths`` to ``<out_dir>/<article_id>.html``; return the exit status.

    Notes come from ``annotations_path`` (default :data:`ANNOTATIONS_PATH`, optional).  Notes that
    cannot be read stop the run before anything is written (status 2): a page without its notes
    would look complete.  Prints one line per page written; each problem is one line
    ``error: <file>: <problem>`` on stderr and makes the status 2 (the other articles are still
    rendered); notes whose claim is gone give one ``warning:`` line per article.
    """
    from analysis.cli import error_line, output_folder_problem
    from analysis.pipeline import analyse
    from analysis.textio import display_path, warning_line

    out = Path(out_dir)
    if problem := output_folder_problem(out_dir):
        print(error_line(problem), file=sys.stderr)
        return 2
    try:
        ann = read_notes(annotations_path)
    except AnnotationError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    notes_path = ANNOTATIONS_PATH if annotations_path is None else annotations_path
    files, errors = find_articles(list(paths))
    status = 0
    for err in errors:
        print(error_line(err), file=sys.stderr)
        status = 2
    seen: dict[str, str] = {}
    for f in files:
        try:
            article = load_article(f)
            for w in article.warnings:
                print(warning_line(f, w), file=sys.stderr)
            if article.article_id in seen:
                raise InputError(f, f"article id {article.article_id!r} already used by {seen[article.article_id]}")
            seen[article.article_id] = str(f)
            tables = analyse(article)
            target = out / f"{article.article_id}.html"
            write_atomic(target, render_html(article, tables, ann))
        except InputError as err:
            print(error_line(err), file=sys.stderr)
            status = 2
            continue
        except OSError as err:
            print(error_line(f"{display_path(f)}: cannot write output ({err.strerror or err})"), file=sys.stderr)
            status = 2
            continue
        except Exception as err:  # one broken article must not stop the others
            print(error_line(f"{display_path(f)}: internal error ({type(err).__name__}: {err})"), file=sys.stderr)
            status = 2
            continue
        print(f"{display_path(target)}  ({len(tables['mentions'])} mentions, {len(tables['claims'])} claims)")
        warning = orphan_warning(notes_path, article.article_id, tables["claims"], ann)
        if warning:
            print(warning, file=sys.stderr)
    return status
