"""Name rules: what a run of capitalised units names, and of what type.

A run is read by an ordered sequence of named steps (:data:`READING_STEPS`) over one
:class:`Reading`; a step either returns the run's candidates (and reading stops) or
narrows the reading and passes it on.  The last step makes the name candidate itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from analysis import lexicons
from analysis.tokenise import Doc

from .records import Cand, Unit
from .resources import Resources
from .runs import runs
from .units import is_title_line, sentence_units

# nationality and group words: "Kenyan", "Kelsonese", "Orvish"; "the Orvalites" (a people or sect)
NORP_SUFFIX = re.compile(r"(?:ian|ians|ese|ish|[a-z]{3}ites)$")
VERBAL = re.compile(r"(?:ing|ed|ly)$")
ACRONYM = re.compile(r"^(?:[A-Z]{2,6}\d?|(?:[A-Z]\.){2,4})$")
_SUFFIXES = ("Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV")
_MID_KINDS = frozenset(("cap", "gaz"))
_WORKS_AT = re.compile(r"\b([A-Za-z][\w-]*)\s+at\s+(?:the\s+)?$")
# compiled once: the reading steps below run for every run of every article
_INITIAL = re.compile(r"[A-Z]\.")
_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
_APOSTROPHE = re.compile(r"['’]")
_NUMBER_BEFORE = re.compile(r"\d\s+$")


def works_at(before: str, res: Resources) -> bool:
    """Does ``before`` end in "<occupation noun> at" ("analysts at ", "an economist at the ")?
    What follows is where people work (an organisation), even if its first word is a given name."""
    m = _WORKS_AT.search(before)
    if not m:
        return False
    noun = m.group(1).lower()
    return noun in res.person_nouns or (noun.endswith("s") and noun[:-1] in res.person_nouns)


@lru_cache(maxsize=1)
def surname_place_heads() -> frozenset[str]:
    """Place head words that are also surnames ("Hill", "Park": ``mentions_surname_place_heads.txt``)."""
    return lexicons.word_list("mentions_surname_place_heads.txt")


def name_type(words: list[str], res: Resources) -> tuple[str, str]:
    """Type and class of an unknown capitalised name from its own words ("" if undecided)."""
    for w in reversed(words):
        if w in res.org_cues:
            return "ORG", w.lower()
    if words[-1] in res.place_cues and not (len(words) == 2 and words[0] in res.given_names
                                            and words[-1] in surname_place_heads()):
        return res.place_cues[words[-1]], words[-1].lower()  # "Capitol Hill", not "Anita Hill"
    if len(words) >= 3 and words[1] == "of" and words[0] in res.place_cues:
        return res.place_cues[words[0]], words[0].lower()  # "County of Orvale": the head comes first
    # "of" alone makes no organisation ("Siege of Kelso", "Master of Arts", "Ana of Orvale")
    if "&" in words or words[0] == "The":
        return "ORG", ""
    if len(words) == 1 and ACRONYM.match(words[0]):
        return "ORG", ""
    if acronym_led(words, res) or (len(words) == 1 and camel_case_company(words[0], res)):
        return "ORG", ""
    return "", ""


_CAMEL = re.compile(r"([A-Z][a-z]+)([A-Z][a-z]+)+")


def camel_case_company(w: str, res: Resources) -> bool:
    """"HarperCollins", "BlackRock", "JetBlue": one word with an inner capital is a company's name,
    unless it starts with a name prefix ("McDonald", "DiMaggio", "LaToya": mentions_name_prefixes.txt)
    or a given name ("MaryAnn")."""
    m = _CAMEL.fullmatch(w)
    return (m is not None and len(m.group(1)) >= 3 and m.group(1) not in res.name_prefixes
            and m.group(1) not in res.given_names)


def acronym_led(words: list[str], res: Resources) -> bool:
    """"ZKBT Harlow", "QRX Vantor Partners": a name that starts with an acronym of three letters
    or more is an organisation (agencies and firms named after founders keep the initials first;
    people's names do not start with an all-caps word)."""
    w = words[0]
    return (len(words) >= 2 and ACRONYM.match(w) is not None and len(w.replace(".", "")) >= 3
            and w.lower() not in res.stopwords and w not in res.names and w not in res.not_names)


def strip_initial(run: list[Unit], res: Resources, mid_caps: set, lower_words: set) -> list[Unit]:
    """Drop a sentence-initial capital that is an ordinary word ("The", "Throughout", "Earlier").

    After a drop (and the joints after it) the next unit counts as initial in turn.  The run is
    walked with an index and copied once, so a long run costs linear time."""
    i, n = 0, len(run)
    while i < n and (i > 0 or run[0].initial) and run[i].kind == "cap":
        w = run[i].text
        if ACRONYM.match(w) and w not in res.not_names:
            break  # "BMW sales rose": acronyms are not ordinary words
        if n - i > 1 and run[i + 1].kind == "title" and w.lower() not in res.stopwords and not VERBAL.search(w):
            break  # "Harbour Commissioner Jane Doe": a modifier of the title
        low = w.lower()
        if low in res.stopwords or low in res.initial_words or (w not in res.given_names and VERBAL.search(w) and n - i > 1) or (
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
    return [Unit(u.start, u.end, u.text, u.kind, u.gaz, True)] + run[i + 1:]


@dataclass
class Reading:
    """What is known about a run while the steps read it."""

    run: list[Unit]
    text: str
    res: Resources
    lower_words: set
    out: list[Cand] = field(default_factory=list)   # candidates split off the run so far
    role: Cand | None = None     # the title before the name (office: a role mention; else honorific)
    person_cue: bool = False     # a title, post-nominal or initial says: a person
    words: list[str] = field(default_factory=list)
    ntype: str = ""
    ncls: str = ""
    how: str = ""                # which cue made it a person ("initial", "given-name-inside")

    @property
    def start(self) -> int:
        return self.run[0].start

    @property
    def end(self) -> int:
        return self.run[-1].end


def _as_cap(run: list[Unit]) -> list[Unit]:
    return [u._replace(kind="cap") if u.kind == "title" else u for u in run]


def _title_index(r: Reading) -> int | None:
    """Index of the last title followed by a name word; -1 when the run's titles are just
    capitalised words ("Justice Party": a title word inside an organisation's name)."""
    run, res = r.run, r.res
    t_idx = [i for i, u in enumerate(run) if u.kind == "title"]
    if not t_idx:
        return -1
    if run[-1].kind == "cap" and run[-1].text in res.org_cues and t_idx[-1] < len(run) - 1 and (
            run[t_idx[-1] + 1].text not in res.given_names):
        return None  # "Chancellor College"
    for i in reversed(t_idx):
        if i + 1 < len(run) and run[i + 1].kind in ("cap", "gaz") and run[i + 1].text not in res.stopwords:
            return i
    if run[0].kind == "cap" and run[0].text in res.given_names and len(run) >= 2:
        return None  # "Bishop" in "Julie Bishop": a surname, not a title
    return -2


def full_stop_after_letter(r: Reading):
    """"sold to AT&T.": a single capital after "&" ends a firm's initials, and the period after
    it is the full stop, not an initial's (an initial never ends a name)."""
    run = r.run
    if len(run) >= 3 and run[-2].text == "&" and _INITIAL.fullmatch(run[-1].text):
        u = run[-1]
        r.run = run[:-1] + [u._replace(end=u.end - 1, text=u.text[:-1])]
    return None


def split_at_title(r: Reading):
    """"NATO Secretary-General Jens Stoltenberg": the office (with its modifiers) becomes a role
    mention, the rest the name; an honorific ("Mr.") only marks a person.  Titles with no name
    after them are no name ("News Editor"): only their gazetteer parts are kept."""
    ti = _title_index(r)
    if ti is None:
        r.run = _as_cap(r.run)
        return None
    if ti == -2:
        return [u.gaz for u in r.run if u.kind == "gaz" and u.gaz is not None]
    if ti == -1:
        return None
    run, res = r.run, r.res
    cls, kind, gender = res.titles.get(run[ti].text, ("", "honorific", ""))
    mods = run[:ti]
    if kind == "office":
        role_start = run[0].start
        # modifiers must be names (gazetteer or capitalised words), not joints
        while mods and mods[0].kind not in ("gaz", "cap", "title"):
            mods = mods[1:]
            role_start = mods[0].start if mods else run[ti].start
        mod = " ".join(u.text for u in mods if u.kind in ("gaz", "cap"))
        r.role = Cand(role_start, run[ti].end, "PERSON", "role", "title", "", cls, gender=gender, mod=mod, priority=3)
    else:
        r.out.extend(u.gaz for u in mods if u.kind == "gaz" and u.gaz is not None)
        r.role = Cand(-1, -1, "PERSON", "honorific", "", "", cls, gender=gender)
    r.run = run[ti + 1:]
    return None


def drop_postnominals(r: Reading):
    """"Jane Doe MBE", "Ana Roe PhD": post-nominals mark a person and are not part of the name."""
    r.person_cue = r.role is not None
    e = len(r.run)
    while e and r.run[e - 1].kind == "post" and r.run[e - 1].text not in _SUFFIXES:
        r.person_cue = True
        e -= 1
    r.run = r.run[:e]
    if not r.run:
        return r.out
    r.words = [u.text for u in r.run if u.kind != "joint" or u.text in ("of", "&")]
    return None


@lru_cache(maxsize=1)
def _kin_nouns() -> frozenset[str]:
    return lexicons.word_list("mentions_kin_nouns.txt")


_KIN_BEFORE = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Yy]our)\s+(?:late\s+|elder\s+|younger\s+)?([a-z]+),?\s+$")


def kin_given_name(r: Reading):
    """"her husband Stanley", "his son Austin": a given name right after a possessive and a
    noun of kinship (``mentions_kin_nouns.txt``) is that relative, even where the name is
    also a town's."""
    run = r.run
    if len(run) != 1 or run[0].kind != "gaz" or run[0].text not in r.res.given_names:
        return None
    m = _KIN_BEFORE.search(r.text, max(0, r.start - 40), r.start)
    if m is None or m.group(1) not in _kin_nouns():
        return None
    return r.out + [Cand(r.start, r.end, "PERSON", "name", "name", "", priority=3, how="kin")]


def all_gazetteer(r: Reading):
    """A run of known names only ("France Germany") is those names (and the role before them),
    unless a title makes a single place name a person's ("President Georgia Smith"?), or a
    given name opens a run of two (:func:`_place_surname`)."""
    if not all(u.kind == "gaz" for u in r.run if u.kind not in ("joint", "particle")):
        return None
    if _given_name_and_place_surname(r):
        return None  # "Elizabeth Warren": a given name and a surname that are also towns
    gz = [u.gaz for u in r.run if u.kind == "gaz"]
    if r.person_cue and len(gz) == 1 and gz[0].type != "PERSON":
        return None
    if r.role is not None and r.role.start >= 0 and gz:
        r.role.target = len(r.out)  # refers to the following gazetteer mention (rare)
        r.out.append(r.role)
    r.out.extend(gz)
    return r.out


_THE_BEFORE = re.compile(r"(?<![\w])[Tt]he\s+$")
_SCORE_AFTER = re.compile(r"\s+\d")


def place_team(r: Reading):
    """"the Millbrook Rovers", "the Kelso Hawks", "Orvale Giants 3": a place name followed by a
    capitalised plural (after "the", or before a score) is a sports team, one organisation."""
    run, res = r.run, r.res
    if r.person_cue or len(run) < 2 or run[0].kind != "gaz" or run[0].gaz is None or run[0].gaz.type not in ("GPE", "LOC"):
        return None
    rest = run[1:]
    if len(rest) > 2 or any(u.kind != "cap" for u in rest):
        return None
    last = rest[-1].text
    if not re.fullmatch(r"[A-Z][a-z]+[^su]s", last) or last in res.place_cues or last in res.org_cues:
        return None
    if not (_THE_BEFORE.search(r.text, max(0, r.start - 5), r.start) or _SCORE_AFTER.match(r.text, r.end)):
        return None
    return r.out + [Cand(r.start, r.end, "ORG", "name", "name", "", priority=2, how="team")]


def nationality_before_given(u: Unit, nxt: Unit, res: Resources) -> bool:
    """"fellow German Maria Okafor": a nationality word (also a given name elsewhere) before a
    given name is the nationality, and the person's name starts after it."""
    return u.gaz is not None and u.gaz.type == "NORP" and nxt.text in res.given_names


def _given_name_and_place_surname(r: Reading) -> bool:
    """A run of two known place names, the first a given name, is a person: "Elizabeth Warren",
    "Charlotte Austin" (a given name and a surname that are both towns), not two places.  Not
    when the second is a US state: "Paris Texas", "Florence Alabama" are a town and its state
    (the comma left out), and no surname is a state's name."""
    run = r.run
    return len(run) == 2 and run[0].text in r.res.given_names and run[1].gaz is not None and (
        run[1].gaz.cls != "state") and all(
        u.kind == "gaz" and u.gaz is not None and u.gaz.type in ("GPE", "LOC") and " " not in u.text for u in run)


def leading_gazetteer(r: Reading):
    """Known names at the start of an uncued run are mentions of their own ("Brazil Itaú
    Unibanco": Brazil, then the rest)."""
    r.ntype, r.ncls = name_type(r.words, r.res)
    if r.ntype or r.person_cue or _given_name_and_place_surname(r):
        return None
    run, res = r.run, r.res
    b, n = 0, len(run)
    while b < n and run[b].kind == "gaz" and n - b > 1 and not (
            run[b].text in res.given_names and run[b + 1].kind == "cap"
            and not nationality_before_given(run[b], run[b + 1], res)):
        r.out.append(run[b].gaz)
        b += 1
        while b < n and run[b].kind in ("joint", "particle"):
            b += 1
    r.run = run[b:]
    if not r.run:
        return r.out
    r.words = [u.text for u in r.run]
    if all(u.kind == "gaz" for u in r.run):
        r.out.extend(u.gaz for u in r.run)
        return r.out
    return None


# what follows a sum of money's first digits: more digits ("RM5,000", "S3.5") or a large number word
_AMOUNT_GOES_ON = re.compile(r"[,.]\d|\s+(?:million|billion|trillion|bn|mn)\b")


def _definite_head(r: Reading) -> bool:
    """"the Orvalian said", "a grant from the Kelsonian.": an unknown "-ian" word after "the"
    that modifies no noun (no lower-case content word follows: "the Orvalian era") is a noun, the
    name of an institution, not a nationality adjective (which the gazetteer lists)."""
    if not (r.words[0].endswith("ian") and re.search(r"(?<![\w])[Tt]he\s+$", r.text[max(0, r.start - 5):r.start])):
        return False
    nxt = re.match(r"\s+([a-z]+)", r.text[r.end:r.end + 30])
    return nxt is None or nxt.group(1) in r.res.stopwords


# a count or measure right before a word: "80 ", "2.35 ", "7 p.m. " (not a year: "in 1997 IBM")
_COUNT_BEFORE = re.compile(r"(?:(?<![\d.,])(?!(?:1[89]|20)\d\d\s)\d{1,3}(?:,\d{3})*(?:\.\d+)?|[ap]\.m\.)\s+$")


def _modifies_noun(r: Reading) -> bool:
    """Is the run followed by a lower-case content word it modifies ("1,200 Zorbex workers")?"""
    m = re.match(r"\s+([a-z][a-z-]+)\b", r.text[r.end:r.end + 30])
    return m is not None and m.group(1) not in r.res.stopwords


def not_a_name(r: Reading):
    """Listed non-names; events, prizes, laws and works ("the Nobel Prize"); single function
    words ("I've", "No"); ordinary words in capitals ("we heard PLENTY"); "-ian"/"-ese" words
    are nationalities."""
    words, res = r.words, r.res
    if r.text[r.start:r.end] in res.not_names:
        return r.out
    if not r.person_cue and (words[-1] in res.misc_cues or len(words) > 2 and words[-2] in res.misc_cues):
        return r.out
    if len(words) == 1 and not r.person_cue:
        w = words[0]
        if len(w.replace(".", "")) < 2 or _APOSTROPHE.split(w, 1)[0].lower() in res.stopwords:
            return r.out
        if len(w) >= 4 and w.isupper() and w.lower() in r.lower_words:
            return r.out
        if w[-1].isdigit() and _AMOUNT_GOES_ON.match(r.text, r.end):
            return r.out  # "fined RM5,000", "RM3 billion": a currency code with its sum, no organisation
        if _INITIALS.fullmatch(w) and _NUMBER_BEFORE.search(r.text[max(0, r.start - 4):r.start]):
            return r.out  # "around 400 B.C.": an unknown abbreviation after a number is an era or unit
        if re.fullmatch(r"[A-Z]\d{1,3}", w):
            return r.out  # "the L2", "the M1", "A64": a code (a grade, model or road number), no name
        if ACRONYM.match(w) and _COUNT_BEFORE.search(r.text, max(0, r.start - 12), r.start) and not _modifies_noun(r):
            return r.out  # "a 2.35 ERA", "80 RBI", "at 7 p.m. EST": a unit, statistic or time zone
        if NORP_SUFFIX.search(w) and not r.ntype and not _definite_head(r):
            r.out.append(Cand(r.start, r.end, "NORP", "name", "name", w, priority=2))
            return r.out
    return None


_ORDINAL_BEFORE = re.compile(r"(?<![\w.,-])\d{1,3}(?:st|nd|rd|th)[ \t]+$")


def _counts_the_noun_after(r: Reading) -> bool:
    """"opening the 11th Kelso Chamber of Commerce annual meeting": before a noun of a recurring
    event (``mentions_counted_event_nouns.txt``) an organisation's name is a modifier, and the
    ordinal counts the meetings, not the chambers (but "the 82nd Harlow Brigade commander")."""
    nxt = re.match(r" ([a-z]+)\b", r.text[r.end:r.end + 20])
    return r.ntype == "ORG" and nxt is not None and nxt.group(1) in lexicons.word_list("mentions_counted_event_nouns.txt")


def ordinal_led(r: Reading):
    """"the 82nd Harlow Brigade", "Kelso's 21st Century Media": a name of two words or more right
    after an ordinal numeral starts with it, and is no person's (people's names take no
    ordinal); with no cue of its own it is an organisation, unless a lower-case word follows
    (what the ordinal counts may be that word's: "the 3rd Kelso Valley race").  Not a single
    word ("the 20th Century": a period) nor a name led by a given name; but a single place head
    word is a numbered street or district ("on 10th Street", "the 3rd District")."""
    one_place = len(r.words) == 1 and r.words[0] in r.res.place_cues
    if r.person_cue or len(r.words) < 2 and not one_place or r.ntype == "NORP" or r.words[0] in r.res.given_names:
        return None
    m = _ORDINAL_BEFORE.search(r.text, max(0, r.start - 8), r.start)
    if m is None or not r.ntype and re.match(r"\s+[a-z]", r.text[r.end:r.end + 3]) or _counts_the_noun_after(r):
        return None
    ntype = r.ntype or "ORG"
    return r.out + [Cand(m.start(), r.end, ntype, "name", "name", "", r.ncls, priority=2, how="ordinal")]


def name_inside_run(r: Reading):
    """In an uncued run: the name starts at a given name ("Federal Prosecutor Carla del Ponte",
    "Welshman Mark Litton") unless only initials precede it ("J. Richard West"); a place
    modifier before a known place or nationality makes a new one ("South American",
    "Northern Ireland"); an "-ian" word at the end makes a nationality ("Kenyan Somali")."""
    run, res, words = r.run, r.res, r.words
    if r.ntype or r.person_cue or len(run) < 2:
        return None
    k = next((i for i in range(1, len(run)) if run[i].kind == "cap" and run[i].text in res.given_names
              and run[i - 1].text not in res.given_names and run[i - 1].kind in ("cap", "gaz")
              and i + 1 < len(run) and run[i + 1].kind in ("cap", "particle")), 0)
    if k and all(_INITIAL.fullmatch(u.text) for u in run[:k]):
        r.person_cue, r.how, k = True, "initial", 0
    if k:
        r.out.extend(u.gaz for u in run[:k] if u.kind == "gaz" and u.gaz is not None)
        r.run = run[k:]
        r.words = [u.text for u in r.run]
        r.person_cue, r.how = True, "given-name-inside"
        return None
    start, end = r.start, r.end
    if (run[-1].kind == "gaz" and run[-1].gaz is not None and run[-1].gaz.type in ("NORP", "GPE", "LOC")
            and all(u.text in res.place_modifiers for u in run[:-1])):
        g = run[-1].gaz
        return r.out + [Cand(start, end, g.type, "name", "name", r.text[start:end], g.cls, priority=2, how="modified")]
    if NORP_SUFFIX.search(words[-1]) and words[0] not in res.given_names:
        return r.out + [Cand(start, end, "NORP", "name", "name", r.text[start:end], priority=2, how="suffix")]
    return None


_STATE_AFTER = re.compile(r",[ \t]+([A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)(?=[\s,;:.)]|$)")
_IN_BEFORE = re.compile(r"\b(?:in|at|near|outside)\s+$")


def _town_in_state(r: Reading) -> bool:
    """"in Santa Fe, N.M.", "near Charlotte Hall, Md.": a name after a place preposition and
    before a comma and a US state is a town, though it starts with a given name."""
    m = _STATE_AFTER.match(r.text, r.end)
    e = r.res.names.get(m.group(1)) if m else None
    return (e is not None and e.type == "GPE" and e.cls == "state"
            and _IN_BEFORE.search(r.text, max(0, r.start - 10), r.start) is not None)


def _head_after_the(r: Reading) -> bool:
    """Is the run right after "the" and the head of its noun phrase ("gold bought from the Harriet
    Reichsbank.", "the Laura Ashby said": no lower-case content word after it)?  A person's name
    takes no article, so a run led by a given name is then no person's; but a name may modify a
    noun after "the" ("the John Okafor song": still a person).  Not a run holding a known place,
    whose place stays a mention of its own."""
    if _THE_BEFORE.search(r.text, max(0, r.start - 5), r.start) is None or any(
            u.gaz is not None and u.gaz.type in ("GPE", "LOC") for u in r.run):
        return False
    m = re.match(r" ([a-z][a-z-]+)\b", r.text[r.end:r.end + 30])
    return m is None or m.group(1) in r.res.stopwords or VERBAL.search(m.group(1)) is not None


def _uncued_type(r: Reading) -> tuple[str, str]:
    """A run with no cue of its own: (type, how) from its first word and length."""
    words, res, start = r.words, r.res, r.start
    if words[0] in res.given_names and len(words) >= 2 and _town_in_state(r):
        return "GPE", "city-state"  # "the institute in Santa Fe, N.M.": a town, not a person
    if words[0] in res.given_names and len(words) >= 2 and works_at(r.text[max(0, start - 40):start], res):
        return "ORG", "affiliation"  # "analysts at Morgan Stanley": people work at an organisation
    if words[0] in res.given_names and len(words) >= 2 and _head_after_the(r):
        return "", "none"  # "from the Harriet Reichsbank": no person, and no type to give it
    if words[0] in res.given_names and len(words) >= 2:
        return "PERSON", "given-name"
    if len(words) >= 2:
        return "PERSON", "multiword"
    return "", ""  # single unknown word: decided by coreference / context later


def make_name(r: Reading) -> list[Cand]:
    """The name candidate, typed by its cues, after the role that introduces it."""
    ntype, ncls, how = r.ntype, r.ncls, "cue" if r.ntype else ""
    role = r.role
    if r.person_cue:
        ntype, ncls = "PERSON", ""
        how = "title" if role is not None else r.how or "postnominal"
    elif not ntype:
        ntype, how = _uncued_type(r)
        if how == "none":
            return r.out
    c = Cand(r.start, r.end, ntype, "name", "name", "", ncls, priority=2, how=how)
    if role is not None and role.start >= 0:
        role.target = len(r.out) + 1
        r.out.append(role)
    if role is not None and role.gender:
        c.gender = role.gender
    if role is not None and role.cls:
        c.cls, c.mod = role.cls, role.mod
    r.out.append(c)
    return r.out


#: The steps that read a run, in order (each may end the reading with its candidates).
READING_STEPS = (full_stop_after_letter, split_at_title, drop_postnominals, place_team, kin_given_name, all_gazetteer, leading_gazetteer, not_a_name,
                 ordinal_led, name_inside_run, make_name)


def interpret_run(run: list[Unit], res: Resources, mid_caps: set, lower_words: set, text: str) -> list[Cand]:
    """The candidates a run of capitalised units stands for (see :data:`READING_STEPS`)."""
    run = strip_initial(run, res, mid_caps, lower_words)
    e = len(run)
    while e and run[e - 1].kind in ("joint", "particle"):
        e -= 1  # trailing joints can't end a run
    if not e or text[run[0].start:run[e - 1].end] in res.not_names:
        return []
    r = Reading(run[:e], text, res, lower_words)
    for step in READING_STEPS:
        got = step(r)
        if got is not None:
            return got
    raise AssertionError("make_name always decides")  # pragma: no cover


def common_word_place(run: list[Unit], mid_caps: set, lower_words: set) -> bool:
    """"Billings were estimated at $30 million" in an article that writes "billings" in lower
    case and never "Billings" mid-sentence: a known place name alone at the start of a sentence
    that the article uses as an ordinary word is that word ("Mobile", "Reading", "Split")."""
    u = run[0]
    return (len(run) == 1 and u.kind == "gaz" and u.initial and u.gaz is not None and u.gaz.type in ("GPE", "LOC")
            and " " not in u.text and u.text not in mid_caps and u.text.lower() in lower_words)


def event_name(run: list[Unit], res: Resources) -> bool:
    """"the Copenhagen Open", "the Kelso Commonwealth Games", "the Orvale Peace Accord": a run
    ending in a head word of events, laws and prizes (``mentions_misc_cues.txt``, as
    :func:`not_a_name` reads it) names an event; the known names inside it ("Copenhagen") are
    part of that name, no mentions of their own (as names inside a title of a work).  Not with a
    title in the run (a person's: "President Ana Open"?)."""
    words = [u.text for u in run if u.kind not in ("joint", "particle")]
    if not words or any(u.kind == "title" for u in run):
        return False
    return words[-1] in res.misc_cues or len(words) > 2 and words[-2] in res.misc_cues


def name_runs(doc: Doc, res: Resources, gaz_at: dict, dropped: set | None = None) -> list[Cand]:
    """Name candidates from capitalised runs.  Two document-level facts decide a capital at the
    start of a sentence (:func:`strip_initial`): the words seen capitalised mid-sentence and the
    words seen in lower case; title-case lines are read only for known names (later, by
    coreference).  The starts of known names read as ordinary words (:func:`common_word_place`)
    or inside the name of an event (:func:`event_name`) are added to ``dropped``."""
    text = doc.text
    quote_starts = {q.start for q in doc.quotes}
    out: list[Cand] = []
    mid_caps: set[str] = set()       # capitalised words seen in non-initial position
    seen: set[str] = set()           # every unit's text (the lower-case ones are kept below)
    body: list[list[Unit]] = []      # the units of each sentence that is not a title-case line
    memo: dict = {}  # word -> what it says of its unit (see units.word_info), for this document
    for sent in doc.sentences:
        units = sentence_units(doc, sent, res, gaz_at, quote_starts, memo)
        words = [u.text for u in units]
        seen.update(words)
        if not is_title_line(doc, sent, words):
            mid_caps.update([u.text for u in units if not u.initial and u.kind in _MID_KINDS and not u.text[:1].islower()])
            body.append(units)
    lower_words = {w for w in seen if w[:1].islower()}  # each distinct word tested once
    for units in body:
        for run in runs(units):
            if dropped is not None and common_word_place(run, mid_caps, lower_words):
                dropped.add(run[0].start)
                continue
            if dropped is not None and event_name(run, res):
                dropped.update(u.start for u in run if u.kind == "gaz")
            out.extend(interpret_run(run, res, mid_caps, lower_words, text))
    return out
