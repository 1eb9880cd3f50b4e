"""The article's profile in numbers: quotation share, sources and their roles, whose voice dominates.

Pure functions over the pipeline's tables (``tokens``, ``sentences``, ``mentions``,
``claims``) and the :class:`~analysis.article.Article`; nothing is read or written.

The rules
---------
**Quotation share of the body** — word tokens (not punctuation) of ``body``
sentences whose ``in_quote`` flag is set, over all word tokens of ``body``
sentences.

**Sources** — the distinct speakers of attributed claims (attribution other
than :data:`NARRATOR`), keyed by ``speaker_entity_id`` (else the speaker text).

**The organisation reported on** — the ``ORG`` entity with the most mentions
in the headline, body and captions (ties: earliest first mention, then id),
leaving out organisations named in the author bio (the publisher, the
author's past employers: "told Newsweek" is not what the story is about)
unless no other organisation is mentioned.

**Role of a source** — its *descriptors*, found around the entity's mentions
in the article text:

1. a *title run* directly before a name: the capitalised words (and a
   possessive ``'s``) immediately preceding the mention, in the same sentence,
   when the run contains a title or role word (``data/lexicons/titles.tsv``,
   ``roles.tsv``): "NATO Secretary-General [Jens Stoltenberg]",
   "Russian President [Vladimir Putin]";
2. an *appositive* directly after a mention: ", " followed by a phrase that
   starts with an appositive opener (``claims_appositive_starts.txt``: a, an,
   the, former, …) up to the next comma, full stop, colon, semicolon, dash or
   quotation mark, at most 15 words: "[Philip Ingram MBE], a former British
   military intelligence officer and founder of Grey Hare Media";
3. a *role mention*: a mention of the entity that is neither a name nor a
   pronoun ("the NATO chief"), when the mention kind says so (any
   ``mention_kind`` other than :data:`NAME_KINDS` and :data:`PRONOUN_KINDS`)
   or the mention's surface contains a role word;
4. a mention whose surface itself contains a title before the name.

The role shown for a source is its first descriptor in reading order.

**Official of the organisation reported on** — a source is an *official* when
one of its descriptors names the organisation: contains, as whole words and
case-insensitively, the organisation's canonical name or one of the name
forms the article uses for it (its mentions' surfaces, minus pronouns and a
leading article: "NATO", "alliance").  So "NATO Secretary-General Jens
Stoltenberg" and "the NATO chief" make Stoltenberg a NATO official; "founder
of Grey Hare Media" makes Ingram an independent voice.  The organisation
speaking in its own name counts as ``organisation``; every other source is
``independent``.  Narrator claims belong to no source.

**Check-worthy factual claims** — claims whose category is factual
(:data:`FACTUAL_CATEGORIES`: ``report`` and ``commitment``, verifiable
statements of what happened, is happening or will happen; ``need`` and
``assessment`` are norms and opinions) *and* that carry something specific to
verify: a number or a date (``has_number`` / ``has_date``).  This follows the
ClaimBuster distinction of non-factual, unimportant factual and check-worthy
factual sentences (Hassan et al. 2017), where quantities and dates mark the
check-worthy ones.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from analysis import lexicons, vocabulary
from analysis.article import Article

#: Attribution value of unattributed (journalist's own) claims.
NARRATOR: str = vocabulary.NARRATOR
#: Claim categories that state facts (see data/lexicons/categories.tsv): reports of events,
#: numbers and states, and commitments / ongoing actions (what someone will do or is doing).
#: ``need`` (obligations, calls) and ``assessment`` (opinions) are not factual.
FACTUAL_CATEGORIES: tuple[str, ...] = ("report", "commitment")
#: Zones whose mentions count towards the organisation reported on.
STORY_ZONES: tuple[str, ...] = vocabulary.COUNTED_ZONES
#: Mention kinds that are names / pronouns (anything else is a role or nominal mention).
NAME_KINDS: frozenset[str] = frozenset({"name", "alias"})
PRONOUN_KINDS: frozenset[str] = frozenset({"pronoun"})
#: Longest appositive phrase taken as a role description, in words.
MAX_APPOSITIVE_WORDS: int = 15
#: Longest title run before a name, in words.
MAX_TITLE_WORDS: int = 6

_WORD = re.compile(r"[^\W_][\w\-\u2010\u2011.'\u2019&]*")


def _s(v: object) -> str:
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return ""
    return str(v)


def _lexicon_rows(name: str) -> tuple[dict[str, str], ...]:
    try:
        return lexicons.table(name)
    except FileNotFoundError:
        return ()


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """Head nouns of person titles and person role nouns (titles.tsv, roles.tsv), lower case."""
    phrases = [r.get("title", "") for r in _lexicon_rows("titles.tsv") if r.get("kind", "office") != "honorific"]
    phrases += [r.get("role", "") for r in _lexicon_rows("roles.tsv") if r.get("type", "PERSON").upper() == "PERSON"]
    heads = set()
    for ph in phrases:
        words = [w.lower() for w in _WORD.findall(ph.split(" of ")[0])]
        if words:
            heads.add(words[-1])  # the head noun: "minister" of "Prime Minister"
    return frozenset(heads)


@lru_cache(maxsize=1)
def appositive_starts() -> frozenset[str]:
    """First words of an appositive (claims_appositive_starts.txt; a/an/the if missing)."""
    try:
        return lexicons.word_list("claims_appositive_starts.txt")
    except FileNotFoundError:
        return frozenset({"a", "an", "the"})


# --- quotation share -------------------------------------------------------------

def quotation_share(tables: dict[str, pd.DataFrame], zone: str = "body") -> dict[str, float | int]:
    """Word tokens of ``zone`` sentences inside quotation marks: counts and share (0..1)."""
    tok, sen = tables["tokens"], tables["sentences"]
    if len(tok) == 0:
        return {"words": 0, "quoted_words": 0, "share": 0.0}
    zones = dict(zip(sen["sentence_id"], sen["zone"]))
    words = tok[(~tok["is_punct"]) & tok["sentence_id"].map(zones).eq(zone)]
    n = int(len(words))
    q = int(words["in_quote"].sum())
    return {"words": n, "quoted_words": q, "share": (q / n) if n else 0.0}


# --- the organisation reported on ------------------------------------------------

def focal_organisation(mentions: pd.DataFrame) -> dict[str, object] | None:
    """The most-mentioned ORG entity of the story zones: ``{entity_id, entity, mentions}`` or ``None``."""
    if len(mentions) == 0:
        return None
    m = mentions[(mentions["entity_type"].str.upper() == "ORG") & mentions["zone"].isin(STORY_ZONES)]
    if len(m) == 0:
        return None
    # the publisher and the author's employers are named in the bio: not what the story is about
    in_bio = set(mentions.loc[mentions["zone"] == "bio", "entity_id"])
    if (~m["entity_id"].isin(in_bio)).any():
        m = m[~m["entity_id"].isin(in_bio)]
    g = m.groupby("entity_id").agg(n=("mention_id", "size"), first=("start", "min"), entity=("entity", "first"))
    g = g.reset_index().sort_values(["n", "first", "entity_id"], ascending=[False, True, True])
    top = g.iloc[0]
    return {"entity_id": str(top["entity_id"]), "entity": str(top["entity"]), "mentions": int(top["n"])}


def name_forms(mentions: pd.DataFrame, entity_id: str) -> list[str]:
    """Lower-case forms an entity goes by: its display and canonical names and its non-pronoun surfaces,
    a leading article removed ("the alliance" → "alliance"), longest first."""
    rows = mentions[mentions["entity_id"] == entity_id]
    forms: set[str] = set()
    for r in rows.itertuples():
        if _s(r.mention_kind).lower() in PRONOUN_KINDS:
            continue
        f = re.sub(r"^(?:the|a|an)\s+", "", _s(r.surface).lower()).strip()
        f = re.sub(r"['\u2019]s$", "", f)
        if f:
            forms.add(f)
        for name in (_s(r.entity), _s(getattr(r, "canonical", ""))):  # display and gazetteer name
            if name:
                forms.add(name.lower())
    return sorted(forms, key=lambda f: (-len(f), f))


def names_org(descriptor: str, forms: list[str]) -> bool:
    """True when ``descriptor`` contains one of ``forms`` as whole words (case-insensitive)."""
    low = descriptor.lower()
    return any(re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", low) for f in forms if f)


# --- descriptors of an entity -----------------------------------------------------

def _title_run(text: str, start: int, floor: int) -> str:
    """Capitalised words (with possessive 's) right before ``start``, back to ``floor``."""
    words = []
    pos = start
    while len(words) < MAX_TITLE_WORDS:
        m = re.search(r"([^\W_][\w\-\u2010\u2011.&]*(?:['\u2019]s)?)\s+$", text[floor:pos])
        if not m:
            break
        w = m.group(1)
        bare = re.sub(r"['\u2019]s$", "", w)
        if not (bare[:1].isupper() or bare.lower() in role_words()):
            break
        if bare.lower() in appositive_starts() and not bare[:1].isupper():
            break
        words.insert(0, w)
        pos = floor + m.start(1)
    # drop leading words that are sentence furniture ("On", "The") — keep from the first title-ish word
    run = " ".join(words)
    if not any(re.sub(r"['\u2019]s$", "", w).lower() in role_words() for w in words):
        return ""
    return run


@lru_cache(maxsize=1)
def postnominals() -> frozenset[str]:
    """Post-nominal letters ("MBE", "PhD") that may follow a name before its appositive."""
    try:
        return lexicons.word_list("mentions_postnominals.txt")
    except FileNotFoundError:
        return frozenset()


def _skip_postnominals(text: str, pos: int, ceiling: int) -> int:
    """Offset after any post-nominal letters following ``pos`` ("Philip Ingram[ MBE], a …")."""
    while True:
        m = re.match(r"\s+([A-Z][\w.]*)", text[pos:ceiling])
        if not m:
            return pos
        w = m.group(1)
        if w in postnominals() or w.rstrip(".") in postnominals() or re.fullmatch(r"[A-Z]{2,5}", w):
            pos += m.end()
        else:
            return pos


def _appositive(text: str, end: int, ceiling: int) -> str:
    """The appositive phrase after ``end`` (", a former officer and founder of X"), or ``""``.

    Post-nominal letters between the name and the comma are skipped.
    """
    end = _skip_postnominals(text, end, ceiling)
    m = re.match(r",\s+([^,.;:\"\u201c\u201d\u2014\u2013()]+)", text[end:ceiling])
    if not m:
        return ""
    phrase = m.group(1).strip()
    words = phrase.split()
    if not words or len(words) > MAX_APPOSITIVE_WORDS or words[0].lower() not in appositive_starts():
        return ""
    if words[0].lower() in {"who", "whose", "which"}:
        return ""  # a relative clause says what someone did, not who they are
    return phrase


def descriptors(article: Article, mentions: pd.DataFrame, entity_id: str) -> list[tuple[int, str, str]]:
    """Role descriptors of an entity in reading order: ``(offset, kind, text)``.

    kind is ``title`` (run before a name), ``appositive`` (phrase after a mention),
    ``role`` (a role mention such as "the NATO chief") or ``titled-name`` (a mention
    whose surface carries its title).
    """
    text = article.text
    pbounds = {p.paragraph_id: (p.start, p.end) for p in article.paragraphs}
    out: list[tuple[int, str, str]] = []
    rows = mentions[mentions["entity_id"] == entity_id].sort_values(["start", "end", "mention_id"])
    for r in rows.itertuples():
        kind = _s(r.mention_kind).lower()
        if kind in PRONOUN_KINDS:
            continue
        ps, pe = pbounds.get(int(r.paragraph_id), (0, len(text)))
        surface = text[int(r.start) : int(r.end)]
        sent_floor = max(ps, max((m.end() for m in re.finditer(r"[.!?][\"'\u201d\u2019]?\s", text[ps : int(r.start)])), default=0) + ps)
        run = _title_run(text, int(r.start), sent_floor)
        if run:
            out.append((int(r.start) - len(run) - 1, "title", run))
        entity = _s(r.entity)
        surface_words = [w.lower() for w in _WORD.findall(surface)]
        entity_words = {w.lower() for w in _WORD.findall(entity)}
        if kind not in NAME_KINDS and kind and any(w in role_words() for w in surface_words):
            out.append((int(r.start), "role", surface))
        elif any(w in role_words() for w in surface_words if w not in entity_words) and len(surface_words) > len(entity_words):
            out.append((int(r.start), "titled-name", surface))
        app = _appositive(text, int(r.end), pe)
        if app:
            out.append((int(r.end), "appositive", app))
    seen: set[str] = set()
    uniq = []
    for off, kind, d in sorted(out):
        if d.lower() not in seen:
            seen.add(d.lower())
            uniq.append((off, kind, d))
    return uniq


# --- sources -------------------------------------------------------------------------

def _speaker_key(r) -> str:
    return _s(r.speaker_entity_id) or _s(r.speaker).strip()


def sources(article: Article, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per source of attributed claims, in order of first claim.

    Columns: speaker, speaker_entity_id, claims, direct, mixed, indirect, first_paragraph,
    role (first descriptor), affiliation (``organisation`` | ``official`` | ``independent``),
    evidence (the descriptor naming the organisation reported on, if any).
    """
    claims, mentions = tables["claims"], tables["mentions"]
    cols = ["speaker", "speaker_entity_id", "claims", "direct", "mixed", "indirect", "first_paragraph",
            "role", "affiliation", "evidence"]
    att = claims[claims["attribution"].fillna("").str.lower() != NARRATOR] if len(claims) else claims
    if len(att) == 0:
        return pd.DataFrame({c: pd.Series([], dtype="object") for c in cols})
    org = focal_organisation(mentions)
    forms = name_forms(mentions, org["entity_id"]) if org else []
    order: dict[str, dict] = {}
    for r in att.sort_values(["start", "end", "claim_id"]).itertuples():
        key = _speaker_key(r)
        if not key:
            continue
        d = order.setdefault(key, {"speaker": _s(r.speaker).strip() or key, "speaker_entity_id": _s(r.speaker_entity_id),
                                   "claims": 0, "direct": 0, "mixed": 0, "indirect": 0,
                                   "first_paragraph": int(r.paragraph_id)})
        d["claims"] += 1
        a = _s(r.attribution).lower()
        if a in ("direct", "mixed", "indirect"):
            d[a] += 1
    rows = []
    for key, d in order.items():
        eid = d["speaker_entity_id"]
        descs = descriptors(article, mentions, eid) if eid and len(mentions) else []
        evidence = next((t for _, _, t in descs if forms and names_org(t, forms)), "")
        if org and eid == org["entity_id"]:
            aff = "organisation"
        elif evidence:
            aff = "official"
        else:
            aff = "independent"
        rows.append({**d, "role": descs[0][2] if descs else "", "affiliation": aff, "evidence": evidence})
    return pd.DataFrame(rows, columns=cols)


def voice_shares(article: Article, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Claims by voice: the organisation and its officials vs independent sources vs the narrator.

    Columns: voice, claims, share_of_attributed (narrator: share of all claims).
    Rows in fixed order: organisation, official, independent, unresolved (attributed claim
    without a speaker), narrator.
    """
    claims = tables["claims"]
    src = sources(article, tables)
    aff = dict(zip(src["speaker_entity_id"].where(src["speaker_entity_id"] != "", src["speaker"]), src["affiliation"]))
    counts = {"organisation": 0, "official": 0, "independent": 0, "unresolved": 0, "narrator": 0}
    for r in claims.itertuples():
        if _s(r.attribution).lower() == NARRATOR:
            counts["narrator"] += 1
            continue
        key = _speaker_key(r)
        counts[aff.get(key, "unresolved") if key else "unresolved"] += 1
    attributed = sum(v for k, v in counts.items() if k != "narrator")
    total = attributed + counts["narrator"]
    rows = []
    for k, v in counts.items():
        denom = total if k == "narrator" else attributed
        rows.append({"voice": k, "claims": v, "share": round(v / denom, 3) if denom else 0.0})
    return pd.DataFrame(rows)


def check_worthy(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Factual claims with a number or a date, in reading order (see the module rules)."""
    c = tables["claims"]
    if len(c) == 0:
        return c
    mask = c["category"].fillna("").str.lower().isin(FACTUAL_CATEGORIES) & (
        c["has_number"].fillna(False).astype(bool) | c["has_date"].fillna(False).astype(bool)
    )
    return c[mask].sort_values(["start", "end", "claim_id"]).reset_index(drop=True)


def profile(article: Article, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The article's profile as a two-column table (metric, value), values as display strings."""
    q = quotation_share(tables)
    src = sources(article, tables)
    shares = voice_shares(article, tables).set_index("voice")
    org = focal_organisation(tables["mentions"])
    cw = check_worthy(tables)
    claims = tables["claims"]
    att = int((claims["attribution"].fillna("").str.lower() != NARRATOR).sum()) if len(claims) else 0
    org_side = int(shares.loc["organisation", "claims"] + shares.loc["official", "claims"])
    indep = int(shares.loc["independent", "claims"])
    roles = "; ".join(
        f"{r.speaker} ({r.affiliation}{': ' + r.role if r.role else ''})" for r in src.itertuples()
    )
    rows = [
        ("quoted share of body words", f"{q['share']:.1%} ({q['quoted_words']} of {q['words']})"),
        ("organisation reported on", f"{org['entity']} ({org['mentions']} mentions)" if org else "none found"),
        ("distinct sources", str(len(src))),
        ("sources and roles", roles or "none"),
        ("claims", f"{len(claims)} ({att} attributed, {len(claims) - att} narrator)"),
        ("attributed claims from the organisation or its officials",
         f"{org_side} of {att} ({org_side / att:.0%})" if att else "0 of 0"),
        ("attributed claims from independent voices", f"{indep} of {att} ({indep / att:.0%})" if att else "0 of 0"),
        ("check-worthy factual claims (report/commitment with a number or date)", str(len(cw))),
    ]
    return pd.DataFrame(rows, columns=["metric", "value"])
