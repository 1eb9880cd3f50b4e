"""Anatomy of an article (notebook 04): paragraphs top to bottom, who speaks where.

One row per paragraph (reading order, top to bottom); the x axis is the
character position inside the paragraph, so each row is as long as its
paragraph.  On each row:

* the paragraph's extent as a thin grey bar, the row shaded by zone (colours
  of :data:`analysis.charts.text.ZONE_COLOURS`; body rows unshaded);
* each claim as a bar over its span, coloured by speaker (the same colours as
  the HTML view, :func:`analysis.render.speaker_colours`), its fill telling
  the attribution: solid = direct quotation, hatched = mixed, pale = indirect,
  grey = narrator;
* mentions of the most-mentioned entities as markers, one shape per entity;
* callouts (:func:`anatomy_callouts`) on what matters: the main source's
  share of attributed claims, the first independent voice, the longest
  direct quotation — written in a column of their own right of the bars
  (arrows point into the rows), so no callout covers a bar whatever the
  article; the legends run along the bottom, so the figure has no empty
  panel.

Mentions are counted as every chart counts them (:mod:`analysis.charts`):
headline, body and captions; dates are not "top entities".

:func:`anatomy_table` gives the chart's data, one row per paragraph, for the
notebook to print (nbval compares printed data, not PNGs).
"""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import ConnectionPatch, Patch

from analysis import profile, render
from analysis import vocabulary as V
from analysis.article import Article
from analysis.charts.text import ZONE_COLOURS

#: Marker shapes for the top entities, in rank order.
ENTITY_MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P")
#: Entity types left out of "top entities": everything the vocabulary does not rank (dates).
NON_ACTOR_TYPES: frozenset[str] = frozenset(set(V.ENTITY_TYPES) - set(V.RANKED_TYPES))
#: Characters per line of a callout in the callout column.
CALLOUT_WIDTH: int = 34
#: Fill of a claim bar by attribution: (alpha, hatch).
ATTRIBUTION_FILL: dict[str, tuple[float, str]] = {
    "direct": (0.95, ""),
    "mixed": (0.75, "///"),
    "indirect": (0.38, ""),
    "narrator": (0.35, ""),
}


def top_entities(mentions: pd.DataFrame, n: int = 4) -> pd.DataFrame:
    """The ``n`` most-mentioned actor entities of the story zones: entity_id, entity, entity_type, mentions.

    Sorted by mentions (descending), then first mention offset, then id.
    """
    cols = ["entity_id", "entity", "entity_type", "mentions"]
    if len(mentions) == 0:
        return pd.DataFrame({c: [] for c in cols})
    m = mentions[mentions["zone"].isin(V.COUNTED_ZONES) & mentions["entity_type"].str.upper().isin(V.RANKED_TYPES)]
    g = (
        m.groupby("entity_id")
        .agg(entity=("entity", "first"), entity_type=("entity_type", "first"), mentions=("mention_id", "size"), first=("start", "min"))
        .reset_index()
        .sort_values(["mentions", "first", "entity_id"], ascending=[False, True, True])
    )
    return g.head(n)[cols].reset_index(drop=True)


def _claims(tables: dict[str, pd.DataFrame]) -> list[dict]:
    c = tables["claims"]
    return c.sort_values(["start", "end", "claim_id"]).to_dict("records") if len(c) else []


def _para_of(article: Article, offset: int) -> int:
    for p in article.paragraphs:
        if p.start <= offset < p.end:
            return p.paragraph_id
    return -1


def anatomy_table(article: Article, tables: dict[str, pd.DataFrame], n_entities: int = 4) -> pd.DataFrame:
    """The chart's data, one row per paragraph.

    Columns: paragraph_id, zone, chars, claims, attributions (e.g. ``direct:1 indirect:2``),
    speakers (in order of appearance), one column per top entity with its mention count
    (counted zones only: a bio paragraph counts 0).
    """
    rows = []
    claims = _claims(tables)
    top = top_entities(tables["mentions"], n_entities)
    m = tables["mentions"]
    m = m[m["zone"].isin(V.COUNTED_ZONES)] if len(m) else m
    for p in article.paragraphs:
        cs = [r for r in claims if int(r["start"]) < p.end and int(r["end"]) > p.start]
        att: dict[str, int] = {}
        for r in cs:
            a = str(r["attribution"]) if pd.notna(r["attribution"]) else "?"
            att[a] = att.get(a, 0) + 1
        speakers = list(dict.fromkeys(render.speaker_name(r) for r in cs))
        row = {
            "paragraph_id": p.paragraph_id,
            "zone": p.zone,
            "chars": p.end - p.start,
            "claims": len(cs),
            "attributions": " ".join(f"{k}:{v}" for k, v in sorted(att.items())),
            "speakers": "; ".join(speakers),
        }
        for t in top.itertuples():
            row[str(t.entity)] = int(((m["entity_id"] == t.entity_id) & (m["start"] >= p.start) & (m["start"] < p.end)).sum()) if len(m) else 0
        rows.append(row)
    return pd.DataFrame(rows)


def anatomy_callouts(article: Article, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """What the chart points at: paragraph_id, x (offset in the paragraph), text.

    * the source with most attributed claims and its share, at its first claim;
    * the first claim of the first independent voice (see :mod:`analysis.profile`);
    * the longest direct quotation (speaker and length in characters).
    """
    claims = _claims(tables)
    pstart = {p.paragraph_id: p.start for p in article.paragraphs}
    out: list[dict] = []
    attributed = [r for r in claims if str(r["attribution"]).lower() != profile.NARRATOR]
    src = profile.sources(article, tables)

    def first_claim(key: str) -> dict | None:
        return next((r for r in attributed if render.speaker_key(r) == key), None)

    def at(r: dict, text: str) -> None:
        pid = _para_of(article, int(r["start"]))
        if pid >= 0:
            out.append({"paragraph_id": pid, "x": int(r["start"]) - pstart[pid], "text": text})

    if len(src):
        lead = src.sort_values(["claims", "first_paragraph", "speaker"], ascending=[False, True, True]).iloc[0]
        key = lead["speaker_entity_id"] or lead["speaker"]
        r = first_claim(key)
        if r is not None:
            at(r, f"{lead['speaker']}: {lead['claims']} of {len(attributed)} attributed claims")
        indep = src[src["affiliation"] == "independent"]
        if len(indep):
            first = indep.iloc[0]
            r = first_claim(first["speaker_entity_id"] or first["speaker"])
            if r is not None and not (out and out[0]["text"].startswith(f"{first['speaker']}:")):
                at(r, f"first independent voice: {first['speaker']} (\u00b6{first['first_paragraph']})")
    direct = [r for r in attributed if str(r["attribution"]).lower() == "direct"]
    if direct:
        r = max(direct, key=lambda r: (int(r["end"]) - int(r["start"]), -int(r["start"])))
        at(r, f"longest direct quotation: {render.speaker_name(r)}, {int(r['end']) - int(r['start'])} chars")
    return pd.DataFrame(out, columns=["paragraph_id", "x", "text"])


def _callout_rows(callouts: pd.DataFrame, n_rows: int) -> list[float]:
    """A y position per callout: its paragraph's row, pushed down so that boxes never overlap
    (a box of ``k`` wrapped lines takes ``0.5 + 0.42 k`` rows)."""
    ys: list[float] = []
    bottom = -1.0
    for c in callouts.sort_values(["paragraph_id", "x"], kind="stable").itertuples():
        lines = len(textwrap.wrap(str(c.text), CALLOUT_WIDTH)) or 1
        half = (0.5 + 0.42 * lines) / 2
        y = max(float(c.paragraph_id), bottom + half)
        ys.append(y)
        bottom = y + half
    return ys


def _draw_claims(ax, article: Article, claims: list[dict], colours: dict[str, str]) -> None:
    for r in claims:
        s, e = int(r["start"]), int(r["end"])
        alpha, hatch = ATTRIBUTION_FILL.get(str(r["attribution"]).lower(), (0.5, "..."))
        colour = colours[render.speaker_key(r)]
        for p in article.paragraphs:
            a, b = max(s, p.start), min(e, p.end)
            if a < b:
                ax.barh(p.paragraph_id, b - a, left=a - p.start, height=0.62, color=colour, alpha=alpha,
                        hatch=hatch, edgecolor=colour if hatch else "none", lw=0.6 if hatch else 0)


def _draw_entities(ax, article: Article, tables: dict[str, pd.DataFrame], n_entities: int) -> list:
    """Markers of the top entities' counted mentions; their legend handles."""
    top = top_entities(tables["mentions"], n_entities)
    m = tables["mentions"]
    handles = []
    for k, t in enumerate(top.itertuples()):
        rows = m[(m["entity_id"] == t.entity_id) & m["zone"].isin(V.COUNTED_ZONES)]
        xs, ys = [], []
        for r in rows.itertuples():
            pid = _para_of(article, int(r.start))
            if pid >= 0:
                xs.append((int(r.start) + int(r.end)) / 2 - article.paragraphs[pid].start)
                ys.append(pid)
        marker = ENTITY_MARKERS[k % len(ENTITY_MARKERS)]
        ax.scatter(xs, ys, marker=marker, s=34, facecolor="white", edgecolor="#111111", linewidths=1.1, zorder=3)
        handles.append(Line2D([], [], marker=marker, ls="", markerfacecolor="white", markeredgecolor="#111111",
                              label=f"{t.entity} ({t.mentions})"))
    return handles


def _draw_callouts(ax, cax, article: Article, tables: dict[str, pd.DataFrame]) -> None:
    """Callouts in their own column (``cax``), arrows into the rows of ``ax``."""
    callouts = anatomy_callouts(article, tables)
    cax.set_xlim(0, 1)
    cax.axis("off")
    callouts = callouts.sort_values(["paragraph_id", "x"], kind="stable")
    for c, y in zip(callouts.itertuples(), _callout_rows(callouts, len(article.paragraphs))):
        cax.text(0.04, y, textwrap.fill(str(c.text), CALLOUT_WIDTH), fontsize=8.5, va="center", ha="left",
                 bbox={"boxstyle": "round,pad=0.3", "fc": "#fffbe6", "ec": "#999999", "lw": 0.6})
        ax.figure.add_artist(ConnectionPatch(xyA=(0.03, y), coordsA=cax.transData, xyB=(c.x, c.paragraph_id),
                                      coordsB=ax.transData, arrowstyle="->", color="#333333", lw=0.9, shrinkB=4))


def _legend_groups(article: Article, claims: list[dict], colours: dict[str, str], ent_handles: list) -> list:
    names: dict[str, str] = {}
    for r in claims:
        names.setdefault(render.speaker_key(r), render.speaker_name(r))
    spk = [Patch(color=colours[k], label=_short(names[k])) for k in colours if k in names]
    # attribution fills shown in the colour of the first speaker who is not the narrator
    lead = next((colours[k] for k in colours if k in names and k not in (render.NARRATOR_NAME, render.UNRESOLVED_NAME)),
                render.SPEAKER_PALETTE[0])
    att = [Patch(facecolor=lead, alpha=ATTRIBUTION_FILL[a][0], hatch=ATTRIBUTION_FILL[a][1], edgecolor=lead,
                 label=V.label("attribution", a)) for a in ATTRIBUTION_FILL if a != "narrator"]
    zones = [Patch(color=ZONE_COLOURS[z], alpha=0.3, label=V.label("zone", z))
             for z in dict.fromkeys(p.zone for p in article.paragraphs) if z != "body"]
    return [("claims by speaker", spk), ("attribution (fill)", att), ("top entities (mentions)", ent_handles),
            ("zone (shading)", zones)]


def anatomy_chart(article: Article, tables: dict[str, pd.DataFrame], n_entities: int = 4) -> Figure:
    """The anatomy figure (see the module docstring): rows and bars left, callouts right,
    legends along the bottom.  ``fig.axes[0]`` is the rows, ``fig.axes[1]`` the callouts."""
    paras = article.paragraphs
    n = len(paras)
    fig = plt.figure(figsize=(12, 2.6 + 0.42 * n), layout="constrained")
    grid = fig.add_gridspec(2, 2, width_ratios=[4.2, 1.3], height_ratios=[0.42 * n + 0.9, 1.35])
    ax = fig.add_subplot(grid[0, 0])
    cax = fig.add_subplot(grid[0, 1], sharey=ax)
    lax = fig.add_subplot(grid[1, :])
    width = max((p.end - p.start for p in paras), default=1)
    for p in paras:
        if p.zone != "body":
            ax.axhspan(p.paragraph_id - 0.5, p.paragraph_id + 0.5, color=ZONE_COLOURS.get(p.zone, "#dddddd"), alpha=0.16, lw=0)
        ax.barh(p.paragraph_id, p.end - p.start, height=0.12, left=0, color="#b0b0b0", lw=0)
    claims = _claims(tables)
    colours = render.speaker_colours(claims)
    _draw_claims(ax, article, claims, colours)
    ent_handles = _draw_entities(ax, article, tables, n_entities)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_xlim(0, width * 1.02)
    ax.set_yticks([p.paragraph_id for p in paras], [f"\u00b6{p.paragraph_id} {p.zone}" for p in paras], fontsize=8)
    ax.set_xlabel("character position within the paragraph")
    ax.set_ylabel("paragraph (reading order) and zone")
    ax.set_title(f"Anatomy of the article: who speaks where ({article.article_id})", fontsize=11)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    _draw_callouts(ax, cax, article, tables)
    _legends(fig, lax, _legend_groups(article, claims, colours, ent_handles))
    return fig


def _short(name: str, n: int = 30) -> str:
    return name if len(name) <= n else name[: n - 1] + "\u2026"


def _legends(fig: Figure, lax, groups: list) -> None:
    """One legend per group, side by side along the bottom, each placed after the last one's width."""
    lax.axis("off")
    renderer = fig.canvas.get_renderer()
    x = 0.0
    for title, hs in groups:
        if not hs:
            continue
        leg = lax.legend(handles=hs, title=title, loc="upper left", bbox_to_anchor=(x, 1.0), fontsize=8,
                         title_fontsize=8, frameon=False, handlelength=1.6, borderaxespad=0,
                         ncol=2 if len(hs) > 5 else 1, alignment="left")
        lax.add_artist(leg)
        x = leg.get_window_extent(renderer).transformed(lax.transAxes.inverted()).x1 + 0.03
