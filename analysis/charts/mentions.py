"""Charts of entity mentions (notebook 02): who is named, where, with whom, in whose words,
and how the extraction scores against the gold standard.

Every chart follows the counting rule of :mod:`analysis.charts` (headline, body and
captions; dates apart from the entities).  :func:`ranked_entities`,
:func:`cooccurrence_matrix` and :func:`dates_table` build the tables that rule gives;
every chart function takes a table and returns a :class:`matplotlib.figure.Figure`;
none shows or saves it.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from analysis import mentions as M
from analysis import vocabulary as V
from analysis.article import Article
from analysis.charts.text import shade_zones

#: One colour per entity type (the vocabulary's), kept under its old name for notebooks.
TYPE_COLOURS: dict[str, str] = V.ENTITY_TYPE_COLOURS


def counted(mentions: pd.DataFrame) -> pd.DataFrame:
    """The mentions every chart counts: those in :data:`~analysis.vocabulary.COUNTED_ZONES`."""
    return mentions[mentions["zone"].isin(V.COUNTED_ZONES)]


def ranked_entities(mentions: pd.DataFrame, n: int | None = None) -> pd.DataFrame:
    """:func:`analysis.mentions.entity_summary` under the charts' rule: counted zones only,
    dates left out; the ``n`` first rows (all when ``None``)."""
    s = M.entity_summary(counted(mentions))
    if len(s):
        s = s[s["entity_type"].isin(V.RANKED_TYPES)].reset_index(drop=True)
    return s if n is None else s.head(n)


def cooccurrence_matrix(mentions: pd.DataFrame, n: int = 8) -> pd.DataFrame:
    """Sentence co-occurrence (:func:`analysis.mentions.cooccurrence`) of the ``n`` top ranked
    entities, counted zones only."""
    top = ranked_entities(mentions, n)
    return M.cooccurrence(counted(mentions), list(top["entity_id"]) if len(top) else [])


def dates_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """The dates the article mentions (counted zones), in reading order: date (as written most),
    mentions, first offset, zones, the surfaces as written."""
    cols = ["date", "mentions", "first_start", "zones", "surfaces"]
    d = counted(mentions)
    d = d[(d["entity_type"] == V.DATE_TYPE) & (d["entity_id"].fillna("") != "")].sort_values("start", kind="stable")
    rows = []
    for eid, g in d.groupby("entity_id", sort=False):
        rows.append({"date": str(g["entity"].iloc[0]), "mentions": len(g), "first_start": int(g["start"].min()),
                     "zones": ", ".join(dict.fromkeys(g["zone"])), "surfaces": "; ".join(dict.fromkeys(g["surface"]))})
    out = pd.DataFrame(rows, columns=cols)
    return out.astype({"mentions": "int64", "first_start": "int64"}) if len(out) else out


def _type_legend(ax, types, loc="lower right"):
    present = set(types)
    handles = [Patch(color=V.ENTITY_TYPE_COLOURS[t], label=f"{t} ({V.label('entity_type', t)})")
               for t in V.ENTITY_TYPES if t in present]
    ax.legend(handles=handles, title="entity type", fontsize=8, title_fontsize=8, loc=loc)


def entity_bar_chart(summary: pd.DataFrame, n: int = 15) -> Figure:
    """Horizontal bars of the ``n`` most-mentioned entities (dates left out), coloured by type;
    the top one is called out in its own label, so no arrow crosses a bar."""
    ranked = summary[summary["entity_type"].isin(V.RANKED_TYPES)] if len(summary) else summary
    top = ranked.head(n).iloc[::-1]
    fig, ax = plt.subplots(figsize=(8.5, 0.9 + 0.36 * max(1, len(top))))
    ax.barh(list(top["entity"]), top["mentions"], color=[V.colour("entity_type", t) for t in top["entity_type"]])
    for y, (m, r, p) in enumerate(zip(top["mentions"], top["role"], top["pronoun"])):
        extra = f"  ({r} role, {p} pronoun)" if r or p else ""
        lead = "  \u2190 most mentioned" if y == len(top) - 1 else ""
        ax.text(m + 0.2, y, f"{m}{extra}{lead}", va="center", fontsize=8, fontweight="bold" if lead else "normal")
    if len(top):
        ax.set_xlim(0, ranked["mentions"].max() * 1.7 + 1)
    ax.set_title("Entities ranked by mentions in headline, body and captions (dates apart)")
    ax.set_xlabel("mentions (names, short names, role nouns and pronouns)")
    ax.set_ylabel("entity")
    _type_legend(ax, top["entity_type"], loc="lower right")
    fig.tight_layout()
    return fig


def dates_chart(dates: pd.DataFrame) -> Figure:
    """The dates the article mentions, in reading order, bar = mentions (see :func:`dates_table`)."""
    fig, ax = plt.subplots(figsize=(7, 0.9 + 0.32 * max(1, len(dates))))
    if len(dates) == 0:
        ax.text(0.5, 0.5, "the article mentions no date", ha="center", va="center")
        ax.set_axis_off()
        return fig
    d = dates.iloc[::-1]
    ax.barh(list(d["date"]), d["mentions"], color=V.ENTITY_TYPE_COLOURS[V.DATE_TYPE])
    for y, (m, z) in enumerate(zip(d["mentions"], d["zones"])):
        ax.text(m + 0.05, y, f"{m}  ({z})", va="center", fontsize=8)
    ax.set_xlim(0, dates["mentions"].max() * 1.8 + 0.5)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title("Dates the article mentions (reading order)")
    ax.set_xlabel("mentions")
    fig.tight_layout()
    return fig


def entity_dispersion_chart(article: Article, table: pd.DataFrame, summary: pd.DataFrame, n: int = 8) -> Figure:
    """A tick per counted mention of each of the top ``n`` ranked entities along the article,
    zones shaded (mentions in the notice, credit and bio are not drawn: page furniture)."""
    top = summary[summary["entity_type"].isin(V.RANKED_TYPES)].head(n) if len(summary) else summary
    table = counted(table)
    fig, ax = plt.subplots(figsize=(10, 1.6 + 0.55 * max(1, len(top))))
    shade_zones(ax, article)
    labels = []
    for y, (eid, name, etype) in enumerate(zip(top["entity_id"], top["entity"], top["entity_type"])):
        t = table[table["entity_id"] == eid]
        colour = V.colour("entity_type", etype)
        ax.plot(t["start"], [y] * len(t), "|", markersize=16, markeredgewidth=2, color=colour)
        pron = t[t["mention_kind"].isin(["pronoun", "role"])]
        ax.plot(pron["start"], [y] * len(pron), "o", markersize=4, color="white", markeredgecolor=colour)
        labels.append(f"{name} ({len(t)})")
    ax.set_yticks(range(len(top)), labels)
    ax.set_ylim(-0.8, len(top) - 0.2)
    ax.set_xlim(0, len(article.text))
    ax.invert_yaxis()
    ax.set_title("Where the top entities are mentioned (| mention, \u25cb role or pronoun; shading = zone)")
    ax.set_xlabel("character offset in the article")
    ax.set_ylabel("entity (counted mentions)")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), title="zone", title_fontsize=7, frameon=False)
    fig.tight_layout()
    return fig


def cooccurrence_heatmap(matrix: pd.DataFrame) -> Figure:
    """Heatmap of sentence-level co-occurrence between different entities.

    The diagonal (sentences mentioning the entity at all) is masked: drawn grey with its count
    in brackets, left out of the colour scale, so pairs are not washed out by it.  The
    strongest pair is outlined.
    """
    k = len(matrix)
    fig, ax = plt.subplots(figsize=(2.4 + 0.75 * k, 1.6 + 0.6 * k))
    vals = matrix.to_numpy()
    off = vals.astype(float).copy()
    np.fill_diagonal(off, np.nan)
    top = int(np.nanmax(off)) if k > 1 and np.nanmax(off) > 0 else 1
    cmap = plt.get_cmap("Blues").with_extremes(bad="#e9ecef")
    im = ax.imshow(np.ma.masked_invalid(off), cmap=cmap, vmin=0, vmax=top)
    for i in range(k):
        for j in range(k):
            if i == j:
                ax.text(j, i, f"({vals[i, j]})", ha="center", va="center", fontsize=7, color="#868e96")
            else:
                ax.text(j, i, str(vals[i, j]), ha="center", va="center", fontsize=8,
                        color="white" if vals[i, j] > top / 2 else "#222222")
    ax.set_xticks(range(k), list(matrix.columns), rotation=35, ha="right")
    ax.set_yticks(range(k), list(matrix.index))
    title = "Sentences mentioning both entities"
    if k > 1 and np.nanmax(off) > 0:
        i, j = np.unravel_index(np.nanargmax(off), off.shape)
        ax.add_patch(plt.Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, ec="#c44e52", lw=2))
        title += f"\nstrongest pair (red box): {matrix.index[i]} + {matrix.columns[j]}, {vals[i, j]} sentences"
    fig.colorbar(im, ax=ax, label="sentences with both")
    ax.set_title(title + "\n(grey diagonal: sentences with the entity)", fontsize=10)
    ax.set_xlabel("entity")
    ax.set_ylabel("entity")
    fig.tight_layout()
    return fig


def quote_narration_chart(split: pd.DataFrame) -> Figure:
    """Stacked bars per entity: mentions inside quotations vs in the reporter's narration."""
    fig, ax = plt.subplots(figsize=(8.5, 1.0 + 0.4 * max(1, len(split))))
    s = split.iloc[::-1]
    ax.barh(list(s["entity"]), s["narration"], color="#8c8c8c", label="narration")
    ax.barh(list(s["entity"]), s["in_quote"], left=s["narration"], color="#c44e52", label="inside quotation marks")
    most = None
    if len(split):
        most = split.sort_values(["quoted_share", "entity"], ascending=[False, True]).iloc[0]["entity"]
    for y, (e, n, q, sh) in enumerate(zip(s["entity"], s["narration"], s["in_quote"], s["quoted_share"])):
        lead = "  \u2190 highest quoted share" if e == most and sh > 0 else ""
        ax.text(n + q + 0.2, y, f"{sh:.0%} quoted{lead}", va="center", fontsize=8, fontweight="bold" if lead else "normal")
    if len(split):
        ax.set_xlim(0, (split["narration"] + split["in_quote"]).max() * 1.6 + 1)
    ax.set_title("Mentions inside quotations vs in narration")
    ax.set_xlabel("mentions")
    ax.set_ylabel("entity")
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    return fig


def evaluation_chart(scores: pd.DataFrame, title: str = "Seed article: extracted mentions vs gold (exact span + type)",
                     target: float = 0.95) -> Figure:
    """Grouped bars of precision, recall and F1 per entity type (and ALL), counts annotated; the
    ``target`` line is named in the legend, so its label sits on no bar."""
    fig, ax = plt.subplots(figsize=(9, 4))
    x = np.arange(len(scores))
    w = 0.26
    for k, (col, colour) in enumerate([("precision", "#4c72b0"), ("recall", "#55a868"), ("f1", "#c44e52")]):
        ax.bar(x + (k - 1) * w, scores[col], w, label=col, color=colour)
    for xi, (tp, fp, fn) in enumerate(zip(scores["tp"], scores["fp"], scores["fn"])):
        ax.text(xi, 1.03, f"tp {tp}\nfp {fp} fn {fn}", ha="center", va="bottom", fontsize=7)
    ax.axhline(target, color="#333333", ls="--", lw=1)
    handles, labels = ax.get_legend_handles_labels()
    handles.append(Line2D([], [], color="#333333", ls="--", lw=1))
    labels.append(f"target {target:.2f}")
    ax.set_xticks(x, list(scores["type"]))
    ax.set_ylim(0, 1.25)
    ax.set_title(title)
    ax.set_xlabel("entity type")
    ax.set_ylabel("score")
    ax.legend(handles, labels, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    return fig
