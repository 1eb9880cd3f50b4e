"""Every parameterised notebook tells the truth about any article.

Each made-up article (no quotations at all; British single quotes; a wire story
with a dateline; no organisations) is run through every notebook with papermill,
as ``python -m analysis report`` runs them, and the outputs are checked: no error
and no stderr; no empty finding; no word of the seed article's topic or cast
unless the article itself has it; and every computed heading equals the finding
recomputed here from :func:`analysis.pipeline.analyse` and :mod:`analysis.findings`
(so every number in a heading is the number the tables give).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from analysis import annotations as A
from analysis import claims as C
from analysis import findings as F
from analysis import keyterms, profile, textstats
from analysis import mentions as M
from analysis.article import load_article
from analysis.pipeline import analyse

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "tests" / "fixtures" / "any_article").glob("*.txt"))
STORY = ("headline", "body", "caption")
#: The seed article's topic and cast: none may appear in the output for an article that lacks it.
SEED_WORDS = ("NATO", "Stoltenberg", "Ingram", "Newsweek", "stockpile", "ammunition", "Zelensky", "Ukraine",
              "Secretary-General", "Grey Hare", "industrial base", "Kyiv", "Putin", "Russia", "European Union",
              "alliance", "artillery")


def parameterised_notebooks() -> list[Path]:
    from analysis.report import parameterised_notebooks as found

    return found(ROOT / "notebooks")


def expected_headings(path: Path) -> list[str]:
    """Every computed heading the notebooks should show for the article, in notebook order."""
    article = load_article(path)
    t = analyse(article)
    sents, toks, ments, cls = t["sentences"], t["tokens"], t["mentions"], t["claims"]
    text = article.text
    terms = keyterms.key_terms(toks, sents)
    lengths = textstats.sentence_lengths(sents, toks)
    nb01 = [
        F.zones(textstats.zone_counts(textstats.zone_summary(article, sents, toks))),
        F.sentence_lengths(lengths),
        F.top_words(textstats.top_words(toks, sents, n=15)),
        F.collocations(textstats.collocations(toks, sents, n=10)),
        F.key_terms(terms, "computed"),
        F.dispersion(textstats.term_positions(text, toks, terms), terms, len(text)),
    ]
    summary = M.entity_summary(ments, zones=STORY)
    top = summary[summary.entity_type != "DATE"].head(8)
    story = ments[ments.zone.isin(STORY)]
    nb02 = [
        F.lead_entities(summary),
        F.spread(story, top, len(text)),
        F.cooccurrence(M.cooccurrence(story, list(top.entity_id))),
        F.quote_split(M.quote_split(story, list(top.entity_id))),
        F.mention_evaluation(None, article.article_id),
    ]
    joined = A.join(cls, A.load_annotations(ROOT / "data" / "annotations" / "claims.csv"))
    nb03 = [
        F.speakers(C.speaker_summary(cls), len(cls)),
        F.attribution(cls),
        F.categories(C.category_summary(cls)),
        F.positions(C.claim_positions(cls, len(text))),
        F.who_about_whom(C.speaker_entity_edges(cls, ments)),
        F.annotations(joined.table, joined.orphans),
        F.claim_evaluation(None, article.article_id),
    ]
    src = profile.sources(article, t)
    nb04 = [F.anatomy(src, len(article.paragraphs), len(cls)).heading(2)] + [f.heading(3) for f in (
        F.quotation_share(profile.quotation_share(t)),
        F.sources(src),
        F.voices(profile.voice_shares(article, t), profile.focal_organisation(ments)),
        F.check_worthy(profile.check_worthy(t), len(cls), 0),
    )]
    return [f.heading(2).markdown() for f in nb01 + nb02 + nb03] + [f.markdown() for f in nb04]


def outputs(nb: dict) -> list[dict]:
    return [o for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])]


def texts(o: dict) -> list[str]:
    """Every text an output shows (streams, plain text, HTML, Markdown)."""
    if o["output_type"] == "stream":
        return ["".join(o["text"])]
    data = o.get("data", {})
    return ["".join(data[k]) for k in ("text/plain", "text/html", "text/markdown") if k in data]


@pytest.mark.slow
@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_every_notebook_tells_the_truth_about_the_article(path, tmp_path):
    papermill = pytest.importorskip("papermill")
    article_text = path.read_text(encoding="utf-8").lower()
    headings: list[str] = []
    for nb_path in parameterised_notebooks():
        out = tmp_path / nb_path.name
        papermill.execute_notebook(str(nb_path), str(out), parameters={"ARTICLE_PATH": str(path)},
                                   cwd=str(ROOT / "notebooks"), kernel_name="python3", progress_bar=False)
        nb = json.loads(out.read_text(encoding="utf-8"))
        for o in outputs(nb):
            where = f"{nb_path.name} on {path.name}"
            assert o["output_type"] != "error", f"{where}: {o.get('ename')}: {o.get('evalue')}"
            assert not (o["output_type"] == "stream" and o["name"] == "stderr"), f"{where}: stderr {''.join(o['text'])[:300]}"
            md = "".join(o.get("data", {}).get("text/markdown", ""))
            if "text/markdown" in o.get("data", {}):
                body = md.lstrip("#").strip()
                assert body and not body.endswith((":", ",", ";", " .")), f"{where}: empty finding {md!r}"
                if md.startswith("#"):
                    headings.append(md)
            shown = "\n".join(texts(o)).lower()
            for w in SEED_WORDS:
                if w.lower() not in article_text:
                    assert not re.search(r"\b" + re.escape(w.lower()), shown), f"{where}: seed word {w!r} in {shown[:300]!r}"
    assert headings == expected_headings(path)


@pytest.mark.slow
@pytest.mark.parametrize("given, expected", [('["council", "town budget"]', ["council", "town budget"]),
                                              ("bandstand,parks", ["bandstand", "parks"])])
def test_key_terms_from_papermill_string(given, expected, tmp_path):
    """``-p KEY_TERMS ...`` reaches the notebook as a string; the notebook parses it into terms."""
    papermill = pytest.importorskip("papermill")
    nb_path = ROOT / "notebooks" / "01-the-text.ipynb"
    out = tmp_path / nb_path.name
    papermill.execute_notebook(str(nb_path), str(out), parameters={"ARTICLE_PATH": str(ARTICLES[0].with_name("no_quotes.txt")), "KEY_TERMS": given},
                               cwd=str(ROOT / "notebooks"), kernel_name="python3", progress_bar=False)
    md = ["".join(o["data"]["text/markdown"]) for o in outputs(json.loads(out.read_text(encoding="utf-8")))
          if "text/markdown" in o.get("data", {})]
    assert F.key_terms(expected, "given").heading(2).markdown() in md


DEGENERATE = {
    "one-paragraph": "Rain fell on the town all day and the river rose by evening.\n",
    "no-claims-headline-only": "Markets Closed for the Holiday\n",
    "only-stopwords": "It is what it is.\n\nAnd so it was.\n",
}


@pytest.mark.parametrize("name", sorted(DEGENERATE))
def test_headings_are_true_sentences_on_degenerate_articles(name, tmp_path):
    """The same headings the notebooks compute, on articles too small to have claims, entities or key terms."""
    path = tmp_path / f"{name}.txt"
    path.write_text(DEGENERATE[name], encoding="utf-8")
    for h in expected_headings(path):
        body = h.lstrip("#").strip()
        assert body and not body.endswith((":", ",", ";")) and "  " not in body, h
