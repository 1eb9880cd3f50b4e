"""Read GUM documents (CoNLL-U + coreference CoNLL) and score names, coreference and pronouns.

Input, per document ``<doc>``: ``<doc>.conllu`` (Universal Dependencies: FORM, UPOS,
HEAD, ``SpaceAfter=No`` in MISC, ``# newpar`` where a paragraph starts) and
``<doc>.conll`` (the same words, one line each, the third column holding bracketed
coreference mentions ``(person-3-Jens_Stoltenberg`` … ``person-3-Jens_Stoltenberg)``,
``(place-7)``: entity type, chain number, optional Wikipedia identity).

Plain text is rebuilt by joining the words with one space, none after a word marked
``SpaceAfter=No`` (a multi-word token such as "workforce's" = "workforce" + "'s" takes
the marking of its range line), and a blank line before every ``# newpar`` paragraph.
Each word gets its character offsets, so every gold mention has ``text[start:end]``.

What is scored (see :func:`score_doc`):

* **names** — gold *name* mentions: entity type person, organization or place whose
  *head* word has UPOS ``PROPN``.  The head is the first word of the mention whose
  syntactic head lies outside the mention ("the [University] of Portsmouth" → head
  "University", PROPN: a name; "a citizen of San Francisco" → "citizen", NOUN: not a
  name).  GUM mentions are whole noun phrases (with determiners, appositions and
  relative clauses), so the scored span is the name inside: the run of proper nouns
  around the head (:func:`name_span`: "the [United States]", "[Joshua Abraham Norton]
  (c. 1818 …), known as …"); a gold name nested inside a
  longer gold name ("Portsmouth" in "University of Portsmouth") is left out, since
  the recogniser returns non-overlapping mentions (longest wins), as IE-ER annotates.
  Predictions: ``name`` and ``alias`` mentions typed PERSON → person, ORG →
  organization, GPE and LOC → place.
* **coreference** — each system mention (PERSON, ORG, GPE, LOC; any kind) is aligned
  one-to-one to a gold person/organization/place mention whose head word lies inside it
  (an exact span first, then the closest length).  Over aligned mentions: pairwise links
  (two mentions in one system entity vs one gold chain; an empty ``entity_id`` links to
  nothing) and B-cubed.
* **pronouns** — gold single-word mentions "he/she/him/her/his" of a person chain, and
  "they/them/their/it/its" of an organization or place chain, with an earlier mention of
  the same chain (an antecedent).  Correct when the system mention at that word carries
  an entity whose aligned non-pronoun mentions belong mostly to the pronoun's gold chain;
  no mention or an empty entity counts as wrong; ``attempted`` = resolved to some entity.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

NAME_TYPES: tuple[str, ...] = ("person", "organization", "place")
#: Project entity type → GUM entity type (NORP, WEAPON, DATE are not scored).
TYPE_MAP: dict[str, str] = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place"}
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her", "his"})
THING_PRONOUNS: frozenset[str] = frozenset({"they", "them", "their", "it", "its"})

_ITEM = re.compile(r"(\()?([a-z]+)-(\d+)(?:-([^()]*))?(\))?")


class GumError(ValueError):
    """A GUM file that cannot be read (message: ``<file>: <problem>``)."""


@dataclass(frozen=True)
class Word:
    """One syntactic word: form, UPOS, head (document word index, -1 for the root), offsets."""

    form: str
    upos: str
    head: int
    start: int
    end: int


@dataclass(frozen=True)
class GoldMention:
    """A coreference mention: words ``first..last`` (inclusive), type, chain and offsets."""

    first: int
    last: int
    etype: str
    chain: int
    identity: str
    head: int
    start: int
    end: int


@dataclass(frozen=True)
class GumDoc:
    """One GUM document: name, rebuilt text, words and gold mentions."""

    name: str
    text: str
    words: tuple[Word, ...]
    mentions: tuple[GoldMention, ...]


# --- reading ---------------------------------------------------------------------------


def _conllu_rows(conllu: str) -> list[tuple[str, str, int, bool, bool]]:
    """(form, upos, head as doc index, no space after, new paragraph before) per word."""
    rows: list[tuple[str, str, int, bool, bool]] = []
    newpar, sent_base, mwt_end, mwt_nospace = True, 0, -1, False
    for line in conllu.splitlines():
        if line.startswith("#"):
            # "# newpar" (GUM) or "# newpar id = …" (other UD treebanks); not "# newpar_block"
            newpar = newpar or line.split("=")[0].strip() in ("# newpar", "# newpar id")
            continue
        if not line.strip():
            sent_base, mwt_end = len(rows), -1
            continue
        cols = line.split("\t")
        if len(cols) < 10:
            raise GumError(f"line {line[:30]!r}: expected 10 columns")
        if "-" in cols[0]:
            mwt_end = int(cols[0].split("-")[1])
            mwt_nospace = "SpaceAfter=No" in cols[9]
            continue
        if "." in cols[0]:
            continue  # empty node (enhanced graph only): not a word of the text
        wid, head = int(cols[0]), int(cols[6]) if cols[6].isdigit() else 0
        nospace = "SpaceAfter=No" in cols[9] if wid != mwt_end else mwt_nospace
        if wid < mwt_end:
            nospace = True  # inside a multi-word token the words touch
        rows.append((cols[1], cols[3], sent_base + head - 1 if head else -1, nospace, newpar))
        newpar = False
    return rows


def build_text(rows: list[tuple[str, str, int, bool, bool]]) -> tuple[str, list[Word]]:
    """Plain text of the words and each word with its offsets (see the module docstring)."""
    parts: list[str] = []
    words: list[Word] = []
    pos, prev_nospace = 0, True
    for form, upos, head, nospace, newpar in rows:
        sep = "" if not words else ("\n\n" if newpar else ("" if prev_nospace else " "))
        parts.append(sep)
        pos += len(sep)
        words.append(Word(form, upos, head, pos, pos + len(form)))
        parts.append(form)
        pos += len(form)
        prev_nospace = nospace
    return "".join(parts), words


def parse_coref(conll: str) -> list[tuple[int, int, str, int, str]]:
    """(first word, last word, type, chain, identity) of every bracketed mention."""
    spans: list[tuple[int, int, str, int, str]] = []
    open_: dict[tuple[str, int], list[tuple[int, str]]] = {}
    i = -1
    for line in conll.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        i += 1
        cell = line.split("\t")[2] if line.count("\t") >= 2 else "_"
        if cell == "_":
            continue
        pos = 0
        for m in _ITEM.finditer(cell):
            if m.start() != pos or not (m.group(1) or m.group(5)):
                raise GumError(f"word {i}: cannot read coreference cell {cell!r}")
            pos = m.end()
            opens, etype, chain, ident, closes = m.groups()
            key = (etype, int(chain))
            if opens:
                open_.setdefault(key, []).append((i, ident or ""))
            if closes:
                if not open_.get(key):
                    raise GumError(f"word {i}: {etype}-{chain} closed but never opened")
                first, ident0 = open_[key].pop()
                spans.append((first, i, etype, int(chain), ident0))
        if pos != len(cell):
            raise GumError(f"word {i}: cannot read coreference cell {cell!r}")
    left = [f"{t}-{c}" for (t, c), v in open_.items() for _ in v]
    if left:
        raise GumError(f"mention(s) never closed: {', '.join(sorted(left))}")
    return sorted(spans)


def mention_head(words: list[Word] | tuple[Word, ...], first: int, last: int) -> int:
    """The first word of ``first..last`` whose syntactic head lies outside the span."""
    for k in range(first, last + 1):
        if not first <= words[k].head <= last:
            return k
    return first


def parse_doc(name: str, conllu: str, conll: str) -> GumDoc:
    """A :class:`GumDoc` from the two files' text (raises :class:`GumError`)."""
    text, words = build_text(_conllu_rows(conllu))
    n_conll = sum(1 for ln in conll.splitlines() if ln.strip() and not ln.startswith("#"))
    if n_conll != len(words):
        raise GumError(f"{len(words)} words in the .conllu but {n_conll} lines in the .conll")
    mentions = [GoldMention(f, la, t, c, ident, mention_head(words, f, la), words[f].start, words[la].end)
                for f, la, t, c, ident in parse_coref(conll)]
    return GumDoc(name, text, tuple(words), tuple(mentions))


def read_doc(conllu_path: str | Path) -> GumDoc:
    """The document of ``<doc>.conllu`` and its sibling ``<doc>.conll``."""
    p = Path(conllu_path)
    conll = p.with_suffix(".conll")
    if not conll.is_file():
        raise GumError(f"{p}: no coreference file {conll.name} next to it")
    try:
        return parse_doc(p.stem, p.read_text(encoding="utf-8"), conll.read_text(encoding="utf-8"))
    except GumError as exc:
        raise GumError(f"{p}: {exc}") from None
    except (ValueError, IndexError) as exc:
        raise GumError(f"{p}: malformed CoNLL-U ({exc})") from None


# --- gold views ------------------------------------------------------------------------------


#: Lower-case words that may join the proper nouns of one name ("Bank of America",
#: "Health and Human Services", "Ludwig van Beethoven").
NAME_JOINERS: frozenset[str] = frozenset({"of", "and", "&", "for", "the", "de", "van", "von", "-", "on"})


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def name_span(doc: GumDoc, m: GoldMention) -> tuple[int, int]:
    """Word range of the name inside a mention headed by a proper noun: the run of PROPN
    words around the head, joined across at most two :data:`NAME_JOINERS` that lie
    between proper nouns ("the [University of Portsmouth]'s", "[Joshua Abraham Norton]
    (c. 1818 …), known as …", "[San Francisco], California")."""
    w = doc.words

    def is_name(k: int) -> bool:
        # a proper noun, or a capitalised word tagged otherwise inside a name ("United" is
        # VERB in "the United States"), or the ordinal numeral of a numbered place or body
        # ("51st" is ADJ in "near [51st Street]": the number is part of the street's name; not
        # of a person's: "Jon Roe, [2nd] Earl of Kelso" counts title holders)
        return m.first <= k <= m.last and (w[k].upos == "PROPN" or (
            w[k].form[:1].isupper() and w[k].upos in ("ADJ", "NOUN", "VERB", "NUM", "X")) or (
            m.etype != "person" and _ORDINAL.fullmatch(w[k].form) is not None and k < m.last
            and w[k + 1].upos == "PROPN"))

    def joined(k: int, step: int) -> int | None:
        """Next proper noun from ``k`` in direction ``step`` across joiners, else None."""
        for gap in range(1, 4):
            j = k + step * gap
            if is_name(j):
                return j
            if not (m.first <= j <= m.last and w[j].form.lower() in NAME_JOINERS):
                return None
        return None

    first = last = m.head
    while (j := joined(first, -1)) is not None:
        first = j
    while (j := joined(last, 1)) is not None:
        last = j
    return first, last


def gold_names(doc: GumDoc) -> pd.DataFrame:
    """Gold name mentions (see the module docstring): start, end, surface, entity_type, chain."""
    spans = []
    for m in doc.mentions:
        if m.etype in NAME_TYPES and doc.words[m.head].upos == "PROPN":
            f, la = name_span(doc, m)
            spans.append((doc.words[f].start, doc.words[la].end, m.etype, m.chain))
    outer = [s for s in spans
             if not any(o[0] <= s[0] and s[1] <= o[1] and (o[1] - o[0]) > (s[1] - s[0]) for o in spans)]
    outer = sorted(set(outer))
    return pd.DataFrame({"start": [s[0] for s in outer], "end": [s[1] for s in outer],
                         "surface": [doc.text[s[0]:s[1]] for s in outer],
                         "entity_type": [s[2] for s in outer], "chain": [s[3] for s in outer]},
                        columns=["start", "end", "surface", "entity_type", "chain"])


def predicted_names(mentions: pd.DataFrame) -> pd.DataFrame:
    """Name and alias mentions of the scored types, typed as GUM types."""
    m = mentions[mentions["mention_kind"].isin(["name", "alias"]) & mentions["entity_type"].isin(list(TYPE_MAP))]
    return pd.DataFrame({"start": m["start"].astype(int).to_list(), "end": m["end"].astype(int).to_list(),
                         "surface": m["surface"].astype(str).to_list(),
                         "entity_type": [TYPE_MAP[t] for t in m["entity_type"]]},
                        columns=["start", "end", "surface", "entity_type"])


# --- alignment and scores --------------------------------------------------------------------


def align(doc: GumDoc, mentions: pd.DataFrame) -> dict[int, int]:
    """System mention row position → gold mention index (person/organization/place only),
    one-to-one: a gold mention is a candidate when its head word lies inside the system
    span; exact spans are taken first, then the smallest difference in length."""
    gold = [(k, m) for k, m in enumerate(doc.mentions) if m.etype in NAME_TYPES]
    cands = []
    for i, (s, e, t) in enumerate(zip(mentions["start"].astype(int), mentions["end"].astype(int),
                                      mentions["entity_type"].astype(str))):
        if t not in TYPE_MAP:
            continue
        for k, m in gold:
            h = doc.words[m.head]
            if s <= h.start and h.end <= e:
                cands.append(((s, e) != (m.start, m.end), abs((e - s) - (m.end - m.start)), i, k))
    used_s: set[int] = set()
    used_g: set[int] = set()
    out: dict[int, int] = {}
    for _, _, i, k in sorted(cands):
        if i not in used_s and k not in used_g:
            used_s.add(i)
            used_g.add(k)
            out[i] = k
    return out


def _clusters(labels: dict[int, object]) -> dict[object, set[int]]:
    out: dict[object, set[int]] = {}
    for i, lab in labels.items():
        out.setdefault(lab, set()).add(i)
    return out


def coref_counts(doc: GumDoc, mentions: pd.DataFrame, aligned: dict[int, int]) -> Counter:
    """Pairwise link counts and B-cubed sums over the aligned mentions of one document."""
    ids = mentions["entity_id"].fillna("").astype(str).to_list()
    sys_lab = {i: (ids[i] if ids[i] else ("singleton", i)) for i in aligned}
    gold_lab = {i: doc.mentions[k].chain for i, k in aligned.items()}
    sys_cl, gold_cl = _clusters(sys_lab), _clusters(gold_lab)
    c: Counter = Counter()
    items = sorted(aligned)
    for a_pos, a in enumerate(items):
        for b in items[a_pos + 1:]:
            same_sys = ids[a] != "" and sys_lab[a] == sys_lab[b]
            same_gold = gold_lab[a] == gold_lab[b]
            c["links_pred"] += same_sys
            c["links_gold"] += same_gold
            c["links_common"] += same_sys and same_gold
    for i in items:
        s, g = sys_cl[sys_lab[i]], gold_cl[gold_lab[i]]
        c["b3_p"] += len(s & g) / len(s)
        c["b3_r"] += len(s & g) / len(g)
    c["b3_n"] = len(items)
    c["gold_mentions"] = sum(1 for m in doc.mentions if m.etype in NAME_TYPES)
    c["aligned"] = len(items)
    return c


def _entity_chain(mentions: pd.DataFrame, aligned: dict[int, int], doc: GumDoc) -> dict[str, int]:
    """System entity id → the gold chain most of its aligned non-pronoun mentions belong to."""
    votes: dict[str, Counter] = {}
    ids = mentions["entity_id"].fillna("").astype(str).to_list()
    kinds = mentions["mention_kind"].astype(str).to_list()
    for i, k in sorted(aligned.items()):
        if ids[i] and kinds[i] != "pronoun":
            votes.setdefault(ids[i], Counter())[doc.mentions[k].chain] += 1
    return {e: v.most_common(1)[0][0] for e, v in votes.items()}


def pronoun_counts(doc: GumDoc, mentions: pd.DataFrame, aligned: dict[int, int]) -> Counter:
    """Gold pronouns (``person_*``: he/she…; ``thing_*``: they/it… of organizations and
    places) with an antecedent: ``n``, ``attempted`` (resolved to an entity), ``correct``."""
    chain_of = _entity_chain(mentions, aligned, doc)
    at = {(int(s), int(e)): (str(eid) if isinstance(eid, str) else "")
          for s, e, eid in zip(mentions["start"], mentions["end"], mentions["entity_id"].fillna(""))}
    first_of_chain: dict[int, int] = {}
    for m in doc.mentions:
        first_of_chain[m.chain] = min(first_of_chain.get(m.chain, m.first), m.first)
    c: Counter = Counter()
    for m in doc.mentions:
        if m.first != m.last or first_of_chain[m.chain] >= m.first:
            continue
        form = doc.words[m.first].form.lower()
        if form in PERSON_PRONOUNS and m.etype == "person":
            group = "person"
        elif form in THING_PRONOUNS and m.etype in ("organization", "place"):
            group = "thing"
        else:
            continue
        eid = at.get((m.start, m.end), "")
        c[f"{group}_n"] += 1
        c[f"{group}_attempted"] += bool(eid)
        c[f"{group}_correct"] += bool(eid) and chain_of.get(eid) == m.chain
    return c


def name_counts(doc: GumDoc, mentions: pd.DataFrame) -> Counter:
    """tp/fp/fn of names per (mode, type), type ``ALL`` included."""
    from analysis.evaluate import mentions as ev

    pred, gold = predicted_names(mentions), gold_names(doc)
    c: Counter = Counter()
    for mode in ("exact", "overlap"):
        for r in ev.score(pred, gold, mode, True).itertuples(index=False):
            for k in ("tp", "fp", "fn"):
                c[(mode, r.type, k)] += int(getattr(r, k))
    return c


def name_errors(doc: GumDoc, mentions: pd.DataFrame) -> Counter:
    """Exact span + type name errors of one document: ``(fp|fn, type, surface)`` → count."""
    from analysis.evaluate import mentions as ev

    e = ev.errors(predicted_names(mentions), gold_names(doc))
    return Counter(zip(e["error"], e["entity_type"], e["surface"]))


def score_doc(doc: GumDoc, mentions: pd.DataFrame) -> Counter:
    """All counts of one document against the system's mentions table."""
    mentions = mentions.reset_index(drop=True)
    aligned = align(doc, mentions)
    c = name_counts(doc, mentions)
    c.update(coref_counts(doc, mentions, aligned))
    c.update(pronoun_counts(doc, mentions, aligned))
    return c


def analyse_doc(doc: GumDoc) -> pd.DataFrame:
    """The project's mentions table for the document's rebuilt text."""
    from analysis.article import article_from_text
    from analysis.pipeline import analyse

    article = article_from_text(doc.text, doc.name.lower().replace("_", "-"), source=doc.name)
    return analyse(article)["mentions"]


def _chain_names(doc: GumDoc) -> dict[int, str]:
    """Gold chain → a readable label: its first mention headed by a proper noun, else its first."""
    out: dict[int, str] = {}
    for m in doc.mentions:
        if m.etype in NAME_TYPES and (m.chain not in out or (doc.words[m.head].upos == "PROPN"
                                                              and out[m.chain].islower())):
            out[m.chain] = doc.text[m.start:m.end][:40]
    return out


def coref_errors(doc: GumDoc, mentions: pd.DataFrame) -> list[str]:
    """Readable coreference errors of one document (for looking at the tuning half only):
    ``split`` — a gold chain whose aligned mentions carry several system entities;
    ``merged`` — a system entity whose aligned mentions lie in several gold chains;
    ``pronoun`` — a gold pronoun (see :func:`pronoun_counts`) resolved wrongly or not at all."""
    mentions = mentions.reset_index(drop=True)
    aligned = align(doc, mentions)
    ids = mentions["entity_id"].fillna("").astype(str).to_list()
    ents = mentions["entity" if "entity" in mentions else "entity_id"].fillna("").astype(str).to_list()
    surf = mentions["surface"].astype(str).to_list()
    label = _chain_names(doc)
    by_chain: dict[int, Counter] = {}
    by_ent: dict[str, Counter] = {}
    for i, k in aligned.items():
        ch = doc.mentions[k].chain
        by_chain.setdefault(ch, Counter())[ents[i] if ids[i] else f"-{surf[i]}"] += 1
        if ids[i]:
            by_ent.setdefault(ents[i], Counter())[label.get(ch, ch)] += 1
    out = [f"{doc.name} split {label.get(ch, ch)!r}: {dict(v)}" for ch, v in by_chain.items() if len(v) > 1]
    out += [f"{doc.name} merged {e!r}: {dict(v)}" for e, v in by_ent.items() if len(v) > 1]
    at = {(int(s), int(e)): i for i, (s, e) in enumerate(zip(mentions["start"], mentions["end"]))}
    chain_of = _entity_chain(mentions, aligned, doc)
    first_of_chain: dict[int, int] = {}
    for m in doc.mentions:
        first_of_chain[m.chain] = min(first_of_chain.get(m.chain, m.first), m.first)
    for m in doc.mentions:
        form = doc.words[m.first].form.lower()
        scored = (form in PERSON_PRONOUNS and m.etype == "person"
                  or form in THING_PRONOUNS and m.etype in ("organization", "place"))
        if m.first != m.last or not scored or first_of_chain[m.chain] >= m.first:
            continue
        i = at.get((m.start, m.end))
        if i is not None and ids[i] and chain_of.get(ids[i]) == m.chain:
            continue
        ctx = doc.text[max(0, m.start - 60):m.end + 20].replace("\n", " ")
        got = ents[i] if i is not None and ids[i] else "-"
        out.append(f"{doc.name} pronoun {form!r} gold {label.get(m.chain)!r} got {got!r}: …{ctx}…")
    return out
