"""Charts an editor would not send back: one counting rule, dates apart, a readable heatmap,
target lines that label no bar, callouts that cover no bar (on the seed and on fixtures)."""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis import mentions as M  # noqa: E402
from analysis import vocabulary as V  # noqa: E402
from analysis.article import article_from_text, load_article  # noqa: E402
from analysis.charts import anatomy, claims as cc, mentions as mc, text as tc  # noqa: E402
from analysis.pipeline import analyse  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "raw" / "newsweek-nato-fills-holes-stockpiles.txt"
FIXTURES = [ROOT / "tests" / "fixtures" / "articles" / f for f in ("drug_prices.txt", "business.txt", "foreign.txt")] + [
    ROOT / "tests" / "fixtures" / "claims" / "climate_voices.txt"]


def _m(rows):
    """A made-up mentions table: (entity_id, entity, type, zone, start, kind)."""
    cols = ["mention_id", "entity_id", "entity", "entity_type", "zone", "start", "end", "sentence_id",
            "mention_kind", "in_quote", "surface"]
    data = [(f"m{k}", e, n, t, z, s, s + 3, s // 10, kind, False, n) for k, (e, n, t, z, s, kind) in enumerate(rows)]
    return pd.DataFrame(data, columns=cols)


# "Ada Brook met Lund on Tuesday." in the body; the bio says "Jon Roe writes for the Ledger".
MADE_UP = _m([
    ("E1", "Ada Brook", "PERSON", "body", 0, "name"), ("E2", "Lund", "GPE", "body", 14, "name"),
    ("E3", "Tuesday", "DATE", "body", 22, "name"), ("E3", "Tuesday", "DATE", "body", 40, "name"),
    ("E3", "Tuesday", "DATE", "body", 52, "name"), ("E1", "Ada Brook", "PERSON", "headline", 60, "alias"),
    ("E4", "Ledger", "ORG", "bio", 80, "name"), ("E4", "Ledger", "ORG", "bio", 90, "name"),
    ("E4", "Ledger", "ORG", "bio", 95, "name"), ("E4", "Ledger", "ORG", "credit", 99, "name"),
])


def test_one_counting_rule_stated_once():
    from analysis import charts, profile

    assert charts.COUNTED_ZONES == V.COUNTED_ZONES == profile.STORY_ZONES == ("headline", "body", "caption")
    assert set(V.UNCOUNTED_ZONES) == {"notice", "credit", "bio"}
    assert "DATE" not in V.RANKED_TYPES


def test_ranking_leaves_out_dates_and_page_furniture():
    r = mc.ranked_entities(MADE_UP)
    assert list(r["entity"]) == ["Ada Brook", "Lund"]  # not Tuesday (3), not the Ledger of the bio (4)
    assert list(r["mentions"]) == [2, 1]
    assert list(anatomy.top_entities(MADE_UP)["entity"]) == ["Ada Brook", "Lund"]


def test_dates_are_shown_apart():
    d = mc.dates_table(MADE_UP)
    assert list(d["date"]) == ["Tuesday"] and list(d["mentions"]) == [3] and d["zones"].iloc[0] == "body"
    fig = mc.dates_chart(d)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Tuesday"]
    plt.close(fig)
    fig = mc.dates_chart(mc.dates_table(MADE_UP[MADE_UP["entity_type"] != "DATE"]))
    assert "no date" in fig.axes[0].texts[0].get_text()
    plt.close(fig)


def test_entity_bar_chart_drops_dates_even_from_a_full_summary():
    summary = M.entity_summary(MADE_UP)  # the mentions module's summary still has Tuesday
    assert "Tuesday" in set(summary["entity"])
    fig = mc.entity_bar_chart(summary)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "Tuesday" not in labels and "Ada Brook" in labels
    plt.close(fig)


def test_dispersion_draws_counted_mentions_only():
    art = article_from_text("x " * 60, "made-up")
    summary = M.entity_summary(MADE_UP)
    fig = mc.entity_dispersion_chart(art, MADE_UP, summary)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[:2] == ["Ledger (0)", "Ada Brook (2)"] or "Ledger (0)" not in labels
    assert not any(lab.startswith("Tuesday") for lab in labels)
    plt.close(fig)


def test_heatmap_masks_the_diagonal():
    m = pd.DataFrame([[20, 3, 1], [3, 9, 2], [1, 2, 4]], index=list("abc"), columns=list("abc"))
    fig = mc.cooccurrence_heatmap(m)
    im = fig.axes[0].images[0]
    arr = im.get_array()
    assert all(np.ma.getmaskarray(arr)[i, i] for i in range(3))
    assert im.norm.vmax == 3  # the strongest pair sets the scale, not the diagonal's 20
    plt.close(fig)


def _texts(fig):
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def test_mention_evaluation_target_is_in_the_legend_not_on_a_bar():
    scores = pd.DataFrame({"type": ["DATE", "ORG", "ALL"], "tp": [1, 2, 3], "fp": [0, 0, 0], "fn": [0, 0, 0],
                           "precision": [1.0, 1.0, 1.0], "recall": [1.0, 1.0, 1.0], "f1": [1.0, 1.0, 1.0]})
    fig = mc.evaluation_chart(scores)
    assert not any("target" in t for t in _texts(fig))
    assert any("target" in t.get_text() for t in fig.axes[0].get_legend().get_texts())
    plt.close(fig)


def test_claim_evaluation_target_spans_the_precision_bars_only():
    keys = ["all_precision", "all_recall", "attributed_precision", "attributed_recall", "attribution_accuracy",
            "speaker_accuracy"]
    fig = cc.evaluation_chart({**{k: 0.9 for k in keys}, "gold_claims": 3, "predicted_claims": 3})
    ax = fig.axes[0]
    assert not any("target" in t for t in _texts(fig))
    segs = [seg for coll in ax.collections for seg in coll.get_segments()]
    centres = sorted(round(float(np.mean(s[:, 0]))) for s in segs)
    assert centres == [0, 2]  # over all_precision and attributed_precision
    plt.close(fig)


def test_zone_colours_shared_by_charts_and_view():
    from analysis import render

    assert tc.ZONE_COLOURS is V.ZONE_COLOURS and render.ZONE_COLOURS is V.ZONE_COLOURS
    assert cc.ATTRIBUTION_COLOURS is V.ATTRIBUTION_COLOURS and mc.TYPE_COLOURS is V.ENTITY_TYPE_COLOURS


@pytest.fixture(scope="module", params=[SEED, *FIXTURES], ids=lambda p: p.stem)
def analysed(request):
    art = load_article(request.param)
    return art, analyse(art)


def _boxes(fig, artists):
    r = fig.canvas.get_renderer()
    return [a.get_window_extent(r) for a in artists]


def test_anatomy_callouts_cover_no_bar_and_no_other_callout(analysed):
    art, tables = analysed
    fig = anatomy.anatomy_chart(art, tables)
    fig.canvas.draw()
    ax, cax = fig.axes[0], fig.axes[1]
    assert not ax.texts
    from matplotlib.patches import ConnectionPatch

    bars = _boxes(fig, [p for p in ax.patches if not isinstance(p, ConnectionPatch)])  # bars, shading
    boxes = _boxes(fig, [t.get_bbox_patch() for t in cax.texts])
    for b in boxes:
        assert not any(b.overlaps(p) for p in bars), "a callout covers a bar"
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b), "two callouts overlap"
    plt.close(fig)


def test_anatomy_attribution_swatches_are_in_a_speaker_colour_and_the_figure_has_no_empty_panel(analysed):
    from matplotlib.colors import to_hex

    art, tables = analysed
    fig = anatomy.anatomy_chart(art, tables)
    fig.canvas.draw()
    lax = fig.axes[2]
    att = [lg for lg in lax.artists if lg.get_title().get_text().startswith("attribution")]
    if len(tables["claims"]):
        colours = {to_hex(h.get_facecolor(), keep_alpha=False) for h in att[0].legend_handles}
        assert "#555555" not in colours and len(colours) == 1
    # the rows take most of the width, the legends sit below them
    ax = fig.axes[0]
    w = fig.get_window_extent().width
    assert ax.get_window_extent().width > 0.6 * w
    assert lax.get_window_extent().y1 <= ax.get_window_extent().y0
    plt.close(fig)


def test_position_chart_greys_page_furniture_only(analysed):
    from analysis import claims as C

    art, tables = analysed
    fig = cc.position_chart(C.claim_positions(tables["claims"], len(art.text)), art)
    spans = [p for p in fig.axes[0].patches if p.get_width() > 0 and p.get_height() >= 1]
    furniture = [q for q in art.paragraphs if q.zone in V.UNCOUNTED_ZONES]
    assert len(spans) == len(furniture)
    plt.close(fig)


def test_claim_charts_follow_the_same_rule():
    """Claims are only found in the counted zones, so every claim chart counts what mention charts count."""
    from analysis import claims as C

    assert set(C.CLAIM_ZONES) == set(V.COUNTED_ZONES)
