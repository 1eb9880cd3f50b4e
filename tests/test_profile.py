"""Tests of the article profile (analysis.profile) on a synthetic article written here."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import profile
from analysis.article import article_from_text
from analysis.pipeline import analyse
from test_render import claim_frame, mention_frame

TEXT = (
    "Health Agency Warns of Shortages\n\n"
    "Global Health Agency Director-General Ana Ruiz said on Monday that stocks fell by 40 percent.\n\n"
    "\u201cWe cannot wait,\u201d she said.\n\n"
    "The agency chief added that members must act.\n\n"
    "Omar Lee PhD, a professor of medicine at Northfield University, said the agency acted too late.\n\n"
    "The Global Health Agency said in a statement that deliveries resume in May.\n\n"
    "On Tuesday, Maria Stone criticised the Global Health Agency in an interview.\n\n"
    "The shortage began in 2021.\n"
)


def _pid(art, s):
    return next(p.paragraph_id for p in art.paragraphs if p.start <= s < p.end)


@pytest.fixture
def case():
    art = article_from_text(TEXT, "synthetic")
    tables = analyse(art)
    m = mention_frame(TEXT, [
        ("Global Health Agency", 0, "o1", "Global Health Agency", "ORG", "name"),
        ("Ana Ruiz", 0, "p1", "Ana Ruiz", "PERSON", "name"),
        ("she", 0, "p1", "Ana Ruiz", "PERSON", "pronoun"),
        ("The agency chief", 0, "p1", "Ana Ruiz", "PERSON", "role"),
        ("Omar Lee", 0, "p2", "Omar Lee", "PERSON", "name"),  # post-nominal "PhD" outside the mention
        ("Northfield University", 0, "o2", "Northfield University", "ORG", "name"),
        ("the agency", 0, "o1", "Global Health Agency", "ORG", "nominal"),
        ("Global Health Agency", 1, "o1", "Global Health Agency", "ORG", "name"),
        ("Maria Stone", 0, "p3", "Maria Stone", "PERSON", "name"),
        ("Global Health Agency", 2, "o1", "Global Health Agency", "ORG", "name"),
    ], "synthetic")
    m["paragraph_id"] = [_pid(art, s) for s in m["start"]]
    m["zone"] = "body"
    c = claim_frame(TEXT, [
        ("stocks fell", "40 percent", "Ana Ruiz", "p1", "indirect", "report"),
        ("We cannot wait", "We cannot wait", "Ana Ruiz", "p1", "direct", "need"),
        ("members must act", "members must act", "Ana Ruiz", "p1", "indirect", "need"),
        ("the agency acted", "too late", "Omar Lee", "p2", "indirect", "assessment"),
        ("deliveries resume", "in May", "Global Health Agency", "o1", "indirect", "commitment"),
        ("The shortage began", "in 2021", "", "", "narrator", "report"),
    ], "synthetic")
    c["paragraph_id"] = [_pid(art, s) for s in c["start"]]
    c.loc[0, "has_number"] = True
    c.loc[5, "has_date"] = True
    c.loc[4, "has_date"] = True  # a commitment with a date: factual, check-worthy
    c.loc[1, "has_number"] = True  # a need with a number: not factual
    c.loc[3, "has_date"] = True  # an assessment with a date: not factual
    tables["mentions"], tables["claims"] = m, c
    return art, tables


def test_focal_organisation_is_the_most_mentioned_org(case):
    art, tables = case
    org = profile.focal_organisation(tables["mentions"])
    assert org == {"entity_id": "o1", "entity": "Global Health Agency", "mentions": 4}


def test_publisher_named_in_the_bio_is_not_the_focal_organisation():
    text = "Headline\n\nDaily Post learned that Acme Corp cut jobs, Daily Post said. Daily Post asked Acme Corp.\n\nAbout the author\n\nJo Doe is a reporter at Daily Post.\n"
    m = mention_frame(text, [("Daily Post", k, "pub", "Daily Post", "ORG", "name") for k in range(3)]
                      + [("Acme Corp", k, "acme", "Acme Corp", "ORG", "name") for k in range(2)]
                      + [("Daily Post", 3, "pub", "Daily Post", "ORG", "name")])
    m.loc[m.index[-1], "zone"] = "bio"
    assert profile.focal_organisation(m)["entity_id"] == "acme"
    # with only the publisher, it is still the organisation reported on
    assert profile.focal_organisation(m[m["entity_id"] == "pub"])["entity_id"] == "pub"


def test_focal_organisation_ties_go_to_the_first_mentioned():
    text = "Headline\n\nBeta Corp and Alpha Corp met. Alpha Corp and Beta Corp agreed.\n"
    m = mention_frame(text, [("Beta Corp", 0, "b", "Beta Corp", "ORG", "name"),
                             ("Alpha Corp", 0, "a", "Alpha Corp", "ORG", "name"),
                             ("Alpha Corp", 1, "a", "Alpha Corp", "ORG", "name"),
                             ("Beta Corp", 1, "b", "Beta Corp", "ORG", "name")])
    assert profile.focal_organisation(m)["entity_id"] == "b"
    assert profile.focal_organisation(m.iloc[0:0]) is None


def test_descriptors(case):
    art, tables = case
    m = tables["mentions"]
    d1 = [(k, t) for _, k, t in profile.descriptors(art, m, "p1")]
    assert ("title", "Global Health Agency Director-General") in d1
    assert ("role", "The agency chief") in d1
    d2 = [(k, t) for _, k, t in profile.descriptors(art, m, "p2")]
    assert d2 == [("appositive", "a professor of medicine at Northfield University")]
    # "On Tuesday, Maria Stone": no title before the name (no role word), no appositive
    assert profile.descriptors(art, m, "p3") == []


def test_sources_roles_and_affiliation(case):
    art, tables = case
    src = profile.sources(art, tables)
    assert list(src["speaker"]) == ["Ana Ruiz", "Omar Lee", "Global Health Agency"]
    assert list(src["affiliation"]) == ["official", "independent", "organisation"]
    assert list(src["claims"]) == [3, 1, 1]
    assert src.iloc[0]["direct"] == 1 and src.iloc[0]["indirect"] == 2
    assert src.iloc[0]["evidence"] == "Global Health Agency Director-General"
    assert src.iloc[1]["role"] == "a professor of medicine at Northfield University"


def test_official_needs_a_tie_not_just_a_mention_nearby():
    """A person who merely talks about the organisation is not its official."""
    text = "Headline\n\nAcme Group was fined. Critic Bob Hale, a lawyer, said Acme Group lied.\n"
    art = article_from_text(text, "x")
    tables = analyse(art)
    m = mention_frame(text, [("Acme Group", 0, "o", "Acme Group", "ORG", "name"),
                             ("Bob Hale", 0, "p", "Bob Hale", "PERSON", "name"),
                             ("Acme Group", 1, "o", "Acme Group", "ORG", "name")], "x")
    m["paragraph_id"] = 1
    c = claim_frame(text, [("Acme Group lied", "Acme Group lied", "Bob Hale", "p", "indirect", "report")], "x")
    tables["mentions"], tables["claims"] = m, c
    assert list(profile.sources(art, tables)["affiliation"]) == ["independent"]


def test_voice_shares(case):
    art, tables = case
    v = profile.voice_shares(art, tables).set_index("voice")
    assert v.loc["official", "claims"] == 3 and v.loc["organisation", "claims"] == 1
    assert v.loc["independent", "claims"] == 1 and v.loc["narrator", "claims"] == 1
    assert v.loc["official", "share"] == pytest.approx(0.6)
    assert v.loc["narrator", "share"] == pytest.approx(round(1 / 6, 3))


def test_check_worthy_is_factual_with_number_or_date(case):
    art, tables = case
    cw = profile.check_worthy(tables)
    assert list(cw["claim_id"]) == ["c000", "c004", "c005"]


def test_quotation_share_counts_body_words_in_quotes(case):
    art, tables = case
    q = profile.quotation_share(tables)
    tok, sen = tables["tokens"], tables["sentences"]
    body = set(sen.loc[sen["zone"] == "body", "sentence_id"])
    words = tok[tok["sentence_id"].isin(body) & ~tok["is_punct"]]
    assert q["quoted_words"] == 3  # We cannot wait
    assert q["words"] == len(words)
    assert q["share"] == pytest.approx(3 / len(words))


def test_profile_table(case):
    art, tables = case
    p = profile.profile(art, tables).set_index("metric")["value"]
    assert p["distinct sources"] == "3"
    assert p["attributed claims from the organisation or its officials"] == "4 of 5 (80%)"
    assert p["attributed claims from independent voices"] == "1 of 5 (20%)"
    assert p["check-worthy factual claims (report/commitment with a number or date)"] == "3"
    assert p["organisation reported on"] == "Global Health Agency (4 mentions)"


def test_empty_tables_give_an_empty_profile():
    art = article_from_text("Headline\n\nA body sentence.\n", "x")
    tables = analyse(art)
    tables["mentions"] = tables["mentions"].iloc[0:0]
    tables["claims"] = tables["claims"].iloc[0:0]
    p = profile.profile(art, tables).set_index("metric")["value"]
    assert p["distinct sources"] == "0" and p["organisation reported on"] == "none found"
    assert isinstance(profile.sources(art, tables), pd.DataFrame)


# --- the anatomy chart (analysis.charts.anatomy) -------------------------------------

def test_anatomy_table_and_callouts(case):
    from analysis.charts import anatomy

    art, tables = case
    t = anatomy.anatomy_table(art, tables)
    assert list(t["paragraph_id"]) == [p.paragraph_id for p in art.paragraphs]
    assert t["claims"].sum() == len(tables["claims"])  # no claim crosses a paragraph here
    row = t.set_index("paragraph_id").loc[1]
    assert row["speakers"] == "Ana Ruiz" and row["attributions"] == "indirect:1"
    assert row["Global Health Agency"] == 1 and row["Ana Ruiz"] == 1
    top = anatomy.top_entities(tables["mentions"])
    assert list(top["entity"])[:2] == ["Global Health Agency", "Ana Ruiz"]
    c = anatomy.anatomy_callouts(art, tables)
    texts = list(c["text"])
    assert texts[0] == "Ana Ruiz: 3 of 5 attributed claims"
    assert texts[1] == "first independent voice: Omar Lee (\u00b64)"
    assert texts[2].startswith("longest direct quotation: Ana Ruiz")
    # callouts point inside their paragraph
    for r in c.itertuples():
        p = art.paragraphs[r.paragraph_id]
        assert 0 <= r.x < p.end - p.start


def test_anatomy_chart_draws_every_claim_piece(case):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from analysis.charts import anatomy

    art, tables = case
    fig = anatomy.anatomy_chart(art, tables)
    ax = fig.axes[0]
    assert ax.get_title().startswith("Anatomy of the article")
    assert ax.get_xlabel() and ax.get_ylabel()
    # one thin bar per paragraph, one bar per claim piece (height 0.62), zone shading for non-body rows
    heights = [round(p.get_height(), 2) for p in ax.patches]
    assert heights.count(0.12) == len(art.paragraphs)
    assert heights.count(0.62) == len(tables["claims"])
    widths = sorted(int(p.get_width()) for p in ax.patches if round(p.get_height(), 2) == 0.62)
    assert widths == sorted(int(e - s) for s, e in zip(tables["claims"]["start"], tables["claims"]["end"]))
    assert len(ax.texts) == 0 and len(fig.axes[1].texts) == 3  # the callouts, in their own column
    plt.close(fig)


def test_name_forms_keep_the_canonical_name_behind_a_display_name():
    # the article says "NATO"; a descriptor may still spell out the gazetteer's long form
    m = pd.DataFrame({"entity_id": ["E1", "E1"], "entity": ["NATO", "NATO"],
                      "canonical": ["North Atlantic Treaty Organization"] * 2,
                      "surface": ["NATO", "the alliance"], "mention_kind": ["alias", "role"]})
    forms = profile.name_forms(m, "E1")
    assert {"nato", "alliance", "north atlantic treaty organization"} <= set(forms)
    assert profile.names_org("a North Atlantic Treaty Organization spokesman", forms)
