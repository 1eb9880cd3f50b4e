"""Score a mentions table against hand-annotated gold mentions.

Gold files are ``data/gold/<article_id>.mentions.tsv`` (see
``data/gold/MENTIONS_GUIDELINES.md``): ``start, end, surface, entity, entity_type,
mention_kind``.  Predictions are any frame with ``start``, ``end`` and
``entity_type`` (the pipeline's mentions table).

Matching modes
--------------
``exact``    a prediction matches a gold mention with the same ``(start, end)``;
``overlap``  spans share at least one character (one-to-one, greedy in text order).

With ``typed=True`` the entity types must agree as well.  Precision is counted per
*predicted* type, recall per *gold* type, so a span found with the wrong type costs
a false positive in one row and a false negative in another.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.lexicons import DATA_DIR

GOLD_DIR: Path = DATA_DIR / "gold"
GOLD_COLUMNS: dict[str, str] = {
    "start": "int64", "end": "int64", "surface": "string", "entity": "string",
    "entity_type": "string", "mention_kind": "string",
}
SCORE_COLUMNS: tuple[str, ...] = ("type", "tp", "fp", "fn", "precision", "recall", "f1")


def gold_path(article_id: str) -> Path:
    """Where the gold mentions of ``article_id`` live."""
    return GOLD_DIR / f"{article_id}.mentions.tsv"


def read_gold(path: str | Path) -> pd.DataFrame:
    """Read a gold mentions TSV (comment lines starting with ``#`` are skipped)."""
    df = pd.read_csv(path, sep="\t", comment="#", dtype=str, keep_default_na=False, quoting=3)
    missing = set(GOLD_COLUMNS) - set(df.columns)
    if missing:
        raise ValueError(f"{path}: missing gold columns {sorted(missing)}")
    return df.astype(GOLD_COLUMNS)[list(GOLD_COLUMNS)]


def check_offsets(gold: pd.DataFrame, text: str) -> list[str]:
    """Rows whose ``text[start:end]`` differs from ``surface`` (empty list when all agree)."""
    bad = []
    for r in gold.itertuples(index=False):
        if text[r.start:r.end] != r.surface:
            bad.append(f"{r.start}-{r.end}: {r.surface!r} != {text[r.start:r.end]!r}")
    return bad


def _spans(df: pd.DataFrame, type_map: dict | None) -> list[tuple[int, int, str, int]]:
    types = df["entity_type"].astype(str)
    if type_map is not None:
        types = types.map(lambda t: type_map.get(t, ""))
    return sorted(zip(df["start"].astype(int), df["end"].astype(int), types, range(len(df))))


def match(pred: pd.DataFrame, gold: pd.DataFrame, mode: str = "exact", typed: bool = True,
          pred_type_map: dict | None = None, gold_type_map: dict | None = None) -> list[tuple[int, int]]:
    """Pairs ``(pred_row, gold_row)`` of matched mentions (row positions), one-to-one.

    Rows whose mapped type is ``""`` (a type the map leaves out) take no part.
    """
    if mode not in ("exact", "overlap"):
        raise ValueError(f"unknown match mode {mode!r}")
    P = [s for s in _spans(pred, pred_type_map) if s[2]]
    G = [s for s in _spans(gold, gold_type_map) if s[2]]
    pairs: list[tuple[int, int]] = []
    if mode == "exact":
        index: dict[tuple, list[int]] = {}
        for gs, ge, gt, gi in G:
            index.setdefault((gs, ge, gt if typed else ""), []).append(gi)
        for ps, pe, pt, pi in P:
            lst = index.get((ps, pe, pt if typed else ""))
            if lst:
                pairs.append((pi, lst.pop(0)))
        return pairs
    used: set[int] = set()
    j0 = 0
    for ps, pe, pt, pi in P:
        while j0 < len(G) and G[j0][1] <= ps:
            j0 += 1
        best = None
        for gs, ge, gt, gi in G[j0:]:
            if gs >= pe:
                break
            if gi in used or ge <= ps or (typed and gt != pt):
                continue
            ov = min(pe, ge) - max(ps, gs)
            if best is None or ov > best[0]:
                best = (ov, gi)
        if best is not None:
            used.add(best[1])
            pairs.append((pi, best[1]))
    return pairs


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def score(pred: pd.DataFrame, gold: pd.DataFrame, mode: str = "exact", typed: bool = True,
          pred_type_map: dict | None = None, gold_type_map: dict | None = None) -> pd.DataFrame:
    """Precision, recall and F1 per entity type and overall (``type == "ALL"``).

    ``*_type_map`` map the frames' types onto a shared label set (e.g. GPE and LOC to
    LOCATION for IE-ER); types mapped to nothing are ignored on that side.
    """
    pairs = match(pred, gold, mode, typed, pred_type_map, gold_type_map)
    p_by_row = {s[3]: s[2] for s in _spans(pred, pred_type_map)}
    g_by_row = {s[3]: s[2] for s in _spans(gold, gold_type_map)}
    matched_p = {p for p, _ in pairs}
    matched_g = {g for _, g in pairs}
    types = sorted({t for t in p_by_row.values() if t} | {t for t in g_by_row.values() if t})
    rows = []
    for t in types:
        tp_p = sum(1 for i, pt in p_by_row.items() if pt == t and i in matched_p)
        fp = sum(1 for i, pt in p_by_row.items() if pt == t and i not in matched_p)
        tp_g = sum(1 for i, gt in g_by_row.items() if gt == t and i in matched_g)
        fn = sum(1 for i, gt in g_by_row.items() if gt == t and i not in matched_g)
        # precision from the predicted side, recall from the gold side
        p = tp_p / (tp_p + fp) if tp_p + fp else 0.0
        r = tp_g / (tp_g + fn) if tp_g + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        rows.append({"type": t, "tp": tp_g, "fp": fp, "fn": fn,
                     "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)})
    tp = len(pairs)
    fp = sum(1 for i, t in p_by_row.items() if t and i not in matched_p)
    fn = sum(1 for i, t in g_by_row.items() if t and i not in matched_g)
    p, r, f = _prf(tp, fp, fn)
    rows.append({"type": "ALL", "tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f})
    return pd.DataFrame(rows, columns=list(SCORE_COLUMNS))


def evaluate(pred: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """The overall scores under the four settings: exact/overlap × typed/untyped."""
    rows = []
    for mode in ("exact", "overlap"):
        for typed in (True, False):
            s = score(pred, gold, mode, typed)
            allrow = s[s["type"] == "ALL"].iloc[0].to_dict()
            allrow.pop("type")
            rows.append({"match": mode, "typed": typed, **allrow})
    return pd.DataFrame(rows)


def errors(pred: pd.DataFrame, gold: pd.DataFrame, mode: str = "exact", typed: bool = True) -> pd.DataFrame:
    """False positives and false negatives as one table (``error`` = ``fp`` | ``fn``), text order."""
    pairs = match(pred, gold, mode, typed)
    mp = {p for p, _ in pairs}
    mg = {g for _, g in pairs}
    rows = []
    surf_p = pred["surface"] if "surface" in pred else pd.Series([""] * len(pred))
    for i in range(len(pred)):
        if i not in mp:
            rows.append({"error": "fp", "start": int(pred["start"].iloc[i]), "end": int(pred["end"].iloc[i]),
                         "surface": str(surf_p.iloc[i]), "entity_type": str(pred["entity_type"].iloc[i])})
    for i in range(len(gold)):
        if i not in mg:
            rows.append({"error": "fn", "start": int(gold["start"].iloc[i]), "end": int(gold["end"].iloc[i]),
                         "surface": str(gold["surface"].iloc[i]), "entity_type": str(gold["entity_type"].iloc[i])})
    df = pd.DataFrame(rows, columns=["error", "start", "end", "surface", "entity_type"])
    return df.sort_values(["start", "end", "error"], kind="stable").reset_index(drop=True)


def coreference_agreement(pred: pd.DataFrame, gold: pd.DataFrame, entity: str) -> dict:
    """How the predictions treat the gold mentions of one entity.

    Returns ``gold`` (gold mentions of ``entity``), ``found`` (matched by exact span),
    ``ids`` (distinct non-empty predicted entity_ids among them), ``main_id`` (the most
    frequent), ``with_main_id`` (matched mentions carrying it).  The entity is handled
    perfectly when ``found == with_main_id == gold`` and ``ids == 1``.
    """
    g = gold[gold["entity"] == entity]
    pairs = match(pred, g.reset_index(drop=True), "exact", typed=False)
    ids = [str(pred["entity_id"].iloc[p]) for p, _ in pairs]
    nonempty = [i for i in ids if i]
    main = max(sorted(set(nonempty)), key=nonempty.count) if nonempty else ""
    return {"entity": entity, "gold": len(g), "found": len(pairs), "ids": len(set(nonempty)),
            "main_id": main, "with_main_id": sum(1 for i in ids if i == main and main)}


def kind_accuracy(pred: pd.DataFrame, gold: pd.DataFrame) -> float:
    """Share of exactly matched mentions whose ``mention_kind`` agrees with gold."""
    pairs = match(pred, gold, "exact", typed=False)
    if not pairs:
        return 0.0
    ok = sum(1 for p, g in pairs if str(pred["mention_kind"].iloc[p]) == str(gold["mention_kind"].iloc[g]))
    return round(ok / len(pairs), 4)
