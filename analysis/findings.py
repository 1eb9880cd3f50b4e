"""Sentences that say what an article's tables show, computed from the tables.

Every heading, finding and chart reading in the notebooks that depends on the
article comes from a function here, so it is true of whatever article the
notebooks run on.  Each returns a :class:`Finding`: the sentence and the
numbers behind it.  Each handles the degenerate article (no claims, no
quotations, no organisations, one paragraph) with a true sentence, never an
empty one.  Numbers are written as digits so a test can check each against
the tables.

A :class:`Finding` displays as Markdown in Jupyter (``_repr_markdown_``); its
plain-text repr is the same Markdown, so nbval compares the sentence itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd

#: Direct/mixed/indirect: the attributions of a claim with a source.
SOURCED: tuple[str, ...] = ("direct", "mixed", "indirect")


@dataclass(frozen=True, repr=False)
class Finding:
    """A sentence about the article and the numbers it states (``numbers``: name → value)."""

    text: str
    numbers: dict = field(default_factory=dict)
    level: int = 0  # 0: a paragraph; 2: a "## " heading, 3: "### "

    def markdown(self) -> str:
        return ("#" * self.level + " " if self.level else "") + self.text

    def heading(self, level: int = 2) -> "Finding":
        """The same finding shown as a Markdown heading of ``level``."""
        return replace(self, level=level)

    def _repr_markdown_(self) -> str:
        return self.markdown()

    def __repr__(self) -> str:
        return self.markdown()


def _pct(n: int, d: int) -> str:
    return f"{n / d:.0%}" if d else "0%"


def _quoted(words: list[str]) -> str:
    """'a', 'b' and 'c'."""
    q = [f"'{w}'" for w in words]
    return q[0] if len(q) == 1 else ", ".join(q[:-1]) + " and " + q[-1]


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _all_claims(n: int) -> str:
    """'the one claim' / 'all 5 claims'."""
    return "the one claim" if n == 1 else f"all {n} claims"


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


# --- notebook 01: the text -------------------------------------------------------------------

def zones(counts: pd.DataFrame) -> Finding:
    """Words of the article's own text (headline and body) vs page furniture, from ``zone_counts``."""
    own = counts["zone"].isin(["headline", "body"])
    body, total = int(counts.loc[own, "words"].sum()), int(counts["words"].sum())
    other = [str(z) for z in counts.loc[~own, "zone"]]
    nums = {"own_words": body, "words": total, "furniture_words": total - body}
    if total == 0:
        return Finding("The file holds no words to analyse", nums)
    if not other:
        return Finding(f"All {total} words are the article's own text (headline and body): the page carries no furniture", nums)
    return Finding(f"{body} of {total} words ({_pct(body, total)}) are headline or body; the other {total - body} "
                   f"are page furniture ({_join(other)})", nums)


def sentence_lengths(lengths: pd.DataFrame) -> Finding:
    """Median and range of sentence length in the body (or, without a body, in all sentences)."""
    body = lengths[lengths["zone"] == "body"]
    where = "body"
    if body.empty:
        body, where = lengths, "text"
    if body.empty:
        return Finding("The text has no sentences", {"sentences": 0})
    med = float(body["words"].median())
    nums = {"sentences": len(body), "median": med, "min": int(body["words"].min()), "max": int(body["words"].max())}
    if len(body) == 1:
        return Finding(f"The {where} is a single sentence of {nums['max']} words", nums)
    return Finding(f"The {where}'s {len(body)} sentences have a median length of {med:g} words "
                   f"(shortest {nums['min']}, longest {nums['max']})", nums)


def longest_sentence(lengths: pd.DataFrame, tokens: pd.DataFrame, text: str, width: int = 90) -> Finding:
    """The longest sentence (ties: the first), its zone, and whether most of its words are quoted."""
    if lengths.empty:
        return Finding("The text has no sentences", {"sentences": 0})
    r = lengths.sort_values(["words", "sentence_id"], ascending=[False, True]).iloc[0]
    words = tokens[(tokens["sentence_id"] == r["sentence_id"]) & ~tokens["is_punct"]]
    q = int(words["in_quote"].sum())
    whose = ("mostly inside quotation marks" if 2 * q > len(words) else
             "partly quoted" if q else "in the narrator's own words")
    s = " ".join(text[int(r["start"]):int(r["end"])].split())
    s = s if len(s) <= width else s[: width - 1] + "…"
    nums = {"words": int(r["words"]), "quoted_words": q, "sentence_id": int(r["sentence_id"])}
    return Finding(f"The longest sentence ({int(r['words'])} words, {r['zone']}) is {whose}: “{s}”", nums)


def top_words(top: pd.DataFrame, n: int = 3) -> Finding:
    """The most frequent content words, from ``textstats.top_words``."""
    if top.empty:
        return Finding("The headline and body have no content words to count", {})
    if int(top["count"].max()) == 1:
        return Finding("No content word occurs more than once in the headline and body", {"words": len(top)})
    head = top.head(n)
    words = [f"'{w}' ({c})" for w, c in zip(head["word"], head["count"])]
    nums = {str(w): int(c) for w, c in zip(head["word"], head["count"])}
    lead = "The most frequent content word is" if len(words) == 1 else "The most frequent content words are"
    return Finding(f"{lead} {_join(words)}", nums)


def collocations(colls: pd.DataFrame, n: int = 3) -> Finding:
    """The strongest collocations, from ``textstats.collocations``."""
    if colls.empty:
        return Finding("No pair of content words recurs: the text has no repeated fixed phrase", {"collocations": 0})
    head = colls.head(n)
    items = [f"'{b}' ({c}×)" for b, c in zip(head["bigram"], head["count"])]
    nums = {str(b): int(c) for b, c in zip(head["bigram"], head["count"])}
    lead = "Its strongest fixed phrase is" if len(items) == 1 else "Its strongest fixed phrases are"
    return Finding(f"{lead} {_join(items)}", nums)


def key_terms(terms: list[str], source: str) -> Finding:
    """Which key terms the concordance and dispersion follow, and where they come from."""
    if not terms:
        return Finding("No word of the headline and body is used more often than in general English: "
                       "there are no key terms to follow", {"terms": 0})
    how = ("chosen by the analyst" if source == "given"
           else "the words most over-represented against general English")
    return Finding(f"Key terms: {_quoted(terms)} ({how})", {"terms": len(terms)})


def concordance(conc: pd.DataFrame, terms: list[str], tokens: pd.DataFrame) -> Finding:
    """How often each key term occurs and how many of its occurrences are inside quotations."""
    if not terms:
        return Finding("No key terms, so no concordance", {"terms": 0})
    quoted = set(tokens.loc[tokens["in_quote"], "start"].astype(int))
    parts, nums = [], {}
    for t in terms:
        rows = conc[conc["term"] == t]
        n, q = len(rows), int(rows["start"].astype(int).isin(quoted).sum())
        nums[t] = n
        nums[f"{t} quoted"] = q
        times = "once" if n == 1 else f"{n}×"
        if n == 0:
            parts.append(f"'{t}' does not occur")
        elif q == n:
            parts.append(f"'{t}' occurs {times}, always inside quotation marks" if n > 1 else f"'{t}' occurs once, inside quotation marks")
        elif q == 0:
            parts.append(f"'{t}' occurs {times}, never inside quotation marks")
        else:
            parts.append(f"'{t}' occurs {times}, {q} of them inside quotation marks")
    return Finding("On the whole page, " + "; ".join(parts), nums)


def dispersion(positions: pd.DataFrame, terms: list[str], text_length: int) -> Finding:
    """Where in the text each key term first and last appears (percent of the text)."""
    if not terms or positions.empty:
        return Finding("No key term occurs in the text, so there is nothing to place", {"occurrences": 0})
    parts, nums = [], {}
    L = max(1, text_length)
    for t in terms:
        p = positions[positions["term"] == t]
        if p.empty:
            parts.append(f"'{t}' nowhere")
            continue
        a, b = int(p["start"].min() * 100 // L), int(p["start"].max() * 100 // L)
        nums[f"{t} first %"], nums[f"{t} last %"] = a, b
        parts.append(f"'{t}' at {a}%" if a == b else f"'{t}' from {a}% to {b}%")
    return Finding("Where the key terms fall (share of the text read): " + "; ".join(parts), nums)


# --- notebook 02: mentions --------------------------------------------------------------------

def lead_entities(summary: pd.DataFrame) -> Finding:
    """The most-mentioned entity and the runner-up, from ``mentions.entity_summary`` (dates left out:
    they are not actors)."""
    summary = summary[summary["entity_type"] != "DATE"]
    if summary.empty:
        return Finding("The extraction finds no person, organisation, place or thing the article names", {"entities": 0})
    a = summary.iloc[0]
    indirect = int(a["role"] + a["pronoun"])
    nums = {"entities": len(summary), "lead_mentions": int(a["mentions"]), "lead_indirect": indirect}
    text = (f"{a['entity']} ({a['entity_type']}) has the most mentions: {int(a['mentions'])}, "
            f"{indirect} of them by role noun or pronoun")
    if len(summary) == 1:
        return Finding(text + "; it is the only entity", nums)
    b = summary.iloc[1]
    nums["second_mentions"] = int(b["mentions"])
    if int(b["mentions"]) == int(a["mentions"]):
        return Finding(f"{a['entity']} and {b['entity']} share the most mentions, {int(a['mentions'])} each", nums)
    return Finding(f"{text}; next is {b['entity']} with {int(b['mentions'])}", nums)


def spread(table: pd.DataFrame, top: pd.DataFrame, text_length: int) -> Finding:
    """Which of the top entities spans most and least of the text (first to last mention)."""
    if top.empty:
        return Finding("No entity to place along the text", {"entities": 0})
    L = max(1, text_length)
    rows = []
    for t in top.itertuples():
        s = table.loc[table["entity_id"] == t.entity_id, "start"]
        rows.append((str(t.entity), int(s.min() * 100 // L), int(s.max() * 100 // L)))
    rows.sort(key=lambda r: (-(r[2] - r[1]), r[1], r[0]))
    w = rows[0]
    nums = {"widest_first %": w[1], "widest_last %": w[2]}
    text = f"{w[0]}'s mentions span the most of the text, from {w[1]}% to {w[2]}%"
    if len(rows) > 1:
        n = rows[-1]
        nums.update({"narrowest_first %": n[1], "narrowest_last %": n[2]})
        where = f"at {n[1]}% only" if n[1] == n[2] else f"from {n[1]}% to {n[2]}%"
        text += f"; {n[0]}'s the least, {where}"
    return Finding(text, nums)


def cooccurrence(matrix: pd.DataFrame) -> Finding:
    """The pair of entities that share the most sentences, from ``mentions.cooccurrence``."""
    names = list(matrix.index)
    pairs = [(int(matrix.iloc[i, j]), a, b) for i, a in enumerate(names) for j, b in enumerate(names) if j > i]
    if not pairs:
        return Finding("Fewer than two entities, so no pair shares a sentence", {"pairs": 0})
    n, a, b = sorted(pairs, key=lambda p: (-p[0], names.index(p[1]), names.index(p[2])))[0]
    if n == 0:
        return Finding("No two of the leading entities are mentioned in the same sentence", {"pairs": len(pairs), "shared": 0})
    return Finding(f"{a} and {b} share the most sentences: {n}", {"shared": n})


def quote_split(split: pd.DataFrame) -> Finding:
    """Which entity is named inside quotations most, from ``mentions.quote_split``."""
    if split.empty:
        return Finding("No entity to split between quotation and narration", {"entities": 0})
    if int(split["in_quote"].sum()) == 0:
        return Finding("No leading entity is named inside a quotation: every mention of them is the narrator's",
                       {"in_quote": 0})
    s = split.sort_values(["in_quote", "entity"], ascending=[False, True], kind="stable")
    a = s.iloc[0]
    never = int((split["in_quote"] == 0).sum())
    total = int(a["in_quote"] + a["narration"])
    nums = {"in_quote": int(a["in_quote"]), "mentions": total, "never_quoted": never}
    text = f"{a['entity']} is named inside quotations most often: {int(a['in_quote'])} of its {total} mentions"
    if never:
        text += f"; {_plural(never, 'leading entity', 'leading entities')} {'is' if never == 1 else 'are'} never named in one"
    return Finding(text, nums)


def mention_evaluation(scores: pd.DataFrame | None, article_id: str) -> Finding:
    """The gold evaluation's result (an ``evaluate.mentions.score`` frame; its ``ALL`` row), or why it was skipped."""
    if scores is None:
        return Finding(f"No hand-annotated gold for {article_id}: the evaluation is skipped", {})
    row = scores[scores["type"] == "ALL"].iloc[0]
    p, r, f = (round(float(row[k]), 2) for k in ("precision", "recall", "f1"))
    return Finding(f"Against the gold standard, exact span and type: precision {p:.2f}, recall {r:.2f}, F1 {f:.2f}",
                   {"precision": p, "recall": r, "f1": f})


# --- notebook 03: claims ----------------------------------------------------------------------

def claims_overview(table: pd.DataFrame) -> Finding:
    """How many claims, how many attributed, to how many speakers."""
    att = table[table["attribution"] != "narrator"]
    n, a = len(table), len(att)
    nums = {"claims": n, "attributed": a, "speakers": int(att["speaker"].nunique()), "narrator": n - a}
    if n == 0:
        return Finding("The extraction finds no claim in this article", nums)
    return Finding(f"{_plural(n, 'claim')}: {a} attributed to {_plural(nums['speakers'], 'speaker')}, "
                   f"{n - a} in the narrator's voice", nums)


def speakers(summary: pd.DataFrame, n_claims: int) -> Finding:
    """Who speaks most, from ``claims.speaker_summary``."""
    if summary.empty:
        if n_claims == 0:
            return Finding("No one speaks: the extraction finds no claim", {"attributed": 0})
        verb = "is" if n_claims == 1 else "are"
        return Finding(f"No source speaks: {_all_claims(n_claims)} {verb} in the narrator's own voice", {"attributed": 0})
    a = summary.iloc[0]
    total, words = int(summary["claims"].sum()), int(summary["quoted_words"].sum())
    nums = {"lead_claims": int(a["claims"]), "attributed": total, "lead_quoted_words": int(a["quoted_words"]),
            "quoted_words": words, "speakers": len(summary)}
    if len(summary) == 1:
        return Finding(f"One source speaks: {a['speaker']}, with {'the one attributed claim' if total == 1 else f'all {total} attributed claims'} "
                       f"and {_plural(words, 'quoted word')}", nums)
    if int(summary.iloc[1]["claims"]) == int(a["claims"]):
        tied = summary[summary["claims"] == a["claims"]]["speaker"].tolist()
        return Finding(f"{_join([str(t) for t in tied])} make {int(a['claims'])} attributed claims each, "
                       f"the most of {len(summary)} speakers ({total} claims in all)", nums)
    return Finding(f"{a['speaker']} makes {int(a['claims'])} of {total} attributed claims and has "
                   f"{int(a['quoted_words'])} of {words} quoted words", nums)


def _most(counts: dict[str, int], total: int, noun: str) -> str:
    """'Most X are k (a of n)', 'More X are k than anything else (…)', 'X are split evenly between …'."""
    top = max(counts.values())
    if total == 1:
        return f"The one {noun[:-1]} is {[k for k, v in counts.items() if v][0]}"
    leaders = [k for k, v in counts.items() if v == top]
    if len(leaders) > 1:
        text = f"{noun} are split evenly between {_join(leaders)} ({top} each of {total})"
    elif top == total:
        text = f"all {total} {noun} are {leaders[0]}"
    elif 2 * top > total:
        text = f"most {noun} are {leaders[0]} ({top} of {total})"
    else:
        text = f"more {noun} are {leaders[0]} than anything else ({top} of {total})"
    return text[0].upper() + text[1:]


def attribution(table: pd.DataFrame) -> Finding:
    """How attributed claims are attributed: direct, mixed or indirect."""
    att = table[table["attribution"] != "narrator"]
    counts = {a: int((att["attribution"] == a).sum()) for a in SOURCED}
    nums = dict(counts, attributed=len(att))
    if att.empty:
        return Finding("No claim is attributed, so none is quoted or paraphrased", nums)
    rest = ", ".join(f"{v} {k}" for k, v in counts.items())
    return Finding(f"{_most(counts, len(att), 'attributed claims')}: {rest}", nums)


def categories(cats: pd.DataFrame) -> Finding:
    """Which kinds of claims dominate, and how many carry a number or a date, from ``claims.category_summary``."""
    total = int(cats["claims"].sum())
    counts = {str(c): int(n) for c, n in zip(cats["category"], cats["claims"]) if int(n) > 0}
    if total == 0:
        return Finding("No claims to sort into kinds", {"claims": 0})
    nums = dict(counts, claims=total)
    if total == 1:
        k = next(iter(counts))
        return Finding(f"The one claim is {'an' if k[0] in 'aeiou' else 'a'} {k}", nums)
    plural = {k: k + "s" for k in counts}
    return Finding(f"{_most({plural[k]: v for k, v in counts.items()}, total, 'claims')}: "
                   + ", ".join(f"{v} {plural[k] if v != 1 else k}" for k, v in counts.items()), nums)


def check_flags(checkworthy: pd.DataFrame, n_claims: int) -> Finding:
    """How many claims carry a number or a date."""
    n = len(checkworthy)
    if n_claims == 0:
        return Finding("No claims, so none carries a number or a date", {"with_number_or_date": 0})
    if n == 0:
        who = "The one claim carries no" if n_claims == 1 else f"None of the {n_claims} claims carries a"
        return Finding(f"{who} number or date", {"with_number_or_date": 0, "claims": n_claims})
    verb = "carries" if n == 1 else "carry"
    return Finding(f"{n} of {n_claims} claims {verb} a number or a date a reader could check; they are listed above",
                   {"with_number_or_date": n, "claims": n_claims})


def positions(pos: pd.DataFrame) -> Finding:
    """Where claims fall: who speaks first and last (share of the text), from ``claims.claim_positions``."""
    if pos.empty:
        return Finding("No claims to place along the text", {"claims": 0})
    att = pos[pos["attribution"] != "narrator"]
    first_all, last_all = int(pos["position"].min() * 100), int(pos["position"].max() * 100)
    nums = {"first %": first_all, "last %": last_all}
    if att.empty:
        where = f"at {first_all}%" if first_all == last_all else f"from {first_all}% to {last_all}%"
        return Finding(f"Only the narrator makes claims, {where} of the text", nums)
    f, l = att.iloc[0], att.iloc[-1]
    nums.update({"first source %": int(f["position"] * 100), "last source %": int(l["position"] * 100)})
    if len(att) == 1:
        return Finding(f"The one attributed claim, by {f['speaker']}, comes {nums['first source %']}% into the text", nums)
    if f["speaker"] == l["speaker"]:
        return Finding(f"{f['speaker']} speaks first ({nums['first source %']}% into the text) and last "
                       f"({nums['last source %']}%)", nums)
    return Finding(f"{f['speaker']} speaks first ({nums['first source %']}% into the text); "
                   f"{l['speaker']} speaks last ({nums['last source %']}%)", nums)


def who_about_whom(edges: pd.DataFrame) -> Finding:
    """The strongest speaker → entity link, from ``claims.speaker_entity_edges``."""
    if edges.empty:
        return Finding("No attributed claim names another entity", {"edges": 0})
    e = edges.iloc[0]
    n = int(e["claims"])
    nums = {"claims": n, "edges": len(edges), "speakers": int(edges["speaker"].nunique())}
    return Finding(f"{e['speaker']} talks most about {e['entity']} ({_plural(n, 'claim')}); "
                   f"{_plural(len(edges), 'speaker–entity link')} in all", nums)


def annotations(joined_table: pd.DataFrame, orphans: pd.DataFrame) -> Finding:
    """How many analyst annotations join this article's claims, and how many are orphans."""
    n, o = int((joined_table["label"] != "").sum()), len(orphans)
    nums = {"joined": n, "orphans": o}
    if n == 0 and o == 0:
        return Finding("No analyst has annotated this article's claims yet", nums)
    tail = "none is an orphan" if o == 0 else f"{_plural(o, 'orphan')} (annotations whose claim no longer exists)"
    return Finding(f"{_plural(n, 'annotation')} on this article's claims; {tail}", nums)


def claim_evaluation(scores: dict | None, article_id: str) -> Finding:
    """The claims gold evaluation's result (``evaluate.claims.score_claims``), or why it was skipped."""
    if scores is None:
        return Finding(f"No hand-annotated gold for {article_id}: the evaluation is skipped", {})
    nums = {k: round(float(scores[k]), 2) for k in ("all_precision", "all_recall", "all_f1", "speaker_accuracy",
                                                     "attribution_accuracy")}
    return Finding(f"Against the gold standard: precision {nums['all_precision']:.2f}, recall {nums['all_recall']:.2f}, "
                   f"F1 {nums['all_f1']:.2f}; speaker accuracy {nums['speaker_accuracy']:.2f}, "
                   f"attribution accuracy {nums['attribution_accuracy']:.2f}", nums)


# --- notebook 04: reading the article ---------------------------------------------------------

def marked(check: pd.DataFrame) -> Finding:
    """Whether every mention and claim of the tables is marked in the annotated page."""
    m_rows, c_rows = int(check.loc["mentions", "table rows"]), int(check.loc["claims", "table rows"])
    m_marked, c_marked = int(check.loc["mentions", "marked in the page"]), int(check.loc["claims", "marked in the page"])
    nums = {"mentions": m_rows, "claims": c_rows, "mentions_marked": m_marked, "claims_marked": c_marked}
    if bool(check["every row marked"].all()):
        return Finding(f"The page is complete: all {_plural(m_rows, 'mention')} and {_plural(c_rows, 'claim')} "
                       f"of the tables are marked in it, by id", nums)
    return Finding(f"The page is incomplete: {m_marked} of {m_rows} mentions and {c_marked} of {c_rows} claims "
                   f"are marked in it", nums)


def anatomy(sources: pd.DataFrame, n_paragraphs: int, n_claims: int) -> Finding:
    """Who carries the article and where the first independent voice enters, from ``profile.sources``."""
    nums = {"sources": len(sources), "paragraphs": n_paragraphs, "claims": n_claims}
    if sources.empty:
        who = "no source speaks" if n_claims else "there are no claims"
        return Finding(f"Across {_plural(n_paragraphs, 'paragraph')}, {who}: the article is told in the narrator's voice", nums)
    s = sources.sort_values(["claims", "first_paragraph", "speaker"], ascending=[False, True, True], kind="stable")
    lead = s.iloc[0]
    att = int(sources["claims"].sum())
    nums.update({"lead_claims": int(lead["claims"]), "attributed": att, "lead_first_paragraph": int(lead["first_paragraph"])})
    share = "the one attributed claim" if att == 1 else f"{int(lead['claims'])} of {att} attributed claims"
    text = (f"{lead['speaker']} ({lead['affiliation']}) carries {share}, "
            f"from paragraph {int(lead['first_paragraph'])} of {n_paragraphs}")
    indep = sources[(sources["affiliation"] == "independent") & (sources["speaker"] != lead["speaker"])]
    if lead["affiliation"] != "independent":
        if indep.empty:
            text += "; no independent voice speaks"
        else:
            i = indep.sort_values(["first_paragraph", "speaker"], kind="stable").iloc[0]
            nums["independent_first_paragraph"] = int(i["first_paragraph"])
            text += f"; the first independent voice, {i['speaker']}, enters in paragraph {int(i['first_paragraph'])}"
    return Finding(text, nums)


def quotation_share(q: dict) -> Finding:
    """The quoted share of the body, from ``profile.quotation_share``."""
    n, k = int(q["words"]), int(q["quoted_words"])
    nums = {"words": n, "quoted_words": k}
    if n == 0:
        return Finding("The article has no body text, so no quotation share", nums)
    if k == 0:
        return Finding(f"None of the body is quotation (0 of {n} words)", nums)
    if k == n:
        return Finding(f"All of the body is quotation ({n} words)", nums)
    return Finding(f"{k / n:.0%} of the body is quotation: {k} of {n} words", nums)


def sources(src: pd.DataFrame) -> Finding:
    """The sources and their affiliation, from ``profile.sources``."""
    if src.empty:
        return Finding("No sources: no claim is attributed to anyone", {"sources": 0})
    items = [f"{r.speaker} ({r.affiliation}, {_plural(int(r.claims), 'claim')})" for r in src.itertuples()]
    nums = {"sources": len(src), **{str(r.speaker): int(r.claims) for r in src.itertuples()}}
    head = "One source" if len(src) == 1 else f"{len(src)} sources"
    return Finding(f"{head}: {_join(items)}", nums)


def voices(shares: pd.DataFrame, organisation: dict | None) -> Finding:
    """Whose voice the attributed claims are in, from ``profile.voice_shares``."""
    c = dict(zip(shares["voice"], shares["claims"].astype(int)))
    att = sum(v for k, v in c.items() if k != "narrator")
    org_side, indep = c.get("organisation", 0) + c.get("official", 0), c.get("independent", 0)
    nums = {"attributed": att, "organisation_side": org_side, "independent": indep}
    if att == 0:
        n = c.get("narrator", 0)
        return Finding(f"No attributed claims: {_all_claims(n)} {'is' if n == 1 else 'are'} the narrator's", nums)
    if not organisation or not str(organisation.get("entity") or "").strip():
        return Finding(f"The article reports on no named organisation; {indep} of {att} attributed claims "
                       f"({_pct(indep, att)}) come from independent voices", nums)
    return Finding(f"{org_side} of {att} attributed claims ({_pct(org_side, att)}) come from {organisation['entity']} "
                   f"or its officials; {indep} ({_pct(indep, att)}) from independent voices", nums)


def check_worthy(cw: pd.DataFrame, n_claims: int, flagged: int) -> Finding:
    """Check-worthy factual claims (``profile.check_worthy``) and how many carry an analyst note."""
    n = len(cw)
    nums = {"check_worthy": n, "claims": n_claims, "flagged": flagged}
    if n_claims == 0:
        return Finding("No claims, so none is check-worthy", nums)
    if n == 0:
        who = "The one claim is not" if n_claims == 1 else f"None of the {n_claims} claims is"
        return Finding(f"{who} a check-worthy fact (a report or commitment with a number or date)", nums)
    notes = ("no analyst has annotated them" if flagged == 0 else
             "the analysts have annotated all of them" if flagged == n else f"the analysts have annotated {flagged}")
    what = "is a check-worthy fact" if n == 1 else "are check-worthy facts"
    return Finding(f"{n} of {n_claims} claims {what}; {notes}", nums)


def summary(q: dict, src: pd.DataFrame, shares: pd.DataFrame, n_check: int) -> Finding:
    """One closing sentence: quotation share, sources, whose voice has a majority, check-worthy claims."""
    c = dict(zip(shares["voice"], shares["claims"].astype(int)))
    att = sum(v for k, v in c.items() if k != "narrator")
    groups = {"the organisation reported on and its officials": c.get("organisation", 0) + c.get("official", 0),
              "independent voices": c.get("independent", 0), "speakers the extraction could not resolve": c.get("unresolved", 0)}
    parts = [f"{q['share']:.0%} of the body quoted" if q["words"] else "no body text", _plural(len(src), "source")]
    if att:
        major = [g for g, v in groups.items() if 2 * v > att]
        parts.append(f"most attributed claims from {major[0]}" if major else "no group of sources with a majority of the claims")
    parts.append(_plural(n_check, "check-worthy claim"))
    return Finding("In short: " + "; ".join(parts), {"sources": len(src), "attributed": att, "check_worthy": n_check})
