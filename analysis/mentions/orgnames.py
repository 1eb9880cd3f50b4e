"""Organisation recognisers for newswire: names that the capitalised-run reader misses or
splits, found by their form.

* :func:`designated_companies` — a company name with its legal-form designator after a comma,
  in any case: "Harwell Foods, Inc.", "ACME WIDGETS, LTD." (copyright and credit lines are in
  capitals, where the run reader trusts no capital).
* :func:`party_members` — "the Communists" in an article that names "the Communist Party": the
  party's members after "the" are the party acting as a body, an alias of it
  (``mentions_party_members.tsv``); without the party named they stay a political group (NORP).
* :func:`slash_firms` — "Venn/Okafor", "TBWA Chiat/Day": names joined by a slash in running text
  (not a credit line "Jane Doe/Reuters") are one firm named after its partners.
* :func:`party_seats` — "Abu Ujang (BN-Kuala Kelso)": a member's party (an acronym, ORG) and
  the seat or state he sits for (a place) in brackets after his name.
* :func:`possessive_companies` — "Moody's did not drop the rating": a name with "'s" and then a
  verb (no noun for a possessive to own) is a company named so ("Moody's", "Harlow's").
* :func:`town_state_papers` — "the Orvale (Ala.) Times Daily": a newspaper named, as US wire copy
  writes it, by its town, its state in brackets and its title, one organisation.
* :func:`term_acronyms` — "sea surface salinity (SSS)": an acronym defined as the initials of
  lower-case words abbreviates a term, not an organisation; none of its uses is a mention; nor
  of capitalised words with no organisation head word or known name among them ("the Compact
  Fluorescent Light (CFL)", "a System Under Test (SUT)": :func:`capitalised_term_acronyms`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from analysis import lexicons
from analysis.tokenise import Doc

from .records import Cand
from .scan import finditer_at_word_starts
from .resources import Resources

_NAME_WORD = r"[A-Z0-9][\w&'’.-]*"


@lru_cache(maxsize=1)
def designators() -> frozenset[str]:
    """Legal-form designators (``mentions_org_designators.txt``) and their all-caps forms."""
    words = lexicons.word_list("mentions_org_designators.txt")
    return frozenset(words) | frozenset(w.upper() for w in words)


def _designator_tail() -> str:
    """A comma and a legal-form designator (", Inc.", ", LTD."), longest designator first."""
    alt = "|".join(re.escape(d) for d in sorted(designators(), key=lambda d: (-len(d), d)))
    return rf",[ \t]*(?P<des>{alt})(?![\w&])"


@lru_cache(maxsize=1)
def _designated_re() -> re.Pattern:
    return re.compile(rf"(?<![\w&'’.-])(?P<name>(?:{_NAME_WORD}[ \t]+){{0,4}}{_NAME_WORD})" + _designator_tail())


@lru_cache(maxsize=1)
def _designator_after_comma() -> re.Pattern:
    """The tail of :func:`_designated_re` alone, found in every one of its matches.  It opens
    with a literal comma, so the engine finds it quickly, where the full pattern (opening with a
    lookbehind) is tried at every position of the text."""
    return re.compile(_designator_tail())


def _name_start(text: str, start: int, end: int, res: Resources) -> int:
    """Start of the name in ``text[start:end]``: its last words back to (not including) a
    function word ("BY", "of"), a number or a word ending in a comma or period."""
    words = list(re.finditer(r"\S+", text[start:end]))
    first = len(words)
    for w in reversed(words):
        s = w.group(0)
        if s.lower() in res.stopwords or s.isdigit() or s[-1] in ",.;:" and w is not words[-1]:
            break
        first -= 1
    return start + words[first].start() if first < len(words) else -1


def designated_companies(doc: Doc, res: Resources) -> list[Cand]:
    """"Harwell Foods, Inc.", "COPYRIGHT 2001 BY ACME WIDGETS, INC.": the name words before a
    comma and a legal-form designator, with both, are one organisation.  Most articles have no
    comma before a designator at all: then there is nothing to find (checked first, cheaply)."""
    text, out = doc.text, []
    if _designator_after_comma().search(text) is None:
        return out
    for m in _designated_re().finditer(text):
        s = _name_start(text, m.start("name"), m.end("name"), res)
        if s < 0 or not any(ch.isalpha() for ch in text[s:m.end("name")]):
            continue
        out.append(Cand(s, m.end(), "ORG", "name", "name", "", priority=3, how="designator"))
    return out


@lru_cache(maxsize=1)
def _party_table() -> tuple[re.Pattern, dict]:
    """(pattern of "the <members>", members -> the party names they belong to)."""
    rows = lexicons.table("mentions_party_members.tsv")
    parties = {r["members"]: tuple(p for p in r["party"].split("|") if p) for r in rows}
    alt = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(parties, key=lambda w: (-len(w), w)))
    return re.compile(rf"(?<![\w])[Tt]he\s+(?P<p>{alt})(?![\w-])"), parties


def _canonical_party(name: str, res: Resources) -> str:
    e = res.names.get(name)
    if e is not None and e.type == "ORG":
        return e.entity
    return re.sub(r" part(?:y|ies)$", " Party", name)


def party_members(doc: Doc, res: Resources) -> list[Cand]:
    """"the Communists blocked the vote" in an article naming "the Communist Party": the party
    (an ORG alias of it), not its members as a group (NORP)."""
    pattern, parties = _party_table()
    text, out = doc.text, []
    named: dict[str, str] = {}
    for m in finditer_at_word_starts(pattern, text):  # = pattern.finditer(text), sooner
        members = re.sub(r"\s+", " ", m.group("p"))
        if members not in named:
            found = next((p for p in parties[members] if p in text), "")
            named[members] = _canonical_party(found, res) if found else ""
        if named[members]:
            out.append(Cand(m.start("p"), m.end("p"), "ORG", "name", "gazetteer", named[members], "party",
                            priority=3, how="party-members"))
    return out


_DEFINED = re.compile(r"((?:[a-z][a-z-]*\s+){1,8})\((?P<a>[A-Z]{2,8})s?\)")
_SKIP = frozenset(("and", "of", "the", "for", "in", "on", "to", "a", "an"))


_ACRONYM_IN_BRACKETS = re.compile(r"\([A-Z]{2,8}s?\)")


def defined_matches(text: str):
    """The matches of ``_DEFINED.finditer(text)``, found from the bracketed acronyms: every match
    ends at one ("(SSS)"), and its words, spaces and hyphens lie in the stretch of those
    characters right before it, so the pattern is searched only there (searched over the
    whole text it tries up to eight words at every lower-case letter)."""
    pos = 0
    for b in _ACRONYM_IN_BRACKETS.finditer(text):
        q = b.start()
        if q < pos:
            continue
        lo = q
        while lo > pos and (text[lo - 1] in _TERM_CHARS or text[lo - 1].isspace()):
            lo -= 1
        m = _DEFINED.search(text, lo, b.end())
        if m is not None:
            yield m
            pos = m.end()


_TERM_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz-")


def term_acronyms(text: str) -> frozenset[str]:
    """Acronyms the text defines as the initials of lower-case words: "global sea surface
    salinity (SSS)", "soil moisture and ocean salinity (SMOS)" (small words may be skipped)."""
    out = set()
    for m in defined_matches(text):
        acr = m.group("a")
        words = [w for w in m.group(1).split()]
        initials = ""
        for w in reversed(words):
            if len(initials) == len(acr):
                break
            if w in _SKIP and not acr[: len(acr) - len(initials)].endswith(w[0].upper()):
                continue
            initials = w[0].upper() + initials
        if initials == acr:
            out.add(acr)
    return frozenset(out)


_SLASH = re.compile(r"(?<![\w/.-])(?P<a>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)/(?P<b>[A-Z][\w'’-]*)(?![\w/-])")


def slash_firms(doc: Doc, res: Resources) -> list[Cand]:
    """"the agency Venn/Okafor", "handled by Venn/Okafor": two or three capitalised words joined by a
    slash in prose are one firm (ORG), unless a side is a known name ("Jane Doe/Reuters", a
    credit; "Israeli/Palestinian"), starts with a given name, or the line is a credit or caption."""
    text, out = doc.text, []
    for m in finditer_at_word_starts(_SLASH, text):  # = _SLASH.finditer(text), sooner
        a, b = m.group("a"), m.group("b")
        if any(w in res.names or w in res.given_names or w.lower() in res.stopwords for w in a.split() + [b]):
            continue
        if doc.sentence_at(m.start()).zone not in ("body", "headline"):
            continue
        if re.search(r"[A-Z][\w.'’-]*\s$", text[max(0, m.start() - 30):m.start()]):
            continue  # "Jo A. Venn/Harlow": the slash ends a longer name (a person and an imprint)
        out.append(Cand(m.start(), m.end(), "ORG", "name", "name", "", priority=3, how="slash-firm"))
    return out


_PARTY_SEAT = re.compile(r"(?<=[A-Za-z.] \()(?P<p>[A-Z]{2,5})-(?P<s>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?=\))")


def party_seats(doc: Doc, res: Resources) -> list[Cand]:
    """"Tan Ah Kow (DAP-Orvale) asked", "Abu Ujang (BN-Kuala Kelso)": after a member's name, a
    party acronym and a seat or state joined by a hyphen in brackets are his party (ORG) and
    the place he sits for (GPE, or the gazetteer's type).  One-letter US labels ("(D-Calif.)")
    name no party and are left to :data:`.units.PARTY_LABEL`."""
    out = []
    for m in _PARTY_SEAT.finditer(doc.text):
        p, seat = m.group("p"), m.group("s")
        e = res.names.get(p)
        out.append(Cand(m.start("p"), m.end("p"), "ORG", "name", "name", e.entity if e is not None else "",
                        priority=3, how="party-seat"))
        g = res.names.get(seat)
        gtype = g.type if g is not None and g.type in ("GPE", "LOC") else "GPE"
        out.append(Cand(m.start("s"), m.end("s"), gtype, "name", "name", g.entity if g is not None else "",
                        priority=3, how="party-seat"))
    return out


@lru_cache(maxsize=1)
def _possessive_name_re() -> re.Pattern:
    verbs = "|".join(sorted(lexicons.word_list("mentions_possessive_name_verbs.txt")))
    return re.compile(r"(?<![\w'’.&-])(?P<n>[A-Z][\w&.-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&.-]*){0,2})['’]s"
                      rf"(?=\s+(?:[a-z]+ly\s+)?(?:{verbs})\b)")


def _possessive_name_start(m: re.Match, res: Resources) -> int:
    """Where the name before the "'s" starts: after the last function word ("While Moody's") or
    word with a full stop ("on Friday. While Moody's"; initials "J.P." go on); -1 if none is left."""
    start, words = -1, list(re.finditer(r"\S+", m.group("n")))
    for k, w in enumerate(words):
        s = w.group(0)
        if s.lower() in res.stopwords or s.lower() in res.initial_words or s.endswith(".") and k + 1 < len(words) and (
                not _INITIALS.fullmatch(s)):
            start = -1
        elif start < 0:
            start = m.start("n") + w.start()
    return start


_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def possessive_companies(doc: Doc, res: Resources) -> list[Cand]:
    """"Moody's did not drop the rating", "while Harlow's recently announced": a capitalised name
    with "'s" right before a verb (``mentions_possessive_name_verbs.txt``, an adverb in "-ly" may
    come between) owns no noun, so the "'s" is part of the name: a company named after its
    founder's shop or firm, one organisation "Moody's".  Not a pronoun or function word ("It's
    said", "That's expected": a contraction)."""
    text, out = doc.text, []
    if "'s" not in text and "’s" not in text:
        return out
    for m in _possessive_name_re().finditer(text):
        start = _possessive_name_start(m, res)
        if start >= 0:
            out.append(Cand(start, m.end(), "ORG", "name", "name", "", priority=3, how="possessive-company"))
    return out


_TOWN_STATE_TITLE = re.compile(
    r"(?<![\w.'-])(?P<town>[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){0,2})\s+\((?P<st>[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)\)"
    r"\s+(?P<title>[A-Z][\w&'-]*(?:[ \t\n]+[A-Z][\w&'-]*){0,2})(?![\w&'-])")


def town_state_papers(doc: Doc, res: Resources) -> list[Cand]:
    """"a staff writer for the Orvale (Ala.) Times Daily", "the Kelso (N.J.) Record": a town, a US
    state in brackets and one to three capitalised words are a newspaper's name (the town and
    state tell which paper of that title), one organisation; not when the state is not a known
    state, nor when the words after the bracket are a weekday or function words ("Orvale (Ala.)
    Monday")."""
    text, out = doc.text, []
    if "(" not in text:
        return out
    for m in _TOWN_STATE_TITLE.finditer(text):
        e = res.names.get(m.group("st"))
        if e is None or e.type != "GPE" or e.cls != "state":
            continue
        words = m.group("title").split()
        if any(w.lower() in res.stopwords or w in res.calendar_words for w in words):
            continue
        town = list(re.finditer(r"\S+", m.group("town")))
        while town and town[0].group(0).lower() in res.stopwords:
            town.pop(0)  # "The Kelso (N.J.) Record" opening a sentence: the paper starts at the town
        if town:
            out.append(Cand(m.start("town") + town[0].start(), m.end(), "ORG", "name", "name", "", priority=3,
                            how="town-state-paper"))
    return out


_CAP_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z]+)?")
_WORDS_BEFORE = re.compile(r"((?:[\w-]+\s+){1,10})$")


def capitalised_term_acronyms(text: str, res: Resources) -> frozenset[str]:
    """"the Compact Fluorescent Light (CFL)", "a System Under Test (SUT)": an acronym defined as the
    initials of the capitalised words right before it (small words such as "of" may be skipped)
    abbreviates a term when none of those words is an organisation head word ("Treaty
    Organization (NATO)", "Workers Union (KWU)") nor a known name or given name ("Orvale Peace
    Accord"): a technical or scholarly term, written in capitals, not an organisation."""
    out = set()
    for b in _ACRONYM_IN_BRACKETS.finditer(text):
        acr = b.group(0)[1:-1]
        acr = acr[:-1] if acr.endswith("s") else acr  # "(CFLs)"
        m = _WORDS_BEFORE.search(text, max(0, b.start() - 120), b.start())
        if m is None:
            continue
        initials, used = "", []
        for w in reversed(m.group(1).split()):
            if len(initials) == len(acr):
                break
            if _CAP_WORD.fullmatch(w):
                initials = w[0] + initials
                used.append(w)
            elif w not in _SKIP:
                break
        if initials == acr and not any(w in res.org_cues or w in res.names or w in res.given_names for w in used):
            out.add(acr)
    return frozenset(out)
