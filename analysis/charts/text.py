"""Charts of the text layer (notebook 01): sentence lengths, top words, lexical dispersion."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from analysis import vocabulary
from analysis.article import Article

#: One colour per zone, used wherever zones are shaded (the vocabulary's, shared with the annotated view).
ZONE_COLOURS: dict[str, str] = vocabulary.ZONE_COLOURS


def shade_zones(ax, article: Article, axis: str = "x", alpha: float = 0.18) -> None:
    """Shade each non-body paragraph's character range on ``ax`` by its zone colour."""
    seen = set()
    for p in article.paragraphs:
        if p.zone == "body":
            continue
        label = p.zone if p.zone not in seen else None
        seen.add(p.zone)
        span = ax.axvspan if axis == "x" else ax.axhspan
        span(p.start, p.end, color=ZONE_COLOURS[p.zone], alpha=alpha, lw=0, label=label)


def sentence_length_chart(lengths: pd.DataFrame) -> Figure:
    """Bar per sentence (words), coloured by zone, longest sentence called out."""
    fig, ax = plt.subplots(figsize=(9, 4))
    colours = [ZONE_COLOURS[z] if z != "body" else "#55a868" for z in lengths.zone]
    ax.bar(lengths.sentence_id, lengths.words, color=colours, edgecolor="#333333", linewidth=0.3)
    longest = lengths.sort_values(["words", "sentence_id"], ascending=[False, True]).iloc[0]
    ax.annotate(f"longest: sentence {longest.sentence_id}\n({longest.words} words, {longest.zone})",
                xy=(longest.sentence_id + 0.4, longest.words), xytext=(0.72, 0.97), textcoords="axes fraction",
                arrowprops={"arrowstyle": "->", "color": "#333333"}, fontsize=9, va="top")
    ax.set_ylim(0, lengths.words.max() * 1.2 + 1)
    body = lengths[lengths.zone == "body"].words
    if len(body):
        ax.axhline(body.median(), color="#555555", ls="--", lw=1)
        ax.text(lengths.sentence_id.max(), body.median(), f" body median {body.median():g}", va="bottom", ha="right", fontsize=8)
    handles = [plt.Rectangle((0, 0), 1, 1, color=ZONE_COLOURS[z] if z != "body" else "#55a868") for z in dict.fromkeys(lengths.zone)]
    ax.legend(handles, list(dict.fromkeys(lengths.zone)), title="zone", fontsize=8, loc="upper left")
    ax.set_title("Sentence length along the article")
    ax.set_xlabel("sentence (reading order)")
    ax.set_ylabel("words")
    fig.tight_layout()
    return fig


def top_words_chart(top: pd.DataFrame, title: str = "Most frequent content words (headline and body)") -> Figure:
    """Horizontal bars of the most frequent content words, most frequent on top."""
    fig, ax = plt.subplots(figsize=(7, 4.5))
    t = top.iloc[::-1]
    ax.barh(t.word, t["count"], color="#4c72b0")
    for y, c in enumerate(t["count"]):
        ax.text(c + 0.1, y, str(c), va="center", fontsize=8)
    ax.set_title(title)
    ax.set_xlabel("occurrences")
    ax.set_ylabel("word (lower case)")
    fig.tight_layout()
    return fig


def dispersion_chart(article: Article, positions: pd.DataFrame, terms: list[str]) -> Figure:
    """Lexical dispersion: a tick per occurrence of each term along the article, zones shaded."""
    fig, ax = plt.subplots(figsize=(10, 1.2 + 0.6 * max(1, len(terms))))
    shade_zones(ax, article)
    for y, term in enumerate(terms):
        xs = positions.loc[positions.term == term, "start"]
        ax.plot(xs, [y] * len(xs), "|", markersize=18, markeredgewidth=2, color="#222222")
        ax.text(len(article.text), y, f"  {len(xs)}", va="center", fontsize=8)
    ax.set_yticks(range(len(terms)), terms)
    ax.set_ylim(-0.7, len(terms) - 0.3)
    ax.set_xlim(0, len(article.text))
    ax.set_xlabel("character offset in the article")
    ax.set_title("Where key terms occur along the article (shaded: non-body zones)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.45), ncol=5, fontsize=8, frameon=False)
    fig.tight_layout()
    return fig
