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
  direct quotation.

:func:`anatomy_table` gives the chart's data, one row per paragraph, for the
notebook to print (nbval compares printed data, not PNGs).
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from analysis import profile, render
from analysis.article import Article
from analysis.charts.text import ZONE_COLOURS

#: Marker shapes for the top entities, in rank order.
ENTITY_MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P")
#: Entity types left out of "top entities" (dates are not actors).
NON_ACTOR_TYPES: frozenset[str] = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"})
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
    m = mentions[mentions["zone"].isin(profile.STORY_ZONES) & ~mentions["entity_type"].str.upper().isin(NON_ACTOR_TYPES)]
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
    speakers (in order of appearance), one column per top entity with its mention count.
    """
    rows = []
    claims = _claims(tables)
    top = top_entities(tables["mentions"], n_entities)
    m = tables["mentions"]
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


def anatomy_chart(article: Article, tables: dict[str, pd.DataFrame], n_entities: int = 4) -> Figure:
    """The anatomy figure (see the module docstring)."""
    paras = article.paragraphs
    n = len(paras)
    fig, (ax, lax) = plt.subplots(1, 2, figsize=(12, 1.6 + 0.42 * n), layout="constrained",
                                  gridspec_kw={"width_ratios": [5, 1.25]})
    width = max((p.end - p.start for p in paras), default=1)
    for p in paras:
        y = p.paragraph_id
        if p.zone != "body":
            ax.axhspan(y - 0.5, y + 0.5, color=ZONE_COLOURS.get(p.zone, "#dddddd"), alpha=0.16, lw=0)
        ax.barh(y, p.end - p.start, height=0.12, left=0, color="#b0b0b0", lw=0)
    claims = _claims(tables)
    colours = render.speaker_colours(claims)
    for r in claims:
        s, e = int(r["start"]), int(r["end"])
        alpha, hatch = ATTRIBUTION_FILL.get(str(r["attribution"]).lower(), (0.5, "..."))
        colour = colours[render.speaker_key(r)]
        for p in paras:
            a, b = max(s, p.start), min(e, p.end)
            if a < b:
                ax.barh(p.paragraph_id, b - a, left=a - p.start, height=0.62, color=colour, alpha=alpha,
                        hatch=hatch, edgecolor=colour if hatch else "none", lw=0.6 if hatch else 0)
    top = top_entities(tables["mentions"], n_entities)
    m = tables["mentions"]
    ent_handles = []
    for k, t in enumerate(top.itertuples()):
        rows = m[m["entity_id"] == t.entity_id]
        xs, ys = [], []
        for r in rows.itertuples():
            pid = _para_of(article, int(r.start))
            if pid >= 0:
                xs.append((int(r.start) + int(r.end)) / 2 - paras[pid].start)
                ys.append(pid)
        marker = ENTITY_MARKERS[k % len(ENTITY_MARKERS)]
        ax.scatter(xs, ys, marker=marker, s=34, facecolor="white", edgecolor="#111111", linewidths=1.1, zorder=3)
        ent_handles.append(plt.Line2D([], [], marker=marker, ls="", markerfacecolor="white", markeredgecolor="#111111",
                                      label=f"{t.entity} ({t.mentions})"))
    callouts = anatomy_callouts(article, tables)
    for k, c in enumerate(callouts.itertuples()):
        tx = width * 1.02
        ty = c.paragraph_id + (0.0 if k % 2 == 0 else 0.35)
        ax.annotate(c.text, xy=(c.x, c.paragraph_id), xytext=(tx, ty), fontsize=8.5, va="center", ha="left",
                    arrowprops={"arrowstyle": "->", "color": "#333333", "lw": 0.9, "shrinkB": 4},
                    bbox={"boxstyle": "round,pad=0.25", "fc": "#fffbe6", "ec": "#999999", "lw": 0.6})
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_xlim(0, width * 1.6)
    ax.set_yticks([p.paragraph_id for p in paras], [f"\u00b6{p.paragraph_id} {p.zone}" for p in paras], fontsize=8)
    ax.set_xlabel("character position within the paragraph")
    ax.set_ylabel("paragraph (reading order) and zone")
    ax.set_title(f"Anatomy of the article: who speaks where ({article.article_id})", fontsize=11)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    # legends: speakers, attribution, entities, zones
    names: dict[str, str] = {}
    for r in claims:
        names.setdefault(render.speaker_key(r), render.speaker_name(r))
    spk = [Patch(color=colours[k], label=names[k]) for k in colours if k in names]
    att = [Patch(facecolor="#555555", alpha=ATTRIBUTION_FILL[a][0], hatch=ATTRIBUTION_FILL[a][1], edgecolor="#555555", label=a)
           for a in ATTRIBUTION_FILL if a != "narrator"]  # narrator claims: the grey "(narrator)" speaker
    zones = [Patch(color=ZONE_COLOURS[z], alpha=0.3, label=z) for z in dict.fromkeys(p.zone for p in paras) if z != "body"]
    groups = [("claims by speaker", spk), ("attribution", att), ("zone (shading)", zones)]
    if ent_handles:
        groups.insert(0, ("top entities (mentions)", ent_handles))
    handles = []
    for title, hs in groups:
        if hs:
            handles.append(Patch(visible=False, label=title.upper()))
            handles.extend(hs)
    lax.axis("off")
    lax.legend(handles=handles, loc="upper left", fontsize=8, frameon=False, handlelength=1.6, borderaxespad=0)
    return fig
