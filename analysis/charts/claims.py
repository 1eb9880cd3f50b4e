"""Charts of claims (notebook 03): who speaks, how they are attributed, what kind of claims,
where they fall along the article, who talks about whom, and the evaluation against gold.

Every function takes a summary table from :mod:`analysis.claims` (or a scores dict) and
returns a titled, labelled :class:`~matplotlib.figure.Figure` with an annotation that
points at the finding; none calls ``plt.show()``.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from analysis import vocabulary as V
from analysis.article import Article

#: One colour per attribution type (the vocabulary's).
ATTRIBUTION_COLOURS: dict[str, str] = V.ATTRIBUTION_COLOURS

#: One colour per claim category.
CATEGORY_COLOURS: dict[str, str] = {
    "need": "#c44e52",
    "assessment": "#8172b3",
    "prediction": "#ccb974",
    "commitment": "#55a868",
    "report": "#4c72b0",
}


def _short(name: str, n: int = 26) -> str:
    return name if len(name) <= n else name[: n - 1] + "\u2026"


def speaker_chart(summary: pd.DataFrame) -> Figure:
    """Two panels per speaker: claims (stacked by attribution type) and quoted words."""
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 0.6 * max(3, len(summary)) + 1.4), sharey=True)
    t = summary.iloc[::-1].reset_index(drop=True)
    y = np.arange(len(t))
    left = np.zeros(len(t))
    for a in ("direct", "mixed", "indirect"):
        ax1.barh(y, t[a], left=left, color=ATTRIBUTION_COLOURS[a], label=a, edgecolor="white")
        left += t[a].to_numpy()
    share = t["claims"].iloc[-1] / max(1, summary["claims"].sum()) if len(t) else 0.0
    for k, c in enumerate(t["claims"]):
        lead = f"  ({share:.0%} of attributed claims)" if k == len(t) - 1 else ""
        ax1.text(c + 0.1, k, f"{c}{lead}", va="center", fontsize=9, fontweight="bold" if lead else "normal")
    ax1.set_yticks(y, [_short(s) for s in t["speaker"]])
    ax1.set_xlabel("attributed claims")
    ax1.set_xlim(0, max(1, t["claims"].max()) * 1.9)
    ax1.legend(title="attribution", fontsize=8, loc="lower right")
    ax2.barh(y, t["quoted_words"], color="#c44e52")
    for k, c in enumerate(t["quoted_words"]):
        ax2.text(c + 1, k, str(c), va="center", fontsize=9)
    ax2.set_xlabel("words inside quotation marks")
    ax2.set_xlim(0, max(1, t["quoted_words"].max()) * 1.3)
    fig.suptitle("Who gets to speak: attributed claims and quoted words per speaker")
    fig.tight_layout()
    return fig


def attribution_chart(shares: pd.DataFrame) -> Figure:
    """100 % stacked bars: how each speaker's claims (and the narrator's) are attributed."""
    t = shares.iloc[::-1].reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(9, 0.6 * max(3, len(t)) + 1.2))
    y = np.arange(len(t))
    left = np.zeros(len(t))
    tot = t["total"].replace(0, 1).to_numpy()
    for a in ATTRIBUTION_COLOURS:
        frac = t[a].to_numpy() / tot
        ax.barh(y, frac, left=left, color=ATTRIBUTION_COLOURS[a], label=a, edgecolor="white")
        for k, (f, c) in enumerate(zip(frac, t[a])):
            if c:
                ax.text(left[k] + f / 2, k, str(c), ha="center", va="center", fontsize=9, color="white")
        left += frac
    ax.set_yticks(y, [f"{_short(s)} ({n})" for s, n in zip(t["speaker"], t["total"])])
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set_xlabel("share of the speaker's claims")
    ax.legend(title="attribution", fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=4)
    direct = int(shares[["direct", "mixed"]].to_numpy().sum())
    att = int(shares[["direct", "mixed", "indirect"]].to_numpy().sum())
    ax.set_title(f"How claims are attributed: {direct} of {att} attributed claims carry the speaker's own words")
    fig.tight_layout()
    return fig


def category_chart(summary: pd.DataFrame) -> Figure:
    """Claims per category stacked by attribution, with check-worthy (number/date) counts."""
    fig, ax = plt.subplots(figsize=(9, 4))
    x = np.arange(len(summary))
    bottom = np.zeros(len(summary))
    for a in ATTRIBUTION_COLOURS:
        ax.bar(x, summary[a], bottom=bottom, color=ATTRIBUTION_COLOURS[a], label=a, edgecolor="white")
        bottom += summary[a].to_numpy()
    for k, r in summary.iterrows():
        ax.text(k, r["claims"] + 0.15, f"{r['claims']}\n#{r['with_number']} \u2022 date {r['with_date']}",
                ha="center", va="bottom", fontsize=8)
    ax.set_xticks(x, summary["category"])
    ax.set_ylim(0, max(1, summary["claims"].max()) * 1.45)
    ax.set_ylabel("claims")
    ax.set_xlabel("category (rule-based, data/lexicons/categories.tsv)")
    ax.legend(title="attribution", fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    checkworthy = int(summary["with_number"].sum() + summary["with_date"].sum())
    ax.set_title("What kinds of claims: categories by attribution type\n"
                 f"over each bar: claims, then claims with a number (#) or a date ({checkworthy} flags in all)", fontsize=10)
    fig.tight_layout()
    return fig


def position_chart(positions: pd.DataFrame, article: Article) -> Figure:
    """Each claim as a marker along the article (x: character offset), one row per speaker."""
    speakers = list(dict.fromkeys(positions["speaker"]))
    fig, ax = plt.subplots(figsize=(10, 0.55 * max(3, len(speakers)) + 1.4))
    for p in article.paragraphs:
        if p.zone in V.UNCOUNTED_ZONES:
            ax.axvspan(p.start, p.end, color="#eeeeee", lw=0)
    for a, colour in ATTRIBUTION_COLOURS.items():
        sub = positions[positions["attribution"] == a]
        ax.scatter(sub["start"], [speakers.index(s) for s in sub["speaker"]], s=70, color=colour, label=a,
                   edgecolor="#333333", linewidth=0.4, zorder=3)
    ax.set_yticks(range(len(speakers)), [_short(s) for s in speakers])
    ax.set_ylim(len(speakers) - 0.4, -0.6)
    ax.set_xlim(0, len(article.text))
    ax.set_xlabel(f"character offset in the article (grey: {', '.join(V.UNCOUNTED_ZONES)}: page furniture)")
    ax.legend(title="attribution", fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.28), ncol=4)
    att = positions[positions["attribution"] != "narrator"]
    first = att.groupby("speaker", sort=False)["start"].min().sort_values()
    title = "Where claims fall along the article"
    if len(first) > 1:
        # call out where the last new voice enters: a dotted line, named in the title (no box over markers)
        who, at = first.index[-1], int(first.iloc[-1])
        ax.axvline(at, color="#333333", ls=":", lw=1, zorder=1)
        title += f"\nlast new voice ({_short(who, 30)}) enters at {at / len(article.text):.0%} of the text (dotted line)"
    ax.set_title(title, fontsize=10)
    fig.tight_layout()
    return fig


def who_about_whom_chart(edges: pd.DataFrame) -> Figure:
    """Heat map: speakers (rows) × entities their claims mention (columns), cell = claims."""
    if edges.empty:
        fig, ax = plt.subplots(figsize=(6, 2))
        ax.text(0.5, 0.5, "no attributed claim mentions another entity", ha="center", va="center")
        ax.set_axis_off()
        ax.set_title("Who talks about whom")
        return fig
    m = edges.pivot_table(index="speaker", columns="entity", values="claims", aggfunc="sum", fill_value=0)
    m = m.loc[m.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    m = m[m.sum(axis=0).sort_values(ascending=False, kind="stable").index]
    fig, ax = plt.subplots(figsize=(1.0 + 0.75 * m.shape[1], 1.8 + 0.55 * m.shape[0]))
    im = ax.imshow(m.to_numpy(), cmap="Blues", aspect="auto", vmin=0)
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            v = int(m.iat[i, j])
            if v:
                ax.text(j, i, str(v), ha="center", va="center", fontsize=9,
                        color="white" if v > m.to_numpy().max() / 2 else "#222222")
    ax.set_xticks(range(m.shape[1]), [_short(c, 22) for c in m.columns], rotation=40, ha="right")
    ax.set_yticks(range(m.shape[0]), [_short(s) for s in m.index])
    ax.set_xlabel("entity mentioned in the claim")
    ax.set_ylabel("speaker")
    fig.colorbar(im, ax=ax, label="claims", shrink=0.8)
    top = edges.iloc[0]
    ax.set_title(f"Who talks about whom: {top['speaker']} \u2192 {top['entity']} in {top['claims']} claims")
    fig.tight_layout()
    return fig


def evaluation_chart(scores: dict[str, float], target: float = 0.95) -> Figure:
    """Bars of the gold evaluation figures; the precision ``target`` is a line over the two
    precision bars only, named in the legend (no label on any bar)."""
    keys = ["all_precision", "all_recall", "attributed_precision", "attributed_recall",
            "attribution_accuracy", "speaker_accuracy"]
    groups = [("content spans, all claims", "#4c72b0"), ("content spans, attributed claims", "#dd8452"),
              ("on matched claims", "#55a868")]
    vals = [scores[k] for k in keys]
    fig, ax = plt.subplots(figsize=(9, 3.8))
    ax.bar(range(len(keys)), vals, color=[groups[k // 2][1] for k in range(len(keys))])
    for k, v in enumerate(vals):
        ax.text(k, v + 0.01, f"{v:.2f}", ha="center", va="bottom", fontsize=9)
    for k, key in enumerate(keys):
        if key.endswith("precision"):
            ax.hlines(target, k - 0.45, k + 0.45, color="#c44e52", ls="--", lw=1.5, zorder=3)
    handles = [Patch(color=c, label=g) for g, c in groups]
    handles.append(Line2D([], [], color="#c44e52", ls="--", lw=1.5, label=f"precision target {target:.2f}"))
    ax.legend(handles=handles, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.set_xticks(range(len(keys)), [k.replace("_", "\n") for k in keys], fontsize=8)
    ax.set_ylim(0, 1.12)
    ax.set_ylabel("score")
    ax.set_title(f"Seed article vs hand gold: {int(scores['gold_claims'])} gold claims, "
                 f"{int(scores['predicted_claims'])} extracted")
    fig.tight_layout()
    return fig
