"""Recognisers: each finds one kind of candidate span; :data:`RECOGNISERS` runs them in order.

Order matters only for ties: when two candidates have the same span and priority, the one
found first is kept (:func:`select`).  Every recogniser sees what the earlier ones found
(the name-run reader needs the gazetteer names, to read "New York" as one unit).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from analysis import lexicons
from analysis.tokenise import Doc

from .names import name_runs
from .records import Cand
from .scan import finditer_at_word_starts, fold_spans
from .resources import Resources
from .units import PARTY_LABEL
from .orgnames import (capitalised_term_acronyms, designated_companies, party_members, party_seats, possessive_companies,
                       slash_firms, term_acronyms,
                       town_state_papers)
from .wire import caps_known_places, dated_datelines, result_lines
from .works import drop_names_in_titles, drop_names_of_craft, work_title_spans

_UC = "A-Z\u00c0-\u00d6\u00d8-\u00de"  # upper-case letters incl. Latin-1 accented ("SÃO PAULO")
_DATELINE = re.compile(rf"([{_UC}][{_UC}.'-]+(?: [{_UC}][{_UC}.'-]+){{0,3}})(?=,| \(| _| --| \u2014| \u2013)")
# what must follow a dateline place: optional ", State"/", Sept. 5" parts, an optional "(Agency)", then
# a dash ("—", "–", "―", "--", "_", " - "). "BYD, the Chinese rival ..." (an appositive) is no dateline.
_DATELINE_TAIL = re.compile(r"(?:,[ \t]*[A-Z0-9][\w.'&-]*(?:[ \t][A-Z0-9][\w.'&-]*){0,3}){0,3}"
                            r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*(?:[\u2014\u2013\u2015_]|--|-(?=[ \t]))")
_PARTY_AFTER_NAME = re.compile(r"[,(]\s*(" + PARTY_LABEL.pattern + ")")
_NEXT_CAP_WORD = re.compile(r"\s+([A-Z][\w'’-]+)")


@dataclass
class Found:
    """Candidates found so far in one document."""

    doc: Doc
    res: Resources
    cands: list[Cand] = field(default_factory=list)


def weapon_classes(f: Found) -> None:
    """Weapon class nouns, any case ("howitzers", "Javelin missiles")."""
    text = f.doc.text
    for s, e in fold_spans(f.res.classes_re, f.res.classes_fold_re, text):  # = classes_re.finditer
        g = f.res.classes[text[s:e].lower()]
        f.cands.append(Cand(s, e, "WEAPON", "name", "gazetteer", g.entity, g.cls, priority=2))


_ASCII_WORD = re.compile(r"[A-Za-z]+")


def _after_language_cue(text: str, start: int, res: Resources) -> bool:
    before = _ASCII_WORD.findall(text[max(0, start - 30): start])
    return bool(before) and before[-1].lower() in res.language_cues


def gazetteer_names(f: Found) -> None:
    """Known proper names in one pass.  Not "Ky." inside a party label ("R-Ky."), not a
    nationality word naming a language ("spoke in Russian"); a weapon name that is also an
    ordinary word ("Patriot", "Hellfire") only with another weapon in its sentence."""
    text, res, starts = f.doc.text, f.res, f.doc.sentence_starts
    labels = [(m.start(1), m.end(1)) for m in _PARTY_AFTER_NAME.finditer(text)]  # disjoint, in order
    label_starts = [a for a, _ in labels]
    ambiguous: list[Cand] = []
    for m in finditer_at_word_starts(res.names_re, text):
        k = bisect.bisect_right(label_starts, m.start()) - 1
        if k >= 0 and m.start() < labels[k][1]:
            continue
        e = res.names[m.group(0)]
        c = Cand(m.start(), m.end(), e.type, "name", "gazetteer", e.entity, e.cls, priority=2)
        if e.type == "WEAPON" and e.context:
            ambiguous.append(c)
        elif not (e.type == "NORP" and _after_language_cue(text, m.start(), res)):
            f.cands.append(c)
    sure = {bisect.bisect_right(starts, d.start) for d in f.cands if d.type == "WEAPON"}
    per_sent: dict[int, int] = {}
    for c in ambiguous:
        sid = bisect.bisect_right(starts, c.start)
        per_sent[sid] = per_sent.get(sid, 0) + 1
    f.cands.extend(c for c in ambiguous if bisect.bisect_right(starts, c.start) in sure
                   or per_sent[bisect.bisect_right(starts, c.start)] > 1)


def datelines(f: Found) -> None:
    """"NAIROBI, Kenya (AP) _", "WASHINGTON --": an all-caps place opening a paragraph."""
    text, res = f.doc.text, f.res
    for p in f.doc.article.paragraphs:
        m = _DATELINE.match(text, p.start, p.end)
        if m and len(m.group(1)) >= 3 and _DATELINE_TAIL.match(text, m.end(1), p.end):
            place = m.group(1)
            e = res.names.get(place.title()) or res.names.get(place)
            ent = e.entity if e is not None else place.title()
            etype = e.type if e is not None and e.type in ("GPE", "LOC", "ORG") else "GPE"
            f.cands.append(Cand(m.start(1), m.end(1), etype, "name", "dateline", ent, priority=3))


def wire_lines(f: Found) -> None:
    """Agency copy's non-prose lines (:mod:`.wire`): "KELSO 2001-03-04" datelines, known places in
    all-caps headlines ("TALKS IN GENEVA STALL"), teams in results and standings lines."""
    for find in (dated_datelines, caps_known_places, result_lines):
        f.cands.extend(find(f.doc, f.res))


def capitalised_names(f: Found) -> None:
    """Names no list holds, from runs of capitalised words (:mod:`.names`)."""
    gaz_at = {c.start: c for c in f.cands if c.rule == "gazetteer"}
    dropped: set[int] = set()  # "Billings were estimated": a place name read as a common word
    f.cands.extend(name_runs(f.doc, f.res, gaz_at, dropped))
    if dropped:
        f.cands = [c for c in f.cands if not (c.rule == "gazetteer" and c.start in dropped)]


def company_designators(f: Found) -> None:
    """Company names with a legal-form designator after a comma, in any case ("Harwell Foods,
    Inc.", "ACME WIDGETS, LTD."): :func:`.orgnames.designated_companies`; partners' names joined
    by a slash ("Venn/Okafor"): :func:`.orgnames.slash_firms`; a name whose "'s" comes before a
    verb ("Moody's did not"): :func:`.orgnames.possessive_companies`; a newspaper named by town,
    state and title ("the Orvale (Ala.) Times Daily"): :func:`.orgnames.town_state_papers`."""
    f.cands.extend(designated_companies(f.doc, f.res))
    f.cands.extend(slash_firms(f.doc, f.res))
    f.cands.extend(possessive_companies(f.doc, f.res))
    f.cands.extend(town_state_papers(f.doc, f.res))


def parties(f: Found) -> None:
    """"the Communists" where "the Communist Party" is named: the party (:func:`.orgnames.party_members`);
    "Abu Ujang (BN-Kuala Kelso)": a member's party and seat (:func:`.orgnames.party_seats`)."""
    f.cands.extend(party_members(f.doc, f.res))
    seats = party_seats(f.doc, f.res)  # in text order, disjoint
    if seats:
        starts = [s.start for s in seats]

        def overlaps(c: Cand) -> bool:  # the label's words read as one run ("BN-Kuala Kelso")
            k = bisect.bisect_left(starts, c.end) - 1
            return k >= 0 and seats[k].end > c.start

        f.cands = [c for c in f.cands if c.kind != "name" or not overlaps(c)] + seats


def dates(f: Found) -> None:
    """"February 2022", "last Friday", "earlier this year", "two weeks ago"; a bare year after a
    preposition ("in 2014")."""
    text = f.doc.text
    for m in f.res.date_re.finditer(text):
        f.cands.append(Cand(m.start(), m.end(), "DATE", "name", "date", m.group(0), priority=4))
    for m in finditer_at_word_starts(f.res.year_re, text):
        f.cands.append(Cand(m.start("y"), m.end("y"), "DATE", "name", "date", m.group("y"), priority=4))


_NEXT_WORD = re.compile(r" ([a-z]+)\b")


def modifies_a_noun(text: str, end: int, res) -> bool:
    """A place noun that modifies the noun after it names no place ("the town council", "the
    city officials"): the next word is an organisation, staff, person or place noun."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    w = m.group(1)
    return (w.capitalize() in res.org_cues or w in res.staff_nouns or w in res.person_nouns
            or w in res.place_nouns or w in res.org_nouns or w in res.org_parts)


def roles(f: Found) -> None:
    """Role descriptions ("the NATO chief", "the alliance"); not a title before a name ("the
    Foreign Minister Dmytro Kuleba"), a title as modifier, nor a role whose modifier is a known
    name in a hyphenated compound ("the Kenya-based firm": that name is a mention of its own)."""
    text, res = f.doc.text, f.res
    for m in finditer_at_word_starts(res.role_re, text):
        if re.match(r"\s[A-Z]", text[m.end(): m.end() + 2]):
            after = _NEXT_CAP_WORD.match(text, m.end())
            if after and after.group(1) not in res.stopwords:
                continue
        role = m.group("role") or m.group("crole")
        if m.group("crole") and re.match(r"\s+of\s+[A-Z]", text[m.end():m.end() + 8]):
            continue  # "the Bank of England", "the President of Kenya": a name or a title, read elsewhere
        rtype, rcls = res.roles[role.lower()]
        if rtype in ("GPE", "LOC") and modifies_a_noun(text, m.end(), res):
            continue
        mod = m.group("mod") or ""
        if mod and mod[0].isupper() and mod in res.titles:
            continue
        if "-" in mod and mod.split("-")[0] in res.names:
            continue  # "the Kelso-based firm": the name in a hyphenated modifier is its own mention
        if mod and mod[0].isupper() and role.lower() in lexicons.word_list("coref_owned_roles.txt"):
            continue  # "the Tallow council", "the Plastika factory": the body or building of a name
        f.cands.append(Cand(m.start(), m.end(), rtype, "role", "role", "", rcls, mod=mod, priority=1))


def pronouns(f: Found) -> None:
    """Third-person pronouns with their gender ("he", "her", "they")."""
    text = f.doc.text
    for s, e in fold_spans(f.res.pronoun_re, f.res.pronoun_fold_re, text):  # = pronoun_re.finditer
        g = f.res.pronouns[text[s:e].lower()]
        f.cands.append(Cand(s, e, "PERSON", "pronoun", "pronoun", "", "", gender=g, priority=1))


def work_titles(f: Found) -> None:
    """No names inside the title of a work ('the film "The Baker of Millbrook Lane"'):
    :mod:`.works` drops the name candidates found there."""
    f.cands = drop_names_in_titles(f.cands, work_title_spans(f.doc, f.res))


def term_abbreviations(f: Found) -> None:
    """"sea surface salinity (SSS)": an acronym of a lower-case term is no organisation, nor are
    its later uses (:func:`.orgnames.term_acronyms`); nor is one of capitalised words that hold no
    organisation head word or known name ("the Compact Fluorescent Light (CFL)":
    :func:`.orgnames.capitalised_term_acronyms`)."""
    terms = term_acronyms(f.doc.text) | capitalised_term_acronyms(f.doc.text, f.res)
    if terms:
        text = f.doc.text
        f.cands = [c for c in f.cands if not (c.kind == "name" and text[c.start:c.end].rstrip("s") in terms)]


def markup_entities(f: Found) -> None:
    """"&UR;", "&AMP;": a character entity left in the text by markup is no name."""
    text = f.doc.text
    f.cands = [c for c in f.cands if not (c.kind == "name" and text[c.start - 1:c.start] == "&"
                                          and text[c.end:c.end + 1] == ";")]


def craft_names(f: Found) -> None:
    """No person or organisation in the name of a craft or storm ("the shuttle Endeavour",
    "USS Harlow", "Hurricane Dorrie"): :func:`.works.drop_names_of_craft`."""
    f.cands = drop_names_of_craft(f.doc.text, f.cands)


#: The recognisers, in order.
RECOGNISERS = (weapon_classes, gazetteer_names, datelines, wire_lines, capitalised_names, company_designators,
               parties, dates, roles, pronouns, work_titles, craft_names, term_abbreviations,
               markup_entities)


def candidates(doc: Doc, res: Resources) -> Found:
    """Every candidate span of ``doc`` (overlapping), from :data:`RECOGNISERS` in order."""
    f = Found(doc, res)
    for recognise in RECOGNISERS:
        recognise(f)
    return f


def select(cands: list[Cand]) -> list[Cand]:
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
