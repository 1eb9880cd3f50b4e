"""Tests of the annotated HTML view (analysis.render).

HTML is checked with :class:`StrictHTML`, a strict tag-balance checker built on the
standard library's ``html.parser``: every end tag must close the innermost open
element, nothing may stay open, and it records which elements enclose each run of
text so tests can read back the marked spans.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import render
from analysis.annotations import AnnotationError
from analysis.article import article_from_text, load_article
from analysis.claims import CLAIM_COLUMNS
from analysis.mentions import MENTION_COLUMNS
from analysis.pipeline import analyse
from analysis.tables import typed_frame

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "raw" / "newsweek-nato-fills-holes-stockpiles.txt"

VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source"}


class StrictHTML(HTMLParser):
    """Parse HTML, fail on unbalanced tags, record text with its enclosing elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.errors: list[str] = []
        self.starts: list[tuple[str, dict]] = []
        self.chunks: list[tuple[str, tuple[tuple[str, dict], ...]]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.starts.append((tag, a))
        if tag not in VOID:
            self.stack.append((tag, a))

    def handle_startendtag(self, tag, attrs):
        self.starts.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data):
        self.chunks.append((data, tuple(self.stack)))

    def close(self):
        super().close()
        if self.stack:
            self.errors.append(f"unclosed: {[t for t, _ in self.stack]}")


def parse(doc: str) -> StrictHTML:
    p = StrictHTML()
    p.feed(doc)
    p.close()
    assert p.errors == [], p.errors
    return p


def has_class(attrs: dict, cls: str) -> bool:
    return cls in (attrs.get("class") or "").split()


def aside(stack) -> bool:
    """Inside an element that is not article text (claim badge, resolved-entity label)."""
    return any(has_class(a, "ar-aside") for _, a in stack)


def pieces(p: StrictHTML, attr: str) -> dict[str, str]:
    """Text of every element carrying ``attr``, concatenated over its pieces, by id."""
    out: dict[str, str] = {}
    for data, stack in p.chunks:
        if aside(stack):
            continue
        seen = set()
        for tag, a in stack:
            if attr in a and a[attr] not in seen:
                seen.add(a[attr])
                out[a[attr]] = out.get(a[attr], "") + data
    return out


def paragraph_texts(p: StrictHTML) -> dict[int, str]:
    """Text inside each row's <p>, claim badges excluded."""
    out: dict[int, str] = {}
    for data, stack in p.chunks:
        tags = [t for t, _ in stack]
        if "p" not in tags or aside(stack):
            continue
        row = next(a for t, a in stack if "data-paragraph" in a)
        out[int(row["data-paragraph"])] = out.get(int(row["data-paragraph"]), "") + data
    return out


# --- a synthetic article and tables -------------------------------------------

TEXT = (
    "Alliance Chief Warns on Ammunition\n\n"
    "Listen to this article\n\n"
    "Alliance of Northern States Secretary-General Maria Lopez said on Monday that members must rebuild stocks.\n\n"
    "\u201cWe are not there yet,\u201d she said. \u201cThe Alliance needs more shells.\u201d\n\n"
    "Tomas Berg, an analyst at Baltic Research, told reporters that production could double by 2025.\n"
)


#: values for columns a test does not set (a schema may grow columns)
DEFAULTS = {"int64": -1, "bool": False, "string": None}


def occ(text: str, surface: str, nth: int = 0) -> int:
    i = -1
    for _ in range(nth + 1):
        i = text.index(surface, i + 1)
    return i


def mention_frame(text: str, specs: list[tuple], article_id: str = "synthetic") -> pd.DataFrame:
    """specs: (surface, nth, entity_id, entity, entity_type, mention_kind)."""
    rows = {c: [] for c in MENTION_COLUMNS}
    for k, (surface, nth, eid, entity, etype, kind) in enumerate(specs):
        s = occ(text, surface, nth)
        for c, v in {**{c: DEFAULTS[t] for c, t in MENTION_COLUMNS.items()}, 
            "article_id": article_id, "mention_id": f"m{k:03d}", "entity_id": eid, "entity": entity,
            "entity_type": etype, "surface": surface, "start": s, "end": s + len(surface), "sentence_id": 0,
            "paragraph_id": 0, "zone": "body", "mention_kind": kind, "in_quote": False,
        }.items():
            rows[c].append(v)
    return typed_frame(rows, MENTION_COLUMNS)


def claim_frame(text: str, specs: list[tuple], article_id: str = "synthetic") -> pd.DataFrame:
    """specs: (first words, last words, speaker, speaker_entity_id, attribution, category)."""
    rows = {c: [] for c in CLAIM_COLUMNS}
    for k, (first, last, speaker, seid, attribution, category) in enumerate(specs):
        s = occ(text, first)
        e = occ(text, last, 0) + len(last)
        vals = {c: DEFAULTS[t] for c, t in CLAIM_COLUMNS.items()}
        vals.update({
            "article_id": article_id, "claim_id": f"c{k:03d}", "sentence_id": 0, "paragraph_id": 0, "zone": "body",
            "start": s, "end": e, "text": text[s:e], "attribution": attribution, "speaker": speaker,
            "speaker_entity_id": seid, "speaker_mention_id": None, "cue": "said", "cue_lemma": "say", "quote": "",
            "category": category, "has_number": False, "has_date": False, "entity_ids": "",
        })
        for c in CLAIM_COLUMNS:
            rows[c].append(vals[c])
    return typed_frame(rows, CLAIM_COLUMNS)


@pytest.fixture
def synthetic():
    art = article_from_text(TEXT, "synthetic")
    mentions = mention_frame(TEXT, [
        ("Alliance", 1, "e1", "Alliance of Northern States", "ORG", "name"),  # inside the headline? no: nth=1 is body
        ("Maria Lopez", 0, "e2", "Maria Lopez", "PERSON", "name"),
        ("she", 0, "e2", "Maria Lopez", "PERSON", "pronoun"),
        ("The Alliance", 0, "e1", "Alliance of Northern States", "ORG", "nominal"),
        ("Tomas Berg", 0, "e3", "Tomas Berg", "PERSON", "name"),
        ("Baltic Research", 0, "e4", "Baltic Research", "ORG", "name"),
    ])
    claims = claim_frame(TEXT, [
        ("members must", "rebuild stocks", "Maria Lopez", "e2", "indirect", "policy"),
        ("\u201cWe are", "more shells.\u201d", "Maria Lopez", "e2", "direct", "assessment"),
        ("production could", "by 2025", "Tomas Berg", "e3", "indirect", "prediction"),
    ])
    return art, {"mentions": mentions, "claims": claims}


# --- structure ----------------------------------------------------------------

def test_synthetic_view_is_balanced_and_marks_every_row(synthetic):
    art, tables = synthetic
    doc = render.render_html(art, tables, None)
    p = parse(doc)
    m = pieces(p, "data-mention")
    c = pieces(p, "data-claim")
    assert set(m) == set(tables["mentions"]["mention_id"])
    assert set(c) == set(tables["claims"]["claim_id"])
    for r in tables["mentions"].itertuples():
        assert m[r.mention_id] == r.surface
    for r in tables["claims"].itertuples():
        assert c[r.claim_id] == r.text
    # one margin note and one badge per claim
    notes = [a for t, a in p.starts if "data-claim-note" in a]
    assert sorted(a["data-claim-note"] for a in notes) == sorted(tables["claims"]["claim_id"])


def test_paragraph_text_is_the_article_text(synthetic):
    art, tables = synthetic
    p = parse(render.render_html(art, tables, None))
    texts = paragraph_texts(p)
    assert texts == {q.paragraph_id: art.paragraph_text(q) for q in art.paragraphs}


def test_zones_are_marked(synthetic):
    art, tables = synthetic
    p = parse(render.render_fragment(art, tables, None))
    rows = {int(a["data-paragraph"]): a["class"] for t, a in p.starts if "data-paragraph" in a}
    for q in art.paragraphs:
        assert f"ar-z-{q.zone}" in rows[q.paragraph_id].split()
    assert {q.zone for q in art.paragraphs} >= {"headline", "notice", "body"}


def test_mentions_nest_inside_claims_and_quotes(synthetic):
    art, tables = synthetic
    p = parse(render.render_html(art, tables, None))
    for data, stack in p.chunks:
        if data == "she":
            classes = [a.get("class", "") for _, a in stack]
            assert any("ar-c" in c.split() for c in classes), "pronoun sits inside the direct claim"
            assert any("ar-m" in c.split() for c in classes)
            # claim is the outer element, the mention the inner one
            idx_c = next(i for i, (_, a) in enumerate(stack) if has_class(a, "ar-c"))
            idx_m = next(i for i, (_, a) in enumerate(stack) if has_class(a, "ar-m"))
            assert idx_c < idx_m
            break
    else:
        pytest.fail("pronoun not found")
    quoted = "".join(d for d, s in p.chunks if any(has_class(a, "ar-q") for _, a in s))
    assert "We are not there yet" in quoted and "rebuild stocks" not in quoted


def test_pronoun_shows_its_entity_and_name_does_not(synthetic):
    art, tables = synthetic
    p = parse(render.render_html(art, tables, None))
    attrs = {a["data-mention"]: a for t, a in p.starts if "data-mention" in a}
    she = attrs["m002"]
    assert has_class(she, "ar-res") and she["data-entity"] == "Maria Lopez"
    assert "Maria Lopez" in she["title"] and "pronoun" in she["title"]
    assert not has_class(attrs["m001"], "ar-res")  # "Maria Lopez" names itself
    assert has_class(attrs["m003"], "ar-res")  # "The Alliance" → full name


def test_claim_label_and_speaker_colours(synthetic):
    art, tables = synthetic
    p = parse(render.render_html(art, tables, None))
    claims = {}
    for t, a in p.starts:
        if "data-claim" in a:
            claims.setdefault(a["data-claim"], a)
    assert claims["c000"]["title"] == "[1] Maria Lopez \u00b7 indirect \u00b7 policy"
    line = lambda a: a["style"].split("border-bottom:")[1].split(";")[0].split()  # noqa: E731  [width, style, colour]
    assert line(claims["c000"])[2] == line(claims["c001"])[2] != line(claims["c002"])[2]
    assert line(claims["c000"])[1] == "dashed" and line(claims["c001"])[1] == "solid"


def test_claims_are_split_at_paragraph_boundaries():
    text = "Head line here\n\nAlpha said that one thing\n\nand another thing happened.\n"
    art = article_from_text(text, "x")
    claims = claim_frame(text, [("one thing", "another thing", "Alpha", "e1", "indirect", "fact")], "x")
    mentions = mention_frame(text, [("Alpha", 0, "e1", "Alpha", "PERSON", "name")], "x")
    p = parse(render.render_html(art, {"claims": claims, "mentions": mentions}, None))
    rows = set()
    for data, stack in p.chunks:
        if any(a.get("data-claim") == "c000" for _, a in stack):
            rows.add(next(a["data-paragraph"] for _, a in stack if "data-paragraph" in a))
    assert len(rows) == 2
    assert pieces(p, "data-claim")["c000"] == "one thingand another thing"


def test_partial_overlaps_still_nest():
    text = "Headline\n\nThe quick brown fox jumps over the lazy dog today.\n"
    art = article_from_text(text, "x")
    mentions = mention_frame(text, [("brown fox jumps", 0, "e1", "Fox", "ANIMAL", "name")], "x")
    claims = claim_frame(text, [("fox jumps over", "lazy dog", "", "", "unattributed", "fact")], "x")
    p = parse(render.render_html(art, {"claims": claims, "mentions": mentions}, None))
    assert pieces(p, "data-mention")["m000"] == "brown fox jumps"
    assert pieces(p, "data-claim")["c000"] == "fox jumps over the lazy dog"


def test_bad_offsets_are_reported_not_fatal(synthetic):
    art, tables = synthetic
    m = tables["mentions"].copy()
    m.loc[0, "start"] = len(art.text) + 5
    m.loc[0, "end"] = len(art.text) + 9
    doc = render.render_html(art, {"mentions": m, "claims": tables["claims"]}, None)
    parse(doc)
    assert "Not shown: 1 mentions" in doc


def test_empty_tables_render():
    art = article_from_text("Just a headline\n\nAnd a body.\n", "x")
    p = parse(render.render_html(art, {}, None))
    assert paragraph_texts(p) == {0: "Just a headline", 1: "And a body."}


# --- safety -------------------------------------------------------------------

HOSTILE = (
    "<script>alert('h')</script> Headline & \"quotes\"\n\n"
    "Bob <img src=x onerror=alert(1)> said \"A & B <b>bold</b>\" and 'single' </p></div><!-- x -->.\n"
)


def test_hostile_text_is_plain_text():
    art = article_from_text(HOSTILE, "<evil id=\"1\">")
    mentions = mention_frame(HOSTILE, [("Bob", 0, "e\"1", "Bob \"><script>x</script>", "PER<SON>", "na'me")], "e")
    claims = claim_frame(HOSTILE, [("\"A &", "</b>\"", "<i>Bob</i> & co", "e\"1", "dir\"ect", "<cat>")], "e")
    ann = pd.DataFrame({"article_id": [art.article_id] * 2, "claim_id": ["c000", "<orphan>"], "label": ["<b>wrong</b>", "x"],
                        "note": ["he said \"x\" & <script>y</script>", "z"]})
    doc = render.render_html(art, {"mentions": mentions, "claims": claims}, ann)
    p = parse(doc)
    tags = {t for t, _ in p.starts}
    assert not tags & {"script", "img", "b", "i", "cat"}
    assert not any(k.startswith("on") for _, a in p.starts for k in a)
    assert paragraph_texts(p) == {q.paragraph_id: art.paragraph_text(q) for q in art.paragraphs}
    assert "<script>" not in doc and "&amp;" in doc and "&quot;" in doc
    titles = [a["title"] for _, a in p.starts if "data-mention" in a]
    assert titles and 'Bob "><script>x</script>' in titles[0]  # decoded back to the literal text
    notes = "".join(d for d, s in p.chunks if any(has_class(a, "ar-ann") for _, a in s))
    assert "<script>y</script>" in notes and "<b>wrong</b>" in notes
    assert "&lt;orphan&gt;" in doc
    # class names built from values are sanitised
    for _, a in p.starts:
        for cls in (a.get("class") or "").split():
            assert all(ch.isalnum() or ch == "-" for ch in cls), cls


def test_full_document_forbids_scripts(synthetic):
    art, tables = synthetic
    doc = render.render_html(art, tables, None)
    assert doc.startswith("<!DOCTYPE html>")
    assert "default-src 'none'" in doc
    assert "http://" not in doc and "https://" not in doc and "url(" not in doc and "@import" not in doc


# --- determinism and annotations ------------------------------------------------

def test_same_input_same_bytes_whatever_the_row_order(synthetic):
    art, tables = synthetic
    a = render.render_html(art, tables, None)
    shuffled = {k: v.sample(frac=1.0, random_state=3).reset_index(drop=True) for k, v in tables.items()}
    assert render.render_html(art, shuffled, None) == a
    assert render.render_html(art, tables, None) == a


def test_annotations_appear_beside_their_claim(synthetic):
    art, tables = synthetic
    ann = pd.DataFrame({"article_id": ["synthetic", "other"], "claim_id": ["c002", "c000"],
                        "label": ["needs-check", "wrong-article"], "note": ["2025 figure unsourced", "nope"]})
    p = parse(render.render_html(art, tables, ann))
    note_text: dict[str, str] = {}
    for data, stack in p.chunks:
        for _, a in stack:
            if "data-claim-note" in a:
                note_text[a["data-claim-note"]] = note_text.get(a["data-claim-note"], "") + data
    assert "needs-check" in note_text["c002"] and "2025 figure unsourced" in note_text["c002"]
    assert "wrong-article" not in note_text["c000"]
    assert "Tomas Berg \u00b7 indirect \u00b7 prediction" in note_text["c002"]


def test_load_annotations_missing_or_malformed(tmp_path):
    # one reader for notebooks and render: analysis.annotations (strict; tests/test_annotations.py)
    assert render.load_annotations(tmp_path / "none.csv").empty
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"bad.csv: line 1: missing column"):
        render.load_annotations(bad)
    good = tmp_path / "good.csv"
    good.write_text("article_id,claim_id,label,note,author,updated\na,c1,ok,\"fine, really\",,\n", encoding="utf-8")
    df = render.load_annotations(good)
    assert list(df["note"]) == ["fine, really"]


def test_notebook_object(synthetic):
    art, tables = synthetic
    v = render.ArticleView(art, tables, None)
    frag = v._repr_html_()
    assert frag.startswith('<div class="ar-root"') and "<html" not in frag and "<style" not in frag
    parse(frag)
    assert v.html() == render.render_html(art, tables, None)


# --- property: any spans over any paragraphs give balanced HTML with all text ----

@st.composite
def article_and_spans(draw):
    words = draw(st.lists(st.sampled_from(["a", "b&", "<c>", "d\"", "e'", "f", "\u201cg", "h\u201d"]), min_size=3, max_size=40))
    text = ""
    for i, w in enumerate(words):
        text += w + draw(st.sampled_from([" ", " ", "\n\n"])) if i else w + "\n\n"
    n = len(text)
    def spans(k):
        out = []
        for _ in range(k):
            s = draw(st.integers(0, n - 1))
            e = draw(st.integers(s + 1, n))
            out.append((s, e))
        return out
    return text, spans(draw(st.integers(0, 6))), spans(draw(st.integers(0, 4)))


@settings(max_examples=150, deadline=None)
@given(article_and_spans())
def test_any_spans_render_balanced(data):
    text, mspans, cspans = data
    art = article_from_text(text, "h")
    m = typed_frame({c: [] for c in MENTION_COLUMNS}, MENTION_COLUMNS)
    rows = {c: [] for c in MENTION_COLUMNS}
    for k, (s, e) in enumerate(mspans):
        for c, v in {**{c: DEFAULTS[t] for c, t in MENTION_COLUMNS.items()}, "article_id": "h", "mention_id": f"m{k}", "entity_id": "e", "entity": "E", "entity_type": "T",
                     "surface": text[s:e], "start": s, "end": e, "sentence_id": 0, "paragraph_id": 0,
                     "zone": "body", "mention_kind": "name", "in_quote": False}.items():
            rows[c].append(v)
    m = typed_frame(rows, MENTION_COLUMNS)
    crow = {c: [] for c in CLAIM_COLUMNS}
    for k, (s, e) in enumerate(cspans):
        for c in CLAIM_COLUMNS:
            crow[c].append({"claim_id": f"c{k}", "start": s, "end": e, "text": text[s:e], "sentence_id": 0,
                            "paragraph_id": 0}.get(c, "x" if CLAIM_COLUMNS[c] == "string" else DEFAULTS[CLAIM_COLUMNS[c]]))
    cl = typed_frame(crow, CLAIM_COLUMNS)
    p = parse(render.render_html(art, {"mentions": m, "claims": cl}, None))
    assert paragraph_texts(p) == {q.paragraph_id: art.paragraph_text(q) for q in art.paragraphs}
    inside = lambda s, e: "".join(text[max(s, q.start):min(e, q.end)] for q in art.paragraphs)  # noqa: E731
    got_m = pieces(p, "data-mention")
    for k, (s, e) in enumerate(mspans):
        if inside(s, e):
            assert got_m[f"m{k}"] == inside(s, e)
    got_c = pieces(p, "data-claim")
    for k, (s, e) in enumerate(cspans):
        if inside(s, e):
            assert got_c[f"c{k}"] == inside(s, e)


# --- the real pipeline --------------------------------------------------------

@pytest.mark.parametrize("source", ["seed", "synthetic"])
def test_real_pipeline_every_row_is_marked(source):
    art = load_article(SEED) if source == "seed" else article_from_text(TEXT, "synthetic")
    tables = analyse(art)
    p = parse(render.render_html(art, tables, render.load_annotations()))
    m = pieces(p, "data-mention")
    c = pieces(p, "data-claim")
    assert len(m) == len(tables["mentions"]) and set(m) == set(tables["mentions"]["mention_id"])
    assert len(c) == len(tables["claims"]) and set(c) == set(tables["claims"]["claim_id"])
    for r in tables["mentions"].itertuples():
        assert m[r.mention_id] == art.text[r.start:r.end]
    assert paragraph_texts(p) == {q.paragraph_id: art.paragraph_text(q) for q in art.paragraphs}


# --- the CLI body ---------------------------------------------------------------

def test_render_paths_writes_one_page_per_article(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "one.txt").write_text(TEXT, encoding="utf-8")
    (src / "two.txt").write_text("Second headline\n\nBody <b>text</b> & more.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert render.render_paths([str(src)], str(out)) == 0
    assert sorted(f.name for f in out.iterdir()) == ["one.html", "two.html"]
    two = parse((out / "two.html").read_text(encoding="utf-8"))
    assert paragraph_texts(two)[1] == "Body <b>text</b> & more."
    assert "b" not in {t for t, _ in two.starts}
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2
    first = (out / "one.html").read_bytes()
    assert render.render_paths([str(src / "one.txt")], str(out)) == 0
    assert (out / "one.html").read_bytes() == first


def test_render_paths_errors_are_one_line_and_exit_2(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    status = render.render_paths([str(tmp_path / "missing.txt"), str(empty), str(good)], str(out))
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2
    assert len(err) == 2 and all(line.startswith("error: ") for line in err)
    assert "missing.txt" in err[0] and "empty" in err[1]
    assert (out / "good.html").exists()  # the good article is still rendered


def test_render_paths_refuses_data_raw(tmp_path, capsys):
    raw = tmp_path / "data" / "raw" / "views"
    status = render.render_paths([str(SEED)], str(raw))
    assert status == 2 and not raw.exists()
    assert capsys.readouterr().err.startswith("error: ")


def test_render_paths_duplicate_ids(tmp_path, capsys):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "same.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b" / "same.txt").write_text(TEXT, encoding="utf-8")
    status = render.render_paths([str(tmp_path / "a"), str(tmp_path / "b")], str(tmp_path / "out"))
    assert status == 2
    assert "already used" in capsys.readouterr().err


def test_marked_ids(synthetic):
    art, tables = synthetic
    ids = render.marked_ids(render.render_html(art, tables, None))
    assert ids["mention"] == set(tables["mentions"]["mention_id"])
    assert ids["claim"] == ids["claim-note"] == set(tables["claims"]["claim_id"])
    assert len(ids["quote"]) == 2


# --- the view survives JupyterLab's sanitizer (untrusted notebooks) ----------------

#: Tags of JupyterLab's sanitizer allow-list that the view may use (a subset of sanitizer.ts).
SANITIZER_TAGS = {"div", "span", "p", "sub", "sup", "strong", "code", "em", "b", "i", "small"}
#: Attributes the sanitizer keeps on any tag; ``data-*`` are dropped (the view needs none to look right).
SANITIZER_ATTRS = {"class", "style", "title", "id", "lang", "dir"}
_VALUE = r"(#[0-9a-f]{3,8}|[+-]?(\d*\.)?\d+(px|em|%)?|-?[a-z][a-z-]*|,)"


def _declarations(style_value: str):
    for d in style_value.split(";"):
        if d.strip():
            prop, _, value = d.partition(":")
            yield prop.strip().lower(), value.strip()


def test_fragment_uses_only_what_the_sanitizer_keeps(synthetic):
    import re

    from analysis.render_style import SAFE_PROPERTIES

    art, tables = synthetic
    frag = render.render_fragment(art, tables, pd.DataFrame({"article_id": ["synthetic"], "claim_id": ["c000"], "label": ["x"], "note": ["y"]}))
    p = parse(frag)
    assert "<style" not in frag.lower() and "<script" not in frag.lower()
    styled = 0
    for tag, attrs in p.starts:
        assert tag in SANITIZER_TAGS, tag
        for name, value in attrs.items():
            assert name in SANITIZER_ATTRS or name.startswith("data-"), (tag, name)
        for prop, value in _declarations(attrs.get("style") or ""):
            styled += 1
            assert prop in SAFE_PROPERTIES, prop
            assert not re.search(r"var\(|calc\(|url\(|!important|attr\(", value), value
            words = re.findall(r"#[0-9a-f]+|[^\s,]+|,", value.lower())
            assert all(re.fullmatch(_VALUE, w) for w in words), (prop, value)
    assert styled > 50


def test_every_look_is_inline(synthetic):
    """No look relies on a class: mentions carry their tint, claims their line, rows their zone bar."""
    art, tables = synthetic
    p = parse(render.render_fragment(art, tables, None))
    for tag, a in p.starts:
        if has_class(a, "ar-m"):
            assert "background-color:#" in a["style"]
        if "data-claim" in a:
            assert re.search(r"border-bottom:\dpx (solid|double|dashed|dotted) #", a["style"])
        if has_class(a, "ar-zone"):
            assert "border-left:4px solid #" in a["style"]


def test_resolved_entity_is_shown_after_the_pronoun_once(synthetic):
    art, tables = synthetic
    p = parse(render.render_fragment(art, tables, None))
    labels = [d for d, s in p.chunks if any(t == "sub" and has_class(a, "ar-aside") for t, a in s)]
    assert labels.count("\u2192\u00a0Maria Lopez") == 1  # "she" → Maria Lopez
    assert labels.count("\u2192\u00a0Alliance of Northern States") == 1  # "The Alliance"


def test_zone_gutter_uses_the_vocabulary_colours(synthetic):
    from analysis import vocabulary

    art, tables = synthetic
    p = parse(render.render_fragment(art, tables, None))
    for tag, a in p.starts:
        if has_class(a, "ar-zone"):
            row_zone = next(z for z in vocabulary.ZONES if f"border-left:4px solid {vocabulary.ZONE_COLOURS[z]}" in a["style"])
            assert row_zone in vocabulary.ZONES
