"""The speed-ups of the mentions stage give exactly the plain results (property tests on
made-up text): each fast path is compared with the plain code it stands for."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.article import article_from_text
from analysis.mentions import recognisers
from analysis.mentions.records import Unit
from analysis.mentions.resources import resources
from analysis.mentions.units import _OPENERS, _gaz_unit, _party_unit, _title_unit, _word_unit, sentence_units
from analysis.tokenise import tokenise

# made-up words that reach every branch of the unit reader: titles ("Prime Minister", "Gen."),
# months that are also given names ("May", "June"), initials ("F."), suffixes ("Jr."), an
# abbreviated organisation head ("Co."), a party label ("R-Ky."), gazetteer names, particles,
# joints, quotation marks, brackets and dashes
PIECES = st.sampled_from(
    ["Prime", "Minister", "Gen.", "Lt.", "Sen.", "May", "June", "Monday", "F.", "J.", "Jr.", "Sr", "Co.",
     "Inc.", "Esq.", "Esq", "M.D.", "Ph.D.", "R-Ky.", "D-N.Y.", "New", "York", "France", "Paris", "van", "de", "of", "the", "and", "&", "for",
     "Ana", "Voss", "Harwell", "MBE", "PhD", "AI-made", "said", "it", "may", "co", "i", ".", ",", "\"", "'",
     "(", ")", "\u201c", "\u201d", "-", "--", "\u2014", ":", "...", "42"]
)
SEPS = st.sampled_from([" ", " ", " ", "", ", ", "\n\n", ". "])


def _plain_units(doc, sent, res, gaz_at, quote_starts):
    """The unit reader without the per-document word memo: :func:`_word_unit` for every word."""
    text = doc.text
    toks = [t for t in doc.tokens if sent.start <= t.start < sent.end]
    units = []
    i, prev_text, seen_word = 0, None, False
    while i < len(toks):
        t = toks[i]
        if not seen_word and i and any(ch.isalnum() for ch in text[toks[i - 1].start:toks[i - 1].end]):
            seen_word = True
        initial = not seen_word or prev_text in _OPENERS or (
            prev_text in ('"', "'") and units and units[-1].start in quote_starts)
        first = text[t.start:t.start + 2]
        g = gaz_at.get(t.start)
        made = _gaz_unit(text, toks, i, g, initial) if g is not None else None
        if made is None and first in ("R-", "D-", "I-"):
            made = _party_unit(text, toks, i, initial)
        if made is None and first[:1].isupper():
            made = _title_unit(text, toks, i, res, initial)
        if made is not None:
            unit, j, last = made
            prev_text = text[toks[last].start:toks[last].end]
        else:
            unit, j = _word_unit(text, toks, i, res, initial)
            prev_text = text[t.start:t.end]
        units.append(unit)
        i = j
    return units


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(PIECES, SEPS), min_size=1, max_size=30))
def test_sentence_units_equal_plain_reader(pairs):
    body = "".join(w + s for w, s in pairs).strip() or "x"
    doc = tokenise(article_from_text("Title\n\n" + body + "\n", "t"))
    res = resources()
    f = recognisers.Found(doc, res)
    recognisers.weapon_classes(f)
    recognisers.gazetteer_names(f)
    gaz_at = {c.start: c for c in f.cands if c.rule == "gazetteer"}
    quote_starts = {q.start for q in doc.quotes}
    memo: dict = {}
    for sent in doc.sentences:
        units = sentence_units(doc, sent, res, gaz_at, quote_starts, memo)
        assert units == _plain_units(doc, sent, res, gaz_at, quote_starts)
        assert all(type(u) is Unit for u in units)  # built by tuple.__new__: still Units


# made-up text around names of the gazetteer, role nouns and years: inside words ("XParis",
# "Parisx"), after underscores and hyphens, and overlapping ("St. Louis" after a letter)
SCAN_PIECES = st.sampled_from(
    ["Paris", "New", "York", "France", "French", "St.", "Louis", "X", "x", "_", "-", "'", " ", " ", ".", ",",
     "the", "The", "Nato", "NATO", "chief", "minister", "in", "In", "since", "2014", "1999", "of", "\u00e9"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(SCAN_PIECES, max_size=40).map("".join))
def test_word_start_scan_equals_finditer(text):
    from analysis.mentions.scan import finditer_at_word_starts, split_lookbehind

    res = resources()
    for pattern in (res.names_re, res.role_re, res.year_re, res.pronoun_re, res.date_re):
        assert split_lookbehind(pattern) is not None
        fast = [(m.span(), m.groups()) for m in finditer_at_word_starts(pattern, text)]
        assert fast == [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_word_start_scan_finds_a_name_inside_a_rejected_match():
    import re

    from analysis.mentions.scan import finditer_at_word_starts

    pattern = re.compile(r"(?<![^\W_])(?:Ab Cd|Cd)(?![^\W_])")
    assert [m.group() for m in finditer_at_word_starts(pattern, "xAb Cd, Ab Cd")] == ["Cd", "Ab Cd"]



TERM_PIECES = st.sampled_from(
    ["sea", "surface", "salinity", "a", "of", "x-ray", "Big", " ", " ", "  ", "\n", "\u00a0", "-", "(", ")",
     "(SSS)", "(SS)", "(SSSs)", "(Ss)", "(ABCDEFGHI)", "(AB", "AB)", ".", ",", "\u00e9", "1"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(TERM_PIECES, max_size=40).map("".join))
def test_defined_acronyms_from_brackets_equal_finditer(text):
    from analysis.mentions.orgnames import _DEFINED, defined_matches

    assert [(m.span(), m.groups()) for m in defined_matches(text)] == [
        (m.span(), m.groups()) for m in _DEFINED.finditer(text)]


# made-up all-caps and mixed lines near the nine-in-ten threshold, with capitals and small
# letters outside ASCII ("É", "é", "ß"), a title-case letter ("ǅ"), uncased letters ("中") and digits
CAPS_PIECES = st.sampled_from(
    ["TALKS", "IN", "GENEVA", "STALL", "A", "x", "e", "in", "Kelso", "\u00c9", "\u00e9", "\u00df", "\u01c5",
     "\u4e2d", "\u00ab", "2001", " ", " ", "-", "'", "\u2019", ".", "\n"]
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.lists(CAPS_PIECES, max_size=40).map("".join), st.text(max_size=60)))
def test_all_caps_prefilter_equals_letter_count(text):
    from analysis.mentions.wire import _all_caps, _all_caps_plain

    pad = "ab " + text + " cd"  # a span inside a longer text, as a sentence is
    assert _all_caps(pad, 3, 3 + len(text)) == _all_caps_plain(text)


def test_all_caps_prefilter_keeps_a_mostly_capital_line():
    from analysis.mentions.wire import _all_caps

    line = "TALKS IN GENEVA STALL as usual"  # made up: 16 capitals, 7 small letters
    assert not _all_caps(line, 0, len(line))
    line = "TALKS IN GENEVA STALL AGAIN, x"  # 22 capitals, 1 small letter: over nine in ten
    assert _all_caps(line, 0, len(line))


# made-up text around craft nouns: determiners in both cases, one- and two-word nouns, a noun
# inside a longer word ("airliner"), nouns in capitals, white space of several kinds, names
CRAFT_PIECES = st.sampled_from(
    ["the", "The", "THE", "an", "a", "its", "her", "our", "shuttle", "tanker", "storm", "tropical", "liner",
     "airliner", "space", "station", "aircraft", "carrier", "Storm", "SHIP", "old", "rusty", "big", "said",
     "Endeavour", "Sea", "Maiden", "Dorrie", "x-ray", "1", ",", ".", " ", " ", " ", "  ", "\n", "\t", "\u00a0",
     "\u2003", "\u00e9"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(CRAFT_PIECES, max_size=40).map("".join))
def test_craft_noun_precheck_equals_search(text):
    from analysis.mentions.works import _craft_noun_before_plain, craft_noun_before

    for start in range(len(text) + 1):
        assert craft_noun_before(text, start) == _craft_noun_before_plain(text, start)


def test_craft_noun_precheck_passes_a_craft_noun():
    from analysis.mentions.works import craft_noun_before

    text = "They boarded the rusty aircraft carrier \n Harlow Star. Then they said Harlow."  # made up
    assert craft_noun_before(text, text.index("Harlow"))
    assert not craft_noun_before(text, text.rindex("Harlow"))


def _title_line_plain(last: str, words: list[str]) -> bool:
    """:func:`.units.is_title_line` for a body sentence, counting the upper-case words outright."""
    alpha = [w for w in words if w[:1].isalpha()]
    if len(alpha) < 2 or alpha[0] in ("By", "BY") and len(alpha) <= 8 and alpha[1][:1].isupper():
        return False
    if sum(1 for w in alpha if len(w) > 1 and w.isupper()) / len(alpha) >= 0.6 and len(alpha) >= 3:
        return True
    return last not in ".!?\"”’'" and sum(1 for w in alpha if w[:1].isupper()) / len(alpha) >= 0.6


# made-up words of a line: all-caps words, one-letter capitals ("A", "I": upper case but too short
# to count), title-case and small words, a title-case letter ("ǅ"), uncased letters ("中"), digits
LINE_WORDS = st.sampled_from(["TALKS", "IN", "GENEVA", "A", "I", "Kelso", "By", "BY", "in", "x", "\u01c5",
                              "\u4e2dA", "\u00c9T\u00c9", "2001", ",", "'s"])


@settings(max_examples=400, deadline=None)
@given(st.lists(LINE_WORDS, max_size=14), st.sampled_from([".", "s", "\u201d"]))
def test_title_line_upper_prefilter_equals_plain_count(words, last):
    from types import SimpleNamespace

    from analysis.mentions.units import is_title_line

    doc = SimpleNamespace(text="x" + last)
    sent = SimpleNamespace(zone="body", start=0, end=2)
    assert is_title_line(doc, sent, words) == _title_line_plain(last, words)


def test_mentions_built_at_once_equal_dataclass_init():
    """:func:`.records.make_mention` (used by :func:`.table.to_mention`) gives what ``Mention(...)``
    gives: every field, in order, equal objects with equal hashes, still frozen."""
    import dataclasses

    import pytest

    from analysis.mentions import find_mentions
    from analysis.mentions.records import Mention

    text = ("Harbour Minister Ana Voss met Lt. Gen. Bo Chen in Paris on Monday.\n\n"
            "\"We are ready,\" she said. The minister thanked NATO and Harwell Foods Inc.\n")  # made up
    ments = find_mentions(tokenise(article_from_text("Talks in Paris\n\n" + text, "t")))
    assert len(ments) >= 6
    names = [f.name for f in dataclasses.fields(Mention)]
    for m in ments:
        plain = Mention(**{k: getattr(m, k) for k in names})
        assert list(vars(m)) == names and m == plain and hash(m) == hash(plain)
        with pytest.raises(dataclasses.FrozenInstanceError):
            m.start = 0


# made-up text around slashed names and party members: slashes inside and after words, runs of
# capitals, "the" in both cases glued to letters, underscores, hyphens and periods before them
SLASH_PIECES = st.sampled_from(
    ["Venn", "Okafor", "Harlow", "Jo", "A.", "/", "/", "x", "X", "_", "-", ".", "'", " ", " ", "\n", "the", "The",
     "xthe", "Communists", "Socialists", "Democrats", "\u00e9"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(SLASH_PIECES, max_size=40).map("".join))
def test_word_start_scan_equals_finditer_for_firms_and_parties(text):
    from analysis.mentions.orgnames import _SLASH, _party_table
    from analysis.mentions.scan import finditer_at_word_starts, split_lookbehind

    for pattern in (_SLASH, _party_table()[0]):
        assert split_lookbehind(pattern) is not None
        fast = [(m.span(), m.groups()) for m in finditer_at_word_starts(pattern, text)]
        assert fast == [(m.span(), m.groups()) for m in pattern.finditer(text)]


# made-up text with pronouns and weapon class nouns in every case, inside longer words, after
# apostrophes and hyphens, and the characters case folding treats oddly (İ, ı, ſ, the Kelvin sign)
FOLD_PIECES = st.sampled_from(
    ["he", "He", "HE", "hEr", "him", "HIMSELF", "she", "hers", "his", "x", "X", "'", "’", "-", "_", " ", " ",
     "\n", ".", "howitzer", "Howitzers", "TANKS", "tank", "drones", "missile", "\u0130", "\u0131", "\u017f",
     "\u212a", "s\u0307", "\u00e9", "\u00df"]
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.lists(FOLD_PIECES, max_size=40).map("".join), st.text(max_size=60)))
def test_fold_spans_equal_ignorecase_finditer(text):
    from analysis.mentions.scan import fold_spans

    res = resources()
    for pattern, folded in ((res.classes_re, res.classes_fold_re), (res.pronoun_re, res.pronoun_fold_re)):
        assert list(fold_spans(pattern, folded, text)) == [m.span() for m in pattern.finditer(text)]


def test_case_fold_odd_characters_are_all_of_them():
    """Over every code point: an ASCII letter or digit under IGNORECASE matches exactly the
    characters whose lower case is that letter, but for the odd ones scan.fold_spans avoids;
    lower() keeps \\w-ness and (but for İ) the length of every other character."""
    import re
    import string

    from analysis.mentions.scan import _CASE_FOLD_ODD

    chars = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000 and chr(i) not in _CASE_FOLD_ODD)
    lowered = chars.lower()
    assert len(lowered) == len(chars)
    for q in string.ascii_lowercase + string.digits + " -'\u2019":
        assert re.findall(re.escape(q), chars, re.IGNORECASE) == [c for c, low in zip(chars, lowered) if low == q]
    assert [m.start() for m in re.finditer(r"\w", chars)] == [m.start() for m in re.finditer(r"\w", lowered)]


# made-up company names with designators after a comma (or not), in several cases and spacings
DESIGNATOR_PIECES = st.sampled_from(
    ["Harwell", "Foods", "ACME", "WIDGETS", "Kelso", "2001", "BY", "of", "the", ",", ", ", ",\t", ",  ", " ",
     " ", "Inc.", "INC.", "Inc", "Ltd", "Co.", "Corp", "Corp.", "GmbH", "S.p.A.", "LLC", "x", "&", ".", "-", "\n"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(DESIGNATOR_PIECES, max_size=30).map("".join))
def test_designator_prefilter_keeps_every_match(text):
    from analysis.mentions.orgnames import _designated_re, _designator_after_comma

    full = [m.span() for m in _designated_re().finditer(text)]
    assert not full or _designator_after_comma().search(text) is not None
