"""Claims: seed against the hand gold, attribution patterns, ids, categories, lexicons."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import claims, mentions
from analysis.article import article_from_text
from analysis.evaluate import claims as ev
from analysis.tokenise import tokenise

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

GOLD = ROOT / "data" / "gold" / "newsweek-nato-fills-holes-stockpiles.claims.tsv"
HEAD = "Officials Trade Words Over Budget Plan\n\n"


@pytest.fixture(scope="module")
def seed_claims(seed_doc):
    return claims.claims_table(seed_doc, claims.find_claims(seed_doc, mentions.find_mentions(seed_doc)))


@pytest.fixture(scope="module")
def gold():
    return ev.load_gold(GOLD)


def run(body: str, with_mentions: bool = True) -> list[claims.Claim]:
    doc = tokenise(article_from_text(HEAD + body, "t"))
    ms = mentions.find_mentions(doc) if with_mentions else []
    return [c for c in claims.find_claims(doc, ms) if c.zone != "headline"]


# --- the seed against the gold ----------------------------------------------------------


def test_gold_offsets_verified(seed_article, gold):
    assert ev.verify_gold(gold, seed_article.text) == []
    assert len(gold) >= 15


def test_seed_every_attributed_claim_right(seed_claims, gold):
    cmp = ev.compare_claims(seed_claims, gold)
    att = cmp[(cmp["gold_no"] >= 0) & (cmp["gold_attribution"] != "narrator")]
    assert att["found"].all(), att[~att["found"]]
    assert att["attribution_ok"].all(), att[~att["attribution_ok"]]
    assert att["speaker_ok"].all(), att[~att["speaker_ok"]]


def test_seed_precision_and_scores(seed_claims, gold):
    s = ev.score_claims(seed_claims, gold)
    assert s["all_precision"] >= 0.95 and s["attributed_precision"] >= 0.95
    assert s["all_recall"] == 1.0 and s["speaker_accuracy"] == 1.0 and s["attribution_accuracy"] == 1.0


def test_seed_pronoun_role_and_floating_speakers(seed_article, seed_claims):
    t = seed_claims.set_index("start")
    text = seed_article.text
    # "he said" / "The NATO chief said" / a floating quotation all resolve to the full name
    he = text.index("We need to strengthen")
    chief = text.index("he had met with members")
    floating = text.index("But of course, to continue")
    for pos in (he, chief, floating):
        assert t.loc[pos, "speaker"] == "Jens Stoltenberg"
        assert t.loc[pos, "speaker_entity_id"] != ""
    assert t.loc[floating, "cue"] == ""
    assert text[t.loc[chief, "speaker_start"]:t.loc[chief, "speaker_end"]] == "The NATO chief"


def test_seed_no_claim_outside_claim_zones(seed_claims):
    assert set(seed_claims["zone"]) <= {"headline", "body", "caption"}
    assert not (seed_claims["text"].str.contains("News Editor")).any()


def test_provenance_offsets(seed_article, seed_claims):
    text = seed_article.text
    for r in seed_claims.itertuples(index=False):
        assert text[r.start:r.end] == r.text
        if r.cue_start >= 0:
            assert text[r.cue_start:r.cue_end] == r.cue
        assert r.attribution in claims.ATTRIBUTIONS
        assert r.category in claims.categories()


def test_schema(seed_claims):
    assert list(seed_claims.columns)[:19] == list(claims.CLAIM_COLUMNS)[:19]
    assert {str(t) for t in seed_claims.dtypes} <= {"string", "int64", "bool"}


# --- patterns -----------------------------------------------------------------------------


@pytest.mark.parametrize("body, attribution, speaker, cue, content", [
    ('Jane Doe, a spokeswoman for the ministry, told reporters that the budget would be cut.',
     "indirect", "Jane Doe", "told reporters", "the budget would be cut"),
    ('"We will not accept this," said Jane Doe, the finance minister.', "direct", "Jane Doe", "said", "We will not accept this"),
    ('"We will not accept this," Jane Doe said on Monday.', "direct", "Jane Doe", "said", "We will not accept this"),
    ('According to Jane Doe, the budget will be cut.', "indirect", "Jane Doe", "According to", "the budget will be cut"),
    ('The budget will be cut, according to Jane Doe.', "indirect", "Jane Doe", "according to", "The budget will be cut"),
    ('The plan, Jane Doe said, is dead.', "indirect", "Jane Doe", "said", "The plan, Jane Doe said, is dead"),
    ('The plan is dead, Jane Doe said in a statement.', "indirect", "Jane Doe", "said", "The plan is dead"),
    ('Jane Doe added that the EU would "of course" be invited.', "mixed", "Jane Doe", "added", 'the EU would "of course" be invited'),
    ('"The plan is dead." \u2014 Jane Doe', "direct", "Jane Doe", "\u2014", "The plan is dead."),
    ('Jane Doe left the room and said the plan was dead.', "indirect", "Jane Doe", "said", "the plan was dead"),
    ("''It is a misguided approach,'' said Jane Doe.", "direct", "Jane Doe", "said", "It is a misguided approach"),
    ('Jane Doe tweeted in the early hours that the plan was dead.', "indirect", "Jane Doe", "tweeted", "the plan was dead"),
])
def test_attribution_patterns(body, attribution, speaker, cue, content):
    cs = run(body, with_mentions=False)
    assert len(cs) == 1, cs
    c = cs[0]
    assert (c.attribution, c.speaker, c.cue, c.content) == (attribution, speaker, cue, content)


@pytest.mark.parametrize("body", [
    "Jane Doe met union leaders to discuss the plan.",  # infinitive
    "The agency added to the stockpile last year.",  # strict cue without a speech frame
    "Jane Doe reached out to the union for further comment.",  # noun after a preposition
    "Jane Doe was told that the plan was dead.",  # passive
])
def test_non_attributions_are_narrator(body):
    cs = run(body, with_mentions=False)
    assert [c.attribution for c in cs] == ["narrator"]


def test_parenthesis_after_name_and_later_cue_in_same_sentence():
    cs = run('"We cannot allow this," Rep. Jane Doe (D-Wis.) said, adding later, "It is over."')
    att = [c for c in cs if c.attribution != "narrator"]
    assert [(c.cue, c.content) for c in att] == [("said", "We cannot allow this"), ("adding", '"It is over."')] or \
        [c.cue for c in att] == ["said", "adding"]
    assert all(c.speaker.endswith("Doe") for c in att)


def test_several_appositives_with_mentions():
    cs = run("Jane Doe, 59, of Ashton, who watched the vote, said the plan was dead.")
    assert [(c.attribution, c.speaker) for c in cs] == [("indirect", "Jane Doe")]


def test_floating_quotes_inherit_speaker():
    body = ('Jane Doe, the finance minister, spoke on Monday.\n\n"The plan is dead," Doe said. '
            '"We start again tomorrow."\n\n"Nobody wanted this."')
    cs = [c for c in run(body) if c.attribution != "narrator"]
    assert [c.cue for c in cs] == ["said", "", ""]
    assert len({c.speaker for c in cs}) == 1 and cs[0].speaker.endswith("Doe")


def test_colon_introduction_owns_next_quote():
    cs = run('Jane Doe said:\n\n"The plan is dead. We start again."', with_mentions=False)
    assert [(c.attribution, c.speaker) for c in cs] == [("direct", "Jane Doe")]
    assert cs[0].content == "The plan is dead. We start again."


def test_pronoun_without_mentions_falls_back_to_previous_speaker():
    cs = run('Jane Doe said the plan was dead. "We start again," she said.', with_mentions=False)
    assert [c.speaker for c in cs] == ["Jane Doe", "Jane Doe"]


def test_captions_only_attributed_bio_never():
    text = (HEAD + "Jane Doe said the plan was dead.\n\nJane Doe Speaks In Parliament\n"
            "Jane Doe speaks in parliament on Monday. She said the plan was dead. John Roe/Reuters\n\n"
            "About the writer\n\nJohn Roe is a reporter. He said he likes news.")
    doc = tokenise(article_from_text(text, "t"))
    cs = claims.find_claims(doc, [])
    zones = [(c.zone, c.attribution) for c in cs]
    assert ("caption", "narrator") not in zones
    assert all(z != "bio" for z, _ in zones)


# --- ids ---------------------------------------------------------------------------------


def test_claim_ids_stable_across_runs_and_edits():
    body = 'Jane Doe said the plan was dead.\n\nThe weather was fine.\n\n"We start again," Doe said.'
    a = {c.content: c.claim_id for c in run(body)}
    b = {c.content: c.claim_id for c in run(body)}
    assert a == b
    edited = body.replace("The weather was fine.", "The weather was fine and a new paragraph came.\n\nAnother one.")
    c = {c.content: c.claim_id for c in run(edited)}
    for content in ("the plan was dead", "We start again"):
        assert a[content] == c[content]


def test_duplicate_claims_get_distinct_ids():
    cs = run("Jane Doe said the plan was dead.\n\nJohn Roe said the plan was dead.")
    ids = [c.claim_id for c in cs if c.attribution != "narrator"]
    assert len(ids) == 2 and len(set(ids)) == 2 and ids[1] == ids[0] + "-2"


def test_normalised_text_ignores_quote_style_and_case():
    assert claims.claim_id_for("a", "\u201cThe Plan\u201d is dead.") == claims.claim_id_for("a", '"the plan" is  dead')
    assert claims.claim_id_for("a", "x y") != claims.claim_id_for("b", "x y")


# --- categories, flags, lexicons ----------------------------------------------------------------


@pytest.mark.parametrize("text, cue, cat", [
    ("We need to strengthen the industrial base", "say", "need"),
    ("countries should not be concerned", "say", "need"),
    ("its members to provide supplies", "urge", "need"),
    ("This demonstrates our readiness", "say", "assessment"),
    ("Stoltenberg is right at emphasizing it", "tell", "assessment"),
    ("he has invited industry representatives", "say", "commitment"),
    ("he is increasing efforts", "say", "commitment"),
    ("the allies will soon start training pilots", "say", "commitment"),
    ("he had met with members of the industry", "say", "report"),
    ("Brazil's economy would grow 2.2% in 2025", "say", "prediction"),
    ("the Selic rate could reach 15% by December", "say", "prediction"),
    ("demand for panels to grow 12% next year", "expect", "prediction"),
    ("the city would provide shuttle buses", "say", "commitment"),
    ("construction began in May 2022", "say", "report"),
])
def test_categories(text, cue, cat):
    assert claims.categorise(text, cue) == cat


def test_number_and_date_flags():
    assert claims.has_number("thousands of rounds") and claims.has_number("5 percent")
    assert not claims.has_number("the allies will soon start")
    assert claims.has_date("in February 2022") and claims.has_date("on Tuesday") and claims.has_date("next month")
    assert not claims.has_date("you may go") and not claims.has_date("a protest march")


def test_cue_lexicon_broad_with_inflections():
    lex = claims.cue_lexicon()
    lemmas = {e.lemma for e in lex.values()}
    for need in ("say", "tell", "add", "urge", "note", "warn", "stress", "insist", "argue", "claim",
                 "announce", "mention", "discuss", "speak about", "according to"):
        assert need in lemmas
    for form, lemma in (("said", "say"), ("says", "say"), ("told", "tell"), ("urging", "urge"),
                        ("spoke about", "speak about"), ("noted", "note"), ("argued", "argue")):
        assert lex[tuple(form.split())].lemma == lemma
    assert len(lex) > 400


# --- robustness -----------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(['"', "\u201c", "\u201d", "said", "Jane Doe", ",", ".", " ", "\n\n", "according to",
                                 "he", "the plan", "\u2014", ":", "added that"]), min_size=1, max_size=40))
def test_never_crashes_and_offsets_hold(parts):
    text = HEAD + "".join(parts)
    doc = tokenise(article_from_text(text, "t"))
    for c in claims.find_claims(doc, []):
        assert doc.text[c.start:c.end] == c.content and c.start < c.end
        if c.cue_start >= 0:
            assert doc.text[c.cue_start:c.cue_end] == c.cue


# --- summaries and charts ----------------------------------------------------------------------


def test_summaries(seed_doc, seed_claims):
    s = claims.speaker_summary(seed_claims)
    assert s["claims"].sum() == (seed_claims["attribution"] != "narrator").sum()
    assert (s[["direct", "mixed", "indirect"]].sum(axis=1) == s["claims"]).all()
    assert list(s["claims"]) == sorted(s["claims"], reverse=True)
    assert claims.quoted_words('one two, "three"') == 3
    shares = claims.attribution_shares(seed_claims)
    assert shares["total"].sum() == len(seed_claims)
    cats = claims.category_summary(seed_claims)
    assert list(cats["category"]) == list(claims.categories()) and cats["claims"].sum() == len(seed_claims)
    mt = mentions.mentions_table(seed_doc, mentions.find_mentions(seed_doc))
    edges = claims.speaker_entity_edges(seed_claims, mt)
    assert not (edges["speaker"] == edges["entity"]).any()
    assert set(edges["entity_type"]) <= set(claims.ACTOR_TYPES)
    pos = claims.claim_positions(seed_claims, len(seed_doc.text))
    assert pos["position"].between(0, 1).all() and list(pos["start"]) == sorted(pos["start"])


def test_charts_have_titles(seed_doc, seed_claims, gold):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from analysis.charts import claims as cc

    mt = mentions.mentions_table(seed_doc, mentions.find_mentions(seed_doc))
    figs = [
        cc.speaker_chart(claims.speaker_summary(seed_claims)),
        cc.attribution_chart(claims.attribution_shares(seed_claims)),
        cc.category_chart(claims.category_summary(seed_claims)),
        cc.position_chart(claims.claim_positions(seed_claims, len(seed_doc.text)), seed_doc.article),
        cc.who_about_whom_chart(claims.speaker_entity_edges(seed_claims, mt)),
        cc.evaluation_chart(ev.score_claims(seed_claims, gold)),
    ]
    for f in figs:
        titles = [a.get_title() for a in f.axes] + [f._suptitle.get_text() if f._suptitle else ""]
        assert any(titles)
        plt.close(f)


def test_quote_over_two_paragraphs_belongs_to_the_speaker_named_at_its_end():
    body = 'Jane Doe said the plan was dead.\n\n"We will build it. It will be fine.\n\n"We start tomorrow," John Roe said.'
    cs = [c for c in run(body, with_mentions=False) if c.attribution == "direct"]
    assert [(c.speaker, c.cue) for c in cs] == [("John Roe", ""), ("John Roe", "said")]


# --- made-up articles of several styles (tests/fixtures/claims/) ---------------------------------

FIXTURES = ROOT / "tests" / "fixtures" / "claims"

#: per article, the attributed claims in reading order: (attribution, a word of the speaker,
#: cue, a piece of the content). Narrator sentences are not listed.
FIXTURE_CLAIMS: dict[str, list[tuple[str, str, str, str]]] = {
    "senate_drug_prices.txt": [
        ("mixed", "Schumer", "called", 'the proposal "a historic step'),
        ("direct", "Schumer", "said", "For too long"),
        ("direct", "Schumer", "", "Those days are coming"),
        ("direct", "Schumer", "", "We will not back down."),
        ("indirect", "Pharmaceutical Research and Manufacturers of America", "said", "the plan would stifle"),
        ("direct", "Ubl", "said", "This is the wrong approach"),
        ("mixed", "McConnell", "described", 'it as "a socialist takeover'),
        ("indirect", "Congressional Budget Office", "estimates", "the measure would save"),
        ("indirect", "a summary", "according to", "The Congressional Budget Office estimates"),
        ("indirect", "Kesselheim", "said", "the plan was modest"),
        ("indirect", "Kesselheim", "noted", "other countries pay"),
    ],
    "brazil_rates.txt": [
        ("direct", "Galípolo", "said", "We remain vigilant"),
        ("indirect", "Haddad", "told reporters", "the government supports"),
        ("mixed", "Haddad", "added", "fiscal measures announced"),
        ("indirect", "economists", "According to", "the Selic rate could reach"),
        ("indirect", "Vescovi", "warned", "higher rates would slow"),
        ("indirect", "International Monetary Fund", "said", "Brazil's economy would grow"),
        ("direct", "Vescovi", "said", "It is painful"),
    ],
    "uk_council_housing.txt": [
        ("indirect", "residents", "say", "local roads cannot cope"),
        ("mixed", "Whitaker", "said", "the scheme would \u2018give young families"),
        ("direct", "Whitaker", "told the planning committee", "We have listened carefully"),
        ("direct", "Whitaker", "", "But the city needs these homes"),
        ("mixed", "Residents\u2019 groups", "described", "the decision as \u2018a betrayal"),
        ("indirect", "Residents\u2019 groups", "vowed", "to challenge it"),
        ("indirect", "Ellis", "said", "she was heartbroken"),
        ("direct", "Ellis", "said", "The fields behind my house"),
        ("indirect", "Northern Oak Homes", "said", "construction could begin"),  # "The developer, Northern Oak Homes, said"
        ("indirect", "Northern Oak Homes", "According to", "about a third of the homes"),
        ("indirect", "A spokesperson for the Department", "said", "ministers expected councils"),
    ],
    "climate_voices.txt": [
        ("direct", "Ferreira", "\u2014", "We rebuilt the house twice"),
        ("direct", "Sousa", "\u2014", "Nobody in the conference hall"),
        ("direct", "Ferreira", "said", "Honestly, nothing."),
        ("indirect", "Sousa", "argued", "coastal towns could adapt"),
        ("indirect", "European Environment Agency", "projects", "sea levels along"),
        ("indirect", "Ferreira", "said", "Local officials, Ferreira said, have promised"),
        ("direct", "Ferreira", "said", "They come, they take pictures"),
    ],
    "press_release_solar.txt": [
        ("indirect", "Brightfield", "announced", "record revenue for the third quarter"),
        ("indirect", "Brightfield", "said", "it plans to hire 500 workers"),
        ("indirect", "company", "according to", "Revenue rose 38%"),
        ("direct", "Whitfield", "said", "This quarter shows"),
        ("direct", "Whitfield", "", "We are proud"),
        ("indirect", "Whitfield", "According to", "the factory will be fully operational"),
        ("indirect", "spokesperson", "said", "the expansion would be funded"),
        ("mixed", "Analysts at Morgan Stanley", "called", 'the results "a clear beat"'),
        ("indirect", "Morgan Stanley", "expects", "demand for residential panels"),  # "Analysts at Morgan Stanley ... The firm expects"
        ("indirect", "chairman", "said", "Brightfield, the company's chairman said, will not"),
    ],
    "court_fraud_trial.txt": [
        ("indirect", "A federal jury", "finding", "he steered $4.2 million"),  # not the dateline, not the object
        ("indirect", "Prosecutors", "alleged", "Theriot, 61, used"),
        ("direct", "Boudreaux", "told jurors", "This was not a mistake"),
        ("direct", "Boudreaux", "", "It was a plan."),
        ("indirect", "Marcus L\u00e9vesque", "said", "his client would appeal"),  # "Theriot's lawyer, Marcus Lévesque, said"
        ("direct", "", "wrote", "We respect the jury"),  # "he": whoever the mentions stage resolves it to
        ("indirect", "legal experts", "said", "Under federal guidelines"),
        ("direct", "Banks", "said", "Justice took a long time"),
        ("direct", "Banks", "", "But it came."),
        ("mixed", "mayor", "called", 'the verdict "a painful'),
        ("indirect", "mayor", "pledged", "to recover the missing funds"),
    ],
    "tech_layoffs.txt": [
        ("indirect", "people", "according to", "Streamly is laying off"),  # dateline left out
        ("indirect", "the people", "said", "The cuts will mostly affect marketing and content teams"),
        ("mixed", "Natarajan", "told staff", 'the decision was "the hardest'),
        ("mixed", "Natarajan", "wrote", 'the company had "grown too quickly"'),
        ("direct", "Natarajan", "said", "We are not retreating"),
        ("direct", "Natarajan", "", "We are focusing it."),
        ("indirect", "Analysts at Jefferies", "said", "the cuts could save"),
        ("direct", "Marcus Reed", "tweeted", "Workers always pay"),
    ],
    "wire_transit_strike.txt": [
        ("direct", "Monroe", "said", "We did not want to strike"),
        ("direct", "Monroe", "", "We bargained in good faith"),
        ("direct", "Monroe", "", "Our members keep this city moving"),
        ("indirect", "Johnson", "urged", "both sides to return"),
        ("indirect", "Johnson", "said", "the city would provide"),
        ("indirect", "Chicago Transit Authority", "said", "its final offer included"),
        ("mixed", "Union officials", "dismissed", 'the offer as "an insult'),
        ("mixed", "Monroe", "told reporters", "members were prepared"),
    ],
}


def fixture_claims(name: str) -> tuple[str, list[claims.Claim]]:
    from analysis.article import load_article

    doc = tokenise(load_article(FIXTURES / name))
    return doc.text, claims.find_claims(doc, mentions.find_mentions(doc))


@pytest.mark.parametrize("name", sorted(FIXTURE_CLAIMS))
def test_fixture_articles_attributions(name):
    text, cs = fixture_claims(name)
    got = [c for c in cs if c.attribution != "narrator"]
    want = FIXTURE_CLAIMS[name]
    assert len(got) == len(want), [(c.attribution, c.speaker, c.cue, c.content[:40]) for c in got]
    for c, (attribution, speaker, cue, content) in zip(got, want):
        row = (c.attribution, c.speaker, c.cue, c.content[:60])
        assert c.attribution == attribution and speaker in c.speaker and c.cue == cue, row
        assert c.content.startswith(content), row
        assert text[c.start:c.end] == c.content


def test_fixture_spans_leave_out_cue_clause_leftovers():
    _, cs = fixture_claims("brazil_rates.txt")
    by_cue = {c.cue: c for c in cs}
    # "told reporters in Brasília that …", "said in April that …": content after "that"
    assert by_cue["told reporters"].content.startswith("the government supports")
    assert [c.content for c in cs if c.speaker.endswith("Monetary Fund")][0].startswith("Brazil's economy")
    _, cs = fixture_claims("senate_drug_prices.txt")
    cbo = [c for c in cs if c.cue == "estimates"][0]
    assert not cbo.content.endswith("Associated Press") and "according to" not in cbo.content
    src = [c for c in cs if c.cue == "according to"][0]
    assert src.speaker == "a summary"  # the head noun phrase, not "a summary obtained"


def test_fixture_parenthetical_cue_is_a_gap_in_the_content():
    text, cs = fixture_claims("climate_voices.txt")
    c = [c for c in cs if c.content.startswith("Local officials")][0]
    assert text[c.gap_start:c.gap_end] == "Ferreira said"
    assert c.content_text == "Local officials have promised new defences for a decade"
    text, cs = fixture_claims("press_release_solar.txt")
    c = [c for c in cs if c.cue == "said" and "chairman" in c.speaker][0]
    assert c.content_text == "Brightfield will not issue new shares this year"
    t = claims.claims_table(tokenise(article_from_text(HEAD + "The plan, Jane Doe said, is dead.", "t")),
                            run("The plan, Jane Doe said, is dead.", with_mentions=False))
    assert list(t["content"]) == ["The plan is dead"] and (t["gap_start"] >= 0).all()


def test_fixture_categories_predictions():
    _, cs = fixture_claims("brazil_rates.txt")
    cat = {c.content[:20]: c.category for c in cs}
    assert cat["Brazil's economy wou"] == "prediction" and cat["the Selic rate could"] == "prediction"


@pytest.mark.parametrize("body", [
    'A group called "Parents First" met on Monday.',  # a name right after the verb
    'The plan, described as "bold" by its authors, passed.',  # no object: a reduced passive
    "He called the meeting to order.",  # no quotation
])
def test_naming_verbs_without_quoted_complement_are_not_cues(body):
    cs = run(body, with_mentions=False)
    assert all(c.cue_lemma not in ("call", "describe") for c in cs), [(c.attribution, c.cue) for c in cs]


@pytest.mark.parametrize("body, want", [
    # a later cue with its own speaker after a comma starts its own claim
    ('Jane Doe said the plan was dead, and when pressed, the 34-year-old mother of three replied, "It is over."',
     [("indirect", "Jane Doe", "said"), ("direct", "the 34-year-old mother of three", "replied")]),
    # a long addressee before "that"; a content that is one quotation is direct
    ('He told a group of party donors on Monday that "the plan is dead."', [("direct", "He", "told a group of party donors")]),
    ('"We won," Jane Doe said, adding that "nobody expected it."', [("direct", "Jane Doe", "said"), ("direct", "Jane Doe", "adding")]),
    # "X announced A and said B": two claims, one speaker
    ("Acme Corp. announced record profits and said it would hire 500 workers.",
     [("indirect", "Acme Corp.", "announced"), ("indirect", "Acme Corp.", "said")]),
    # a that-less clause after a strict cue; a source after a comma nests
    ("The agency estimates the measure would save $5 billion, according to a report seen by reporters.",
     [("indirect", "The agency", "estimates"), ("indirect", "a report", "according to")]),
    ("However, 63 percent said the plan was fair.", [("indirect", "63 percent", "said")]),
    # the clause-final cue is the outer one: "continuing" is part of what he said
    ("Those talks are continuing, Jane Doe said.", [("indirect", "Jane Doe", "said")]),
    # a clause (finite verb, coordinator) between commas is not an appositive of the speaker
    ("Rates will rise, but for some, the losses would outstrip the gains, said Jane Doe.",
     [("indirect", "Jane Doe", "said")]),
    ("The talks failed, and the meeting ended early, said one GOP source in the room.",
     [("indirect", "one GOP source", "said")]),
    # a possessive appositive; a progressive cue after "is"
    ("China, North Korea's only ally, said it was \"opposed\" to the test.", [("mixed", "China", "said")]),
    ("Jane Doe is hoping that the plan will pass.", [("indirect", "Jane Doe", "hoping")]),
    # idioms and verbs of quoting with a short object before a colon
    ('As Jane Doe put it, the plan is "a disaster."', [("mixed", "Jane Doe", "put it")]),
    ('Jane Doe scolded him: "The science is against you."', [("direct", "Jane Doe", "scolded")]),
    ('The crowd chanted "Hands up."', [("direct", "The crowd", "chanted")]),
    # -ly nouns and names are not adverbs; a number opens the speaker's noun phrase
    ("The relatives watched it on Thursday, attorneys for the family said.", [("indirect", "attorneys for the family", "said")]),
    ('"We won," Jane Kelly said.', [("direct", "Jane Kelly", "said")]),
    ("The work met standards, one state official said.", [("indirect", "one state official", "said")]),
    # a strict cue after a comma with the speaker closing the sentence
    ("Debates rarely alter a campaign, noted Jane Doe.", [("indirect", "Jane Doe", "noted")]),
    # "X announced A, adding that B": two claims with the subject of the first verb
    ("The company announced record profits on Monday, adding that it would hire 500 people.",
     [("indirect", "The company", "announced"), ("indirect", "The company", "adding")]),
    # evidence cues need a clause
    ("A new poll shows that most voters back the plan.", [("indirect", "A new poll", "shows")]),
    ("The museum shows paintings by local artists.", []),
    # a cue word that is a noun before a clause
    ("Battleground state Florida is a key prize.", []),
    ("Candidates do well in battleground states won by Democrats.", []),
    ("Economists agree the plan would raise taxes.", [("indirect", "Economists", "agree")]),
])
def test_clause_level_patterns(body, want):
    cs = [c for c in run(body, with_mentions=False) if c.attribution != "narrator"]
    assert [(c.attribution, c.speaker, c.cue) for c in cs] == want, [(c.attribution, c.speaker, c.cue, c.content) for c in cs]


def _fake_mention(text: str, surface: str, etype: str, eid: str, occurrence: int = 0):
    from types import SimpleNamespace

    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return SimpleNamespace(mention_id=f"m{start}", entity_id=eid, entity=surface, entity_type=etype,
                           mention_kind="name", start=start, end=start + len(surface))


def test_speaker_is_the_head_of_the_slot_not_a_mention_inside_it():
    # a mentions stage that split an organisation name must not make "America" the speaker
    body = ("The Pharmaceutical Research and Manufacturers of America, the industry's main lobbying group, "
            "said the plan would stifle innovation.\n\nA spokesperson for the Department of Health said "
            "the plan was fine.")
    text = HEAD + body
    doc = tokenise(article_from_text(text, "t"))
    ms = [_fake_mention(text, "America", "GPE", "e1"), _fake_mention(text, "Department of Health", "ORG", "e2")]
    cs = [c for c in claims.find_claims(doc, ms) if c.attribution != "narrator"]
    assert [c.speaker for c in cs] == ["The Pharmaceutical Research and Manufacturers of America",
                                       "A spokesperson for the Department of Health"]
    assert all(c.speaker_entity_id == "" for c in cs)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["\u2018", "\u2019", "'", "said", "Jane Doe", ",", ".", " ", "\n\n", "called",
                                 "he", "the plan", "\u2014", ":", "as", "s", "according to"]), min_size=1, max_size=40))
def test_single_quote_articles_never_crash_and_offsets_hold(parts):
    text = HEAD + "".join(parts)
    doc = tokenise(article_from_text(text, "t"))
    for c in claims.find_claims(doc, []):
        assert doc.text[c.start:c.end] == c.content and c.start < c.end
        if c.gap_start >= 0:
            assert c.start <= c.gap_start < c.gap_end <= c.end


def test_fixture_source_phrase_gap_and_participle_tail():
    text, cs = fixture_claims("tech_layoffs.txt")
    acc = [c for c in cs if c.cue == "according to"][0]
    assert text[acc.gap_start:acc.gap_end] == "according to people familiar with the matter"
    assert acc.content_text.startswith("Streamly is laying off about 1,200 employees, roughly 8% of its workforce as the")
    said = [c for c in cs if c.speaker == "the people"][0]
    assert said.content == "The cuts will mostly affect marketing and content teams"  # not "speaking on condition …"
    narr = [c for c in cs if c.attribution == "narrator" and c.zone == "body"]
    assert not any(c.content.startswith("SAN FRANCISCO") for c in cs) and narr


def test_transcript_turns_are_verbatim_speech_of_the_labelled_person():
    body = ("Chris Wallace interviewed Mike Pence on Sunday.\n\nWALLACE: Let us start with the debate. Will she attend?"
            "\n\nPENCE: She will not.\n\nUPDATE: The interview was edited.")
    text = HEAD + body
    doc = tokenise(article_from_text(text, "t"))
    ms = [_fake_mention(text, "Chris Wallace", "PERSON", "e1"), _fake_mention(text, "Mike Pence", "PERSON", "e2")]
    cs = [c for c in claims.find_claims(doc, ms) if c.zone == "body"]
    got = [(c.attribution, c.speaker, c.cue, c.content) for c in cs]
    assert got == [("narrator", "", "", "Chris Wallace interviewed Mike Pence on Sunday"),
                   ("direct", "Chris Wallace", ":", "Let us start with the debate."),
                   ("direct", "Chris Wallace", "", "Will she attend?"),
                   ("direct", "Mike Pence", ":", "She will not."),
                   ("narrator", "", "", "UPDATE: The interview was edited")]
    assert text[cs[1].speaker_start:cs[1].speaker_end] == "WALLACE"


def test_has_number_ignores_designators_glued_to_letters():
    from analysis.claims import has_number

    assert not has_number("heavy tanks like M1 Abrams and F-16 jets for G7 allies after COVID-19")
    assert has_number("the economy grew 2.2% in the quarter")
    assert has_number("$100 billion over a decade")
    assert has_number("thousands of rounds a day")


# --- a cue word as the noun of a prepositional phrase ---------------------------------------

@pytest.mark.parametrize("body,content_end", [
    ("Quarterly profit of $2 billion came in below Wall Street estimates, according to Refinitiv data.\n",
     "below Wall Street estimates"),
    ("Revenue rose 5% to $3 billion, above analysts' forecasts, according to FactSet data.\n",
     "above analysts' forecasts"),
])
def test_cue_noun_after_prepositional_name_is_not_a_claim(body, content_end):
    got = run(body)
    assert [c.cue for c in got] == ["according to"]  # no claim cued by "estimates"/"forecasts"
    assert got[0].content.endswith(content_end)


def test_cue_verb_after_affiliation_preposition_still_a_claim():
    # "for"/"at" attach the speaker's affiliation: the cue stays a verb
    got = run("A spokesman for Microsoft says the deal is off.\n"
              "Analysts at Jordan Brothers estimate the plan would cost $4 billion.\n")
    assert [(c.cue, c.content) for c in got] == [("says", "the deal is off"),
                                                  ("estimate", "the plan would cost $4 billion")]
