"""Reading an article's claims: units → cues → patterns → rows (:func:`find_claims`).

Several cues in one unit: a clause-final cue wins over a cue inside its content
("Those talks are continuing, he said."); a content ends before a later "…, according
to X", a coordinated cue ("… and said …") or a later cue with its own speaker after a
comma; a cue in a subordinate clause yields to the main clause's cue ("So when X
signaled that …, Mr. Barrett said, …")."""
from __future__ import annotations

import bisect
import dataclasses
import heapq
import re

from analysis.claims.checks import cue_valid
from analysis.claims.flags import categorise, has_date, has_number
from analysis.claims.gates import word_runs
from analysis.claims.lexicon import function_words
from analysis.claims.records import QUOTE_SEP, Claim, make_claim, Cue, Found, Item, claim_id_for, trim, without_gap
from analysis.claims.patterns import NO_CLAIM, CueContext
from analysis.claims.registry import stage
from analysis.claims.speakers import Mentions, resolve
from analysis.claims.unit_patterns import ReadState
from analysis.claims.units import DATELINE, QUOTE_CHARS, Unit, build_units, coordinated_verb, find_cues, whole_quote
from analysis.tokenise import Doc

_BYLINE_START = re.compile(r"(?:By|From)\s")


def read_cue(doc: Doc, unit: Unit, cue: Cue, mentions: Mentions) -> Found | None:
    """Read one cue against the cue patterns of the registry (first that applies); mark a
    speaker standing after a subordinator ("when X said …")."""
    ctx = CueContext(doc, unit, cue, mentions)
    found = None
    for p in stage("cue"):
        found = p.read(ctx)
        if found is not None:
            if found is NO_CLAIM:
                found = None
            else:
                found.pattern = p.name  # a fresh record of this cue
            break
    if found is not None and found.speaker is not None and found.speaker.np_start >= 0:
        k = unit.token_at_or_after(found.speaker.np_start)
        if 0 < k < len(unit.tokens) and unit.low[k - 1] in function_words("subordinator") \
                and found.pattern != "comment_clause" \
                and not (unit.low[k - 1] in function_words("concessive")
                         and (k == 1 or clause_boundary_before(unit, k - 1))):  # "While she conceded A, B said C"
            found.subordinate = True
    return found


_BOUNDARY = frozenset({",", ";", "\u2014", "\u2013", "--"})


def clause_boundary_before(unit: Unit, k: int) -> int | None:
    """End offset of the clause boundary right before token ``k`` — a comma, semicolon or
    dash, or a closing quotation mark after a comma ("…,\" but she said …") — or None."""
    if k < 1:
        return None
    low = unit.low
    if low[k - 1] in _BOUNDARY:
        return unit.tokens[k - 1].start
    if k >= 2 and low[k - 1] in QUOTE_CHARS and low[k - 2] == ",":
        return unit.tokens[k - 1].end
    return None


def own_clause_start(unit: Unit, cue: Cue, f: Found) -> int | None:
    """Offset of the comma that opens a later cue's own clause — its speaker named right
    after the comma (or a dash, or a closing quotation mark after a comma), maybe after a
    coordinator or a concessive ("…, and when pressed, the mother replied, "…"", "X said A,
    but she said B", "X said A, though she noted B", "X called it "a mess," but she said
    B") — or None."""
    sp = f.speaker
    if sp is None or f.shared or f.content[0] < unit.tokens[cue.i].start:
        return None
    np0 = sp.np_start if sp.np_start >= 0 else sp.start
    if np0 > unit.tokens[cue.i].start:
        return None  # the speaker follows the cue ("…," said X)
    k = unit.token_at_or_after(np0)
    if 2 <= k < len(unit.tokens) and (unit.low[k - 1] in function_words("coordinator")
                                      or unit.low[k - 1] in function_words("concessive")) \
            and clause_boundary_before(unit, k - 1) is not None:
        k -= 1  # ", but she said …", ", though she noted …": the word joins two attributed clauses
    if k >= len(unit.tokens):
        return None
    return clause_boundary_before(unit, k)


def cut_at_later_cues(doc: Doc, unit: Unit, reads: list) -> None:
    """End a content before a later cue inside it that starts its own attribution: a
    source after a comma ("X estimates Y, according to Z"), a cue after a coordinator
    ("X announced Y and said Z"), after a comma sharing the subject ("…, adding that"), or
    with its own speaker after a comma. Whether a cue cuts does not depend on the content
    it lies in: decided once per cue, each content takes the first cutting cue inside it."""
    low = unit.low
    starts = [unit.tokens[c.i].start for c, _ in reads]
    cutters: list[int] = []
    owns: dict[int, int | None] = {}
    for b, (c2, f2) in enumerate(reads):
        if f2 is None or c2.i == 0:
            continue
        pw = low[c2.i - 1]
        own = own_clause_start(unit, c2, f2)
        coord = coordinated_verb(unit, c2.i)
        if own is None and coord is not None:
            own = unit.tokens[coord].start  # "… and has said …": the content ends before "and"
        if (c2.entry.kind == "source" and pw == ",") or own is not None or (pw == "," and f2.shared):
            cutters.append(b)
            owns[b] = own
    for a, (_, f) in enumerate(reads):
        if f is None or f.direct or f.content[0] >= f.content[1]:
            continue
        cs, ce = f.content
        x = bisect.bisect_left(cutters, max(a + 1, bisect.bisect_right(starts, cs)))
        if x == len(cutters) or starts[cutters[x]] >= ce:
            continue
        b = cutters[x]
        end = owns[b] if owns[b] is not None else unit.tokens[reads[b][0].i - 1].start
        s2, e2 = trim(doc.text, cs, end)
        if e2 > s2:
            f.content = (s2, e2)
            if f.gap is not None and not (s2 <= f.gap[0] < f.gap[1] <= e2):
                f.gap = None


def outer_cue_wins(unit: Unit, reads: list) -> list:
    """Drop a cue inside the content a later clause-final cue reports ("Those talks are
    continuing, he said.": "continuing" is part of what he said); a later "according to"
    keeps both. One sweep from the last cue back: later contents wait in a heap by their
    end until the sweep passes below it, then count by their start."""
    out = list(reads)
    pending: list[tuple[int, int]] = []  # (-content end, content start) of later cues
    open_min = None  # smallest start among later contents ending after the current cue
    for a in range(len(reads) - 1, -1, -1):
        ca, fa = reads[a]
        pos = unit.tokens[ca.i].start
        while pending and -pending[0][0] > pos:
            _, c0 = heapq.heappop(pending)
            open_min = c0 if open_min is None else min(open_min, c0)
        if fa is not None and open_min is not None and open_min <= pos and fa.pattern != "parenthetical":
            out[a] = (ca, None)  # a cue clause between commas ("A, Mr. Obama said, B") keeps its sentence
        if fa is not None and ca.entry.kind != "source" and fa.content[1] <= pos:
            heapq.heappush(pending, (-fa.content[1], fa.content[0]))
    return out


def shares_subordinate(unit: Unit, reads: list) -> None:
    """"Though she called X "a disgrace" and called for Y, the mayor …": a coordinated cue
    ("… and called for") shares the subject of the subordinate clause it continues, so it is
    subordinate too — not a main-clause cue that would drop the first."""
    prev = None
    for c, f in reads:
        if f is None:
            continue
        if prev is not None and prev.subordinate and f.shared and coordinated_verb(unit, c.i) is not None:
            f.subordinate = True
        prev = f


def read_cues(doc: Doc, unit: Unit, mentions: Mentions) -> list[tuple[Cue, Found | None]]:
    """The valid cues of a unit with what each reads, after the cues' interplay."""
    reads = [(c, read_cue(doc, unit, c, mentions)) for c in find_cues(unit) if cue_valid(doc, unit, c)]
    shares_subordinate(unit, reads)
    if any(f is not None and f.subordinate for _, f in reads) and any(
            f is not None and not f.subordinate for _, f in reads):
        reads = [(c, f) for c, f in reads if f is None or not f.subordinate]
    reads = outer_cue_wins(unit, reads)
    cut_at_later_cues(doc, unit, reads)
    return reads


def _cue_items(doc: Doc, unit: Unit, reads: list, state: ReadState) -> tuple[list[Item], bool]:
    """Items of the cues that read a claim, left to right, a further cue counting only after
    the previous claim's content and cue; an introduction ("He said:") hands its speaker
    to the next quotation and ends the unit. Returns (items, introduction seen)."""
    items: list[Item] = []
    done_to = -1
    for cue, found in reads:
        if found is None or unit.tokens[cue.i].start < done_to:
            continue
        if found.content[0] == found.content[1]:
            state.hint = resolve(found.speaker, state.last)
            return items, True
        if not found.direct and found.gap is None:
            wq = whole_quote(doc, unit, trim(doc.text, *found.content))
            if wq is not None:  # "…, adding that "…"": the content is one quotation
                found.content, found.direct = (wq.content_start, wq.content_end), True
        cs, ce = found.content
        who = items[-1].who if found.shared and items and items[-1].who.name else resolve(found.speaker, state.last)
        if who.name:
            state.last = who
        cue_span = found.cue_span or (-1, -1)
        attribution = "direct" if found.direct else ("mixed" if unit.quotes_overlapping(cs, ce) else "indirect")
        items.append(Item(cs, ce, attribution, who, cue_span, found.cue.entry.lemma if found.cue else "",
                          found.gap, found.pattern))
        done_to = max(ce, cue_span[1], found.speaker.end if found.speaker else -1)
    return items, False


def read_unit(doc: Doc, unit: Unit, mentions: Mentions, state: ReadState) -> tuple[list[Item], bool]:
    """The items of one unit, by the registry's stages; (items, a quotation continuing
    into the next paragraph)."""
    for p in stage("turn"):
        got = p.read(doc, unit, mentions, state)
        if got is not None:
            state.last = got.items[-1].who
            state.hint = None
            return got.items, False
    items, intro = _cue_items(doc, unit, read_cues(doc, unit, mentions), state)
    if intro:
        state.intro = (state.hint, unit.paragraph_id) if state.hint is not None and state.hint.name else None
    if intro and not items:
        return [], False  # the announced speaker waits for the next unit
    next_hint, continues = None, False
    if not items:
        for p in stage("fallback"):
            got = p.read(doc, unit, mentions, state)
            if got is not None:
                items, next_hint, continues = got.items, got.next_hint, got.continues
                break
    state.hint = next_hint
    return items, continues


def _row(doc: Doc, unit: Unit, item: Item, mentions: Mentions, state: ReadState, first_body: int,
         seen: dict[str, int]) -> Claim | None:
    """The claim of one item, or None if its content is empty: a dateline opening the
    first body paragraph is not content ("SAN FRANCISCO — Streamly is …"); entities are the
    content's mentions outside the speaker and the cue clause. ``seen`` counts the claims
    per id so far: exact duplicates get ``-2``, ``-3`` … in reading order."""
    text = doc.text
    cs, ce = trim(text, item.start, item.end, lead=" \t\n", tail=" \t\n,;:")
    gap = item.gap
    dl = DATELINE.match(text, cs, ce) if cs == unit.start and cs == first_body else None
    if dl and dl.end() < ce and (gap is None or dl.end() <= gap[0]):
        cs = dl.end()
    if ce <= cs:
        return None
    gs, ge = gap if gap is not None and cs <= gap[0] < gap[1] <= ce else (-1, -1)
    who = item.who
    if item.attribution != "narrator" and who.name:
        state.last = who
    content = text[cs:ce]
    clean = without_gap(content, cs, gs, ge)
    lower = clean.lower()
    runs = word_runs(clean, lower)  # read by the literal gates of the flags
    qfrags = ([text[cs:gs].rstrip(" ,"), text[ge:ce]] if gs >= 0 else [content]) if item.attribution == "direct" else \
        [text[max(q.content_start, cs) : min(q.content_end, ce)] for q in unit.quotes_overlapping(cs, ce)]
    ents: list[str] = []
    for m in mentions.within(cs, ce):
        eid = str(getattr(m, "entity_id", "") or "")
        if eid and not (who.start <= m.start < who.end) and not (gs <= m.start < ge) and eid not in ents:
            ents.append(eid)
    cue_s, cue_e = item.cue_span
    aid = doc.article.article_id
    base = claim_id_for(aid, content)
    seen[base] = seen.get(base, 0) + 1
    return make_claim(
        article_id=aid, claim_id=base if seen[base] == 1 else f"{base}-{seen[base]}", sentence_id=doc.sentence_at(cs).sentence_id,
        paragraph_id=unit.paragraph_id, zone=unit.zone, start=cs, end=ce, content=content,
        attribution=item.attribution, speaker=who.name, speaker_entity_id=who.entity_id,
        speaker_mention_id=who.mention_id, speaker_start=who.start, speaker_end=who.end,
        cue=text[cue_s:cue_e] if cue_s >= 0 else "", cue_lemma=item.cue_lemma, cue_start=cue_s, cue_end=cue_e,
        quote=QUOTE_SEP.join(f.strip() for f in qfrags if f.strip()),
        category=categorise(clean, item.cue_lemma, runs), has_number=has_number(clean, lower, runs),
        has_date=has_date(clean, lower, runs),
        entity_ids=tuple(ents), gap_start=gs, gap_end=ge, pattern=item.pattern,
    )


def _speaker_where_quote_ends(rows: list[Claim], continued: list[int]) -> None:
    """A quotation running over paragraphs belongs to the speaker named where it ends:
    "“First part.\\n\\n“Second part,” she said."."""
    for k in reversed(continued):
        if k + 1 < len(rows) and rows[k + 1].attribution == "direct" and rows[k + 1].speaker \
                and rows[k + 1].pattern != "transcript_turn":  # a labelled turn opens new speech
            nxt = rows[k + 1]
            if nxt.paragraph_id == rows[k].paragraph_id + 1:
                rows[k] = dataclasses.replace(
                    rows[k], speaker=nxt.speaker, speaker_entity_id=nxt.speaker_entity_id,
                    speaker_mention_id=nxt.speaker_mention_id, speaker_start=nxt.speaker_start,
                    speaker_end=nxt.speaker_end)


def find_claims(doc: Doc, mentions: list) -> list[Claim]:
    """All claims of ``doc`` in reading order (see :mod:`analysis.claims`).

    ``mentions`` are objects with ``mention_id, entity_id, entity, entity_type,
    mention_kind, start, end`` (the mentions stage); an empty list works too
    (speakers are then the slots' surface text).
    """
    text = doc.text
    ments = Mentions(mentions, doc)
    state = ReadState(frozenset(p.start for p in doc.article.paragraphs))
    # where a dateline can stand: the first body paragraph that is not a byline ("By Jane Doe")
    first_body = next((p.start for p in doc.article.paragraphs if p.zone == "body"
                       and not _BYLINE_START.match(text, p.start, p.end)), -1)
    rows: list[Claim] = []
    seen: dict[str, int] = {}
    continued: list[int] = []  # rows of floating quotations that go on in the next paragraph
    for unit in build_units(doc):
        items, continues = read_unit(doc, unit, ments, state)
        if continues:
            continued.append(len(rows))
        for item in items:
            row = _row(doc, unit, item, ments, state, first_body, seen)
            if row is not None:
                rows.append(row)
    _speaker_where_quote_ends(rows, continued)
    return rows
