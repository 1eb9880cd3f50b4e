"""Charts of entity mentions (notebook 02): who is named, where, with whom, in whose words,
and how the extraction scores against the gold standard.

Every function takes tables (see :mod:`analysis.mentions` summaries) and returns a
:class:`matplotlib.figure.Figure`; none shows or saves it.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from analysis.article import Article
from analysis.charts.text import shade_zones
from analysis.mentions import TYPE_COLOURS


def _type_legend(ax, types, loc="lower right"):
    handles = [Patch(color=TYPE_COLOURS.get(t, "#999999"), label=t) for t in TYPE_COLOURS if t in set(types)]
    ax.legend(handles=handles, title="entity type", fontsize=8, title_fontsize=8, loc=loc)


def entity_bar_chart(summary: pd.DataFrame, n: int = 15) -> Figure:
    """Horizontal bars of the ``n`` most-mentioned entities, coloured by type, top one called out."""
    top = summary.head(n).iloc[::-1]
    fig, ax = plt.subplots(figsize=(8, 0.8 + 0.36 * max(1, len(top))))
    ax.barh(top["entity"], top["mentions"], color=[TYPE_COLOURS.get(t, "#999999") for t in top["entity_type"]])
    for y, (m, r, p) in enumerate(zip(top["mentions"], top["role"], top["pronoun"])):
        extra = f"  ({r} role, {p} pronoun)" if r or p else ""
        ax.text(m + 0.2, y, f"{m}{extra}", va="center", fontsize=8)
    if len(top):
        lead = summary.iloc[0]
        ax.annotate(f"most mentioned: {lead['entity']}", xy=(lead["mentions"], len(top) - 1),
                    xytext=(0.45, 0.12), textcoords="axes fraction", fontsize=9,
                    arrowprops={"arrowstyle": "->", "color": "#333333"})
        ax.set_xlim(0, summary["mentions"].max() * 1.45 + 1)
    ax.set_title("Entities ranked by mentions (names, aliases, roles and pronouns)")
    ax.set_xlabel("mentions in the article")
    ax.set_ylabel("entity")
    _type_legend(ax, top["entity_type"], loc="center right")
    fig.tight_layout()
    return fig


def entity_dispersion_chart(article: Article, table: pd.DataFrame, summary: pd.DataFrame, n: int = 8) -> Figure:
    """A tick per mention of each of the top ``n`` entities along the article, zones shaded."""
    top = summary.head(n)
    fig, ax = plt.subplots(figsize=(10, 1.4 + 0.55 * max(1, len(top))))
    shade_zones(ax, article)
    for y, (eid, name, etype) in enumerate(zip(top["entity_id"], top["entity"], top["entity_type"])):
        t = table[table["entity_id"] == eid]
        colour = TYPE_COLOURS.get(etype, "#333333")
        ax.plot(t["start"], [y] * len(t), "|", markersize=16, markeredgewidth=2, color=colour)
        pron = t[t["mention_kind"].isin(["pronoun", "role"])]
        ax.plot(pron["start"], [y] * len(pron), "o", markersize=4, color="white", markeredgecolor=colour)
        ax.text(len(article.text), y, f"  {len(t)}", va="center", fontsize=8)
    ax.set_yticks(range(len(top)), list(top["entity"]))
    ax.set_ylim(-0.8, len(top) - 0.2)
    ax.set_xlim(0, len(article.text))
    ax.invert_yaxis()
    ax.set_title("Where the top entities are mentioned (| mention, ○ role or pronoun; shading = zone)")
    ax.set_xlabel("character offset in the article")
    ax.set_ylabel("entity")
    ax.legend(fontsize=7, loc="lower left", title="zone", title_fontsize=7, ncol=3)
    fig.tight_layout()
    return fig


def cooccurrence_heatmap(matrix: pd.DataFrame) -> Figure:
    """Heatmap of sentence-level co-occurrence; the strongest off-diagonal pair called out."""
    k = len(matrix)
    fig, ax = plt.subplots(figsize=(1.8 + 0.75 * k, 1.4 + 0.6 * k))
    vals = matrix.to_numpy()
    im = ax.imshow(vals, cmap="Blues")
    for i in range(k):
        for j in range(k):
            ax.text(j, i, str(vals[i, j]), ha="center", va="center", fontsize=8,
                    color="white" if vals[i, j] > vals.max() / 2 else "#222222")
    ax.set_xticks(range(k), list(matrix.columns), rotation=35, ha="right")
    ax.set_yticks(range(k), list(matrix.index))
    off = vals.copy()
    np.fill_diagonal(off, -1)
    if k > 1 and off.max() > 0:
        i, j = np.unravel_index(np.argmax(off), off.shape)
        ax.add_patch(plt.Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, ec="#c44e52", lw=2))
        ax.annotate(f"strongest pair: {matrix.index[i]} + {matrix.columns[j]}", xy=(j, i - 0.5),
                    xytext=(0.5, 1.02), textcoords="axes fraction", ha="center", fontsize=8,
                    arrowprops={"arrowstyle": "->", "color": "#c44e52"})
    fig.colorbar(im, ax=ax, label="sentences")
    ax.set_title("Sentences mentioning both entities (diagonal: sentences with the entity)", pad=22)
    ax.set_xlabel("entity")
    ax.set_ylabel("entity")
    fig.tight_layout()
    return fig


def quote_narration_chart(split: pd.DataFrame) -> Figure:
    """Stacked bars per entity: mentions inside quotations vs in the reporter's narration."""
    fig, ax = plt.subplots(figsize=(8, 0.9 + 0.4 * max(1, len(split))))
    s = split.iloc[::-1]
    ax.barh(s["entity"], s["narration"], color="#8c8c8c", label="narration")
    ax.barh(s["entity"], s["in_quote"], left=s["narration"], color="#c44e52", label="inside quotation marks")
    for y, (n, q, sh) in enumerate(zip(s["narration"], s["in_quote"], s["quoted_share"])):
        ax.text(n + q + 0.2, y, f"{sh:.0%} quoted", va="center", fontsize=8)
    if len(split):
        most = split.sort_values(["quoted_share", "entity"], ascending=[False, True]).iloc[0]
        y = list(s["entity"]).index(most["entity"])
        ax.annotate("highest quoted share", xy=(most["narration"] + most["in_quote"], y - 0.2), xytext=(0.66, 0.3),
                    textcoords="axes fraction", fontsize=9, arrowprops={"arrowstyle": "->", "color": "#333333"})
        ax.set_xlim(0, (split["narration"] + split["in_quote"]).max() * 1.35 + 1)
    ax.set_title("Mentions inside quotations vs in narration")
    ax.set_xlabel("mentions")
    ax.set_ylabel("entity")
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    return fig


def evaluation_chart(scores: pd.DataFrame, title: str = "Seed article: extracted mentions vs gold (exact span + type)") -> Figure:
    """Grouped bars of precision, recall and F1 per entity type (and ALL), counts annotated."""
    fig, ax = plt.subplots(figsize=(9, 4))
    x = np.arange(len(scores))
    w = 0.26
    for k, (col, colour) in enumerate([("precision", "#4c72b0"), ("recall", "#55a868"), ("f1", "#c44e52")]):
        ax.bar(x + (k - 1) * w, scores[col], w, label=col, color=colour)
    for xi, (tp, fp, fn) in enumerate(zip(scores["tp"], scores["fp"], scores["fn"])):
        ax.text(xi, 1.03, f"tp {tp}\nfp {fp} fn {fn}", ha="center", va="bottom", fontsize=7)
    ax.axhline(0.95, color="#333333", ls="--", lw=1)
    ax.text(-0.45, 0.955, "target 0.95", ha="left", va="bottom", fontsize=8,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    ax.set_xticks(x, list(scores["type"]))
    ax.set_ylim(0, 1.25)
    ax.set_title(title)
    ax.set_xlabel("entity type")
    ax.set_ylabel("score")
    ax.legend(fontsize=8, loc="lower left")
    fig.tight_layout()
    return fig
