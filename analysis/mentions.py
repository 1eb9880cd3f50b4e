"""Entity mentions: who and what an article names, and which mentions co-refer.

Stage 3 of the pipeline: *Doc → mentions*.

Recognition is rule based and needs no model download:

1. **Gazetteers** (``data/lexicons/gazetteer_*.tsv``, ``gaz_weapons.tsv``): countries,
   demonyms, capitals, large cities, regions, international organisations, media,
   weapon systems.  All surfaces are compiled into one alternation per kind and
   matched in a single pass over the text (longest alternative first).
2. **Name rules** for names no list holds: runs of capitalised tokens (with name
   particles, "of"/"&" joints and leading "The" mid-sentence) are cut at titles
   ("NATO Secretary-General" | "Jens Stoltenberg"), stripped of post-nominals
   ("MBE") and typed by cues: organisation head words ("Media", "Council",
   "University"), place head words ("County", "River"), all-caps acronyms, a
   common given name, a preceding title or following post-nominal.  Capitals at
   the start of a sentence, after an opening quote or in a title-case headline
   count only with evidence from elsewhere in the article.  A run with no cue of its own
   ("Itaú Unibanco") is typed from its context (:func:`_evidence`: "economists at X" → ORG,
   "X said" / "X, an analyst" / "By X" → PERSON, "in X" → GPE, a surname reused alone →
   PERSON) and left out when there is none.
3. **Dates** from a month/weekday/relative-expression grammar built from
   ``mentions_dates.tsv``.
4. **Role nouns** ("the NATO chief", "the alliance", ``roles.tsv``) and
   **pronouns** (he/she forms, ``pronouns.tsv``).
5. **Coreference** within the article: surnames and first names join the full
   name, acronyms join the spelled-out organisation, role nouns resolve to the
   most recent entity whose title class / organisation class fits (and whose
   affiliation fits the modifier: "the NATO chief"), pronouns to the subject of
   the current or a recent sentence with a compatible gender; what cannot be
   resolved keeps an empty ``entity_id`` (never dropped, never guessed).

No two mentions overlap: when candidates overlap, the longest wins.
Offsets are into ``article.text``; ``text[start:end] == surface`` always holds.
"""
from __future__ import annotations

import bisect
import hashlib
from itertools import combinations as _combinations
import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from analysis import lexicons
from analysis.tables import empty_table, typed_frame
from analysis.tokenise import Doc

MENTION_COLUMNS: dict[str, str] = {
    "article_id": "string", "mention_id": "string", "entity_id": "string", "entity": "string",
    "entity_type": "string", "surface": "string", "start": "int64", "end": "int64",
    "sentence_id": "int64", "paragraph_id": "int64", "zone": "string", "mention_kind": "string",
    "in_quote": "bool",
    "rule": "string",  # which recogniser produced the span (gazetteer, name, title, date, role, pronoun ...)
}

ENTITY_TYPES: tuple[str, ...] = ("PERSON", "ORG", "GPE", "NORP", "LOC", "WEAPON", "DATE")
MENTION_KINDS: tuple[str, ...] = ("name", "alias", "role", "pronoun")


@dataclass(frozen=True)
class Mention:
    """One mention: ``text[start:end] == surface``; ``entity_id`` is ``""`` when unresolved."""

    article_id: str
    mention_id: str
    entity_id: str
    entity: str
    entity_type: str
    surface: str
    start: int
    end: int
    sentence_id: int
    paragraph_id: int
    zone: str
    mention_kind: str
    in_quote: bool
    rule: str = ""


# --------------------------------------------------------------------------------------
# Resources (read once, cached)
# --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class GazEntry:
    entity: str
    type: str
    cls: str
    context: bool = False  # weapon names that are also ordinary words need a weapon nearby


@dataclass(frozen=True)
class Resources:
    names: dict            # surface -> GazEntry (case-sensitive proper names)
    names_re: re.Pattern
    classes: dict          # lower surface -> GazEntry (weapon classes, case-insensitive)
    classes_re: re.Pattern
    titles: dict           # title -> (class, kind, gender)
    title_words: frozenset  # first word of every title (without period)
    title_full: dict       # abbreviation -> spelled-out title ("Gov." -> "governor")
    roles: dict            # role -> (type, class)
    role_re: re.Pattern
    pronouns: dict         # pronoun -> gender
    pronoun_re: re.Pattern
    date_re: re.Pattern
    year_re: re.Pattern
    org_cues: frozenset
    misc_cues: frozenset
    place_cues: dict
    postnominals: frozenset
    particles: frozenset
    not_names: frozenset
    language_cues: frozenset
    place_nouns: frozenset      # "town", "province": "<noun> of X" makes X a place
    place_modifiers: frozenset  # "Northern", "South", "Greater": words that make a new place name
    person_nouns: frozenset  # "economist", "coach": occupation nouns (context evidence for PERSON/ORG)
    org_nouns: frozenset     # "company", "bank": organisation nouns heading an apposition
    org_parts: frozenset     # "shares", "subsidiary": "<noun> of X" / "X's <noun>" make X an ORG
    given_names: frozenset
    given_gender: dict
    calendar_words: frozenset
    stopwords: frozenset
    titles_by_first: dict    # first word of a title -> titles starting with it


def _alternation(surfaces) -> str:
    return "|".join(re.escape(s) for s in sorted(set(surfaces), key=lambda s: (-len(s), s)))


def _plural(s: str) -> str:
    if s.endswith(("s", "x", "ch", "sh")):
        return s + "es"
    if s.endswith("y") and len(s) > 1 and s[-2] not in "aeiou":
        return s[:-1] + "ies"
    return s + "s"


@lru_cache(maxsize=1)
def resources() -> Resources:
    """All lexicons used by the recogniser, compiled once."""
    names: dict[str, GazEntry] = {}
    for fname in ("gazetteer_places.tsv", "gazetteer_regions.tsv", "gazetteer_orgs.tsv"):
        for r in lexicons.table(fname):
            names.setdefault(r["surface"], GazEntry(r["entity"], r["type"], r["class"]))
    classes: dict[str, GazEntry] = {}
    for r in lexicons.table("gaz_weapons.tsv"):
        e = GazEntry(r["entity"], "WEAPON", r["class"], r.get("context") == "1")
        s = r["surface"]
        if s[:1].islower():
            classes.setdefault(s, e)
            classes.setdefault(_plural(s), e)
        else:
            names.setdefault(s, e)
            if s[-1:].isalpha():
                names.setdefault(s + "s", e)
    bound_l, bound_r = r"(?<![^\W_])", r"(?![^\W_])"
    # prefix-trie alternations: same matches as longest-first alternation, much faster
    names_re = re.compile(bound_l + "(?:" + lexicons.trie_alternation(names) + ")" + bound_r)
    classes_re = re.compile(bound_l + "(?:" + lexicons.trie_alternation(classes, ignorecase=True) + ")" + bound_r,
                            re.IGNORECASE)

    title_rows = lexicons.table("titles.tsv")
    titles = {r["title"]: (r["class"], r["kind"], r["gender"]) for r in title_rows}
    title_full = {r["title"]: r.get("full", "") for r in title_rows if r.get("full")}
    title_words = frozenset(t.split()[0].rstrip(".") for t in titles)
    roles = {r["role"]: (r["type"], r["class"]) for r in lexicons.table("roles.tsv")}
    pronouns = {r["pronoun"]: r["gender"] for r in lexicons.table("pronouns.tsv")}
    pronoun_re = re.compile(r"(?<![\w'’-])(?:" + _alternation(pronouns) + r")(?![\w-])", re.IGNORECASE)

    # Role descriptions: "the [former] [MOD] role", MOD a capitalised word or acronym.
    role_alt = _alternation(list(roles))
    role_re = re.compile(
        r"(?<![\w])(?P<det>[Tt]he)\s+(?:(?:former|new|then|current|acting|deputy|top|outgoing|incoming)\s+)?"
        r"(?:(?P<mod>(?:[A-Z][\w.&-]*|[A-Z]\.(?:[A-Z]\.)+))\s+)?(?P<role>" + role_alt + r")(?![\w-])"
    )

    dates = lexicons.table("mentions_dates.tsv")
    by = {}
    for r in dates:
        by.setdefault(r["class"], []).append(r["word"])
    month = _alternation(by["month"])
    wday = _alternation(by["weekday"])
    unit = _alternation(by["unit"] + by["season"])
    rel = _alternation(by["rel"])
    lead = _alternation(by["lead"])
    deictic = _alternation(by["deictic"])
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    year = r"(?:1[5-9]\d\d|20\d\d)"
    date_pat = (
        rf"(?:(?i:{lead})\s+)?(?i:{rel})\s+(?:{unit}|{wday}|{month})(?!\w)"                     # earlier this year, next month
        rf"|(?:(?i:{rel})\s+)?(?:{wday})(?:\s+(?:morning|afternoon|evening|night))?(?!\w)"        # Tuesday, last Friday
        rf"|(?:(?i:early|mid|late)[\s-]+)?(?!May\b)(?:{month})(?:\s+{day})?(?:,?\s+{year})?(?!\w)"  # February 2022, April 20
        rf"|May(?:\s+{day})(?:,?\s+{year})?(?!\w)|May,?\s+{year}(?!\w)"
        rf"|{day}\s+(?:{month})(?:\s+{year})?(?!\w)"                                              # 20 April 2023
        rf"|(?:1[5-9]\d0|20\d0)s(?!\w)"                                                           # 1990s
        rf"|(?i:{deictic})(?!\w)"
        rf"|(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+(?:days?|weeks?|months?|years?|decades?)\s+ago(?!\w)"
    )
    date_re = re.compile(r"(?<![\w-])(?:" + date_pat + ")")
    year_re = re.compile(rf"(?<![\w-])(?:in|In|since|Since|until|by|of|from|before|after|during)\s+(?P<y>{year})(?![\w-])")

    place_cues = {}
    for line in lexicons.word_list("mentions_place_cues.txt"):
        w, _, t = line.partition("\t")
        place_cues[w.strip()] = t.strip() or "LOC"
    given_rows = lexicons.table("gaz_given_names.tsv")
    given = frozenset(r["name"] for r in given_rows)
    given_gender = {r["name"]: r["gender"] for r in given_rows if r["gender"]}
    return Resources(
        names=names, names_re=names_re, classes=classes, classes_re=classes_re,
        titles=titles, title_words=title_words, title_full=title_full, roles=roles, role_re=role_re,
        pronouns=pronouns, pronoun_re=pronoun_re, date_re=date_re, year_re=year_re,
        org_cues=frozenset(lexicons.word_list("mentions_org_cues.txt")),
        misc_cues=frozenset(lexicons.word_list("mentions_misc_cues.txt")),
        place_cues=place_cues,
        postnominals=frozenset(lexicons.word_list("mentions_postnominals.txt")),
        particles=frozenset(lexicons.word_list("mentions_name_particles.txt")),
        not_names=frozenset(lexicons.word_list("mentions_not_names.txt")),
        language_cues=frozenset(w.lower() for w in lexicons.word_list("mentions_language_cues.txt")),
        place_modifiers=frozenset(lexicons.word_list("mentions_place_modifiers.txt")),
        place_nouns=frozenset(w.lower() for w in lexicons.word_list("mentions_place_nouns.txt")),
        person_nouns=frozenset(w.lower() for w in lexicons.word_list("mentions_person_nouns.txt")),
        org_nouns=frozenset(w.lower() for w in lexicons.word_list("mentions_org_nouns.txt")),
        org_parts=frozenset(w.lower() for w in lexicons.word_list("mentions_org_part_nouns.txt")),
        given_names=given,
        given_gender=given_gender,
        calendar_words=frozenset(by["weekday"] + by["month"]),
        stopwords=lexicons.stopwords(),
        titles_by_first=_group_titles(titles),
    )


# --------------------------------------------------------------------------------------
# Candidates
# --------------------------------------------------------------------------------------

@dataclass
class Cand:
    """A candidate span before overlap resolution and coreference."""

    start: int
    end: int
    type: str
    kind: str            # name | role | pronoun (alias is decided by coreference)
    rule: str
    entity: str = ""     # canonical name when known (gazetteer), else ""
    cls: str = ""        # gazetteer / title / role class
    gender: str = ""
    mod: str = ""        # role modifier surface ("NATO" in "the NATO chief"; "Russian" in "Russian President")
    target: int = -1     # for a title role: index of the name candidate it belongs to
    priority: int = 0
    how: str = ""        # which cue decided the type (reported in the ``rule`` column)

    @property
    def length(self) -> int:
        return self.end - self.start


_UC = "A-Z\u00c0-\u00d6\u00d8-\u00de"  # upper-case letters incl. Latin-1 accented ("SÃO PAULO")
_DATELINE = re.compile(rf"([{_UC}][{_UC}.'-]+(?: [{_UC}][{_UC}.'-]+){{0,3}})(?=,| \(| _| --| \u2014| \u2013)")
# what must follow a dateline place: optional ", State"/", Sept. 5" parts, an optional "(Agency)", then
# a dash ("—", "–", "―", "--", "_", " - "). "BYD, the Chinese rival ..." (an appositive) is no dateline.
_DATELINE_TAIL = re.compile(r"(?:,[ \t]*[A-Z0-9][\w.'&-]*(?:[ \t][A-Z0-9][\w.'&-]*){0,3}){0,3}"
                            r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*(?:[\u2014\u2013\u2015_]|--|-(?=[ \t]))")
# party-state label after a US politician's name: "R-Ky.", "D-N.Y.", "I-Vt." (not a mention)
_PARTY_LABEL = re.compile(r"[RDI]-[A-Z][A-Za-z]*\.?(?:[A-Z]\.)*")
_PARTY_AFTER_NAME = re.compile(r"[,(]\s*(" + _PARTY_LABEL.pattern + ")")
_NORP_SUFFIX = re.compile(r"(?:ian|ians|ese|ish)$")
_OPENERS = frozenset('"“‘\'(«[:—–…_') | {"...", "--"}
_VERBAL = re.compile(r"(?:ing|ed|ly)$")
_NEXT_CAP_WORD = re.compile(r"\s+([A-Z][\w'’-]+)")
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}\d?|(?:[A-Z]\.){2,4})$")


def _is_cap_token(t: str) -> bool:
    if not t[:1].isupper():
        return False
    if "-" in t and any(p[:1].islower() for p in t.split("-")[1:] if p):
        return False  # "AI-generated", "NATO-standard": adjectives, not names
    return True


def _is_title_line(doc: Doc, sent, words: list[str]) -> bool:
    """A headline-style sentence: title case or all caps, no sentence-final punctuation."""
    if sent.zone == "headline":
        return True
    if sent.zone == "credit":
        return False
    alpha = [w for w in words if w[:1].isalpha()]
    if len(alpha) < 2:
        return False
    if alpha[0] in ("By", "BY") and len(alpha) <= 8 and alpha[1][:1].isupper():
        return False  # a byline ("By Maria Fernanda Costa") names a person
    upper = sum(1 for w in alpha if len(w) > 1 and w.isupper())
    if upper / len(alpha) >= 0.6 and len(alpha) >= 3:
        return True  # an all-caps line (byline, slug, copyright notice)
    last = doc.text[sent.end - 1]
    if last in ".!?\"”’'":
        return False
    caps = sum(1 for w in alpha if w[:1].isupper())
    return caps / len(alpha) >= 0.6


def _name_type(words: list[str], res: Resources) -> tuple[str, str]:
    """Type and class of an unknown capitalised name from its own words ("" if undecided)."""
    for w in reversed(words):
        if w in res.org_cues:
            return "ORG", w.lower()
    if words[-1] in res.place_cues and not (len(words) == 2 and words[0] in res.given_names):
        return res.place_cues[words[-1]], words[-1].lower()  # "Capitol Hill", not "Anita Hill"
    if "of" in words or "&" in words or words[0] == "The":
        return "ORG", ""
    if len(words) == 1 and _ACRONYM.match(words[0]):
        return "ORG", ""
    return "", ""


def _candidates(doc: Doc, res: Resources) -> tuple[list[Cand], dict]:
    text = doc.text
    cands: list[Cand] = []
    # 1. gazetteer names (one pass) and weapon classes (one pass)
    sent_starts = [s.start for s in doc.sentences]
    weapon_sents: set[int] = set()
    for m in res.classes_re.finditer(text):
        e = res.classes[m.group(0).lower()]
        cands.append(Cand(m.start(), m.end(), "WEAPON", "name", "gazetteer", e.entity, e.cls, priority=2))
        weapon_sents.add(bisect.bisect_right(sent_starts, m.start()))
    gaz_ctx: list[Cand] = []
    labels = [(m.start(1), m.end(1)) for m in _PARTY_AFTER_NAME.finditer(text)]  # disjoint, in order
    label_starts = [a for a, _ in labels]
    for m in res.names_re.finditer(text):
        k = bisect.bisect_right(label_starts, m.start()) - 1
        if k >= 0 and m.start() < labels[k][1]:
            continue  # "Ky." inside "R-Ky."
        e = res.names[m.group(0)]
        c = Cand(m.start(), m.end(), e.type, "name", "gazetteer", e.entity, e.cls, priority=2)
        if e.type == "WEAPON":
            weapon_sents.add(bisect.bisect_right(sent_starts, m.start()))
            if e.context:
                gaz_ctx.append(c)
                continue
        if e.type == "NORP" and _after_language_cue(text, m.start(), res):
            continue
        cands.append(c)
    # ambiguous weapon names need another weapon in the sentence (a sure one, or a second ambiguous one)
    sure_weapons = {bisect.bisect_right(sent_starts, d.start) for d in cands if d.type == "WEAPON"}
    ctx_count: dict[int, int] = {}
    for c in gaz_ctx:
        sid = bisect.bisect_right(sent_starts, c.start)
        ctx_count[sid] = ctx_count.get(sid, 0) + 1
    for c in gaz_ctx:
        sid = bisect.bisect_right(sent_starts, c.start)
        if sid in sure_weapons or ctx_count[sid] > 1:
            cands.append(c)

    # datelines: "NAIROBI, Kenya (AP) _", "WASHINGTON --": an all-caps place opening a paragraph
    for p in doc.article.paragraphs:
        m = _DATELINE.match(text, p.start, p.end)
        if m and len(m.group(1)) >= 3 and _DATELINE_TAIL.match(text, m.end(1), p.end):
            place = m.group(1)
            e = res.names.get(place.title()) or res.names.get(place)
            ent = e.entity if e is not None else place.title()
            etype = e.type if e is not None and e.type in ("GPE", "LOC", "ORG") else "GPE"
            cands.append(Cand(m.start(1), m.end(1), etype, "name", "dateline", ent, priority=3))
    gaz_at = {c.start: c for c in cands if c.rule == "gazetteer"}
    # 2. capitalised runs
    name_cands, evidence = _name_runs(doc, res, gaz_at)
    cands.extend(name_cands)
    # 3. dates
    for m in res.date_re.finditer(text):
        cands.append(Cand(m.start(), m.end(), "DATE", "name", "date", m.group(0), priority=4))
    for m in res.year_re.finditer(text):
        cands.append(Cand(m.start("y"), m.end("y"), "DATE", "name", "date", m.group("y"), priority=4))
    # 4. roles ("the NATO chief", "the alliance")
    for m in res.role_re.finditer(text):
        nxt = text[m.end(): m.end() + 2]
        if re.match(r"\s[A-Z]", nxt):  # "the Foreign Minister Dmytro Kuleba": title before a name
            after = _NEXT_CAP_WORD.match(text, m.end())
            if after and after.group(1) not in res.stopwords:
                continue
        role = m.group("role").lower()
        rtype, rcls = res.roles[role]
        mod = m.group("mod") or ""
        if mod and mod[0].isupper() and mod in res.titles:
            continue
        cands.append(Cand(m.start(), m.end(), rtype, "role", "role", "", rcls, mod=mod, priority=1))
    # 5. pronouns
    for m in res.pronoun_re.finditer(text):
        g = res.pronouns[m.group(0).lower()]
        cands.append(Cand(m.start(), m.end(), "PERSON", "pronoun", "pronoun", "", "", gender=g, priority=1))
    return cands, evidence


def _after_language_cue(text: str, start: int, res: Resources) -> bool:
    before = re.findall(r"[A-Za-z]+", text[max(0, start - 30): start])
    return bool(before) and before[-1].lower() in res.language_cues


@dataclass
class _Unit:
    start: int
    end: int
    text: str
    kind: str          # cap | gaz | title | post | particle | joint | other
    gaz: Cand | None = None
    initial: bool = False


def _units(doc: Doc, sent, res: Resources, gaz_at: dict, quote_starts: set) -> list[_Unit]:
    """Tokens of one sentence grouped into units (multi-token gazetteer names, titles with periods)."""
    text = doc.text
    toks = [t for t in doc.tokens[_tok_range(doc, sent)]]
    units: list[_Unit] = []
    i = 0
    prev_text = None
    seen_word = False
    while i < len(toks):
        t = toks[i]
        s = text[t.start:t.end]
        if not seen_word and i and any(ch.isalnum() for ch in text[toks[i - 1].start:toks[i - 1].end]):
            seen_word = True
        initial = not seen_word or prev_text in _OPENERS or (
            prev_text in ('"', "'") and units and units[-1].start in quote_starts)
        g = gaz_at.get(t.start)
        if g is not None and g.type != "WEAPON" or (g is not None and g.end > t.end):
            j = i
            while j < len(toks) and toks[j].end <= g.end:
                j += 1
            if j > i and toks[j - 1].end == g.end:
                units.append(_Unit(t.start, g.end, text[t.start:g.end], "gaz", g, initial))
                prev_text = text[toks[j - 1].start:toks[j - 1].end]
                i = j
                continue
        # "McConnell, R-Ky., said": a party-state label is not a name
        if s[:2] in ("R-", "D-", "I-") and re.search(r"[,(]\s*$", text[max(0, t.start - 3):t.start]):
            pm = _PARTY_LABEL.match(text, t.start)
            j = i
            while j < len(toks) and toks[j].end <= pm.end():
                j += 1
            units.append(_Unit(t.start, pm.end(), text[t.start:pm.end()], "other", None, initial))
            prev_text = text[toks[j - 1].start:toks[j - 1].end]
            i = max(j, i + 1)
            continue
        # multi-word titles ("Prime Minister", "Lt. Gen.", "Secretary of State")
        tl = _match_title(text, t.start, res) if s[:1].isupper() else 0
        if tl and _ends_at_token(toks, i, t.start + tl):
            j = i
            while j < len(toks) and toks[j].end <= t.start + tl:
                j += 1
            units.append(_Unit(t.start, t.start + tl, text[t.start:t.start + tl], "title", None, initial))
            prev_text = text[toks[j - 1].start:toks[j - 1].end]
            i = j
            continue
        end = t.end
        # absorb the period of an initial ("John F. Kennedy") or abbreviation ("Jr.")
        if i + 1 < len(toks) and text[toks[i + 1].start:toks[i + 1].end] == "." and toks[i + 1].start == t.end and (
            len(s) == 1 and s.isupper() or s + "." in res.postnominals or s in ("Jr", "Sr", "St")
            or s + "." in res.org_cues
        ):
            end = toks[i + 1].end
            i += 1
        s2 = text[t.start:end]
        if s2 in res.postnominals or s2 in ("Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"):
            kind = "post"
        elif s2 in res.calendar_words and not (s2 in res.given_names and i + 1 < len(toks)
                                                and text[toks[i + 1].start:toks[i + 1].start + 1].isupper()):
            kind = "other"
        elif _is_cap_token(s2):
            kind = "cap"
        elif s2 in res.particles:
            kind = "particle"
        elif s2 in ("of", "&", "de", "the", "for", "and", "on"):
            kind = "joint"
        else:
            kind = "other"
        units.append(_Unit(t.start, end, s2, kind, None, initial))
        prev_text = s
        i += 1
    return units


def _match_title(text: str, pos: int, res: Resources) -> int:
    """Length of the longest title starting at ``pos`` (0 if none)."""
    word = re.match(r"[A-Z][\w-]*", text[pos:pos + 40])
    if not word or word.group(0).rstrip(".") not in res.title_words:
        return 0
    best = 0
    for t in _titles_by_first(res).get(word.group(0), ()):
        if text.startswith(t, pos) and len(t) > best:
            nxt = text[pos + len(t): pos + len(t) + 1]
            if not nxt or not (nxt.isalnum() or nxt in "-'’"):
                best = len(t)
    return best


def _titles_by_first(res: Resources) -> dict:
    return res.titles_by_first


def _group_titles(titles) -> dict[str, tuple[str, ...]]:
    """Titles grouped by their first word ("Prime" -> ("Prime Minister", ...))."""
    out: dict[str, list[str]] = {}
    for t in titles:
        first = re.match(r"[A-Z][\w-]*", t)
        if first:
            out.setdefault(first.group(0), []).append(t)
    return {k: tuple(v) for k, v in out.items()}


def _ends_at_token(toks, i: int, end: int) -> bool:
    for t in toks[i:]:
        if t.end == end:
            return True
        if t.end > end:
            return False
    return False


def _tok_range(doc: Doc, sent) -> slice:
    starts = doc.token_starts
    a = bisect.bisect_left(starts, sent.start)
    b = bisect.bisect_left(starts, sent.end)
    return slice(a, b)


class _Run(list):
    """A run of units being built, with the counts :func:`_joint_ok` asks about, kept up to date
    as units are added (so that deciding each joint costs O(1), not a rescan of the run)."""

    def __init__(self, org_cues: frozenset):
        super().__init__()
        self.org_cues = org_cues
        self.of_for = self.org_cue = self.names = self.not_cap = 0

    def extend(self, units) -> None:
        for u in units:
            self.append(u)
            self.of_for += u.text in ("of", "for")
            self.org_cue += u.text in self.org_cues
            self.names += u.kind in ("cap", "gaz")
            self.not_cap += u.kind != "cap"


def _org_cue_ahead(units: list[_Unit], org_cues: frozenset) -> list[bool]:
    """``out[j]``: an organisation head word occurs in ``units[j:]`` before the first unit that is
    neither a name nor a joint ("... and Manufacturers of America": yes at "Manufacturers")."""
    out = [False] * (len(units) + 1)
    for j in range(len(units) - 1, -1, -1):
        u = units[j]
        out[j] = u.kind in ("cap", "gaz", "joint") and (u.text in org_cues or out[j + 1])
    return out


def _runs(units: list[_Unit]) -> list[list[_Unit]]:
    """Maximal runs of name-like units; joints/particles only between name units."""
    org_cues = resources().org_cues
    ahead = _org_cue_ahead(units, org_cues)
    runs: list[list[_Unit]] = []
    cur = _Run(org_cues)
    i = 0
    n = len(units)
    while i < n:
        u = units[i]
        if u.kind in ("cap", "gaz", "title", "post"):
            cur.extend((u,))
            i += 1
            continue
        if cur and u.kind in ("particle", "joint"):
            # look ahead: joint words may chain ("of the"), must end on a name unit
            j = i
            while j < n and units[j].kind in ("particle", "joint"):
                j += 1
            if j < n and units[j].kind in ("cap", "gaz") and j - i <= 2:
                joint = [x.text for x in units[i:j]]
                if _joint_ok(cur, joint, units[j], ahead[j]):
                    cur.extend(units[i:j])
                    i = j
                    continue
        if cur and u.text == "," and _comma_campus(cur, units[i + 1:i + 4]):
            # "University of California, Berkeley": a campus after a comma belongs to the name
            k = i + 1
            while k < n and units[k].kind in ("cap", "gaz"):
                k += 1
            cur.extend(units[i:k])
            i = k
            continue
        if cur:
            runs.append(list(cur))
            cur = _Run(org_cues)
        i += 1
    if cur:
        runs.append(list(cur))
    return runs


def _comma_campus(left: list[_Unit], nxt: list[_Unit]) -> bool:
    """``left`` is "<Org head> of <Place>" and ``nxt`` (after a comma) one or two name words ending
    the phrase: "University of California, Berkeley"."""
    res = resources()
    if len(left) < 3 or left[0].text not in res.org_cues or left[1].text != "of":
        return False
    if not (left[-1].kind == "gaz" and left[-1].gaz is not None and left[-1].gaz.type == "GPE"):
        return False
    k = 0
    while k < len(nxt) and nxt[k].kind in ("cap", "gaz") and not nxt[k].text in res.org_cues:
        k += 1
    if k == 0 or k > 2:
        return False
    return k == len(nxt) or nxt[k].text not in (",", "and", "or", "&") and nxt[k].kind not in ("cap", "gaz", "joint")


def _joint_ok(left: _Run, joint: list[str], right: _Unit, org_ahead: bool = False) -> bool:
    """May ``joint`` words join the name units ``left`` and ``right`` into one name?
    (``org_ahead``: an organisation head word follows in the continuation from ``right`` on.)"""
    res = resources()
    if joint == ["&"]:
        return True
    if all(j in res.particles for j in joint):
        return left[-1].kind == "cap" and right.kind == "cap"
    if joint == ["and"]:
        if right.kind != "cap":
            return False
        # "Chamber of Commerce and Industry", "Center for Law and Technology": inside an org name
        if left.of_for and left.org_cue and left[-1].kind != "gaz":
            return True  # but "Bank of America and Goldmere Holdings" are two
        # "Pharmaceutical Research and Manufacturers of America": a multi-word left part that is
        # not a complete name, and an organisation head word in the continuation
        return (left.names >= 2 and not left.not_cap and left[-1].text not in res.org_cues
                and left[0].text not in res.given_names and org_ahead)
    if joint[0] in ("for", "on"):
        return left[-1].text in res.org_cues and right.kind == "cap"  # "Council on Foreign Relations"
    if joint[0] == "of":
        if right.kind == "gaz" and right.gaz is not None and right.gaz.type == "ORG":
            return False  # "Foreign Affairs Council of the European Union": the parent stands alone
        last = left[-1].text
        if last in res.org_cues or last in res.place_cues:
            return True
        if len(left) == 1 and left[0].kind == "cap" and right.kind == "cap" and joint == ["of"]:
            return True  # "Den of Geek"
    return False


def _name_runs(doc: Doc, res: Resources, gaz_at: dict) -> tuple[list[Cand], dict]:
    """Name candidates from capitalised runs, plus document-level evidence for later passes."""
    text = doc.text
    quote_starts = {q.start for q in doc.quotes}
    out: list[Cand] = []
    mid_caps: set[str] = set()       # capitalised words seen in non-initial position
    lower_words: set[str] = set()
    per_sent: list[tuple] = []
    for sent in doc.sentences:
        units = _units(doc, sent, res, gaz_at, quote_starts)
        words = [u.text for u in units]
        title_line = _is_title_line(doc, sent, words)
        for u in units:
            if u.text[:1].islower():
                lower_words.add(u.text)
            elif not title_line and not u.initial and u.kind in ("cap", "gaz"):
                mid_caps.add(u.text)
        per_sent.append((sent, units, title_line))

    for sent, units, title_line in per_sent:
        if title_line:
            continue  # handled after the body: only known names count in title-case lines
        for run in _runs(units):
            out.extend(_interpret_run(run, res, mid_caps, lower_words, text))
    evidence = {"mid_caps": mid_caps, "lower": lower_words,
                "title_sents": [(s, u) for s, u, t in per_sent if t]}
    return out, evidence


def _strip_initial(run: list[_Unit], res: Resources, mid_caps: set, lower_words: set) -> list[_Unit]:
    """Drop a sentence-initial capital that is an ordinary word ("The", "Throughout", "Earlier").

    After a drop (and the joints after it) the next unit counts as initial in turn.  The run is
    walked with an index and copied once, so a long run costs linear time."""
    i, n = 0, len(run)
    while i < n and (i > 0 or run[0].initial) and run[i].kind == "cap":
        w = run[i].text
        if _ACRONYM.match(w) and w not in res.not_names:
            break  # "BMW sales rose": acronyms are not ordinary words
        if n - i > 1 and run[i + 1].kind == "title" and w.lower() not in res.stopwords and not _VERBAL.search(w):
            break  # "Harbour Commissioner Jane Doe": a modifier of the title
        low = w.lower()
        if low in res.stopwords or (w not in res.given_names and _VERBAL.search(w) and n - i > 1) or (
                w not in mid_caps and w not in res.given_names and (
                low in lower_words or n - i == 1 or run[i + 1].kind not in ("cap",))):
            i += 1
            while i < n and run[i].kind in ("joint", "particle"):
                i += 1
            continue
        break
    if i == 0:
        return run
    if i >= n:
        return []
    u = run[i]
    return [_Unit(u.start, u.end, u.text, u.kind, u.gaz, True)] + run[i + 1:]


def _interpret_run(run: list[_Unit], res: Resources, mid_caps: set, lower_words: set, text: str) -> list[Cand]:
    run = _strip_initial(run, res, mid_caps, lower_words)
    # trailing joints can't end a run
    e = len(run)
    while e and run[e - 1].kind in ("joint", "particle"):
        e -= 1
    run = run[:e]
    if not run:
        return []
    surface = text[run[0].start:run[-1].end]
    if surface in res.not_names:
        return []
    # lowercase "the" can't start a name; capitalised "The" mid-sentence may ("The Week")
    out: list[Cand] = []
    # split at the last title followed by a name
    t_idx = [i for i, u in enumerate(run) if u.kind == "title"]
    if t_idx and run[-1].kind == "cap" and run[-1].text in res.org_cues and t_idx[-1] < len(run) - 1 and (
            run[t_idx[-1] + 1].text not in res.given_names):
        # "Justice Party", "Chancellor College": a title word inside an organisation's name
        run = [_Unit(u.start, u.end, u.text, "cap" if u.kind == "title" else u.kind, u.gaz, u.initial) for u in run]
        t_idx = []
    role: Cand | None = None
    if t_idx:
        ti = None
        for i in reversed(t_idx):
            if i + 1 < len(run) and run[i + 1].kind in ("cap", "gaz") and run[i + 1].text not in res.stopwords:
                ti = i
                break
        if ti is None and run[0].kind == "cap" and run[0].text in res.given_names and len(run) >= 2:
            run = [_Unit(u.start, u.end, u.text, "cap" if u.kind == "title" else u.kind, u.gaz, u.initial) for u in run]
            t_idx = []
        elif ti is None:
            # titles without a name after them: not a name ("News Editor"); keep gazetteer parts
            return [u.gaz for u in run if u.kind == "gaz" and u.gaz is not None]
    if t_idx:
        title = run[ti].text
        cls, kind, gender = res.titles.get(title, ("", "honorific", ""))
        prefix = run[: ti + 1]
        name = run[ti + 1:]
        mods = [u for u in prefix[:-1]]
        if kind == "office":
            role_start = prefix[0].start
            # modifiers must be names (gazetteer or capitalised words), not joints
            while mods and mods[0].kind not in ("gaz", "cap", "title"):
                mods = mods[1:]
                role_start = mods[0].start if mods else run[ti].start
            mod = " ".join(u.text for u in mods if u.kind in ("gaz", "cap"))
            role = Cand(role_start, run[ti].end, "PERSON", "role", "title", "", cls, gender=gender, mod=mod, priority=3)
        else:
            for u in mods:
                if u.kind == "gaz" and u.gaz is not None:
                    out.append(u.gaz)
            role = Cand(-1, -1, "PERSON", "honorific", "", "", cls, gender=gender)
        run = name
    # post-nominals
    person_cue = role is not None
    e = len(run)
    while e and run[e - 1].kind == "post" and run[e - 1].text not in ("Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"):
        person_cue = True
        e -= 1
    run = run[:e]
    if not run:
        return out
    # "The" mid-sentence capitalised belongs to the name; initial "The" was stripped above
    words = [u.text for u in run if u.kind != "joint" or u.text in ("of", "&")]
    kinds = [u.kind for u in run]
    start, end = run[0].start, run[-1].end
    if all(k == "gaz" for k in kinds if k not in ("joint", "particle")):
        gz = [u.gaz for u in run if u.kind == "gaz"]
        if person_cue and len(gz) == 1 and gz[0].type != "PERSON":
            # "President Georgia Smith"? a title before a place name: a name of a person
            pass
        else:
            if role is not None and role.start >= 0 and gz:
                role.target = len(out)  # refers to the following gazetteer mention (rare)
                out.append(role)
            out.extend(gz)
            return out
    # leading gazetteer units that are not part of an organisation/place name are separate mentions
    ntype, ncls = _name_type(words, res)
    if not ntype and not person_cue:
        b, n = 0, len(run)
        while b < n and run[b].kind == "gaz" and n - b > 1 and not (
                run[b].text in res.given_names and run[b + 1].kind == "cap"):
            out.append(run[b].gaz)
            b += 1
            while b < n and run[b].kind in ("joint", "particle"):
                b += 1
        run = run[b:]
        if not run:
            return out
        start, end = run[0].start, run[-1].end
        words = [u.text for u in run]
        if all(u.kind == "gaz" for u in run):
            out.extend(u.gaz for u in run)
            return out
    surface = text[start:end]
    if surface in res.not_names:
        return out
    if not person_cue and (words[-1] in res.misc_cues or len(words) > 2 and words[-2] in res.misc_cues):
        return out  # an event, prize, law or work: not one of our types
    if len(words) == 1 and not person_cue:
        w = words[0]
        if len(w.replace(".", "")) < 2 or re.split(r"['’]", w)[0].lower() in res.stopwords:
            return out  # "I've", "No", "The": function words, not names
        if len(w) >= 4 and w.isupper() and w.lower() in lower_words:
            return out  # "we heard PLENTY": an ordinary word in capitals, not an acronym
        if _NORP_SUFFIX.search(w) and not ntype:
            out.append(Cand(start, end, "NORP", "name", "name", w, priority=2))
            return out
    initial_first = inside = False
    if not ntype and not person_cue and len(run) >= 2:
        k = next((i for i in range(1, len(run)) if run[i].kind == "cap" and run[i].text in res.given_names
                  and run[i - 1].text not in res.given_names and run[i - 1].kind in ("cap", "gaz")
                  and i + 1 < len(run) and run[i + 1].kind in ("cap", "particle")), 0)
        if k and all(re.fullmatch(r"[A-Z]\.", u.text) for u in run[:k]):
            person_cue = True  # "J. Richard West": an initial before the given name
            k = 0
            initial_first = True
        if k:
            # "Federal Prosecutor Carla del Ponte", "Welshman Mark Litton": the name starts at the given name
            out.extend(u.gaz for u in run[:k] if u.kind == "gaz" and u.gaz is not None)
            run = run[k:]
            start, end = run[0].start, run[-1].end
            words = [u.text for u in run]
            person_cue = True
            inside = True
        elif (run[-1].kind == "gaz" and run[-1].gaz is not None and run[-1].gaz.type in ("NORP", "GPE", "LOC")
              and all(u.text in res.place_modifiers for u in run[:-1])):
            # "South American", "Northern Ireland": a modified nationality or place
            g = run[-1].gaz
            return out + [Cand(start, end, g.type, "name", "name", text[start:end], g.cls, priority=2, how="modified")]
        elif _NORP_SUFFIX.search(words[-1]) and words[0] not in res.given_names:
            return out + [Cand(start, end, "NORP", "name", "name", text[start:end], priority=2, how="suffix")]
    how = "cue" if ntype else ""
    if person_cue:
        ntype, ncls, how = "PERSON", "", ("title" if role is not None else "initial" if initial_first
                                       else "given-name-inside" if inside else "postnominal")
    elif not ntype:
        if words[0] in res.given_names and len(words) >= 2 and _works_at(text[max(0, start - 40):start], res):
            ntype, how = "ORG", "affiliation"  # "analysts at Morgan Stanley": people work at an organisation
        elif words[0] in res.given_names and len(words) >= 2:
            ntype, how = "PERSON", "given-name"
        elif len(words) >= 2:
            ntype, how = "PERSON", "multiword"
        else:
            ntype = ""  # single unknown word: decided by coreference / context later
    c = Cand(start, end, ntype, "name", "name", "", ncls, priority=2, how=how)
    if role is not None and role.start >= 0:
        role.target = len(out) + 1
        out.append(role)
    if role is not None and role.gender:
        c.gender = role.gender
    if role is not None and role.cls:
        c.cls = role.cls
        c.mod = role.mod
    out.append(c)
    return out


# --------------------------------------------------------------------------------------
# Overlaps, title lines, coreference
# --------------------------------------------------------------------------------------

def _select(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping candidates: longest first, then priority, then position.

    Characters already taken are marked in a byte array: a candidate is checked and marked in
    time proportional to its length, and each recogniser's spans are disjoint, so the whole
    selection is linear in the text (plus the sort)."""
    chosen: list[Cand] = []
    covered = bytearray(max((c.end for c in cands), default=0) + 1)
    for c in sorted(cands, key=lambda c: (-c.length, -c.priority, c.start)):
        if c.start < 0 or c.end <= c.start:
            continue
        if covered.find(1, c.start, c.end) >= 0:
            continue
        covered[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


@lru_cache(maxsize=4096)
def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip()).lower()


def entity_id(article_id: str, canonical: str) -> str:
    """Stable entity id: a short hash of the article id and the normalised canonical name."""
    h = hashlib.sha1(f"{article_id}|{_norm(canonical)}".encode("utf-8")).hexdigest()[:10]
    return f"E{h}"


def mention_id(article_id: str, start: int, end: int) -> str:
    """Stable mention id from the article id and the span."""
    return f"{article_id}:{start}-{end}"


_WORD_OR_HYPHEN = re.compile(r"[\w-]")


def _find_surfaces(text: str, surfaces) -> list[tuple[int, int]]:
    """Spans of ``surfaces`` in ``text``, left to right, not overlapping: at each position not
    preceded by a word character, the longest surface not followed by a word character or hyphen
    (what ``finditer`` of a longest-first alternation between those boundaries finds).

    The surfaces are walked as a character trie from each possible start, so the cost is the text
    length times the length of the longest prefix walked, however many surfaces there are."""
    trie: dict = {}
    for s in surfaces:
        node = trie
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = None
    firsts = "".join(sorted(k for k in trie if k))
    if not firsts:
        return []
    starts = re.compile(r"(?<![\w])[" + re.escape(firsts) + "]")
    n, out, pos = len(text), [], 0
    for m in starts.finditer(text):
        p = m.start()
        if p < pos:
            continue
        node, i, best = trie, p, -1
        while i < n and text[i] in node:
            node = node[text[i]]
            i += 1
            if "" in node and not _WORD_OR_HYPHEN.match(text, i):
                best = i
        if best > p:
            out.append((p, best))
            pos = best
    return out


def _variant_targets(names: list[list[str]]) -> list[tuple[int, int]]:
    """Pairs ``(a, b)``, in order of ``a``: name ``a`` is a shorter variant of name ``b`` ("Vladimir
    Putin" of "Vladimir V. Putin"): same last word, and a proper subset of ``b``'s words.  ``b`` is
    the last such name in the list, so that taking ``b``'s canonical form for each ``a`` in turn
    gives what comparing every pair in order would.

    Names are grouped by (last word, word set); each group looks up the proper subsets of its
    word set that contain the last word (fewer than 2**(k-1) for k words), or, when that is more
    than the groups sharing its last word, compares with those: linear for names of bounded length.
    """
    last_at: dict[tuple[str, frozenset], int] = {}
    by_last: dict[str, list[frozenset]] = {}
    for i, toks in enumerate(names):
        key = (toks[-1], frozenset(toks))
        if key not in last_at:
            by_last.setdefault(toks[-1], []).append(key[1])
        last_at[key] = i
    best: dict[tuple[str, frozenset], int] = {}   # key -> last index of a proper superset
    for (last, words), i in last_at.items():
        others = sorted(words - {last})
        peers = by_last[last]
        if len(others) < 20 and 2 ** len(others) <= len(peers):
            subsets = (frozenset(c) | {last} for r in range(len(others)) for c in _combinations(others, r))
            subsets = [x for x in subsets if (last, x) in last_at]
        else:
            subsets = [x for x in peers if x < words]
        for x in subsets:
            if best.get((last, x), -1) < i:
                best[(last, x)] = i
    out = []
    for a, toks in enumerate(names):
        b = best.get((toks[-1], frozenset(toks)))
        if b is not None:
            out.append((a, b))
    return out


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w not in ("The",))


def find_mentions(doc: Doc) -> list[Mention]:
    """All entity mentions of ``doc`` in text order (see module docstring)."""
    res = resources()
    text = doc.text
    cands, ev = _candidates(doc, res)
    chosen = _select(cands)
    chosen = _type_uncued_runs(doc, chosen, res)

    # role -> the name it introduces (title roles)
    names = [c for c in chosen if c.kind == "name"]
    # --- person clusters: full names first -------------------------------------------------
    full_persons = [c for c in names if c.type == "PERSON" and len(text[c.start:c.end].split()) >= 2]
    canon: dict[int, str] = {}        # id(cand) -> canonical entity name
    for c in full_persons:
        canon[id(c)] = text[c.start:c.end]
    # merge full names that are variants ("Vladimir V. Putin" / "Vladimir Putin")
    token_sets = {}
    for c in full_persons:
        s = canon[id(c)]
        toks = [w for w in s.split() if not re.match(r"^(?:[A-Z]\.?|Jr\.?|Sr\.?|I{2,3}|IV)$", w)] or s.split()
        token_sets[id(c)] = toks
    for a, b in _variant_targets([token_sets[id(c)] for c in full_persons]):
        canon[id(full_persons[a])] = canon[id(full_persons[b])]
    # name parts -> full names (single-token persons with a title cue name themselves)
    part_index: dict[str, list[Cand]] = {}
    for c in full_persons:
        toks = token_sets[id(c)]
        parts = {toks[-1], toks[0]} if not c.how.startswith("multiword") else {toks[-1]}
        for w in parts:
            part_index.setdefault(w, []).append(c)
    for c in names:
        s1 = text[c.start:c.end]
        if c.type == "PERSON" and c.rule == "name" and " " not in s1 and s1 not in part_index:
            canon[id(c)] = s1
            token_sets[id(c)] = [s1]
            part_index[s1] = [c]
    # ORG acronyms of long names in this article
    long_orgs = {}
    for c in names:
        if c.type == "ORG" and len(text[c.start:c.end].split()) >= 2:
            ent = c.entity or text[c.start:c.end]
            long_orgs.setdefault(_initials(ent), ent)

    # --- title lines: only names known from the body count --------------------------------
    known: dict[str, Cand] = {}
    for c in names:
        s = text[c.start:c.end]
        if c.rule == "name" and c.type and (" " in s or c.type == "PERSON"):
            known.setdefault(s, c)
    for w, lst in part_index.items():
        if any(token_sets[id(c)][-1] == w for c in lst):  # surnames, not first names
            known.setdefault(w, lst[0])
            if len(w) > 2:
                known.setdefault(w.upper(), lst[0])  # "PENCE:" speaker labels in transcripts
    if known:
        taken = [(c.start, c.end) for c in chosen]
        t_starts = [a for a, _ in taken]
        extra = []
        for ms, me in _find_surfaces(text, known):
            k = bisect.bisect_right(t_starts, ms) - 1
            if k >= 0 and taken[k][1] > ms:
                continue
            if k + 1 < len(taken) and taken[k + 1][0] < me:
                continue
            kc = known[text[ms:me]]
            extra.append(Cand(ms, me, kc.type, "name", "name", kc.entity, kc.cls, priority=2))
        if extra:
            chosen = sorted(chosen + extra, key=lambda c: c.start)
            names = [c for c in chosen if c.kind == "name"]

    # --- assign entities to names ---------------------------------------------------------
    # part_index lists are in text order: the nearest full name is found by bisection
    part_starts = {w: [f.start for f in lst] for w, lst in part_index.items()}
    first_as_surname = {w: min((f.start for f in lst if token_sets[id(f)][-1] == w), default=None)
                        for w, lst in part_index.items()}

    def nearest(w: str, pos: int) -> Cand:
        k = bisect.bisect_right(part_starts[w], pos)
        return part_index[w][k - 1] if k else part_index[w][0]

    ent_of: dict[int, tuple[str, str]] = {}   # id(cand) -> (canonical, type)
    for c in names:
        s = text[c.start:c.end]
        if (c.rule == "gazetteer" and c.type in ("GPE", "LOC") and " " not in s and s in part_index
                and first_as_surname[s] is not None and first_as_surname[s] < c.start):
            # "Mateus Ferreira Lima ... Lima struck again": a surname that is also a city
            full = nearest(s, c.start)
            ent_of[id(c)] = (canon[id(full)], "PERSON")
            c.how = "surname"
            continue
        if c.rule in ("gazetteer", "date", "dateline"):
            ent_of[id(c)] = (c.entity or s, c.type)
            continue
        if id(c) in canon:
            ent_of[id(c)] = (canon[id(c)], "PERSON")
            continue
        toks = s.split()
        if len(toks) == 1 and s in part_index and c.type in ("", "PERSON"):
            full = nearest(s, c.start)
            ent_of[id(c)] = (canon[id(full)], "PERSON")
            continue
        if len(toks) == 1 and s.isupper() and s.title() in part_index:
            full = nearest(s.title(), c.start)  # "PENCE:" in a transcript
            ent_of[id(c)] = (canon[id(full)], "PERSON")
            continue
        if c.type == "ORG" and s.startswith("The ") and s[4:] in res.names and res.names[s[4:]].type == "ORG":
            ent_of[id(c)] = (res.names[s[4:]].entity, "ORG")  # "The Associated Press" = "AP"
            continue
        if c.type == "ORG" or (not c.type and _ACRONYM.match(s)):
            key = s.replace(".", "")
            if key in long_orgs and len(toks) == 1:
                ent_of[id(c)] = (long_orgs[key], "ORG")
            else:
                ent_of[id(c)] = (s, "ORG")
            continue
        if c.type:
            ent_of[id(c)] = (s, c.type)
            continue
        ent_of[id(c)] = (s, "")
    # short forms of organisations named in full: "Harwell" after "Harwell Foods Inc."
    org_first: dict[str, str] = {}
    for c in names:
        if c.type == "ORG" and c.rule == "name" and id(c) in ent_of:
            w = text[c.start:c.end].split()
            if (len(w) >= 2 and w[0][:1].isupper() and w[0] != "The" and w[0].lower() not in res.stopwords
                    and w[0] not in res.names and w[0] not in res.org_cues and w[0] not in res.place_modifiers
                    and not _ACRONYM.match(w[0])):
                org_first.setdefault(w[0], ent_of[id(c)][0])
    datelines = {c.entity: c.type for c in names if c.rule == "dateline"}
    unknown_by_surface: dict[str, list[Cand]] = {}
    for c in names:
        if ent_of.get(id(c), ("", "x"))[1] == "":
            unknown_by_surface.setdefault(text[c.start:c.end], []).append(c)
    nb = _Neighbours(chosen)
    for s, lst in unknown_by_surface.items():
        votes = [_evidence(doc, c, chosen, res, nb=nb) for c in lst]
        if s in org_first and any(t in ("GPE", "LOC") for t, cue in votes):
            org_first.pop(s)  # "travel to Cherating ... in Cherating": the place, not the org named after it
        if s in org_first or s in datelines:
            # a dateline place first: "MILLBROOK, Ohio" makes "Millbrook" the town, not its police
            ent = (s, datelines[s]) if s in datelines else (org_first[s], "ORG")
            for c in lst:
                ent_of[id(c)] = ent
                c.how = "dateline-name" if s in datelines else "short-form"
            continue
        strong = [t for t, cue in votes if t]
        # no evidence anywhere in the article: not kept (a capitalised word of unknown kind)
        t = max(sorted(set(strong)), key=strong.count) if strong else ""
        cue = next((cu for tt, cu in votes if tt == t), "") if t else ""
        for c in lst:
            ent_of[id(c)] = (s, t)
            c.how = "context-" + cue if strong else "default"

    # --- record person attributes: title class, affiliation, gender ------------------------
    person_attr: dict[str, dict] = {}
    for i, c in enumerate(chosen):
        if c.kind == "role" and c.rule == "title":
            # the next name candidate is the titled person
            j = i + 1
            if j < len(chosen) and chosen[j].kind == "name" and id(chosen[j]) in ent_of:
                ent = ent_of[id(chosen[j])]
                if ent[1] == "PERSON":
                    a = person_attr.setdefault(ent[0], {"cls": set(), "mods": set(), "gender": "", "titles": set()})
                    a["cls"].add(c.cls)
                    span = text[c.start:c.end]
                    a["titles"].add(span.lower())
                    a["titles"].update(full for ab, full in res.title_full.items() if span.endswith(ab))
                    if c.mod:
                        a["mods"].update(_mod_keys(c.mod, res))
                    if c.gender:
                        a["gender"] = c.gender
                    ent_of[id(c)] = ent
        elif c.kind == "name" and c.gender and ent_of.get(id(c), ("", ""))[1] == "PERSON":
            a = person_attr.setdefault(ent_of[id(c)][0], {"cls": set(), "mods": set(), "gender": "", "titles": set()})
            a["gender"] = a["gender"] or c.gender
            if c.cls:
                a["cls"].add(c.cls)
            if c.mod:
                a["mods"].update(_mod_keys(c.mod, res))
    for c in full_persons:  # a given name that implies a gender
        ent = ent_of.get(id(c))
        g = res.given_gender.get(text[c.start:c.end].split()[0], "") if ent else ""
        if g:
            a = person_attr.setdefault(ent[0], {"cls": set(), "mods": set(), "gender": "", "titles": set()})
            a["gender"] = a["gender"] or g

    # --- resolve roles and pronouns in reading order --------------------------------------
    org_class: dict[str, str] = {}
    for c in names:
        ent = ent_of.get(id(c))
        if ent and c.cls and ent[1] in ("ORG", "GPE"):
            org_class.setdefault(ent[0], c.cls)
    sent_ids = [doc.sentence_index_at(c.start) for c in chosen]
    history = _History(person_attr, org_class, res)
    out_ents: dict[int, tuple[str, str]] = {}
    for idx, c in enumerate(chosen):
        sid = sent_ids[idx]
        if c.kind == "name" or (c.kind == "role" and c.rule == "title"):
            ent = ent_of.get(id(c))
            if ent and ent[0]:
                out_ents[id(c)] = ent
                history.add(sid, idx, ent[0], ent[1])
            continue
        if c.kind == "role":
            ent = history.role(c, text[c.start:c.end].lower())
            if ent:
                out_ents[id(c)] = ent
                history.add(sid, idx, ent[0], ent[1])
            else:
                out_ents[id(c)] = ("", c.type)  # unresolved: kept, with an empty entity_id
            continue
        if c.kind == "pronoun":
            ent = history.pronoun(c, sid, doc)
            if ent:
                # a resolved pronoun does not fix the person's gender: one wrong guess would spread
                out_ents[id(c)] = ent
                history.add(sid, idx, ent[0], ent[1])

    # --- build Mention objects -----------------------------------------------------------
    aid = doc.article.article_id
    q_starts = [q.start for q in doc.quotes]
    mentions: list[Mention] = []
    for idx, c in enumerate(chosen):
        ent = out_ents.get(id(c), ("", c.type or "ORG"))
        if ent[1] == "DROP":
            continue
        canonical, etype = ent
        if not etype:
            continue
        surface = text[c.start:c.end]
        kind = c.kind
        if kind == "name" and canonical and etype in ("PERSON", "ORG", "GPE", "LOC") and _norm(surface) != _norm(canonical):
            kind = "alias"
        sent = doc.sentences[sent_ids[idx]]
        k = bisect.bisect_right(q_starts, c.start) - 1
        inq = k >= 0 and doc.quotes[k].start < c.start and c.end <= doc.quotes[k].end
        mentions.append(Mention(
            article_id=aid, mention_id=mention_id(aid, c.start, c.end),
            entity_id=entity_id(aid, canonical) if canonical else "",
            entity=canonical, entity_type=etype, surface=surface, start=c.start, end=c.end,
            sentence_id=sent.sentence_id, paragraph_id=sent.paragraph_id, zone=sent.zone,
            mention_kind=kind, in_quote=inq, rule=c.rule + (":" + c.how if c.how else ""),
        ))
    return mentions


#: What an uncued multi-word capitalised run with no context cue becomes: "" drops it.
UNCUED_RUN_TYPE = ""


def _type_uncued_runs(doc: Doc, chosen: list[Cand], res: Resources) -> list[Cand]:
    """Type multi-word capitalised runs that carry no cue of their own ("Itaú Unibanco",
    "Santander Brasil") from their context (:func:`_evidence`); those with no evidence
    become :data:`UNCUED_RUN_TYPE` (dropped when it is empty)."""
    text = doc.text
    if not any(c.how == "multiword" for c in chosen):
        return chosen
    reused = frozenset(text[c.start:c.end] for c in chosen
                       if c.kind == "name" and (c.rule == "name" and c.type in ("", "PERSON")
                                                or c.rule == "gazetteer" and c.type in ("GPE", "LOC"))
                       and " " not in text[c.start:c.end])
    out = []
    nb = _Neighbours(chosen)
    for c in chosen:
        if c.how == "multiword":
            t, cue = _evidence(doc, c, chosen, res, reused, nb)
            if cue == "the":
                t = ""  # "the Great Depression", "the First Amendment": not a person; type unknown
            if not t:
                t, cue = UNCUED_RUN_TYPE, "default"
            if not t:
                continue
            c.type, c.how = t, "multiword-" + cue
        out.append(c)
    return out


def _mod_keys(mod: str, res: Resources) -> set[str]:
    """Normalised keys of a role modifier: its own words and, for gazetteer names, the entity."""
    keys = {mod}
    for w in [mod] + mod.split():
        e = res.names.get(w)
        if e is not None:
            keys.add(e.entity)
            keys.add(w)
    return keys


@lru_cache(maxsize=1)
def _title_words_lower_cached(titles: tuple) -> frozenset:
    return frozenset(t.lower() for t in titles)


def _title_words_lower(res: Resources) -> frozenset:
    return _title_words_lower_cached(tuple(sorted(res.titles)))


class _Neighbours:
    """Where the candidates of a non-overlapping, start-ordered list are: by start and by end
    offset, so that :func:`_evidence` looks only at a name's neighbours, not at the whole list."""

    def __init__(self, chosen: list[Cand]):
        self.chosen = chosen
        self.starts = [d.start for d in chosen]
        self.by_end = {d.end: d for d in chosen}

    def near(self, c: Cand, gap: int) -> list[Cand]:
        """Candidates ending at most ``gap`` characters before ``c`` or starting at most ``gap``
        characters after it, in list order."""
        k = bisect.bisect_left(self.starts, c.start - gap)
        j = bisect.bisect_right(self.starts, c.end + gap)
        return [d for d in self.chosen[max(0, k - 1):j]
                if 0 < c.start - d.end <= gap or 0 < d.start - c.end <= gap]


def _is_third_singular(form: str, lemma: str) -> bool:
    f, b = form.split()[0], lemma.split()[0]
    return f in (b + "s", b + "es", b[:-1] + "ies")


def _speech_verbs_after_name() -> list[str]:
    """Speech cues (``cues.tsv``, kind speech) that can follow their speaker: past forms
    ("Ana Costa said", "... testified", "... spoke about") and, for cues without a non-speech
    sense (frame free), the third person singular ("Ana Costa says").  Strict cues in -s are
    left out: they are nouns after a name too often ("Treasury notes", "Medicare claims")."""
    out = []
    for r in lexicons.table("cues.tsv"):
        form, lemma = r["form"], r["lemma"]
        if r["kind"] != "speech" or form == lemma or form.split()[0].endswith("ing"):
            continue
        if _is_third_singular(form, lemma) and r["frame"] != "free":
            continue
        out.append(form)
    return out


def _speakers_before() -> list[str]:
    """Cues that precede their speaker: the forms of "say" in quotative inversion ("…," said
    Ana Costa) and the source phrases ("according to Ana Costa", "in the words of X")."""
    rows = lexicons.table("cues.tsv")
    return ([r["form"] for r in rows if r["kind"] == "speech" and r["lemma"] == "say" and r["form"] != "say"
             and not r["form"].endswith("ing")] + [r["form"] for r in rows if r["kind"] == "source"])


def _words_alt(forms) -> str:
    return "|".join(r"\s+".join(map(re.escape, f.split())) for f in sorted(set(forms), key=lambda f: (-len(f), f)))


@lru_cache(maxsize=1)
def _said_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(after, before): a speech verb (or "who"/an age) after a name, a speech cue before it."""
    after = re.compile(r"\s*(?:,\s*)?(?:" + _words_alt(_speech_verbs_after_name()) + r")\b|\s*,\s*(?:who|whose)\b"
                       r"|\s*,\s*\d{1,3}\s*,")
    before = re.compile(r"\b(?:" + _words_alt(_speakers_before()) + r")\s+$")
    return after, before

_AFFIL_BEFORE = re.compile(r"\b([A-Za-z][\w-]*)\s+(at|for|of|with|from)\s+(?:the\s+)?$")
_APPOSITION = re.compile(r"\s*,\s+((?:[\w’'-]+\s+){0,5}?[\w-]+)(?=\s+(?:at|of|for|in|with|from|and|who|since|on)\b|\s*[,.;:)]|\s+[A-Z])")
_PARTY_AFTER = re.compile(r"\s*[,(]\s*[A-Z]{1,4}-[A-Z][\w.]*")
_OF_PLACE = re.compile(r"\s+of\s+([A-Z][\w.]+(?:\s[A-Z][\w.]+)?)(?=[\s,;.)])")
_APPOS_DET = frozenset({"a", "an", "the", "its", "his", "her", "their", "one", "another", "former", "longtime"})


def _evidence(doc: Doc, c: Cand, chosen: list[Cand], res: Resources, reused: frozenset = frozenset(),
              nb: _Neighbours | None = None) -> tuple[str, str]:
    """Type of an uncued capitalised name from its neighbourhood: ``(type, cue)``, ``("", "")`` if none.

    Cues, in order: a lone given name; a person's possessive before it (an organisation); a byline ("By ..."); an occupation noun right before
    ("economist Ana Costa"); an apposition whose head is a person or organisation noun
    ("X, chief economist at ...", "X, the country's largest bank"); a speech verb, "who" or an
    age after it; "<occupation> at/for/of <X>" or "at <X>" (an organisation); "in/near <X>"
    (a place); coordination with a typed name; a lower-case "the" before it (an institution);
    for multi-word names, the last word reused alone elsewhere in the article (a surname).
    """
    text = doc.text
    nb = nb if nb is not None else _Neighbours(chosen)
    surface = text[c.start:c.end]
    words = surface.split()
    before = text[max(0, c.start - 60):c.start]
    after = text[c.end:c.end + 80]
    p = re.search(r"\b(in|near|outside|across)\s+$", before)
    if p:
        return "GPE", "in"  # "met in Geneva"
    if len(words) == 1 and surface in res.given_names:
        return "PERSON", "given-name"  # "Chris", "Jon": a lone given name
    po = re.search(r"['’]s?\s+$", before)
    owner = nb.by_end.get(c.start - len(po.group(0))) if po else None
    if po and len(words) > 1 and owner is not None and owner.kind in ("name", "alias") and owner.type == "PERSON":
        return "ORG", "owner"  # "Warren Buffett's Berkshire Hathaway": a person's named holding is a business
    na = re.match(r"\s+([a-z][\w-]*)\s+[A-Z]", after)
    if na and na.group(1) in res.person_nouns:
        return "ORG", "noun-after"  # "Riverton coach Sean Gallagher", "Harwell spokesman Tim Ode"
    if re.search(r"(?:^|\n)[ \t]*(?:By|BY)\s+$", before):
        return "PERSON", "byline"
    if re.match(r"\s*/\s*[A-Z]", after) or doc.sentences[doc.sentence_index_at(c.start)].zone == "credit":
        return "PERSON", "credit"  # photo credit "Jane Doe/AFP/Getty": the photographer
    pw = re.search(r"([A-Za-z-]+)(,?)\s+$", before)
    if pw and pw.group(1) in res.person_nouns:
        return "PERSON", "noun-before"  # "economist Ana Costa", "a spokesman, Yuri Vasliev,"
    if _PARTY_AFTER.match(after):
        return "PERSON", "party-label"  # "Ana Roe (D-Calif.)", "Abu Ujang (BN-Kuala Pilah)"
    of = _OF_PLACE.match(after)
    if of and len(words) > 1:
        e = res.names.get(of.group(1))
        if e is not None and e.type == "GPE":
            return "PERSON", "of-country"  # "Bente Martinsen of Norway" (a sports result)
    m = _APPOSITION.match(after)
    if m:
        head = [w for w in m.group(1).split() if not w.endswith(("'s", "’s"))]
        h = head[-1].lower() if head else ""
        if h in res.person_nouns or (h.endswith("s") and h[:-1] in res.person_nouns and False):
            return "PERSON", "apposition"
        if h in res.org_nouns:
            return "ORG", "apposition"
    m = _AFFIL_BEFORE.search(before)
    if m:
        noun = m.group(1).lower()
        if m.group(2) == "of" and noun in res.place_nouns:
            return "GPE", "place-noun"  # "the town of Afula"
        if m.group(2) == "of" and noun in res.org_parts:
            return "ORG", "org-part"  # "shares of Harwell"
        person = noun in res.person_nouns or (noun.endswith("s") and noun[:-1] in res.person_nouns)
        if (person or m.group(2) == "at" and len(words) > 1) and not (len(words) == 1 and _premodifier(after, res)):
            return "ORG", "affiliation"  # "economists at X", "a spokesperson for X"
    op = re.match(r"['’]s\s+(?:[a-z-]+\s+)?([a-z]+)\b", after)
    if op and op.group(1) in res.org_parts:
        return "ORG", "org-part"  # "Harwell's shareholders", "Orrin's quarterly earnings"
    said_after, said_before = _said_patterns()
    if said_after.match(after) or said_before.search(before):
        return "PERSON", "said"
    # coordination with typed names: "The Week, the River Journal, Den of Geek and Maxim"
    b6 = text[max(0, c.start - 6):c.start]
    a6 = text[c.end:c.end + 6]
    listy = re.match(r"\s*(,|and\b|or\b|\.|$)", a6)  # a list member ends at a comma, and, or
    if re.search(r"(,|\band|\bor)\s*(the\s+)?$", b6) or re.match(r"\s*(,|and\b|or\b)", a6):
        for d in nb.near(c, 12):
            if d is c or d.kind != "name" or d.type not in ("PERSON", "ORG"):  # places: too often wrong
                continue
            if 0 < c.start - d.end <= 12 or 0 < d.start - c.end <= 12:
                gap = text[min(c.end, d.end):max(c.start, d.start)]
                if d.end <= c.start and not listy and not re.fullmatch(r"\s*(and|or)\s*(the\s+)?", gap):
                    continue  # "Itaú Unibanco, the Selic rate": not a list
                if re.fullmatch(r"\s*(,|and|or|, and|, or)\s*(the\s+)?", gap):
                    return d.type, "coordination"
    if re.search(r"(?<![\w])the\s+$", text[max(0, c.start - 5):c.start]) and not (
            len(words) == 1 and (surface in res.place_modifiers or _premodifier(after, res))):
        return "ORG", "the"  # "the Smithsonian", "the Knicks": a definite proper name is an institution
    if len(words) > 1 and words[-1] in reused:
        gaz = res.names.get(words[-1])
        if gaz is None or (len(words) >= 3 and not any(w in res.place_modifiers or _VERBAL.search(w) for w in words)):
            # a word that is also a place counts only in a longer name ("Mateus Ferreira Lima",
            # not "Occupied Southern Lebanon")
            return "PERSON", "surname"
    if len(words) > 1 and chosen:
        # a he/she pronoun soon after, with no other person named in between
        k = bisect.bisect_right(nb.starts, c.start)
        for d in chosen[k:]:
            if d.start - c.end > 200 or (d.kind == "name" and d.type == "PERSON"):
                break
            if d.kind == "pronoun":
                return "PERSON", "pronoun"
    return "", ""


_WORKS_AT = re.compile(r"\b([A-Za-z][\w-]*)\s+at\s+(?:the\s+)?$")


def _works_at(before: str, res: Resources) -> bool:
    """Does ``before`` end in "<occupation noun> at" ("analysts at ", "an economist at the ")?
    What follows is where people work (an organisation), even if its first word is a given name."""
    m = _WORKS_AT.search(before)
    if not m:
        return False
    noun = m.group(1).lower()
    return noun in res.person_nouns or (noun.endswith("s") and noun[:-1] in res.person_nouns)


def _premodifier(after: str, res: Resources) -> bool:
    """Is the word before ``after`` used as a modifier of a common noun ("the Selic rate",
    "the Titanic soundtrack")?  True when a lower-case content word follows directly."""
    m = re.match(r" ([a-z][a-z-]+)\b", after)
    return bool(m) and m.group(1) not in res.stopwords and not _VERBAL.search(m.group(1)) and not (
        m.group(1).endswith("s") and not m.group(1).endswith("ss"))


class _History:
    """The entities mentioned so far, in reading order, indexed for role and pronoun resolution:
    the last organisation of each (type, class); per sentence, the first person of each gender;
    per role query, the answer found so far and how much of the history it has seen."""

    def __init__(self, person_attr: dict, org_class: dict, res: Resources):
        self.person_attr, self.org_class, self.res = person_attr, org_class, res
        self.persons: list[str] = []                      # PERSON entities, in order mentioned
        self.last_of: dict[tuple, str] = {}                # (type, org class) -> latest entity
        self.first_in: dict[int, dict[str, tuple]] = {}    # sentence -> gender -> (order, entity)
        self.role_seen: dict[tuple, tuple] = {}            # role query -> (answer, persons seen)

    def add(self, sid: int, idx: int, ent: str, etype: str) -> None:
        self.last_of[(etype, self.org_class.get(ent))] = ent
        if etype == "PERSON":
            self.persons.append(ent)
            g = self.person_attr.get(ent, {}).get("gender", "")
            self.first_in.setdefault(sid, {}).setdefault(g, (idx, ent))

    def role(self, c: Cand, span: str):
        """The entity a role description refers to: the most recent compatible one, or None.

        A role noun that is itself a title ("the president", "the minister") needs a person who
        was given that title; a generic one ("the chief", "the leader") any title of its class.
        An organisation role ("the alliance") needs an organisation of that class.
        """
        if c.type != "PERSON":
            ent = self.last_of.get((c.type, c.cls))
            return (ent, c.type) if ent is not None else None
        res = self.res
        mod_keys = frozenset(_mod_keys(c.mod, res)) if c.mod else frozenset()
        noun = max((r for r in res.roles if span.endswith(r)), key=len, default="")
        specific = noun in _title_words_lower(res)
        query = (specific and noun, c.cls, mod_keys)
        found, seen = self.role_seen.get(query, (None, 0))
        for k in range(len(self.persons) - 1, seen - 1, -1):  # only what was added since last asked
            if _fits_role(self.person_attr.get(self.persons[k]), *query):
                found = self.persons[k]
                break
        self.role_seen[query] = (found, len(self.persons))
        return (found, "PERSON") if found is not None else None

    def pronoun(self, c: Cand, sid: int, doc: Doc):
        """Leftmost compatible person of the current sentence (before the pronoun), else of the
        nearest of the three previous sentences that names one."""
        zone = doc.sentences[sid].zone
        for back in range(0, 4):
            s = sid - back
            if s < 0:
                break
            if back and doc.sentences[s].zone != zone and {zone, doc.sentences[s].zone} - {"body", "caption"}:
                break
            first = self.first_in.get(s, {})
            persons = [v for g, v in first.items() if not g or not c.gender or g == c.gender]
            if persons:
                return (min(persons)[1], "PERSON")
        return None


def _fits_role(a: dict | None, noun, cls: str, mod_keys: frozenset) -> bool:
    """May a person with attributes ``a`` (titles, classes, modifiers) be called by the role?"""
    if not a:
        return False
    if noun and not any(noun in t for t in a["titles"]):
        return False
    if cls and cls not in a["cls"]:
        return False
    return not mod_keys or bool(mod_keys & a["mods"])


# --------------------------------------------------------------------------------------
# Table
# --------------------------------------------------------------------------------------

def mentions_table(doc: Doc, mentions: list[Mention]) -> pd.DataFrame:
    """One row per mention (see :data:`MENTION_COLUMNS`), in text order."""
    if not mentions:
        return empty_table(MENTION_COLUMNS)
    data = {col: [getattr(m, col) for m in mentions] for col in MENTION_COLUMNS}
    return typed_frame(data, MENTION_COLUMNS)


# --------------------------------------------------------------------------------------
# Summaries of a mentions table (used by notebook 02 and its charts)
# --------------------------------------------------------------------------------------

#: Display order of entity types, and one colour per type for every chart.
TYPE_COLOURS: dict[str, str] = {
    "PERSON": "#4c72b0", "ORG": "#dd8452", "GPE": "#55a868", "NORP": "#8172b3",
    "LOC": "#64b5cd", "WEAPON": "#c44e52", "DATE": "#937860",
}


def entity_summary(table: pd.DataFrame, zones: tuple[str, ...] | None = None) -> pd.DataFrame:
    """One row per resolved entity: mentions in total and by kind, quoted share, first offset.

    Sorted by mentions (descending), then first offset, then entity_id; unresolved
    mentions (empty ``entity_id``) are left out.  ``zones`` restricts the count.
    """
    cols = ["entity_id", "entity", "entity_type", "mentions", "name", "alias", "role", "pronoun",
            "in_quote", "first_start"]
    t = table[table["entity_id"] != ""]
    if zones is not None:
        t = t[t["zone"].isin(zones)]
    if t.empty:
        return pd.DataFrame({c: [] for c in cols})
    kinds = pd.crosstab(t["entity_id"], t["mention_kind"]).reindex(columns=list(MENTION_KINDS), fill_value=0)
    g = t.groupby("entity_id").agg(entity=("entity", "first"), entity_type=("entity_type", "first"),
                                   mentions=("mention_id", "size"), in_quote=("in_quote", "sum"),
                                   first_start=("start", "min"))
    out = g.join(kinds).reset_index()
    out = out.sort_values(["mentions", "first_start", "entity_id"], ascending=[False, True, True], kind="stable")
    out = out[cols].reset_index(drop=True)
    for c in ("mentions", "name", "alias", "role", "pronoun", "in_quote", "first_start"):
        out[c] = out[c].astype("int64")
    return out


def cooccurrence(table: pd.DataFrame, entity_ids: list[str]) -> pd.DataFrame:
    """Sentences in which each pair of the given entities is mentioned together.

    A square frame indexed by entity name (in the given order); the diagonal holds the
    number of sentences mentioning the entity at all.
    """
    names = table.drop_duplicates("entity_id").set_index("entity_id")["entity"]
    sents = table[table["entity_id"].isin(entity_ids)].groupby("entity_id")["sentence_id"].apply(set)
    labels = [str(names.get(e, e)) for e in entity_ids]
    data = [[len(sents.get(a, set()) & sents.get(b, set())) for b in entity_ids] for a in entity_ids]
    return pd.DataFrame(data, index=labels, columns=labels, dtype="int64")


def quote_split(table: pd.DataFrame, entity_ids: list[str]) -> pd.DataFrame:
    """Per entity: mentions inside quotations and in narration, and the quoted share (0–1)."""
    rows = []
    for e in entity_ids:
        t = table[table["entity_id"] == e]
        q = int(t["in_quote"].sum())
        rows.append({"entity": str(t["entity"].iloc[0]) if len(t) else e, "in_quote": q,
                     "narration": int(len(t) - q), "quoted_share": round(q / len(t), 3) if len(t) else 0.0})
    return pd.DataFrame(rows, columns=["entity", "in_quote", "narration", "quoted_share"])
