"""Lexicons of the mentions stage, read from ``data/lexicons/`` once and compiled (cached).

Nothing here changes after loading: :func:`resources` returns one frozen :class:`Resources`."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis import lexicons


@dataclass(frozen=True)
class GazEntry:
    entity: str
    type: str
    cls: str
    context: bool = False  # weapon names that are also ordinary words need a weapon nearby


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: a cache key (units.word_info)
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
    title_small_words: frozenset  # "of", "the": words a title of a work leaves in lower case
    initial_words: frozenset  # "though", "unlike": function words that never begin a name
    staff_nouns: frozenset  # "officials", "executives": the people of an organisation ("X officials said")
    name_prefixes: frozenset  # "Mc", "Di", "La": a capital inside a person's name after these
    org_adjectives: frozenset  # "United", "Democratic": in organisations' names, not people's
    given_names: frozenset
    given_gender: dict
    calendar_words: frozenset
    stopwords: frozenset
    titles_by_first: dict    # first word of a title -> titles starting with it
    title_words_lower: frozenset  # every title, lower case ("prime minister")
    classes_fold_re: re.Pattern   # classes_re in lower case, without IGNORECASE (scan.fold_spans)
    pronoun_fold_re: re.Pattern   # pronoun_re likewise


def _alternation(surfaces) -> str:
    return "|".join(re.escape(s) for s in sorted(set(surfaces), key=lambda s: (-len(s), s)))


def _plural(s: str) -> str:
    if s.endswith(("s", "x", "ch", "sh")):
        return s + "es"
    if s.endswith("y") and len(s) > 1 and s[-2] not in "aeiou":
        return s[:-1] + "ies"
    return s + "s"


_BOUND_L, _BOUND_R = r"(?<![^\W_])", r"(?![^\W_])"


def _gazetteers() -> tuple[dict, dict]:
    """Proper names (places, regions, organisations, weapon names) and weapon classes."""
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
    return names, classes


def _capitalised(role: str) -> str:
    """"prime minister" → "Prime Minister", "secretary-general" → "Secretary-General"."""
    return " ".join("-".join(p[:1].upper() + p[1:] for p in w.split("-")) for w in role.split())


def _role_re(roles) -> re.Pattern:
    """Role descriptions: "the [former] [MOD] role", MOD a capitalised word or acronym; or a
    person's office capitalised and alone, as offices are often written ("the Prime Minister
    said", "the President": group ``crole``), not after a modifier (a title before a name or
    part of one).  Organisation roles stay lower case: "the Court", "the Union" are names."""
    return re.compile(
        r"(?<![\w])(?P<det>[Tt]he)\s+(?:(?:former|new|then|current|acting|deputy|top|outgoing|incoming)\s+)?"
        r"(?:(?:(?P<mod>(?:[A-Z][\w.&-]*|[A-Z]\.(?:[A-Z]\.)+))\s+)?(?P<role>" + _alternation(list(roles)) + r")"
        r"|(?P<crole>" + _alternation([_capitalised(r) for r, (ty, _) in roles.items() if ty == "PERSON"]) + r"))(?![\w-])"
    )


_YEAR = r"(?:1[5-9]\d\d|20\d\d)"


def _trie(words, ignorecase: bool = False) -> str:
    return "(?:" + lexicons.trie_alternation(words, ignorecase=ignorecase) + ")"


def _date_re(by: dict) -> re.Pattern:
    """Dates from the month/weekday/relative-expression grammar of ``mentions_dates.tsv``."""
    # word lists as prefix tries (same matches as longest-first alternations, fewer steps);
    # those used inside (?i:...) are built case-insensitively
    month, wday = _trie(by["month"]), _trie(by["weekday"])
    unit, rel = _trie(by["unit"] + by["season"]), _trie(by["rel"], True)
    lead, deictic = _trie(by["lead"], True), _trie(by["deictic"], True)
    day, year = r"\d{1,2}(?:st|nd|rd|th)?", _YEAR
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
    return re.compile(r"(?<![\w-])(?:" + date_pat + ")")


def _group_titles(titles) -> dict[str, tuple[str, ...]]:
    """Titles grouped by their first word ("Prime" -> ("Prime Minister", ...))."""
    out: dict[str, list[str]] = {}
    for t in titles:
        first = re.match(r"[A-Z][\w-]*", t)
        if first:
            out.setdefault(first.group(0), []).append(t)
    return {k: tuple(v) for k, v in out.items()}


def _lower_list(name: str) -> frozenset:
    return frozenset(w.lower() for w in lexicons.word_list(name))


def _word_lists() -> dict:
    """The one-word-per-line cue lists, by field name."""
    place_cues = {}
    for line in lexicons.word_list("mentions_place_cues.txt"):
        w, _, t = line.partition("\t")
        place_cues[w.strip()] = t.strip() or "LOC"
    return dict(
        org_cues=frozenset(lexicons.word_list("mentions_org_cues.txt")),
        misc_cues=frozenset(lexicons.word_list("mentions_misc_cues.txt")),
        place_cues=place_cues,
        postnominals=frozenset(lexicons.word_list("mentions_postnominals.txt")),
        particles=frozenset(lexicons.word_list("mentions_name_particles.txt")),
        not_names=frozenset(lexicons.word_list("mentions_not_names.txt")),
        language_cues=_lower_list("mentions_language_cues.txt"),
        place_modifiers=frozenset(lexicons.word_list("mentions_place_modifiers.txt")),
        place_nouns=_lower_list("mentions_place_nouns.txt"),
        person_nouns=_lower_list("mentions_person_nouns.txt"),
        org_nouns=_lower_list("mentions_org_nouns.txt"),
        org_parts=_lower_list("mentions_org_part_nouns.txt"),
        title_small_words=_lower_list("mentions_title_small_words.txt"),
        initial_words=_lower_list("mentions_initial_words.txt"),
        staff_nouns=_lower_list("mentions_staff_nouns.txt"),
        name_prefixes=frozenset(lexicons.word_list("mentions_name_prefixes.txt")),
        org_adjectives=frozenset(lexicons.word_list("mentions_org_adjectives.txt")),
        stopwords=lexicons.stopwords(),
    )


def _pronoun_pattern(pronouns) -> str:
    return r"(?<![\w'’-])(?:" + _alternation(pronouns) + r")(?![\w-])"


@lru_cache(maxsize=1)
def resources() -> Resources:
    """All lexicons used by the recognisers, compiled once."""
    names, classes = _gazetteers()
    # prefix-trie alternations: same matches as longest-first alternation, much faster
    names_re = re.compile(_BOUND_L + "(?:" + lexicons.trie_alternation(names) + ")" + _BOUND_R)
    classes_re = re.compile(_BOUND_L + "(?:" + lexicons.trie_alternation(classes, ignorecase=True) + ")" + _BOUND_R,
                            re.IGNORECASE)
    title_rows = lexicons.table("titles.tsv")
    titles = {r["title"]: (r["class"], r["kind"], r["gender"]) for r in title_rows}
    roles = {r["role"]: (r["type"], r["class"]) for r in lexicons.table("roles.tsv")}
    pronouns = {r["pronoun"]: r["gender"] for r in lexicons.table("pronouns.tsv")}
    by: dict[str, list[str]] = {}
    for r in lexicons.table("mentions_dates.tsv"):
        by.setdefault(r["class"], []).append(r["word"])
    given_rows = lexicons.table("gaz_given_names.tsv")
    return Resources(
        names=names, names_re=names_re, classes=classes, classes_re=classes_re,
        titles=titles, title_words=frozenset(t.split()[0].rstrip(".") for t in titles),
        title_full={r["title"]: r.get("full", "") for r in title_rows if r.get("full")},
        roles=roles, role_re=_role_re(roles), pronouns=pronouns,
        pronoun_re=re.compile(_pronoun_pattern(pronouns), re.IGNORECASE),
        classes_fold_re=re.compile(_BOUND_L + "(?:" + lexicons.trie_alternation({c.lower() for c in classes}) + ")" + _BOUND_R),
        pronoun_fold_re=re.compile(_pronoun_pattern({p.lower() for p in pronouns})),
        date_re=_date_re(by),
        year_re=re.compile(rf"(?<![\w-])(?:in|In|since|Since|until|by|of|from|before|after|during)\s+(?P<y>{_YEAR})(?![\w-])"),
        given_names=frozenset(r["name"] for r in given_rows),
        given_gender={r["name"]: r["gender"] for r in given_rows if r["gender"]},
        calendar_words=frozenset(by["weekday"] + by["month"]),
        titles_by_first=_group_titles(titles),
        title_words_lower=frozenset(t.lower() for t in titles),
        **_word_lists(),
    )


# --- speech verbs (from the cue lexicon of the claims stage) -----------------------------

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
def said_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(after, before): a speech verb (or "who"/an age) after a name, a speech cue before it."""
    after = re.compile(r"\s*(?:,\s*)?(?:" + _words_alt(_speech_verbs_after_name()) + r")\b|\s*,\s*(?:who|whose)\b"
                       r"|\s*,\s*\d{1,3}\s*,")
    before = re.compile(r"\b(?:" + _words_alt(_speakers_before()) + r")\s+$")
    return after, before
