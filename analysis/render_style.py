"""Inline styles of the annotated view: what an untrusted notebook still shows.

A notebook someone cloned is *untrusted*: JupyterLab passes its HTML outputs
through its sanitizer (``@jupyterlab/apputils`` ``sanitizer.ts``, built on
sanitize-html) before showing them.  The sanitizer

* removes ``<style>`` and ``<script>`` elements (so a stylesheet, and every
  class that relies on it, shows nothing until the user runs the notebook);
* keeps a fixed list of tags (``div``, ``span``, ``p``, ``sub``, ``sup``,
  ``strong``, ``code``, tables …) and of attributes (``class``, ``style``,
  ``title``, ``id`` …; ``data-*`` attributes are dropped);
* keeps, inside a ``style`` attribute, only declarations whose property is on
  its list and whose value matches that property's pattern (colours as
  ``#hex``, lengths in ``px``/``em``/``%``; no ``var()``, no ``calc()``).

So every look of the view is an inline ``style`` made of the properties in
:data:`SAFE_PROPERTIES` — no grid (``grid-template-columns`` is not on the
list: rows are ``display:table`` with fixed-width cells), no
``text-decoration-style`` (the claim's line is a ``border-bottom``, whose
style — solid, double, dashed, dotted — is allowed), no generated content
(the entity a pronoun resolves to is a real ``<sub>`` after the pronoun).
Classes stay on the elements, for readers and tests, but carry no look.
"""
from __future__ import annotations

import html
import re

import pandas as pd

from analysis import vocabulary

#: CSS properties JupyterLab's sanitizer keeps in an inline style (the subset this view uses
#: is checked against it by the tests; the list is the sanitizer's ``allowedStyles``).
SAFE_PROPERTIES: frozenset[str] = frozenset({
    "background", "background-color", "border", "border-bottom", "border-bottom-color", "border-bottom-style",
    "border-bottom-width", "border-collapse", "border-color", "border-left", "border-left-color",
    "border-left-style", "border-left-width", "border-radius", "border-right", "border-spacing", "border-style",
    "border-top", "border-width", "box-sizing", "color", "cursor", "display", "float", "font-family",
    "font-size", "font-style", "font-variant", "font-weight", "height", "letter-spacing", "line-height",
    "margin", "margin-bottom", "margin-left", "margin-right", "margin-top", "max-width", "min-width",
    "opacity", "overflow", "padding", "padding-bottom", "padding-left", "padding-right", "padding-top",
    "table-layout", "text-align", "text-decoration", "text-transform", "vertical-align", "white-space",
    "width", "word-break",
})

SANS: str = "-apple-system, system-ui, Helvetica, Arial, sans-serif"
SERIF: str = "Georgia, serif"

#: Inline style of each element of the view (see the module docstring).
STYLES: dict[str, str] = {
    "root": f"font-family:{SANS};font-size:15px;line-height:1.6;color:#212529;background-color:#ffffff;"
            "max-width:1180px;margin:0;padding:8px 12px;text-align:left",
    "title": "font-size:22px;font-weight:700;line-height:1.3;margin:4px 0 2px 0",
    "meta": "color:#495057;font-size:13px;margin:0 0 10px 0",
    "row": "display:table;table-layout:fixed;width:100%;border-collapse:separate;border-spacing:0;margin:0 0 6px 0",
    "zone": "display:table-cell;width:78px;vertical-align:top;font-size:10px;text-transform:uppercase;"
            "letter-spacing:.06em;color:#868e96;padding:5px 0 0 8px",
    "text": "display:table-cell;vertical-align:top;padding:0 14px 0 0",
    "notes": "display:table-cell;width:300px;vertical-align:top;font-size:12px;line-height:1.4",
    "p": "margin:0;padding:3px 6px",
    "mention": "border-radius:3px;padding:0 1px",
    "resolved": "font-size:10px;color:#495057;font-style:normal;font-weight:400;margin-left:1px",
    "quote": f"font-family:{SERIF};font-style:italic;color:#7c2d12",
    "cue": "font-weight:700",
    "claim": "padding-bottom:1px",
    "badge": "display:inline-block;min-width:15px;padding:0 3px;border-radius:8px;color:#ffffff;font-size:10px;"
             "font-weight:700;line-height:15px;text-align:center;vertical-align:super;margin-right:2px;"
             f"font-style:normal;font-family:{SANS}",
    "note": "border-left:4px solid #868e96;padding:2px 6px;margin:0 0 6px 0;background-color:#f8f9fa",
    "ann": "margin-top:3px;padding:2px 4px;background-color:#fff3bf;border-radius:3px",
    "ann_label": "font-weight:700;text-transform:uppercase;font-size:10px;letter-spacing:.04em;margin-right:4px",
    "legend": "border:1px solid #dee2e6;border-radius:6px;padding:6px 10px;margin:0 0 12px 0;font-size:12px;line-height:1.9",
    "lg": "display:inline-block;margin-right:14px",
    "lt": "font-weight:700;margin-right:6px;color:#495057",
    "swatch": "display:inline-block;width:11px;height:11px;border-radius:2px;vertical-align:-1px;margin-right:3px",
    "foot": "font-size:12px;color:#868e96;margin-top:12px",
    "cue_note": "color:#868e96",
}

#: Paragraph style by zone, added to ``STYLES["p"]``: each zone has its own look.
ZONE_TEXT_STYLES: dict[str, str] = {
    "headline": "font-size:20px;font-weight:700;line-height:1.35",
    "notice": "font-size:13px;color:#868e96;font-style:italic;border:1px dashed #ced4da;border-radius:4px",
    "body": "",
    "caption": "font-size:13px;background-color:#f1f3f5;border-radius:4px;color:#343a40",
    "credit": "font-size:12px;color:#5c940d;text-align:right",
    "bio": "font-size:13px;background-color:#fff9db;border-radius:4px;color:#495057",
}

#: Width of a claim's line by its style (a double line needs three pixels to show two).
LINE_WIDTHS: dict[str, str] = {"double": "3px"}


def style(*parts: str) -> str:
    """Join style fragments (``STYLES`` keys or raw declarations) into one ``style`` value."""
    out = [STYLES.get(p, p) for p in parts]
    return ";".join(s.strip(";") for s in out if s)


def claim_line(colour: str, line: str) -> str:
    """The underline of a claim as an allowed declaration: ``border-bottom:<w> <style> <colour>``."""
    return f"border-bottom:{LINE_WIDTHS.get(line, '2px')} {line} {colour}"


# --- fixed parts of the view: escaping, badges, swatches, the legend -----------------------------

def esc(value: object) -> str:
    """HTML-escape any value (``None``/NA → empty), quotes included."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def _lg(inner: str) -> str:
    return f'<span class="ar-lg" style="{style("lg")}">{inner}</span>'


def _swatch(colour: str) -> str:
    return f'<span class="ar-sw" style="{style("swatch", f"background-color:{colour}")}"></span>'


def _badge(colour: str, text: str, title: str = "") -> str:
    t = f' title="{esc(title)}"' if title else ""
    return f'<span class="ar-num ar-aside" style="{style("badge", f"background-color:{colour}")}"{t}>{text}</span>'


def _legend(etypes: list[str], ecolours: dict[str, str], speakers: list[tuple[str, str, int]],
            attributions: list[str], zones: list[str]) -> str:
    lt = lambda t: f'<span class="ar-lt" style="{style("lt")}">{t}</span>'  # noqa: E731
    parts = [f'<div class="ar-legend" style="{style("legend")}">', "<div>", lt("Zones")]
    parts += [_lg(_swatch(vocabulary.ZONE_COLOURS.get(z, "#dee2e6")) + esc(vocabulary.label("zone", z))) for z in zones]
    parts += ["</div><div>", lt("Mentions")]
    for t in etypes:
        sample = f'<span class="ar-m" style="{style("mention", f"background-color:{ecolours[t.upper()]}")}">{esc(t)}</span>'
        parts.append(_lg(f'{sample} {esc(vocabulary.label("entity_type", t.upper()))}'))
    he = (f'<span class="ar-m" style="{style("mention", "background-color:#e9ecef")}">he'
          f'<sub style="{style("resolved")}">\u2192\u00a0entity</sub></span>')
    parts.append(_lg(f"hover a mention for its entity and kind; {he} = resolved to the entity shown"))
    parts += ["</div><div>", lt("Claims")]
    parts += [_lg(_swatch(colour) + f"{esc(name)} ({n})") for name, colour, n in speakers]
    parts += ["</div><div>", lt("Attribution")]
    for a in attributions:
        line = f'<span class="ar-c" style="{style("claim", claim_line("#495057", vocabulary.ATTRIBUTION_LINE_STYLES.get(a, "groove")))}">{esc(a)}</span>'
        parts.append(_lg(line))
    parts.append(_lg(f'<span class="ar-q" style="{style("quote")}">\u201cquoted words\u201d</span> vs reported speech'))
    parts.append(_lg(f'<span style="{style("cue")}">speaker</span> <span style="{style("cue")}">said</span>: who and the cue'))
    parts.append(_lg(_badge("#495057", "n") + "claim number, label in the margin: speaker \u00b7 attribution \u00b7 category"))
    parts.append(_lg(f'<span class="ar-ann" style="{style("ann")}"><span style="{style("ann_label")}">label</span>analyst note</span>'))
    parts.append("</div></div>")
    return "".join(parts)


def slug(value: object) -> str:
    """A CSS-class-safe form of a data value: lower case, runs of other characters → ``-``."""
    s = re.sub(r"[^a-z0-9]+", "-", str(value if value is not None else "").lower()).strip("-")
    return s or "x"


def _str(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def _header(article: Article, mention_rows: list[dict], n_claims: int, n_speakers: int) -> list[str]:
    entities = len({_str(r.get("entity_id")) for r in mention_rows if _str(r.get("entity_id"))})
    meta = [f"article <code>{esc(article.article_id)}</code>"]
    if article.author:
        meta.append(f"by {esc(article.author)}")
    meta.append(
        f"{len(article.paragraphs)} paragraphs \u00b7 {len(mention_rows)} mentions of {entities} entities \u00b7 "
        f"{n_claims} claims by {n_speakers} speakers"
    )
    return [f'<div class="ar-title" style="{style("title")}">{esc(article.headline or article.article_id)}</div>',
            f'<div class="ar-meta" style="{style("meta")}">{" · ".join(meta)}</div>']


def _row(p, body: str, notes: list[str]) -> str:
    """One paragraph: zone gutter (bar in the zone's colour), text in the zone's look, margin notes."""
    bar = f"border-left:4px solid {vocabulary.ZONE_COLOURS.get(p.zone, '#dee2e6')}"
    return (
        f'<div class="ar-row ar-z-{slug(p.zone)}" data-paragraph="{p.paragraph_id}" style="{style("row")}">'
        f'<div class="ar-zone" style="{style("zone", bar)}">{esc(p.zone)}</div>'
        f'<div class="ar-text" style="{style("text")}"><p style="{style("p", ZONE_TEXT_STYLES.get(p.zone, ""))}">{body}</p></div>'
        f'<div class="ar-notes" style="{style("notes")}">{"".join(notes)}</div></div>'
    )


def _footer(article: Article, mention_rows, claim_rows, bad_m, bad_c, placed, ann, numbers) -> list[str]:
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
    return [f'<div class="ar-foot" style="{style("foot")}">{" ".join(foot)}</div>'] if foot else []
