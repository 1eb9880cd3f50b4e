"""Score a claims table against gold claims (``data/gold/<article_id>.claims.tsv``).

Matching (see ``data/gold/CLAIMS_GUIDELINES.md``): a predicted and a gold claim
match when their content spans overlap by at least ``min_ratio`` (default ½) of
the shorter span.  :func:`score_claims` matches one-to-one, greedily by overlap
(the seed gold has one claim per content); :func:`score_attributions` (used for
PolNeAR) lets spans match many-to-many, because that corpus nests attributions
and keeps a multi-paragraph quotation as one content.

Reported: precision, recall and F1 of content spans (all claims and attributed
claims only), attribution accuracy and speaker accuracy on matched pairs.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from analysis.evaluate.brat import Relation, Span
from analysis.vocabulary import ATTRIBUTIONS

Piece = tuple[int, int]

GOLD_COLUMNS: dict[str, str] = {
    "claim_no": "int64", "zone": "string", "attribution": "string", "speaker": "string",
    "speaker_start": "Int64", "speaker_end": "Int64", "speaker_text": "string", "cue": "string",
    "cue_start": "Int64", "cue_end": "Int64", "content_start": "int64", "content_end": "int64",
    "content_text": "string",
}

QUOTE_MARKS: str = '"\u201c\u201d\u00ab\u00bb\u201e'


# --- gold ------------------------------------------------------------------------------


def load_gold(path: str | Path) -> pd.DataFrame:
    """Read a gold claims TSV (``#`` comment lines, header row; empty cells = missing)."""
    lines = [ln for ln in Path(path).read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = list(reader)
    data = {c: [r.get(c, "") or None for r in rows] for c in GOLD_COLUMNS}
    frame = pd.DataFrame({c: pd.Series(data[c], dtype="string") for c in GOLD_COLUMNS})
    for c, t in GOLD_COLUMNS.items():
        if t != "string":
            frame[c] = pd.to_numeric(frame[c]).astype(t)
    for c in ("speaker", "speaker_text", "cue"):
        frame[c] = frame[c].fillna("")
    return frame


def verify_gold(gold: pd.DataFrame, text: str) -> list[str]:
    """Problems with a gold table's offsets: ``text[start:end]`` must equal the recorded surface."""
    problems: list[str] = []
    for r in gold.itertuples(index=False):
        if text[r.content_start : r.content_end] != r.content_text:
            problems.append(f"claim {r.claim_no}: content offsets do not match its text")
        if r.speaker_text:
            if pd.isna(r.speaker_start) or text[int(r.speaker_start) : int(r.speaker_end)] != r.speaker_text:
                problems.append(f"claim {r.claim_no}: speaker offsets do not match {r.speaker_text!r}")
        if r.cue:
            if pd.isna(r.cue_start) or text[int(r.cue_start) : int(r.cue_end)] != r.cue:
                problems.append(f"claim {r.claim_no}: cue offsets do not match {r.cue!r}")
        if r.attribution not in ATTRIBUTIONS:
            problems.append(f"claim {r.claim_no}: unknown attribution {r.attribution!r}")
        if (r.attribution == "narrator") != (r.speaker == ""):
            problems.append(f"claim {r.claim_no}: narrator claims have no speaker, others have one")
    return problems


# --- span arithmetic -------------------------------------------------------------------------


def overlap(a: tuple[Piece, ...], b: tuple[Piece, ...]) -> int:
    """Characters shared by two multi-piece spans."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def length(a: tuple[Piece, ...]) -> int:
    return sum(e - s for s, e in a)


def spans_match(a: tuple[Piece, ...], b: tuple[Piece, ...], min_ratio: float = 0.5) -> bool:
    """True when the spans share at least ``min_ratio`` of the shorter one."""
    short = min(length(a), length(b))
    return short > 0 and overlap(a, b) >= min_ratio * short


def prf(correct_pred: int, n_pred: int, found_gold: int, n_gold: int) -> dict[str, float]:
    """Precision, recall, F1 (0.0 when undefined)."""
    p = correct_pred / n_pred if n_pred else 0.0
    r = found_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def greedy_match(pred: list[tuple[Piece, ...]], gold: list[tuple[Piece, ...]], min_ratio: float = 0.5) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index), greedy by overlap, ties by position."""
    cands = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if spans_match(p, g, min_ratio):
                cands.append((-overlap(p, g), i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in sorted(cands):
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return sorted(pairs)


def _speaker_ok(pred_row, gold_speaker: str, gold_span: tuple[Piece, ...] | None) -> bool:
    name = str(pred_row["speaker"] or "")
    if gold_speaker and name and name.strip().lower() == gold_speaker.strip().lower():
        return True
    ps, pe = int(pred_row["speaker_start"]), int(pred_row["speaker_end"])
    if gold_span and ps >= 0 and overlap(((ps, pe),), gold_span) > 0:
        return True
    return False


# --- the seed gold ------------------------------------------------------------------------


def compare_claims(pred: pd.DataFrame, gold: pd.DataFrame, min_ratio: float = 0.5) -> pd.DataFrame:
    """Gold and predicted claims side by side (one-to-one match), one row per gold claim
    and per unmatched prediction; sorted by position."""
    p_spans = [((int(s), int(e)),) for s, e in zip(pred["start"], pred["end"])]
    g_spans = [((int(s), int(e)),) for s, e in zip(gold["content_start"], gold["content_end"])]
    pairs = dict((j, i) for i, j in greedy_match(p_spans, g_spans, min_ratio))
    matched_pred = set(pairs.values())
    rows = []
    for j, g in enumerate(gold.to_dict("records")):
        i = pairs.get(j)
        p = pred.iloc[i] if i is not None else None
        gspan = ((int(g["speaker_start"]), int(g["speaker_end"])),) if pd.notna(g["speaker_start"]) else None
        rows.append({
            "pos": int(g["content_start"]), "gold_no": int(g["claim_no"]), "claim_id": p["claim_id"] if p is not None else "",
            "gold_attribution": g["attribution"], "pred_attribution": p["attribution"] if p is not None else "",
            "gold_speaker": g["speaker"], "pred_speaker": p["speaker"] if p is not None else "",
            "found": p is not None,
            "attribution_ok": p is not None and p["attribution"] == g["attribution"],
            "speaker_ok": p is not None and (g["attribution"] == "narrator" and p["attribution"] == "narrator"
                                             or g["attribution"] != "narrator" and _speaker_ok(p, g["speaker"], gspan)),
        })
    for i, p in enumerate(pred.to_dict("records")):
        if i not in matched_pred:
            rows.append({"pos": int(p["start"]), "gold_no": -1, "claim_id": p["claim_id"], "gold_attribution": "",
                         "pred_attribution": p["attribution"], "gold_speaker": "", "pred_speaker": p["speaker"],
                         "found": False, "attribution_ok": False, "speaker_ok": False})
    out = pd.DataFrame(rows)
    return out.sort_values(["pos", "gold_no"], kind="stable").reset_index(drop=True)


def score_claims(pred: pd.DataFrame, gold: pd.DataFrame, min_ratio: float = 0.5) -> dict[str, float]:
    """Content P/R/F1 (all claims; attributed claims only), attribution and speaker accuracy."""
    cmp = compare_claims(pred, gold, min_ratio)
    g = cmp[cmp["gold_no"] >= 0]
    matched = g[g["found"]]
    out: dict[str, float] = {}
    out.update({f"all_{k}": v for k, v in prf(len(matched), len(pred), len(matched), len(gold)).items()})
    g_att = g[g["gold_attribution"] != "narrator"]
    m_att = g_att[g_att["found"] & (g_att["pred_attribution"] != "narrator")]
    n_pred_att = int((pred["attribution"] != "narrator").sum())
    out.update({f"attributed_{k}": v for k, v in prf(len(m_att), n_pred_att, len(m_att), len(g_att)).items()})
    out["attribution_accuracy"] = float(matched["attribution_ok"].mean()) if len(matched) else 0.0
    m_sp = g_att[g_att["found"]]
    out["speaker_accuracy"] = float(m_sp["speaker_ok"].mean()) if len(m_sp) else 0.0
    out["gold_claims"] = float(len(gold))
    out["gold_attributed"] = float(len(g_att))
    out["predicted_claims"] = float(len(pred))
    return out


# --- brat attribution corpora (PolNeAR) ----------------------------------------------------


def _marks_normalised(s: str) -> str:
    """Typewriter quotation marks (two apostrophes / backticks) as one ``"``."""
    return s.replace("''", '"').replace("``", '"')


def quoted(span: Span | None, text: str) -> bool:
    """True if the span's text carries a quotation mark (``''`` counts as one)."""
    return span is not None and any(ch in QUOTE_MARKS for s, e in span.pieces for ch in _marks_normalised(text[s:e]))


def speech_cue(span: Span | None, text: str, form_lemma: dict[str, str], lemmas: frozenset[str]) -> bool:
    """True if the cue holds a word (or word pair) whose lemma is a speech/source cue lemma."""
    if span is None:
        return False
    words = re.findall(r"[a-z']+", " ".join(text[s:e] for s, e in span.pieces).lower().replace("\u2019", "'"))
    grams = words + [" ".join(words[k : k + 2]) for k in range(len(words) - 1)]
    return any(form_lemma.get(w) in lemmas for w in grams)


#: Opening mark → closing mark for depth-aware pairing of curly quotation marks.
_PAIRS: dict[str, str] = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d"}


def _whole_quotation(piece: str) -> bool:
    """True if ``piece`` (stripped of a leading complementiser *that* and of edge
    punctuation) is one quotation: its first mark opens it and its matching mark
    (nested curly quotations counted by depth) is its last character."""
    core = piece.strip(" \t\n.,;:")
    core = re.sub(r"^that\b[\s,:]*", "", core, flags=re.IGNORECASE).strip(" \t\n.,;:")
    if len(core) < 2 or core[0] not in QUOTE_MARKS:
        return False
    opener = core[0]
    if opener == '"':
        return core[-1] == '"' and core.count('"') == 2
    closer = _PAIRS.get(opener)
    if closer is None:
        return False
    depth = 0
    for i, ch in enumerate(core):
        if ch == opener or (ch in _PAIRS and _PAIRS[ch] == closer):
            depth += 1
        elif ch == closer:
            depth -= 1
            if depth == 0:
                return i == len(core) - 1
    return False


def _covered(content: Span, text: str, quote_spans: list[tuple[int, int]]) -> bool:
    """True if every word character of the content (a leading *that* aside) lies inside
    one of ``quote_spans`` (the article's quotations, marks included)."""
    first = True
    for a, b in content.pieces:
        seg = text[a:b]
        skip = 0
        if first:
            m = re.match(r"\s*that\b", seg, flags=re.IGNORECASE)
            skip = m.end() if m else 0
            first = False
        for i in range(a + skip, b):
            if text[i].isalnum() and not any(s <= i < e for s, e in quote_spans):
                return False
    return True


def gold_attribution_type(content: Span, text: str, quote_spans: list[tuple[int, int]] | None = None) -> str:
    """direct / mixed / indirect of a gold content, mapped to this project's scheme.

    * ``indirect``: no quotation mark;
    * ``direct``: the content is quoted words only: every piece is one whole quotation
      once a leading complementiser *that* and edge punctuation are dropped, or (given the
      article's ``quote_spans``) every word character lies inside a quotation.  PolNeAR
      keeps a quotation interrupted by its cue ("“A,” she said. “B.”") and a quotation
      running over paragraphs as ONE content of several pieces, and includes *that* in
      the content ("said that “…”"); the extractor calls these ``direct`` (one claim per
      quotation), so the mapping does too;
    * ``mixed``: anything else with a quotation mark (unquoted words around quoted ones).
    """
    pieces = [_marks_normalised(text[a:b]) for a, b in content.pieces]
    if not any(ch in QUOTE_MARKS for p in pieces for ch in p):
        return "indirect"
    pieces = [p for p in pieces if p.strip(" \t\n.,;:")]
    if pieces and all(_whole_quotation(p) for p in pieces):
        return "direct"
    if quote_spans and _covered(content, text, quote_spans):
        return "direct"
    return "mixed"


def _name_tokens(s: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z'\-]+", s.lower()) if len(w) > 2}


#: Relative pronouns: a gold Source that is one of these is matched by its antecedent.
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "which", "that", "whom"})


def speaker_matches_source(pred_row, source: Span, text: str, stop: frozenset[str]) -> bool:
    """Predicted speaker vs gold Source: mention spans overlap, or the predicted speaker name
    or surface shares a content word with the Source text (case-insensitive), or the Source
    is a relative pronoun and the predicted speaker span ends shortly before it in the
    same sentence (its antecedent)."""
    ps, pe = int(pred_row["speaker_start"]), int(pred_row["speaker_end"])
    if ps >= 0 and overlap(((ps, pe),), source.pieces) > 0:
        return True
    s0 = source.pieces[0][0]
    if (ps >= 0 and " ".join(text[a:b] for a, b in source.pieces).strip().lower() in RELATIVE_PRONOUNS
            and pe <= s0 and s0 - pe <= 60 and not re.search(r"[.!?]\s", text[pe:s0])):
        # PolNeAR marks the relative pronoun ("McConnell, who said …"); the extractor
        # names its antecedent, which ends shortly before it in the same sentence
        return True
    src_text = " ".join(text[a:b] for a, b in source.pieces)
    src = _name_tokens(src_text) - stop
    name = str(pred_row["speaker"] or "")
    initials = "".join(w[0] for w in re.findall(r"[A-Z][a-z]+", name))
    if len(initials) >= 2 and re.search(rf"\b{initials}\b", src_text):
        return True  # an acronym of the predicted name: "the IMF" for International Monetary Fund
    pred_words = _name_tokens(name)
    if ps >= 0:
        pred_words |= _name_tokens(text[ps:pe])
    return bool(src & (pred_words - stop))


def score_attributions(pred: pd.DataFrame, rels: list[Relation], text: str, subset: str,
                       form_lemma: dict[str, str], lemmas: frozenset[str], stop: frozenset[str],
                       min_ratio: float = 0.5, quote_spans: list[tuple[int, int]] | None = None) -> dict[str, int]:
    """Counts for one article and one gold subset (``quoted``, ``speech_cue``, ``all``).

    Predictions are the attributed claims (not narrator); for ``quoted`` only those that
    carry a quotation.  A prediction is correct if it matches any gold content; a gold
    content is found if any attributed prediction matches it.  Speaker: over found gold
    contents that have a Source, the best-overlapping prediction's speaker is compared.
    ``quote_spans`` (the article's quotations) refine the gold attribution type
    (see :func:`gold_attribution_type`).
    """
    att = pred[pred["attribution"] != "narrator"].reset_index(drop=True)
    gold_all = [r for r in rels if r.content is not None]

    def in_subset(r: Relation) -> bool:
        if subset == "quoted":
            return quoted(r.content, text)
        if subset == "speech_cue":
            return speech_cue(r.cue, text, form_lemma, lemmas)
        return True

    gold = [r for r in gold_all if in_subset(r)]
    if subset == "quoted":
        preds = att[att["quote"].fillna("") != ""].reset_index(drop=True)
    else:
        preds = att
    p_spans = [((int(s), int(e)),) for s, e in zip(preds["start"], preds["end"])]
    a_spans = [((int(s), int(e)),) for s, e in zip(att["start"], att["end"])]
    correct = sum(1 for p in p_spans if any(spans_match(p, r.content.pieces, min_ratio) for r in gold_all))
    found = sp_n = sp_ok = at_n = at_ok = 0
    for r in gold:
        best, best_ov = None, 0
        for i, a in enumerate(a_spans):
            if spans_match(a, r.content.pieces, min_ratio):
                ov = overlap(a, r.content.pieces)
                if ov > best_ov:
                    best, best_ov = i, ov
        if best is None:
            continue
        found += 1
        row = att.iloc[best]
        at_n += 1
        at_ok += int(row["attribution"] == gold_attribution_type(r.content, text, quote_spans))
        if r.source is not None:
            sp_n += 1
            sp_ok += int(speaker_matches_source(row, r.source, text, stop))
    return {"pred": len(p_spans), "pred_correct": correct, "gold": len(gold), "gold_found": found,
            "speaker_n": sp_n, "speaker_ok": sp_ok, "attribution_n": at_n, "attribution_ok": at_ok}


def claim_patterns(pred: pd.DataFrame) -> pd.Series:
    """The attribution pattern of each claim, for per-pattern scores.

    The claims table's ``pattern`` column when it has one (empty cells read as
    ``"(none)"``); in a table without it, ``<attribution>:<cue_lemma>`` (e.g.
    ``indirect:say``, ``direct:-`` for a quotation without cue) stands in.
    """
    if "pattern" in pred.columns:
        return pred["pattern"].fillna("").astype(str).replace("", "(none)")
    lemma = pred["cue_lemma"].fillna("").astype(str).replace("", "-") if "cue_lemma" in pred.columns else "-"
    return pred["attribution"].astype(str) + ":" + lemma


def pattern_counts(pred: pd.DataFrame, rels: list[Relation], min_ratio: float = 0.5) -> dict[str, dict[str, int]]:
    """Per attribution pattern (:func:`claim_patterns`) of the attributed claims of one article:
    ``pred`` (claims), ``pred_correct`` (their content matches some gold content) and
    ``gold_found`` (gold contents matched by at least one claim of the pattern; a gold content
    found by two patterns counts for both).  Narrator claims take no part; ``gold`` in the
    ``"*"`` entry is the number of gold contents of the article."""
    att = pred[pred["attribution"] != "narrator"].reset_index(drop=True)
    gold = [r.content.pieces for r in rels if r.content is not None]
    pats = claim_patterns(att) if len(att) else pd.Series([], dtype=str)
    out: dict[str, dict[str, int]] = {"*": {"gold": len(gold)}}
    found_by: dict[str, set[int]] = {}
    for i, (s, e) in enumerate(zip(att["start"], att["end"])):
        span = ((int(s), int(e)),)
        hits = {j for j, g in enumerate(gold) if spans_match(span, g, min_ratio)}
        c = out.setdefault(pats.iloc[i], {"pred": 0, "pred_correct": 0, "gold_found": 0})
        c["pred"] += 1
        c["pred_correct"] += int(bool(hits))
        found_by.setdefault(pats.iloc[i], set()).update(hits)
    for pat, hits in found_by.items():
        out[pat]["gold_found"] = len(hits)
    return out


# --- command line ------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.evaluate.claims ARTICLE [GOLD]``: verify the gold offsets and score
    the extractor on one article (GOLD defaults to ``data/gold/<article_id>.claims.tsv``)."""
    import argparse

    from analysis import claims as claims_mod
    from analysis import mentions as mentions_mod
    from analysis.article import load_article
    from analysis.lexicons import DATA_DIR
    from analysis.tokenise import tokenise

    ap = argparse.ArgumentParser(prog="python -m analysis.evaluate.claims", description=main.__doc__)
    ap.add_argument("article")
    ap.add_argument("gold", nargs="?")
    a = ap.parse_args(argv)
    article = load_article(a.article)
    gold_path = Path(a.gold) if a.gold else DATA_DIR / "gold" / f"{article.article_id}.claims.tsv"
    gold = load_gold(gold_path)
    problems = verify_gold(gold, article.text)
    for p in problems:
        print(f"{gold_path}: {p}")
    print(f"gold offsets: {'OK' if not problems else f'{len(problems)} problem(s)'} ({len(gold)} claims)")
    doc = tokenise(article)
    table = claims_mod.claims_table(doc, claims_mod.find_claims(doc, mentions_mod.find_mentions(doc)))
    for k, v in score_claims(table, gold).items():
        print(f"{k:<22} {v:.3f}" if v <= 1.0 else f"{k:<22} {int(v)}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
