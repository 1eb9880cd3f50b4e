"""Annotated HTML view of one article: zones, mentions, quotations, claims, analyst notes.

:func:`render_html` is a pure function *(article, tables, annotations) → str*:
same input, same bytes (no timestamps, no random ids, every list sorted with
explicit tie-breakers).  The page is self-contained — one inline ``<style>``
block, no scripts, no fonts, images or other files fetched — so it reads
offline in any browser and as notebook output (:class:`ArticleView` has
``_repr_html_``).

What the page shows
-------------------
* every paragraph in reading order, in a row whose left gutter names its zone
  (headline, notice, body, caption, credit, bio); each zone has its own look;
* entity **mentions** as tinted spans coloured by entity type; hovering shows
  the canonical entity, its type and the mention kind (``title``); a pronoun
  or role mention ("he", "the NATO chief", "the alliance") shows the entity
  it resolves to in small type after it (CSS generated content, so the DOM
  text stays the article text);
* **quotations** (spans between quotation marks, found by
  :func:`analysis.quotes.find_quotes`) in a serif italic, so quoted fragments
  stand apart from reported speech;
* **claims** underlined in their speaker's colour, the line style telling the
  attribution (solid = direct quotation, double = mixed, dashed = indirect,
  dotted = narrator);
  a numbered badge opens each claim and the right-hand margin of its first
  paragraph holds the compact label *speaker · attribution · category* plus
  any analyst label and note from ``data/annotations/claims.csv``;
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
data values are reduced to ``[a-z0-9-]``; colours come only from the module
constants below.  The full document also carries a Content-Security-Policy
that forbids scripts.

``render_paths`` is the body of ``python -m analysis render``.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.article import ZONES, Article, load_article
from analysis.quotes import find_quotes
from analysis.textio import InputError, find_articles, write_atomic

# --- palettes and styles (presentation constants, not lexicons) ---------------

#: Background tint of a mention, by entity type (upper-cased).  Types not listed
#: get :data:`FALLBACK_ENTITY_COLOURS` in sorted order of their names.
ENTITY_COLOURS: dict[str, str] = {
    "PERSON": "#ffd8a8",
    "ORG": "#b2f2bb",
    "ORGANIZATION": "#b2f2bb",
    "GPE": "#a5d8ff",
    "LOC": "#99e9f2",
    "LOCATION": "#99e9f2",
    "NORP": "#fcc2d7",
    "FACILITY": "#d0bfff",
    "EVENT": "#eebefa",
    "PRODUCT": "#ffec99",
    "WORK": "#e9ecef",
}
FALLBACK_ENTITY_COLOURS: tuple[str, ...] = ("#d8f5a2", "#c5f6fa", "#ffc9c9", "#e5dbff", "#fff3bf", "#dee2e6")

#: Speaker colours (claim underline, badge, margin bar), given to speakers in
#: order of their first claim; cycles after the last one.
SPEAKER_PALETTE: tuple[str, ...] = (
    "#1c7ed6", "#e8590c", "#2f9e44", "#ae3ec9", "#c92a2a", "#0c8599", "#5f3dc4", "#a61e4d", "#5c940d", "#862e9c",
)
#: Colour of narrator claims (the journalist's own voice) and of claims whose speaker is unknown.
NARRATOR_COLOUR: str = "#868e96"
UNRESOLVED_COLOUR: str = "#495057"
#: Attribution value of the journalist's own (unattributed) claims.
NARRATOR: str = "narrator"
#: Speaker names shown for claims without a speaker.
NARRATOR_NAME: str = "(narrator)"
UNRESOLVED_NAME: str = "(speaker unresolved)"

#: Underline style of a claim by its ``attribution`` value (lower-cased).
ATTRIBUTION_STYLES: dict[str, str] = {
    "direct": "solid",
    "quote": "solid",
    "mixed": "double",
    "partial": "double",
    "indirect": "dashed",
    "reported": "dashed",
    "paraphrase": "dashed",
    "narrator": "dotted",
    "unattributed": "dotted",
    "none": "dotted",
}
#: Underline style for attribution values not in :data:`ATTRIBUTION_STYLES`.
DEFAULT_ATTRIBUTION_STYLE: str = "wavy"

#: Zone colour (left bar and gutter label).
ZONE_COLOURS: dict[str, str] = {
    "headline": "#212529",
    "notice": "#adb5bd",
    "body": "#dee2e6",
    "caption": "#74c0fc",
    "credit": "#a9e34b",
    "bio": "#ffd43b",
}

#: Page style.  ``{root}`` scopes every rule, so notebook output cannot restyle its host page.
CSS: str = """
.ar-root{font:15px/1.6 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#212529;max-width:1180px;margin:0 auto;padding:8px 12px;background:#fff;text-align:left}
.ar-root h1{font-size:22px;line-height:1.3;margin:4px 0 2px}
.ar-root .ar-meta{color:#495057;font-size:13px;margin:0 0 10px}
.ar-root .ar-row{display:grid;grid-template-columns:78px minmax(0,1fr) 300px;column-gap:14px;border-left:4px solid #dee2e6;padding:2px 0 2px 8px;margin:0 0 6px}
.ar-root .ar-zone{font-size:10px;text-transform:uppercase;letter-spacing:.06em;color:#868e96;padding-top:4px}
.ar-root .ar-row p{margin:0;padding:3px 6px}
.ar-root .ar-notes{font-size:12px;line-height:1.4}
.ar-root .ar-z-headline p{font-size:20px;font-weight:700;line-height:1.35}
.ar-root .ar-z-notice p{font-size:13px;color:#868e96;font-style:italic;border:1px dashed #ced4da;border-radius:4px}
.ar-root .ar-z-caption p{font-size:13px;background:#f1f3f5;border-radius:4px;color:#343a40}
.ar-root .ar-z-credit p{font-size:12px;color:#5c940d;text-align:right}
.ar-root .ar-z-bio p{font-size:13px;background:#fff9db;border-radius:4px;color:#495057}
.ar-root .ar-m{border-radius:3px;padding:0 1px}
.ar-root .ar-res::after{content:"\\2192\\00a0" attr(data-entity);font-size:10px;color:#495057;vertical-align:sub;margin-left:1px;font-style:normal}
.ar-root .ar-q{font-family:Georgia,"Times New Roman",serif;font-style:italic;color:#7c2d12}
.ar-root .ar-cue{font-weight:700}
.ar-root .ar-spk{font-weight:700}
.ar-root .ar-c{text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:4px;text-decoration-skip-ink:none}
.ar-root .ar-num{display:inline-block;min-width:15px;padding:0 3px;border-radius:8px;color:#fff;font:700 10px/15px system-ui,sans-serif;text-align:center;vertical-align:super;margin-right:2px;font-style:normal}
.ar-root .ar-note{border-left:4px solid #868e96;padding:2px 6px;margin:0 0 6px;background:#f8f9fa;border-radius:0 4px 4px 0}
.ar-root .ar-note strong{font-weight:600}
.ar-root .ar-ann{margin-top:3px;padding:2px 4px;background:#fff3bf;border-radius:3px}
.ar-root .ar-ann-label{font-weight:700;text-transform:uppercase;font-size:10px;letter-spacing:.04em;margin-right:4px}
.ar-root .ar-legend{border:1px solid #dee2e6;border-radius:6px;padding:6px 10px;margin:0 0 12px;font-size:12px;line-height:1.9}
.ar-root .ar-legend .ar-lg{display:inline-block;margin-right:14px}
.ar-root .ar-legend .ar-lt{font-weight:700;margin-right:6px;color:#495057}
.ar-root .ar-sw{display:inline-block;width:11px;height:11px;border-radius:2px;vertical-align:-1px;margin-right:3px}
.ar-root .ar-foot{font-size:12px;color:#868e96;margin-top:12px}
"""


# --- small helpers ------------------------------------------------------------

def esc(value: object) -> str:
    """HTML-escape any value (``None``/NA → empty), quotes included."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def slug(value: object) -> str:
    """A CSS-class-safe form of a data value: lower case, runs of other characters → ``-``."""
    s = re.sub(r"[^a-z0-9]+", "-", str(value if value is not None else "").lower()).strip("-")
    return s or "x"


def _str(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def entity_colours(types: list[str]) -> dict[str, str]:
    """Tint per entity type: :data:`ENTITY_COLOURS`, unknown types from the fallback list (sorted)."""
    out: dict[str, str] = {}
    unknown = sorted({t.upper() for t in types} - set(ENTITY_COLOURS))
    for t in {t.upper() for t in types}:
        out[t] = ENTITY_COLOURS.get(t) or FALLBACK_ENTITY_COLOURS[unknown.index(t) % len(FALLBACK_ENTITY_COLOURS)]
    return out


def attribution_style(attribution: str) -> str:
    """Underline style (CSS ``text-decoration-style``) of a claim's attribution."""
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
RESOLVED_KINDS: frozenset[str] = frozenset({"pronoun", "role", "nominal"})
SELF_NAMING_KINDS: frozenset[str] = frozenset({"name", "alias", "acronym"})


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
    """Annotation rows by claim id (restricted to this article when the file has ``article_id``)."""
    out: dict[str, list[dict]] = {}
    if annotations is None or len(annotations) == 0 or "claim_id" not in annotations.columns:
        return out
    for r in annotations.to_dict("records"):
        if "article_id" in r and _str(r.get("article_id")) and _str(r.get("article_id")) != article_id:
            continue
        cid = _str(r.get("claim_id"))
        if cid:
            out.setdefault(cid, []).append(r)
    return out


def _spans(article: Article, mention_rows: list[dict], claim_rows: list[dict], colours: dict[str, str],
           numbers: dict[str, int]) -> list[_Span]:
    spans: list[_Span] = []
    for r in claim_rows:
        cid = _str(r.get("claim_id"))
        colour = colours[speaker_key(r)]
        style = attribution_style(_str(r.get("attribution")))
        cls = f"ar-c ar-a-{slug(r.get('attribution'))} ar-k-{slug(r.get('category'))}"
        tag = (
            f'<span class="{cls}" data-claim="{esc(cid)}" data-n="{numbers[cid]}" '
            f'style="text-decoration-color:{colour};text-decoration-style:{style}" '
            f'title="{esc(f"[{numbers[cid]}] " + claim_label(r))}">'
        )
        spans.append(_Span(int(r["start"]), int(r["end"]), 0, f"{int(r['start']):09d}{cid}", tag))
        # the cue and the speaker slot of the claim, when the table gives their offsets
        for kind, a, b, what in (("cue", "cue_start", "cue_end", "cue"), ("spk", "speaker_start", "speaker_end", "speaker")):
            cs, ce = _offset(r.get(a)), _offset(r.get(b))
            if cs is not None and ce is not None and 0 <= cs < ce <= len(article.text):
                t = f'<span class="ar-{kind}" data-{what}-of="{esc(cid)}" style="color:{colour}" title="{esc(f"{what} of [{numbers[cid]}]")}">'
                spans.append(_Span(cs, ce, 2, f"{cs:09d}{kind}{cid}", t))
    quotes = find_quotes(article.text, [(p.start, p.end) for p in article.paragraphs])
    for k, q in enumerate(quotes):
        tag = f'<span class="ar-q" data-quote="{k}">'
        spans.append(_Span(q.start, q.end, 1, f"{q.start:09d}", tag))
    for r in mention_rows:
        mid = _str(r.get("mention_id"))
        etype = _str(r.get("entity_type")) or "?"
        base = (
            f'class="ar-m ar-t-{slug(etype)}{{res}}" data-mention="{esc(mid)}" '
            f'data-entity="{esc(r.get("entity"))}" data-kind="{esc(r.get("mention_kind"))}" '
            f'title="{esc(mention_title(r))}"'
        )
        plain = "<span " + base.replace("{res}", "") + ">"
        last = "<span " + base.replace("{res}", " ar-res") + ">" if _resolves(r) else plain
        spans.append(_Span(int(r["start"]), int(r["end"]), 3, f"{int(r['start']):09d}{mid}", plain, last))
    return spans


def _paragraph_html(text: str, p_start: int, p_end: int, spans: list[_Span], markers: dict[int, list[str]]) -> str:
    """Inner HTML of one paragraph: text with nested spans, clipped and split so tags always nest.

    ``markers`` maps an offset to HTML inserted there outside every span (claim badges).
    A span split into several pieces gets its ``last_open_tag`` on its final piece.
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
            out.append("</span>" * len(stack))
            stack = []
            out.extend(markers[a])
        active = sorted((s for x, y, s in pieces if x <= a and y >= b), key=lambda s: (s.layer, s.start, -s.end, s.key))
        k = 0
        while k < len(stack) and k < len(active) and stack[k] is active[k]:
            k += 1
        out.append("</span>" * (len(stack) - k))
        out.extend(active[k:])
        stack = active
        out.append(esc(text[a:b]))
    out.append("</span>" * len(stack))
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


def _legend(etypes: list[str], ecolours: dict[str, str], speakers: list[tuple[str, str, int]],
            attributions: list[str], zones: list[str]) -> str:
    parts = ['<div class="ar-legend">']
    parts.append('<div><span class="ar-lt">Zones</span>')
    for z in zones:
        parts.append(
            f'<span class="ar-lg"><span class="ar-sw" style="background:{ZONE_COLOURS.get(z, "#dee2e6")}"></span>{esc(z)}</span>'
        )
    parts.append("</div>")
    parts.append('<div><span class="ar-lt">Mentions</span>')
    for t in etypes:
        parts.append(f'<span class="ar-lg"><span class="ar-m" style="background:{ecolours[t.upper()]}">{esc(t)}</span></span>')
    parts.append(
        '<span class="ar-lg">hover a mention for its entity and kind; '
        '<span class="ar-m ar-res" data-entity="entity" style="background:#e9ecef">he</span> '
        "= resolved to the entity shown</span></div>"
    )
    parts.append('<div><span class="ar-lt">Claims</span>')
    for name, colour, n in speakers:
        parts.append(
            f'<span class="ar-lg"><span class="ar-sw" style="background:{colour}"></span>{esc(name)} ({n})</span>'
        )
    parts.append("</div>")
    parts.append('<div><span class="ar-lt">Attribution</span>')
    for a in attributions:
        style = attribution_style(a)
        parts.append(
            f'<span class="ar-lg"><span class="ar-c" style="text-decoration-color:#495057;'
            f'text-decoration-style:{style}">{esc(a)}</span></span>'
        )
    parts.append(
        '<span class="ar-lg"><span class="ar-q">\u201cquoted words\u201d</span> vs reported speech</span>'
        '<span class="ar-lg"><span class="ar-spk">speaker</span> <span class="ar-cue">said</span>: who and the cue</span>'
        '<span class="ar-lg"><span class="ar-num" style="background:#495057">n</span>claim number, label in the margin: '
        "speaker \u00b7 attribution \u00b7 category</span>"
        '<span class="ar-lg"><span class="ar-ann"><span class="ar-ann-label">label</span>analyst note</span></span>'
    )
    parts.append("</div></div>")
    return "".join(parts)


def render_fragment(article: Article, tables: dict[str, pd.DataFrame], annotations: pd.DataFrame | None = None) -> str:
    """The view as an HTML fragment (``<style>`` + one ``<div class="ar-root">``), for notebooks."""
    text = article.text
    n = len(text)
    mention_rows, bad_m = _mention_rows(tables.get("mentions"), n)
    claim_rows, bad_c = _claim_rows(tables.get("claims"), n)
    colours = speaker_colours(claim_rows)
    numbers = {_str(r.get("claim_id")): i + 1 for i, r in enumerate(claim_rows)}
    ann = _annotation_map(annotations, article.article_id)
    spans = _spans(article, mention_rows, claim_rows, colours, numbers)

    # claim badges at the start of each claim's first piece, notes in that paragraph's margin
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
            num = numbers[cid]
            at = max(int(r["start"]), p.start)
            markers.setdefault(at, []).append(
                f'<span class="ar-num" style="background:{colour}" title="{esc(claim_label(r))}">{num}</span>'
            )
            speaker = speaker_name(r)
            note = [
                f'<div class="ar-note" data-claim-note="{esc(cid)}" style="border-left-color:{colour}">'
                f'<span class="ar-num" style="background:{colour}">{num}</span>'
                f"<strong>{esc(speaker)}</strong> \u00b7 {esc(_str(r.get('attribution')) or '?')} \u00b7 "
                f"{esc(_str(r.get('category')) or '?')}"
            ]
            cue = _str(r.get("cue"))
            if cue:
                note.append(f' <span style="color:#868e96">(cue: {esc(cue)})</span>')
            for a in ann.get(cid, []):
                label, text_note = _str(a.get("label")), _str(a.get("note"))
                note.append(
                    f'<div class="ar-ann"><span class="ar-ann-label">{esc(label or "note")}</span>{esc(text_note)}</div>'
                )
            note.append("</div>")
            notes.setdefault(p.paragraph_id, []).append("".join(note))

    etypes = sorted({_str(r.get("entity_type")) or "?" for r in mention_rows}, key=lambda t: (t.upper(), t))
    ecolours = entity_colours(etypes)
    speakers: list[tuple[str, str, int]] = []
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    for r in claim_rows:
        key = speaker_key(r)
        counts[key] = counts.get(key, 0) + 1
        names.setdefault(key, speaker_name(r))
    for key in colours:
        if key in counts:
            speakers.append((names[key], colours[key], counts[key]))
    attributions = sorted({_str(r.get("attribution")) or "?" for r in claim_rows}) or ["direct", "indirect"]
    zones = [z for z in ZONES if any(p.zone == z for p in article.paragraphs)]

    css = CSS + "".join(
        f".ar-root .ar-t-{slug(t)}{{background:{ecolours[t.upper()]}}}\n" for t in etypes
    ) + "".join(
        f".ar-root .ar-z-{slug(z)}{{border-left-color:{c}}}\n" for z, c in ZONE_COLOURS.items()
    )
    entities = len({_str(r.get("entity_id")) for r in mention_rows if _str(r.get("entity_id"))})
    out = [f"<style>{css}</style>", f'<div class="ar-root" data-article="{esc(article.article_id)}">']
    out.append(f"<h1>{esc(article.headline or article.article_id)}</h1>")
    meta = [f"article <code>{esc(article.article_id)}</code>"]
    if article.author:
        meta.append(f"by {esc(article.author)}")
    meta.append(
        f"{len(article.paragraphs)} paragraphs \u00b7 {len(mention_rows)} mentions of {entities} entities \u00b7 "
        f"{len(claim_rows)} claims by {len([k for k in counts if k not in (NARRATOR_NAME, UNRESOLVED_NAME)])} speakers"
    )
    sep = " \u00b7 "
    out.append(f'<div class="ar-meta">{sep.join(meta)}</div>')
    out.append(_legend(etypes, ecolours, speakers, attributions, zones))
    for p in article.paragraphs:
        body = _paragraph_html(text, p.start, p.end, spans, markers)
        out.append(
            f'<div class="ar-row ar-z-{slug(p.zone)}" data-paragraph="{p.paragraph_id}">'
            f'<div class="ar-zone">{esc(p.zone)}</div><p>{body}</p>'
            f'<div class="ar-notes">{"".join(notes.get(p.paragraph_id, []))}</div></div>'
        )
    foot = []
    unplaced_m = [r for r in mention_rows if not any(int(r["start"]) < p.end and int(r["end"]) > p.start for p in article.paragraphs)]
    unplaced_c = [r for r in claim_rows if _str(r.get("claim_id")) not in placed]
    if bad_m or bad_c or unplaced_m or unplaced_c:
        foot.append(
            f"Not shown: {len(bad_m) + len(unplaced_m)} mentions and {len(bad_c) + len(unplaced_c)} claims "
            "whose offsets fall outside every paragraph."
        )
    orphans = sorted(set(ann) - set(numbers))
    if orphans:
        foot.append("Annotations for claims not in the table: " + ", ".join(esc(o) for o in orphans) + ".")
    if foot:
        out.append(f'<div class="ar-foot">{" ".join(foot)}</div>')
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
        f"<title>{title}</title>\n</head>\n<body>\n"
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

#: The analyst annotation file (claim_id, label, note, …).
ANNOTATIONS_PATH: Path = Path(__file__).resolve().parent.parent / "data" / "annotations" / "claims.csv"


def load_annotations(path: str | Path | None = None) -> pd.DataFrame | None:
    """The analyst annotations as a string table, or ``None`` when the file is missing or unreadable."""
    p = Path(path) if path is not None else ANNOTATIONS_PATH
    if not p.is_file():
        return None
    try:
        df = pd.read_csv(p, dtype=str, keep_default_na=False, comment=None)
    except (OSError, ValueError, pd.errors.ParserError):
        return None
    if "claim_id" not in df.columns:
        return None
    return df


def view_article(path: str | Path, annotations: pd.DataFrame | None | str = "default") -> ArticleView:
    """Load, analyse and wrap the article at ``path`` for display (annotations from the default file)."""
    from analysis.pipeline import analyse

    article = load_article(path)
    tables = analyse(article)
    ann = load_annotations() if isinstance(annotations, str) and annotations == "default" else annotations
    return ArticleView(article, tables, ann)


#: Output folders that are never written (raw data is immutable).
FORBIDDEN_OUT: tuple[Path, ...] = (Path(__file__).resolve().parent.parent / "data" / "raw",)


def _forbidden(out_dir: Path) -> bool:
    """True when ``out_dir`` is, or is inside, a ``data/raw`` folder."""
    r = out_dir.resolve()
    if any(r == f or f in r.parents for f in FORBIDDEN_OUT):
        return True
    parts = r.parts
    return any(parts[i] == "data" and parts[i + 1] == "raw" for i in range(len(parts) - 1))


def render_paths(paths: list[str], out_dir: str = "reports") -> int:
    """Render each article under ``paths`` to ``<out_dir>/<article_id>.html``; return the exit status.

    Prints one line per page written; each problem is one line ``error: <file>: <problem>``
    on stderr and makes the status 2 (the other articles are still rendered).
    """
    from analysis.cli import error_line, out_dir_problem
    from analysis.pipeline import analyse
    from analysis.textio import display_path, warning_line

    out = Path(out_dir)
    if _forbidden(out):
        print(error_line(f"{display_path(out_dir)}: refusing to write under data/raw (raw data is read-only)"), file=sys.stderr)
        return 2
    if problem := out_dir_problem(out):
        print(error_line(f"{display_path(out_dir)}: {problem}"), file=sys.stderr)
        return 2
    files, errors = find_articles(list(paths))
    status = 0
    for err in errors:
        print(error_line(err), file=sys.stderr)
        status = 2
    ann = load_annotations()
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
    return status
